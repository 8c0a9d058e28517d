// run

// The sort package: Ints/Strings/Float64s (NaN first), the sort.Interface with Sort,
// Stable and Reverse, IsSorted, Search/SearchInts/SearchStrings/Find, the IntSlice
// helpers, and sorting a large pseudo-random slice (checked and summarised).
package main

import (
	"fmt"
	"math"
	"sort"
)

type byLen []string

func (s byLen) Len() int           { return len(s) }
func (s byLen) Less(i, j int) bool { return len(s[i]) < len(s[j]) }
func (s byLen) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

func main() {
	ints := []int{5, 2, 8, -1, 2, 9, 0}
	sort.Ints(ints)
	fmt.Println(ints, sort.IntsAreSorted(ints), sort.SearchInts(ints, 2), sort.SearchInts(ints, 3), sort.SearchInts(ints, 100))
	strs := []string{"pear", "Apple", "apple", "fig", "", "banana"}
	sort.Strings(strs)
	fmt.Printf("%q %v\n", strs, sort.SearchStrings(strs, "fig"))
	fl := []float64{2.5, math.NaN(), -1, math.Inf(1), 0, math.Inf(-1)}
	sort.Float64s(fl)
	fmt.Println(fl, sort.Float64sAreSorted(fl))

	words := []string{"banana", "kiwi", "apple", "fig", "cherry", "date", "plum"}
	sort.Stable(byLen(words))
	fmt.Println(words)
	sort.Sort(sort.Reverse(byLen(words)))
	fmt.Println(len(words[0]), len(words[len(words)-1]), sort.IsSorted(sort.Reverse(byLen(words))))
	sort.Sort(sort.Reverse(sort.IntSlice(ints)))
	fmt.Println(ints)
	is := sort.IntSlice{3, 1, 2}
	is.Sort()
	fmt.Println(is, is.Search(2), sort.StringSlice{"b", "a"}.Len())

	sorted := []int{1, 3, 5, 7, 9, 11}
	i := sort.Search(len(sorted), func(i int) bool { return sorted[i] >= 6 })
	j, found := sort.Find(len(sorted), func(i int) int { return 7 - sorted[i] })
	k, found2 := sort.Find(len(sorted), func(i int) int { return 8 - sorted[i] })
	fmt.Println(i, j, found, k, found2)

	big := make([]int, 100000)
	x := uint32(12345)
	for i := range big {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		big[i] = int(x % 1000000)
	}
	sort.Ints(big)
	sum := 0
	for _, v := range big {
		sum += v
	}
	fmt.Println(sort.IntsAreSorted(big), big[0], big[len(big)/2], big[len(big)-1], sum)
}
