// run

// The == and != operators on arrays, structs (including blank and padding fields),
// pointers, channels, interfaces holding different dynamic types, interface vs concrete
// values, floats inside composites (NaN never equal, -0 == +0), and strings in structs.
package main

type P struct {
	X int8
	Y int64
	S string
}

type WithBlank struct {
	A int
	_ int
	B int
}

type F struct {
	F float64
}

type MyInt int

func main() {
	a1 := [3]int{1, 2, 3}
	a2 := [3]int{1, 2, 3}
	a3 := [3]int{1, 2, 4}
	println("arrays:", a1 == a2, a1 == a3, a1 != a3)
	s1 := [2]string{"a", "b"}
	s2 := [2]string{"a", "b" + ""}
	println("string arrays:", s1 == s2)

	p1 := P{1, 2, "x"}
	p2 := P{1, 2, "x"}
	p3 := P{1, 2, "y"}
	println("structs:", p1 == p2, p1 == p3, p1 != p3)
	println("blank fields ignored:", WithBlank{A: 1, B: 2} == WithBlank{A: 1, B: 2})

	zero := 0.0
	nan := zero / zero
	println("NaN in struct:", F{nan} == F{nan}, "NaN array:", [1]float64{nan} == [1]float64{nan})
	println("-0 in struct:", F{-zero} == F{zero})

	x, y := 1, 1
	px, py := &x, &y
	px2 := &x
	println("pointers:", px == py, px == px2, px != nil)
	var nilp *int
	println("nil pointer:", nilp == nil)

	c1 := make(chan int)
	c2 := make(chan int)
	c3 := c1
	println("channels:", c1 == c2, c1 == c3)

	// Interfaces: equal iff same dynamic type and equal values.
	var i1 interface{} = 1
	var i2 interface{} = 1
	var i3 interface{} = MyInt(1)
	var i4 interface{} = int64(1)
	var i5 interface{} = "1"
	println("iface:", i1 == i2, i1 == i3, i1 == i4, i1 == i5)
	println("iface vs concrete:", i1 == 1, i3 == MyInt(1), i3 == 1)
	var e1, e2 interface{}
	println("nil ifaces:", e1 == e2, e1 == nil, i1 == nil)
	var ip *int
	var ei interface{} = ip
	println("typed nil in iface:", ei == nil, ei == (*int)(nil))
	var ia interface{} = a1
	var ib interface{} = a2
	println("arrays in iface:", ia == ib)
	var ps1 interface{} = p1
	var ps2 interface{} = p3
	println("structs in iface:", ps1 == ps2, ps1 == interface{}(p2))
	var fn interface{} = nan
	println("NaN in iface:", fn == fn)
	// Interfaces with methods.
	var er1 error = myErr{"a"}
	var er2 error = myErr{"a"}
	var er3 error = &myErr{"a"}
	var er4 error = &myErr{"a"}
	println("error ifaces:", er1 == er2, er3 == er4, er3 == er3)

	// Comparing an interface to a struct containing an interface field.
	type holder struct{ v interface{} }
	println("holder:", holder{1} == holder{1}, holder{1} == holder{"1"}, holder{} == holder{})
}

type myErr struct{ s string }

func (e myErr) Error() string { return e.s }
