// run exit=2

// An unrecovered failed type assertion: gc prints the *runtime.TypeAssertionError's
// message ("interface conversion: ...") without a "runtime error: " prefix.
package main

type Animal interface{ Sound() string }
type Dog struct{}

func (Dog) Sound() string { return "woof" }

func main() {
	var a Animal = Dog{}
	println("sound:", a.Sound())
	var x interface{} = "a string"
	n := x.(int)
	println(n)
}
