// run

// Method values bind their receiver when evaluated (a copy for value receivers, the
// pointer for pointer receivers); method expressions T.M and (*T).M take the receiver as
// the first argument; interface method values and interface method expressions.
package main

type T struct {
	N int
}

func (t T) Val() int      { return t.N }
func (t *T) Ptr() int     { return t.N }
func (t *T) Set(n int)    { t.N = n }
func (t T) Add(k int) int { return t.N + k }

type I interface {
	Val() int
}

func main() {
	t := T{1}
	val := t.Val // copies t now
	ptr := t.Ptr // takes &t now
	t.N = 2
	println("bound:", val(), ptr())

	p := &T{10}
	pval := p.Val // copies *p now
	p.N = 11
	println("through pointer:", pval(), p.Val())

	set := t.Set
	set(50)
	println("set via method value:", t.N)

	// Method expressions.
	fv := T.Val
	fa := T.Add
	fp := (*T).Ptr
	fvp := (*T).Val // value method through pointer type
	fs := (*T).Set
	u := T{7}
	fs(&u, 8)
	println("expressions:", fv(u), fa(u, 2), fp(&u), fvp(&u))

	// Method values in a slice and map.
	a, b := T{1}, T{2}
	fns := []func() int{a.Val, b.Val, a.Ptr}
	a.N = 100
	print("slice of method values:")
	for _, f := range fns {
		print(" ", f())
	}
	println()

	// Interface method values.
	var i I = T{5}
	iv := i.Val
	i = T{6}
	println("iface method value:", iv(), i.Val())
	ie := I.Val
	println("iface method expression:", ie(T{9}))

	// Method value of an embedded field's method.
	type Outer struct{ T }
	o := Outer{T{3}}
	ov := o.Val
	op := o.Ptr
	o.N = 4
	println("embedded method values:", ov(), op())

	// Method value as a callback.
	apply := func(f func(int) int, x int) int { return f(x) }
	println("callback:", apply(T{20}.Add, 1))
}
