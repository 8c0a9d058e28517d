// run

// Literals: integer literals in every base with digit separators, hex floats, imaginary
// literals, rune literals with every escape form, interpreted string escapes, and raw
// strings (backslashes kept, carriage returns discarded). This file is deliberately not
// gofmt-formatted: gofmt would lower-case the 0X/0O/0B/1E prefixes, rewrite 07i and drop
// the carriage return inside the raw string.
package main

func dump(label, s string) {
	print(label, " len=", len(s), ":")
	for i := 0; i < len(s); i++ {
		print(" ", s[i])
	}
	println()
}

func main() {
	println("ints:", 42, 0x2A, 0X2a, 052, 0o52, 0O52, 0b101010, 0B101010, 1_000_000, 0x_FF_FF, 0b_1_0, 0_7)
	println("floats:", 1.5, .5, 5., 1e3, 1E-3, 0x1p-2, 0x1.8p1, 0X.8p0, 1_000.000_1, 0x_1p4)
	println("imaginary:", 2i, 1.5i, 0x10i, 1e2i, 0b11i, 0o7i, 07i)
	println("runes:", 'a', '\x41', '\101', '\u00e9', '\U0001F600', '\'', '\\', '\n', '\t', '\a', '\b', '\f', '\r', '\v', '\000', '世')
	dump("escapes", "\a\b\f\n\r\t\v\\\"\x7f\101\u00e9\U0001F600")
	dump("hex bytes", "\xff\xFE\x00")
	dump("raw", `a\nb\t"c"`)
	dump("raw with CR", `x
y`) // the source has a carriage return before the newline: discarded
	dump("raw multiline", `line1
line2`)
}
