// run exit=2

// Writing to a nil map panics with "assignment to entry in nil map" (a plain runtime
// error panic; no signal line), exit status 2.
package main

func main() {
	var m map[string]int
	println("read:", m["a"], len(m))
	m["a"] = 1
	println("unreachable")
}
