// run

// Itabs built at run time: assertions from one interface to another (comma-ok and
// panicking, with the missing method named), conversions between non-empty interfaces
// (nil stays nil; equality after conversion), method sets through embedded structs,
// embedded pointers and embedded interfaces, pointer versus value receivers, named
// func and map types with methods, unexported methods, and interface-typed cases of
// type switches.
package main

type Shape interface {
	Area() int
	Name() string
}

type Named interface{ Name() string }

type Scaler interface {
	Scale(k int)
}

type secret interface{ hidden() int }

type Rect struct{ w, h int }

func (r Rect) Area() int     { return r.w * r.h }
func (r Rect) Name() string  { return "rect" }
func (r *Rect) Scale(k int)  { r.w *= k; r.h *= k }
func (r Rect) hidden() int   { return -r.w }

type Labeled struct {
	Rect
	label string
}

func (l Labeled) Name() string { return "labeled " + l.label }

type Boxed struct {
	*Rect
}

type Wrapper struct {
	Named
	n int
}

type Op func(int) int

func (o Op) Name() string { return "op" }

type Counts map[string]int

func (c Counts) Name() string { return "counts" }

func try(label string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			println(label, "=> panic:", r.(error).Error())
		}
	}()
	f()
	println(label, "=> ok")
}

func kind(x interface{}) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case Scaler:
		return "scaler"
	case Shape:
		return "shape " + v.Name()
	case Named, secret:
		return "named or secret"
	default:
		return "other"
	}
}

func main() {
	var values = []interface{}{
		Rect{2, 3}, &Rect{4, 5}, Labeled{Rect{1, 1}, "L"}, &Labeled{Rect{2, 2}, "P"},
		Boxed{&Rect{3, 3}}, Wrapper{Rect{}, 1}, Op(nil), Counts(nil), 42, nil,
	}
	for i, v := range values {
		s, isShape := v.(Shape)
		_, isScaler := v.(Scaler)
		_, isSecret := v.(secret)
		n, isNamed := v.(Named)
		name := ""
		if isNamed {
			name = n.Name()
		}
		area := -1
		if isShape {
			area = s.Area()
		}
		println(i, kind(v), isShape, isScaler, isSecret, isNamed, name, area)
	}

	// Conversions between non-empty interfaces.
	var sh Shape = Rect{3, 4}
	var nm Named = sh
	p := &Rect{3, 4}
	var sp Shape = p
	var np Named = sp
	println(nm.Name(), np == Named(p), np == sp, nm != nil)
	var nilShape Shape
	nm = nilShape
	println(nm == nil)

	// Scaling through an interface changes the pointed-to value.
	r := &Rect{1, 2}
	var sc Scaler = r
	sc.Scale(10)
	println(r.w, r.h, sc.(Shape).Area())

	// Unexported methods through assertions.
	var any1 interface{} = Labeled{Rect{7, 1}, "x"}
	println(any1.(secret).hidden())

	try("Shape as Scaler", func() { _ = sh.(Scaler) })
	try("int as Named", func() { var x interface{} = 1; _ = x.(Named) })
	try("nil Shape as Named", func() { _ = nilShape.(Named) })
	try("Boxed as Scaler", func() { var x interface{} = Boxed{&Rect{1, 1}}; x.(Scaler).Scale(2) })
	try("nil embedded", func() { var x Shape = Boxed{}; _ = x.Area() })
	try("Wrapper with nil Named", func() { var x Named = Wrapper{}; _ = x.Name() })
}
