// run

// encoding/hex (EncodeToString, DecodeString and its errors, Dump, Dumper, AppendEncode),
// encoding/base64 (Std, URL, Raw variants, padding, the streaming encoder and decoder,
// CorruptInputError), encoding/base32 briefly, and encoding/csv (a Reader with quotes,
// embedded newlines and commas, Comma/Comment/FieldsPerRecord/LazyQuotes/TrimLeadingSpace,
// ParseError texts with line and column, FieldPos; a Writer quoting as needed, UseCRLF).
package main

import (
	"bytes"
	"encoding/base32"
	"encoding/base64"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	data := []byte("Hello, Gophers! \x00\x01\xfe\xff")
	h := hex.EncodeToString(data)
	fmt.Println(h)
	back, err := hex.DecodeString(h)
	fmt.Println(bytes.Equal(back, data), err)
	_, err = hex.DecodeString("abc")
	fmt.Println(err)
	_, err = hex.DecodeString("zz")
	fmt.Println(err)
	up, err := hex.DecodeString("DEADbeef")
	fmt.Println(up, err, string(hex.AppendEncode([]byte("x="), []byte{1, 255})))
	fmt.Print(hex.Dump(data))
	d := hex.Dumper(os.Stdout)
	d.Write([]byte("streamed "))
	d.Write([]byte("dump bytes"))
	d.Close()

	for _, s := range []string{"", "f", "fo", "foo", "foob", "fooba", "foobar", "\xff\xfe?>"} {
		fmt.Printf("%q std=%s url=%s raw=%s rawurl=%s\n", s, base64.StdEncoding.EncodeToString([]byte(s)), base64.URLEncoding.EncodeToString([]byte(s)),
			base64.RawStdEncoding.EncodeToString([]byte(s)), base64.RawURLEncoding.EncodeToString([]byte(s)))
	}
	dec, err := base64.StdEncoding.DecodeString("aGVsbG8gd29ybGQ=")
	fmt.Printf("%q %v\n", dec, err)
	_, err = base64.StdEncoding.DecodeString("aGVsbG8gd29ybGQ")
	var cie base64.CorruptInputError
	fmt.Println(err, errors.As(err, &cie), int64(cie))
	_, err = base64.StdEncoding.DecodeString("a$==")
	fmt.Println(err)
	dec, err = base64.StdEncoding.DecodeString("aGk=\n")
	fmt.Printf("%q %v %d %d\n", dec, err, base64.StdEncoding.EncodedLen(10), base64.RawStdEncoding.DecodedLen(14))
	var sb strings.Builder
	w := base64.NewEncoder(base64.StdEncoding, &sb)
	w.Write([]byte("stream"))
	w.Write([]byte("ing enc"))
	w.Close()
	fmt.Println(sb.String())
	all, err := io.ReadAll(base64.NewDecoder(base64.StdEncoding, strings.NewReader(sb.String())))
	fmt.Printf("%q %v\n", all, err)
	fmt.Println(base64.StdEncoding.WithPadding('*').EncodeToString([]byte("a")), base64.StdEncoding.Strict().EncodeToString([]byte("ok")))
	fmt.Println(base32.StdEncoding.EncodeToString([]byte("foobar")), base32.HexEncoding.WithPadding(base32.NoPadding).EncodeToString([]byte("f")))

	in := `name,age,"quote"
"Smith, John",42,"he said ""hi"""
"multi
line",7,
# a comment line
  spaced , x ,y
`
	r := csv.NewReader(strings.NewReader(in))
	r.Comment = '#'
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	fmt.Println(err)
	for _, rec := range recs {
		fmt.Printf("%d %q\n", len(rec), rec)
	}
	r = csv.NewReader(strings.NewReader("a;b;c\n1; 2;3\n"))
	r.Comma = ';'
	r.TrimLeadingSpace = true
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		line, col := r.FieldPos(1)
		fmt.Printf("%q field 1 at %d:%d offset %d\n", rec, line, col, r.InputOffset())
	}
	for _, bad := range []string{"a,b\n1,2,3\n", "a,\"b\nc", "a,b\"c\"\n", "x,\"y\"z\n"} {
		rr := csv.NewReader(strings.NewReader(bad))
		_, err := rr.ReadAll()
		var pe *csv.ParseError
		fmt.Println(err, errors.As(err, &pe), errors.Is(err, csv.ErrFieldCount), errors.Is(err, csv.ErrQuote), errors.Is(err, csv.ErrBareQuote))
	}
	lazy := csv.NewReader(strings.NewReader(`a "quoted" word,b` + "\n"))
	lazy.LazyQuotes = true
	rec, err := lazy.Read()
	fmt.Printf("%q %v\n", rec, err)

	cw := csv.NewWriter(os.Stdout)
	cw.WriteAll([][]string{{"plain", "with,comma", "with \"quote\"", "new\nline", " lead", ""}, {"#", "a"}})
	cw.UseCRLF = true
	cw.Comma = '\t'
	cw.Write([]string{"tab\tsep", "x"})
	cw.Flush()
	fmt.Println(cw.Error())
}
