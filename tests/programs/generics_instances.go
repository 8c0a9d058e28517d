// run

package main

type Number interface{ ~int | ~int32 | ~float64 | ~uint8 }

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

type List[T any] struct {
	head *node[T]
	n    int
}

type node[T any] struct {
	v    T
	next *node[T]
}

func (l *List[T]) Push(v T) { l.head = &node[T]{v, l.head}; l.n++ }

func (l *List[T]) Each(f func(T)) {
	for n := l.head; n != nil; n = n.next {
		f(n.v)
	}
}

type Tree[T Number] struct {
	Left, Right *Tree[T]
	Val         T
}

func (t *Tree[T]) Insert(v T) *Tree[T] {
	if t == nil {
		return &Tree[T]{Val: v}
	}
	if v < t.Val {
		t.Left = t.Left.Insert(v)
	} else {
		t.Right = t.Right.Insert(v)
	}
	return t
}

func (t *Tree[T]) Walk(f func(T)) {
	if t == nil {
		return
	}
	t.Left.Walk(f)
	f(t.Val)
	t.Right.Walk(f)
}

func Local[T any](x T) T {
	type box struct{ v T }
	b := box{x}
	return b.v
}

func Kind[T any](x T) string {
	switch any(x).(type) {
	case int:
		return "int"
	case string:
		return "string"
	case []T:
		return "slice of T"
	case Pair[string, int]:
		return "pair"
	}
	return "other"
}

func Counter[T Number]() func(T) T {
	var total T
	return func(d T) T {
		total += d
		return total
	}
}

type Shower interface{ Show() string }

type Box[T any] struct{ v T }

func (b Box[T]) Show() string { return "box" }

func ShowAll[T Shower](xs ...T) {
	for _, x := range xs {
		println(x.Show())
	}
}

func Max[T Number](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func Convert[T, U Number](x T) U { return U(x) }

func Keys[K comparable, V any](ps []Pair[K, V]) []K {
	var out []K
	for _, p := range ps {
		out = append(out, p.Key)
	}
	return out
}

func Ptr[T any](v T) *T { return &v }

func Zero[T any]() (z T) { return }

type MyInt int

func main() {
	var l List[Pair[string, int]]
	l.Push(Pair[string, int]{"a", 1})
	l.Push(Pair[string, int]{"b", 2})
	l.Each(func(p Pair[string, int]) { println(p.Key, p.Val) })
	var t *Tree[float64]
	for _, v := range []float64{5, 3, 8, 1} {
		t = t.Insert(v)
	}
	t.Walk(func(v float64) { print(v, " ") })
	println()
	println(Local(42), Local("s"))
	println(Kind(1), Kind("x"), Kind([]int{}), Kind(Pair[string, int]{}), Kind(2.5))
	c := Counter[MyInt]()
	c(3)
	println(c(4))
	ShowAll(Box[int]{1}, Box[int]{2})
	var s Shower = Box[string]{"x"}
	println(s.Show())
	println(Max(3, 7), Max[uint8](200, 100), Max(2.5, -1))
	println(Convert[float64, uint8](300.7), Convert[int, float64](7))
	ks := Keys([]Pair[int, bool]{{1, true}, {2, false}})
	println(len(ks), ks[0], ks[1])
	p := Ptr(5)
	*p++
	println(*p, Zero[int](), Zero[string]() == "", Zero[*int]() == nil)
	push := l.Push
	push(Pair[string, int]{"c", 3})
	println(l.n)
}

// Core types: operations on type parameters whose constraint has a core type.

type Bytes interface{ ~[]byte }

type Str interface{ ~string }

func FirstUpper[S Str](s S) byte {
	if len(s) == 0 {
		return 0
	}
	return s[0] - 'a' + 'A'
}

func Grow[B Bytes](b B, n int) B {
	out := make(B, len(b), len(b)+n)
	copy(out, b)
	for i := 0; i < n; i++ {
		out = append(out, byte('0'+i))
	}
	return out
}

func SumAll[S ~[]E, E Number](s S) (t E) {
	for i := range s {
		t += s[i]
	}
	return
}

type Celsius float64

type Temps []Celsius

func Index[T comparable](xs []T, x T) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

type Opt[T any] struct {
	v  T
	ok bool
}

func Some[T any](v T) Opt[T] { return Opt[T]{v, true} }

func (o Opt[T]) Or(d T) T {
	if o.ok {
		return o.v
	}
	return d
}

func Apply[T, U any](o Opt[T], f func(T) U) Opt[U] {
	if !o.ok {
		return Opt[U]{}
	}
	return Some(f(o.v))
}

func Nested[T any](x T) Opt[Opt[T]] { return Some(Some(x)) }

type Label string

func init() {
	println(FirstUpper("hello"), FirstUpper(Label("world")))
	b := Grow([]byte("ab"), 3)
	println(string(b), len(b), cap(b))
	println(SumAll(Temps{1.5, 2.5}), SumAll([]int{1, 2, 3}))
	println(Index([]string{"x", "y", "z"}, "z"), Index([]Pair[int, int]{{1, 2}, {3, 4}}, Pair[int, int]{3, 4}))
	o := Apply(Some(21), func(i int) string { return string(rune('a' + i)) })
	println(o.Or("none"), Apply(Opt[int]{}, func(i int) bool { return true }).Or(false))
	println(Nested(7).v.v, Nested("n").Or(Opt[string]{}).Or("?"))
}
