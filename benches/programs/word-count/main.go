// Word-count generates a deterministic pseudo-random text, counts its words in
// a map[string]int, and prints the most frequent ones: a benchmark of string
// maps, strings.Fields and sorting.
//
// Usage: word-count [words] (default 2000000).
package main

import (
	"bufio"
	"cmp"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
)

// rng is a 64-bit xorshift generator: fixed seed, fixed text.
type rng uint64

func (r *rng) next() uint64 {
	x := uint64(*r)
	x ^= x << 13
	x ^= x >> 7
	x ^= x << 17
	*r = rng(x)
	return x
}

// text builds n words drawn from a Zipf-like vocabulary, with mixed case and
// punctuation so that normalizing them is part of the work.
func text(n int) string {
	syllables := []string{"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "qu", "ba", "do"}
	r := rng(0x9E3779B97F4A7C15)
	var b strings.Builder
	for i := range n {
		// Squaring a uniform draw skews it towards small ranks, giving a few
		// very frequent words and a long tail.
		u := r.next() % 4096
		rank := int(u * u / 4096)
		for {
			b.WriteString(syllables[rank%len(syllables)])
			rank /= len(syllables)
			if rank == 0 {
				break
			}
		}
		switch {
		case i%17 == 0:
			b.WriteString(", ")
		case i%29 == 0:
			b.WriteString(".\n")
		case i%13 == 0:
			b.WriteString(" The ")
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func main() {
	n := 2000000
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil || v <= 0 {
			fmt.Fprintln(os.Stderr, "usage: word-count [words]")
			os.Exit(2)
		}
		n = v
	}
	counts := make(map[string]int)
	total := 0
	for _, w := range strings.Fields(text(n)) {
		w = strings.ToLower(strings.Trim(w, ".,"))
		if w == "" {
			continue
		}
		counts[w]++
		total++
	}
	type entry struct {
		word  string
		count int
	}
	entries := make([]entry, 0, len(counts))
	for w, c := range counts {
		entries = append(entries, entry{w, c})
	}
	slices.SortFunc(entries, func(a, b entry) int {
		if c := cmp.Compare(b.count, a.count); c != 0 {
			return c
		}
		return strings.Compare(a.word, b.word)
	})
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	fmt.Fprintf(out, "%d words, %d distinct\n", total, len(entries))
	for _, e := range entries[:min(10, len(entries))] {
		fmt.Fprintf(out, "%8d %s\n", e.count, e.word)
	}
}
