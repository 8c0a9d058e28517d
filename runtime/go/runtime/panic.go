// Copyright 2026 The mvm Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package runtime is mvm's runtime package: the API gc's runtime offers Go programs
// and the standard library, on top of mvm's virtual machine. What gc implements in
// its runtime, mvm implements in Rust (the interpreter, the collector and the natives
// of the runtime crate); this package holds the Go side of it.
package runtime

type stringer interface {
	String() string
}

// preprintpanic is gc's preprintpanics for one panic value: before an unrecovered
// panic is printed, an error or a Stringer is replaced by the text of its method
// (kind 1); other values print as they are (kind 0). The VM calls it on the dying
// goroutine's stack, so a panic inside the method is "panic while printing panic
// value", as in gc.
func preprintpanic(v any) (kind int, text string) {
	switch v := v.(type) {
	case error:
		return 1, v.Error()
	case stringer:
		return 1, v.String()
	}
	return 0, ""
}
