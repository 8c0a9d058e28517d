// run exit=2

// An unrecovered index out of range: the exact panic line, and exit status 2.
package main

func get(s []int, i int) int { return s[i] }

func main() {
	s := []int{10, 20, 30}
	println("s[2] =", get(s, 2))
	println("s[5] =", get(s, 5))
}
