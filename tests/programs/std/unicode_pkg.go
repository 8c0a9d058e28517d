// run

// unicode/utf8, unicode and cmp, compiled from the Go installation's sources: decoding
// and encoding (invalid bytes included), the category tables, and cmp's ordering.
package main

import (
	"cmp"
	"unicode"
	"unicode/utf8"
)

func main() {
	s := "héllo, 世界! \xff"
	println(utf8.RuneCountInString(s), utf8.ValidString(s), utf8.RuneLen('世'))
	r, size := utf8.DecodeRuneInString(s[1:])
	println(r, size)
	buf := make([]byte, 4)
	n := utf8.EncodeRune(buf, '界')
	println(n, buf[0], buf[1], buf[2])
	for _, c := range "aZ9 é世\t" {
		println(c, unicode.IsLetter(c), unicode.IsUpper(c), unicode.IsDigit(c), unicode.IsSpace(c), unicode.ToUpper(c), unicode.Is(unicode.Han, c))
	}
	println(cmp.Compare(1, 2), cmp.Compare("b", "a"), cmp.Less(1.5, 2.5), min(3, cmp.Or(0, 7)))
}
