// run

// Ranging over strings decodes UTF-8: byte offsets, multi-byte runes, invalid sequences
// yielding U+FFFD with width 1, truncated sequences, overlong encodings and surrogates
// being invalid, and the forms of range with one, two or no variables.
package main

func show(s string) {
	print("range ", len(s), " bytes:")
	for i, r := range s {
		print(" ", i, ":", r)
	}
	println()
}

func main() {
	show("abc")
	show("héllo")
	show("日本語")
	show("\U0001F600x")
	show("\xff")
	show("a\x80b")
	show("\xc3")             // truncated 2-byte
	show("\xe6\x97")         // truncated 3-byte
	show("\xf0\x9f\x98")     // truncated 4-byte
	show("\xc0\x80")         // overlong NUL
	show("\xe0\x80\xaf")     // overlong '/'
	show("\xed\xa0\x80")     // surrogate U+D800
	show("\xf4\x90\x80\x80") // > U+10FFFF
	show("\xf8\x88\x80\x80\x80")
	show("")

	n := 0
	for range "héllo" {
		n++
	}
	println("count runes:", n)
	last := -1
	for i := range "日本" {
		last = i
	}
	println("last index:", last)

	// Indexing a string gives bytes, not runes.
	s := "é"
	println("s[0], s[1]:", s[0], s[1], "len:", len(s))
	// Slicing in the middle of a rune.
	show(s[1:])
	// Modifying the variable during range does not affect the iteration.
	str := "abc"
	for i, r := range str {
		str = "zzzzzz"
		print(i, ":", r, " ")
	}
	println(str)
}
