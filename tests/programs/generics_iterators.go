// run

// Range-over-func loops inside generic functions (the body closure is compiled per
// instance, with the instance's type arguments).
package main

type Seq[V any] func(yield func(V) bool)

func Range(lo, hi int) Seq[int] {
	return func(yield func(int) bool) {
		for i := lo; i < hi; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func Filter[V any](s Seq[V], keep func(V) bool) Seq[V] {
	return func(yield func(V) bool) {
		for v := range s {
			if keep(v) && !yield(v) {
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

func FirstOver[T ~int](s Seq[T], n T) (T, bool) {
	for v := range s {
		if v > n {
			return v, true
		}
	}
	return 0, false
}

func main() {
	ev := Collect(Filter(Range(0, 10), func(i int) bool { return i%2 == 0 }))
	println(len(ev), ev[4])
	println(FirstOver(Range(0, 10), 6))
	println(FirstOver(Range(0, 3), 6))
}
