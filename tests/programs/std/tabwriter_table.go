// run

// text/tabwriter: aligned columns with padding characters, AlignRight, Debug column
// separators, DiscardEmptyColumns, FilterHTML-free text with multi-byte runes (widths
// count runes), tab-terminated versus unterminated cells, a Flush in the middle
// starting a new block, and TabIndent with '\t' padding.
package main

import (
	"fmt"
	"os"
	"text/tabwriter"
)

func main() {
	w := tabwriter.NewWriter(os.Stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(w, "NAME\tAGE\tCITY\t")
	fmt.Fprintln(w, "Alice\t30\tParis\t")
	fmt.Fprintln(w, "Bartholomew\t5\tRio de Janeiro\t")
	fmt.Fprintln(w, "Zoë\t100\tÅre\t")
	w.Flush()

	w = tabwriter.NewWriter(os.Stdout, 6, 0, 1, '.', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintln(w, "a\tbb\tccc\t")
	fmt.Fprintln(w, "dddd\te\tf\t")
	fmt.Fprintln(w, "no tabs here")
	fmt.Fprintln(w, "x\ty\t")
	w.Flush()

	w = tabwriter.NewWriter(os.Stdout, 0, 0, 1, '-', tabwriter.Debug)
	fmt.Fprintln(w, "unterminated\tlast cell")
	fmt.Fprintln(w, "a\tb")
	fmt.Fprintln(w, "longer first\tc\textra")
	w.Flush()

	w = tabwriter.NewWriter(os.Stdout, 0, 0, 1, ' ', tabwriter.DiscardEmptyColumns|tabwriter.Debug)
	fmt.Fprintln(w, "a\t\tb")
	fmt.Fprintln(w, "cc\t\td")
	w.Flush()

	w = tabwriter.NewWriter(os.Stdout, 4, 4, 1, '\t', tabwriter.TabIndent)
	fmt.Fprintln(w, "\tindented\tx")
	fmt.Fprintln(w, "\t\tdouble\ty")
	fmt.Fprintln(w, "key\tvalue")
	w.Flush()

	w = tabwriter.NewWriter(os.Stdout, 0, 0, 1, ' ', 0)
	fmt.Fprintln(w, "block1\tshort")
	fmt.Fprintln(w, "b\tx")
	w.Flush()
	fmt.Fprintln(w, "block2-is-wider\ty")
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, "after empty line\tz")
	w.Flush()
}
