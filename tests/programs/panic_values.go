// run

// How values of different types print when panicking, checked through recover and a
// re-print: the recovered value keeps its dynamic type. The unrecovered forms are in the
// panic_value_* programs.
package main

type MyInt int
type MyStr string

type E struct{ msg string }

func (e E) Error() string { return "E: " + e.msg }

func catch(f func()) (v interface{}) {
	defer func() { v = recover() }()
	f()
	return nil
}

func main() {
	v := catch(func() { panic(42) })
	n, ok := v.(int)
	println("int:", n, ok)
	v = catch(func() { panic(MyInt(7)) })
	mi, ok := v.(MyInt)
	println("MyInt:", mi, ok)
	v = catch(func() { panic(MyStr("s")) })
	ms, ok := v.(MyStr)
	println("MyStr:", string(ms), ok)
	v = catch(func() { panic(E{"boom"}) })
	e, ok := v.(error)
	println("error:", e.Error(), ok)
	v = catch(func() { panic(2.5) })
	f, ok := v.(float64)
	println("float64:", f, ok)
	v = catch(func() {})
	println("no panic: nil?", v == nil)
	v = catch(func() { panic(nil) })
	pe, ok := v.(error)
	println("panic(nil):", ok, pe.Error())
	_, isRE := v.(interface{ RuntimeError() })
	println("panic(nil) is runtime.Error:", isRE)
}
