// run exit=2

// An unrecovered panic whose value is nil: since Go 1.21 a *runtime.PanicNilError, "panic
// called with nil argument".
package main

type MyInt int
type MyStr string
type MyF float64

type E struct{ msg string }

func (e E) Error() string { return "E: " + e.msg }

type S struct{}

func (S) String() string { return "S as a Stringer" }

var _ = []interface{}{MyInt(0), MyStr(""), MyF(0), E{}, S{}}

func main() {
	println("about to panic")
	panic(nil)
}
