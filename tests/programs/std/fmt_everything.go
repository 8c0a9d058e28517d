// run

// fmt end to end: structs, nested and embedded structs, pointers to structs (&{...}),
// maps (printed sorted by key, whatever the key type), slices and arrays, errors, nil
// values of every kind, and Stringer / GoStringer / Formatter types, under %v %+v %#v %T
// %q %x %X %o %O %b %e %E %f %g %G %s %c %U %t; widths, precisions and flags (%-8d|,
// %08.3f, %+d, % x, %#x, %*d, %.*f), explicit argument indexes (%[2]d), bad verbs, missing
// and extra arguments, bad indexes and widths; Sprint/Sprintln spacing, Errorf with one
// and two %w, Append*, Fprint to stderr, and Sscan/Sscanf.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
)

type Point struct {
	X, Y int
}

type Base struct {
	ID   int
	note string
}

type Shape struct {
	Base
	Name   string
	Center Point
	Tags   []string
	Attrs  map[string]float64
	Parent *Shape
	Any    any
	Err    error
}

type Level int

func (l Level) String() string {
	switch l {
	case 0:
		return "DEBUG"
	case 1:
		return "INFO"
	}
	return fmt.Sprintf("Level(%d)", int(l))
}

type Secret string

func (Secret) GoString() string { return `Secret("***")` }
func (s Secret) String() string { return "secret:" + string(s) }

// Money implements fmt.Formatter and reports what it was asked for.
type Money struct {
	Cents int64
}

func (m Money) Format(f fmt.State, verb rune) {
	w, wok := f.Width()
	p, pok := f.Precision()
	fmt.Fprintf(f, "Money[%c w=%d/%t p=%d/%t +%t -%t #%t 0%t sp%t](%d.%02d)",
		verb, w, wok, p, pok, f.Flag('+'), f.Flag('-'), f.Flag('#'), f.Flag('0'), f.Flag(' '),
		m.Cents/100, m.Cents%100)
}

// Echo uses fmt.FormatString to rebuild the directive it was called with.
type Echo struct{}

func (Echo) Format(f fmt.State, verb rune) { io.WriteString(f, "<"+fmt.FormatString(f, verb)+">") }

type MyErr struct{ Code int }

// ErrCode is an error of a non-pointer type, so that %#v of it prints no address.
type ErrCode string

func (e ErrCode) Error() string { return "code " + string(e) }

func (e *MyErr) Error() string { return fmt.Sprintf("myerr %d", e.Code) }

type Key struct {
	A string
	B int
}

func section(name string) { fmt.Println("--", name) }

func main() {
	section("structs")
	s := Shape{
		Base:   Base{ID: 7, note: "n"},
		Name:   "square",
		Center: Point{1, -2},
		Tags:   []string{"a", "b c"},
		Attrs:  map[string]float64{"w": 2.5, "h": 1, "area": 2.5},
		Any:    Level(1),
		Err:    ErrCode("broken"),
	}
	fmt.Printf("%v\n", s)
	fmt.Printf("%+v\n", s)
	fmt.Printf("%#v\n", s)
	fmt.Printf("%v\n%+v\n", &s.Center, &s.Base)
	fmt.Printf("%#v\n", &s.Center)
	fmt.Printf("%T %T %T %T\n", s, &s, s.Base, s.Attrs)
	fmt.Println(s.Center, &s.Center, []Point{{1, 2}, {3, 4}}, [2]bool{true})
	fmt.Printf("%v|%6v|%-6v|%06v\n", Point{1, 2}, Point{1, 2}, Point{1, 2}, Point{-1, 2})
	anon := struct {
		A int
		B string
	}{1, "x"}
	fmt.Printf("%v %+v %#v %T\n", anon, anon, anon, anon)

	section("maps")
	fmt.Println(map[string]int{"zeta": 1, "alpha": 2, "mid": 3})
	fmt.Println(map[int]string{10: "ten", -1: "neg", 2: "two"})
	fmt.Println(map[float64]bool{2.5: true, -1: false, 0: true})
	fmt.Println(map[bool]int{true: 1, false: 0})
	fmt.Println(map[Key]int{{"b", 1}: 1, {"a", 2}: 2, {"a", 1}: 3})
	// Keys of one dynamic type: fmt orders different dynamic types by the addresses
	// of their type descriptors, which are the linker's choice.
	fmt.Println(map[any]int{"s": 1, "b": 2, "a": 4}, map[any]int{2: 2, 1: 3})
	fmt.Println(map[[2]int]string{{2, 1}: "x", {1, 9}: "y"})
	fmt.Printf("%#v\n", map[string][]int{"b": {2}, "a": {1, 1}})
	fmt.Printf("%v %#v\n", &map[string]int{"k": 1}, map[Level]int{1: 1, 0: 0})

	section("slices and arrays")
	xs := []int{1, -2, 30}
	fmt.Printf("%v %d %x %X %o %b %#v %T\n", xs, xs, xs, xs, xs, xs, xs, xs)
	fmt.Printf("%5d|%-5d|%05d\n", xs, xs, xs)
	fmt.Printf("%v %+v %#v\n", [3]string{"a", "", "c"}, []any{1, "a", nil, 2.5, Point{}}, []any{1, "a", nil, 2.5})
	bs := []byte("hi\x00\xff")
	fmt.Printf("%v %s %q %x %X % x %#x %# x\n", bs, bs, bs, bs, bs, bs, bs, bs)
	fmt.Printf("%v %#v %T\n", [3]byte{1, 2, 3}, [3]byte{1, 2, 3}, [3]byte{})
	fmt.Printf("%q %x %s\n", []string{"a\tb", "é", `"`}, []string{"ab", "c"}, []string{"x", "y"})
	fmt.Printf("%v %v\n", &xs, &[2]string{"p", "q"})
	fmt.Printf("%v %.2f %5.1f\n", []float64{1, 2.5, 1e21}, []float64{1, 2.555}, [2]float32{1.25, -3})

	section("nil values")
	var nilMap map[string]int
	var nilSlice []int
	var nilPtr *Point
	var nilErr error
	var nilAny any
	var nilFunc func(int) string
	var nilChan chan int
	var nilMyErr *MyErr
	fmt.Println(nilMap, nilSlice, nilPtr, nilErr, nilAny, nilFunc == nil, nilChan)
	fmt.Printf("%v|%v|%v|%v|%v|%v|%v\n", nilMap, nilSlice, nilPtr, nilErr, nilAny, nilFunc, nilChan)
	fmt.Printf("%+v|%+v|%+v|%+v|%+v\n", nilMap, nilSlice, nilPtr, nilErr, nilAny)
	fmt.Printf("%#v|%#v|%#v|%#v|%#v|%#v|%#v\n", nilMap, nilSlice, nilPtr, nilErr, nilAny, nilFunc, nilChan)
	fmt.Printf("%T|%T|%T|%T|%T|%T|%T\n", nilMap, nilSlice, nilPtr, nilErr, nilAny, nilFunc, nilChan)
	fmt.Printf("%d|%s|%x|%q\n", nilSlice, nilSlice, nilPtr, nilAny)
	fmt.Printf("%s|%d|%v\n", nil, nil, []any{nil, nilPtr, nilMap})
	var err error = nilMyErr
	fmt.Println(err == nil, fmt.Sprintf("%T", err))
	fmt.Println(Shape{}.Parent, Shape{}.Tags == nil)
	fmt.Printf("%+v\n", Shape{})

	section("stringers")
	fmt.Println(Level(0), Level(1), Level(9), []Level{0, 1}, map[Level]string{1: "b", 0: "a"})
	fmt.Printf("%v %s %d %q %x %5v|%-7s|\n", Level(1), Level(1), Level(1), Level(1), Level(1), Level(0), Level(1))
	fmt.Printf("%v %s %#v %q\n", Secret("pw"), Secret("pw"), Secret("pw"), Secret("pw"))
	fmt.Printf("%#v\n", []Secret{"a", "b"})
	fmt.Printf("%#v %#v\n", Level(1), struct{ L Level }{1})
	fmt.Printf("%v\n", Money{12345})
	fmt.Printf("%+8.2f\n", Money{5})
	fmt.Printf("%-#x % 05d\n", Money{1}, Money{2})
	fmt.Println(Money{99})
	fmt.Printf("%v %+-8.3q %#x %*d\n", Echo{}, Echo{}, Echo{}, 4, Echo{})
	fmt.Printf("%v\n", []Money{{1}, {2}})
	e := &MyErr{42}
	fmt.Printf("%v %s %q %+v %d\n", e, e, e, e, e)

	section("integers")
	n := 255
	fmt.Printf("%d %+d % d %5d %-5d| %05d %x %X %#x %#X %o %#o %O %b %#b\n", n, n, n, n, n, n, n, n, n, n, n, n, n, n, n)
	fmt.Printf("%d %x %#x %o %b %+d\n", -42, -42, -42, -42, -42, -42)
	fmt.Printf("%c %q %U %#U %+q %#q\n", 'é', 'é', 'é', 'é', 'é', 'x')
	fmt.Printf("%c|%q|%U\n", 0x1F600, 0x1F600, 0x1F600)
	fmt.Printf("%v %v %v %v %#v %#v\n", int8(-128), uint8(255), uint64(1<<64-1), uintptr(10), uint8(3), int64(-3))
	fmt.Printf("%.3d|%6.3d|%-6.3d|%.0d|%08.3d|\n", 7, 7, 7, 0, -7)
	fmt.Printf("%x %X %#x\n", int64(-1<<63), uint32(0xdeadbeef), uint16(0))
	fmt.Printf("%t %v %5t|%-6t|\n", true, false, true, false)

	section("floats")
	f := 1234.5678
	fmt.Printf("%v %f %.2f %8.3f|%-10.1f|%08.3f %+.1f % .1f\n", f, f, f, f, f, f, f, f)
	fmt.Printf("%e %E %.3e %g %G %.3g %.10g\n", f, f, f, f, f, f, f)
	fmt.Printf("%g %g %g %g %g %g\n", 1e20, 1e21, 1e-4, 1e-5, 100000.0, 0.000001234)
	fmt.Printf("%v %v %v %v %v\n", float32(0.1), 0.1, float32(16777216), 1.0, -0.0)
	fmt.Printf("%b %x %X %.2x\n", 1.0, 1.0, -3.5, 3.14159)
	fmt.Printf("%#g %#.3g %#e %#.0f %.0f %.0f %.0f\n", 1.0, 2.0, 3.0, 4.0, 2.5, 3.5, -0.4)
	inf, nan := 1/zero(), zero()/zero()
	fmt.Printf("%v %v %v %f %5.1f|%-6v|%+v %08.2f|\n", inf, -inf, nan, nan, inf, nan, inf, -inf)
	fmt.Printf("%v %.2f %+.1e %g\n", complex(1, -2), complex(1.234, 5.678), complex(1, 1), complex64(complex(0.5, 1e21)))
	fmt.Printf("%6.2f|%-8.3g|%T\n", 3+4i, 1.5i, 2i)

	section("strings")
	str := "héllo\n\"world\""
	fmt.Printf("%s|%v|%q|%+q|%#q|%x|% X|%.3s|%8.2s|%-8s|\n", str, str, str, str, "raw", "hé", "hé", str, str, "ab")
	fmt.Printf("%q %#q %q\n", "back`tick", "tab\there", "\x00\u2028")
	fmt.Printf("%5q|%-5q|%.1q\n", "a", "b", "xyz")
	fmt.Printf("%s %v\n", errors.New("an error"), io.EOF)
	fmt.Printf("%010s|%-010s|\n", "pad", "pad")

	section("widths and indexes")
	fmt.Printf("%*d|%-*d|%.*f|%*.*f|\n", 5, 42, 5, 42, 2, 3.14159, 8, 3, 2.0)
	fmt.Printf("%*d|\n", -4, 7)
	fmt.Printf("%[2]d %[1]d %d\n", 1, 2)
	fmt.Printf("%[3]*.[2]*[1]f|\n", 12.0, 2, 6)
	fmt.Printf("%d %d %#[1]x %#x\n", 16, 17)
	fmt.Printf("%[1]s %[1]q %[1]x\n", "go")
	fmt.Printf("%v %[1]T\n", 3.5)

	section("errors in directives")
	fmt.Printf("%d\n", "hi")
	fmt.Printf("%s\n", 5)
	fmt.Printf("%z %!\n", 5)
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, 2, "x")
	fmt.Printf("%[3]d %[0]d\n", 1, 2)
	fmt.Printf("%[2]d %d\n", 1, 2, 3)
	fmt.Printf("%*d %.*d\n", "w", 1, "p", 2)
	fmt.Printf("%t %x\n", 1, true)
	fmt.Printf("100%\n")
	fmt.Printf("%w\n", errors.New("w in Printf"))
	fmt.Printf("%-\n")
	fmt.Println(fmt.Sprintf("%d", []string{"a"}), fmt.Sprintf("%.2s", 3.5), fmt.Sprintf("%c", "x"))
	fmt.Println(fmt.Sprintf("%!", 1), fmt.Sprintf("no verbs", 1, "two"))

	section("Sprint spacing")
	fmt.Println(fmt.Sprint("a", "b", 1, 2, "c", 3.5, true, false, "d", nil, nil))
	fmt.Println(fmt.Sprint(1, 2, 3), fmt.Sprint("x", 1, "y"), fmt.Sprint(Level(0), Level(1)), fmt.Sprint(errors.New("e1"), errors.New("e2")))
	fmt.Print(fmt.Sprintln("a", "b", 1, 2))
	fmt.Print("p", 1, 2, "q", "\n")
	fmt.Println()
	fmt.Printf("%q\n", fmt.Sprintln())

	section("Errorf")
	base := &MyErr{7}
	w1 := fmt.Errorf("opening config: %w", base)
	w2 := fmt.Errorf("startup: %w", w1)
	fmt.Println(w2)
	fmt.Println(errors.Unwrap(w2) == w1, errors.Unwrap(w1) == base, errors.Unwrap(base) == nil)
	var target *MyErr
	fmt.Println(errors.Is(w2, base), errors.As(w2, &target), target.Code)
	two := fmt.Errorf("both: %w and %w", io.EOF, base)
	fmt.Println(two, errors.Is(two, io.EOF), errors.Is(two, base), errors.Unwrap(two) == nil)
	fmt.Printf("%T %T %T\n", w1, two, fmt.Errorf("plain %d", 1))
	fmt.Println(fmt.Errorf("not an error: %w", 42))
	fmt.Println(fmt.Errorf("nil: %w", nil), errors.Unwrap(fmt.Errorf("nil: %w", nil)) == nil)
	fmt.Printf("%v|%+v|%#v\n", fmt.Errorf("x"), io.ErrUnexpectedEOF, errors.New("n"))

	section("Append and Fprint")
	buf := []byte("start:")
	buf = fmt.Append(buf, 1, "a", 2)
	buf = fmt.Appendf(buf, "[%03d]", 5)
	buf = fmt.Appendln(buf, "end", 9)
	fmt.Printf("%q\n", buf)
	k, err2 := fmt.Fprintf(os.Stdout, "%s=%d\n", "written", 7)
	fmt.Println(k, err2)
	fmt.Fprintln(os.Stderr, "to stderr", 1)
	fmt.Fprint(os.Stdout, "fprint", 1, 2, "\n")

	section("Sscan")
	var a, b int
	var word string
	var fl float64
	cnt, err3 := fmt.Sscanf("10-20 gopher 2.5", "%d-%d %s %g", &a, &b, &word, &fl)
	fmt.Println(cnt, err3, a, b, word, fl)
	cnt, err3 = fmt.Sscan("  7\n 8  nine", &a, &b, &word)
	fmt.Println(cnt, err3, a, b, word)
	cnt, err3 = fmt.Sscan("x", &a)
	fmt.Println(cnt, err3)
	cnt, err3 = fmt.Sscanf("5 apples", "%d oranges", &a)
	fmt.Println(cnt, err3, a)
	var h int
	var q string
	cnt, err3 = fmt.Sscanf("ff \"quoted str\"", "%x %q", &h, &q)
	fmt.Println(cnt, err3, h, q)
	cnt, err3 = fmt.Sscanln("1 2\n3", &a, &b)
	fmt.Println(cnt, err3, a, b)
}

func zero() float64 { return 0 }
