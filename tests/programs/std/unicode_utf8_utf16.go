// run

// unicode, unicode/utf8 and unicode/utf16 through fmt: rune classes (IsLetter, IsDigit,
// IsNumber, IsSpace, IsPunct, IsSymbol, IsControl, IsGraphic, IsPrint, IsMark, IsTitle,
// In/Is with scripts), case mapping (ToUpper/ToLower/ToTitle/SimpleFold, SpecialCase),
// utf8 encoding and decoding (valid, invalid, truncated, surrogates, FullRune, RuneStart,
// DecodeLastRune, AppendRune, RuneCount), and utf16 Encode/Decode/IsSurrogate/EncodeRune/
// DecodeRune/AppendRune/RuneLen.
package main

import (
	"fmt"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

func main() {
	for _, r := range []rune{'a', 'Z', '5', '٣', 'Ⅷ', ' ', '\u00a0', '\t', '!', '€', '\x07', 'é', '\u0301', 'ǅ', '世', 'Ж', '😀', 0xFFFD} {
		fmt.Printf("%U %-4q L%v D%v N%v S%v P%v Sy%v C%v G%v Pr%v M%v T%v U%v Lo%v up=%q lo=%q ti=%q fold=%q Han%v Cyr%v Greek%v\n",
			r, r, unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsNumber(r), unicode.IsSpace(r), unicode.IsPunct(r),
			unicode.IsSymbol(r), unicode.IsControl(r), unicode.IsGraphic(r), unicode.IsPrint(r), unicode.IsMark(r),
			unicode.IsTitle(r), unicode.IsUpper(r), unicode.IsLower(r), unicode.ToUpper(r), unicode.ToLower(r),
			unicode.ToTitle(r), unicode.SimpleFold(r), unicode.Is(unicode.Han, r), unicode.In(r, unicode.Cyrillic),
			unicode.Is(unicode.Greek, r))
	}
	fmt.Printf("%q %q\n", unicode.TurkishCase.ToUpper('i'), unicode.TurkishCase.ToLower('I'))
	fmt.Println(unicode.MaxRune, unicode.ReplacementChar == utf8.RuneError, unicode.Version != "")

	s := "a€😀\xffb\xe2\x82"
	fmt.Println(len(s), utf8.RuneCountInString(s), utf8.ValidString(s), utf8.Valid([]byte("ok")), utf8.RuneCount([]byte(s)))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		fmt.Printf("at %d: %U size %d full=%v start=%v\n", i, r, size, utf8.FullRuneInString(s[i:]), utf8.RuneStart(s[i]))
		i += size
	}
	for i, r := range s {
		fmt.Print(i, ":", r, " ")
	}
	fmt.Println()
	r, size := utf8.DecodeLastRuneInString("x😀")
	fmt.Println(r, size)
	r, size = utf8.DecodeLastRune([]byte{'x', 0xf0, 0x9f})
	fmt.Println(r, size)
	r, size = utf8.DecodeRune(nil)
	fmt.Println(r, size)
	for _, c := range []rune{0, 0x7f, 0x80, 0x7ff, 0x800, 0xd800, 0xffff, 0x10000, 0x10ffff, 0x110000, -1} {
		buf := make([]byte, 4)
		n := utf8.EncodeRune(buf, c)
		fmt.Printf("%#x len=%d valid=%v enc=% x\n", c, utf8.RuneLen(c), utf8.ValidRune(c), buf[:n])
	}
	fmt.Printf("% x\n", utf8.AppendRune([]byte("ab"), '界'))
	fmt.Println(utf8.FullRune([]byte{0xe4, 0xb8}), utf8.UTFMax, utf8.RuneSelf, utf8.MaxRune)
	fmt.Printf("%q %q\n", string(rune(0xd800)), []rune("a\xffb"))

	u := utf16.Encode([]rune("a€😀"))
	fmt.Printf("%#04x\n", u)
	fmt.Println(string(utf16.Decode(u)), string(utf16.Decode([]uint16{0xd83d, 0x41, 0xde00})))
	r1, r2 := utf16.EncodeRune('😀')
	fmt.Printf("%#x %#x %q %q\n", r1, r2, utf16.DecodeRune(r1, r2), utf16.DecodeRune('a', 'b'))
	fmt.Println(utf16.IsSurrogate(0xdc00), utf16.IsSurrogate('a'), utf16.RuneLen('a'), utf16.RuneLen('😀'), utf16.RuneLen(-1))
	fmt.Printf("%#04x\n", utf16.AppendRune([]uint16{1}, 0x10437))
}
