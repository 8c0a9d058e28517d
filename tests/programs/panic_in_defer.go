// run exit=2

// A panic raised by a deferred call while another panic is unwinding, with nothing
// recovered: both are printed, the later one indented.
package main

func main() {
	defer func() {
		panic("panic in defer")
	}()
	defer println("first deferred call runs")
	panic("original panic")
}
