// run

// Named types and conversions: conversions between named types with the same underlying
// type (including struct types differing only in tags), named slice/map/func types,
// type aliases being identical to their target, untyped constants assigned to named
// types, and methods not carrying over through a type definition.
package main

type Celsius float64
type Fahrenheit float64

type A struct {
	X int `json:"x"`
	Y string
}

type B struct {
	X int
	Y string `tag:"y"`
}

type IntSlice []int
type StrMap map[string]int
type Handler func(string) string

type MyInt int

func (m MyInt) Double() MyInt { return m * 2 }

type Other MyInt // no methods from MyInt

type Alias = MyInt // same type: has Double

func CToF(c Celsius) Fahrenheit { return Fahrenheit(c*9/5 + 32) }

func main() {
	c := Celsius(100)
	println("CToF:", CToF(c), CToF(-40))
	f := Fahrenheit(c) // same underlying type, no formula applied
	println("raw conversion:", f)

	a := A{1, "a"}
	b := B(a) // tags ignored for conversion
	b.X = 2
	println("struct conversion:", a.X, b.X, b.Y)
	pa := &a
	pb := (*B)(pa)
	pb.X = 3
	println("pointer conversion shares:", a.X)

	is := IntSlice([]int{3, 1, 2})
	raw := []int(is)
	raw[0] = 30
	println("named slice shares:", is[0], len(is))
	sm := StrMap{"k": 1}
	m := map[string]int(sm)
	m["k"] = 5
	println("named map shares:", sm["k"])
	var h Handler = func(s string) string { return "<" + s + ">" }
	plain := (func(string) string)(h)
	println("named func:", h("x"), plain("y"))

	var mi MyInt = 21
	var al Alias = mi // alias: no conversion needed
	println("alias method:", al.Double())
	o := Other(mi)
	println("defined type from named:", o, MyInt(o).Double())

	const k = 7
	var ci Celsius = k
	var mk MyInt = k * 3
	println("untyped consts:", ci, mk)

	// Conversions between named string and byte types.
	type Name string
	type Bytes []byte
	n := Name("gopher")
	bs := Bytes(n)
	bs[0] = 'G'
	println("named string/bytes:", string(n), string(bs))
	type R rune
	println("named rune to string:", string(R(0x263A)))
}
