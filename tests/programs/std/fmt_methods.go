// run

// How fmt uses methods: Error() wins over String(); a String method on a pointer
// receiver is not used for a value (method sets); GoString for %#v; a panicking String
// method is caught by fmt and reported inline; a nil pointer receiver whose String
// panics prints <nil>; Format for custom verbs; and Stringers nested in slices, maps and
// struct fields (%v uses them, but not for unexported fields).
package main

import (
	"fmt"
	"os"
)

type Both struct{}

func (Both) Error() string  { return "Error() wins" }
func (Both) String() string { return "String() loses" }

type PtrStringer struct{ n int }

func (p *PtrStringer) String() string { return fmt.Sprintf("PtrStringer(%d)", p.n) }

type Go struct{}

func (Go) GoString() string { return "Go{custom}" }

type Boom struct{}

func (Boom) String() string { panic("boom") }

type NilSafe struct{ name string }

func (n *NilSafe) String() string { return "NilSafe " + n.name }

type Hex int

func (h Hex) Format(f fmt.State, verb rune) {
	switch verb {
	case 'v', 'd':
		fmt.Fprintf(f, "Hex(%#x)", int(h))
	default:
		fmt.Fprintf(f, "%%!%c(Hex)", verb)
	}
}

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Reading struct {
	Temp  Celsius
	temp  Celsius
	Label string
}

func main() {
	fmt.Println(Both{})
	fmt.Printf("%v %s\n", Both{}, Both{})
	v := PtrStringer{3}
	fmt.Println(v, &v)
	fmt.Printf("%#v %v\n", Go{}, Go{})
	fmt.Println(Boom{})
	var ns *NilSafe
	fmt.Println(ns)
	fmt.Printf("%v %d %x\n", Hex(255), Hex(16), Hex(1))
	fmt.Println([]Celsius{1, 2.5}, map[string]Celsius{"b": -3, "a": 20})
	fmt.Printf("%v\n%+v\n", Reading{21.5, 22.5, "kitchen"}, Reading{0, 1, "x"})
	fmt.Fprintln(os.Stderr, "stderr:", Celsius(37))
	var err error = Both{}
	fmt.Printf("%v|%q|%x\n", err, err, err)
}
