// run

// The io package's helpers: Copy, CopyN, CopyBuffer, ReadAll, ReadFull/ReadAtLeast with
// their ErrUnexpectedEOF/EOF/ErrShortBuffer, LimitReader, TeeReader, MultiReader,
// MultiWriter, SectionReader (ReadAt, Seek), OffsetWriter, Pipe (with CloseWithError),
// NopCloser, Discard, WriteString, NewSectionReader's Outer, and a custom Reader
// returning data and EOF together.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

type countingWriter struct{ n int }

func (c *countingWriter) Write(p []byte) (int, error) {
	c.n += len(p)
	return len(p), nil
}

// oneShot returns all its data together with io.EOF in one call.
type oneShot struct{ done bool }

func (o *oneShot) Read(p []byte) (int, error) {
	if o.done {
		return 0, io.EOF
	}
	o.done = true
	return copy(p, "data+eof"), io.EOF
}

func main() {
	var buf bytes.Buffer
	n, err := io.Copy(&buf, strings.NewReader("copy me"))
	fmt.Println(n, err, buf.String())
	n, err = io.CopyN(&buf, strings.NewReader("12345"), 3)
	fmt.Println(n, err, buf.String())
	n, err = io.CopyN(&buf, strings.NewReader("12"), 3)
	fmt.Println(n, err)
	n, err = io.CopyBuffer(os.Stdout, strings.NewReader("via CopyBuffer\n"), make([]byte, 4))
	fmt.Println(n, err)

	all, err := io.ReadAll(io.LimitReader(strings.NewReader("limited reader"), 7))
	fmt.Printf("%q %v\n", all, err)
	p := make([]byte, 5)
	k, err := io.ReadFull(strings.NewReader("abc"), p)
	fmt.Println(k, err, errors.Is(err, io.ErrUnexpectedEOF))
	k, err = io.ReadFull(strings.NewReader(""), p)
	fmt.Println(k, err)
	k, err = io.ReadAtLeast(strings.NewReader("abcdef"), p, 2)
	fmt.Println(k, err)
	k, err = io.ReadAtLeast(strings.NewReader("abc"), make([]byte, 1), 2)
	fmt.Println(k, err)
	all, err = io.ReadAll(&oneShot{})
	fmt.Printf("%q %v\n", all, err)

	var tee bytes.Buffer
	tr := io.TeeReader(strings.NewReader("tee"), &tee)
	io.ReadAll(tr)
	fmt.Println(tee.String())
	mr := io.MultiReader(strings.NewReader("one "), strings.NewReader(""), strings.NewReader("two"))
	all, _ = io.ReadAll(mr)
	fmt.Printf("%q\n", all)
	var a, b bytes.Buffer
	cw := &countingWriter{}
	mw := io.MultiWriter(&a, &b, cw)
	io.WriteString(mw, "fan out")
	fmt.Println(a.String(), b.String(), cw.n)

	sr := io.NewSectionReader(strings.NewReader("0123456789"), 2, 5)
	at := make([]byte, 3)
	k, err = sr.ReadAt(at, 3)
	fmt.Printf("%d %v %q size=%d\n", k, err, at[:k], sr.Size())
	pos, _ := sr.Seek(1, io.SeekStart)
	all, _ = io.ReadAll(sr)
	rdr, off, size := sr.Outer()
	fmt.Printf("%d %q %v %d %d\n", pos, all, rdr != nil, off, size)

	dst := make([]byte, 8)
	copy(dst, "........")
	ow := io.NewOffsetWriter(writerAt(dst), 3)
	ow.Write([]byte("ab"))
	ow.WriteAt([]byte("Z"), 4)
	fmt.Printf("%q\n", dst)

	pr, pw := io.Pipe()
	go func() {
		for i := 0; i < 3; i++ {
			fmt.Fprintf(pw, "chunk%d;", i)
		}
		pw.CloseWithError(errors.New("producer failed"))
	}()
	data, err := io.ReadAll(pr)
	fmt.Printf("%q %v\n", data, err)
	pr2, pw2 := io.Pipe()
	pr2.Close()
	_, err = pw2.Write([]byte("x"))
	fmt.Println(err, errors.Is(err, io.ErrClosedPipe))

	rc := io.NopCloser(strings.NewReader("x"))
	fmt.Println(rc.Close())
	n, err = io.Copy(io.Discard, strings.NewReader(strings.Repeat("d", 10000)))
	fmt.Println(n, err)
	k, err = io.WriteString(&buf, "!")
	fmt.Println(k, err, buf.String())
	fmt.Println(io.EOF, io.ErrShortWrite, io.ErrNoProgress, io.SeekCurrent)
}

type writerAt []byte

func (w writerAt) WriteAt(p []byte, off int64) (int, error) {
	return copy(w[off:], p), nil
}
