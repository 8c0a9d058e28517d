// run

// Type assertions: comma-ok forms to concrete and interface types, failures with ok=false
// and zero values, and the exact panic messages of failed single-value assertions
// (interface conversion: ... is X, not Y / is nil, not Y / missing method M), which are
// runtime.Error values of type *runtime.TypeAssertionError.
package main

type I interface{ M() }
type J interface {
	M()
	N()
}

type A struct{ v int }

func (A) M() {}

type B struct{}

func (*B) M() {}
func (*B) N() {}

type MyInt int

func try(label string, f func()) {
	defer func() {
		r := recover()
		if r == nil {
			println(label, "=> ok")
			return
		}
		_, re := r.(interface{ RuntimeError() })
		println(label, "=> panic:", r.(error).Error(), "| runtime.Error:", re)
	}()
	f()
}

func main() {
	var e interface{} = 42
	n, ok := e.(int)
	println("int ok:", n, ok)
	s, ok := e.(string)
	println("string:", s == "", ok)
	m, ok := e.(MyInt)
	println("MyInt:", m, ok)
	i, ok := e.(I)
	println("I:", i == nil, ok)

	var x interface{} = A{7}
	a, ok := x.(A)
	println("A:", a.v, ok)
	ii, ok := x.(I)
	println("A as I:", ok, ii != nil)
	_, ok = x.(J)
	println("A as J:", ok)
	var y interface{} = &B{}
	_, ok = y.(J)
	println("*B as J:", ok)
	_, ok = y.(B)
	println("*B as B:", ok)

	var nilE interface{}
	_, ok = nilE.(int)
	println("nil as int:", ok)
	_, ok = nilE.(interface{})
	println("nil as interface{}:", ok)

	// Assertions on non-empty interfaces.
	var iv I = A{1}
	_, ok = iv.(J)
	println("I(A) as J:", ok)
	av, ok := iv.(A)
	println("I(A) as A:", av.v, ok)

	try("int as string", func() { _ = e.(string) })
	try("int as MyInt", func() { _ = e.(MyInt) })
	try("nil as int", func() { _ = nilE.(int) })
	try("int as I", func() { _ = e.(I) })
	try("A as J", func() { _ = x.(J) })
	try("nil as I", func() { _ = nilE.(I) })
	try("*B as B", func() { _ = y.(B) })
	try("I(A) as *B", func() { _ = iv.(*B) })
	try("I nil as A", func() { var ni I; _ = ni.(A) })
	try("slice as map", func() { var z interface{} = []string{}; _ = z.(map[string]int) })
	try("func type", func() { var z interface{} = func(int) string { return "" }; _ = z.(func()) })
	try("anon struct", func() { var z interface{} = struct{ X int }{}; _ = z.(struct{ Y int }) })
	try("ok case", func() { _ = e.(int) })
}
