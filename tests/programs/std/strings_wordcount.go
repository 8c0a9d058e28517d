// run

// An everyday program: count the words of a fixed text (lower-cased, punctuation
// stripped) with a map, then print the most frequent ones sorted by count and then
// alphabetically, the number of distinct words, and the longest word.
package main

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

const text = `It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of
incredulity, it was the season of Light, it was the season of Darkness, it was the
spring of hope, it was the winter of despair, we had everything before us, we had
nothing before us, we were all going direct to Heaven, we were all going direct the
other way -- in short, the period was so far like the present period, that some of its
noisiest authorities insisted on its being received, for good or for evil, in the
superlative degree of comparison only.`

func main() {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	})
	counts := make(map[string]int)
	for _, w := range words {
		counts[w]++
	}
	type wc struct {
		word  string
		count int
	}
	var list []wc
	longest := ""
	for w, c := range counts {
		list = append(list, wc{w, c})
		if len(w) > len(longest) || (len(w) == len(longest) && w < longest) {
			longest = w
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].count != list[j].count {
			return list[i].count > list[j].count
		}
		return list[i].word < list[j].word
	})
	fmt.Println("words:", len(words), "distinct:", len(counts), "longest:", longest)
	for i, e := range list[:10] {
		fmt.Printf("%2d. %-8s %d %s\n", i+1, e.word, e.count, strings.Repeat("*", e.count))
	}
	lines := strings.Split(text, "\n")
	fmt.Println("lines:", len(lines), "chars:", len(text), "runes:", len([]rune(text)))
}
