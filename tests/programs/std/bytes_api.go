// run

// The bytes package: Buffer (Write*, Read*, ReadString, ReadBytes, Next, UnreadByte,
// Truncate, Grow, WriteTo, ReadFrom, Len/Cap-free checks), and the slice functions that
// mirror strings (Equal, Compare, Contains, Index, Split, Fields, Join, Title-free case
// mapping, Trim, Replace, HasPrefix, Cut, Clone, EqualFold, Runes, Map, Count, Repeat),
// plus bytes.Reader and NewBufferString.
package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"
)

func main() {
	var buf bytes.Buffer
	buf.WriteString("hello ")
	buf.Write([]byte("world"))
	buf.WriteByte('\n')
	buf.WriteRune('é')
	fmt.Fprintf(&buf, " %d\nlast", 42)
	fmt.Printf("%q len=%d\n", buf.String(), buf.Len())
	line, err := buf.ReadString('\n')
	fmt.Printf("%q %v\n", line, err)
	b, _ := buf.ReadByte()
	fmt.Printf("%q %v\n", b, buf.UnreadByte())
	r, size, _ := buf.ReadRune()
	fmt.Printf("%q %d\n", r, size)
	fmt.Printf("%q\n", buf.Next(3))
	rest, err := buf.ReadBytes('\n')
	fmt.Printf("%q %v\n", rest, err)
	rest, err = buf.ReadBytes('\n')
	fmt.Printf("%q %v %d\n", rest, err, buf.Len())
	_, err = buf.ReadByte()
	fmt.Println(err)

	b2 := bytes.NewBufferString("0123456789")
	b2.Truncate(4)
	b2.Grow(100)
	fmt.Printf("%q %v\n", b2.String(), b2.Cap() >= 104)
	p := make([]byte, 3)
	n, _ := b2.Read(p)
	fmt.Printf("%d %q %q\n", n, p, b2.Bytes())
	var b3 bytes.Buffer
	m, err := b3.ReadFrom(strings.NewReader("from a reader\n"))
	fmt.Println(m, err)
	k, err := b3.WriteTo(os.Stdout)
	fmt.Println(k, err, b3.Len())
	b3.WriteString("again")
	b3.Reset()
	fmt.Println(b3.Len(), b3.String() == "")

	a, c := []byte("Go gopher"), []byte("go GOPHER")
	fmt.Println(bytes.Equal(a, c), bytes.EqualFold(a, c), bytes.Compare(a, c), bytes.Compare(nil, []byte{}), bytes.Equal(nil, []byte{}))
	fmt.Println(bytes.Contains(a, []byte("ph")), bytes.ContainsAny(a, "xyz"), bytes.ContainsRune(a, 'G'), bytes.Count(a, []byte("o")), bytes.Count(a, nil))
	fmt.Println(bytes.Index(a, []byte("gopher")), bytes.IndexByte(a, 'p'), bytes.LastIndex(a, []byte("o")), bytes.IndexAny(a, "hp"), bytes.IndexRune(a, 'h'), bytes.IndexFunc(a, unicode.IsSpace))
	fmt.Printf("%q\n", bytes.Split([]byte("a,b,c"), []byte(",")))
	fmt.Printf("%q\n", bytes.Fields([]byte("  one two\tthree\n")))
	fmt.Printf("%s\n", bytes.Join([][]byte{[]byte("x"), []byte("y"), []byte("z")}, []byte("--")))
	fmt.Printf("%s %s %s\n", bytes.ToUpper(a), bytes.ToLower(a), bytes.Title([]byte("big deal")))
	fmt.Printf("%q %q %q %q\n", bytes.TrimSpace([]byte("  pad \n")), bytes.Trim([]byte("xxaxx"), "x"), bytes.TrimPrefix([]byte("prefix.rest"), []byte("prefix.")), bytes.TrimRight([]byte("abc..."), "."))
	fmt.Printf("%s %s\n", bytes.Replace([]byte("aaaa"), []byte("a"), []byte("b"), 2), bytes.ReplaceAll([]byte("aaaa"), []byte("aa"), []byte("c")))
	fmt.Println(bytes.HasPrefix(a, []byte("Go")), bytes.HasSuffix(a, []byte("her")))
	before, after, found := bytes.Cut([]byte("k:v:w"), []byte(":"))
	fmt.Printf("%s %s %v\n", before, after, found)
	cl := bytes.Clone([]byte("clone"))
	cl[0] = 'C'
	fmt.Printf("%s %v %v\n", cl, bytes.Clone(nil) == nil, bytes.Clone([]byte{}) == nil)
	fmt.Println(bytes.Runes([]byte("héllo")), string(bytes.Repeat([]byte("ab"), 3)))
	fmt.Printf("%s\n", bytes.Map(func(r rune) rune {
		if r == 'o' {
			return '0'
		}
		return r
	}, a))

	br := bytes.NewReader([]byte("reader data"))
	first := make([]byte, 6)
	io.ReadFull(br, first)
	fmt.Printf("%q %d %d\n", first, br.Len(), br.Size())
	br.Seek(0, io.SeekStart)
	all, _ := io.ReadAll(br)
	fmt.Printf("%q\n", all)
}
