// run exit=2

// An unrecovered negative shift amount panic.
package main

func main() {
	s := -3
	println("shifting by", s)
	println(1 << s)
}
