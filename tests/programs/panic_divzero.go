// run exit=2

// An unrecovered integer division by zero: the output before the panic, then the runtime
// error's panic message, and exit status 2.
package main

var d = 0

func main() {
	println("dividing")
	println(10 / d)
	println("unreachable")
}
