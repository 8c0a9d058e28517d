// run

// The unsafe package (amd64 layout): Sizeof, Alignof and Offsetof of struct fields with
// padding, Pointer arithmetic with unsafe.Add over an array, reinterpreting a float64's
// bits through *uint64, unsafe.String/StringData and unsafe.Slice/SliceData sharing
// memory, converting between struct types of identical layout, and uintptr arithmetic
// printed only as differences (never as addresses).
package main

import (
	"fmt"
	"unsafe"
)

type Packed struct {
	A bool
	B int64
	C uint16
	D byte
	E [3]int32
	F string
	G []int
	H any
}

type Mirror struct {
	X int32
	Y int32
}

type Other struct {
	P int32
	Q int32
}

func main() {
	var p Packed
	fmt.Println(unsafe.Sizeof(p), unsafe.Alignof(p), unsafe.Sizeof(p.F), unsafe.Sizeof(p.G), unsafe.Sizeof(p.H), unsafe.Sizeof(uintptr(0)))
	fmt.Println(unsafe.Offsetof(p.A), unsafe.Offsetof(p.B), unsafe.Offsetof(p.C), unsafe.Offsetof(p.D), unsafe.Offsetof(p.E), unsafe.Offsetof(p.F), unsafe.Offsetof(p.G), unsafe.Offsetof(p.H))
	fmt.Println(unsafe.Alignof(p.A), unsafe.Alignof(p.B), unsafe.Alignof(p.C), unsafe.Alignof(p.E), unsafe.Sizeof(struct{}{}), unsafe.Sizeof([0]int{}), unsafe.Sizeof(struct {
		a byte
		b int32
		c byte
	}{}))

	arr := [5]int32{10, 20, 30, 40, 50}
	base := unsafe.Pointer(&arr[0])
	third := (*int32)(unsafe.Add(base, 2*unsafe.Sizeof(arr[0])))
	fmt.Println(*third)
	*third = 33
	fmt.Println(arr, uintptr(unsafe.Pointer(&arr[4]))-uintptr(base))
	last := (*int32)(unsafe.Pointer(uintptr(base) + 4*unsafe.Sizeof(arr[0])))
	fmt.Println(*last)

	f := 1.5
	bits := *(*uint64)(unsafe.Pointer(&f))
	fmt.Printf("%#x\n", bits)
	*(*uint64)(unsafe.Pointer(&f)) = 0x4000000000000000
	fmt.Println(f)

	bs := []byte("hello, unsafe")
	s := unsafe.String(&bs[0], 5)
	fmt.Println(s, len(s))
	bs[0] = 'j'
	fmt.Println(s)
	str := "immutable"
	data := unsafe.StringData(str)
	view := unsafe.Slice(data, len(str))
	fmt.Println(string(view[2:]), len(view), cap(view))
	nums := []int64{1, 2, 3, 4}
	sd := unsafe.SliceData(nums)
	again := unsafe.Slice(sd, 2)
	again[1] = 200
	fmt.Println(nums, len(again), cap(again))
	fmt.Println(unsafe.SliceData([]int{}) != nil, unsafe.SliceData([]int(nil)) == nil)

	m := Mirror{3, 4}
	o := *(*Other)(unsafe.Pointer(&m))
	fmt.Println(o.P, o.Q)
	words := (*[2]int32)(unsafe.Pointer(&m))
	words[1] = 40
	fmt.Println(m)
	var x struct {
		a [2]byte
		b uint32
	}
	fmt.Println(uintptr(unsafe.Pointer(&x.b))-uintptr(unsafe.Pointer(&x)), unsafe.Offsetof(x.b))
}
