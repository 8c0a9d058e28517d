// run

// Panics during deferred calls: a new panic in a defer replaces the old one for recover;
// a re-panic of the recovered value; panics in several stacked defers; recovering in an
// outer function after inner defers ran; and defers of all frames running in order
// while a panic unwinds.
package main

func replace() {
	defer func() {
		r := recover()
		println("recovered:", r.(string))
	}()
	defer func() {
		panic("second")
	}()
	panic("first")
}

func repanic() (out string) {
	defer func() {
		out = "outer got: " + recover().(string)
	}()
	func() {
		defer func() {
			r := recover()
			println("inner recovered:", r.(string))
			panic(r.(string) + " again")
		}()
		panic("original")
	}()
	return "not reached"
}

func level3() {
	defer println("level3 defer")
	panic("deep")
}

func level2() {
	defer println("level2 defer")
	level3()
	println("level2 unreachable")
}

func level1() (res string) {
	defer func() {
		res = "level1 recovered " + recover().(string)
	}()
	defer println("level1 defer")
	level2()
	return "unreachable"
}

func chain() {
	defer func() {
		println("final recover:", recover().(string))
	}()
	defer func() {
		defer func() {
			r := recover()
			println("middle recovered:", r.(string))
			panic("third")
		}()
		panic("second")
	}()
	panic("first")
}

func main() {
	replace()
	println(repanic())
	println(level1())
	chain()
	println("main done")
}
