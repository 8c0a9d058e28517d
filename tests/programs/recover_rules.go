// run

// recover: returns nil outside a panic, stops a panic only when called directly by a
// deferred function (not from a function that the deferred function calls, not from a
// function deferred by a deferred function), returns the panic value,
// and returns nil after the panic has been recovered. Functions with recovered panics
// return normally with their named results.
package main

func helper() interface{} { return recover() }

func directRecover() (res string) {
	defer func() {
		if r := recover(); r != nil {
			res = "recovered: " + r.(string)
		}
	}()
	panic("direct")
}

func indirectRecover() (res string) {
	defer func() {
		r := helper() // not called directly by the deferred function: returns nil
		println("helper recover returned nil:", r == nil)
		r = recover() // called directly: stops the panic
		res = "direct after helper: " + r.(string)
	}()
	panic("indirect")
}

func deferRecoverDirectly() (res string) {
	defer func() {
		r := recover()
		res = "caught by second: " + r.(string)
	}()
	defer recover() // recover is the deferred call itself, not called by one: no effect
	panic("deferred recover builtin")
}

func twice() {
	defer func() {
		r1 := recover()
		r2 := recover()
		println("first recover:", r1.(string), "second recover nil:", r2 == nil)
	}()
	panic("once")
}

func noPanic() {
	defer func() {
		println("recover without panic is nil:", recover() == nil)
	}()
}

func recoverValueTypes() {
	for i := 0; i < 3; i++ {
		func() {
			defer func() {
				switch v := recover().(type) {
				case int:
					println("int value", v)
				case error:
					println("error value", v.Error())
				case []int:
					println("slice value", len(v))
				}
			}()
			switch i {
			case 0:
				panic(7)
			case 1:
				var m map[int]int
				m[0] = 1
			case 2:
				panic([]int{1, 2, 3})
			}
		}()
	}
}

func afterRecoverContinues() int {
	x := 0
	func() {
		defer func() { recover() }()
		x = 1
		panic("p")
	}()
	x += 10
	return x
}

// A function deferred inside a deferred function that is running because of a panic
// is not run by the panic itself, so its recover returns nil; the panic continues and
// is caught one level up.
func nestedDeferRecover() (res string) {
	defer func() {
		res = "caught one level up: " + recover().(string)
	}()
	func() {
		defer func() {
			defer func() {
				println("nested deferred recover is nil:", recover() == nil)
			}()
		}()
		panic("nested")
	}()
	return "unreachable"
}

func main() {
	println(directRecover())
	println(nestedDeferRecover())
	println(indirectRecover())
	println(deferRecoverDirectly())
	twice()
	noPanic()
	println("top-level recover:", recover() == nil)
	recoverValueTypes()
	println("continues:", afterRecoverContinues())
}
