// K-nucleotide counts the k-mers of the third sequence of a FASTA file read on
// stdin (fasta's output), after the Computer Language Benchmarks Game: a
// benchmark of large map[uint64]int tables (k-mers packed two bits a base).
//
// Usage: fasta N | k-nucleotide
package main

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"io"
	"os"
	"slices"
)

// readThree returns the upper-cased bases of the sequence headed ">THREE".
func readThree(r io.Reader) ([]byte, error) {
	in := bufio.NewReaderSize(r, 1<<16)
	var seq []byte
	found := false
	for {
		line, err := in.ReadSlice('\n')
		if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
			return nil, err
		}
		if found {
			if len(line) > 0 && line[0] == '>' {
				break
			}
			seq = append(seq, bytes.TrimRight(line, "\n")...)
		} else if bytes.HasPrefix(line, []byte(">THREE")) {
			found = true
		}
		if err == io.EOF {
			break
		}
	}
	return bytes.ToUpper(seq), nil
}

// bases maps the letters of a sequence to 2-bit codes; decoding goes back.
var bases = [256]uint8{'A': 0, 'C': 1, 'G': 2, 'T': 3}

const letters = "ACGT"

// count returns how many times each k-mer (k ≤ 31) occurs in seq, keyed by the
// k-mer packed two bits a base.
func count(seq []byte, k int) map[uint64]int {
	counts := make(map[uint64]int)
	mask := uint64(1)<<(2*k) - 1
	var key uint64
	for i, c := range seq {
		key = (key<<2 | uint64(bases[c])) & mask
		if i >= k-1 {
			counts[key]++
		}
	}
	return counts
}

func pack(s string) uint64 {
	var key uint64
	for i := 0; i < len(s); i++ {
		key = key<<2 | uint64(bases[s[i]])
	}
	return key
}

func unpack(key uint64, k int) string {
	b := make([]byte, k)
	for i := k - 1; i >= 0; i-- {
		b[i] = letters[key&3]
		key >>= 2
	}
	return string(b)
}

// frequencies prints every k-mer's share in percent, most frequent first.
func frequencies(w io.Writer, seq []byte, k int) {
	type entry struct {
		key   string
		count int
	}
	var entries []entry
	total := 0
	for key, c := range count(seq, k) {
		entries = append(entries, entry{unpack(key, k), c})
		total += c
	}
	slices.SortFunc(entries, func(a, b entry) int {
		if c := cmp.Compare(b.count, a.count); c != 0 {
			return c
		}
		return cmp.Compare(a.key, b.key)
	})
	for _, e := range entries {
		fmt.Fprintf(w, "%s %.3f\n", e.key, 100*float64(e.count)/float64(total))
	}
	fmt.Fprintln(w)
}

func main() {
	seq, err := readThree(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "k-nucleotide:", err)
		os.Exit(1)
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	frequencies(w, seq, 1)
	frequencies(w, seq, 2)
	for _, s := range []string{"GGT", "GGTA", "GGTATT", "GGTATTTTAATT", "GGTATTTTAATTTATAGT"} {
		fmt.Fprintf(w, "%d\t%s\n", count(seq, len(s))[pack(s)], s)
	}
}
