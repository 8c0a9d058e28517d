// run

// About 20 MB of generated lines flow from a writer goroutine through an io.Pipe and a
// bufio.Writer into a bufio.Scanner; each line is rewritten through a second
// bufio.Writer into a SHA-256 hash. The program prints the line and byte counts, the
// longest line (one 100 KB line needs Scanner.Buffer), word counts from a ScanWords
// scanner, and the digest. A default Scanner stops at the long line with ErrTooLong.
package main

import (
	"bufio"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

const lines = 400000

func generate(w *io.PipeWriter) {
	bw := bufio.NewWriterSize(w, 64*1024)
	var line []byte
	for i := 0; i < lines; i++ {
		line = line[:0]
		line = append(line, "record "...)
		line = strconv.AppendInt(line, int64(i), 10)
		line = append(line, " value="...)
		line = strconv.AppendInt(line, int64(i*i%1000003), 16)
		line = append(line, " payload="...)
		for j := 0; j < i%7; j++ {
			line = append(line, "abcdef"...)
		}
		if i == lines/2 {
			line = append(line, strings.Repeat("x", 100*1024)...)
		}
		line = append(line, '\n')
		bw.Write(line)
	}
	err := bw.Flush()
	w.CloseWithError(err)
}

func main() {
	pr, pw := io.Pipe()
	go generate(pw)

	h := sha256.New()
	out := bufio.NewWriter(h)
	sc := bufio.NewScanner(pr)
	sc.Buffer(make([]byte, 4096), 1<<20)
	n, total, longest := 0, 0, 0
	for sc.Scan() {
		b := sc.Bytes()
		n++
		total += len(b) + 1
		longest = max(longest, len(b))
		out.Write(b[:len(b)/2])
		out.WriteByte('|')
		out.WriteString(strconv.Itoa(len(b)))
		out.WriteByte('\n')
	}
	fmt.Println("scan err:", sc.Err())
	fmt.Println("flush err:", out.Flush())
	fmt.Println("lines:", n, "bytes:", total, "longest:", longest)
	fmt.Printf("sha256: %x\n", h.Sum(nil))

	// Words, with the default buffer, on a smaller stream.
	pr2, pw2 := io.Pipe()
	go func() {
		bw := bufio.NewWriter(pw2)
		for i := 0; i < 20000; i++ {
			fmt.Fprintf(bw, "w%d  w%d\tend\n", i%10, i%3)
		}
		bw.Flush()
		pw2.Close()
	}()
	ws := bufio.NewScanner(pr2)
	ws.Split(bufio.ScanWords)
	counts := map[string]int{}
	for ws.Scan() {
		counts[ws.Text()]++
	}
	fmt.Println(counts["w0"], counts["w1"], counts["w9"], counts["end"], len(counts), ws.Err())

	// The default limit: a 70 KB line is too long.
	pr3, pw3 := io.Pipe()
	go func() {
		io.WriteString(pw3, "short\n"+strings.Repeat("y", 70*1024)+"\nafter\n")
		pw3.Close()
	}()
	ds := bufio.NewScanner(pr3)
	for ds.Scan() {
		fmt.Println("token of", len(ds.Text()), "bytes")
	}
	fmt.Println(ds.Err(), errors.Is(ds.Err(), bufio.ErrTooLong))
	pr3.CloseWithError(errors.New("reader gave up"))
}
