// run

// The cmp package with generics: Compare and Less over ints, floats (NaN sorts first,
// -0 equals 0), strings; Or picking the first non-zero value (multi-key comparisons);
// the built-in min and max with NaN; and user generic functions constrained by
// cmp.Ordered (a generic max-of-slice, a sorted-set insert, and clamp).
package main

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

func MaxOf[T cmp.Ordered](xs ...T) (T, bool) {
	var zero T
	if len(xs) == 0 {
		return zero, false
	}
	m := xs[0]
	for _, x := range xs[1:] {
		if cmp.Less(m, x) {
			m = x
		}
	}
	return m, true
}

func Insert[T cmp.Ordered](set []T, v T) []T {
	i, found := slices.BinarySearch(set, v)
	if found {
		return set
	}
	return slices.Insert(set, i, v)
}

func Clamp[T cmp.Ordered](v, lo, hi T) T { return min(max(v, lo), hi) }

type Version struct{ Major, Minor, Patch int }

func (a Version) Compare(b Version) int {
	return cmp.Or(cmp.Compare(a.Major, b.Major), cmp.Compare(a.Minor, b.Minor), cmp.Compare(a.Patch, b.Patch))
}

func main() {
	nan := math.NaN()
	fmt.Println(cmp.Compare(1, 2), cmp.Compare(2, 2), cmp.Compare("b", "a"), cmp.Compare(nan, 1.0), cmp.Compare(1.0, nan), cmp.Compare(nan, nan), cmp.Compare(math.Copysign(0, -1), 0))
	fmt.Println(cmp.Less(nan, math.Inf(-1)), cmp.Less(1.5, 2.5), cmp.Less("abc", "abd"), nan < math.Inf(-1))
	fmt.Println(cmp.Or(0, 0, 3, 4), cmp.Or("", "default"), cmp.Or[int](), cmp.Or(false, true))
	fmt.Println(min(3, 1, 2), max(3.5, nan, 1), min(nan, 1.0), max("a", "b"), min(math.Copysign(0, -1), 0))
	m, ok := MaxOf(3, 9, 2)
	s, _ := MaxOf("pear", "apple", "zoo")
	_, ok2 := MaxOf[float64]()
	fmt.Println(m, ok, s, ok2)
	var set []int
	for _, v := range []int{5, 1, 3, 5, 2, 1} {
		set = Insert(set, v)
	}
	fmt.Println(set, Clamp(15, 0, 10), Clamp(-2.5, -1, 1), Clamp("m", "a", "k"))
	vs := []Version{{1, 2, 3}, {1, 10, 0}, {0, 9, 9}, {1, 2, 0}}
	slices.SortFunc(vs, Version.Compare)
	fmt.Println(vs)
	fs := []float64{3, nan, -1, math.Inf(1), 0}
	slices.SortFunc(fs, cmp.Compare[float64])
	fmt.Println(fs)
}
