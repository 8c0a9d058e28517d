// run

// Capacity growth of append as gc's growslice computes it: doubling below 256 elements,
// the smoother 1.25x+192 formula above, rounding up to malloc size classes (so the
// sequence depends on the element size), appending many elements at once, appending to a
// nil slice, and append reusing the backing array while capacity allows.
//
// Every slice here escapes to the heap (through sink): gc gives non-escaping slices a
// 32-byte stack buffer on their first append, an optimization this program keeps out of
// the picture so that only growslice's rule shows.
package main

var sink []any

func escape(x any) { sink = append(sink, x) }

type three [3]byte
type rec struct {
	a, b, c int64
}
type big struct {
	x [100]int32
}

func main() {
	var b []byte
	escape(&b)
	last := -1
	print("byte caps:")
	for i := 0; i < 5000; i++ {
		b = append(b, byte(i))
		if cap(b) != last {
			last = cap(b)
			print(" ", last)
		}
	}
	println()

	var n []int
	escape(&n)
	last = -1
	print("int caps:")
	for i := 0; i < 5000; i++ {
		n = append(n, i)
		if cap(n) != last {
			last = cap(n)
			print(" ", last)
		}
	}
	println()

	var t []three
	escape(&t)
	last = -1
	print("[3]byte caps:")
	for i := 0; i < 2000; i++ {
		t = append(t, three{})
		if cap(t) != last {
			last = cap(t)
			print(" ", last)
		}
	}
	println()

	var r []rec
	escape(&r)
	last = -1
	print("24-byte struct caps:")
	for i := 0; i < 2000; i++ {
		r = append(r, rec{})
		if cap(r) != last {
			last = cap(r)
			print(" ", last)
		}
	}
	println()

	var s []string
	escape(&s)
	last = -1
	print("string caps:")
	for i := 0; i < 1000; i++ {
		s = append(s, "")
		if cap(s) != last {
			last = cap(s)
			print(" ", last)
		}
	}
	println()

	var bg []big
	escape(&bg)
	last = -1
	print("400-byte struct caps:")
	for i := 0; i < 100; i++ {
		bg = append(bg, big{})
		if cap(bg) != last {
			last = cap(bg)
			print(" ", last)
		}
	}
	println()

	var i32 []int32
	escape(&i32)
	last = -1
	print("int32 caps:")
	for i := 0; i < 3000; i++ {
		i32 = append(i32, 1)
		if cap(i32) != last {
			last = cap(i32)
			print(" ", last)
		}
	}
	println()

	// Appending several elements at once: when the needed length exceeds double the old
	// capacity, the new capacity starts from the needed length (rounded to a size class).
	for _, k := range []int{1, 2, 3, 5, 7, 9, 13, 17, 33, 100, 1000} {
		x := append([]int(nil), make([]int, k)...)
		y := append(make([]byte, 0, 1), make([]byte, k)...)
		z := append([]int{1, 2, 3}, make([]int, k)...)
		escape(x)
		escape(y)
		escape(z)
		println("append", k, "-> caps", cap(x), cap(y), cap(z))
	}

	// Growth from a non-zero starting capacity.
	for _, c := range []int{1, 3, 5, 10, 100, 255, 256, 257, 511, 1000, 4096} {
		u := make([]int, c)
		u = append(u, 0)
		v := make([]byte, c)
		v = append(v, 0)
		escape(u)
		escape(v)
		println("full len", c, "-> int cap", cap(u), "byte cap", cap(v))
	}

	// Append within capacity shares the backing array.
	base := make([]int, 3, 10)
	a1 := append(base, 1)
	a2 := append(base, 2)
	println("shared:", a1[3], a2[3], len(base), cap(a1))
	// Append beyond capacity copies.
	full := []int{1, 2, 3}
	c1 := append(full, 4)
	c1[0] = 100
	println("copied:", full[0], c1[0], cap(full), cap(c1))

	// append with nothing to add returns the slice itself.
	var nilS []int
	escape(&nilS)
	println("append nothing to nil:", append(nilS) == nil, len(append(full)))
	e := append([]int{}, nilS...)
	println("append nil... to empty: nil?", e == nil, "len", len(e))
}
