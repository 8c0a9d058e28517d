// Copyright 2026 The mvm Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package runtime

import "unsafe"

// mvm records no profiles: the profiling API is here so that programs and the
// standard library (runtime/pprof, testing) build and run, and reports that
// nothing was sampled.

// MemProfileRate controls the fraction of memory allocations that are recorded
// and reported in the memory profile.
var MemProfileRate int = 512 * 1024

// A MemProfileRecord describes the live objects allocated by a particular call
// sequence (stack trace).
type MemProfileRecord struct {
	AllocBytes, FreeBytes     int64       // number of bytes allocated, freed
	AllocObjects, FreeObjects int64       // number of objects allocated, freed
	Stack0                    [32]uintptr // stack trace for this record; ends at first 0 entry
}

// InUseBytes returns the number of bytes in use (AllocBytes - FreeBytes).
func (r *MemProfileRecord) InUseBytes() int64 { return r.AllocBytes - r.FreeBytes }

// InUseObjects returns the number of objects in use (AllocObjects - FreeObjects).
func (r *MemProfileRecord) InUseObjects() int64 {
	return r.AllocObjects - r.FreeObjects
}

// Stack returns the stack trace associated with the record, a prefix of r.Stack0.
func (r *MemProfileRecord) Stack() []uintptr {
	for i, v := range r.Stack0 {
		if v == 0 {
			return r.Stack0[0:i]
		}
	}
	return r.Stack0[0:]
}

// BlockProfileRecord describes blocking events originated at a particular call
// sequence (stack trace).
type BlockProfileRecord struct {
	Count  int64
	Cycles int64
	StackRecord
}

// MemProfile returns a profile of memory allocated and freed per allocation
// site: none under mvm.
func MemProfile(p []MemProfileRecord, inuseZero bool) (n int, ok bool) { return 0, true }

// BlockProfile returns a profile of the current blocking events: none under mvm.
func BlockProfile(p []BlockProfileRecord) (n int, ok bool) { return 0, true }

// MutexProfile returns a profile of the current mutex contention: none under mvm.
func MutexProfile(p []BlockProfileRecord) (n int, ok bool) { return 0, true }

// ThreadCreateProfile returns a profile of thread creation: none under mvm.
func ThreadCreateProfile(p []StackRecord) (n int, ok bool) { return 0, true }

// GoroutineProfile returns a profile of the active goroutine stacks: none under mvm.
func GoroutineProfile(p []StackRecord) (n int, ok bool) { return 0, true }

var blockProfileRate, mutexProfileFraction int

// SetBlockProfileRate controls the fraction of goroutine blocking events that
// are reported in the blocking profile.
func SetBlockProfileRate(rate int) { blockProfileRate = rate }

// SetMutexProfileFraction controls the fraction of mutex contention events that
// are reported in the mutex profile. It returns the previous rate.
func SetMutexProfileFraction(rate int) int {
	old := mutexProfileFraction
	if rate >= 0 {
		mutexProfileFraction = rate
	}
	return old
}

// SetCPUProfileRate sets the CPU profiling rate: mvm takes no CPU profile.
func SetCPUProfileRate(hz int) {}

// CPUProfile panics, as it does in gc since Go 1.5.
//
// Deprecated: Use the runtime/pprof package.
func CPUProfile() []byte {
	panic("CPUProfile no longer available")
}

// StartTrace enables tracing for the current process: mvm has no execution
// tracer.
func StartTrace() error {
	return plainError("execution tracing is not supported by mvm")
}

// StopTrace stops tracing, if it was previously enabled.
func StopTrace() {}

// ReadTrace returns the next chunk of binary tracing data: none.
func ReadTrace() []byte { return nil }

// SetCgoTraceback records three C functions to use to gather traceback
// information from C code: mvm runs no C code.
func SetCgoTraceback(version int, traceback, context, symbolizer unsafe.Pointer) {}

// A Pinner is a set of Go objects each pinned to a fixed location in memory.
// mvm's collector never moves objects, so pinning has nothing to do.
type Pinner struct {
	pinned []any
}

// Pin pins a Go object, preventing it from being moved or freed by the garbage
// collector until the Unpin method has been called.
func (p *Pinner) Pin(pointer any) {
	p.pinned = append(p.pinned, pointer)
}

// Unpin unpins all pinned objects of the Pinner.
func (p *Pinner) Unpin() {
	p.pinned = nil
}
