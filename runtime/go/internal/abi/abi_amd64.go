// Copyright 2026 The mvm Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package abi

// mvm passes every argument in memory (gc's ABI0 frame layout, as on 386 and wasm):
// with no argument registers, reflect builds call frames and reads results without
// register assignment, so reflect.Value.Call and MakeFunc work unchanged on mvm's
// stack machine.
const (
	IntArgRegs            = 0
	FloatArgRegs          = 0
	EffectiveFloatRegSize = 0
)
