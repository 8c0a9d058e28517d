// run

// Package initialization: package-level variables initialize in dependency order (not
// declaration order), each exactly once, then init functions run in source order (there
// may be several), all before main.
package main

var a = b + c*10
var b = trace("b", 1)
var c = trace("c", d+1)
var d = trace("d", 5)
var e, f = pair()
var total = sumAll()

var table = map[string]int{"x": trace("table", 7)}

func trace(name string, v int) int {
	println("init var", name, "=", v)
	return v
}

func pair() (int, int) {
	println("init pair")
	return 100, 200
}

func sumAll() int {
	println("init total uses a, e, f")
	return a + e + f
}

func init() {
	println("init() 1: a =", a, "total =", total)
	a++
}

func init() {
	println("init() 2: a =", a, "table =", table["x"])
}

func main() {
	println("main: a b c d =", a, b, c, d, "e f =", e, f)
}
