// run

// Arrays and structs are values: assignment, passing to functions, returning, range over
// an array (which ranges over a copy), arrays inside structs and structs inside arrays,
// pointers to elements, and composite literals with keys and omitted fields.
package main

type Point struct {
	X, Y int
}

type Box struct {
	Name    string
	Corners [2]Point
	Tags    [3]string
}

func mutateArr(a [3]int) [3]int {
	a[0] = 100
	return a
}

func mutatePtr(a *[3]int) {
	a[0] = 200
}

func mutateBox(b Box) Box {
	b.Name = "changed"
	b.Corners[1].X = 9
	return b
}

func main() {
	a := [3]int{1, 2, 3}
	b := a
	b[0] = 10
	println("a:", a[0], a[1], a[2], "b:", b[0], b[1], b[2])
	c := mutateArr(a)
	println("after mutateArr a[0]:", a[0], "c[0]:", c[0])
	mutatePtr(&a)
	println("after mutatePtr a[0]:", a[0])

	// range over an array iterates over a copy.
	arr := [3]int{1, 2, 3}
	for i, v := range arr {
		arr[2] = 99
		print(i, "=", v, " ")
	}
	println("| arr[2] =", arr[2])
	// range over a pointer to an array does not copy.
	arr = [3]int{1, 2, 3}
	for i, v := range &arr {
		arr[2] = 99
		print(i, "=", v, " ")
	}
	println()

	box := Box{Name: "box", Corners: [2]Point{{1, 2}, {3, 4}}}
	box2 := box
	box2.Tags[0] = "t"
	box3 := mutateBox(box)
	println("box:", box.Name, box.Corners[1].X, box.Tags[0] == "")
	println("box2:", box2.Name, box2.Tags[0])
	println("box3:", box3.Name, box3.Corners[1].X)

	pts := [3]Point{{1, 1}, {2, 2}}
	q := &pts[1]
	q.X = 20
	pts2 := pts
	pts2[1].Y = 30
	println("pts[1]:", pts[1].X, pts[1].Y, "pts2[1]:", pts2[1].X, pts2[1].Y, "pts[2]:", pts[2].X)

	// Keyed array literals and implicit length.
	keyed := [...]string{2: "two", 5: "five", "six"}
	println("keyed len:", len(keyed), keyed[2], keyed[5], keyed[6], keyed[0] == "")
	idx := [...]int{5: 1, 1: 2}
	println("idx:", len(idx), idx[1], idx[5])

	// Multi-dimensional arrays.
	var grid [3][4]int
	for i := 0; i < 3; i++ {
		for j := 0; j < 4; j++ {
			grid[i][j] = i*10 + j
		}
	}
	row := grid[1]
	row[0] = -1
	println("grid[1][0]:", grid[1][0], "row[0]:", row[0], "grid[2][3]:", grid[2][3])

	// Anonymous structs and struct assignment.
	anon := struct {
		A int
		B string
	}{1, "x"}
	anon2 := anon
	anon2.A = 2
	println("anon:", anon.A, anon.B, anon2.A)

	// Swapping through tuple assignment.
	x, y := Point{1, 2}, Point{3, 4}
	x, y = y, x
	println("swap:", x.X, y.X)
	a[0], a[1], a[2] = a[2], a[0], a[1]
	println("rotate:", a[0], a[1], a[2])

	// Zero values.
	var z Box
	println("zero:", z.Name == "", z.Corners[0].X, len(z.Tags))
	// Large array value copy.
	var bigA [1000]int
	bigA[999] = 7
	bigB := bigA
	bigA[999] = 8
	println("big copy:", bigB[999], bigA[999])
}
