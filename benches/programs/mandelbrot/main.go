// Mandelbrot plots the Mandelbrot set on an n×n grid and writes it to stdout as
// a binary PBM image, after the Computer Language Benchmarks Game: a benchmark
// of float64 loops and bit packing. Single-threaded, for a fair comparison.
//
// Usage: mandelbrot [n] (default 4000).
package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

const (
	iterations = 50
	limit      = 2.0
)

// row computes the packed bits of row y.
func row(out []byte, y, n int) {
	ci := 2*float64(y)/float64(n) - 1
	var bits byte
	for x := range n {
		cr := 2*float64(x)/float64(n) - 1.5
		zr, zi, tr, ti := 0.0, 0.0, 0.0, 0.0
		i := 0
		for ; i < iterations && tr+ti <= limit*limit; i++ {
			zi = 2*zr*zi + ci
			zr = tr - ti + cr
			tr = zr * zr
			ti = zi * zi
		}
		bits <<= 1
		if tr+ti <= limit*limit {
			bits |= 1
		}
		if x%8 == 7 {
			out[x/8] = bits
			bits = 0
		}
	}
	if n%8 != 0 {
		out[n/8] = bits << (8 - uint(n%8))
	}
}

func main() {
	n := 4000
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil || v <= 0 {
			fmt.Fprintln(os.Stderr, "usage: mandelbrot [n]")
			os.Exit(2)
		}
		n = v
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	fmt.Fprintf(w, "P4\n%d %d\n", n, n)
	line := make([]byte, (n+7)/8)
	for y := range n {
		row(line, y, n)
		w.Write(line)
	}
}
