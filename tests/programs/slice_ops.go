// run

// Slice expressions: two- and three-index (full) slice expressions and the capacities they
// give, slicing arrays and pointers to arrays, re-slicing up to capacity, nil versus empty
// slices, make with len and cap, slices sharing backing arrays, and slices of slices.
package main

func show(label string, s []int) {
	print(label, " len=", len(s), " cap=", cap(s), " nil=", s == nil, ":")
	for _, v := range s {
		print(" ", v)
	}
	println()
}

func main() {
	arr := [8]int{0, 1, 2, 3, 4, 5, 6, 7}
	show("arr[:]", arr[:])
	show("arr[2:5]", arr[2:5])
	show("arr[2:5:6]", arr[2:5:6])
	show("arr[:0]", arr[:0])
	show("arr[8:]", arr[8:])
	show("arr[3:3:3]", arr[3:3:3])
	s := arr[2:5]
	show("s[:cap]", s[:cap(s)])
	show("s[1:2:3]", s[1:2:3])

	// Writes through a slice reach the array.
	s[0] = 20
	println("arr[2] after write:", arr[2])

	// A full slice expression limits capacity, so append copies.
	lim := arr[0:2:2]
	lim = append(lim, 99)
	println("after append to limited slice: arr[2] =", arr[2], "lim[2] =", lim[2])
	open := arr[0:2]
	open = append(open, 98)
	println("after append to open slice: arr[2] =", arr[2], "open[2] =", open[2])

	// Pointer to array slicing and len/cap of the pointer.
	p := &arr
	show("p[1:4]", p[1:4])
	println("len(p):", len(p), "cap(p):", cap(p))

	// nil and empty.
	var nilS []int
	empty := []int{}
	made := make([]int, 0)
	show("nil", nilS)
	show("empty", empty)
	show("make 0", made)
	show("nil[:]", nilS[:])
	show("nil[0:0]", nilS[0:0])
	show("empty[:0]", empty[:0])
	m := make([]int, 3, 7)
	show("make 3,7", m)
	show("m[:7]", m[:7])
	show("m[5:7]", m[5:7])

	// Slices of slices.
	grid := make([][]int, 3)
	for i := range grid {
		grid[i] = make([]int, i+1)
		for j := range grid[i] {
			grid[i][j] = i * j
		}
	}
	for i := range grid {
		show("grid row", grid[i])
	}
	// Slices of strings.
	strs := []string{"a", "b", "c", "d"}
	sub := strs[1:3]
	sub[0] = "B"
	println("strs:", strs[0], strs[1], strs[2], strs[3], len(sub), cap(sub))

	// Slicing with variables at the bounds.
	lo, hi, mx := 1, 3, 5
	show("arr[lo:hi:mx]", arr[lo:hi:mx])
	show("arr[lo:mx:mx]", arr[lo:mx:mx])

	// Slice to array conversion (Go 1.20) and slice to array pointer (Go 1.17).
	sl := []int{10, 11, 12, 13}
	a3 := [3]int(sl)
	a3[0] = 0
	ap := (*[2]int)(sl)
	ap[1] = 111
	println("slice->array:", a3[0], a3[1], a3[2], "slice->*array:", ap[0], ap[1], sl[1])
	var nilAP = (*[0]int)(nilS)
	println("nil slice -> *[0]int is nil:", nilAP == nil)
	a0 := [0]int(nilS)
	println("nil slice -> [0]int len:", len(a0))
}
