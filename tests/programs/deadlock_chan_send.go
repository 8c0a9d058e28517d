// run exit=2

// A send on an unbuffered channel with no receiver, after another goroutine finished:
// gc reports the deadlock with the main goroutine waiting in "chan send".
package main

func main() {
	done := make(chan bool)
	go func() { done <- true }()
	<-done
	c := make(chan int)
	println("sending")
	c <- 1
}
