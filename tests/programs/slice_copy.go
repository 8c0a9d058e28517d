// run

// copy: returns min(len(dst), len(src)), handles overlapping source and destination in
// both directions like memmove, copies from strings into byte slices, and works with
// nil and empty slices. Also append of a slice to itself.
package main

func show(label string, s []int) {
	print(label, ":")
	for _, v := range s {
		print(" ", v)
	}
	println()
}

func main() {
	a := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	n := copy(a[2:], a)
	println("forward overlap n =", n)
	show("a", a)

	b := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	n = copy(b, b[3:])
	println("backward overlap n =", n)
	show("b", b)

	c := []int{0, 1, 2, 3, 4}
	n = copy(c, c)
	println("self copy n =", n)
	show("c", c)

	dst := make([]int, 3)
	n = copy(dst, []int{7, 8, 9, 10, 11})
	println("short dst n =", n)
	show("dst", dst)
	long := make([]int, 6)
	n = copy(long, []int{1, 2})
	println("short src n =", n)
	show("long", long)

	var nilS []int
	println("copy to nil:", copy(nilS, a), "copy from nil:", copy(a, nilS))
	bs := make([]byte, 4)
	n = copy(bs, "héllo")
	println("copy from string n =", n, "bytes:", bs[0], bs[1], bs[2], bs[3])

	// Overlapping byte copies of different lengths.
	for _, shift := range []int{1, 3, 7, 8, 15} {
		buf := []byte("abcdefghijklmnopqrstuvwxyz")
		copy(buf[shift:], buf)
		println("byte shift", shift, string(buf))
		buf2 := []byte("abcdefghijklmnopqrstuvwxyz")
		copy(buf2, buf2[shift:])
		println("byte unshift", shift, string(buf2))
	}

	// Appending a slice to itself.
	d := []int{1, 2, 3}
	d = append(d, d...)
	show("d+d", d)
	e := make([]int, 3, 10)
	e[0], e[1], e[2] = 1, 2, 3
	e = append(e[:1], e...)
	show("insert via append", e)
	// Delete element 2 via append.
	f := []int{0, 1, 2, 3, 4}
	f = append(f[:2], f[3:]...)
	show("delete", f)

	// Strings copied into larger types.
	type pair struct{ x, y int }
	ps := []pair{{1, 2}, {3, 4}, {5, 6}}
	copy(ps[1:], ps)
	println("struct copy:", ps[0].x, ps[1].x, ps[2].x, ps[2].y)
}
