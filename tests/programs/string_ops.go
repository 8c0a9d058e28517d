// run

// String concatenation (including in loops and with empty strings), comparison operators
// (bytewise, lexicographic, prefixes), indexing, slicing with every bound form, len, and
// strings as immutable values shared between variables.
package main

func main() {
	a := "hello"
	b := "world"
	c := a + ", " + b + "!"
	println(c, len(c))
	e := ""
	println("empty concat:", e+e == "", a+e == a, e+b == b)

	s := ""
	for i := 0; i < 10; i++ {
		s += string(rune('a' + i))
	}
	println("loop concat:", s)
	s += s
	s += s
	println("doubled:", len(s), s[35:])

	words := []string{"apple", "Apple", "apples", "app", "", "b", "\xff", "é", "e", "a\x00"}
	for i, x := range words {
		for _, y := range words {
			if x < y {
				print(1)
			} else if x == y {
				print(0)
			} else {
				print(2)
			}
		}
		println(" <- word", i) // the index, not the word: one word is invalid UTF-8
	}
	println("<=, >=:", "abc" <= "abc", "abc" >= "abd", "b" > "abc", "" < "a")

	// Slicing.
	t := "0123456789"
	println(t[2:5], t[:3], t[7:], t[:], t[10:], len(t[5:5]))
	i, j := 3, 8
	println(t[i:j], t[i:], t[:j], t[i:i])
	println("byte index:", t[0], t[9], string(t[4]))

	// Comparison of strings built differently.
	x := "ab" + "cd"
	y := string([]byte{'a', 'b', 'c', 'd'})
	println("built equal:", x == y, x != y)
	// Strings are values: reassigning does not change copies.
	u := x
	x += "!"
	println("copy:", u, x)
	// Concatenation with multibyte.
	println("mb:", "日"+"本", len("日"+"本"))
	// Large concatenation.
	big := ""
	for i := 0; i < 1000; i++ {
		big += "xy"
	}
	println("big:", len(big), big[1998:])
}
