// Sieve counts the primes below n with the sieve of Eratosthenes: a benchmark
// of tight loops over a large []bool.
//
// It imports nothing, so an interpreter without the standard library can run it;
// the size comes in through the linker: go build -ldflags=-X=main.size=10000000.
package main

// size is n, as a decimal string so that -ldflags=-X can set it.
var size = "10000000"

func sieve(n int) (count, last int) {
	composite := make([]bool, n)
	for i := 2; i < n; i++ {
		if composite[i] {
			continue
		}
		count++
		last = i
		for j := i * i; j < n; j += i {
			composite[j] = true
		}
	}
	return count, last
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
	count, last := sieve(n)
	print("primes below ", n, ": ", count, ", largest ", last, "\n")
}
