// run

// String constants that are not valid UTF-8 keep their bytes: through named
// constants, constant concatenation, len, indexing and comparison (bits.Reverse8's
// table is such a constant).
package main

const s = "\x00\x80\x40\xc0"

const t = s + "\xff" + `\x41`

var v = s

func main() {
	println(len(s), s[1], s[3], len(v), v[1], v[3])
	println(len(t), t[4], t[5], t[6:])
	println(s[1:2] == "\x80", s < "\x00\x81", len("\u00e9\xe9"))
	const n = len(s)
	var a [n]byte
	println(len(a))
}
