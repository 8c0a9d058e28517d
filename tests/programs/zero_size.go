// run

// Zero-size types: struct{} and [0]T values in slices (huge lengths cost nothing), maps
// with struct{} keys and values (sets), channels of struct{} as signals, zero-size
// fields, comparison of zero-size values, and append/copy on them.
package main

type Empty struct{}

type WithEmpty struct {
	E Empty
	A [0]int
	N int
}

func main() {
	big := make([]struct{}, 1<<40)
	println("len of huge []struct{}:", len(big))
	big = append(big, struct{}{})
	println("after append:", len(big))
	n := copy(big, make([]struct{}, 10))
	println("copy count:", n)

	set := map[string]struct{}{}
	for _, w := range []string{"a", "b", "a", "c", "b"} {
		set[w] = struct{}{}
	}
	_, hasA := set["a"]
	_, hasZ := set["z"]
	println("set:", len(set), hasA, hasZ)

	ek := map[Empty]int{}
	ek[Empty{}]++
	ek[Empty{}]++
	println("struct{} key:", len(ek), ek[Empty{}])
	ak := map[[0]int]string{{}: "zero-length array key"}
	println(ak[[0]int{}])

	done := make(chan struct{})
	go func() {
		done <- struct{}{}
	}()
	<-done
	println("signal received")

	var w1, w2 WithEmpty
	w2.N = 1
	println("compare:", Empty{} == Empty{}, w1 == w2, [0]int{} == [0]int{})
	w1.N = 1
	println("equal now:", w1 == w2)

	arr := [3]Empty{}
	for i := range arr {
		arr[i] = Empty{}
	}
	println("array of empties:", len(arr))
	var ifc interface{} = Empty{}
	_, ok := ifc.(Empty)
	println("in interface:", ok, ifc == interface{}(Empty{}))
}
