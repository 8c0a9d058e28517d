// Copyright 2026 The mvm Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package runtime

import "unsafe"

// Time: time.Sleep and the timers behind time.Timer, time.Ticker and
// time.AfterFunc (package time declares them without bodies; these are their
// bodies). The VM keeps the timer heap and sleeps in its poller when nothing is
// runnable; a fired timer's function (time.sendTime or time.goFunc) runs as Go
// code on timerproc, a goroutine of the runtime's own that the scheduler starts on
// the first fired timer and never preempts, so that it is never interleaved with
// Stop or Reset.
//
// Timer channels are Go 1.23's synchronous ones: the channel keeps its buffer of
// one, but the VM reports len and cap 0 for it, Stop and Reset drain it (no stale
// value is ever received), a timer whose channel nobody waits on does not keep the
// scheduler from reporting a deadlock, and the VM holds such a timer weakly (its
// channel holds it), so an unreferenced timer and channel are garbage.

// timeTimer is what *time.Timer and *time.Ticker point to: their fields (C and
// initTimer) first, then the runtime's.
type timeTimer struct {
	c      unsafe.Pointer
	init   bool
	isChan bool
	hchan  unsafe.Pointer // the synchronous timer channel, or nil
	f      func(arg any, seq uintptr, delay int64)
	arg    any
	seq    uintptr
	when   int64 // 0 when not pending
	period int64
}

const maxWhen = 1<<63 - 1

// Natives (runtime/src/native/time.rs).
func nanotime() int64
func sleepUntil(when int64)
func timerArm(t unsafe.Pointer, when int64, c unsafe.Pointer)
func timerDisarm(t unsafe.Pointer) bool
func timerNext() (t unsafe.Pointer, delay int64)
func timerFired() bool
func chanTimer(c unsafe.Pointer, t *timeTimer)
func chanDrain(c unsafe.Pointer) bool

//go:linkname timeSleep time.Sleep
func timeSleep(ns int64) {
	if ns <= 0 {
		return
	}
	when := nanotime() + ns
	if when < 0 {
		when = maxWhen
	}
	sleepUntil(when)
}

//go:linkname newTimer time.newTimer
func newTimer(when, period int64, f func(arg any, seq uintptr, delay int64), arg any, c unsafe.Pointer) *timeTimer {
	t := new(timeTimer)
	if c != nil {
		t.isChan = true
		t.hchan = c
		chanTimer(c, t)
	}
	t.modify(when, period, f, arg, 0)
	t.init = true
	return t
}

//go:linkname stopTimer time.stopTimer
func stopTimer(t *timeTimer) bool {
	pending := timerDisarm(unsafe.Pointer(t))
	t.when = 0
	if t.isChan {
		t.seq++
		if chanDrain(t.hchan) {
			pending = true
		}
	}
	return pending
}

//go:linkname resetTimer time.resetTimer
func resetTimer(t *timeTimer, when, period int64) bool {
	return t.modify(when, period, nil, nil, 0)
}

func (t *timeTimer) modify(when, period int64, f func(arg any, seq uintptr, delay int64), arg any, seq uintptr) bool {
	if when <= 0 {
		panic(plainError("timer when must be positive"))
	}
	if period < 0 {
		panic(plainError("timer period must be non-negative"))
	}
	pending := timerDisarm(unsafe.Pointer(t))
	t.period = period
	if f != nil {
		t.f = f
		t.arg = arg
		t.seq = seq
	}
	t.when = when
	if t.isChan {
		t.seq++
		if chanDrain(t.hchan) {
			pending = true
		}
	}
	timerArm(unsafe.Pointer(t), when, t.hchan)
	return pending
}

// timerproc runs the functions of fired timers, forever.
func timerproc() {
	for {
		p, delay := timerNext()
		t := (*timeTimer)(p)
		if t.period > 0 {
			t.when += t.period * (1 + delay/t.period)
			if t.when < 0 {
				t.when = maxWhen
			}
			timerArm(p, t.when, t.hchan)
		} else {
			t.when = 0
		}
		t.f(t.arg, t.seq, delay)
		if timerFired() {
			// Let what f readied run before the next timer's f readies something
			// else in its place: timers due together take effect in order.
			Gosched()
		}
	}
}
