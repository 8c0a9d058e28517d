// run exit=2

package main

import "unsafe"

func main() {
	var a [4]int64
	s := unsafe.Slice(&a[0], 4)
	s[3] = 7
	println(len(s), cap(s), a[3], unsafe.SliceData(s) == &a[0])
	str := "hello"
	b := unsafe.StringData(str)
	println(unsafe.String(b, 3), *(*byte)(unsafe.Add(unsafe.Pointer(b), 1)))
	var nilp *int64
	println(len(unsafe.Slice(nilp, 0)), unsafe.Slice(nilp, 0) == nil)
	n := -1
	_ = unsafe.Slice(&a[0], n)
}
