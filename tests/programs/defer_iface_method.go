// run

// defer of an interface method call: the interface value and arguments are evaluated at
// the defer statement (a nil interface panics there, as in gc).
package main

type I interface{ M(int) }

type T struct{ n int }

func (t T) M(x int) { println("M", t.n, x) }

func f() {
	defer func() { println("recovered:", recover() != nil) }()
	var i I
	println("before")
	defer i.M(1)
	println("after")
}

func main() {
	var i I = T{1}
	defer i.M(2)
	i = T{5}
	defer i.M(3)
	f()
}
