// run

// Comparing interface values whose dynamic types are not comparable (slices, maps,
// functions, and structs/arrays containing them) panics with "runtime error: comparing
// uncomparable type ...", and so does using one as a map key; when the dynamic types
// differ there is no panic.
package main

type S struct {
	a []int
}

type A [1]map[int]int

func try(label string, f func() bool) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(interface {
				error
				RuntimeError()
			}); ok {
				println(label, "=> panic:", e.Error())
				return
			}
			println(label, "=> other panic")
		}
	}()
	println(label, "=>", f())
}

func main() {
	var x, y interface{} = []int{1}, []int{1}
	try("slices", func() bool { return x == y })
	try("slice vs int", func() bool { return x == interface{}(1) })
	try("slice vs nil", func() bool { return x == nil })
	var m1, m2 interface{} = map[int]int{}, map[int]int{}
	try("maps", func() bool { return m1 != m2 })
	var f1, f2 interface{} = func() {}, func() {}
	try("funcs", func() bool { return f1 == f2 })
	var s1, s2 interface{} = S{}, S{}
	try("struct with slice", func() bool { return s1 == s2 })
	var a1, a2 interface{} = A{}, A{}
	try("array of maps", func() bool { return a1 == a2 })
	var arr1, arr2 interface{} = [2]interface{}{1, []int{}}, [2]interface{}{1, []int{}}
	try("array of ifaces holding slice", func() bool { return arr1 == arr2 })
	var arr3, arr4 interface{} = [2]interface{}{1, []int{}}, [2]interface{}{2, []int{}}
	try("array of ifaces, differs first", func() bool { return arr3 == arr4 })
	try("map key slice", func() bool {
		m := map[interface{}]int{}
		m[x] = 1
		return true
	})
	try("map lookup slice key", func() bool {
		m := map[interface{}]int{1: 1}
		_, ok := m[y]
		return ok
	})
	try("map key struct with slice", func() bool {
		m := map[interface{}]bool{}
		m[s1] = true
		return false
	})
	type E interface{ M() }
	var e1, e2 E = T{nil}, T{nil}
	try("non-empty iface", func() bool { return e1 == e2 })
}

type T struct{ f func() }

func (T) M() {}
