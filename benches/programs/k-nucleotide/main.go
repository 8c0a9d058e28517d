// K-nucleotide counts the k-mers of the third sequence of a FASTA file read on
// stdin (fasta's output), after the Computer Language Benchmarks Game: a
// benchmark of map[string]int with string keys built from byte slices.
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

// count returns how many times each k-mer occurs in seq.
func count(seq []byte, k int) map[string]int {
	counts := make(map[string]int)
	for i := 0; i+k <= len(seq); i++ {
		counts[string(seq[i:i+k])]++
	}
	return counts
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
		entries = append(entries, entry{key, c})
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
		fmt.Fprintf(w, "%d\t%s\n", count(seq, len(s))[s], s)
	}
}
