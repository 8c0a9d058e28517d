// Copyright 2026 The mvm Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package runtime

import (
	"internal/goarch"
	"internal/goos"
)

// Functions declared without a body are natives: the VM binds them by package
// path and name to Rust functions (interp's vm/natives, the runtime crate).

// Compiler is the name of the compiler toolchain mvm stands in for: programs
// that ask expect gc's behaviour, which is what mvm gives.
const Compiler = "gc"

// GOOS is the running program's operating system target.
const GOOS string = goos.GOOS

// GOARCH is the running program's architecture target.
const GOARCH string = goarch.GOARCH

// Version returns the Go tree's version string: the version of the Go
// installation whose standard library the program was compiled from.
func Version() string

// GOROOT returns the root of the Go tree the program's standard library came
// from.
//
// Deprecated: The root used at build time may not exist in the running environment.
func GOROOT() string

// Caller reports file and line number information about function invocations
// on the calling goroutine's stack. The argument skip is the number of stack
// frames to ascend, with 0 identifying the caller of Caller.
func Caller(skip int) (pc uintptr, file string, line int, ok bool) {
	var pcs [1]uintptr
	if Callers(skip+2, pcs[:]) == 0 {
		return 0, "", 0, false
	}
	fr, _ := CallersFrames(pcs[:]).Next()
	return fr.PC, fr.File, fr.Line, fr.PC != 0
}

// Callers fills the slice pc with the return program counters of function
// invocations on the calling goroutine's stack. The argument skip is the number
// of stack frames to skip before recording in pc, with 0 identifying the frame
// for Callers itself and 1 identifying the caller of Callers. It returns the
// number of entries written to pc.
func Callers(skip int, pc []uintptr) int

// GC runs a garbage collection and blocks the caller until it is complete.
func GC()

// Gosched yields the processor, allowing other goroutines to run.
func Gosched()

// Goexit terminates the goroutine that calls it, after running its deferred
// calls. Calling Goexit from the main goroutine terminates that goroutine
// without func main returning; the program crashes if no other goroutine can run.
func Goexit()

// NumGoroutine returns the number of goroutines that currently exist.
func NumGoroutine() int

// NumCPU returns the number of logical CPUs usable by the current process.
func NumCPU() int

// GOMAXPROCS sets the maximum number of CPUs that can be executing
// simultaneously and returns the previous setting. mvm runs Go code on one
// thread: the setting is 1 and cannot change, which Go's semantics allow.
func GOMAXPROCS(n int) int {
	return 1
}

// SetDefaultGOMAXPROCS updates the GOMAXPROCS setting to the runtime default;
// under mvm that is always 1.
func SetDefaultGOMAXPROCS() {}

// NumCgoCall returns the number of cgo calls made by the current process: mvm
// has no cgo.
func NumCgoCall() int64 { return 0 }

// KeepAlive marks its argument as currently reachable: the collector scans the
// interpreter's frames precisely, so the argument being live at the call is
// enough.
func KeepAlive(x any) {}

// LockOSThread wires the calling goroutine to its current operating system
// thread. mvm runs every goroutine on one thread, so it always is.
func LockOSThread() {}

// UnlockOSThread undoes an earlier call to LockOSThread.
func UnlockOSThread() {}

// Breakpoint executes a breakpoint trap.
func Breakpoint()

// Stack formats a stack trace of the calling goroutine into buf and returns the
// number of bytes written to buf. If all is true, Stack formats stack traces of
// all other goroutines into buf after the trace for the current goroutine.
func Stack(buf []byte, all bool) int

// SetFinalizer sets the finalizer associated with obj to the provided
// finalizer function.
func SetFinalizer(obj any, finalizer any)

// A StackRecord describes a single execution stack.
type StackRecord struct {
	Stack0 [32]uintptr // stack trace for this record; ends at first 0 entry
}

// Stack returns the stack trace associated with the record, a prefix of r.Stack0.
func (r *StackRecord) Stack() []uintptr {
	for i, v := range r.Stack0 {
		if v == 0 {
			return r.Stack0[0:i]
		}
	}
	return r.Stack0[0:]
}
