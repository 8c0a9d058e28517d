// run

// Nil map writes through every form (index assignment, op-assignment, increment) panic
// with a runtime.Error whose message is "assignment to entry in nil map"; delete and
// clear on a nil map do not.
package main

func try(label string, f func()) {
	defer func() {
		r := recover()
		if r == nil {
			println(label, "=> ok")
			return
		}
		_, isRE := r.(interface{ RuntimeError() })
		println(label, "=> panic:", r.(error).Error(), "runtime.Error:", isRE)
	}()
	f()
}

func main() {
	var m map[string]int
	var mm map[int]map[int]int
	try("assign", func() { m["a"] = 1 })
	try("op-assign", func() { m["a"] += 1 })
	try("increment", func() { m["a"]++ })
	try("nested nil", func() { mm = map[int]map[int]int{}; mm[1][2] = 3 })
	try("delete", func() { delete(m, "a") })
	try("clear", func() { clear(m) })
	try("read", func() { _ = m["zz"] })
}
