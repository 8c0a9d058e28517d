// run

// Goroutine hand-offs: unbuffered sends wait for their receiver, a close wakes every
// parked receiver (zero value, ok false), a sender parked on a channel that is then
// closed panics (recovered in its own goroutine),
// pipelines of goroutines, arguments of go statements evaluated at the go statement,
// a go statement calling a method, defer close and go close, and a goroutine spinning forever that
// does not keep the others from running (preemption).
package main

type counter struct{ n int }

func (c *counter) add(k int, done chan<- bool) {
	c.n += k
	done <- true
}

func stage(in <-chan int, out chan<- int, f func(int) int) {
	for v := range in {
		out <- f(v)
	}
	close(out)
}

// gen sends 0..n-1 and closes its channel with a deferred close.
func gen(n int) <-chan int {
	c := make(chan int)
	go func() {
		defer close(c)
		for i := 0; i < n; i++ {
			c <- i
		}
	}()
	return c
}

func main() {
	// A spinner that never blocks: the scheduler must still run everyone else.
	go func() {
		for {
		}
	}()

	// close wakes all parked receivers.
	c := make(chan int)
	res := make(chan string, 3)
	for i := 0; i < 3; i++ {
		go func() {
			v, ok := <-c
			if v == 0 && !ok {
				res <- "woken by close"
			} else {
				res <- "unexpected value"
			}
		}()
	}
	// Give the receivers a chance to park (not needed for correctness).
	sync := make(chan bool)
	go func() { sync <- true }()
	<-sync
	close(c)
	for i := 0; i < 3; i++ {
		println(<-res)
	}

	// A parked sender whose channel is closed panics in its own goroutine.
	full := make(chan int, 1)
	full <- 1
	msg := make(chan bool)
	go func() {
		defer func() {
			msg <- recover() != nil
		}()
		full <- 2
	}()
	go func() { sync <- true }()
	<-sync
	<-full
	close(full)
	println("parked sender panicked:", <-msg)

	// A pipeline.
	src := make(chan int)
	sq := make(chan int)
	inc := make(chan int)
	go stage(src, sq, func(x int) int { return x * x })
	go stage(sq, inc, func(x int) int { return x + 1 })
	go func() {
		for i := 1; i <= 5; i++ {
			src <- i
		}
		close(src)
	}()
	for v := range inc {
		print(v, " ")
	}
	println()

	// Arguments are evaluated by the go statement.
	done := make(chan bool)
	k := 1
	cnt := &counter{}
	go cnt.add(k, done)
	k = 100
	<-done
	println("counter:", cnt.n, "k:", k)

	// defer close and go close.
	s := 0
	for v := range gen(10) {
		s += v
	}
	closed := make(chan bool)
	go close(closed)
	_, more := <-closed
	println("generator sum:", s, "closed by go close:", !more)
	println("main returns")
}
