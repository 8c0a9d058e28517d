// run exit=2

// An unrecovered comparison of interface values holding slices.
package main

func main() {
	var a, b interface{} = []int{1}, []int{1}
	println("comparing")
	println(a == b)
}
