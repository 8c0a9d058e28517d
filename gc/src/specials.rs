//! Finalizers, cleanups and weak pointers: the objects the collector treats specially.
//!
//! Tokens are words the runtime chooses (typically a pointer to a heap object holding the
//! finalizer or cleanup function and its argument). The collector marks every token it holds as
//! a possible pointer, so the runtime's closures stay alive exactly as long as the registration.
//!
//! Order of a cycle, as in Go:
//! 1. Roots, plus every registered token, every queued-but-not-taken entry, and the *contents*
//!    (not the object itself) of each object with a finalizer, are marked and traced.
//! 2. Weak handles whose target is unmarked are cleared (before any finalizer resurrects it).
//! 3. Each object with a finalizer that is still unmarked is queued with its token, marked and
//!    traced (resurrected for one more cycle), and its registration dropped.
//! 4. Cleanups whose object is unmarked are queued; their objects are freed.
//!
//! A weak handle is an 8-byte pointer-free heap object holding the target address (or 0 once
//! the target died): `weak.Pointer` stores the handle, `Value()` loads its word. Handles for the
//! same target pointer are shared, so equal pointers give equal `weak.Pointer`s.

use std::collections::BTreeMap;

use crate::mark::Marker;

/// Identifies one cleanup registration (`runtime.AddCleanup`), for `Cleanup.Stop`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CleanupId(pub u64);

#[derive(Default)]
pub(crate) struct Specials {
    /// Object base → finalizer token.
    pub finalizers: BTreeMap<usize, usize>,
    /// Cleanup id → (object address, token).
    pub cleanups: BTreeMap<u64, (usize, usize)>,
    pub next_cleanup: u64,
    /// Target pointer → handle object.
    pub weak: BTreeMap<usize, usize>,
    /// (object, token) pairs whose finalizer is due, not yet taken by the runtime.
    pub ready_finalizers: Vec<(usize, usize)>,
    /// Tokens of due cleanups, not yet taken by the runtime.
    pub ready_cleanups: Vec<usize>,
}

impl Specials {
    /// Step 1: what the specials keep alive.
    pub fn mark_roots(&self, m: &mut Marker<'_>) {
        for (&obj, &tok) in &self.finalizers {
            m.mark_pointer(tok);
            m.scan_contents_only(obj);
        }
        for &(_, tok) in self.cleanups.values() {
            m.mark_pointer(tok);
        }
        for &(obj, tok) in &self.ready_finalizers {
            m.mark_pointer(obj);
            m.mark_pointer(tok);
        }
        for &tok in &self.ready_cleanups {
            m.mark_pointer(tok);
        }
    }

    /// Steps 2 to 4, after the roots have been traced. `clear_handle` zeroes a handle's word.
    pub fn process(&mut self, m: &mut Marker<'_>, mut clear_handle: impl FnMut(usize)) {
        self.weak.retain(|&target, &mut handle| {
            if !m.is_marked(handle) {
                // Nobody holds the handle any more: forget it (it is freed with the sweep).
                return false;
            }
            if !m.is_marked(target) {
                clear_handle(handle);
                return false;
            }
            true
        });
        let due: Vec<usize> = self.finalizers.keys().copied().filter(|&o| !m.is_marked(o)).collect();
        for obj in due {
            if let Some(tok) = self.finalizers.remove(&obj) {
                self.ready_finalizers.push((obj, tok));
                m.mark_and_drain(obj);
            }
        }
        let ready = &mut self.ready_cleanups;
        self.cleanups.retain(|_, &mut (obj, tok)| {
            if m.is_marked(obj) {
                true
            } else {
                ready.push(tok);
                false
            }
        });
    }
}
