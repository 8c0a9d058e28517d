// run

// Integer division and remainder: truncation toward zero, sign of the remainder, the
// MinInt / -1 rule (quotient wraps to MinInt, remainder 0, no panic) at every signed width,
// unsigned division, and division by constant powers of two on negative numbers.
package main

//go:noinline
func div8(a, b int8) (int8, int8) { return a / b, a % b }

//go:noinline
func div16(a, b int16) (int16, int16) { return a / b, a % b }

//go:noinline
func div32(a, b int32) (int32, int32) { return a / b, a % b }

//go:noinline
func div64(a, b int64) (int64, int64) { return a / b, a % b }

//go:noinline
func divInt(a, b int) (int, int) { return a / b, a % b }

func main() {
	pairs := [][2]int{{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {0, 5}, {5, 7}, {-5, 7}, {100, 10}, {-1, 1}}
	for _, p := range pairs {
		q, r := divInt(p[0], p[1])
		println("int", p[0], "/", p[1], "=", q, "rem", r)
	}

	q8, r8 := div8(-128, -1)
	println("int8 min/-1:", q8, r8)
	q16, r16 := div16(-32768, -1)
	println("int16 min/-1:", q16, r16)
	q32, r32 := div32(-2147483648, -1)
	println("int32 min/-1:", q32, r32)
	q64, r64 := div64(-9223372036854775808, -1)
	println("int64 min/-1:", q64, r64)
	qi, ri := divInt(-9223372036854775808, -1)
	println("int min/-1:", qi, ri)

	q8, r8 = div8(-128, 3)
	println("int8 -128/3:", q8, r8)
	q8, r8 = div8(127, -128)
	println("int8 127/-128:", q8, r8)

	var u8 uint8 = 250
	println("uint8 250/7:", u8/7, u8%7)
	var u64 uint64 = 18446744073709551615
	println("uint64 max/10:", u64/10, u64%10)
	println("uint64 max/max-1:", u64/(u64-1), u64%(u64-1))
	var u32 uint32 = 4294967295
	println("uint32 max/3:", u32/3, u32%16)

	// Power-of-two divisors must still truncate toward zero for negatives.
	for _, v := range []int{-9, -8, -7, -1, 1, 7, 8, 9} {
		println("div pow2", v, v/4, v%4, v/8, v%8, v>>2)
	}
	var v32 int32 = -17
	println("int32 -17/16:", v32/16, v32%16, v32>>4)

	// Division assignment operators.
	a := 100
	a /= 7
	println("100/=7:", a)
	a %= 4
	println("then %=4:", a)
}
