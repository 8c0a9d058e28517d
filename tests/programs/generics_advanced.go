// run

// More generics: constraints combining methods and type sets, generic iterator types
// used with range-over-func, generic type aliases (Go 1.24), embedding a generic type in a
// struct (promoted methods), recursive generic functions, generic types instantiated with
// struct and pointer types, explicit instantiation stored in variables, and inference of
// a result-only type parameter from an explicit argument.
package main

type Seq[V any] func(yield func(V) bool)
type Seq2[K, V any] func(yield func(K, V) bool)

type Stringish interface {
	~string
	Len() int
}

type Word string

func (w Word) Len() int { return len(w) }

func TotalLen[S Stringish](xs []S) int {
	n := 0
	for _, x := range xs {
		n += x.Len() + len(string(x))*0
	}
	return n
}

type Shower interface{ Show() string }

type Pt struct{ X, Y int }

func (p Pt) Show() string { return "(" + itoa(p.X) + "," + itoa(p.Y) + ")" }

func ShowAll[T Shower](xs ...T) string {
	out := ""
	for i, x := range xs {
		if i > 0 {
			out += " "
		}
		out += x.Show()
	}
	return out
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func Range(lo, hi int) Seq[int] {
	return func(yield func(int) bool) {
		for i := lo; i < hi; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func FilterSeq[V any](s Seq[V], keep func(V) bool) Seq[V] {
	return func(yield func(V) bool) {
		for v := range s {
			if keep(v) && !yield(v) {
				return
			}
		}
	}
}

func MapSeq[V, W any](s Seq[V], f func(V) W) Seq[W] {
	return func(yield func(W) bool) {
		s(func(v V) bool { return yield(f(v)) })
	}
}

func Enumerate[V any](xs []V) Seq2[int, V] {
	return func(yield func(int, V) bool) {
		for i, x := range xs {
			if !yield(i, x) {
				return
			}
		}
	}
}

func Collect[V any](s Seq[V]) []V {
	var out []V
	for v := range s {
		out = append(out, v)
	}
	return out
}

type Set[T comparable] = map[T]struct{} // generic type alias

type Base[T any] struct{ items []T }

func (b *Base[T]) Add(v T)    { b.items = append(b.items, v) }
func (b *Base[T]) Count() int { return len(b.items) }

type Inventory struct {
	Base[string]
	Owner string
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	if len(xs) == 0 {
		return init
	}
	return Reduce(xs[1:], f(init, xs[0]), f)
}

type Opt[T any] struct {
	val T
	ok  bool
}

func Some[T any](v T) Opt[T] { return Opt[T]{v, true} }
func None[T any]() Opt[T]    { return Opt[T]{} }
func (o Opt[T]) Get(def T) T {
	if o.ok {
		return o.val
	}
	return def
}

func main() {
	println("TotalLen:", TotalLen([]Word{"ab", "cde"}))
	println("ShowAll:", ShowAll(Pt{1, 2}, Pt{-3, 40}))

	evens := FilterSeq(Range(0, 10), func(i int) bool { return i%2 == 0 })
	print("evens:")
	for v := range evens {
		print(" ", v)
	}
	println()
	sq := Collect(MapSeq(Range(1, 5), func(i int) string { return itoa(i * i) }))
	println("mapped:", len(sq), sq[0], sq[3])
	for i, s := range Enumerate([]string{"x", "y", "z"}) {
		if i == 2 {
			break
		}
		println("enumerate:", i, s)
	}

	s := Set[string]{}
	s["a"] = struct{}{}
	s["b"] = struct{}{}
	s["a"] = struct{}{}
	println("alias set:", len(s))

	inv := Inventory{Owner: "me"}
	inv.Add("sword")
	inv.Add("shield")
	println("embedded generic:", inv.Count(), inv.items[1], inv.Owner)

	total := Reduce([]int{1, 2, 3, 4}, 0, func(a, x int) int { return a + x })
	joined := Reduce([]string{"a", "b"}, ">", func(a string, x string) string { return a + x })
	println("reduce:", total, joined)

	ps := Some(&Pt{5, 6})
	println("opt ptr:", ps.Get(nil).X, None[*Pt]().Get(&Pt{7, 8}).Y)
	po := Some(Pt{1, 1})
	println("opt struct:", po.Get(Pt{}).Show(), None[Pt]().Get(Pt{9, 9}).Show())

	f := Reduce[int, int]
	println("instantiated func value:", f([]int{5, 5}, 1, func(a, x int) int { return a * x }))
	var z = None[float64]()
	println("zero opt:", z.Get(2.5))
}
