// run exit=2

// An interface key whose dynamic type is not comparable panics when hashed, even for a
// lookup in an empty map, with gc's message naming the dynamic type.
package main

func try(f func()) {
	defer func() {
		r := recover()
		println("recovered:", r != nil)
	}()
	f()
}

func main() {
	m := map[interface{}]int{}
	try(func() { _ = m[[]int{1}] })
	try(func() { delete(m, map[int]int{}) })
	m[1] = 1
	try(func() { m[func() {}] = 2 })
	println("len:", len(m))
	type S struct {
		a int
		f []int
	}
	m[S{1, nil}] = 3
}
