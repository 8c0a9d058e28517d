// run

// A word-frequency count over a generated text: string splitting by hand, map[string]int
// counting, converting to a slice of structs, and a deterministic sort (count descending,
// then word ascending) implemented with sort-free insertion. Exercises strings, maps,
// struct slices and comparisons.
package main

type entry struct {
	word  string
	count int
}

func words(text string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(text); i++ {
		letter := i < len(text) && (text[i] >= 'a' && text[i] <= 'z' || text[i] >= 'A' && text[i] <= 'Z')
		if letter && start < 0 {
			start = i
		} else if !letter && start >= 0 {
			w := []byte(text[start:i])
			for k := range w {
				if w[k] >= 'A' && w[k] <= 'Z' {
					w[k] += 'a' - 'A'
				}
			}
			out = append(out, string(w))
			start = -1
		}
	}
	return out
}

func less(a, b entry) bool {
	if a.count != b.count {
		return a.count > b.count
	}
	return a.word < b.word
}

func main() {
	base := "The quick brown fox jumps over the lazy dog. The dog sleeps; the fox runs! " +
		"A fox, a dog, and THE end."
	text := ""
	for i := 0; i < 50; i++ {
		text += base + " "
	}
	ws := words(text)
	counts := map[string]int{}
	for _, w := range ws {
		counts[w]++
	}
	var es []entry
	for w, c := range counts {
		es = append(es, entry{w, c})
	}
	for i := 1; i < len(es); i++ {
		for j := i; j > 0 && less(es[j], es[j-1]); j-- {
			es[j], es[j-1] = es[j-1], es[j]
		}
	}
	println("total words:", len(ws), "distinct:", len(es))
	for _, e := range es {
		println(e.count, e.word)
	}
}
