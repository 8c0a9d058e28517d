// run

// Stores whose value comes from a call: the value is computed before the nil check
// of the pointer the store goes through (`gp.s = f()`, `*q = f()`) and before the
// index check of a slice element (`a[g()] = f()`: g, then f), and a nil pointer
// alone still panics at the store (`p.b[1] = 2`).
package main

type T struct {
	a int
	s string
	b [2]float64
}

var gp *T

func boom() int { panic("boom") }

var a []int

func index() int { println("index"); return 1 }

func indexFirst() {
	defer func() { println("0:", recover().(string)) }()
	a[index()] = boom()
}

func main() {
	indexFirst()
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
