// Goroutine-ring passes a token around a ring of goroutines linked by
// unbuffered channels, after the Computer Language Benchmarks Game's
// thread-ring: a benchmark of goroutine switches.
//
// Usage: goroutine-ring [goroutines [passes]] (default 10000 goroutines, 1000000 passes).
package main

import (
	"fmt"
	"os"
	"strconv"
)

// worker forwards the token, counting it down; the goroutine that receives 0
// reports its id.
func worker(id int, in <-chan int, out chan<- int, done chan<- int) {
	for token := range in {
		if token == 0 {
			done <- id
			return
		}
		out <- token - 1
	}
}

func arg(i, def int) int {
	if len(os.Args) <= i {
		return def
	}
	v, err := strconv.Atoi(os.Args[i])
	if err != nil || v <= 0 {
		fmt.Fprintln(os.Stderr, "usage: goroutine-ring [goroutines [passes]]")
		os.Exit(2)
	}
	return v
}

func main() {
	n, passes := arg(1, 10000), arg(2, 1000000)
	chans := make([]chan int, n)
	for i := range chans {
		chans[i] = make(chan int)
	}
	done := make(chan int)
	for i := range n {
		go worker(i+1, chans[i], chans[(i+1)%n], done)
	}
	chans[0] <- passes
	fmt.Printf("token stopped at goroutine %d of %d after %d passes\n", <-done, n, passes)
}
