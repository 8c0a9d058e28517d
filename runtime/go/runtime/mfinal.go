// Copyright 2026 The mvm Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package runtime

// Cleanup is a handle to a cleanup call for a specific object.
type Cleanup struct {
	id uint64
}

// AddCleanup attaches a cleanup function to ptr. Some time after ptr is no
// longer reachable, the runtime will call cleanup(arg) in a separate goroutine.
func AddCleanup[T, S any](ptr *T, cleanup func(S), arg S) Cleanup {
	if ptr == nil {
		panic(plainError("runtime.AddCleanup: ptr is nil"))
	}
	id := addCleanup(ptr, func() { cleanup(arg) })
	return Cleanup{id: id}
}

// addCleanup registers f to run after the object p points to is unreachable.
func addCleanup(p any, f func()) uint64

// Stop cancels the cleanup call.
func (c Cleanup) Stop() {
	if c.id != 0 {
		stopCleanup(c.id)
	}
}

func stopCleanup(id uint64)
