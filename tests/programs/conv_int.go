// run

// Conversions between integer types: truncation to narrower widths, sign extension from
// signed sources, zero extension from unsigned sources, and round trips through uintptr.
package main

func main() {
	vals := []int64{0, 1, -1, 127, 128, 255, 256, -128, -129, 32767, 32768, 65535, 65536,
		-32769, 2147483647, 2147483648, 4294967295, 4294967296, -2147483649,
		9223372036854775807, -9223372036854775808, 0x123456789ABCDEF0, -0x123456789ABCDEF}
	for _, v := range vals {
		println("from int64", v)
		println("  int8", int8(v), "int16", int16(v), "int32", int32(v), "int", int(v))
		println("  uint8", uint8(v), "uint16", uint16(v), "uint32", uint32(v), "uint64", uint64(v), "uint", uint(v), "uintptr", uintptr(v))
	}
	us := []uint64{0, 255, 256, 0x80, 0x8000, 0x80000000, 0x8000000000000000, 18446744073709551615}
	for _, u := range us {
		println("from uint64", u)
		println("  int8", int8(u), "int16", int16(u), "int32", int32(u), "int64", int64(u))
		println("  uint8", uint8(u), "uint16", uint16(u), "uint32", uint32(u))
	}
	// Widening keeps the sign of signed types and zero-extends unsigned ones.
	var a int8 = -2
	var b uint8 = 254
	println("int8 -2 ->", int16(a), int32(a), int64(a), uint16(a), uint32(a), uint64(a))
	println("uint8 254 ->", int16(b), int32(b), int64(b), int8(b))
	var c int32 = -1
	println("int32 -1 -> uint32", uint32(c), "-> uint64", uint64(c), "via uint32", uint64(uint32(c)))
	// Chains of conversions.
	x := 1000
	println("uint8(int8(1000)):", uint8(int8(x)), "int16(uint8(1000)):", int16(uint8(x)))
	// Rune and byte are aliases.
	var r rune = -1
	var by byte = 200
	println("rune -1 as uint32:", uint32(r), "byte 200 as int8:", int8(by))
}
