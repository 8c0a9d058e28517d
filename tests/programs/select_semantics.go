// run

// select as the spec says: every channel operand and every value to send is evaluated
// exactly once, in source order, before the choice; the left sides of a receive case
// are evaluated after it; among several ready cases each is chosen sometimes (uniform
// random choice); a blocked select is woken by whichever case becomes ready and leaves
// the other channels' queues (a later send on them does not find a stale receiver);
// break leaves the select; select in a loop with default; comma-ok receives of a closed
// channel; a send case to a waiting receiver.
package main

var trace []string

func ch(name string, c chan int) chan int {
	trace = append(trace, "chan "+name)
	return c
}

func val(name string, v int) int {
	trace = append(trace, "value "+name)
	return v
}

func idx(name string, i int) int {
	trace = append(trace, "index "+name)
	return i
}

func main() {
	a := make(chan int, 1)
	b := make(chan int, 1)
	var nilc chan int
	a <- 7
	b <- 0 // full: only the receive from a is ready
	var arr [2]int
	select {
	case ch("nil", nilc) <- val("nil send", 1):
		println("nil send chosen?!")
	case arr[idx("lhs", 1)] = <-ch("a", a):
		println("received", arr[1])
	case ch("b", b) <- val("b send", 2):
		println("sent to b?!")
	}
	for _, t := range trace {
		println(" ", t)
	}

	// Both ready: each is chosen sometimes.
	x := make(chan int, 1)
	y := make(chan int, 1)
	var nx, ny int
	for i := 0; i < 1000; i++ {
		x <- 1
		y <- 2
		select {
		case <-x:
			nx++
			<-y
		case <-y:
			ny++
			<-x
		}
	}
	println("both chosen:", nx > 100, ny > 100, nx+ny)

	// A blocked select woken by its second case.
	p := make(chan int)
	q := make(chan string)
	out := make(chan string)
	go func() {
		select {
		case v := <-p:
			out <- "p " + string(rune('0'+v))
		case s, ok := <-q:
			if ok {
				out <- "q " + s
			}
		}
	}()
	q <- "hello"
	println(<-out)
	// p's queue holds no stale receiver now: a send is not ready.
	select {
	case p <- 1:
		println("stale receiver took the value?!")
	default:
		println("p has no receiver")
	}

	// A send case hands over to a parked receiver.
	r := make(chan int)
	got := make(chan int)
	go func() { got <- <-r * 10 }()
	select {
	case r <- 4:
	}
	println("send case:", <-got)

	// break inside select, select with default in a loop.
	e := make(chan int, 3)
	n := 0
	for i := 0; i < 5; i++ {
		select {
		case e <- i:
			n++
			if i == 1 {
				break
			}
		default:
			println("full at", i)
		}
	}
	println("sent", n)

	// Receives in select from a closed channel.
	close(e)
	for {
		v, ok := 0, false
		select {
		case v, ok = <-e:
		}
		if !ok {
			println("closed, v =", v)
			break
		}
		println("drained", v)
	}

	// An empty select with default, and a select of only nil channels with default.
	select {
	default:
		println("empty select with default")
	}
	select {
	case <-nilc:
	case nilc <- 1:
	default:
		println("nil channels are never ready")
	}
}
