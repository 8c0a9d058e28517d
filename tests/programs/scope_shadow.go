// run

// Scoping: shadowing in if/else/switch/for init statements, := redeclaring only new
// variables when at least one is new, block scopes, shadowing of predeclared identifiers
// (true, len, print as variables), and package-level names shadowed locally.
package main

var x = "package x"

func get() (int, error) { return 5, nil }

func main() {
	println("package level:", x)
	x := "local x"
	println("shadowed:", x)
	{
		x := 3
		x++
		println("inner block:", x)
	}
	println("after block:", x)

	if x := 10; x > 5 {
		println("if init:", x)
	} else {
		println("else sees:", x)
	}
	if y := 1; y > 5 {
		println("no")
	} else if z := y * 2; z > 1 {
		println("else-if sees y and z:", y, z)
	}

	a, err := get()
	b, err := get() // err reused, b new
	println("redeclare:", a, b, err == nil)

	n := 1
	for n := 0; n < 2; n++ {
		println("loop n:", n)
	}
	println("outer n:", n)

	switch n := n * 10; n {
	case 10:
		println("switch init n:", n)
	}

	// Shadowing predeclared identifiers.
	true := false
	println("true is:", true)
	len := func(s string) int { return 42 }
	println("len is:", len("abc"))
	{
		nil := 5
		println("nil is:", nil)
	}
	{
		type int = string
		var s int = "int is string here"
		println(s)
	}

	// Closures see the shadowed variable of their scope.
	v := 1
	f := func() int { return v }
	{
		v := 2
		g := func() int { return v }
		println("closures:", f(), g())
	}
}
