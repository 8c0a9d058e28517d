// run

// Constants: untyped constant arithmetic with arbitrary precision (huge intermediates that
// fit in the end), typed constants, iota patterns, constant expressions with shifts,
// untyped float and rune constants and their default types, and exact constant division.
package main

const (
	Big   = 1 << 200
	Small = Big >> 198
	Huge  = 1e500
	Ratio = Huge / 1e499
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	_
	Thursday
)

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
	TB
)

const (
	a, b = iota, iota * 10
	c, d
	e, f
)

const (
	x0 = iota * iota
	x1
	x2 = "s"
	x3
	x4 = iota + 100
)

type Bits uint8

const (
	F0 Bits = 1 << iota
	F1
	F2
	F7 Bits = 1 << 7
)

func main() {
	println("Small:", Small, "Ratio:", Ratio)
	println("Big/Big:", Big/Big, "Big%7:", Big%7)
	println("days:", Sunday, Monday, Tuesday, Thursday)
	println("sizes:", KB, MB, GB, TB)
	println("pairs:", a, b, c, d, e, f)
	println("x:", x0, x1, x2, x3, x4)
	println("bits:", F0, F1, F2, F7, F0|F2|F7)

	// Untyped constant division is exact for floats and truncates for integers.
	const third = 1.0 / 3
	const ithird = 1 / 3
	println("1.0/3:", third, "1/3:", ithird)
	const exact = 1.0 / 3 * 3
	println("1.0/3*3 == 1:", exact == 1)
	const precise = 0.1 + 0.2
	println("0.1+0.2 const == 0.3:", precise == 0.3)
	var v = 0.1
	println("0.1 var + 0.2 == 0.3:", v+0.2 == 0.3)

	// Default types of untyped constants.
	i := 10
	fl := 10.0
	r := 'x'
	cx := 2i
	println("defaults:", i, fl, r, cx)
	var i8 int8 = -128
	var u16 uint16 = 65535
	println("typed extremes:", i8, u16)
	const maxU64 = 1<<64 - 1
	var m uint64 = maxU64
	println("maxU64:", m, "maxU64>>32:", uint32(maxU64>>32))
	const minI64 = -1 << 63
	println("minI64:", int64(minI64))

	// Typed constant arithmetic stays in the type.
	const t8 int8 = 100
	println("t8/3:", t8/3, "t8%7:", t8%7)
	const fc float32 = 1.0 / 3
	println("float32 const:", fc)
	const sc = "con" + "cat"
	println("string const:", sc, len(sc))
	const bc = 3 > 2 && "a" < "b"
	println("bool const:", bc)
	const runeSum = 'a' + 1
	println("rune const:", runeSum, string(rune(runeSum)))
	println("len of const array:", len([4]int{}), "len of const string:", len("héllo"))
	const fl2i = 1e3
	arr := [fl2i / 100]int{}
	println("float const as int:", len(arr), int64(fl2i))
	println("huge float to int:", int64(1e18), uint64(1<<63))
	println("complex const real:", real(3+4i)*2)
}
