// run

// The min and max builtins (Go 1.21) over integers, floats (NaN wins, -0 < +0, infinities),
// strings, mixed constants, a single argument, and typed constants; and clear on maps
// (removes all entries, including NaN keys) and slices (zeroes elements, keeps length).
package main

type Score int

func main() {
	println("ints:", min(3, 1, 2), max(3, 1, 2), min(-5), max(7))
	a, b, c := 10, -20, 30
	println("vars:", min(a, b, c), max(a, b, c), min(a, 0), max(b, 0))
	var u8a, u8b uint8 = 200, 100
	println("uint8:", min(u8a, u8b), max(u8a, u8b))
	s1, s2 := Score(5), Score(9)
	println("named:", min(s1, s2), max(s1, s2, 7))

	zero := 0.0
	nan := zero / zero
	inf := 1 / zero
	negz := -zero
	println("floats:", min(1.5, 2.5), max(1.5, 2.5), min(1.0, -inf), max(1.0, inf))
	println("NaN first:", min(nan, 1.0), max(nan, 1.0))
	println("NaN last:", min(1.0, nan), max(1.0, nan), min(inf, nan, -inf))
	println("signed zero:", min(zero, negz), max(negz, zero), min(negz, zero), max(zero, negz))
	var f32 float32 = 2.5
	println("float32:", min(f32, 1), max(f32, 3))

	println("strings:", min("banana", "apple", "cherry"), max("banana", "apple", "cherry"))
	println("empty string:", min("", "a") == "", max("", "a"))
	sx, sy := "abc", "abd"
	println("string vars:", min(sx, sy), max(sx, sy))

	const k = min(1, 2.5, 3)
	println("const:", k, max(1, 2.5))
	var f = max(1, 2.0)
	println("float from ints/consts:", f)

	// clear on slices: length and capacity kept, elements zeroed.
	sl := []int{1, 2, 3, 4}
	sub := sl[1:3]
	clear(sub)
	println("clear slice:", sl[0], sl[1], sl[2], sl[3], len(sub), cap(sub))
	strs := []string{"a", "b"}
	clear(strs)
	println("clear strings:", strs[0] == "", len(strs))
	type P struct {
		X int
		S []int
	}
	ps := []P{{1, []int{1}}, {2, nil}}
	clear(ps)
	println("clear structs:", ps[0].X, ps[0].S == nil)
	var nilS []int
	clear(nilS)

	// clear on maps.
	m := map[float64]int{1: 1, 2: 2}
	m[nan] = 3
	m[nan] = 4
	println("before clear:", len(m))
	clear(m)
	println("after clear:", len(m))
	m[5] = 5
	println("reusable:", len(m), m[5])
}
