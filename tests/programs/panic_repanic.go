// run exit=2

// A recovered panic followed by a different panic in the same deferred function: gc
// prints the first with " [recovered]" and the second indented under it.
package main

func main() {
	defer func() {
		r := recover()
		println("recovered", r.(string))
		panic("second")
	}()
	panic("first")
}
