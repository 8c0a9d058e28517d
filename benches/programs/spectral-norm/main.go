// Spectral-norm computes the spectral norm of an infinite matrix by the power
// method, after the Computer Language Benchmarks Game: a benchmark of float64
// loops and small function calls.
//
// It imports nothing, so an interpreter without the standard library can run it;
// N comes in through the linker: go build -ldflags=-X=main.size=2000.
package main

// size is N, as a decimal string so that -ldflags=-X can set it.
var size = "2000"

func a(i, j int) float64 {
	return 1 / float64((i+j)*(i+j+1)/2+i+1)
}

func timesAv(v, av []float64) {
	for i := range av {
		var s float64
		for j, vj := range v {
			s += a(i, j) * vj
		}
		av[i] = s
	}
}

func timesAtv(v, atv []float64) {
	for i := range atv {
		var s float64
		for j, vj := range v {
			s += a(j, i) * vj
		}
		atv[i] = s
	}
}

func timesAtAv(v, out, tmp []float64) {
	timesAv(v, tmp)
	timesAtv(tmp, out)
}

// sqrt is Newton's method; it runs once, so its speed does not matter, and it
// spares the program an import.
func sqrt(x float64) float64 {
	if x <= 0 {
		return 0
	}
	z := x
	for i := 0; i < 200; i++ {
		next := 0.5 * (z + x/z)
		if next == z {
			break
		}
		z = next
	}
	return z
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
	u := make([]float64, n)
	v := make([]float64, n)
	tmp := make([]float64, n)
	for i := range u {
		u[i] = 1
	}
	for i := 0; i < 10; i++ {
		timesAtAv(u, v, tmp)
		timesAtAv(v, u, tmp)
	}
	var vBv, vv float64
	for i, vi := range v {
		vBv += u[i] * vi
		vv += vi * vi
	}
	println(sqrt(vBv / vv))
}
