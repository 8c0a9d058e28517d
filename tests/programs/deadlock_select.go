// run exit=2

// An empty select blocks forever; with every goroutine blocked (the other one waits on a
// nil channel) the runtime reports a deadlock.
package main

func main() {
	go func() {
		var ch chan int
		ch <- 1
	}()
	println("blocking in select {}")
	select {}
}
