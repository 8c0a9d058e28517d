// run exit=2

package main

// A runtime error inside an instance of a generic method, called through an
// interface, after a deferred call in a generic function has printed.

type Getter[T any] interface{ Get(i int) T }

type Vec[T any] struct{ items []T }

func (v *Vec[T]) Get(i int) T { return v.items[i] }

func Sum[T int | float64](g Getter[T], n int) T {
	var s T
	defer func() { println("partial sum", s) }()
	for i := 0; i < n; i++ {
		s += g.Get(i)
	}
	return s
}

func main() {
	v := &Vec[float64]{[]float64{1.5, 2.5}}
	println(Sum[float64](v, 2))
	w := &Vec[int]{[]int{1, 2, 3}}
	println(Sum[int](w, 4))
}
