// run

// The unique package: Make returns equal Handles for equal values (strings built at
// run time, structs, arrays, pointers-free comparable types), different Handles for
// different values, Value returning the canonical value, and Handles used as map keys
// to intern many repeated strings.
package main

import (
	"fmt"
	"strings"
	"unique"
)

type Key struct {
	Kind string
	ID   int
}

func main() {
	a := unique.Make("hello")
	b := unique.Make(strings.ToLower("HELLO"))
	c := unique.Make("world")
	fmt.Println(a == b, a == c, a.Value(), c.Value())

	k1 := unique.Make(Key{"user", 1})
	k2 := unique.Make(Key{"user", 1})
	k3 := unique.Make(Key{"user", 2})
	fmt.Println(k1 == k2, k1 == k3, k1.Value(), k3.Value().ID)
	arr := unique.Make([3]int{1, 2, 3})
	fmt.Println(arr == unique.Make([3]int{1, 2, 3}), arr.Value())
	fmt.Println(unique.Make(0) == unique.Make(0), unique.Make(1.5) == unique.Make(1.5), unique.Make("") == unique.Make(""))

	words := strings.Fields(strings.Repeat("alpha beta gamma beta alpha alpha ", 1000))
	counts := map[unique.Handle[string]]int{}
	for _, w := range words {
		counts[unique.Make(w)]++
	}
	fmt.Println(len(words), len(counts), counts[unique.Make("alpha")], counts[unique.Make("beta")], counts[unique.Make("gamma")], counts[unique.Make("delta")])
	var zero unique.Handle[string]
	fmt.Println(zero == unique.Handle[string]{}, zero == a)
}
