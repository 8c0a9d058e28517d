// run exit=2

// An unrecovered slice bounds failure with a capacity bound.
package main

func main() {
	s := make([]byte, 2, 4)
	n := 6
	println("slicing")
	t := s[1:n]
	println(len(t))
}
