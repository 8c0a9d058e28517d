// run exit=2

// Receiving from a channel nobody will ever send on, with no other goroutine: gc's
// deadlock detector prints "fatal error: all goroutines are asleep - deadlock!" and the
// program exits with status 2 (deferred calls do not run).
package main

func main() {
	defer println("deferred call does not run")
	println("waiting forever")
	ch := make(chan int)
	<-ch
}
