// run

// strconv parsing: Atoi, ParseInt with bases 0/2/8/16/36 and bit sizes, ParseUint,
// ParseFloat (exponents, hex floats, underscores, inf/nan, rounding to float32),
// ParseBool, Unquote/UnquoteChar, QuotedPrefix, and the *NumError texts and errors.Is
// against ErrRange / ErrSyntax.
package main

import (
	"errors"
	"fmt"
	"strconv"
)

func main() {
	for _, s := range []string{"42", "-17", "+8", " 1", "1e3", "", "99999999999999999999", "0x10", "1_000"} {
		n, err := strconv.Atoi(s)
		fmt.Printf("Atoi(%q) = %d, %v\n", s, n, err)
	}
	cases := []struct {
		s    string
		base int
		bits int
	}{
		{"ff", 16, 64}, {"-0x1F", 0, 64}, {"0b1011", 0, 8}, {"0o17", 0, 64}, {"017", 0, 64}, {"1_000_000", 0, 64},
		{"zz", 36, 64}, {"128", 10, 8}, {"-128", 10, 8}, {"-129", 10, 8}, {"9223372036854775807", 10, 64},
		{"9223372036854775808", 10, 64}, {"12", 2, 64}, {"1_000", 10, 64}, {"7fffffff", 16, 32}, {"z", 37, 64},
	}
	for _, c := range cases {
		n, err := strconv.ParseInt(c.s, c.base, c.bits)
		fmt.Printf("ParseInt(%q, %d, %d) = %d, %v\n", c.s, c.base, c.bits, n, err)
	}
	for _, s := range []string{"18446744073709551615", "18446744073709551616", "-1", "255"} {
		u, err := strconv.ParseUint(s, 10, 64)
		u8, err8 := strconv.ParseUint(s, 10, 8)
		fmt.Println(u, err, u8, err8)
	}
	for _, s := range []string{"3.14159", "-0", "1e308", "1e309", "-1e400", "4.9e-324", "1e-400", "0x1.8p3", "1_000.5", "inf", "-Infinity", "NaN", ".5", "5.", "1e", "0.1", "abc", "+1.5E-3"} {
		f, err := strconv.ParseFloat(s, 64)
		f32, err32 := strconv.ParseFloat(s, 32)
		fmt.Printf("ParseFloat(%q) = %v, %v | 32: %v, %v\n", s, f, err, f32, err32)
	}
	for _, s := range []string{"1", "t", "T", "TRUE", "true", "True", "0", "f", "FALSE", "yes"} {
		b, err := strconv.ParseBool(s)
		fmt.Println(s, b, err)
	}
	for _, s := range []string{`"hello\n\t\"x\""`, "`raw\\n`", `'a'`, `'\u00e9'`, `"\x41\101\u0042"`, `"unterminated`, `'ab'`, `"\q"`} {
		u, err := strconv.Unquote(s)
		fmt.Printf("Unquote(%s) = %q, %v\n", s, u, err)
	}
	v, mb, tail, err := strconv.UnquoteChar(`\u263ax`, '"')
	fmt.Printf("%q %v %q %v\n", v, mb, tail, err)
	p, err := strconv.QuotedPrefix(`"abc\"d" rest`)
	fmt.Printf("%s %v\n", p, err)

	_, err = strconv.ParseInt("300", 10, 8)
	var ne *strconv.NumError
	fmt.Println(errors.As(err, &ne), ne.Func, ne.Num, ne.Err, errors.Is(err, strconv.ErrRange), errors.Is(err, strconv.ErrSyntax))
	_, err = strconv.ParseFloat("x1", 64)
	fmt.Println(err, errors.Is(err, strconv.ErrSyntax))
	_, err = strconv.ParseInt("1", 1, 64)
	fmt.Println(err)
	_, err = strconv.ParseInt("1", 10, 65)
	fmt.Println(err)
}
