// run

// Methods on value and pointer receivers: calls through values, addressable values
// (auto &), pointers (auto *), methods on named non-struct types (ints, slices, maps,
// funcs), value receivers operating on copies, and method sets through interfaces.
package main

type Counter struct {
	N int
}

func (c Counter) Get() int     { return c.N }
func (c Counter) IncCopy() int { c.N++; return c.N }
func (c *Counter) Inc()        { c.N++ }
func (c *Counter) Add(k int) *Counter {
	c.N += k
	return c
}

type Celsius float64

func (c Celsius) F() float64 { return float64(c)*9/5 + 32 }

type IntList []int

func (l IntList) Sum() int {
	s := 0
	for _, v := range l {
		s += v
	}
	return s
}

func (l *IntList) Push(v int) { *l = append(*l, v) }

type Set map[string]bool

func (s Set) Add(k string) { s[k] = true }

type Op func(int, int) int

func (o Op) Apply(a, b int) int { return o(a, b) }

type Getter interface{ Get() int }
type Incer interface{ Inc() }

func main() {
	c := Counter{}
	c.Inc()
	c.Inc()
	println("value var, pointer method:", c.Get())
	println("IncCopy:", c.IncCopy(), "unchanged:", c.N)
	p := &c
	p.Inc()
	println("pointer, value method:", p.Get())
	p.Add(10).Add(100)
	println("chained:", c.N)

	println("celsius:", Celsius(100).F(), Celsius(-40).F())

	var l IntList
	l.Push(1)
	l.Push(2)
	l.Push(3)
	println("list:", len(l), l.Sum())

	s := Set{}
	s.Add("a")
	s.Add("b")
	s.Add("a")
	println("set:", len(s))

	mul := Op(func(a, b int) int { return a * b })
	println("func type method:", mul.Apply(6, 7))

	// Method sets: *Counter implements both, Counter only Getter.
	var g Getter = c
	var g2 Getter = &c
	var in Incer = &c
	in.Inc()
	println("ifaces:", g.Get(), g2.Get(), c.N)

	// Methods on array elements and struct fields (addressable).
	arr := [2]Counter{}
	arr[1].Inc()
	type Wrap struct{ C Counter }
	w := Wrap{}
	w.C.Inc()
	w.C.Add(4)
	println("addressable:", arr[1].N, w.C.N)
	// Slice elements are addressable too.
	sl := []Counter{{1}, {2}}
	sl[0].Inc()
	println("slice elem:", sl[0].N)
	// Map elements are not addressable; value methods still work.
	m := map[string]Counter{"a": {5}}
	println("map elem value method:", m["a"].Get())

	// Returning a struct and calling a value method on it.
	println("call on result:", makeCounter(9).Get())
	// Pointer method on a pointer result.
	println("ptr result:", (&Counter{3}).Add(1).N)
}

func makeCounter(n int) Counter { return Counter{n} }
