// run

// regexp (RE2 syntax): MatchString, FindString/FindStringIndex/FindStringSubmatch/
// FindAllString with limits, named groups (SubexpNames, SubexpIndex), ReplaceAllString
// with $1 and ${name} expansion, ReplaceAllLiteralString, ReplaceAllStringFunc, Split,
// the byte-slice forms, flags ((?i), (?m), (?s)), anchors and word boundaries, Unicode
// classes, greedy versus lazy repetition, leftmost-longest (POSIX), QuoteMeta,
// LiteralPrefix, NumSubexp, String, Expand, and compile errors.
package main

import (
	"fmt"
	"regexp"
	"strings"
)

func main() {
	re := regexp.MustCompile(`(\w+)@(\w+)\.com`)
	s := "alice@example.com, bob@test.com; carol@site.org"
	fmt.Println(re.MatchString(s), re.FindString(s), re.FindStringIndex(s))
	fmt.Printf("%q\n", re.FindStringSubmatch(s))
	fmt.Println(re.FindStringSubmatchIndex(s))
	fmt.Printf("%q %q %q\n", re.FindAllString(s, -1), re.FindAllString(s, 1), re.FindAllStringSubmatch(s, -1))
	fmt.Println(re.FindAllStringIndex(s, -1), re.NumSubexp(), re.String())
	fmt.Println(re.ReplaceAllString(s, "$2:$1"), "|", re.ReplaceAllString(s, "${1}_x"), "|", re.ReplaceAllString(s, "$1x"))
	fmt.Println(re.ReplaceAllLiteralString(s, "$1"), "|", re.ReplaceAllStringFunc(s, strings.ToUpper))

	date := regexp.MustCompile(`(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})`)
	m := date.FindStringSubmatch("due 2024-03-15 and 2025-01-02")
	for i, name := range date.SubexpNames() {
		fmt.Printf("[%d %q %q] ", i, name, m[i])
	}
	fmt.Println(date.SubexpIndex("month"), date.SubexpIndex("none"))
	fmt.Println(date.ReplaceAllString("2024-03-15", "${day}/${month}/${year}"))
	var dst []byte
	for _, sm := range date.FindAllStringSubmatchIndex("2024-03-15 2025-01-02", -1) {
		dst = date.ExpandString(dst, "$day.$month.$year;", "2024-03-15 2025-01-02", sm)
	}
	fmt.Println(string(dst))

	fmt.Printf("%q\n", regexp.MustCompile(`\s*[,;]\s*`).Split("a , b;c ,d", -1))
	fmt.Printf("%q\n", regexp.MustCompile(`x*`).Split("axbxxc", -1))
	fmt.Printf("%q\n", regexp.MustCompile(`,`).Split("a,b,c,d", 2))
	ok, err := regexp.MatchString(`^\d+$`, "12345")
	fmt.Println(ok, err)
	fmt.Println(regexp.MustCompile(`(?i)hello`).FindAllString("Hello HELLO hello hElLo", -1))
	fmt.Printf("%q\n", regexp.MustCompile(`(?m)^\w+`).FindAllString("first line\nsecond line\nthird", -1))
	fmt.Printf("%q %q\n", regexp.MustCompile(`a.b`).FindString("a\nb"), regexp.MustCompile(`(?s)a.b`).FindString("a\nb"))
	fmt.Printf("%v\n", regexp.MustCompile(`\bgo\b`).FindAllStringIndex("go gopher ago go", -1))
	fmt.Printf("%q\n", regexp.MustCompile(`\p{Greek}+|\p{Han}+`).FindAllString("abc αβγ 世界 def", -1))
	fmt.Printf("%q %q\n", regexp.MustCompile(`<.+>`).FindString("<a><b>"), regexp.MustCompile(`<.+?>`).FindString("<a><b>"))
	posix := regexp.MustCompilePOSIX(`a|ab`)
	fmt.Printf("%q %q\n", regexp.MustCompile(`a|ab`).FindString("ab"), posix.FindString("ab"))
	longest := regexp.MustCompile(`a+?`)
	longest.Longest()
	fmt.Printf("%q\n", longest.FindString("aaa"))
	fmt.Println(regexp.QuoteMeta(`1.5+2*[x]?`), regexp.MustCompile(regexp.QuoteMeta("a.b")).MatchString("axb"))
	prefix, complete := regexp.MustCompile(`hello(world)?`).LiteralPrefix()
	fmt.Println(prefix, complete)
	fmt.Printf("%s|%q|%v\n", regexp.MustCompile(`o+`).ReplaceAll([]byte("foo boo"), []byte("0")), regexp.MustCompile(`\d`).Find([]byte("ab3c")), regexp.MustCompile(`b`).Match([]byte("abc")))
	fmt.Printf("%q\n", regexp.MustCompile(`(a)(x)?`).FindStringSubmatch("a"))
	fmt.Println(regexp.MustCompile(`(a)(x)?`).FindStringSubmatchIndex("a"))
	fmt.Printf("%q\n", regexp.MustCompile(``).FindAllString("abc", -1))
	fmt.Println(regexp.MustCompile(`[[:alpha:]]+`).FindAllString("abc123def", -1), regexp.MustCompile(`[^[:space:]]+`).FindAllString(" x  yz ", -1))
	fmt.Println(regexp.MustCompile(`^[a-z]+\[[0-9]+\]$`).MatchString("adam[23]"), regexp.MustCompile(`(?U)a+`).FindString("aaa"))

	for _, bad := range []string{`a(b`, `a[b`, `*a`, `a{2,1}`, `(?P<n>a)(?P<n>b)`, `\8`, `a**`, `(?<name>x)y`} {
		_, err := regexp.Compile(bad)
		fmt.Printf("%q: %v\n", bad, err)
	}
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		regexp.MustCompile(`(`)
	}()
}
