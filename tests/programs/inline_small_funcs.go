// run exit=2

// Calls of one-expression functions, which mvm compiles inline: argument order and
// conversions, the same variable passed twice, a parameter shadowing a global, a
// panic inside (recovered, then unrecovered with gc's message), and a function that
// calls one of them.
package main

type celsius float64

var x = 100

var n int

func next() int { n++; return n }

func sub(a, b int) int { return a - b }

func half(c celsius) celsius { return c / 2 }

func quot(a, b int) int { return a / b }

func glue(s, t string) string { return s + "|" + t }

func shadow(x int) int { return x * 2 }

func at(s []int, i int) int { return s[i] }

func twice(a int) int { return sub(a, -a) }

func main() {
	println(sub(next(), next()), n)
	v := 7
	println(sub(v, v), half(5), half(celsius(v)))
	println(glue("a", glue("b", "c")), shadow(3), x, twice(21))
	func() {
		defer func() { println("recovered:", recover().(error).Error()) }()
		println(quot(1, 0))
	}()
	println(at([]int{4, 5, 6}, 3))
}
