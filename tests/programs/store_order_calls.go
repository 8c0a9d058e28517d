// run

// Stores whose value comes from a call: the value is computed before the nil check
// of the pointer the store goes through (`gp.s = f()`, `*q = f()`), and a nil
// pointer alone still panics at the store (`p.b[1] = 2`).
package main

type T struct {
	a int
	s string
	b [2]float64
}

var gp *T

func boom() int { panic("boom") }

func main() {
	defer func() {
		println("1:", recover().(string))
		defer func() {
			println("2:", recover().(string))
			defer func() { println("3:", recover().(error).Error()) }()
			var p *T
			p.b[1] = 2
		}()
		var q *int
		*q = boom()
	}()
	gp.s = string(rune(boom()))
}
