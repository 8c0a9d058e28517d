// run

// Range over integers (Go 1.22): untyped constants, typed integers giving typed loop
// variables, zero and negative counts (no iterations), the count evaluated once, and the
// forms without a variable.
package main

type Small uint8

func main() {
	print("range 5:")
	for i := range 5 {
		print(" ", i)
	}
	println()

	n := 3
	print("range n (changed inside):")
	for i := range n {
		n = 10
		print(" ", i)
	}
	println(" | n =", n)

	var s Small = 4
	print("typed Small:")
	for i := range s {
		var t Small = i // i has type Small
		print(" ", t)
	}
	println()
	var u8 uint8 = 255
	count := 0
	for i := range u8 {
		_ = i
		count++
	}
	println("range uint8 255:", count)

	neg := -5
	iters := 0
	for range neg {
		iters++
	}
	for range 0 {
		iters++
	}
	println("negative and zero:", iters)

	var i64 int64 = 3
	sum := int64(0)
	for i := range i64 {
		sum += i
	}
	println("int64 sum:", sum)

	// Modifying the loop variable does not change the iteration.
	print("modify var:")
	for i := range 4 {
		print(" ", i)
		i += 10
		_ = i
	}
	println()

	// Range over a function call's result evaluated once.
	calls := 0
	f := func() int { calls++; return 3 }
	for range f() {
	}
	println("count evaluated once:", calls)

	// Nested with break.
	pairs := 0
	for i := range 10 {
		for j := range i {
			if j > 2 {
				break
			}
			pairs++
		}
	}
	println("pairs:", pairs)
}
