// run

// Iterators that misbehave: calling yield again after it returned false, calling it
// after the loop has exited, and swallowing the loop body's panic. gc's checks panic
// with runtime errors whose messages are printed here (recovered).
package main

func ignoresFalse(yield func(int) bool) {
	for i := 0; i < 3; i++ {
		yield(i) // result ignored: keeps going after the body broke out
	}
}

var saved func(int) bool

func savesYield(yield func(int) bool) {
	saved = yield
	yield(0)
}

func swallows(yield func(int) bool) {
	defer func() { recover() }()
	yield(1)
}

func try(label string, f func()) {
	defer func() {
		r := recover()
		if r == nil {
			println(label, "=> no panic")
			return
		}
		_, re := r.(interface{ RuntimeError() })
		println(label, "=>", r.(error).Error(), "| runtime.Error:", re)
	}()
	f()
}

func main() {
	try("continue after false", func() {
		for x := range ignoresFalse {
			println("  body", x)
			break
		}
	})
	try("yield after loop exit", func() {
		for x := range savesYield {
			println("  body", x)
		}
		saved(1)
	})
	try("iterator swallows body panic", func() {
		for x := range swallows {
			println("  body", x)
			panic("from body")
		}
	})
	try("well-behaved ignoring false without break", func() {
		for x := range ignoresFalse {
			println("  body", x)
		}
	})
}
