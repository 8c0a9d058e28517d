// run

// Range-over-func iterators with the iter package: iter.Seq and iter.Seq2 producers,
// early exit (break) stopping the producer, adapters (filter, map, take, zip),
// iter.Pull and iter.Pull2 with next/stop (including stop before exhaustion and calls
// after the end), an infinite generator, and a panic in the loop body propagating
// through the producer's defer.
package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
)

func count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer fmt.Println("  count: producer done")
		for i := 0; i < n; i++ {
			if !yield(i) {
				fmt.Println("  count: stopped at", i)
				return
			}
		}
	}
}

func naturals() iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 1; ; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func filter[T any](seq iter.Seq[T], keep func(T) bool) iter.Seq[T] {
	return func(yield func(T) bool) {
		for v := range seq {
			if keep(v) && !yield(v) {
				return
			}
		}
	}
}

func mapSeq[T, U any](seq iter.Seq[T], f func(T) U) iter.Seq[U] {
	return func(yield func(U) bool) {
		for v := range seq {
			if !yield(f(v)) {
				return
			}
		}
	}
}

func take[T any](seq iter.Seq[T], n int) iter.Seq[T] {
	return func(yield func(T) bool) {
		if n <= 0 {
			return
		}
		i := 0
		for v := range seq {
			if !yield(v) {
				return
			}
			i++
			if i == n {
				return
			}
		}
	}
}

func enumerate[T any](s []T) iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		for i, v := range s {
			if !yield(i, v) {
				return
			}
		}
	}
}

func zip[A, B any](a iter.Seq[A], b iter.Seq[B]) iter.Seq2[A, B] {
	return func(yield func(A, B) bool) {
		na, sa := iter.Pull(a)
		defer sa()
		nb, sb := iter.Pull(b)
		defer sb()
		for {
			x, ok1 := na()
			y, ok2 := nb()
			if !ok1 || !ok2 || !yield(x, y) {
				return
			}
		}
	}
}

func main() {
	for v := range count(3) {
		fmt.Println("got", v)
	}
	for v := range count(10) {
		if v == 2 {
			break
		}
		fmt.Println("got", v)
	}
	squares := mapSeq(filter(naturals(), func(n int) bool { return n%3 == 0 }), func(n int) int { return n * n })
	fmt.Println(slices.Collect(take(squares, 5)))
	for i, s := range enumerate([]string{"a", "b", "c"}) {
		fmt.Print(i, "=", s, " ")
	}
	fmt.Println()
	for a, b := range zip(count(4), mapSeq(naturals(), func(n int) string { return fmt.Sprint("n", n) })) {
		fmt.Println("zip", a, b)
	}

	next, stop := iter.Pull(count(3))
	for {
		v, ok := next()
		if !ok {
			break
		}
		fmt.Println("pulled", v)
	}
	v, ok := next()
	fmt.Println("after end:", v, ok)
	stop()

	next2, stop2 := iter.Pull(count(100))
	a, _ := next2()
	b, _ := next2()
	fmt.Println("pulled two:", a, b)
	stop2()
	stop2()
	v, ok = next2()
	fmt.Println("after stop:", v, ok)

	m := map[string]int{"x": 1, "y": 2, "z": 3}
	nextKV, stopKV := iter.Pull2(maps.All(m))
	sum := 0
	for {
		k, v, ok := nextKV()
		if !ok {
			break
		}
		sum += v
		_ = k
	}
	stopKV()
	fmt.Println("pull2 sum:", sum)
	next3, stop3 := iter.Pull2(enumerate([]string{"p", "q"}))
	i0, s0, ok0 := next3()
	fmt.Println(i0, s0, ok0)
	stop3()

	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		for v := range count(5) {
			if v == 1 {
				panic("body panics at 1")
			}
		}
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		bad := func(yield func(int) bool) {
			yield(1)
			yield(2)
		}
		for v := range bad {
			fmt.Println("bad got", v)
			break
		}
	}()
}
