// run

// Evaluation order that the spec pins down: function calls, method calls and channel
// operations in an expression, a composite literal, an argument list or a return list
// run left to right; && and || short-circuit; an assignment evaluates index operands
// and right-hand sides first (in order) and then assigns left to right; op-assignment
// evaluates its index expression once.
package main

var log []byte

func f(tag byte, v int) int {
	log = append(log, tag)
	return v
}

func flush(label string) {
	println(label, string(log))
	log = log[:0]
}

type T struct{ a, b, c int }

func (t T) m(tag byte) T {
	log = append(log, tag)
	return t
}

func pair() (int, int) { return f('p', 1), f('q', 2) }

func truth(tag byte, v bool) bool {
	log = append(log, tag)
	return v
}

func main() {
	_ = f('a', 1) + f('b', 2)*f('c', 3) - f('d', 4)
	flush("binary ops:")
	_ = []int{f('a', 1), f('b', 2), f('c', 3)}
	flush("slice literal:")
	_ = T{c: f('c', 1), a: f('a', 2), b: f('b', 3)}
	flush("struct literal (source order):")
	_ = map[int]int{f('k', 1): f('v', 1), f('K', 2): f('V', 2)}
	flush("map literal:")
	println(f('x', 1), f('y', 2), f('z', 3))
	flush("arguments:")
	T{}.m('1').m('2').m('3')
	flush("method chain:")
	_, _ = pair()
	flush("multi-value return:")

	_ = truth('a', false) && truth('b', true)
	_ = truth('c', true) || truth('d', true)
	_ = truth('e', true) && truth('f', false) || truth('g', true)
	flush("short-circuit:")

	s := []int{0, 0, 0, 0}
	s[f('i', 1)], s[f('j', 2)] = f('r', 10), f('t', 20)
	flush("tuple assignment:")
	println("  s:", s[1], s[2])

	s[f('i', 3)] += f('v', 5)
	flush("op-assign index once:")
	println("  s[3]:", s[3])

	m := map[int]int{}
	m[f('k', 1)] = f('v', len(m))
	flush("map assignment:")
	println("  m[1]:", m[1])

	// Swaps and rotations through tuple assignment.
	a, b, c := 1, 2, 3
	a, b, c = c, a, b
	println("rotate:", a, b, c)
	i := 0
	xs := []int{10, 20, 30}
	i, xs[i] = 2, 99 // xs[0] is assigned: the index was evaluated before i changed
	println("index then assign:", i, xs[0], xs[2])

	// A function value is evaluated before its arguments.
	getF := func() func(int, int) int {
		log = append(log, 'F')
		return func(x, y int) int { return x + y }
	}
	getF()(f('1', 1), f('2', 2))
	flush("callee before args:")

	// Receive operations are ordered with calls.
	ch := make(chan int, 2)
	ch <- 5
	ch <- 6
	println("recv order:", f('a', 0)+<-ch, <-ch+f('b', 0))
	flush("  calls:")
}
