// run

// Multi-value assignments whose targets are interfaces: a call's results and comma-ok
// forms are converted value by value (concrete to interface, interface to interface),
// in declarations, assignments and package-level initializers.
package main

type E struct{ s string }

func (e E) Error() string { return e.s }

type Named interface{ Error() string }

func pair() (int, E) { return 1, E{"x"} }

func errs() (error, error) { return E{"first"}, nil }

var g3, g4 any = any(nil).(bool)
var g5, g6 = any(E{"y"}).(error)

func main() {
	var a, b any = pair()
	var n int
	var e error
	n, e = pair()
	var x, y Named = errs()
	println(a.(int), b.(E).Error(), n, e.Error(), x.Error(), y == nil)
	println(g3.(bool), g4.(bool), g5.Error(), g6)
	var p, q any = any(3).(int)
	println(p.(int), q.(bool))
}
