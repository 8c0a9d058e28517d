// run

// Conversions between string, []byte and []rune: copies are independent, invalid UTF-8
// becomes U+FFFD in []rune and in string(rune) of invalid code points (surrogates,
// negative, > 0x10FFFF), string(int-typed rune) of various values, and the round trip of
// []rune with invalid entries back to string.
package main

func dumpBytes(label string, b []byte) {
	print(label, " len=", len(b), ":")
	for _, c := range b {
		print(" ", c)
	}
	println()
}

func dumpRunes(label string, r []rune) {
	print(label, " len=", len(r), ":")
	for _, c := range r {
		print(" ", c)
	}
	println()
}

func main() {
	s := "héllo, 世界!"
	b := []byte(s)
	r := []rune(s)
	println("len(s):", len(s), "len(b):", len(b), "len(r):", len(r))
	dumpBytes("bytes", b)
	dumpRunes("runes", r)
	b[0] = 'H'
	r[1] = 'e'
	println("after edits:", s, string(b), string(r))

	// Converting back copies as well.
	s2 := string(b)
	b[1] = 'X'
	println("copy independent:", s2, string(b[:2])+string(b[3:])) // b[2] is now a lone continuation byte

	bad := "a\xffb\xc3(c\xe2\x82d\xf0\x9f\x98"
	dumpRunes("invalid runes", []rune(bad))
	println("invalid rune string:", string([]rune(bad)) == "a\uFFFDb\uFFFD(c\uFFFDd\uFFFD")
	dumpBytes("invalid bytes", []byte(bad))

	codes := []rune{0, 'A', 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF, 0x110000, 0xD800, 0xDFFF, -1}
	for _, c := range codes {
		print("rune ", c, " ")
		dumpBytes("string(rune)", []byte(string(c)))
	}
	var i8 int8 = 65
	var u64 uint64 = 0x4e16
	var big int64 = 1 << 40
	println("string(int8 65):", string(rune(i8)), "string(uint64 0x4e16):", string(rune(u64)), "big:", []byte(string(rune(big)))[0])

	// Empty and nil conversions.
	var nb []byte
	println("string(nil []byte):", string(nb) == "", len(string(nb)))
	eb := []byte("")
	println("[]byte(\"\") nil?", eb == nil, "len", len(eb))
	er := []rune("")
	println("[]rune(\"\") nil?", er == nil, "len", len(er))

	// Rune slices with invalid values encode as U+FFFD.
	rs := []rune{'o', 'k', -5, 0xD800, 0x110000}
	dumpBytes("string([]rune with invalid)", []byte(string(rs)))

	// Named byte/rune slice types and string types convert too.
	type Bytes []byte
	type Str string
	nbs := Bytes("named")
	println("named:", string(nbs), len(Str(nbs)))
	// Appending a string to a byte slice.
	ab := append([]byte("ab"), "cd"...)
	println("append string:", string(ab))
	n := copy(ab, "XYZ")
	println("copy from string:", n, string(ab))
}
