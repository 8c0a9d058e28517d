// Regex-redux matches and substitutes regular expressions over a FASTA file
// read on stdin (fasta's output), after the Computer Language Benchmarks Game:
// a benchmark of the regexp package. Single-threaded, for a fair comparison.
//
// Usage: fasta N | regex-redux
package main

import (
	"fmt"
	"io"
	"os"
	"regexp"
)

var variants = []string{
	"agggtaaa|tttaccct",
	"[cgt]gggtaaa|tttaccc[acg]",
	"a[act]ggtaaa|tttacc[agt]t",
	"ag[act]gtaaa|tttac[agt]ct",
	"agg[act]taaa|ttta[agt]cct",
	"aggg[acg]aaa|ttt[cgt]ccct",
	"agggt[cgt]aa|tt[acg]accct",
	"agggta[cgt]a|t[acg]taccct",
	"agggtaa[cgt]|[acg]ttaccct",
}

var substitutions = []struct{ pattern, replacement string }{
	{"tHa[Nt]", "<4>"},
	{"aND|caN|Ha[DS]|WaS", "<3>"},
	{"a[NSt]|BY", "<2>"},
	{"<[^>]*>", "|"},
	{"\\|[^|][^|]*\\|", "-"},
}

func main() {
	data, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "regex-redux:", err)
		os.Exit(1)
	}
	inputLen := len(data)
	data = regexp.MustCompile(">.*\n|\n").ReplaceAll(data, nil)
	cleanLen := len(data)

	for _, v := range variants {
		fmt.Printf("%s %d\n", v, len(regexp.MustCompile(v).FindAllIndex(data, -1)))
	}
	for _, s := range substitutions {
		data = regexp.MustCompile(s.pattern).ReplaceAll(data, []byte(s.replacement))
	}
	fmt.Printf("\n%d\n%d\n%d\n", inputLen, cleanLen, len(data))
}
