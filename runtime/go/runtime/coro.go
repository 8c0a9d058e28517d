// Copyright 2026 The mvm Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package runtime

// Coroutines for iter.Pull (which pulls newcoro and coroswitch by linkname): a
// coroutine is a goroutine that runs only while its caller waits for it, so the
// two take turns, handing control over unbuffered channels. gc switches between
// them without the scheduler; the observable behaviour is the same.

type coro struct {
	f func(*coro)
	// toCoro wakes the coroutine, toCaller its caller.
	toCoro, toCaller chan struct{}
	// inside is true while the coroutine side runs.
	inside bool
}

// newcoro creates a coroutine that will run f(c) when first switched to.
func newcoro(f func(*coro)) *coro {
	c := &coro{f: f, toCoro: make(chan struct{}), toCaller: make(chan struct{})}
	go corostart(c)
	return c
}

func corostart(c *coro) {
	<-c.toCoro
	c.f(c)
	// The coroutine is done: control goes back to its caller for good.
	c.inside = false
	c.toCaller <- struct{}{}
}

// coroswitch switches from the caller to the coroutine, or back.
func coroswitch(c *coro) {
	if c.inside {
		c.inside = false
		c.toCaller <- struct{}{}
		<-c.toCoro
		return
	}
	c.inside = true
	c.toCoro <- struct{}{}
	<-c.toCaller
}
