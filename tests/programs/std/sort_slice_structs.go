// run

// An everyday program: sorting a slice of structs with sort.Slice (by one key, then by
// several keys), sort.SliceStable keeping the original order of equal elements, and
// slices.SortFunc with cmp.Compare, then printing a ranking.
package main

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
)

type Person struct {
	Name string
	Age  int
	City string
}

func main() {
	people := []Person{
		{"Alice", 30, "Paris"}, {"Bob", 25, "Berlin"}, {"Carol", 35, "Paris"}, {"Dave", 25, "Austin"},
		{"Eve", 30, "Berlin"}, {"Frank", 40, "Austin"}, {"Grace", 25, "Paris"}, {"Heidi", 35, "Berlin"},
	}
	byAge := slices.Clone(people)
	sort.Slice(byAge, func(i, j int) bool {
		if byAge[i].Age != byAge[j].Age {
			return byAge[i].Age < byAge[j].Age
		}
		return byAge[i].Name < byAge[j].Name
	})
	for i, p := range byAge {
		fmt.Printf("%d. %-6s %d %s\n", i+1, p.Name, p.Age, p.City)
	}
	stable := slices.Clone(people)
	sort.SliceStable(stable, func(i, j int) bool { return stable[i].City < stable[j].City })
	names := make([]string, len(stable))
	for i, p := range stable {
		names[i] = p.City + ":" + p.Name
	}
	fmt.Println(strings.Join(names, " "))
	slices.SortFunc(people, func(a, b Person) int {
		return cmp.Or(-cmp.Compare(a.Age, b.Age), strings.Compare(a.Name, b.Name))
	})
	for _, p := range people {
		fmt.Print(p.Name, "(", p.Age, ") ")
	}
	fmt.Println()
	fmt.Println(sort.SliceIsSorted(byAge, func(i, j int) bool { return byAge[i].Age < byAge[j].Age }))
}
