// run

// strconv formatting: Itoa, FormatInt/FormatUint in several bases, FormatFloat with
// 'f', 'e', 'g', 'b', 'x' and precisions -1/0/n for 32 and 64 bits (shortest
// round-tripping output), FormatBool, Quote/QuoteToASCII/QuoteToGraphic/QuoteRune,
// CanBackquote, IsPrint, and the Append* variants.
package main

import (
	"fmt"
	"math"
	"strconv"
)

func main() {
	fmt.Println(strconv.Itoa(0), strconv.Itoa(-123), strconv.Itoa(math.MaxInt64), strconv.Itoa(math.MinInt64))
	for _, base := range []int{2, 8, 10, 16, 36} {
		fmt.Println(base, strconv.FormatInt(-255, base), strconv.FormatUint(math.MaxUint64, base), strconv.FormatInt(1e12, base))
	}
	floats := []float64{0, 1, -2.5, 0.1, 1.0 / 3, 123456789, 1e21, 1e-7, 5e-324, math.MaxFloat64, math.Inf(-1), math.NaN(), 100, 0.000123, 2.5, 3.5}
	for _, f := range floats {
		fmt.Println(strconv.FormatFloat(f, 'f', -1, 64), strconv.FormatFloat(f, 'e', -1, 64), strconv.FormatFloat(f, 'g', -1, 64),
			strconv.FormatFloat(f, 'f', 0, 64), strconv.FormatFloat(f, 'f', 3, 64), strconv.FormatFloat(f, 'e', 2, 64),
			strconv.FormatFloat(f, 'g', 4, 64), strconv.FormatFloat(f, 'G', 10, 64), strconv.FormatFloat(f, 'g', -1, 32),
			strconv.FormatFloat(f, 'b', -1, 64), strconv.FormatFloat(f, 'x', -1, 64), strconv.FormatFloat(f, 'X', 3, 64))
	}
	fmt.Println(strconv.FormatFloat(float64(float32(0.1)), 'g', -1, 32), strconv.FormatFloat(float64(float32(0.1)), 'g', -1, 64))
	fmt.Println(strconv.FormatFloat(1.005, 'f', 2, 64), strconv.FormatFloat(0.125, 'f', 2, 64), strconv.FormatFloat(0.375, 'f', 2, 64))
	fmt.Println(strconv.FormatBool(true), strconv.FormatBool(false))
	s := "héllo\n\t\"世界\" \x00\xff\u2028 ☺"
	fmt.Println(strconv.Quote(s))
	fmt.Println(strconv.QuoteToASCII(s))
	fmt.Println(strconv.QuoteToGraphic("\u00a0 tab\t"), strconv.Quote("\u00a0"))
	fmt.Println(strconv.QuoteRune('☺'), strconv.QuoteRuneToASCII('☺'), strconv.QuoteRune('\''), strconv.QuoteRune(0x10FFFF+1))
	fmt.Println(strconv.CanBackquote("a`b"), strconv.CanBackquote("plain text"), strconv.CanBackquote("tab\there"), strconv.CanBackquote("nl\n"))
	fmt.Println(strconv.IsPrint('a'), strconv.IsPrint('\u00ad'), strconv.IsPrint('\t'), strconv.IsGraphic('\u00a0'))
	b := []byte("n=")
	b = strconv.AppendInt(b, -42, 10)
	b = append(b, ' ')
	b = strconv.AppendUint(b, 42, 16)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, 1.5, 'e', 3, 64)
	b = append(b, ' ')
	b = strconv.AppendBool(b, true)
	b = append(b, ' ')
	b = strconv.AppendQuote(b, "q\"")
	b = strconv.AppendQuoteRune(b, 'r')
	fmt.Println(string(b))
}
