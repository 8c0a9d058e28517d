// Strconv-builder formats numbers into a strings.Builder with strconv, parses
// them back, and checks the round trip: a benchmark of small string and number
// conversions.
//
// Usage: strconv-builder [n] (default 500000).
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

func main() {
	n := 500000
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil || v <= 0 {
			fmt.Fprintln(os.Stderr, "usage: strconv-builder [n]")
			os.Exit(2)
		}
		n = v
	}
	var b strings.Builder
	var intSum int64
	var floatSum float64
	var textLen, quoted int
	for i := range n {
		b.Reset()
		x := int64(i)*2654435761%1000003 - 500000
		f := float64(x) / 7.25
		b.WriteString("item-")
		b.WriteString(strconv.Itoa(i))
		b.WriteByte(' ')
		b.WriteString(strconv.FormatInt(x, 16))
		b.WriteByte(' ')
		b.WriteString(strconv.FormatFloat(f, 'g', -1, 64))
		b.WriteByte(' ')
		b.WriteString(strconv.Quote("k" + strconv.Itoa(i%1000) + "\t\u00e9\x01"))
		s := b.String()
		textLen += len(s)

		fields := strings.Fields(s)
		if len(fields) != 4 {
			fmt.Fprintln(os.Stderr, "bad fields:", s)
			os.Exit(1)
		}
		y, err := strconv.ParseInt(fields[1], 16, 64)
		if err != nil || y != x {
			fmt.Fprintln(os.Stderr, "int round trip failed:", s)
			os.Exit(1)
		}
		g, err := strconv.ParseFloat(fields[2], 64)
		if err != nil || g != f {
			fmt.Fprintln(os.Stderr, "float round trip failed:", s)
			os.Exit(1)
		}
		u, err := strconv.Unquote(fields[3])
		if err != nil {
			fmt.Fprintln(os.Stderr, "unquote failed:", s)
			os.Exit(1)
		}
		intSum += y
		floatSum += g
		quoted += len(u)
	}
	fmt.Printf("n=%d bytes=%d ints=%d floats=%.6e quoted=%d\n", n, textLen, intSum, floatSum, quoted)
}
