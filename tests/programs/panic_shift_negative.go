// run

// A negative signed shift count panics with "runtime error: negative shift amount" (a
// runtime.Error), for left and right shifts and every signed count type; recovered here.
package main

func try(name string, f func()) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		if e, ok := r.(interface{ RuntimeError() }); ok {
			println(name, "-> runtime.Error:", e.(error).Error())
			return
		}
		println(name, "-> recovered:", r != nil)
	}()
	f()
	println(name, "-> ok")
}

func main() {
	n := -1
	var n8 int8 = -5
	var n32 int32 = -100
	var n64 int64 = -9223372036854775808
	try("1<<-1", func() { println(1 << n) })
	try("1>>-1", func() { println(1 >> n) })
	try("int8 count", func() { x := 8; println(x << n8) })
	try("int32 count", func() { var x uint8 = 8; println(x >> n32) })
	try("int64 min count", func() { var x int64 = 8; println(x << n64) })
	try("<<= assign", func() { x := 3; x <<= n; println(x) })
	try("zero count", func() { z := 0; println(5<<z, 5>>z) })
}
