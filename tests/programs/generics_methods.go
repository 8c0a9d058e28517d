// run

package main

type Mer interface{ M() int }

type MyMer int

func (m MyMer) M() int { return int(m) * 2 }

type P struct{ x int }

func (p *P) Inc(d int) { p.x += d }
func (p P) Get() int    { return p.x }

type Outer struct {
	P
	y int
}

type Box[T any] struct{ v T }

func (b Box[T]) Get() T       { return b.v }
func (b *Box[T]) Set(v T)     { b.v = v }

func F[T Mer](t T) int { return T.M(t) + t.M() }

func G[T any]() func(Box[T]) T { return Box[T].Get }

func main() {
	embedded()
	wrappers()
	println(F(MyMer(3)))
	f := MyMer.M
	println(f(5))
	g := (*P).Inc
	p := &P{1}
	g(p, 4)
	println(p.x, P.Get(*p), (*P).Get(p))
	o := Outer{P{7}, 1}
	println(Outer.Get(o), (*Outer).Get(&o))
	h := Mer.M
	println(h(MyMer(10)))
	b := Box[string]{"hi"}
	(*Box[string]).Set(&b, "yo")
	println(Box[string].Get(b), G[string]()(b))
	var m Mer = MyMer(1)
	println(Mer.M(m))
}

type IM interface{ M(int) int }

type EA struct{ k int }

func (a EA) M(x int) int { return a.k + x }

type ES struct {
	IM
	n int
}

type EW[T any] struct {
	IM
	v T
}

func Call[T IM](t T) int { return t.M(1) }

func Val[T IM](t T) func(int) int { return t.M }

func embedded() {
	s := ES{EA{10}, 1}
	println(s.M(5))
	ps := &s
	println(ps.M(6))
	f := s.M
	println(f(7))
	var i IM = EA{3}
	g := i.M
	println(g(4))
	println(Call(s), Call(&s), Call(EA{100}), Call(i))
	println(Val(s)(2), Val(i)(2))
	w := EW[string]{EA{20}, "x"}
	println(w.M(1), Call(w))
	h := struct{ IM }{EA{50}}
	println(Call(h))
	defer func() { println(recover() != nil) }()
	var n IM
	_ = n.M
}

func init() {
	s := ES{EA{10}, 1}
	println(ES.M(s, 1), (*ES).M(&s, 2))
	h := struct{ IM }{EA{50}}
	println(CallE(h), CallE(&h))
}

func CallE[T IM](t T) int { return T.M(t, 3) }

// Value methods of different instances of one generic type behind interfaces: each
// instance has its own itab and receiver wrapper.

type Named interface{ Name() string }

type Tag[T any] struct {
	v    T
	name string
}

func (t Tag[T]) Name() string { return t.name }

type Num[T ~int | ~float64] struct{ v T }

func (n Num[T]) Name() string {
	if n.v > 0 {
		return "positive"
	}
	return "not positive"
}

func (n *Num[T]) Neg() { n.v = -n.v }

func Names[T Named](xs []T) string {
	s := ""
	for _, x := range xs {
		s += x.Name() + ";"
	}
	return s
}

func wrappers() {
	items := []Named{Tag[int]{1, "int"}, Tag[string]{"s", "string"}, &Tag[bool]{true, "ptr"}, Num[int]{3}, Num[float64]{-1}}
	for _, it := range items {
		println(it.Name())
	}
	n := &Num[int]{5}
	neg := n.Neg
	neg()
	var named Named = n
	println(named.Name(), Names([]Num[float64]{{1}, {0}}), Names(items))
	f := Tag[int].Name
	g := (*Tag[string]).Name
	println(f(Tag[int]{0, "f"}), g(&Tag[string]{"", "g"}))
}
