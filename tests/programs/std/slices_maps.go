// run

// The generic slices and maps packages: Sort, SortFunc, SortStableFunc, BinarySearch,
// Contains, Index, IndexFunc, Insert, Delete, DeleteFunc, Compact, CompactFunc, Reverse,
// Max/Min, MaxFunc, Equal, Compare, Clip/Grow, Concat, Repeat, Chunk, and the iterator
// forms All/Values/Backward/Collect/Sorted/SortedFunc; maps Keys/Values (sorted before
// printing), Clone, Copy, Equal, EqualFunc, DeleteFunc, Collect, Insert, All.
package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
)

type pair struct {
	k string
	v int
}

func main() {
	s := []int{3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5}
	sorted := slices.Clone(s)
	slices.Sort(sorted)
	fmt.Println(sorted, slices.IsSorted(sorted), slices.IsSorted(s))
	i, found := slices.BinarySearch(sorted, 5)
	j, found2 := slices.BinarySearch(sorted, 7)
	fmt.Println(i, found, j, found2)
	fmt.Println(slices.Contains(s, 9), slices.Index(s, 5), slices.IndexFunc(s, func(v int) bool { return v > 4 }), slices.ContainsFunc(s, func(v int) bool { return v < 0 }))
	fmt.Println(slices.Max(s), slices.Min(s), slices.Compact(slices.Clone(sorted)), slices.Equal(s, sorted), slices.Compare([]int{1, 2}, []int{1, 3}))
	s2 := slices.Insert([]int{1, 2, 3}, 1, 10, 11)
	fmt.Println(s2, slices.Delete(slices.Clone(s2), 1, 3), slices.DeleteFunc(slices.Clone(s), func(v int) bool { return v%2 == 1 }))
	rev := slices.Clone(s2)
	slices.Reverse(rev)
	fmt.Println(rev, slices.Replace([]int{1, 2, 3, 4}, 1, 3, 7), slices.Concat([]int{1}, nil, []int{2, 3}), slices.Repeat([]string{"ab"}, 3))
	g := slices.Grow([]int{1}, 10)
	fmt.Println(len(g), cap(g) >= 11, cap(slices.Clip(g)))
	ps := []pair{{"b", 2}, {"a", 2}, {"c", 1}, {"d", 2}}
	slices.SortStableFunc(ps, func(x, y pair) int { return cmp.Compare(x.v, y.v) })
	fmt.Println(ps)
	slices.SortFunc(ps, func(x, y pair) int { return strings.Compare(y.k, x.k) })
	fmt.Println(ps, slices.MaxFunc(ps, func(x, y pair) int { return cmp.Compare(x.v, y.v) }))
	k, ok := slices.BinarySearchFunc(ps, "b", func(p pair, t string) int { return strings.Compare(t, p.k) })
	fmt.Println(k, ok)
	fmt.Println(slices.CompactFunc([]string{"a", "A", "b", "B", "b"}, strings.EqualFold), slices.EqualFunc([]int{1, 2}, []string{"1", "2"}, func(a int, b string) bool { return fmt.Sprint(a) == b }))
	for c := range slices.Chunk([]int{1, 2, 3, 4, 5}, 2) {
		fmt.Print(c, " ")
	}
	fmt.Println()
	for i, v := range slices.Backward([]string{"x", "y", "z"}) {
		fmt.Print(i, v, " ")
	}
	for i, v := range slices.All([]string{"p", "q"}) {
		fmt.Print(i, v, " ")
	}
	fmt.Println(slices.Collect(slices.Values([]int{7, 8})), slices.AppendSeq([]int{0}, slices.Values([]int{1, 2})))

	m := map[string]int{"one": 1, "two": 2, "three": 3, "four": 4}
	keys := slices.Sorted(maps.Keys(m))
	vals := slices.Collect(maps.Values(m))
	slices.Sort(vals)
	fmt.Println(keys, vals, slices.SortedFunc(maps.Keys(m), func(a, b string) int { return cmp.Or(cmp.Compare(len(a), len(b)), strings.Compare(a, b)) }))
	c := maps.Clone(m)
	c["five"] = 5
	fmt.Println(len(m), len(c), maps.Equal(m, c))
	maps.DeleteFunc(c, func(k string, v int) bool { return v%2 == 0 })
	fmt.Println(c)
	dst := map[string]int{"one": 100, "zero": 0}
	maps.Copy(dst, m)
	fmt.Println(dst)
	fmt.Println(maps.EqualFunc(map[int]string{1: "a"}, map[int]int{1: 97}, func(s string, n int) bool { return int(s[0]) == n }))
	coll := maps.Collect(slices.All([]string{"zero", "one"}))
	fmt.Println(coll)
	maps.Insert(coll, maps.All(map[int]string{5: "five"}))
	fmt.Println(coll, len(coll))
	var nm map[string]int
	fmt.Println(maps.Clone(nm) == nil, len(slices.Sorted(maps.Keys(nm))))
}
