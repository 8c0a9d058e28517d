// run exit=2

// Receiving from a nil channel blocks forever: "chan receive (nil chan)".
package main

func main() {
	var c chan string
	println("receiving from nil")
	println(<-c)
}
