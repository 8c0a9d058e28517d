// run

// Nil pointer dereferences (field load, field store, method call on a nil pointer with a
// value receiver, nil func call, nil array pointer index, nil interface method call, and
// creating a method value from a nil interface or from a nil pointer with a value
// receiver) raise a runtime.Error whose message is
// "invalid memory address or nil pointer dereference";
// recovered and printed here. (The unrecovered form prints a [signal SIGSEGV ... pc=0x...]
// line with addresses, so it is not in this corpus.)
package main

type T struct {
	X int
	A [4]int
}

func (t T) Val() int { return t.X }
func (t *T) Safe() string {
	if t == nil {
		return "nil receiver ok"
	}
	return "non-nil"
}

type I interface{ Val() int }

func try(label string, f func()) {
	defer func() {
		r := recover()
		if r == nil {
			println(label, "=> no panic")
			return
		}
		_, re := r.(interface{ RuntimeError() })
		println(label, "=>", r.(error).Error(), "| runtime.Error:", re)
	}()
	f()
}

var sink int

func main() {
	var p *T
	try("load field", func() { sink = p.X })
	try("store field", func() { p.X = 1 })
	try("value method via nil ptr", func() { sink = p.Val() })
	try("pointer method nil receiver", func() { println(p.Safe()) })
	try("deref whole struct", func() { t := *p; sink = t.X })
	try("array field index", func() { sink = p.A[2] })
	var f func() int
	try("nil func call", func() { sink = f() })
	var pa *[3]int
	try("nil array ptr index", func() { sink = pa[1] })
	try("nil array ptr len", func() { sink = len(pa) })
	var i I
	try("nil iface method", func() { sink = i.Val() })
	var pp **int
	try("double pointer", func() { sink = **pp })
	var ip *int
	try("*nil int store", func() { *ip = 5 })

	// Method values evaluate (and dereference) their receiver when created, not when
	// called.
	try("method value of nil iface", func() { g := i.Val; println("  not reached"); _ = g })
	try("value-method value via nil ptr", func() { g := p.Val; println("  not reached"); _ = g })
	try("pointer-method value via nil ptr", func() { g := p.Safe; println(" ", g()) })

	// A field promoted through a nil embedded pointer.
	type Outer struct {
		*T
		Name string
	}
	var o Outer
	try("promoted field via nil embedded ptr", func() { sink = o.X })
	try("own field with nil embedded ptr", func() { o.Name = "fine"; println(" ", o.Name) })
}
