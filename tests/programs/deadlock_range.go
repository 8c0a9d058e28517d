// run exit=2

// Ranging over a channel that nobody closes: after the last value the main goroutine
// waits in "chan receive" forever while its producer has returned.
package main

func main() {
	c := make(chan int)
	go func() {
		for i := 0; i < 3; i++ {
			c <- i
		}
	}()
	for v := range c {
		println(v)
	}
}
