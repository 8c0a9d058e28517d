// Copyright 2026 The mvm Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package reflect

import (
	"internal/abi"
	"unsafe"
)

// mvm adds this file to reflect. gc runs a func value made by MakeFunc, or a method
// value made by Value.Method, through an assembly stub (makeFuncStub,
// methodValueCall) that spills the caller's arguments into a frame and calls
// callReflect or callMethod on it. mvm's VM does the spilling itself (the arguments
// into an ABI0 frame, the results back out: interp's vm/reflectcall.rs) and calls
// these functions in between.

// mvmCallReflect runs the MakeFunc'd function whose context is ctxt on frame.
func mvmCallReflect(ctxt unsafe.Pointer, frame unsafe.Pointer) {
	var retValid bool
	var regs abi.RegArgs
	callReflect((*makeFuncImpl)(ctxt), frame, &retValid, &regs)
}

// mvmCallMethod runs the method value whose context is ctxt on frame.
func mvmCallMethod(ctxt unsafe.Pointer, frame unsafe.Pointer) {
	var retValid bool
	var regs abi.RegArgs
	callMethod((*methodValue)(ctxt), frame, &retValid, &regs)
}
