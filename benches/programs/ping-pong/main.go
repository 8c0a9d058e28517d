// Ping-pong bounces a counter between two goroutines over unbuffered channels:
// a benchmark of the cheapest possible channel hand-off.
//
// Usage: ping-pong [round trips] (default 1000000).
package main

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	n := 1000000
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil || v <= 0 {
			fmt.Fprintln(os.Stderr, "usage: ping-pong [round trips]")
			os.Exit(2)
		}
		n = v
	}
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	sum := 0
	for i := range n {
		ping <- i
		sum += <-pong
	}
	close(ping)
	_, open := <-pong
	fmt.Printf("%d round trips, sum %d, pong closed: %v\n", n, sum, !open)
}
