// run exit=2

// The Error() and String() methods of panic values run when the unrecovered panic is
// printed (gc's preprintpanics), not when panic is called: changes made by deferred
// calls show. A recovered panic in the chain prints with " [recovered]".
package main

type E struct{ msg string }

func (e *E) Error() string { return "E(" + e.msg + ")" }

type Name string

func (n Name) String() string { return "name:" + string(n) }

func main() {
	e := &E{"at panic"}
	defer func() {
		e.msg = "changed by a deferred call"
	}()
	defer func() {
		recover()
		println("recovered the first, panicking again")
		panic(e)
	}()
	panic(Name("first"))
}
