// Copyright 2026 The mvm Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package runtime

// Program counters under mvm: a function's entry is its function id, and a
// return address inside it is id<<32 | (instruction index + 1). funcInfo
// resolves both forms from the compiler's line tables.

// Frames may be used to get function/file/line information for a slice of PC
// values returned by Callers.
type Frames struct {
	callers []uintptr
}

// Frame is the information returned by Frames for each call frame.
type Frame struct {
	// PC is the program counter for the location in this frame.
	PC uintptr

	// Func is the Func value of this call frame.
	Func *Func

	// Function is the package path-qualified function name of this call frame.
	Function string

	// File and Line are the file name and line number of the location in
	// this frame.
	File string
	Line int

	// Entry point program counter for the function.
	Entry uintptr

	startLine int
}

// CallersFrames takes a slice of PCs returned by Callers and prepares to return
// function/file/line information. Do not change the slice until you are done
// with the Frames.
func CallersFrames(callers []uintptr) *Frames {
	return &Frames{callers: callers}
}

// Next returns a Frame representing the next call frame in the slice of PC
// values, and whether there are more frames after it.
func (ci *Frames) Next() (frame Frame, more bool) {
	for len(ci.callers) > 0 {
		pc := ci.callers[0]
		ci.callers = ci.callers[1:]
		name, file, line, entry, startLine, ok := funcInfo(pc)
		if !ok {
			continue
		}
		frame = Frame{PC: pc, Func: &Func{entry: entry, name: name}, Function: name, File: file, Line: line, Entry: entry, startLine: startLine}
		return frame, len(ci.callers) > 0
	}
	return Frame{}, false
}

// funcInfo describes pc: the name of its function, the file and line of pc,
// the function's entry and the line it starts at.
func funcInfo(pc uintptr) (name, file string, line int, entry uintptr, startLine int, ok bool)

// A Func represents a Go function in the running binary.
type Func struct {
	entry uintptr
	name  string
}

// FuncForPC returns a *Func describing the function that contains the given
// program counter address, or else nil.
func FuncForPC(pc uintptr) *Func {
	name, _, _, entry, _, ok := funcInfo(pc)
	if !ok {
		return nil
	}
	return &Func{entry: entry, name: name}
}

// Name returns the name of the function.
func (f *Func) Name() string {
	if f == nil {
		return ""
	}
	return f.name
}

// Entry returns the entry address of the function.
func (f *Func) Entry() uintptr {
	if f == nil {
		return 0
	}
	return f.entry
}

// FileLine returns the file name and line number of the source code
// corresponding to the program counter pc.
func (f *Func) FileLine(pc uintptr) (file string, line int) {
	_, file, line, _, _, _ = funcInfo(pc)
	return file, line
}
