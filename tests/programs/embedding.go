// run

// Struct embedding and promotion: promoted fields and methods, embedding by pointer,
// shadowing (the shallowest depth wins), explicit access to shadowed members, embedded
// interfaces in structs, method sets of embedded pointer types, and multi-level embedding.
package main

type Base struct {
	ID   int
	Name string
}

func (b Base) Describe() string { return "base " + b.Name }
func (b *Base) Rename(n string) { b.Name = n }
func (b Base) Hello() string    { return "hello from base" }

type Mid struct {
	Base
	Name string // shadows Base.Name
}

func (m Mid) Hello() string { return "hello from mid" }

type Top struct {
	*Mid
	Extra int
}

type Logger interface{ Log() string }

type ConsoleLogger struct{ prefix string }

func (c ConsoleLogger) Log() string { return c.prefix + ": log" }

type Service struct {
	Logger
	name string
}

type Inner struct{ V int }

func (i *Inner) Bump() { i.V++ }

type ByPtr struct{ *Inner }
type ByVal struct{ Inner }

type Bumper interface{ Bump() }

func main() {
	m := Mid{Base: Base{ID: 1, Name: "b"}, Name: "m"}
	println("shadow:", m.Name, m.Base.Name, m.ID)
	println("promoted method uses Base field:", m.Describe())
	println("shadowed method:", m.Hello(), "|", m.Base.Hello())
	m.Rename("renamed")
	println("after Rename:", m.Name, m.Base.Name)

	t := Top{Mid: &m, Extra: 5}
	println("two levels:", t.ID, t.Name, t.Base.Name, t.Describe(), t.Hello())
	t.ID = 42
	t.Rename("via top")
	println("through pointer embed:", m.ID, m.Base.Name)

	s := Service{Logger: ConsoleLogger{"svc"}, name: "x"}
	println("embedded iface:", s.Log())
	var l Logger = s
	println("struct satisfies via embedded iface:", l.Log())

	// Method sets: ByPtr has Bump (pointer embedded); *ByVal has Bump, ByVal does not.
	bp := ByPtr{&Inner{1}}
	var b1 Bumper = bp
	b1.Bump()
	bv := ByVal{Inner{10}}
	var b2 Bumper = &bv
	b2.Bump()
	bv.Bump() // addressable: auto &
	println("method sets:", bp.V, bv.V)

	// Copying a struct with a pointer embed shares the pointee.
	bp2 := bp
	bp2.Bump()
	println("shared pointee:", bp.V, bp2.V)
	// Copying a struct with a value embed does not.
	bv2 := bv
	bv2.Bump()
	println("value embed copy:", bv.V, bv2.V)

	// Composite literal with embedded field names.
	x := Top{Mid: &Mid{Base{7, "seven"}, "mid7"}}
	println("literal:", x.ID, x.Mid.Name, x.Mid.Base.Name)

	// Depth resolution: field at depth 1 beats one at depth 2.
	type A struct{ X int }
	type B struct{ X int }
	type C struct {
		A
		Y struct{ B }
		X int
	}
	c := C{A{1}, struct{ B }{B{2}}, 3}
	println("depth:", c.X, c.A.X, c.Y.X, c.Y.B.X)
}
