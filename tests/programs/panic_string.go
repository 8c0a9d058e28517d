// run exit=2

// An unrecovered panic with a string value; deferred calls still run (and print) before
// the panic message, innermost first.
package main

func main() {
	defer println("deferred 1")
	defer func() {
		println("deferred 2 sees no recover")
	}()
	println("start")
	panic("something bad happened")
}
