// Copyright 2026 The mvm Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package maps is mvm's stand-in for gc's internal/runtime/maps, whose Swiss tables
// mvm does not use: the part reflect needs, Map as an opaque type and Iter over
// mvm's maps (runtime/src/map), whose iteration the natives iterInit and iterNext do.
package maps

import (
	"internal/abi"
	"unsafe"
)

// Map is a Go map: mvm's map header, which reflect only passes around.
type Map struct {
	used uint64 // the number of entries (first word, as in gc)
}

// Iter is one iteration over a map. Its first eight words are mvm's iterator
// (runtime/src/map/iter.rs): the map, the walked table, the current key and element,
// then the walk's position. typ is the map's type.
type Iter struct {
	m        *Map
	groups   unsafe.Pointer
	key      unsafe.Pointer
	elem     unsafe.Pointer
	mask     uintptr
	start    uintptr
	pos      uintptr
	clearSeq uintptr
	typ      *abi.MapType
}

// Init starts an iteration over m, of type t.
func (it *Iter) Init(t *abi.MapType, m *Map) {
	it.typ = t
	iterInit(unsafe.Pointer(it), m)
}

// Initialized reports whether Init was called.
func (it *Iter) Initialized() bool {
	return it.typ != nil
}

// Map returns the map being iterated.
func (it *Iter) Map() *Map {
	return it.m
}

// Key returns the current key, nil when the iteration is over.
func (it *Iter) Key() unsafe.Pointer {
	return it.key
}

// Elem returns the current element, nil when the iteration is over.
func (it *Iter) Elem() unsafe.Pointer {
	return it.elem
}

// Next advances to the next entry; Key is nil after the last one.
func (it *Iter) Next() {
	iterNext(unsafe.Pointer(it), it.typ)
}

func iterInit(it unsafe.Pointer, m *Map)
func iterNext(it unsafe.Pointer, t *abi.MapType)
