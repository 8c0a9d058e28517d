// run

// Channels and goroutines with deterministic output: unbuffered hand-off, buffered
// channels (len/cap), close and the receive of zero values with ok=false, range over a
// channel, select with default, select over ready channels of which only one is ready,
// nil channels in select never being chosen, a worker pool whose results are summed,
// a ping-pong between two goroutines, and main returning while a goroutine is blocked.
package main

func producer(n int, out chan<- int) {
	for i := 1; i <= n; i++ {
		out <- i
	}
	close(out)
}

func main() {
	ch := make(chan int)
	go producer(5, ch)
	sum := 0
	for v := range ch {
		sum += v
	}
	println("unbuffered sum:", sum)

	b := make(chan string, 3)
	b <- "a"
	b <- "b"
	println("buffered len/cap:", len(b), cap(b))
	first := <-b
	println("recv:", first, len(b))
	close(b)
	v, ok := <-b
	println("after close, buffered value:", v, ok)
	v, ok = <-b
	println("drained:", v == "", ok)

	// select with default on an empty channel.
	empty := make(chan int)
	select {
	case x := <-empty:
		println("unexpected", x)
	default:
		println("default taken")
	}

	// Only one case ready.
	r1 := make(chan int, 1)
	r2 := make(chan int, 1)
	r2 <- 22
	select {
	case x := <-r1:
		println("r1", x)
	case x := <-r2:
		println("r2 ready:", x)
	}

	// nil channels block forever and are never selected.
	var nilCh chan int
	ready := make(chan int, 1)
	ready <- 1
	select {
	case <-nilCh:
		println("nil chosen?!")
	case nilCh <- 1:
		println("nil send chosen?!")
	case x := <-ready:
		println("non-nil chosen:", x)
	}

	// Worker pool.
	jobs := make(chan int, 100)
	results := make(chan int, 100)
	done := make(chan bool)
	for w := 0; w < 4; w++ {
		go func() {
			for j := range jobs {
				results <- j * j
			}
			done <- true
		}()
	}
	for i := 1; i <= 50; i++ {
		jobs <- i
	}
	close(jobs)
	for w := 0; w < 4; w++ {
		<-done
	}
	close(results)
	total := 0
	for r := range results {
		total += r
	}
	println("worker pool sum of squares:", total)

	// Ping-pong keeps a strict order.
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	x := 0
	for i := 0; i < 5; i++ {
		ping <- x
		x = <-pong
		print(x, " ")
	}
	close(ping)
	_, ok = <-pong
	println("| pong closed:", !ok)

	// Directional channel types and a channel of channels.
	reqs := make(chan chan int)
	go func() {
		for reply := range reqs {
			reply <- 42
		}
	}()
	reply := make(chan int)
	reqs <- reply
	println("channel of channels:", <-reply)
	close(reqs)

	// A goroutine's writes are visible after a channel synchronization.
	shared := 0
	sync := make(chan struct{})
	go func() {
		shared = 7
		close(sync)
	}()
	<-sync
	println("shared after sync:", shared)
	println("cap/len of nil:", cap(nilCh), len(nilCh))

	// A goroutine still blocked when main returns does not stop the program from
	// exiting normally (no deadlock report).
	go func() {
		<-make(chan int)
	}()
	println("main returns while a goroutine is blocked")
}
