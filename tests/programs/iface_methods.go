// run

// Interfaces and methods: conversions between non-empty interfaces, method expressions
// (T.m, (*T).m, I.m, promoted), method values of concrete and interface receivers,
// promotion through embedded pointers and interfaces, type switches with interface cases,
// and the nil checks gc makes when a method value or deferred call is evaluated.
package main

type I interface{ M() int }
type J interface {
	I
	N() string
}
type K interface{ N() string }

type T struct{ v int }

func (t T) M() int     { return t.v }
func (t *T) N() string { return "N" }
func (t *T) Set(v int) { t.v = v }

type E struct {
	*T
	name string
}

type W struct {
	I
	extra int
}

type F func() int

func (f F) M() int { return f() + 100 }

func try(label string, f func()) {
	defer func() {
		r := recover()
		if r == nil {
			println(label, "=> ok")
			return
		}
		if e, ok := r.(error); ok {
			_, rt := r.(interface{ RuntimeError() })
			println(label, "=> panic:", e.Error(), rt)
			return
		}
		println(label, "=> panic (non-error)")
	}()
	f()
}

func main() {
	t := &T{5}
	var i I = t
	var j J = t
	println(i.M(), j.N())
	// I2I
	var k K = j
	println(k.N())
	i = j
	println(i.M())
	// method expressions
	fm := T.M
	fp := (*T).M
	fn := (*T).N
	println(fm(T{3}), fp(t), fn(t))
	im := I.M
	println(im(t))
	jn := J.N
	println(jn(j))
	// method values
	mv := t.M
	t.v = 9
	println(mv(), t.M())
	iv := i.M
	println(iv())
	set := t.Set
	set(42)
	println(t.v)
	// promoted through embedded pointer and interface
	e := E{T: &T{7}, name: "e"}
	println(e.M(), e.N())
	var ie I = e
	println(ie.M())
	var je J = &e
	println(je.N(), je.M())
	w := W{I: T{11}}
	println(w.M())
	var iw I = w
	println(iw.M())
	wm := w.M
	println(wm())
	println(W.M(w))
	// func type with method
	var f F = func() int { return 1 }
	var iff I = f
	println(iff.M())
	// type switch with interface cases
	for _, x := range []interface{}{t, T{1}, f, 3, nil, &e} {
		switch v := x.(type) {
		case J:
			println("J", v.N())
		case I:
			println("I", v.M())
		case nil:
			println("nil")
		default:
			println("other")
		}
	}
	// assertion forms
	var x interface{} = T{2}
	if ii, ok := x.(I); ok {
		println("T is I", ii.M())
	}
	if _, ok := x.(J); !ok {
		println("T is not J")
	}
	try("T as J", func() { _ = x.(J) })
	try("nil I method value", func() { var n I; _ = n.M })
	try("nil *T value method via iface", func() { var p *T; var q I = p; q.M() })
	try("nil *T method value", func() { var p *T; _ = p.M })
	try("defer nil iface", func() { var n I; defer n.M() })
	try("promoted nil", func() { var w2 W; w2.M() })
	try("K as I", func() { var kk K = t; _ = kk.(I).M() })
	// defer of interface method calls
	func() {
		var d I = T{77}
		defer println("deferred print")
		defer d.M()
		defer func() { println("before") }()
	}()
	// equality of interfaces after conversion
	var a1 I = t
	var a2 J = t
	println(a1 == I(a2), a1 != nil)
}
