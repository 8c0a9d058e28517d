// run

// The strings package beyond the basics: Builder (Grow, Len, WriteRune/Byte/String),
// Reader (Read, ReadRune, UnreadRune, Seek, Len), Replacer, Fields/FieldsFunc,
// SplitAfter/SplitAfterN, Cut/CutPrefix/CutSuffix, Index*/LastIndex* variants,
// ContainsAny/ContainsRune/ContainsFunc, Trim* variants, Title-free case mapping
// (ToTitle, ToValidUTF8, EqualFold), Map dropping runes, Lines/SplitSeq/FieldsSeq
// iterators, Clone and Compare.
package main

import (
	"fmt"
	"io"
	"strings"
	"unicode"
)

func main() {
	var b strings.Builder
	b.Grow(64)
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&b, "%d:", i)
		b.WriteString("go")
		b.WriteByte(' ')
	}
	b.WriteRune('世')
	fmt.Printf("%q len=%d\n", b.String(), b.Len())
	b.Reset()
	fmt.Printf("%q %d\n", b.String(), b.Len())

	r := strings.NewReader("héllo, world")
	buf := make([]byte, 4)
	n, err := r.Read(buf)
	fmt.Printf("%d %v %q remaining=%d size=%d\n", n, err, buf[:n], r.Len(), r.Size())
	ch, size, _ := r.ReadRune()
	fmt.Printf("%q %d\n", ch, size)
	fmt.Println(r.UnreadRune(), r.UnreadRune())
	pos, _ := r.Seek(-5, io.SeekEnd)
	rest, _ := io.ReadAll(r)
	fmt.Printf("%d %q\n", pos, rest)
	n, err = r.Read(buf)
	fmt.Println(n, err)
	at := make([]byte, 5)
	n, err = r.ReadAt(at, 7)
	fmt.Printf("%d %v %q\n", n, err, at[:n])

	rep := strings.NewReplacer("<", "&lt;", ">", "&gt;", "&", "&amp;")
	fmt.Println(rep.Replace("<a href=\"x\">T&C</a>"))
	rep2 := strings.NewReplacer("a", "1", "aa", "2", "aaa", "3")
	fmt.Println(rep2.Replace("aaaa"), strings.NewReplacer("", "-").Replace("abc"))

	fmt.Printf("%q\n", strings.FieldsFunc("a1b22c333;;d", func(r rune) bool { return unicode.IsDigit(r) || r == ';' }))
	fmt.Printf("%q %q\n", strings.SplitAfter("a,b,c", ","), strings.SplitAfterN("a,b,c", ",", 2))
	fmt.Printf("%q %q %q %q\n", strings.Split("abc", ""), strings.Split("", ","), strings.SplitN("a,b", ",", 0), strings.Fields(" \t\n "))
	for _, s := range []string{"key=value=x", "novalue"} {
		k, v, ok := strings.Cut(s, "=")
		fmt.Printf("%q %q %v\n", k, v, ok)
	}
	after, ok := strings.CutPrefix("v1.2.3", "v")
	before, ok2 := strings.CutSuffix("file.tar.gz", ".gz")
	fmt.Println(after, ok, before, ok2)

	s := "chicken kitchen"
	fmt.Println(strings.Index(s, "ken"), strings.LastIndex(s, "ken"), strings.IndexAny(s, "xyzn"), strings.LastIndexAny(s, "ck"),
		strings.IndexByte(s, 'k'), strings.LastIndexByte(s, 'k'), strings.IndexRune("日本語", '語'), strings.IndexFunc(s, unicode.IsSpace),
		strings.LastIndexFunc(s, func(r rune) bool { return r == 'c' }), strings.Index(s, ""), strings.Index(s, "zz"))
	fmt.Println(strings.ContainsAny("hello", "xyz"), strings.ContainsAny("hello", "ol"), strings.ContainsRune("abc", 'b'),
		strings.ContainsFunc("abc1", unicode.IsDigit), strings.Contains("", ""), strings.Count("aaaa", "aa"))
	fmt.Printf("%q %q %q %q\n", strings.TrimRight("xxhixx", "x"), strings.TrimSuffix("a.go.go", ".go"),
		strings.TrimFunc("123abc456", unicode.IsDigit), strings.TrimLeftFunc("  \tx ", unicode.IsSpace))
	fmt.Println(strings.ToTitle("loud ǆ"), strings.ToUpper("ǆ straße"), strings.ToLower("İSTANBUL"), strings.EqualFold("Straße", "STRASSE"), strings.EqualFold("ǅ", "ǆ"))
	fmt.Printf("%q\n", strings.ToValidUTF8("a\xffb\xfe\xfdc", "?"))
	fmt.Println(strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) {
			return -1
		}
		return unicode.ToUpper(r)
	}, "hi, there! ok?"))
	fmt.Println(strings.Compare("a", "a"), strings.Compare("b", "a"), strings.Clone("clone"), strings.Repeat("-", 0) == "")
	fmt.Println(strings.Title("hello wide world"), strings.ToUpper(strings.Repeat("ab", 2)))

	for line := range strings.Lines("one\ntwo\n\nthree") {
		fmt.Printf("%q ", line)
	}
	fmt.Println()
	for part := range strings.SplitSeq("a-b--c", "-") {
		fmt.Printf("[%s]", part)
	}
	for f := range strings.FieldsSeq("  x  y z ") {
		fmt.Printf("<%s>", f)
	}
	fmt.Println()
}
