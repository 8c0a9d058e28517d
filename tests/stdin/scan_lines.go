// Reads all of standard input with a bufio.Scanner, line by line, and writes through
// a bufio.Writer: every 10,000th line, then the number of lines and bytes and the
// FNV-1a hash of the input's lines. tests/cli.rs feeds it 100 MB and checks the output.
package main

import (
	"bufio"
	"fmt"
	"hash/fnv"
	"os"
)

func main() {
	in := bufio.NewScanner(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	h := fnv.New64a()
	lines, bytes := 0, 0
	for in.Scan() {
		line := in.Bytes()
		h.Write(line)
		lines++
		bytes += len(line) + 1
		if lines%10000 == 0 {
			out.Write(line)
			out.WriteByte('\n')
		}
	}
	if err := in.Err(); err != nil {
		fmt.Fprintln(os.Stderr, "scan:", err)
		os.Exit(1)
	}
	fmt.Fprintf(out, "%d lines, %d bytes, fnv %016x\n", lines, bytes, h.Sum64())
}
