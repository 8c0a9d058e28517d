// run

// Interfaces: dynamic dispatch over several implementations, interface embedding,
// interfaces holding values versus pointers (copy semantics), nil interface versus
// interface holding a typed nil pointer (methods still callable), empty interface
// holding every kind of value, and interface-to-interface assignment.
package main

type Shape interface {
	Area() float64
	Name() string
}

type Sized interface {
	Shape
	Scale(k float64)
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }
type Square struct{ S float64 }

func (r Rect) Area() float64    { return r.W * r.H }
func (r Rect) Name() string     { return "rect" }
func (c *Circle) Area() float64 { return 3 * c.R * c.R }
func (c *Circle) Name() string {
	if c == nil {
		return "nil circle"
	}
	return "circle"
}
func (c *Circle) Scale(k float64) { c.R *= k }
func (s Square) Area() float64    { return s.S * s.S }
func (s Square) Name() string     { return "square" }

type Stringer interface{ String() string }

type Temp int

func (t Temp) String() string { return "temp" }

func describe(s Shape) {
	println(s.Name(), s.Area())
}

func main() {
	shapes := []Shape{Rect{2, 3}, &Circle{1}, Square{4}}
	total := 0.0
	for _, s := range shapes {
		describe(s)
		total += s.Area()
	}
	println("total:", total)

	c := &Circle{2}
	var sz Sized = c
	sz.Scale(2)
	println("scaled through iface:", c.R, sz.Area())
	var sh Shape = sz // interface to smaller interface
	println("narrowed:", sh.Name())

	// A value stored in an interface is a copy.
	r := Rect{1, 1}
	var si Shape = r
	r.W = 100
	println("copy in iface:", si.Area(), r.Area())

	// Typed nil pointer in an interface: not nil, and methods run with a nil receiver.
	var nc *Circle
	var ns Shape = nc
	println("typed nil:", ns != nil, ns.Name())
	var none Shape
	println("nil iface:", none == nil)

	// Empty interface holding many kinds.
	vals := []interface{}{1, "s", 2.5, true, nil, Rect{}, &Circle{}, []int{1}, map[int]int{}, Temp(3), func() {}, [2]int{}}
	n := 0
	for _, v := range vals {
		if v != nil {
			n++
		}
	}
	println("non-nil empties:", n, len(vals))

	// Interface values can be reassigned to different dynamic types.
	var any interface{} = 1
	any = "now a string"
	any = Temp(1)
	if s, ok := any.(Stringer); ok {
		println("stringer:", s.String())
	}

	// Interface holding an interface-typed value stores the dynamic value.
	var st Stringer = Temp(5)
	var e interface{} = st
	_, isTemp := e.(Temp)
	println("dynamic type kept:", isTemp)

	// Struct with interface field.
	type Holder struct{ S Shape }
	h := Holder{Square{3}}
	println("field dispatch:", h.S.Area())
	h.S = Rect{1, 2}
	println("field dispatch 2:", h.S.Area())
}
