// run

// Everyday strings, strconv and sort functions: Split/Join/Fields, Contains/Index,
// Replace, ToUpper/ToLower with non-ASCII, Repeat, TrimSpace/Trim, Builder,
// strconv.Itoa/Atoi/ParseFloat/FormatInt/Quote and their errors, sort.Ints/Strings/Slice,
// sort.Search.
package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

func main() {
	s := "  The quick brown fox  "
	fmt.Printf("%q\n", strings.Fields(s))
	fmt.Printf("%q\n", strings.Split("a,b,,c", ","))
	fmt.Printf("%q\n", strings.SplitN("a,b,c", ",", 2))
	fmt.Println(strings.Join([]string{"x", "y", "z"}, "-"))
	fmt.Println(strings.Contains(s, "quick"), strings.Index(s, "brown"), strings.LastIndex("go gopher", "go"), strings.IndexByte("abc", 'c'), strings.IndexRune("chicken", 'k'))
	fmt.Println(strings.HasPrefix("golang", "go"), strings.HasSuffix("golang", "ng"), strings.Count("cheese", "e"), strings.Count("five", ""))
	fmt.Println(strings.Replace("oink oink oink", "k", "ky", 2), strings.ReplaceAll("oink oink", "oink", "moo"))
	fmt.Println(strings.ToUpper("héllo wörld"), strings.ToLower("ÀÉÎ"), strings.Title("x"))
	fmt.Println(strings.Repeat("ab", 3), strings.TrimSpace(s)+"|", strings.Trim("xxhixx", "x"), strings.TrimLeft("aabc", "a"), strings.TrimPrefix("prefix-body", "prefix-"))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.Compare("a", "b"), strings.Map(func(r rune) rune { return r + 1 }, "abc"))
	before, after, found := strings.Cut("key=value", "=")
	fmt.Println(before, after, found)

	var b strings.Builder
	for i := 0; i < 5; i++ {
		fmt.Fprintf(&b, "%d,", i)
	}
	b.WriteString("end")
	b.WriteByte('!')
	b.WriteRune('é')
	fmt.Println(b.String(), b.Len())

	fmt.Println(strconv.Itoa(-45), strconv.FormatInt(255, 16), strconv.FormatInt(-8, 2), strconv.FormatUint(1<<63, 36))
	n, err := strconv.Atoi("123")
	fmt.Println(n, err)
	_, err = strconv.Atoi("12a")
	fmt.Println(err)
	_, err = strconv.Atoi("99999999999999999999")
	fmt.Println(err)
	f, err := strconv.ParseFloat("3.25e2", 64)
	fmt.Println(f, err)
	i8, err := strconv.ParseInt("-129", 10, 8)
	fmt.Println(i8, err)
	bv, err := strconv.ParseBool("true")
	fmt.Println(bv, err)
	fmt.Println(strconv.Quote("hi\n\"there\"é\x00"), strconv.QuoteToASCII("é"), strconv.FormatFloat(1.5, 'f', 3, 64), strconv.FormatFloat(0.1, 'g', -1, 32))
	uq, err := strconv.Unquote(`"a\tb"`)
	fmt.Printf("%q %v\n", uq, err)

	ints := []int{5, 2, 8, -1, 3}
	sort.Ints(ints)
	fmt.Println(ints, sort.SearchInts(ints, 3), sort.IntsAreSorted(ints))
	strs := []string{"pear", "apple", "fig", "Banana"}
	sort.Strings(strs)
	fmt.Println(strs)
	type person struct {
		name string
		age  int
	}
	people := []person{{"al", 30}, {"bo", 25}, {"cy", 30}, {"di", 20}}
	sort.SliceStable(people, func(i, j int) bool { return people[i].age > people[j].age })
	fmt.Println(people)
	idx := sort.Search(100, func(i int) bool { return i*i >= 50 })
	fmt.Println("search:", idx)
	fl := []float64{2.5, -1, 3}
	sort.Float64s(fl)
	fmt.Println(fl)
	sort.Sort(sort.Reverse(sort.IntSlice(ints)))
	fmt.Println(ints)
}
