// Iface-dispatch calls methods through interfaces in a loop over a mixed slice
// of shapes: a benchmark of dynamic dispatch (itab calls) and type switches.
//
// It imports nothing, so an interpreter without the standard library can run it;
// the number of rounds comes in through the linker: -ldflags=-X=main.size=20000.
package main

// size is the number of rounds over the shapes, as a decimal string so that
// -ldflags=-X can set it.
var size = "20000"

type shape interface {
	area() int
	perimeter() int
}

type rect struct{ w, h int }
type square struct{ side int }
type triangle struct{ a, b, c int }

func (r rect) area() int      { return r.w * r.h }
func (r rect) perimeter() int { return 2 * (r.w + r.h) }

func (s *square) area() int      { return s.side * s.side }
func (s *square) perimeter() int { return 4 * s.side }

// Triangles are right triangles with legs a and b; the area is rounded down.
func (t triangle) area() int      { return t.a * t.b / 2 }
func (t triangle) perimeter() int { return t.a + t.b + t.c }

type scaler interface {
	scale(k int)
}

func (s *square) scale(k int) { s.side = s.side*k%1000 + 1 }

func shapes(n int) []shape {
	out := make([]shape, 0, n)
	for i := range n {
		switch i % 3 {
		case 0:
			out = append(out, rect{i%7 + 1, i%11 + 1})
		case 1:
			out = append(out, &square{i%13 + 1})
		default:
			out = append(out, triangle{3 * (i%5 + 1), 4 * (i%5 + 1), 5 * (i%5 + 1)})
		}
	}
	return out
}

// atoi parses a non-negative decimal size; a malformed one is a usage error.
func atoi(s string) int {
	if s == "" {
		panic("size: empty")
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			panic("size: not a decimal number: " + s)
		}
		n = n*10 + int(c-'0')
	}
	return n
}

func main() {
	rounds := atoi(size)
	all := shapes(1000)
	var areas, perimeters, squares int
	for r := range rounds {
		for _, s := range all {
			areas += s.area()
			perimeters += s.perimeter()
			if sc, ok := s.(scaler); ok && r%100 == 0 {
				sc.scale(3)
			}
			switch s.(type) {
			case *square:
				squares++
			}
		}
	}
	print("areas = ", areas, ", perimeters = ", perimeters, ", squares = ", squares, "\n")
}
