// run exit=2

// A select whose channels never become ready, with the other goroutines blocked too:
// the main goroutine is reported in "select".
package main

func main() {
	a := make(chan int)
	b := make(chan int)
	go func() { <-b }()
	go func() { a <- 1 }()
	<-a
	select {
	case <-a:
	case a <- 2:
	}
}
