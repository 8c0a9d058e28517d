// run

// defer recover(): a no-op as the deferred call itself, a recovery inside a deferred function.
package main

func mustRecover(x interface{}) {
	mustNotRecover() // because it's not a defer call
	v := recover()
	if v == nil {
		println("missing recover")
		return
	}
	if v != x {
		println("wrong value")
	}
	// the value should be gone now regardless
	v = recover()
	if v != nil {
		println("recover didn't recover")
	}
}

func mustNotRecover() {
	if v := recover(); v != nil {
		println("spurious recover", v.(int))
	}
}

func test1() {
	defer mustRecover(2)
	defer recover() // should be no-op
	panic(2)
}

func test2() {
	defer mustNotRecover()
	defer func() {
		defer recover() // should squelch
	}()
	panic(4)
}

func test3() {
	defer mustNotRecover()
	defer func() {
		defer recover() // like a normal call from this func; runs because mustRecover stops the panic
		defer mustRecover(3)
		panic(3)
	}()
}

func main() {
	test1()
	test2()
	test3()
	println("done")
}
