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
use std::ptr::NonNull;

use crate::error::GcError;
use crate::heap::Heap;
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
        let due: Vec<usize> = self
            .finalizers
            .keys()
            .copied()
            .filter(|&o| !m.is_marked(o))
            .collect();
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

impl Heap {
    /// `runtime.SetFinalizer(obj, f)`: `obj` must be the start of an allocated object; `token`
    /// (a word the collector keeps alive, e.g. a pointer to the runtime's closure) is handed back
    /// by [`Heap::take_ready_finalizers`] once `obj` is unreachable. A zero token removes the
    /// finalizer (`SetFinalizer(obj, nil)`).
    pub fn set_finalizer(&mut self, obj: usize, token: usize) -> Result<(), GcError> {
        match self.find_object(obj) {
            Some(info) if info.base == obj => {}
            _ => return Err(GcError::NotHeapObject),
        }
        if token == 0 {
            self.specials.finalizers.remove(&obj);
            return Ok(());
        }
        if self.specials.finalizers.contains_key(&obj) {
            return Err(GcError::FinalizerAlreadySet);
        }
        self.specials.finalizers.insert(obj, token);
        Ok(())
    }

    /// Finalizers that became due: `(object, token)` pairs. Once taken, keeping them alive until
    /// they have run is the runtime's job (it reports its queue as roots).
    pub fn take_ready_finalizers(&mut self) -> Vec<(usize, usize)> {
        std::mem::take(&mut self.specials.ready_finalizers)
    }

    /// `runtime.AddCleanup(ptr, f, arg)`: when the object containing `ptr` becomes unreachable,
    /// `token` is handed back by [`Heap::take_ready_cleanups`] (and the object is freed).
    pub fn add_cleanup(&mut self, ptr: usize, token: usize) -> Result<CleanupId, GcError> {
        let info = self.find_object(ptr).ok_or(GcError::NotHeapObject)?;
        let id = self.specials.next_cleanup;
        self.specials.next_cleanup += 1;
        self.specials.cleanups.insert(id, (info.base, token));
        Ok(CleanupId(id))
    }

    /// `Cleanup.Stop`: cancels a cleanup; returns whether it was still registered.
    pub fn cancel_cleanup(&mut self, id: CleanupId) -> bool {
        self.specials.cleanups.remove(&id.0).is_some()
    }

    /// Tokens of cleanups that became due (the runtime runs them and keeps them alive meanwhile).
    pub fn take_ready_cleanups(&mut self) -> Vec<usize> {
        std::mem::take(&mut self.specials.ready_cleanups)
    }

    /// `weak.Make(ptr)`: returns a weak handle, an 8-byte heap object whose word holds `ptr`
    /// until the object containing `ptr` is collected, then 0. The same `ptr` gives the same
    /// handle while the handle is alive. Pointers outside the heap get a handle that never
    /// clears.
    pub fn make_weak(&mut self, ptr: usize) -> Result<NonNull<u8>, GcError> {
        if ptr == 0 {
            return Err(GcError::NotHeapObject);
        }
        if let Some(&h) = self.specials.weak.get(&ptr)
            && let Some(p) = NonNull::new(h as *mut u8)
        {
            return Ok(p);
        }
        let in_heap = self.spans.lookup(ptr).is_some();
        if in_heap && self.find_object(ptr).is_none() {
            return Err(GcError::NotHeapObject);
        }
        let h = self.alloc_noscan(8)?;
        // SAFETY: a fresh 8-byte heap object.
        unsafe { (h.as_ptr() as *mut usize).write(ptr) };
        if in_heap {
            self.specials.weak.insert(ptr, h.as_ptr() as usize);
        }
        Ok(h)
    }

    /// `weak.Pointer.Value`: the target of a handle made by [`Heap::make_weak`], or `None` once
    /// it was collected.
    ///
    /// # Safety
    /// `handle` must come from [`Heap::make_weak`] and still be reachable.
    pub unsafe fn weak_value(&self, handle: NonNull<u8>) -> Option<usize> {
        // SAFETY: per the contract, a live 8-byte handle object.
        let v = unsafe { (handle.as_ptr() as *const usize).read() };
        (v != 0).then_some(v)
    }
}
