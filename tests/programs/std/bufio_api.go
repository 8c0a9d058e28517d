// run

// bufio's Reader and Writer API over in-memory readers: ReadString, ReadLine (with a
// line longer than the buffer: isPrefix), ReadBytes, ReadRune/UnreadRune, Peek, Discard,
// Buffered, ReadSlice's ErrBufferFull, Reset; Writer's Buffered/Available, automatic
// flushing of large writes, ReadFrom, WriteRune, and a Writer over a failing writer
// keeping its error; Scanner with ScanRunes, ScanBytes, a custom split function, and
// lines without a final newline or with CRLF.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

type failAfter struct{ n int }

func (f *failAfter) Write(p []byte) (int, error) {
	if f.n <= 0 {
		return 0, errors.New("disk full")
	}
	f.n--
	return len(p), nil
}

func main() {
	r := bufio.NewReaderSize(strings.NewReader("first line\nsecond\r\n"+strings.Repeat("z", 40)+"\nno newline"), 16)
	fmt.Println(r.Size())
	s, err := r.ReadString('\n')
	fmt.Printf("%q %v\n", s, err)
	line, isPrefix, err := r.ReadLine()
	fmt.Printf("%q %v %v\n", line, isPrefix, err)
	for {
		line, isPrefix, err = r.ReadLine()
		fmt.Printf("%q %v %v\n", line, isPrefix, err)
		if !isPrefix || err != nil {
			break
		}
	}
	b, err := r.ReadBytes('\n')
	fmt.Printf("%q %v\n", b, err)
	_, err = r.ReadByte()
	fmt.Println(err)

	r2 := bufio.NewReaderSize(strings.NewReader("héllo wörld, "+strings.Repeat("abc", 10)), 16)
	p, err := r2.Peek(3)
	fmt.Printf("%q %v %d\n", p, err, r2.Buffered())
	ch, size, _ := r2.ReadRune()
	ch2, size2, _ := r2.ReadRune()
	fmt.Printf("%q %d %q %d %v\n", ch, size, ch2, size2, r2.UnreadRune())
	n, err := r2.Discard(4)
	fmt.Println(n, err)
	_, err = r2.Peek(100)
	fmt.Println(err)
	sl, err := r2.ReadSlice('!')
	fmt.Printf("%q %v\n", sl, err)
	r2.Reset(strings.NewReader("reset"))
	rest, _ := io.ReadAll(r2)
	fmt.Printf("%q\n", rest)

	var out bytes.Buffer
	w := bufio.NewWriterSize(&out, 8)
	w.WriteString("abc")
	fmt.Println(w.Buffered(), w.Available(), out.Len())
	w.WriteString("defghij")
	fmt.Println(w.Buffered(), w.Available(), out.Len())
	w.WriteRune('€')
	w.WriteByte('!')
	w.Write([]byte(strings.Repeat("L", 20)))
	fmt.Println(w.Buffered(), out.Len())
	m, err := w.ReadFrom(strings.NewReader(" from reader"))
	fmt.Println(m, err, w.Flush(), out.String())

	fw := bufio.NewWriterSize(&failAfter{1}, 4)
	fw.WriteString("1234")
	fw.WriteString("5678")
	_, err = fw.WriteString("9")
	fmt.Println(err, fw.Flush(), fw.Buffered())

	rs := bufio.NewScanner(strings.NewReader("añ€"))
	rs.Split(bufio.ScanRunes)
	for rs.Scan() {
		fmt.Printf("%q ", rs.Text())
	}
	bs := bufio.NewScanner(strings.NewReader("hi"))
	bs.Split(bufio.ScanBytes)
	for bs.Scan() {
		fmt.Printf("%v ", bs.Bytes())
	}
	fmt.Println()
	ls := bufio.NewScanner(strings.NewReader("a\r\nb\n\nc"))
	for ls.Scan() {
		fmt.Printf("%q ", ls.Text())
	}
	fmt.Println(ls.Err())
	cs := bufio.NewScanner(strings.NewReader("1,22,,333,4444"))
	cs.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		if i := bytes.IndexByte(data, ','); i >= 0 {
			return i + 1, data[:i], nil
		}
		if atEOF && len(data) > 0 {
			return len(data), data, nil
		}
		return 0, nil, nil
	})
	for cs.Scan() {
		fmt.Printf("[%s]", cs.Text())
	}
	fmt.Println()
	es := bufio.NewScanner(strings.NewReader("ok stop never"))
	es.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		adv, tok, err := bufio.ScanWords(data, atEOF)
		if string(tok) == "stop" {
			return 0, nil, errors.New("stop word")
		}
		return adv, tok, err
	})
	for es.Scan() {
		fmt.Println("word", es.Text())
	}
	fmt.Println(es.Err())
	rw := bufio.NewReadWriter(bufio.NewReader(strings.NewReader("in")), bufio.NewWriter(&out))
	got, _ := rw.ReadString(0)
	rw.WriteString("|rw")
	rw.Flush()
	fmt.Println(got, out.String())
}
