// Reverse-complement writes the reverse complement of every sequence of a
// FASTA file read on stdin (fasta's output), after the Computer Language
// Benchmarks Game: a benchmark of byte-slice work and buffered I/O.
//
// Usage: fasta N | reverse-complement
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
)

const lineWidth = 60

// complement maps each IUPAC code, in either case, to its upper-case complement.
var complement [256]byte

func init() {
	for i := range complement {
		complement[i] = byte(i)
	}
	pairs := "AT CG GC TA UA MK RY WW SS YR KM VB HD DH BV NN"
	for i := 0; i+1 < len(pairs); i += 3 {
		from, to := pairs[i], pairs[i+1]
		complement[from] = to
		complement[from+'a'-'A'] = to
	}
}

// flush writes the reverse complement of seq in lines of lineWidth.
func flush(w *bufio.Writer, seq []byte) {
	for i, j := 0, len(seq)-1; i <= j; i, j = i+1, j-1 {
		seq[i], seq[j] = complement[seq[j]], complement[seq[i]]
	}
	for len(seq) > 0 {
		n := min(len(seq), lineWidth)
		w.Write(seq[:n])
		w.WriteByte('\n')
		seq = seq[n:]
	}
}

func main() {
	data, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "reverse-complement:", err)
		os.Exit(1)
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	var seq []byte
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if len(line) > 0 && line[0] == '>' {
			flush(w, seq)
			seq = seq[:0]
			w.Write(line)
			w.WriteByte('\n')
			continue
		}
		seq = append(seq, line...)
	}
	flush(w, seq)
}
