// run

// Values recovered from run-time panics are runtime.Error values (error plus a
// RuntimeError method) of gc's runtime types, usable through interfaces: type switches,
// assertions between interfaces, Error() text, comparison with themselves, and
// re-panicking keeps their text. panic(nil) recovers as a *runtime.PanicNilError.
package main

type runtimeError interface {
	error
	RuntimeError()
}

func catch(f func()) (r interface{}) {
	defer func() { r = recover() }()
	f()
	return nil
}

func describe(label string, r interface{}) {
	switch v := r.(type) {
	case nil:
		println(label, "=> nothing")
	case runtimeError:
		var e error = v
		println(label, "=> runtime.Error:", e.Error(), v == r)
	case error:
		println(label, "=> error:", v.Error())
	case string:
		println(label, "=> string:", v)
	default:
		println(label, "=> other")
	}
}

type myErr struct{}

func (myErr) Error() string { return "mine" }

func main() {
	var s []int
	var p *struct{ x int }
	var i interface{} = "str"
	zero := 0
	describe("index", catch(func() { _ = s[zero+3] }))
	describe("nil deref", catch(func() { _ = p.x }))
	describe("divide", catch(func() { _ = 10 / zero }))
	describe("assert", catch(func() { _ = i.(int) }))
	describe("assert iface", catch(func() { _ = i.(error) }))
	describe("panic nil", catch(func() { panic(nil) }))
	describe("panic error", catch(func() { panic(myErr{}) }))
	describe("panic string", catch(func() { panic("plain") }))
	describe("no panic", catch(func() {}))
	r := catch(func() { _ = s[zero+5] })
	r2 := catch(func() { panic(r) })
	describe("re-panicked", r2)
	_, isErr := r2.(error)
	println("still an error:", isErr)
}
