// Goroutine-ring passes a token around a ring of goroutines linked by
// unbuffered channels, after the Computer Language Benchmarks Game's
// thread-ring: a benchmark of goroutine switches.
//
// It imports nothing, so an interpreter without the standard library can run it;
// the size comes in through the linker as "goroutines,passes":
// go build -ldflags=-X=main.size=10000,1000000.
package main

// size is the number of goroutines and of passes, as "n,passes".
var size = "10000,1000000"

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

// atoi parses a positive decimal number; a malformed one is a usage error.
func atoi(s string) int {
	if s == "" {
		panic("size: empty number")
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			panic("size: not a decimal number: " + s)
		}
		n = n*10 + int(c-'0')
	}
	if n == 0 {
		panic("size: zero")
	}
	return n
}

// parse splits "n,passes".
func parse(s string) (int, int) {
	for i := 0; i < len(s); i++ {
		if s[i] == ',' {
			return atoi(s[:i]), atoi(s[i+1:])
		}
	}
	panic("size: want goroutines,passes: " + s)
}

func main() {
	n, passes := parse(size)
	chans := make([]chan int, n)
	for i := range chans {
		chans[i] = make(chan int)
	}
	done := make(chan int)
	for i := range n {
		go worker(i+1, chans[i], chans[(i+1)%n], done)
	}
	chans[0] <- passes
	println("token stopped at goroutine", <-done, "of", n, "after", passes, "passes")
}
