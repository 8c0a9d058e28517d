// run exit=2

// Panics inside deferred calls that a panic is running: recovered inside, recovered
// outside (the first panic is then aborted), and a recovered panic still listed when a
// later one goes unrecovered.
package main

func inner() (r int) {
	defer func() {
		println("outer recovered:", recover().(int))
		defer func() {
			println("inner recovered:", recover().(int))
			r = 7
		}()
		panic(2)
	}()
	panic(1)
}

func aborted() {
	defer func() {
		println("caller recovered:", recover().(int))
	}()
	defer func() {
		panic(4) // aborts panic 3
	}()
	panic(3)
}

func twice() {
	for i := 0; i < 3; i++ {
		func() {
			defer func() {
				recover()
				defer func() { println("again", i, recover() != nil) }()
				panic(i)
			}()
			panic(i)
		}()
	}
}

func main() {
	println(inner())
	aborted()
	twice()
	defer func() {
		println("recovered", recover().(int))
		panic(6)
	}()
	panic(5)
}
