// run

// Integer wraparound at every width: addition, subtraction, multiplication and negation
// overflow wrap modulo 2^n for int8..int64, uint8..uint64, int, uint and uintptr.
package main

func main() {
	var i8 int8 = 127
	i8++
	println("int8 127+1:", i8)
	i8 = -128
	i8--
	println("int8 -128-1:", i8)
	i8 = -128
	i8 = -i8
	println("int8 -(-128):", i8)
	i8 = 100
	i8 *= 3
	println("int8 100*3:", i8)

	var i16 int16 = 32767
	i16++
	println("int16 32767+1:", i16)
	i16 = 300
	i16 *= 300
	println("int16 300*300:", i16)
	i16 = -32768
	i16 = -i16
	println("int16 -(-32768):", i16)

	var i32 int32 = 2147483647
	i32++
	println("int32 max+1:", i32)
	i32 = 65536
	i32 *= 65536
	println("int32 65536*65536:", i32)
	i32 = 123456789
	i32 *= 1000
	println("int32 123456789*1000:", i32)

	var i64 int64 = 9223372036854775807
	i64++
	println("int64 max+1:", i64)
	i64 = -9223372036854775808
	i64 = -i64
	println("int64 -min:", i64)
	i64 = 1 << 62
	i64 *= 4
	println("int64 2^62*4:", i64)
	i64 = 3037000500
	i64 *= 3037000500
	println("int64 3037000500^2:", i64)

	var n int = 9223372036854775807
	n += 10
	println("int max+10:", n)

	var u8 uint8 = 255
	u8++
	println("uint8 255+1:", u8)
	u8 = 0
	u8--
	println("uint8 0-1:", u8)
	u8 = 200
	u8 += 100
	println("uint8 200+100:", u8)
	u8 = 16
	u8 *= 17
	println("uint8 16*17:", u8)
	u8 = 1
	u8 = -u8
	println("uint8 -1:", u8)

	var u16 uint16 = 65535
	u16 += 2
	println("uint16 65535+2:", u16)
	u16 = 0
	u16 -= 3
	println("uint16 0-3:", u16)

	var u32 uint32 = 4294967295
	u32++
	println("uint32 max+1:", u32)
	u32 = 0
	u32--
	println("uint32 0-1:", u32)
	u32 = 1 << 31
	u32 *= 2
	println("uint32 2^31*2:", u32)
	u32 = 5
	u32 = -u32
	println("uint32 -5:", u32)

	var u64 uint64 = 18446744073709551615
	u64++
	println("uint64 max+1:", u64)
	u64 = 0
	u64--
	println("uint64 0-1:", u64)
	u64 = 0xFFFFFFFF
	u64 *= 0xFFFFFFFF
	println("uint64 (2^32-1)^2:", u64)
	u64 = 1 << 63
	u64 *= 2
	println("uint64 2^63*2:", u64)

	var u uint = 0
	u--
	println("uint 0-1:", u)

	var up uintptr = 0
	up--
	println("uintptr 0-1:", up)
	up += 2
	println("uintptr +2:", up)

	// Wraparound in loops: a counter that wraps terminates by equality.
	var c uint8 = 250
	steps := 0
	for c != 4 {
		c++
		steps++
	}
	println("uint8 250 to 4 steps:", steps)

	// Mixed: intermediate results wrap at each operation.
	var a, b int8 = 100, 100
	println("int8 (a+b)/2:", (a+b)/2)
	var x, y uint16 = 60000, 10000
	println("uint16 x+y-y:", x+y-y, "x+y:", x+y)

	// Bitwise complement per width.
	var z8 uint8 = 0
	var z32 int32 = 0
	var z64 uint64 = 0
	println("^uint8(0):", ^z8, "^int32(0):", ^z32, "^uint64(0):", ^z64)
	var s8 int8 = 5
	println("^int8(5):", ^s8, "int8 5&^3:", s8&^3)
}
