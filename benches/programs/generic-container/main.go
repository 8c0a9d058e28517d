// Generic-container runs a generic binary heap and a generic ordered list
// over ints and strings: a benchmark of instantiated generic code (gc shapes
// and dictionaries natively; monomorphized code in mvm).
//
// It imports nothing, so an interpreter without the standard library can run it;
// the number of elements comes in through the linker: -ldflags=-X=main.size=1000000.
package main

// size is the number of elements pushed, as a decimal string so that
// -ldflags=-X can set it.
var size = "1000000"

type ordered interface {
	~int | ~int64 | ~uint32 | ~string
}

// heap is a binary min-heap of T.
type heap[T ordered] struct {
	items []T
}

func (h *heap[T]) push(x T) {
	h.items = append(h.items, x)
	i := len(h.items) - 1
	for i > 0 {
		parent := (i - 1) / 2
		if h.items[parent] <= h.items[i] {
			break
		}
		h.items[parent], h.items[i] = h.items[i], h.items[parent]
		i = parent
	}
}

func (h *heap[T]) pop() (T, bool) {
	var zero T
	if len(h.items) == 0 {
		return zero, false
	}
	top := h.items[0]
	last := len(h.items) - 1
	h.items[0] = h.items[last]
	h.items = h.items[:last]
	i := 0
	for {
		l, r, m := 2*i+1, 2*i+2, i
		if l < last && h.items[l] < h.items[m] {
			m = l
		}
		if r < last && h.items[r] < h.items[m] {
			m = r
		}
		if m == i {
			break
		}
		h.items[i], h.items[m] = h.items[m], h.items[i]
		i = m
	}
	return top, true
}

func (h *heap[T]) len() int { return len(h.items) }

// pair is a generic key/value pair.
type pair[K ordered, V any] struct {
	key K
	val V
}

// reduce folds a slice with f.
func reduce[T, A any](xs []T, acc A, f func(A, T) A) A {
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

// mapSlice applies f to every element.
func mapSlice[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

// itoa formats a non-negative int; strconv would be an import.
func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	return string(buf[i:])
}

// atoi parses a non-negative decimal size; a malformed one is a usage error.
func atoi(s string) int {
	if s == "" {
		panic("size: empty")
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			panic("size: not a decimal number: " + s)
		}
		n = n*10 + int(c-'0')
	}
	return n
}

func main() {
	n := atoi(size)

	var ints heap[int]
	x := uint32(12345)
	for range n {
		x = x*1664525 + 1013904223 // a linear congruential generator
		ints.push(int(x >> 8))
	}
	sorted := true
	prev, sum := -1, 0
	for ints.len() > 0 {
		v, _ := ints.pop()
		if v < prev {
			sorted = false
		}
		prev = v
		sum += v % 1000
	}

	var strs heap[string]
	for i := range n / 10 {
		strs.push(itoa(i * 7919 % (n/10 + 1)))
	}
	first, _ := strs.pop()

	pairs := mapSlice(make([]int, n/10), func(int) pair[uint32, int] { x = x*1664525 + 1013904223; return pair[uint32, int]{x, int(x % 100)} })
	total := reduce(pairs, 0, func(acc int, p pair[uint32, int]) int { return acc + p.val })

	print("sorted = ", sorted, ", sum = ", sum, ", smallest string = ", first, ", total = ", total, "\n")
}
