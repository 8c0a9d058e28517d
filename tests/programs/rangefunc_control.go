// run

// Range over iterator functions: break, continue, return (with values, bare, and
// from nested loops), assignment to existing variables, captured variables, and
// labeled continue/break naming the loop itself.
package main

func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				println("  iterator stopped at", i)
				return
			}
		}
		println("  iterator exhausted")
	}
}

func pairs(yield func(string, int) bool) {
	_ = yield("a", 1) && yield("b", 2) && yield("c", 3)
}

func find(n, want int) (int, bool) {
	for i := range count(n) {
		if i == want {
			return i * 10, true
		}
	}
	return -1, false
}

func named(n int) (sum int, err string) {
	for i := range count(n) {
		sum += i
		if sum > 5 {
			err = "too big"
			return
		}
	}
	return sum, ""
}

func nested() int {
	for i := range count(3) {
		for j := range count(3) {
			if i*j == 2 {
				return i*100 + j
			}
		}
	}
	return 0
}

func main() {
	total := 0
	for i := range count(5) {
		if i%2 == 0 {
			continue
		}
		total += i
	}
	println("odd total", total)
	for i := range count(10) {
		if i == 3 {
			break
		}
		println("  i", i)
	}
	println(find(5, 3))
	println(find(2, 3))
	println(named(3))
	println(named(10))
	println(nested())
	var k string
	var v int
	for k, v = range pairs {
		if v == 2 {
			break
		}
	}
	println("last", k, v)
outer:
	for i := range count(4) {
		for j := 0; j < 4; j++ {
			if j > i {
				continue outer
			}
			if i == 3 {
				break outer
			}
			print(i, j, " ")
		}
	}
	println()
	for range count(2) {
		println("  no vars")
	}
}
