// run

// Integer division and remainder by zero panic with "runtime error: integer divide by zero"
// for every integer type; the panic value is a runtime.Error. Also shows that float
// division by zero does not panic.
package main

type runtimeError interface {
	error
	RuntimeError()
}

func try(name string, f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(runtimeError); ok {
			println(name, "-> runtime.Error:", e.Error())
			return
		}
		if e, ok := r.(error); ok {
			println(name, "-> error:", e.Error())
			return
		}
		println(name, "-> no panic")
	}()
	f()
}

var zero = 0

func main() {
	try("int /", func() { println(7 / zero) })
	try("int %", func() { println(7 % zero) })
	try("int8 /", func() { var z int8; var a int8 = 1; println(a / z) })
	try("int16 %", func() { var z int16; var a int16 = 1; println(a % z) })
	try("int32 /", func() { var z int32; var a int32 = 1; println(a / z) })
	try("int64 %", func() { var z int64; var a int64 = 1; println(a % z) })
	try("uint8 /", func() { var z uint8; var a uint8 = 1; println(a / z) })
	try("uint16 /", func() { var z uint16; var a uint16 = 1; println(a / z) })
	try("uint32 %", func() { var z uint32; var a uint32 = 1; println(a % z) })
	try("uint64 /", func() { var z uint64; var a uint64 = 1; println(a / z) })
	try("uint /", func() { var z uint; var a uint = 1; println(a / z) })
	try("uintptr %", func() { var z uintptr; var a uintptr = 1; println(a % z) })
	try("/= assign", func() { a := 5; a /= zero; println(a) })
	try("%= assign", func() { a := 5; a %= zero; println(a) })
	try("0/0", func() { println(zero / zero) })
	try("int /1", func() { println(7 / (zero + 1)) })
	try("float64 /0", func() {
		f := 1.0
		z := 0.0
		println(f/z, -f/z, z/z)
	})
	try("float32 /0", func() {
		var f float32 = 1
		var z float32
		println(f/z, -f/z)
	})
}
