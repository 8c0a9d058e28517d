// run

// Type switches: single-type cases bind the concrete type, multi-type cases and default
// bind the interface type, the nil case, interface-type cases, case order (first match
// wins), fallthrough being forbidden so each case is separate, named and unnamed types,
// and switches without a bound variable.
package main

type Stringer interface{ String() string }

type Name string

func (n Name) String() string { return "Name(" + string(n) + ")" }

type Pt struct{ X, Y int }

func classify(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int:
		return "int " + itoa(x+1)
	case int8, int16, int32:
		// In a multi-type case x has the switch operand's type (interface{}), so a
		// string can be stored in it.
		x = "small int"
		return x.(string)
	case string:
		return "string of len " + itoa(len(x))
	case Stringer:
		return "Stringer " + x.String()
	case Pt:
		return "Pt " + itoa(x.X+x.Y)
	case *Pt:
		if x == nil {
			return "nil *Pt"
		}
		return "*Pt " + itoa(x.X)
	case []int:
		return "[]int len " + itoa(len(x))
	case map[string]int:
		return "map len " + itoa(len(x))
	case func() int:
		return "func returning " + itoa(x())
	case error:
		return "error " + x.Error()
	case bool, float64:
		return "bool or float64"
	default:
		return "other"
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	if neg {
		return "-" + string(b)
	}
	return string(b)
}

type myErr struct{}

func (myErr) Error() string { return "myErr" }

func main() {
	var np *Pt
	vals := []interface{}{nil, 41, int8(1), int32(2), "hey", Name("n"), Pt{1, 2}, &Pt{5, 0}, np,
		[]int{1, 2}, map[string]int{"a": 1}, func() int { return 9 }, myErr{}, true, 1.5, float32(1), uint(3)}
	for _, v := range vals {
		println(classify(v))
	}

	// Without binding.
	count := 0
	for _, v := range vals {
		switch v.(type) {
		case int, int8, int32, uint:
			count++
		}
	}
	println("integers:", count)

	// Switch on a non-empty interface.
	var s Stringer = Name("z")
	switch t := s.(type) {
	case Name:
		println("Name case:", string(t))
	default:
		println("default")
	}

	// The first matching case wins even if later ones match too.
	var e error = myErr{}
	switch e.(type) {
	case interface{ Error() string }:
		println("matched anonymous interface first")
	case myErr:
		println("myErr")
	}

	// nil case with a typed nil in the interface does not match nil.
	var tn interface{} = np
	switch tn.(type) {
	case nil:
		println("nil case")
	default:
		println("typed nil is not nil case")
	}

	// Binding in default keeps the interface type; shadowing an outer variable.
	x := 5
	switch x := interface{}(x).(type) {
	default:
		println("default binding is interface:", x != nil)
	}
	println("outer x:", x)
}
