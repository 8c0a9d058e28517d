// Ping-pong bounces a counter between two goroutines over unbuffered channels:
// a benchmark of the cheapest possible channel hand-off.
//
// It imports nothing, so an interpreter without the standard library can run it;
// the number of round trips comes in through the linker:
// go build -ldflags=-X=main.size=1000000.
package main

// size is the number of round trips, as a decimal string so that -ldflags=-X can set it.
var size = "1000000"

// atoi parses a positive decimal number; a malformed one is a usage error.
func atoi(s string) int {
	if s == "" {
		panic("size: empty")
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			panic("size: not a decimal number: " + s)
		}
		n = n*10 + int(c-'0')
	}
	return n
}

func main() {
	n := atoi(size)
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
	println(n, "round trips, sum", sum, "pong closed:", !open)
}
