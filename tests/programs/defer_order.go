// run

// defer: LIFO order, arguments (and the receiver of a deferred method call) evaluated at
// the defer statement, closures seeing later values, defers in loops, deferred calls
// modifying named results after return, defer of method values and builtins, and defers
// running when a function returns early.
package main

type T struct{ name string }

func (t T) Say(suffix string) { println("T.Say", t.name, suffix) }
func (t *T) PSay()            { println("T.PSay", t.name) }

func order() {
	for i := 0; i < 4; i++ {
		defer println("loop defer", i)
	}
	println("order body done")
}

func args() {
	x := 1
	defer println("defer arg evaluated early:", x)
	defer func(v int) { println("closure param:", v, "captured:", x) }(x)
	x = 2
	t := T{"first"}
	defer t.Say("value receiver copied")
	p := &T{"ptr-first"}
	defer p.PSay()
	t.name = "second"
	p.name = "ptr-second"
}

func namedResult() (n int, s string) {
	defer func() {
		n *= 2
		s += " (deferred)"
	}()
	n = 5
	s = "set"
	return n + 1, s + "!"
}

func early(flag bool) (out string) {
	defer func() { out = "[" + out + "]" }()
	if flag {
		return "early"
	}
	return "late"
}

func evalFunc() {
	get := func(tag string) func() {
		println("evaluating deferred function", tag)
		return func() { println("running deferred", tag) }
	}
	defer get("a")()
	defer get("b")()
	println("evalFunc body")
}

func nestedDefers() {
	defer func() {
		defer println("inner defer 1")
		defer println("inner defer 2")
		println("outer deferred body")
	}()
	println("nestedDefers body")
}

func main() {
	order()
	args()
	n, s := namedResult()
	println("namedResult:", n, s)
	println("early:", early(true), early(false))
	evalFunc()
	nestedDefers()
	var counter int
	func() {
		defer func() { counter++ }()
		defer func() { counter *= 10 }()
		counter = 1
	}()
	println("counter:", counter)
	// A deferred nil function panics when it would be called, at function end.
	func() {
		defer func() { println("recovered nil func defer:", recover() != nil) }()
		var f func()
		defer f()
		println("defer nil func registered fine")
	}()
}
