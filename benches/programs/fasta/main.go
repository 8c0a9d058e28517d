// Fasta generates DNA sequences, repeated and pseudo-random, in FASTA format,
// after the Computer Language Benchmarks Game: a benchmark of byte output and
// a linear congruential generator. Its output is the input of k-nucleotide,
// reverse-complement and regex-redux.
//
// Usage: fasta [n] (default 2500000).
package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

const lineWidth = 60

const alu = "GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGG" +
	"GAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGA" +
	"CCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAAT" +
	"ACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCA" +
	"GCTACTCGGGAGGCTGAGGCAGGAGAATCGCTTGAACCCGGG" +
	"AGGCGGAGGTTGCAGTGAGCCGAGATCGCGCCACTGCACTCC" +
	"AGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA"

type acid struct {
	prob float64
	c    byte
}

var iub = []acid{
	{0.27, 'a'}, {0.12, 'c'}, {0.12, 'g'}, {0.27, 't'},
	{0.02, 'B'}, {0.02, 'D'}, {0.02, 'H'}, {0.02, 'K'},
	{0.02, 'M'}, {0.02, 'N'}, {0.02, 'R'}, {0.02, 'S'},
	{0.02, 'V'}, {0.02, 'W'}, {0.02, 'Y'},
}

var homosapiens = []acid{
	{0.3029549426680, 'a'},
	{0.1979883004921, 'c'},
	{0.1975473066391, 'g'},
	{0.3015094502008, 't'},
}

// The reference program's generator: its exact sequence of values defines the output.
const (
	im = 139968
	ia = 3877
	ic = 29573
)

var last = 42

func random(max float64) float64 {
	last = (last*ia + ic) % im
	return max * float64(last) / im
}

func repeat(w *bufio.Writer, s string, n int) {
	pos := 0
	line := make([]byte, 0, lineWidth+1)
	for n > 0 {
		line = line[:0]
		for range min(n, lineWidth) {
			line = append(line, s[pos])
			pos++
			if pos == len(s) {
				pos = 0
			}
		}
		line = append(line, '\n')
		w.Write(line)
		n -= lineWidth
	}
}

func randomSequence(w *bufio.Writer, table []acid, n int) {
	// Cumulative probabilities, as the reference program computes them.
	cum := make([]acid, len(table))
	p := 0.0
	for i, a := range table {
		p += a.prob
		cum[i] = acid{p, a.c}
	}
	line := make([]byte, 0, lineWidth+1)
	for n > 0 {
		line = line[:0]
		for range min(n, lineWidth) {
			r := random(1)
			c := cum[len(cum)-1].c
			for _, a := range cum {
				if r < a.prob {
					c = a.c
					break
				}
			}
			line = append(line, c)
		}
		line = append(line, '\n')
		w.Write(line)
		n -= lineWidth
	}
}

func main() {
	n := 2500000
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil || v < 0 {
			fmt.Fprintln(os.Stderr, "usage: fasta [n]")
			os.Exit(2)
		}
		n = v
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	w.WriteString(">ONE Homo sapiens alu\n")
	repeat(w, alu, 2*n)
	w.WriteString(">TWO IUB ambiguity codes\n")
	randomSequence(w, iub, 3*n)
	w.WriteString(">THREE Homo sapiens frequency\n")
	randomSequence(w, homosapiens, 5*n)
}
