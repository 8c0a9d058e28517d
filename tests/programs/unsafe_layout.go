// run

// unsafe.Sizeof, Alignof and Offsetof answer as gc does on a 64-bit target: basic types,
// strings, slices, interfaces, maps, channels, funcs, pointers, arrays, structs with
// padding, trailing zero-size fields, and nested structs; unsafe.Pointer conversions to
// reinterpret memory (float bits, little-endian bytes of an integer), unsafe.String,
// unsafe.Slice, unsafe.StringData/SliceData and unsafe.Add.
package main

import "unsafe"

type Padded struct {
	A bool
	B int64
	C bool
	D int32
	E bool
}

type Packed struct {
	B int64
	D int32
	A bool
	C bool
	E bool
}

type TrailingZero struct {
	X int32
	Z struct{}
}

type Nested struct {
	P  Padded
	S  string
	Sl []int
	I  interface{}
	A  [3]int16
}

func main() {
	println("bool int8 int16 int32 int64:", unsafe.Sizeof(true), unsafe.Sizeof(int8(0)), unsafe.Sizeof(int16(0)), unsafe.Sizeof(int32(0)), unsafe.Sizeof(int64(0)))
	println("int uint uintptr:", unsafe.Sizeof(0), unsafe.Sizeof(uint(0)), unsafe.Sizeof(uintptr(0)))
	println("float32 float64 complex64 complex128:", unsafe.Sizeof(float32(0)), unsafe.Sizeof(0.0), unsafe.Sizeof(complex64(0)), unsafe.Sizeof(0i))
	var s string
	var sl []int
	var i interface{}
	var e error
	var m map[int]int
	var ch chan int
	var f func()
	var p *int
	println("string slice iface error:", unsafe.Sizeof(s), unsafe.Sizeof(sl), unsafe.Sizeof(i), unsafe.Sizeof(e))
	println("map chan func ptr:", unsafe.Sizeof(m), unsafe.Sizeof(ch), unsafe.Sizeof(f), unsafe.Sizeof(p))
	println("arrays:", unsafe.Sizeof([3]int16{}), unsafe.Sizeof([0]int{}), unsafe.Sizeof([2]string{}), unsafe.Sizeof(struct{}{}))

	var pd Padded
	var pk Packed
	var tz TrailingZero
	var n Nested
	println("Padded size align:", unsafe.Sizeof(pd), unsafe.Alignof(pd))
	println("Padded offsets:", unsafe.Offsetof(pd.A), unsafe.Offsetof(pd.B), unsafe.Offsetof(pd.C), unsafe.Offsetof(pd.D), unsafe.Offsetof(pd.E))
	println("Packed size:", unsafe.Sizeof(pk), "offsets:", unsafe.Offsetof(pk.D), unsafe.Offsetof(pk.A), unsafe.Offsetof(pk.E))
	println("TrailingZero size:", unsafe.Sizeof(tz), "Z offset:", unsafe.Offsetof(tz.Z))
	println("Nested size:", unsafe.Sizeof(n), "offsets:", unsafe.Offsetof(n.S), unsafe.Offsetof(n.Sl), unsafe.Offsetof(n.I), unsafe.Offsetof(n.A))
	println("aligns:", unsafe.Alignof(int8(0)), unsafe.Alignof(int16(0)), unsafe.Alignof(int32(0)), unsafe.Alignof(0.0), unsafe.Alignof(complex64(0)), unsafe.Alignof(s), unsafe.Alignof(n.A))

	// Reinterpreting memory.
	fl := 1.0
	bits := *(*uint64)(unsafe.Pointer(&fl))
	println("float64 1.0 bits:", bits)
	f32 := float32(-2.5)
	println("float32 -2.5 bits:", *(*uint32)(unsafe.Pointer(&f32)))
	x := uint32(0x01020304)
	b := (*[4]byte)(unsafe.Pointer(&x))
	println("little-endian bytes:", b[0], b[1], b[2], b[3])

	// unsafe.Slice/String/Add and the Data functions.
	arr := [5]int{10, 20, 30, 40, 50}
	ps := unsafe.Slice(&arr[1], 3)
	println("unsafe.Slice:", len(ps), cap(ps), ps[0], ps[2])
	third := (*int)(unsafe.Add(unsafe.Pointer(&arr[0]), 2*unsafe.Sizeof(arr[0])))
	println("unsafe.Add:", *third)
	bs := []byte("hello")
	str := unsafe.String(&bs[0], 4)
	println("unsafe.String:", str)
	println("StringData round trip:", unsafe.String(unsafe.StringData("world"), 5))
	println("SliceData:", *unsafe.SliceData(ps))
	// Pointer arithmetic through uintptr in one expression.
	second := *(*int)(unsafe.Pointer(uintptr(unsafe.Pointer(&arr[0])) + unsafe.Sizeof(arr[0])))
	println("uintptr arithmetic:", second)
	// Struct field through offset.
	pd.D = 77
	dp := (*int32)(unsafe.Add(unsafe.Pointer(&pd), unsafe.Offsetof(pd.D)))
	println("field via Offsetof:", *dp)
}
