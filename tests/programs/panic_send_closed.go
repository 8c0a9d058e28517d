// run exit=2

// An unrecovered send on a closed channel.
package main

func main() {
	c := make(chan int, 1)
	close(c)
	println("sending")
	c <- 1
}
