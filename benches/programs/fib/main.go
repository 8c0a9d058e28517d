// Fib computes the n-th Fibonacci number by naive recursion: a benchmark of
// calls and returns.
//
// It imports nothing, so an interpreter without the standard library can run it;
// the size comes in through the linker: go build -ldflags=-X=main.size=35.
package main

// size is n, as a decimal string so that -ldflags=-X can set it.
var size = "35"

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

// atoi parses a non-negative decimal size; a malformed one is a usage error.
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
	print("fib(", n, ") = ", fib(n), "\n")
}
