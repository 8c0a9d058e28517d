// run

// Range over arrays, pointers to arrays, slices, strings, maps and channels: the range
// expression is evaluated once (a slice appended to during the loop keeps its original
// length; an array is copied), assignment to existing variables with =, blank variables,
// and ranging over nil slices, nil maps and closed channels.
package main

func main() {
	s := []int{1, 2, 3}
	n := 0
	for _, v := range s {
		s = append(s, v*10)
		n++
	}
	println("slice appended during range:", n, len(s))

	s2 := []int{1, 2, 3}
	for i, v := range s2 {
		if i == 0 {
			s2[2] = 99 // visible: same backing array
		}
		if i == 2 {
			println("sees later element write:", v)
		}
	}

	arr := [3]int{1, 2, 3}
	for i, v := range arr {
		if i == 0 {
			arr[2] = 99 // not visible: array was copied
		}
		if i == 2 {
			println("array copy: v =", v)
		}
	}

	// Range with only index, no variables, and = assignment.
	var i, v int
	for i = range s2 {
	}
	println("last index via =:", i)
	for i, v = range []int{5, 6, 7} {
	}
	println("last pair via =:", i, v)
	cnt := 0
	for range []string{"a", "b"} {
		cnt++
	}
	println("no vars:", cnt)

	// Range over an array value requires no evaluation of elements when only the
	// index is used, even through a nil pointer to an array.
	var pa *[4]int
	idx := 0
	for j := range pa {
		idx += j
	}
	println("range over nil *[4]int indices:", idx, len(pa))

	var ns []int
	var nm map[string]int
	for range ns {
		println("never")
	}
	for range nm {
		println("never")
	}
	println("nil slice/map ranges done")

	// Channel range ends when the channel is closed and drained.
	ch := make(chan int, 5)
	for k := 0; k < 5; k++ {
		ch <- k * k
	}
	close(ch)
	sum := 0
	for x := range ch {
		sum += x
	}
	println("channel sum:", sum)

	// Ranging over a string expression evaluated once.
	calls := 0
	get := func() string { calls++; return "abc" }
	for range get() {
	}
	println("string expr calls:", calls)

	// Range over array of arrays: the element is a copy.
	grid := [2][2]int{{1, 2}, {3, 4}}
	for _, row := range grid {
		row[0] = 100
	}
	println("row copy:", grid[0][0], grid[1][0])
	// Element pointers via index.
	for k := range grid {
		grid[k][0] = 100
	}
	println("via index:", grid[0][0], grid[1][0])
}
