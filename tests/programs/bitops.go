// run

// Bitwise operators on every width: &, |, ^, &^ (and not), unary ^, with masks and sign
// bits, bit counting and reversing loops, and ops mixing shifts and conversions.
package main

func popcount(x uint64) int {
	n := 0
	for x != 0 {
		x &= x - 1
		n++
	}
	return n
}

func reverse8(b uint8) uint8 {
	var r uint8
	for i := 0; i < 8; i++ {
		r = r<<1 | b&1
		b >>= 1
	}
	return r
}

func main() {
	var a, b int8 = -86, 0x0F // 0b10101010
	println("int8:", a&b, a|b, a^b, a&^b, ^a)
	var ua, ub uint8 = 0xAA, 0x0F
	println("uint8:", ua&ub, ua|ub, ua^ub, ua&^ub, ^ua)
	var c, d int16 = -1, 0x7F00
	println("int16:", c&d, c^d, c&^d, ^d)
	var e, f uint32 = 0xDEADBEEF, 0xFFFF0000
	println("uint32:", e&f, e|f, e^f, e&^f, ^e)
	var g, h int64 = -0x7FFFFFFFFFFFFFFF - 1, 0x5555555555555555
	println("int64:", g&h, g|h, g^h, g&^h, ^h)
	var i, j uint64 = 0xFFFFFFFFFFFFFFFF, 0x0123456789ABCDEF
	println("uint64:", i&j, i^j, j&^i, ^j)

	for _, v := range []uint64{0, 1, 0xFF, 0xDEADBEEF, 0xFFFFFFFFFFFFFFFF, 1 << 63} {
		println("popcount", v, popcount(v))
	}
	for _, v := range []uint8{0, 1, 0x0F, 0xA5, 0x80} {
		println("reverse8", v, reverse8(v))
	}
	// Lowest set bit, clearing it, and sign-extension tricks.
	x := 0b10110000
	println("lowest bit:", x&-x, "clear lowest:", x&(x-1))
	var s8 int8 = -1
	println("uint8(int8 -1)>>4:", uint8(s8)>>4, "int8 -1>>4:", s8>>4)
	var m int32 = -8
	println("abs via mask:", (m^(m>>31))-(m>>31))
	// Compound assignment forms.
	y := 0xF0
	y &= 0x3C
	y |= 0x01
	y ^= 0xFF
	y &^= 0x80
	println("compound:", y)
}
