// run

// Bit casts through unsafe.Pointer: reads of *(*T)(unsafe.Pointer(&x)) between numeric
// types of one size (which mvm compiles without taking x's address), writes through
// the same form, and a variable whose address also escapes.
package main

import "unsafe"

func float64bits(f float64) uint64 { return *(*uint64)(unsafe.Pointer(&f)) }

func float64frombits(b uint64) float64 { return *(*float64)(unsafe.Pointer(&b)) }

func float32bits(f float32) uint32 { return *(*uint32)(unsafe.Pointer(&f)) }

func main() {
	println(float64bits(1.5), float64bits(-0.0))
	println(float64frombits(0x400921fb54442d18))
	println(float32bits(1.5), float32bits(-2))

	// float32 bits as a signed int32: negative when the sign bit is set.
	f := float32(-1)
	i := *(*int32)(unsafe.Pointer(&f))
	println(i, i < 0)

	// int8 <-> uint8.
	b := uint8(200)
	println(*(*int8)(unsafe.Pointer(&b)))

	// A write through the same form changes the variable.
	x := 2.0
	*(*uint64)(unsafe.Pointer(&x)) = 0x3ff0000000000000
	println(x)
	*(*uint64)(unsafe.Pointer(&x)) += 1 << 52
	println(x)

	// The address escapes too: reads see writes through the pointer.
	y := 3.0
	p := (*uint64)(unsafe.Pointer(&y))
	*p = 0x4010000000000000
	println(y, *(*uint64)(unsafe.Pointer(&y)))

	// Captured by a closure that changes it.
	z := 1.0
	set := func() { z = 8 }
	set()
	println(*(*uint64)(unsafe.Pointer(&z)))

	// Address of the indirection itself.
	w := 5.0
	q := &*(*uint64)(unsafe.Pointer(&w))
	*q = 0
	println(w)
}
