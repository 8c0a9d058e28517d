// run

// Generic containers as programs write them: a heap with a comparison func, a BST
// map with two type parameters, a slice-based stack, zip and fold.
package main

type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~float32 | ~float64 | ~string
}

// Heap is a binary min-heap ordered by less.
type Heap[T any] struct {
	data []T
	less func(a, b T) bool
}

func NewHeap[T any](less func(a, b T) bool) *Heap[T] { return &Heap[T]{less: less} }

func (h *Heap[T]) Push(v T) {
	h.data = append(h.data, v)
	i := len(h.data) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !h.less(h.data[i], h.data[p]) {
			break
		}
		h.data[i], h.data[p] = h.data[p], h.data[i]
		i = p
	}
}

func (h *Heap[T]) Pop() (T, bool) {
	var zero T
	if len(h.data) == 0 {
		return zero, false
	}
	top := h.data[0]
	last := len(h.data) - 1
	h.data[0] = h.data[last]
	h.data = h.data[:last]
	i := 0
	for {
		l, r, m := 2*i+1, 2*i+2, i
		if l < len(h.data) && h.less(h.data[l], h.data[m]) {
			m = l
		}
		if r < len(h.data) && h.less(h.data[r], h.data[m]) {
			m = r
		}
		if m == i {
			break
		}
		h.data[i], h.data[m] = h.data[m], h.data[i]
		i = m
	}
	return top, true
}

func (h *Heap[T]) Len() int { return len(h.data) }

// TreeMap is an unbalanced BST map.
type TreeMap[K Ordered, V any] struct {
	root *tnode[K, V]
	size int
}

type tnode[K Ordered, V any] struct {
	k           K
	v           V
	left, right *tnode[K, V]
}

func (m *TreeMap[K, V]) Put(k K, v V) {
	p := &m.root
	for *p != nil {
		switch {
		case k < (*p).k:
			p = &(*p).left
		case k > (*p).k:
			p = &(*p).right
		default:
			(*p).v = v
			return
		}
	}
	*p = &tnode[K, V]{k: k, v: v}
	m.size++
}

func (m *TreeMap[K, V]) Get(k K) (V, bool) {
	n := m.root
	for n != nil {
		if k < n.k {
			n = n.left
		} else if k > n.k {
			n = n.right
		} else {
			return n.v, true
		}
	}
	var zero V
	return zero, false
}

func (m *TreeMap[K, V]) Each(f func(K, V)) { each(m.root, f) }

func each[K Ordered, V any](n *tnode[K, V], f func(K, V)) {
	if n == nil {
		return
	}
	each(n.left, f)
	f(n.k, n.v)
	each(n.right, f)
}

func SortSlice[T Ordered](s []T) {
	h := NewHeap(func(a, b T) bool { return a < b })
	for _, v := range s {
		h.Push(v)
	}
	for i := range s {
		s[i], _ = h.Pop()
	}
}

type Pair[A, B any] struct {
	First  A
	Second B
}

func Zip[A, B any](as []A, bs []B) []Pair[A, B] {
	n := min(len(as), len(bs))
	out := make([]Pair[A, B], n)
	for i := 0; i < n; i++ {
		out[i] = Pair[A, B]{as[i], bs[i]}
	}
	return out
}

func Fold[T, R any](xs []T, z R, f func(R, T) R) R {
	for _, x := range xs {
		z = f(z, x)
	}
	return z
}

type Stack[T any] []T

func (s *Stack[T]) Push(v T) { *s = append(*s, v) }
func (s *Stack[T]) Pop() T {
	old := *s
	v := old[len(old)-1]
	*s = old[:len(old)-1]
	return v
}

type Celsius float32

func main() {
	xs := []int{5, 2, 9, 1, 5, 6}
	SortSlice(xs)
	for _, x := range xs {
		print(x, " ")
	}
	println()
	ws := []string{"pear", "apple", "fig"}
	SortSlice(ws)
	println(ws[0], ws[1], ws[2])
	cs := []Celsius{3.5, -1, 2}
	SortSlice(cs)
	println(cs[0], cs[2])

	var m TreeMap[string, []int]
	m.Put("b", []int{2})
	m.Put("a", []int{1, 1})
	m.Put("c", nil)
	m.Put("b", []int{2, 2, 2})
	m.Each(func(k string, v []int) { println(k, len(v)) })
	v, ok := m.Get("b")
	_, ok2 := m.Get("zz")
	println(len(v), ok, ok2, m.size)

	h := NewHeap(func(a, b Pair[int, string]) bool { return a.First > b.First })
	for i, s := range []string{"x", "y", "z"} {
		h.Push(Pair[int, string]{i, s})
	}
	for h.Len() > 0 {
		p, _ := h.Pop()
		print(p.Second)
	}
	println()

	z := Zip([]int{1, 2, 3}, []string{"a", "b"})
	println(len(z), z[1].First, z[1].Second)
	total := Fold(z, "", func(acc string, p Pair[int, string]) string { return acc + p.Second })
	println(total)

	var st Stack[Pair[string, float64]]
	st.Push(Pair[string, float64]{"pi", 3.14})
	st.Push(Pair[string, float64]{"e", 2.71})
	top := st.Pop()
	println(top.First, top.Second, len(st))
}
