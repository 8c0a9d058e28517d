// Matmul multiplies two dense n×n float64 matrices with the i-k-j loop order: a
// benchmark of nested loops over slices of slices.
//
// It imports nothing, so an interpreter without the standard library can run it;
// n comes in through the linker: go build -ldflags=-X=main.size=300.
package main

// size is n, as a decimal string so that -ldflags=-X can set it.
var size = "300"

type matrix [][]float64

func newMatrix(n int) matrix {
	m := make(matrix, n)
	for i := range m {
		m[i] = make([]float64, n)
	}
	return m
}

// fill gives m entries that depend on the position and a seed, small enough
// that every sum below is exact in float64 and so independent of summation order.
func fill(m matrix, seed int) {
	for i, row := range m {
		for j := range row {
			row[j] = float64((i*31+j*17+seed)%19) - 9
		}
	}
}

func multiply(a, b matrix) matrix {
	n := len(a)
	c := newMatrix(n)
	for i := range n {
		ci := c[i]
		for k, aik := range a[i] {
			bk := b[k]
			for j := range ci {
				ci[j] += aik * bk[j]
			}
		}
	}
	return c
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
	a, b := newMatrix(n), newMatrix(n)
	fill(a, 1)
	fill(b, 7)
	c := multiply(a, b)
	var trace, sum float64
	for i, row := range c {
		trace += row[i]
		for _, x := range row {
			sum += x
		}
	}
	print("n = ", n, ", trace = ", int64(trace), ", sum = ", int64(sum), "\n")
}
