// run

// fmt formatting through the real fmt package: %v/%+v/%#v of structs, slices, maps
// (printed sorted by key), pointers-to-struct (&{...}), nested types, %d/%x/%o/%b/%c/%q/%U,
// widths, precision and flags, %e/%f/%g of floats, %s/%q of strings and byte slices,
// %T, Stringer and error methods being used, and Sprint's spacing rules.
package main

import (
	"errors"
	"fmt"
)

type Point struct {
	X, Y int
}

type Named struct {
	Name  string
	Tags  []string
	Attrs map[string]int
	Next  *Point
}

type Color int

func (c Color) String() string { return [...]string{"red", "green", "blue"}[c] }

type E struct{ code int }

func (e *E) Error() string { return fmt.Sprintf("E%d", e.code) }

func main() {
	p := Point{1, -2}
	fmt.Printf("%v|%+v|%#v|%T\n", p, p, p, p)
	pp := &p
	fmt.Printf("%v|%+v\n", pp, pp)
	n := Named{"n", []string{"a", "b"}, map[string]int{"z": 26, "a": 1, "m": 13}, nil} // a non-nil nested pointer would print an address
	fmt.Printf("%v\n%+v\n", n, n)
	fmt.Printf("%#v\n", []int{1, 2})
	fmt.Printf("%v %v %v\n", []string{}, map[int]bool{}, [2]bool{true})
	var np *Point
	var ns []int
	var nm map[string]int
	var ni interface{}
	fmt.Printf("%v %v %v %v %d\n", np, ns, nm, ni, ns)

	fmt.Printf("%d|%5d|%-5d|%05d|%+d|%x|%X|%o|%O|%b|%#x|%#o\n", 42, 42, 42, 42, 42, 255, 255, 8, 8, 5, 255, 8)
	fmt.Printf("%c|%q|%U|%#U|%x\n", 'G', 'G', 0x1F600, 'é', "hi")
	fmt.Printf("%e|%E|%f|%.2f|%8.3f|%-8.1f|%g|%G|%.3g\n", 1234.5678, 1234.5678, 3.14159, 3.14159, 3.14159, 2.5, 1e21, 1e-7, 1234.5678)
	fmt.Printf("%v|%v|%v|%v\n", 1.0, 0.1+0.2, float32(0.1), 1e100)
	fmt.Printf("%s|%q|%10s|%-10s|%.2s|%x|% x\n", "go", "tab\t", "right", "left", "truncate", "go", []byte("go"))
	fmt.Printf("%s|%v|%d\n", []byte("bytes"), []byte("ab"), []byte("ab"))
	fmt.Printf("%t|%v|%p\n", true, false, nil)
	fmt.Printf("%v|%d|%s\n", Color(1), Color(2), Color(0))
	var err error = &E{7}
	fmt.Printf("%v|%s\n", err, err)
	fmt.Printf("%v|%.1f|%v\n", 3+4i, 1.25-2i, complex64(1))
	fmt.Printf("%6.2f%%|%*d|%-*d|\n", 99.5, 4, 7, 4, 7)
	fmt.Printf("%!|%d\n", "extra", "arg")
	fmt.Printf("%d %d\n", 1)
	fmt.Println(fmt.Sprint("a", "b", 1, 2, "c", 3.5, true))
	fmt.Println(fmt.Sprintln("x", 1, "y") + "|")
	fmt.Println(fmt.Sprintf("%v", []interface{}{1, "a", nil, 2.5, []int{3}}))
	fmt.Println(errors.New("plain error"), fmt.Errorf("wrapped: %w", errors.New("inner")))
	fmt.Printf("%v %v\n", struct{}{}, struct{ A, b int }{1, 2})
	fmt.Printf("%08.3f|%+.2e|%x\n", -3.14159, 12345.678, 3.5)
	fmt.Printf("%q\n", []string{"a b", "c\"d"})
	fmt.Printf("%5t|%-7v|\n", false, nil)
	fmt.Printf("%x|%X|%#v\n", -255, uint8(200), map[string]int{"b": 2, "a": 1})
}
