// run exit=2

// Re-panicking with the recovered value itself: gc prints the value once, marked
// " [recovered, repanicked]".
package main

type E struct{}

func (E) Error() string { return "custom error value" }

func main() {
	defer func() {
		r := recover()
		println("recovered; re-panicking")
		panic(r)
	}()
	panic(E{})
}
