// run

// Type arguments of every kind: interfaces, arrays, funcs, generic types; generic
// methods promoted through embedding (also into itabs), mutually recursive generic
// functions, conversions and shifts on type parameters, method values of instances.
package main

type Shower interface{ Show() string }

type V int

func (v V) Show() string { return "V" }

func Eq[T comparable](a, b T) bool { return a == b }

func First[T any](xs ...T) (T, bool) {
	if len(xs) == 0 {
		var z T
		return z, false
	}
	return xs[0], true
}

func Call[F ~func(int) int](f F, x int) int { return f(x) }

type Arr[T any] [3]T

func (a *Arr[T]) Set(i int, v T) { a[i] = v }
func (a Arr[T]) Get(i int) T     { return a[i] }

type Node[T any] struct {
	kids []*Node[T]
	val  T
}

func (n *Node[T]) Walk(f func(T) bool) bool {
	if !f(n.val) {
		return false
	}
	for _, k := range n.kids {
		if !k.Walk(f) {
			return false
		}
	}
	return true
}

func Even[T ~int](n T) bool {
	if n == 0 {
		return true
	}
	return Odd(n - 1)
}

func Odd[T ~int](n T) bool {
	if n == 0 {
		return false
	}
	return Even(n - 1)
}

type Adder[T any] struct{ add func(T, T) T }

func (a Adder[T]) Fold(xs []T, z T) T {
	for _, x := range xs {
		z = a.add(z, x)
	}
	return z
}

func main() {
	embedded()
	var s1, s2 Shower = V(1), V(1)
	println(Eq(s1, s2), Eq[any](1, "1"), Eq([2]int{1, 2}, [2]int{1, 2}))
	x, ok := First[Shower]()
	println(x == nil, ok)
	y, ok := First(V(3), V(4))
	println(y.Show(), int(y), ok)
	println(Call(func(i int) int { return i * 3 }, 5))
	var a Arr[string]
	a.Set(1, "mid")
	println(a.Get(1), len(a))
	root := &Node[string]{val: "r", kids: []*Node[string]{{val: "a"}, {val: "b", kids: []*Node[string]{{val: "c"}}}}}
	root.Walk(func(s string) bool { print(s, " "); return s != "b" })
	println()
	println(Even(10), Odd(V(7)))
	ad := Adder[float64]{func(a, b float64) float64 { return a + b }}
	println(ad.Fold([]float64{1, 2, 3.5}, 0.5))
	fl := ad.Fold
	println(fl(nil, 9))
}

type KList[T any] struct{ items []T }

func (l *KList[T]) Push(v T) { l.items = append(l.items, v) }
func (l KList[T]) Len() int   { return len(l.items) }

type KOuter struct {
	KList[int]
	name string
}

type KWrap[T any] struct {
	in    T
	extra int
}

type KLener interface{ Len() int }

type KInner struct{ k int }

func (i KInner) Len() int { return i.k }

func KConv[T ~float32 | ~float64](x int) T { return T(1.5) + T(x) }

func KShift[T ~uint8 | ~int16](x T, n uint) T { return x << n }

func KCount[T KLener](xs ...T) (n int) {
	for _, x := range xs {
		n += x.Len()
	}
	return
}

type KMatrix[T ~int | ~float64] [2][2]T

func (m KMatrix[T]) Trace() T { return m[0][0] + m[1][1] }

func embedded() {
	var o KOuter
	o.Push(1)
	o.Push(2)
	var l KLener = &o
	println(o.Len(), l.Len())
	w := KWrap[KInner]{KInner{7}, 1}
	println(w.in.Len(), KCount(w.in, w.in), KCount[KLener](w.in, &o))
	println(KConv[float32](2), KConv[float64](3))
	println(KShift[uint8](200, 1), KShift[int16](-3, 2))
	m := KMatrix[float64]{{1, 2}, {3, 4}}
	println(m.Trace())
	wl := KWrap[KList[string]]{}
	wl.in.Push("a")
	println(wl.in.Len(), len(wl.in.items))
}
