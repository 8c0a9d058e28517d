// run

// Generics: generic functions with inference (from arguments, partial explicit type
// arguments), constraints with ~ and unions, comparable, generic types (a stack, a linked
// list, a pair) with methods, instantiation with different types having separate
// state, generic closures, type switches on type parameters through any, and zero values.
package main

type Number interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~float32 | ~float64
}

type MyInt int

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func Index[T comparable](xs []T, v T) int {
	for i, x := range xs {
		if x == v {
			return i
		}
	}
	return -1
}

func Convert[To, From Number](f From) To { return To(f) }

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }
func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}
func (s Stack[T]) Len() int { return len(s.items) }

type List[T any] struct {
	head *node[T]
	size int
}

type node[T any] struct {
	val  T
	next *node[T]
}

func (l *List[T]) Prepend(v T) {
	l.head = &node[T]{v, l.head}
	l.size++
}

func (l *List[T]) Each(f func(T)) {
	for n := l.head; n != nil; n = n.next {
		f(n.val)
	}
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func MakePair[K comparable, V any](k K, v V) Pair[K, V] { return Pair[K, V]{k, v} }

func (p Pair[K, V]) Swap() Pair[string, K] {
	return Pair[string, K]{"swapped", p.Key}
}

type Counter[T comparable] struct {
	counts map[T]int
}

func NewCounter[T comparable]() *Counter[T] {
	return &Counter[T]{counts: map[T]int{}}
}

func (c *Counter[T]) Add(v T) int {
	c.counts[v]++
	return c.counts[v]
}

func Describe[T any](v T) string {
	switch any(v).(type) {
	case int:
		return "int"
	case string:
		return "string"
	case []T:
		return "slice of T"
	default:
		return "other"
	}
}

func Zero[T any]() T {
	var z T
	return z
}

// Per-instantiation global state through a generic function with a static counter.
func Keyed[T any]() func() int {
	n := 0
	return func() int { n++; return n }
}

type Num interface{ ~int | ~float64 }

func MaxOf[T Num](a, b T) T {
	if a > b {
		return a
	}
	return b
}

type Tree[T interface{ ~int | ~string }] struct {
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

func main() {
	println("Sum ints:", Sum(1, 2, 3), "floats:", Sum(1.5, 2.25), "MyInt:", Sum(MyInt(4), MyInt(5)))
	println("Sum int8 wraps:", Sum[int8](100, 100))
	println("Sum empty:", Sum[float64]())

	strs := Map([]int{1, 2, 3}, func(i int) string { return string(rune('a' + i)) })
	println("Map:", strs[0], strs[1], strs[2])
	evens := Filter([]int{1, 2, 3, 4, 5, 6}, func(i int) bool { return i%2 == 0 })
	println("Filter:", len(evens), evens[0], evens[2])
	println("Index:", Index([]string{"x", "y", "z"}, "z"), Index([]float64{1, 2}, 3))
	println("Convert:", Convert[int](3.99), Convert[float64](int8(-7)), Convert[int8, int](300))

	var s Stack[string]
	s.Push("a")
	s.Push("b")
	v, ok := s.Pop()
	println("Stack:", v, ok, s.Len())
	s.Pop()
	v, ok = s.Pop()
	println("empty Pop:", v == "", ok)
	var is Stack[int]
	is.Push(42)
	iv, _ := is.Pop()
	println("Stack[int]:", iv)

	var l List[float64]
	l.Prepend(1.5)
	l.Prepend(2.5)
	print("List:")
	l.Each(func(f float64) { print(" ", f) })
	println(" size", l.size)

	p := MakePair("k", 10)
	sw := p.Swap()
	println("Pair:", p.Key, p.Val, sw.Key, sw.Val)

	c := NewCounter[string]()
	c.Add("x")
	c.Add("y")
	println("Counter:", c.Add("x"))
	ci := NewCounter[[2]int]()
	println("Counter array key:", ci.Add([2]int{1, 2}), ci.Add([2]int{1, 2}))

	println("Describe:", Describe(1), Describe("s"), Describe([]int{}), Describe(2.5))
	println("Zero:", Zero[int](), Zero[string]() == "", Zero[*int]() == nil, Zero[[]int]() == nil)

	ka := Keyed[int]()
	kb := Keyed[string]()
	ka()
	ka()
	println("separate closures:", ka(), kb())
	println("MaxOf:", MaxOf(3, 7), MaxOf(2.5, -1.0), MaxOf[MyInt](9, 2))
	// Untyped constant arguments of different kinds: T is inferred as float64.
	mixed := MaxOf(1, 2.5)
	var asFloat float64 = mixed
	println("mixed untyped constants:", asFloat)

	var t *Tree[string]
	for _, w := range []string{"m", "c", "x", "a", "e"} {
		t = t.Insert(w)
	}
	print("Tree:")
	t.Walk(func(s string) { print(" ", s) })
	println()
	var ti *Tree[MyIntAlias]
	for _, n := range []MyIntAlias{5, 3, 8} {
		ti = ti.Insert(n)
	}
	print("Tree ints:")
	ti.Walk(func(n MyIntAlias) { print(" ", n) })
	println()
}

type MyIntAlias = MyInt
