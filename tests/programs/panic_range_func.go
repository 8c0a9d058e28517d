// run exit=2

// An iterator that calls yield again after the loop body broke out: gc's runtime check
// panics, unrecovered.
package main

func all(yield func(int) bool) {
	for i := 0; i < 3; i++ {
		yield(i)
	}
}

func main() {
	for x := range all {
		println("x =", x)
		break
	}
	println("unreachable")
}
