// run

// Expression switches: cases evaluated top to bottom and left to right (only until a
// match), tagless switches, switch with init statement, duplicate-free non-constant
// cases, fallthrough, default in any position, and switching on strings, types of
// values like structs and interfaces.
package main

func trace(tag string, v int) int {
	print(tag, " ")
	return v
}

type P struct{ X int }

func main() {
	// Case expressions evaluate lazily, left to right.
	switch trace("tag", 3) {
	case trace("a", 1), trace("b", 2):
		println("no")
	case trace("c", 3), trace("d", 4):
		println("matched c")
	case trace("e", 5):
		println("no")
	}

	// Default in the middle still only runs when nothing else matches.
	for _, v := range []int{1, 5, 9} {
		switch v {
		case 1:
			println(v, "one")
		default:
			println(v, "default")
		case 9:
			println(v, "nine")
		}
	}

	// Init statement and tagless form.
	switch x := 15; {
	case x > 20:
		println("big")
	case x > 10:
		println("medium", x)
	default:
		println("small")
	}

	// Strings.
	for _, s := range []string{"go", "rust", "", "Go"} {
		switch s {
		case "go", "Go":
			println(s, "-> gopher")
		case "":
			println("empty")
		default:
			println(s, "-> other")
		}
	}

	// Structs and interfaces as switch values.
	switch (P{2}) {
	case P{1}:
		println("P1")
	case P{2}:
		println("P2")
	}
	var i interface{} = 3
	switch i {
	case "3":
		println("string 3")
	case 3.0:
		println("float 3")
	case 3:
		println("int 3")
	}

	// fallthrough into default and chain.
	switch 1 {
	case 1:
		print("1 ")
		fallthrough
	case 2:
		print("2 ")
		fallthrough
	default:
		println("default")
	}

	// Empty switch and switch with only default.
	switch {
	}
	switch {
	default:
		println("only default")
	}
	// Switch with no matching case and no default.
	switch 5 {
	case 1:
		println("never")
	}
	println("done")
}
