// run

// Per-iteration loop variables (Go 1.22 semantics, which `go run` of a file outside a
// module uses): 3-clause for loops and range loops give each iteration a fresh variable,
// observable through closures and pointers; modification inside the body carries over to
// the next iteration's copy in 3-clause loops.
package main

func main() {
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	print("3-clause closures:")
	for _, f := range fs {
		print(" ", f())
	}
	println()

	fs = nil
	for i, v := range []string{"a", "bb", "ccc"} {
		fs = append(fs, func() int { return i*10 + len(v) })
	}
	print("range closures:")
	for _, f := range fs {
		print(" ", f())
	}
	println()

	// Modifying the variable in the body affects the next iteration (copied at the end
	// of each iteration before the post statement).
	var ps []*int
	for i := 0; i < 10; i++ {
		ps = append(ps, &i)
		i += 2
	}
	print("body modification:")
	for _, p := range ps {
		print(" ", *p)
	}
	println()

	// A closure modifying the loop variable during its own iteration.
	fs = nil
	for i := 0; i < 6; i++ {
		inc := func() { i++ }
		inc()
		fs = append(fs, func() int { return i })
	}
	print("closure modifies i:")
	for _, f := range fs {
		print(" ", f())
	}
	println()

	// Range over an integer and over a map both give per-iteration variables.
	fs = nil
	for i := range 4 {
		fs = append(fs, func() int { return i * i })
	}
	print("range int:")
	for _, f := range fs {
		print(" ", f())
	}
	println()

	m := map[int]int{1: 10, 2: 20, 3: 30}
	sum := 0
	var gs []func() int
	for k, v := range m {
		gs = append(gs, func() int { return k + v })
	}
	for _, g := range gs {
		sum += g()
	}
	println("range map closures sum:", sum)

	// Labeled continue still copies the variable.
	fs = nil
outer:
	for i := 0; i < 5; i++ {
		if i%2 == 0 {
			fs = append(fs, func() int { return i })
			continue outer
		}
	}
	print("continue:")
	for _, f := range fs {
		print(" ", f())
	}
	println()

	// Deferred closures in a loop see each iteration's own variable.
	func() {
		print("deferred:")
		defer println()
		for i := 0; i < 3; i++ {
			defer func() { print(" ", i) }()
		}
	}()

	// Variables declared in the loop body are per-iteration as always.
	fs = nil
	for i := 0; i < 3; i++ {
		j := i * 100
		fs = append(fs, func() int { return j })
	}
	print("body vars:")
	for _, f := range fs {
		print(" ", f())
	}
	println()
}
