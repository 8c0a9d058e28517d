//! Marking: the [`Roots`] trait the runtime implements, the [`Marker`] it reports roots to, and
//! the explicit mark stack that traces the object graph without recursion.
//!
//! A pointer is any word whose value falls inside an allocated object of an in-use span; it may
//! point anywhere inside the object (interior pointers keep the whole object alive). Words that
//! point outside the arena, into free pages, into the unused tail of a span, or into a free slot
//! are ignored. A pointer one past the end of an object is therefore taken for whatever starts at
//! that address: it never keeps its own object alive and may keep the next object alive (a leak
//! until it goes away, never a dangling object). The runtime does not produce such pointers.

use crate::bitmap;
use crate::span::{Span, SpanKind, SpanTable};
use crate::types::{TypeId, TypeTable, bits_in};

/// Words scanned per mark-stack item: big objects are scanned in chunks so that a huge array
/// of pointers never pushes millions of entries at once.
const CHUNK_WORDS: usize = 16 << 10;

/// Items in flight between prefetch and scan (see [`Marker::drain`]).
const PREFETCH_DEPTH: usize = 8;
/// Pointers in flight between the prefetch of their span and their mark (see
/// [`Marker::mark_pointer`]).
const POINTER_QUEUE: usize = 8;

/// Hints the CPU to start loading the cache line at `addr`.
#[inline(always)]
fn prefetch(addr: usize) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch never faults, whatever the address.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(addr as *const i8)
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = addr;
}

/// `WorkItem::to` of an item whose type is not read yet (then `ty` holds its span id).
const UNRESOLVED: usize = usize::MAX;

/// A slice of an object still to scan: words `from..to` of the object at `base`, laid out as
/// repeated elements of type `ty` (or, with `to == UNRESOLVED`, a whole small object of span
/// `ty` whose type is still to be read).
#[derive(Clone, Copy)]
pub(crate) struct WorkItem {
    base: usize,
    from: usize,
    to: usize,
    ty: u32,
}

/// Where the runtime enumerates its roots.
///
/// The collector calls [`Roots::scan_roots`] once per cycle, with the world stopped. The
/// implementation reports every root it holds: typed globals ([`Marker::mark_typed`]), each
/// goroutine's frame slots with the stack map of the current safepoint
/// ([`Marker::mark_words`]), and the objects the runtime itself holds (channel queues, timers,
/// finalizer queues, …) through [`Marker::mark_pointer`].
pub trait Roots {
    /// Reports every root to `marker`.
    fn scan_roots(&mut self, marker: &mut Marker<'_>);
}

impl<F: FnMut(&mut Marker<'_>)> Roots for F {
    fn scan_roots(&mut self, marker: &mut Marker<'_>) {
        self(marker)
    }
}

/// A root set with nothing in it (everything unreachable from finalizers is garbage).
pub struct NoRoots;

impl Roots for NoRoots {
    fn scan_roots(&mut self, _: &mut Marker<'_>) {}
}

/// The marking side of a collection, handed to [`Roots::scan_roots`].
pub struct Marker<'a> {
    spans: &'a mut SpanTable,
    types: &'a TypeTable,
    stack: &'a mut Vec<WorkItem>,
    /// Candidate pointers (with their span) waiting for their metadata to arrive.
    pending: [(usize, u32); POINTER_QUEUE],
    pending_head: usize,
    pending_len: usize,
    stack_bytes: usize,
    globals_bytes: usize,
}

impl<'a> Marker<'a> {
    pub(crate) fn new(
        spans: &'a mut SpanTable,
        types: &'a TypeTable,
        stack: &'a mut Vec<WorkItem>,
    ) -> Self {
        stack.clear();
        Marker {
            spans,
            types,
            stack,
            pending: [(0, 0); POINTER_QUEUE],
            pending_head: 0,
            pending_len: 0,
            stack_bytes: 0,
            globals_bytes: 0,
        }
    }

    /// Marks the object `word` points into, if it points into one; any other value is ignored,
    /// so a slot that may or may not hold a pointer can be passed as it is.
    ///
    /// The mark itself may be deferred a little: candidate pointers wait in a short FIFO while
    /// their span's metadata is prefetched (marking is bound by those cache misses).
    #[inline]
    pub fn mark_pointer(&mut self, word: usize) {
        let Some(id) = self.spans.lookup(word) else {
            return;
        };
        let span_addr = &self.spans.spans[id as usize] as *const Span as usize;
        prefetch(span_addr);
        prefetch(span_addr + 64);
        if self.pending_len == POINTER_QUEUE {
            let due = self.pending[self.pending_head];
            self.pending[self.pending_head] = (word, id);
            self.pending_head = (self.pending_head + 1) % POINTER_QUEUE;
            self.mark_now(due.0, due.1);
        } else {
            self.pending[(self.pending_head + self.pending_len) % POINTER_QUEUE] = (word, id);
            self.pending_len += 1;
        }
    }

    /// Marks the object containing `word`, which lies in span `id`.
    #[inline]
    fn mark_now(&mut self, word: usize, id: u32) {
        let s = &mut self.spans.spans[id as usize];
        let idx = s.index_of(word - s.start);
        // Already marked (so known allocated): the common case for shared objects, decided
        // without touching the alloc bits.
        if bitmap::get(&s.mark_bits, idx) || !s.is_allocated(idx, s.freeindex) {
            return;
        }
        bitmap::test_and_set(&mut s.mark_bits, idx);
        if !s.noscan {
            self.push_scan(id, idx);
        }
    }

    /// Marks every pointer still waiting in the FIFO; returns whether there was one.
    fn flush_pending(&mut self) -> bool {
        if self.pending_len == 0 {
            return false;
        }
        while self.pending_len > 0 {
            let (word, id) = self.pending[self.pending_head];
            self.pending_head = (self.pending_head + 1) % POINTER_QUEUE;
            self.pending_len -= 1;
            self.mark_now(word, id);
        }
        true
    }

    /// Queues object `idx` of span `id` for scanning.
    fn push_scan(&mut self, id: u32, idx: usize) {
        let s = &self.spans.spans[id as usize];
        let item = match s.kind {
            SpanKind::Large => WorkItem {
                base: s.start,
                from: 0,
                to: s.large_scan_bytes / 8,
                ty: s.large_type,
            },
            // The type is read when the item is scanned, after `drain` has prefetched it.
            _ => WorkItem {
                base: s.start + idx * s.elem_size,
                from: 0,
                to: UNRESOLVED,
                ty: id,
            },
        };
        self.stack.push(item);
    }

    /// Where an unresolved item's type id is stored (for prefetching), if it has one.
    fn type_slot(&self, it: &WorkItem) -> Option<*const u32> {
        let s = self.spans.spans.get(it.ty as usize)?;
        let idx = s.index_of(it.base.wrapping_sub(s.start));
        s.types.get(idx).map(|t| t as *const u32)
    }

    /// Gives an item of a small object its type and extent.
    fn resolve(&self, it: WorkItem) -> Option<WorkItem> {
        if it.to != UNRESOLVED {
            return Some(it);
        }
        // SAFETY: `type_slot` returns a reference into a span's type array.
        let ty = unsafe { *self.type_slot(&it)? };
        let elem_size = self.spans.spans.get(it.ty as usize)?.elem_size;
        let size = self.types.desc(ty)?.size();
        // An array allocation fills the slot with whole elements; the slack after the last one
        // is zero, so scanning it as more elements is harmless.
        let n = elem_size.checked_div(size)?;
        Some(WorkItem {
            base: it.base,
            from: 0,
            to: n * size / 8,
            ty,
        })
    }

    /// Marks from `words` (frame slots, say): word `i` is a pointer iff bit `i % 64` of
    /// `bitmap[i / 64]` is set (a compiler stack map). Missing bitmap words mean "no pointer".
    pub fn mark_words(&mut self, words: &[usize], bitmap: &[u64]) {
        for i in bits_in(bitmap, 0, words.len()) {
            if let Some(&w) = words.get(i) {
                self.mark_pointer(w);
            }
        }
        self.stack_bytes += words.len() * 8;
    }

    /// Marks from every word of `words`, pointer or not (for memory without a stack map).
    pub fn mark_conservative(&mut self, words: &[usize]) {
        for &w in words {
            self.mark_pointer(w);
        }
        self.stack_bytes += words.len() * 8;
    }

    /// Marks from a value of type `ty` stored at `addr` outside the heap (a global variable).
    ///
    /// # Safety
    /// `addr` must be valid for reads of the type's size and aligned to 8 if it has pointers.
    pub unsafe fn mark_typed(&mut self, addr: *const u8, ty: TypeId) {
        let types = self.types;
        let Ok(entry) = types.get(ty) else { return };
        let t = &entry.desc;
        for w in t.pointer_words() {
            // SAFETY: the caller guarantees `addr` covers the value; `w` is a word inside it.
            let v = unsafe { (addr as *const usize).add(w).read() };
            self.mark_pointer(v);
        }
        self.globals_bytes += t.size();
    }

    /// Counts `n` bytes of goroutine stacks for pacing and gctrace (added automatically by
    /// [`Marker::mark_words`] and [`Marker::mark_conservative`]).
    pub fn add_stack_bytes(&mut self, n: usize) {
        self.stack_bytes += n;
    }

    /// Whether the object containing `addr` is marked (after [`Marker::drain`]). Addresses
    /// outside the heap count as marked (they are never freed).
    pub(crate) fn is_marked(&self, addr: usize) -> bool {
        let Some(id) = self.spans.lookup(addr) else {
            return true;
        };
        let s = &self.spans.spans[id as usize];
        let idx = s.index_of(addr - s.start);
        !s.is_allocated(idx, s.freeindex) || bitmap::get(&s.mark_bits, idx)
    }

    /// Scans the contents of the object containing `addr` without marking the object itself
    /// (what Go does for objects with finalizers: their referents stay alive, they may not).
    pub(crate) fn scan_contents_only(&mut self, addr: usize) {
        let Some(id) = self.spans.lookup(addr) else {
            return;
        };
        let s = &self.spans.spans[id as usize];
        let idx = s.index_of(addr - s.start);
        // A marked object has been or will be scanned anyway.
        if s.is_allocated(idx, s.freeindex) && !s.noscan && !bitmap::get(&s.mark_bits, idx) {
            self.push_scan(id, idx);
        }
    }

    /// Marks the object containing `addr` and traces from it now.
    pub(crate) fn mark_and_drain(&mut self, addr: usize) {
        self.mark_pointer(addr);
        self.drain();
    }

    /// Traces everything reachable from the marked objects.
    ///
    /// Scanning is bound by cache misses on the objects themselves, so popped items pass
    /// through a small FIFO: each is prefetched when it enters and scanned [`PREFETCH_DEPTH`]
    /// items later, when its memory has (likely) arrived.
    pub(crate) fn drain(&mut self) {
        let mut ring = [WorkItem {
            base: 0,
            from: 0,
            to: 0,
            ty: 0,
        }; PREFETCH_DEPTH];
        let mut head = 0;
        let mut len = 0;
        loop {
            match self.stack.pop() {
                Some(item) => {
                    prefetch(item.base + item.from * 8);
                    if item.to == UNRESOLVED
                        && let Some(slot) = self.type_slot(&item)
                    {
                        prefetch(slot as usize);
                    }
                    if len == PREFETCH_DEPTH {
                        let due = ring[head];
                        ring[head] = item;
                        head = (head + 1) % PREFETCH_DEPTH;
                        self.scan(due);
                    } else {
                        ring[(head + len) % PREFETCH_DEPTH] = item;
                        len += 1;
                    }
                }
                None if len > 0 => {
                    let due = ring[head];
                    head = (head + 1) % PREFETCH_DEPTH;
                    len -= 1;
                    self.scan(due);
                }
                None => {
                    if !self.flush_pending() {
                        break;
                    }
                }
            }
        }
    }

    /// Stack and globals bytes reported during root marking.
    pub(crate) fn root_bytes(&self) -> (usize, usize) {
        (self.stack_bytes, self.globals_bytes)
    }

    fn scan(&mut self, it: WorkItem) {
        let Some(it) = self.resolve(it) else { return };
        let types = self.types;
        let Some(t) = types.desc(it.ty) else { return };
        let wpe = t.unit_size() / 8;
        let pw = t.ptr_words();
        if wpe == 0 || pw == 0 {
            return;
        }
        let end = it.to.min(it.from + CHUNK_WORDS);
        if end < it.to {
            self.stack.push(WorkItem { from: end, ..it });
        }
        let read = |w: usize| {
            // SAFETY: `w < it.to`, and `it.to` words lie inside an allocated object.
            unsafe { ((it.base + w * 8) as *const usize).read() }
        };
        if wpe == 1 {
            // Arrays of pointers (and single pointers): every word.
            for w in it.from..end {
                self.mark_pointer(read(w));
            }
            return;
        }
        let mut e = it.from / wpe;
        loop {
            let es = e * wpe;
            if es >= end {
                break;
            }
            let lo = it.from.saturating_sub(es);
            let hi = (end - es).min(pw);
            for bit in bits_in(t.bitmap(), lo, hi) {
                self.mark_pointer(read(es + bit));
            }
            e += 1;
        }
    }
}
