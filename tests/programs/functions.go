// run

// Functions: multiple results, named results (zeroed, shadowed in inner scopes, bare
// return), variadic parameters (nil when no arguments, sharing the caller's slice when
// called with s...), function values and types, recursion, and evaluation order of
// arguments and assignment operands (left to right for calls).
package main

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func named() (x int, s string, ok bool) {
	return // all zero
}

func variadic(prefix string, xs ...int) int {
	print(prefix, " len=", len(xs), " nil=", xs == nil)
	sum := 0
	for _, x := range xs {
		sum += x
	}
	println(" sum=", sum)
	return sum
}

func mutateVariadic(xs ...int) {
	if len(xs) > 0 {
		xs[0] = 999
	}
}

func trace(s string, v int) int {
	print(s, " ")
	return v
}

func apply(fs []func(int) int, v int) int {
	for _, f := range fs {
		v = f(v)
	}
	return v
}

func ackermann(m, n int) int {
	switch {
	case m == 0:
		return n + 1
	case n == 0:
		return ackermann(m-1, 1)
	}
	return ackermann(m-1, ackermann(m, n-1))
}

type BinOp func(int, int) int

func (op BinOp) Fold(init int, xs ...int) int {
	for _, x := range xs {
		init = op(init, x)
	}
	return init
}

func shadowed() (n int) {
	n = 1
	{
		n := 2 // shadows the result
		_ = n
	}
	return
}

func multi() (int, string, float64) { return 1, "two", 3.0 }

func takeMulti(a int, b string, c float64) string {
	return b
}

func main() {
	q, r := divmod(17, 5)
	println("divmod:", q, r)
	x, s, ok := named()
	println("named zero:", x, s == "", ok)
	variadic("none")
	variadic("three", 1, 2, 3)
	nums := []int{4, 5}
	variadic("spread", nums...)
	variadic("empty spread", []int{}...)
	mutateVariadic(nums...)
	println("shared backing:", nums[0])
	mutateVariadic(7, 8)

	// Argument evaluation order.
	println("\nargs:", trace("a", 1)+trace("b", 2)*trace("c", 3))
	arr := []int{0, 0, 0}
	i := 0
	arr[trace("idx", i)], i = trace("val", 5), 2
	println("\nassigned:", arr[0], i)

	inc := func(v int) int { return v + 1 }
	dbl := func(v int) int { return v * 2 }
	println("apply:", apply([]func(int) int{inc, dbl, inc}, 5))
	println("ackermann(2,3):", ackermann(2, 3))
	add := BinOp(func(a, b int) int { return a + b })
	println("fold:", add.Fold(0, 1, 2, 3, 4), BinOp(func(a, b int) int { return a * b }).Fold(1, 1, 2, 3, 4))
	println("shadowed named result:", shadowed())
	println("multi passthrough:", takeMulti(multi()))

	// Function values compared with nil, and assigned.
	var fv func(int) int
	println("nil func:", fv == nil)
	fv = inc
	println("assigned:", fv(41))

	// A swap via tuple assignment evaluates all right-hand sides first.
	a, b := 1, 2
	a, b = b, a+b
	println("tuple:", a, b)
	xs := []int{1, 2, 3}
	k := 0
	k, xs[k] = 1, 9 // index evaluated before assignment
	println("index before assign:", k, xs[0], xs[1])
}
