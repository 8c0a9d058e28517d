// Parked-goroutines starts many goroutines that all block on one channel, then
// releases them: a benchmark of goroutine creation and of memory per parked
// goroutine (the runner reports the peak RSS).
//
// It imports nothing, so an interpreter without the standard library can run it;
// the number of goroutines comes in through the linker:
// go build -ldflags=-X=main.size=100000.
package main

// size is the number of goroutines, as a decimal string so that -ldflags=-X can set it.
var size = "100000"

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
	release := make(chan struct{})
	// Buffered so that starting and finishing never block: every goroutine is
	// parked on release at once once n starts have been counted.
	started := make(chan struct{}, n)
	finished := make(chan struct{}, n)
	results := make([]int, n)
	for i := range n {
		go func() {
			started <- struct{}{}
			<-release
			results[i] = i * 2
			finished <- struct{}{}
		}()
	}
	parked := 0
	for range n {
		<-started
		parked++
	}
	close(release)
	for range n {
		<-finished
	}
	sum := 0
	for _, r := range results {
		sum += r
	}
	println(parked, "goroutines parked at once, sum", sum)
}
