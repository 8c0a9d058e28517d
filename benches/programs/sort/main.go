// Sort sorts 10^6 pseudo-random ints with slices.Sort, then a slice of structs
// with sort.Slice and a closure: a benchmark of generic and reflective sorting.
//
// Usage: sort [n] (default 1000000).
package main

import (
	"fmt"
	"os"
	"slices"
	"sort"
	"strconv"
)

type record struct {
	name  string
	score int
	id    int
}

func main() {
	n := 1000000
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil || v <= 0 {
			fmt.Fprintln(os.Stderr, "usage: sort [n]")
			os.Exit(2)
		}
		n = v
	}
	x := uint64(88172645463325252) // xorshift state: fixed seed, fixed input
	next := func() uint64 {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		return x
	}

	ints := make([]int, n)
	for i := range ints {
		ints[i] = int(next() % 1000000007)
	}
	slices.Sort(ints)
	var intSum uint64
	for i, v := range ints {
		intSum = intSum*31 + uint64(v)*uint64(i+1)
	}

	records := make([]record, n)
	for i := range records {
		records[i] = record{name: strconv.Itoa(int(next() % 1000)), score: int(next() % 100), id: i}
	}
	sort.Slice(records, func(i, j int) bool {
		a, b := &records[i], &records[j]
		if a.score != b.score {
			return a.score > b.score
		}
		if a.name != b.name {
			return a.name < b.name
		}
		return a.id < b.id
	})
	var recSum uint64
	for i, r := range records {
		recSum = recSum*31 + uint64(r.id)*uint64(i+1)
	}
	fmt.Printf("min=%d max=%d ints=%d first=%+v last=%+v records=%d\n",
		ints[0], ints[n-1], intSum, records[0], records[n-1], recSum)
}
