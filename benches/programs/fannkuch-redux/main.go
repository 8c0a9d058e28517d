// Fannkuch-redux counts pancake flips over all permutations of 1..N, after the
// Computer Language Benchmarks Game: a benchmark of small-array indexing.
//
// It imports nothing, so an interpreter without the standard library can run it;
// N comes in through the linker: go build -ldflags=-X=main.size=10.
package main

// size is N, as a decimal string so that -ldflags=-X can set it.
var size = "10"

// fannkuch returns the checksum and the largest flip count over all
// permutations of 0..n-1, visited in the order of the reference program.
func fannkuch(n int) (checksum, maxFlips int) {
	perm1 := make([]int, n)
	for i := range perm1 {
		perm1[i] = i
	}
	perm := make([]int, n)
	count := make([]int, n)
	r := n
	permCount := 0
	for {
		for ; r != 1; r-- {
			count[r-1] = r
		}
		copy(perm, perm1)
		flips := 0
		for k := perm[0]; k != 0; k = perm[0] {
			for i, j := 0, k; i < j; i, j = i+1, j-1 {
				perm[i], perm[j] = perm[j], perm[i]
			}
			flips++
		}
		maxFlips = max(maxFlips, flips)
		if permCount%2 == 0 {
			checksum += flips
		} else {
			checksum -= flips
		}
		// Next permutation, in the reference order.
		for {
			if r == n {
				return checksum, maxFlips
			}
			first := perm1[0]
			copy(perm1, perm1[1:r+1])
			perm1[r] = first
			count[r]--
			if count[r] > 0 {
				break
			}
			r++
		}
		permCount++
	}
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
	checksum, flips := fannkuch(n)
	print(checksum, "\nPfannkuchen(", n, ") = ", flips, "\n")
}
