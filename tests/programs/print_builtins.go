// run

// print and println formatting of every basic type as gc's runtime writes it to stderr:
// integers of each width, floats (shortest 'g' form in Go 1.26: 1e+21, 1e-05, NaN, +Inf,
// -0), complex values, bools, strings (raw bytes, no quoting), nil values (pointers,
// maps, channels and funcs print as 0x0, interfaces as (0x0,0x0), slices as [0/0]0x0;
// non-nil ones would print addresses, so none appear here), println's
// separating spaces and newline versus print's lack of them (print adds no spaces between
// operands, not even between numbers).
package main

type MyInt int
type MyString string
type MyFloat float32

func main() {
	println()
	println("ints:", int8(-8), int16(-16), int32(-32), int64(-64), -1, 0)
	println("uints:", uint8(8), uint16(16), uint32(32), uint64(64), uint(1), uintptr(77))
	println("extremes:", int64(-9223372036854775808), uint64(18446744073709551615))
	println("named:", MyInt(5), MyString("ms"), MyFloat(0.25))

	zero := 0.0
	println("floats:", 1.0, 0.0, -zero, 0.5, 100.0, 1e6, 1e20, 1e21, 123456789.0, 1e-4, 1e-5)
	println("more floats:", 3.141592653589793, 2.0/3.0, -1.25e-300, 5e-324, 1.7976931348623157e308)
	println("specials:", zero/zero, 1/zero, -1/zero)
	println("float32:", float32(0.1), float32(1)/3, float32(16777216.0), float32(1e-40), float32(3.4e38))
	println("complex:", 1+2i, complex(-zero, -1), complex64(0.5-0.25i), complex(zero/zero, 1/zero))

	println("bools:", true, false, 1 < 2)
	println("strings:", "", "plain", "tab\there", "quote\"s", "nul\x00byte", "héllo 世界")
	println("bytes/runes:", byte('A'), 'A', rune(0x4e16))

	var e error
	var i interface{}
	var p *int
	var s []int
	var m map[string]int
	var f func()
	var ch chan int
	println("nils:", e == nil, i == nil, p == nil, s == nil, m == nil, f == nil, ch == nil)
	println("nil interface:", i, "nil error:", e)
	println("nil slice:", s)
	println("nil pointer, map, chan, func:", p, m, ch, f)
	println("uintptr prints in decimal:", uintptr(0xdead))

	print("print:", 1, 2, "x", true, 2.5, '\n')
	print("\n")
	print("a", "b", "\n")
	print(1, 2, 3, "\n")
	print()
	println("multi", "args", "end")

	// Strings with invalid UTF-8 are written byte for byte (the only deliberately
	// non-UTF-8 output in this corpus: the comparison must be bytewise).
	println("invalid utf8:", "\xff\xfe", string([]byte{0xe4, 0xb8}))
}
