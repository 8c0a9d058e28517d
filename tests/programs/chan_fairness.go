// run

// Scheduling fairness: two goroutines handing a value back and forth forever (each
// always readies the other) must not starve a third goroutine that was preempted
// in the middle of a long loop; gc gives the pair one shared time slice, after which
// the others run.
package main

func main() {
	a, b := make(chan int), make(chan int)
	done := make(chan int)
	go func() {
		for {
			a <- 1
			<-b
		}
	}()
	go func() {
		for {
			<-a
			b <- 1
		}
	}()
	go func() {
		n := 0
		for i := 0; i < 3000000; i++ {
			n += i & 1
		}
		done <- n
	}()
	println("the long loop finished:", <-done)
}
