// run

// Closures capture variables, not values: shared captured variables between closures,
// counters and generators, closures modifying outer variables, recursive closures,
// closures returned from functions, immediately invoked function literals, and closures
// over parameters and named results.
package main

func counter() (func() int, func()) {
	n := 0
	return func() int { n++; return n }, func() { n = 100 }
}

func adder(base int) func(int) int {
	return func(x int) int {
		base += x
		return base
	}
}

func fibGen() func() int {
	a, b := 0, 1
	return func() int {
		r := a
		a, b = b, a+b
		return r
	}
}

func namedResult() (r int) {
	set := func() { r = 7 }
	set()
	return
}

func compose(f, g func(int) int) func(int) int {
	return func(x int) int { return f(g(x)) }
}

func main() {
	next, reset := counter()
	println("counter:", next(), next(), next())
	reset()
	println("after reset:", next())

	add := adder(10)
	println("adder:", add(1), add(2), add(3))
	add2 := adder(0)
	println("independent:", add2(5), add(0))

	f := fibGen()
	for i := 0; i < 10; i++ {
		print(f(), " ")
	}
	println()

	// Closure modifies outer variable.
	x := 1
	inc := func() { x *= 2 }
	inc()
	inc()
	println("x:", x)

	// Capture happens by reference: later changes are visible.
	y := 1
	get := func() int { return y }
	y = 50
	println("late change:", get())

	// Recursive closure.
	var fact func(int) int
	fact = func(n int) int {
		if n <= 1 {
			return 1
		}
		return n * fact(n-1)
	}
	println("fact(10):", fact(10))

	// Immediately invoked.
	v := func(a, b int) int { return a * b }(6, 7)
	println("iife:", v)

	println("named result:", namedResult())
	sq := func(x int) int { return x * x }
	plus1 := func(x int) int { return x + 1 }
	println("compose:", compose(sq, plus1)(3), compose(plus1, sq)(3))

	// Closures in a slice sharing one variable declared outside the loop.
	shared := 0
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { shared++; return shared })
	}
	r0, r1, r2 := fs[0](), fs[1](), fs[2]()
	println("shared:", r0, r1, r2, shared)

	// Nested closures three levels deep.
	level := 1
	outer := func() func() func() int {
		level++
		return func() func() int {
			level++
			return func() int { level++; return level }
		}
	}
	got := outer()()()
	println("nested:", got, level)

	// Closure capturing a struct and an array by reference.
	type S struct{ N int }
	s := S{1}
	arr := [2]int{1, 2}
	mod := func() { s.N = 9; arr[1] = 9 }
	mod()
	println("captured composite:", s.N, arr[1])

	// Closure capturing a parameter.
	mk := func(p int) func() int { return func() int { p++; return p } }
	g := mk(10)
	println("param capture:", g(), g())

	var fnil func()
	println("nil func:", fnil == nil)
}
