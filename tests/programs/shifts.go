// run

// Shifts: signed and unsigned shift counts of every integer type, counts at and beyond the
// operand width (left gives 0, right gives 0 or -1 for negative signed values), arithmetic
// versus logical right shift, and shifts of constants and untyped expressions.
package main

//go:noinline
func id(n int) int { return n }

func main() {
	for _, s := range []uint{0, 1, 7, 8, 9, 15, 16, 31, 32, 33, 63, 64, 65, 200} {
		var i8 int8 = -3
		var u8 uint8 = 0x81
		var i16 int16 = -300
		var u16 uint16 = 0x8001
		var i32 int32 = -70000
		var u32 uint32 = 0x80000001
		var i64 int64 = -5000000000
		var u64 uint64 = 0x8000000000000001
		println("s =", s)
		println("  int8 ", i8<<s, i8>>s, "uint8 ", u8<<s, u8>>s)
		println("  int16", i16<<s, i16>>s, "uint16", u16<<s, u16>>s)
		println("  int32", i32<<s, i32>>s, "uint32", u32<<s, u32>>s)
		println("  int64", i64<<s, i64>>s, "uint64", u64<<s, u64>>s)
	}

	// Signed shift counts (allowed since Go 1.13) of various types.
	var c8 int8 = 3
	var c16 int16 = 70
	var c32 int32 = 4
	var c64 int64 = 1
	x := 1000
	println("signed counts:", x<<c8, x>>c8, x<<c16, x>>c32, x<<c64)
	var cu8 uint8 = 255
	println("uint8 count 255:", x<<cu8, -x>>cu8)

	// Shift count from a larger type than the operand.
	var b uint8 = 1
	var big uint64 = 1 << 40
	println("uint8 << (1<<40):", b<<big, "uint8 << 7:", b<<uint64(7))

	// Shift assignment operators.
	v := -1
	v <<= 4
	println("-1<<=4:", v)
	v >>= 2
	println(">>=2:", v)
	var w uint32 = 0xF0F0F0F0
	w >>= 4
	println("uint32 >>=4:", w)

	// Constant shifts and an untyped constant shifted by a variable.
	const k = 1 << 100 >> 98
	println("const 1<<100>>98:", k)
	n := id(3)
	var f int64 = 1 << n
	println("1<<n as int64:", f)
	var u uint8 = 1 << n
	println("1<<n as uint8:", u)
	one := int32(1)
	println("int32(1)<<31:", one<<31)
	// In a non-constant shift the untyped constant operand takes the type it would have
	// without the shift: here the context's type.
	var s uint = 3
	var fromFloatConst int = 1.0 << s
	var asByte byte = 1 << (s + 5) // 256 wraps to 0 in byte arithmetic
	var asInt64 int64 = 1 << (s * 20)
	println("1.0<<s as int:", fromFloatConst, "1<<8 as byte:", asByte, "1<<60 as int64:", asInt64)
	println("-1>>63 int64:", int64(-1)>>63, "uint64 max>>63:", ^uint64(0)>>63)

	// Rotation idiom.
	var r uint32 = 0x12345678
	rot := r<<8 | r>>(32-8)
	println("rotl8:", rot)
}
