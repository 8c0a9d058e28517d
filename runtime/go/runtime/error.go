// Copyright 2026 The mvm Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package runtime

// The Error interface identifies a run-time error.
type Error interface {
	error

	// RuntimeError is a no-op function but
	// serves to distinguish types that are run-time
	// errors from ordinary errors: a type is a
	// run-time error if it has a RuntimeError method.
	RuntimeError()
}

// The run-time errors mvm raises (division by zero, nil dereference, makeslice...)
// become values of the types below when a deferred call recovers them; the VM
// builds them (see interp's vm/panicval.rs), so their shapes are part of its
// contract with this package.

// An errorString is a run-time error whose text follows "runtime error: ".
type errorString string

func (e errorString) RuntimeError() {}

func (e errorString) Error() string {
	return "runtime error: " + string(e)
}

// A plainError is a run-time error printed without the "runtime error: "
// prefix (send on a closed channel, assignment to an entry in a nil map).
type plainError string

func (e plainError) RuntimeError() {}

func (e plainError) Error() string {
	return string(e)
}

// A boundsError is a failed bounds check: x is the index or bound that failed,
// y the length, capacity or other bound, code which check it was.
type boundsError struct {
	x      int64
	y      int
	signed bool // x has a signed type
	code   boundsErrorCode
}

type boundsErrorCode uint8

const (
	boundsIndex      boundsErrorCode = iota // s[x], 0 <= x < len(s) failed
	boundsSliceAlen                         // s[?:x], 0 <= x <= len(s) failed
	boundsSliceAcap                         // s[?:x], 0 <= x <= cap(s) failed
	boundsSliceB                            // s[x:y], 0 <= x <= y failed
	boundsSlice3Alen                        // s[?:?:x], 0 <= x <= len(s) failed
	boundsSlice3Acap                        // s[?:?:x], 0 <= x <= cap(s) failed
	boundsSlice3B                           // s[?:x:y], 0 <= x <= y failed
	boundsSlice3C                           // s[x:y:?], 0 <= x <= y failed
	boundsConvert                           // (*[x]T)(s), 0 <= x <= len(s) failed
)

func (e boundsError) RuntimeError() {}

func (e boundsError) Error() string {
	x := uitoa(uint64(e.x))
	if e.signed && e.x < 0 {
		x = "-" + uitoa(uint64(-e.x))
	}
	y := uitoa(uint64(e.y))
	// The second form applies when x is negative: y is then left out.
	neg := e.signed && e.x < 0
	var s string
	switch e.code {
	case boundsIndex:
		s = pick(neg, "index out of range ["+x+"]", "index out of range ["+x+"] with length "+y)
	case boundsSliceAlen:
		s = pick(neg, "slice bounds out of range [:"+x+"]", "slice bounds out of range [:"+x+"] with length "+y)
	case boundsSliceAcap:
		s = pick(neg, "slice bounds out of range [:"+x+"]", "slice bounds out of range [:"+x+"] with capacity "+y)
	case boundsSliceB:
		s = pick(neg, "slice bounds out of range ["+x+":]", "slice bounds out of range ["+x+":"+y+"]")
	case boundsSlice3Alen:
		s = pick(neg, "slice bounds out of range [::"+x+"]", "slice bounds out of range [::"+x+"] with length "+y)
	case boundsSlice3Acap:
		s = pick(neg, "slice bounds out of range [::"+x+"]", "slice bounds out of range [::"+x+"] with capacity "+y)
	case boundsSlice3B:
		s = pick(neg, "slice bounds out of range [:"+x+":]", "slice bounds out of range [:"+x+":"+y+"]")
	case boundsSlice3C:
		s = pick(neg, "slice bounds out of range ["+x+"::]", "slice bounds out of range ["+x+":"+y+":]")
	case boundsConvert:
		s = "cannot convert slice with length " + y + " to array or pointer to array with length " + x
	}
	return "runtime error: " + s
}

func pick(cond bool, a, b string) string {
	if cond {
		return a
	}
	return b
}

// uitoa formats v in decimal.
func uitoa(v uint64) string {
	var buf [20]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			break
		}
	}
	return string(buf[i:])
}

// A TypeAssertionError explains a failed type assertion. mvm keeps the text the
// VM composed (gc keeps the three types and composes it in Error).
type TypeAssertionError struct {
	msg string
}

func (*TypeAssertionError) RuntimeError() {}

func (e *TypeAssertionError) Error() string {
	return e.msg
}

// A PanicNilError happens when code calls panic(nil).
type PanicNilError struct {
	// This field makes PanicNilError structurally different from
	// any other struct in this package, and the _ makes it different
	// from any struct in other packages too.
	_ [0]*PanicNilError
}

func (*PanicNilError) Error() string { return "panic called with nil argument" }
func (*PanicNilError) RuntimeError() {}
