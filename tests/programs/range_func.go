// run

// Range over functions (Go 1.23 iterators): func(yield func() bool),
// func(yield func(V) bool) and func(yield func(K, V) bool); early break, continue, return
// from inside the body (the iterator sees yield return false and its defers run), labeled
// break/continue out of nested iterator loops, defer inside a range-over-func body
// (runs when the enclosing function returns, not per iteration), goto out of the body,
// and the body's panic propagating through the iterator.
package main

func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		defer println("  count iterator done")
		for i := 0; i < n; i++ {
			if !yield(i) {
				println("  count: yield returned false at", i)
				return
			}
		}
	}
}

func pairs(s []string) func(func(int, string) bool) {
	return func(yield func(int, string) bool) {
		for i, v := range s {
			if !yield(i, v) {
				return
			}
		}
	}
}

func three(yield func() bool) {
	_ = yield() && yield() && yield()
}

func tree(depth int) func(func(int) bool) {
	var walk func(d, id int, yield func(int) bool) bool
	walk = func(d, id int, yield func(int) bool) bool {
		if d == 0 {
			return yield(id)
		}
		return walk(d-1, id*2, yield) && walk(d-1, id*2+1, yield)
	}
	return func(yield func(int) bool) { walk(depth, 1, yield) }
}

func findFirst(limit int) int {
	for x := range count(limit) {
		if x*x > 10 {
			return x // return from inside the body
		}
	}
	return -1
}

func deferInBody() {
	for x := range count(3) {
		defer println("  deferred in body, x =", x)
	}
	println("  loop finished, defers pending")
}

func gotoOut() string {
	for x := range count(10) {
		if x == 2 {
			goto out
		}
	}
	return "no goto"
out:
	return "goto out of range-over-func"
}

func panicThrough() (msg string) {
	defer func() { msg = "recovered: " + recover().(string) }()
	for x := range count(5) {
		if x == 1 {
			panic("body panic")
		}
	}
	return "no panic"
}

func main() {
	println("full:")
	for x := range count(3) {
		println("  x =", x)
	}
	println("break:")
	for x := range count(5) {
		if x == 2 {
			break
		}
		println("  x =", x)
	}
	println("continue:")
	for x := range count(4) {
		if x%2 == 0 {
			continue
		}
		println("  odd", x)
	}
	println("pairs:")
	for i, s := range pairs([]string{"a", "b", "c"}) {
		println("  ", i, s)
	}
	for i := range pairs([]string{"only", "keys"}) {
		println("  key only", i)
	}
	n := 0
	for range three {
		n++
	}
	println("no-arg iterator:", n)
	sum := 0
	for leaf := range tree(3) {
		sum += leaf
	}
	println("tree leaves sum:", sum)
	println("findFirst:", findFirst(10))
	println("defer in body:")
	deferInBody()
	println("after deferInBody")
	println(gotoOut())
	println(panicThrough())

	// Labeled break/continue across nested iterator loops.
	found := 0
outer:
	for i := range count(4) {
		for j := range count(4) {
			if j > i {
				continue outer
			}
			if i == 3 && j == 1 {
				break outer
			}
			found++
		}
	}
	println("nested labeled:", found)

	// Loop variables are per iteration in range-over-func as well.
	var fs []func() int
	for x := range count(3) {
		fs = append(fs, func() int { return x })
	}
	println("captured:", fs[0](), fs[1](), fs[2]())
}
