//! The heap: configuration, the allocation paths, and object queries.
//!
//! Small objects come from per-span-class allocation caches: the cache holds one span and a
//! 64-bit window of its free bits, so the fast path is a trailing-zero count, a shift and an
//! add (plus zeroing when the slot may be stale, and one store of the type id for scan spans).
//! When the window is empty the slow path refills it, moves on to a partially free span left by
//! the last sweep, or carves a new span from the page heap. Large objects get their own span.

use std::cell::Cell;
use std::marker::PhantomData;
use std::ptr::NonNull;
use std::time::Instant;

use crate::error::GcError;
use crate::mark::WorkItem;
use crate::pacer::{NO_MEMORY_LIMIT, Pacer, parse_gogc, parse_gomemlimit};
use crate::pageheap::PageHeap;
use crate::sizeclass::{CLASSES, MAX_SMALL_SIZE, PAGE_SIZE};
use crate::span::{SpanKind, SpanTable};
use crate::specials::Specials;
use crate::stats::Counters;
use crate::types::{TypeDesc, TypeId, TypeTable, span_class_for};

/// The word every zero-sized allocation returns (Go's `runtime.zerobase`): outside the arena, so
/// the collector ignores it.
static ZERO_BASE: u64 = 0;

/// The address of `zerobase`: the runtime gives it to every zero-sized object, and the
/// compiler to zero-sized package-level variables (so that, as in gc, they compare equal).
pub fn zero_base() -> *mut u8 {
    (&raw const ZERO_BASE).cast_mut().cast()
}

/// How the heap is set up.
#[derive(Clone, Debug)]
pub struct HeapConfig {
    /// Address space reserved for the arena; the heap can never exceed it.
    pub reserve_bytes: usize,
    /// `GOGC`: the heap grows by this percentage of the live heap between collections
    /// (negative: collection only when forced).
    pub gc_percent: i32,
    /// `GOMEMLIMIT`: soft limit on heap memory in bytes (`i64::MAX`: none).
    pub memory_limit: i64,
    /// `GODEBUG=gctrace=1`: print one line per collection on stderr.
    pub gctrace: bool,
    /// Fill freed objects with a poison pattern (on by default in debug builds), so a use
    /// after free shows up at once.
    pub poison_freed: bool,
}

impl Default for HeapConfig {
    fn default() -> Self {
        HeapConfig {
            reserve_bytes: 64 << 30,
            gc_percent: 100,
            memory_limit: NO_MEMORY_LIMIT,
            gctrace: false,
            poison_freed: cfg!(debug_assertions),
        }
    }
}

impl HeapConfig {
    /// The default configuration with `GOGC`, `GOMEMLIMIT` and `GODEBUG` (its `gctrace`
    /// setting) taken from the environment, as the Go runtime reads them. A malformed
    /// `GOMEMLIMIT` is an error (Go stops with a fatal error).
    pub fn from_env() -> Result<Self, GcError> {
        let gogc = std::env::var("GOGC").ok();
        let memlimit = std::env::var("GOMEMLIMIT").ok();
        let godebug = std::env::var("GODEBUG").unwrap_or_default();
        Self::from_vars(gogc.as_deref(), memlimit.as_deref(), &godebug)
    }

    /// Like [`HeapConfig::from_env`], from given values of `GOGC`, `GOMEMLIMIT` and `GODEBUG`.
    pub fn from_vars(
        gogc: Option<&str>,
        gomemlimit: Option<&str>,
        godebug: &str,
    ) -> Result<Self, GcError> {
        // The last gctrace setting wins, as in Go's GODEBUG parsing.
        let gctrace = godebug
            .split(',')
            .filter_map(|kv| kv.strip_prefix("gctrace="))
            .next_back()
            .is_some_and(|v| v.parse::<i32>().is_ok_and(|n| n > 0));
        let memory_limit = parse_gomemlimit(gomemlimit).ok_or(GcError::BadMemoryLimit)?;
        Ok(HeapConfig {
            gc_percent: parse_gogc(gogc),
            memory_limit,
            gctrace,
            ..Self::default()
        })
    }
}

/// The allocation cache of one span class.
#[derive(Clone, Copy)]
pub(crate) struct ClassCache {
    /// Free bits from `freeindex` to the end of its 64-slot word (bit 0: slot `freeindex`).
    bits: u64,
    freeindex: usize,
    base: usize,
    elem_size: usize,
    /// The span's type array (null for noscan spans).
    types: *mut u32,
    span: u32,
    needzero: bool,
    /// Free slots when the span was cached (for the malloc counters).
    free_at_cache: usize,
}

impl ClassCache {
    const EMPTY: ClassCache = ClassCache {
        bits: 0,
        freeindex: 0,
        base: 0,
        elem_size: 0,
        types: std::ptr::null_mut(),
        span: 0,
        needzero: false,
        free_at_cache: 0,
    };

    /// The fast path: the next free slot of the cached window, if any.
    #[inline(always)]
    fn take(&mut self, ty: u32) -> Option<NonNull<u8>> {
        if self.bits == 0 {
            return None;
        }
        let tz = self.bits.trailing_zeros() as usize;
        let idx = self.freeindex + tz;
        self.bits = (self.bits >> tz) >> 1;
        self.freeindex = idx + 1;
        let p = self.base + idx * self.elem_size;
        if self.needzero {
            // SAFETY: the slot lies inside a committed span, is free and 8-aligned.
            unsafe { zero_slot(p, self.elem_size) };
        }
        if !self.types.is_null() {
            // SAFETY: `types` has one entry per slot of the cached span and `idx` is a slot
            // index (the window never covers slots past the span's end).
            unsafe { *self.types.add(idx) = ty };
        }
        NonNull::new(p as *mut u8)
    }
}

/// Zeroes a small free slot. Small slots are zeroed with inline word stores: a libc memset call
/// costs more than the stores themselves. The stores are volatile only so that LLVM does not
/// turn the loop back into that call.
///
/// # Safety
/// `[p, p + size)` must be writable, 8-aligned, and hold no live object; `size` is a multiple of 8.
#[inline(always)]
unsafe fn zero_slot(p: usize, size: usize) {
    if size <= 128 {
        let w = p as *mut u64;
        for i in 0..size / 8 {
            // SAFETY: per the contract, word `i` lies inside the slot.
            unsafe { w.add(i).write_volatile(0) };
        }
    } else {
        // SAFETY: per the contract.
        unsafe { std::ptr::write_bytes(p as *mut u8, 0, size) };
    }
}

/// Facts about one heap object (see [`Heap::find_object`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ObjectInfo {
    /// Address of the object's first byte.
    pub base: usize,
    /// Bytes reserved for the object (its size class, or its pages for a large object).
    pub size: usize,
    /// The type it was allocated with (`None` for pointer-free objects, which keep no type).
    pub ty: Option<TypeId>,
}

/// The garbage-collected heap.
///
/// Threading contract: one thread at a time mutates and collects (the heap is `Send` but not
/// `Sync`). Objects are raw memory: the runtime reads and writes them through pointers.
pub struct Heap {
    caches: Box<[ClassCache]>,
    pub(crate) spans: SpanTable,
    pub(crate) pages: PageHeap,
    pub(crate) types: TypeTable,
    /// Spans with free slots, per span class, left by the last sweep.
    pub(crate) partial: Vec<Vec<u32>>,
    pub(crate) mark_stack: Vec<WorkItem>,
    pub(crate) pacer: Pacer,
    pub(crate) counters: Counters,
    pub(crate) specials: Specials,
    pub(crate) config: HeapConfig,
    pub(crate) created: Instant,
    pub(crate) gc_time_ns: u64,
    pub(crate) gc_requested: bool,
    pub(crate) last_report: Option<crate::stats::CycleReport>,
    _not_sync: PhantomData<Cell<()>>,
}

// SAFETY: the raw pointers in the caches point into memory the heap owns; moving the heap to
// another thread moves that ownership with it. `Cell` keeps it `!Sync`.
unsafe impl Send for Heap {}

impl Heap {
    /// Creates a heap, reserving its arena.
    pub fn new(config: HeapConfig) -> Result<Self, GcError> {
        let pages = PageHeap::new(config.reserve_bytes)?;
        let nsc = CLASSES.count * 2;
        Ok(Heap {
            caches: vec![ClassCache::EMPTY; nsc].into_boxed_slice(),
            spans: SpanTable::new(pages.base()),
            pages,
            types: TypeTable::default(),
            partial: vec![Vec::new(); nsc],
            mark_stack: Vec::new(),
            pacer: Pacer::new(config.gc_percent, config.memory_limit),
            counters: Counters {
                pause_ns: vec![0; 256],
                pause_end: vec![0; 256],
                class_mallocs: vec![0; CLASSES.count],
                class_frees: vec![0; CLASSES.count],
                ..Counters::default()
            },
            specials: Specials::default(),
            config,
            created: Instant::now(),
            gc_time_ns: 0,
            gc_requested: false,
            last_report: None,
            _not_sync: PhantomData,
        })
    }

    /// Registers a type descriptor; objects are allocated by the returned id.
    pub fn register_type(&mut self, desc: TypeDesc) -> Result<TypeId, GcError> {
        self.types.register(desc)
    }

    /// The descriptor of a registered type.
    pub fn type_desc(&self, ty: TypeId) -> Option<&TypeDesc> {
        self.types.desc(ty.0)
    }

    /// Allocates one zeroed object of type `ty`. Never collects: when the heap reaches its goal
    /// [`Heap::gc_requested`] turns true, and the runtime collects at its next safepoint.
    #[inline(always)]
    pub fn alloc(&mut self, ty: TypeId) -> Result<NonNull<u8>, GcError> {
        let e = self.types.get(ty)?;
        let sc = e.span_class;
        if sc != 0 {
            return self.alloc_small(sc, ty.0);
        }
        let size = e.desc.size();
        let noscan = !e.desc.has_pointers();
        self.alloc_sized(ty, size, noscan)
    }

    /// Allocates `n` zeroed elements of type `elem` in one object (a slice backing store or an
    /// array). The collector scans it as `n` repetitions of `elem`'s pointer bitmap.
    #[inline]
    pub fn alloc_array(&mut self, elem: TypeId, n: usize) -> Result<NonNull<u8>, GcError> {
        let e = self.types.get(elem)?;
        let size = e.desc.size().checked_mul(n).ok_or(GcError::TooLarge)?;
        let noscan = !e.desc.has_pointers();
        self.alloc_sized(elem, size, noscan)
    }

    /// Allocates `size` zeroed bytes that hold no pointers (strings, byte buffers).
    #[inline]
    pub fn alloc_noscan(&mut self, size: usize) -> Result<NonNull<u8>, GcError> {
        self.alloc_sized(TypeId(0), size, true)
    }

    /// Whether the heap has reached its goal: the runtime should call [`Heap::collect_if_requested`]
    /// (or [`Heap::collect`]) at its next safepoint.
    #[inline]
    pub fn gc_requested(&self) -> bool {
        self.gc_requested
    }

    /// Finds the object containing `addr` (any interior address), if it is allocated.
    pub fn find_object(&self, addr: usize) -> Option<ObjectInfo> {
        let id = self.spans.lookup(addr)?;
        let s = self.spans.spans.get(id as usize)?;
        let idx = s.index_of(addr - s.start);
        let freeindex = if s.cached {
            self.cached_freeindex(s.span_class)
        } else {
            s.freeindex
        };
        if !s.is_allocated(idx, freeindex) {
            return None;
        }
        let (base, ty) = match s.kind {
            SpanKind::Large => (s.start, s.large_type),
            _ => (
                s.start + idx * s.elem_size,
                s.types.get(idx).copied().unwrap_or(0),
            ),
        };
        Some(ObjectInfo {
            base,
            size: s.elem_size,
            ty: (!s.noscan).then_some(TypeId(ty)),
        })
    }

    /// The current `GOGC` percentage (-1: off).
    pub fn gc_percent(&self) -> i32 {
        self.pacer.percent()
    }

    /// `debug.SetGCPercent`: sets `GOGC` (negative: off) and returns the previous value.
    pub fn set_gc_percent(&mut self, percent: i32) -> i32 {
        let old = self.pacer.set_percent(percent);
        self.check_trigger();
        old
    }

    /// The current soft memory limit ([`crate::NO_MEMORY_LIMIT`]: none).
    pub fn memory_limit(&self) -> i64 {
        self.pacer.memory_limit()
    }

    /// `debug.SetMemoryLimit`: sets the soft memory limit (negative: only query) and returns
    /// the previous one.
    pub fn set_memory_limit(&mut self, limit: i64) -> i64 {
        let old = self.pacer.set_memory_limit(limit);
        self.check_trigger();
        old
    }

    /// Turns `GODEBUG=gctrace` output on or off.
    pub fn set_gctrace(&mut self, on: bool) {
        self.config.gctrace = on;
    }

    #[inline(always)]
    fn alloc_sized(
        &mut self,
        ty: TypeId,
        size: usize,
        noscan: bool,
    ) -> Result<NonNull<u8>, GcError> {
        if size == 0 {
            return NonNull::new(&raw const ZERO_BASE as *mut u8).ok_or(GcError::OutOfMemory);
        }
        if size <= MAX_SMALL_SIZE {
            self.alloc_small(span_class_for(size, noscan), ty.0)
        } else {
            self.alloc_large(ty.0, size, noscan)
        }
    }

    #[inline(always)]
    fn alloc_small(&mut self, sc: u8, ty: u32) -> Result<NonNull<u8>, GcError> {
        if let Some(c) = self.caches.get_mut(sc as usize)
            && let Some(p) = c.take(ty)
        {
            return Ok(p);
        }
        self.alloc_small_slow(sc, ty)
    }

    #[inline(never)]
    fn alloc_small_slow(&mut self, sc: u8, ty: u32) -> Result<NonNull<u8>, GcError> {
        self.refill(sc as usize)?;
        self.caches
            .get_mut(sc as usize)
            .and_then(|c| c.take(ty))
            .ok_or(GcError::OutOfMemory)
    }

    /// Makes the cache of span class `sc` non-empty.
    fn refill(&mut self, sc: usize) -> Result<(), GcError> {
        loop {
            let c = *self.caches.get(sc).ok_or(GcError::UnknownType)?;
            if c.span != 0 {
                let s = &self.spans.spans[c.span as usize];
                let mut fi = c.freeindex;
                while fi < s.nelems {
                    let w = fi / 64;
                    let mut inv = !s.alloc_bits.get(w).copied().unwrap_or(u64::MAX);
                    let valid = s.nelems - w * 64;
                    if valid < 64 {
                        inv &= (1u64 << valid) - 1;
                    }
                    inv >>= fi % 64;
                    if inv != 0 {
                        self.caches[sc].bits = inv;
                        self.caches[sc].freeindex = fi;
                        return Ok(());
                    }
                    fi = (w + 1) * 64;
                }
                self.caches[sc].freeindex = s.nelems;
                self.uncache(sc);
            }
            let id = match self.partial[sc].pop() {
                Some(id) => id,
                None => {
                    let npages = CLASSES.npages[sc / 2] as usize;
                    let (first, needzero) = self.pages.alloc(npages)?;
                    let start = self.pages.addr(first);
                    self.spans.create_small(first, start, sc as u8, needzero)
                }
            };
            self.cache_span(sc, id);
        }
    }

    fn cache_span(&mut self, sc: usize, id: u32) {
        let s = &mut self.spans.spans[id as usize];
        s.cached = true;
        let free = s.free_from(s.freeindex);
        self.caches[sc] = ClassCache {
            bits: 0,
            freeindex: s.freeindex,
            base: s.start,
            elem_size: s.elem_size,
            types: if s.noscan {
                std::ptr::null_mut()
            } else {
                s.types.as_mut_ptr()
            },
            span: id,
            needzero: s.needzero,
            free_at_cache: free,
        };
        self.counters.heap_live += free * s.elem_size;
        self.check_trigger();
    }

    /// Hands the cached span of class `sc` back (its `freeindex` returns to the span) and
    /// settles the malloc counters.
    pub(crate) fn uncache(&mut self, sc: usize) {
        let c = self.caches[sc];
        self.caches[sc] = ClassCache::EMPTY;
        if c.span == 0 {
            return;
        }
        let s = &mut self.spans.spans[c.span as usize];
        s.freeindex = c.freeindex.min(s.nelems);
        s.cached = false;
        let free_now = s.free_from(s.freeindex);
        let used = c.free_at_cache.saturating_sub(free_now);
        self.counters.mallocs += used as u64;
        if let Some(m) = self.counters.class_mallocs.get_mut(sc / 2) {
            *m += used as u64;
        }
        self.counters.total_alloc += (used * s.elem_size) as u64;
        self.counters.heap_live = self
            .counters
            .heap_live
            .saturating_sub(free_now * s.elem_size);
    }

    /// The live `freeindex` of the span cached for span class `sc`.
    pub(crate) fn cached_freeindex(&self, sc: u8) -> usize {
        self.caches.get(sc as usize).map_or(0, |c| c.freeindex)
    }

    /// Empties every allocation cache (before a collection).
    pub(crate) fn flush_caches(&mut self) {
        for sc in 0..self.caches.len() {
            self.uncache(sc);
        }
    }

    /// Objects and bytes allocated from the caches and not yet counted, and the bytes the
    /// caches hold unused. Objects are also added to `per_class`.
    pub(crate) fn cached_usage(&self, per_class: &mut [u64]) -> (u64, u64, usize) {
        let (mut objs, mut bytes, mut unused) = (0u64, 0u64, 0usize);
        for (sc, c) in self.caches.iter().enumerate().filter(|(_, c)| c.span != 0) {
            let s = &self.spans.spans[c.span as usize];
            let free_now = s.free_from(c.freeindex);
            let used = c.free_at_cache.saturating_sub(free_now);
            if let Some(m) = per_class.get_mut(sc / 2) {
                *m += used as u64;
            }
            objs += used as u64;
            bytes += (used * s.elem_size) as u64;
            unused += free_now * s.elem_size;
        }
        (objs, bytes, unused)
    }

    #[inline(never)]
    fn alloc_large(&mut self, ty: u32, size: usize, noscan: bool) -> Result<NonNull<u8>, GcError> {
        let npages = size.checked_add(PAGE_SIZE - 1).ok_or(GcError::TooLarge)? / PAGE_SIZE;
        let (first, needzero) = self.pages.alloc(npages)?;
        let start = self.pages.addr(first);
        if needzero {
            // SAFETY: the pages were just taken from the free pool and are committed.
            unsafe { std::ptr::write_bytes(start as *mut u8, 0, size) };
        }
        self.spans.create_large(
            first,
            start,
            npages,
            ty,
            if noscan { 0 } else { size },
            noscan,
        );
        let bytes = npages * PAGE_SIZE;
        self.counters.mallocs += 1;
        if let Some(m) = self.counters.class_mallocs.get_mut(0) {
            *m += 1;
        }
        self.counters.total_alloc += bytes as u64;
        self.counters.heap_live += bytes;
        self.check_trigger();
        NonNull::new(start as *mut u8).ok_or(GcError::OutOfMemory)
    }

    #[inline]
    pub(crate) fn check_trigger(&mut self) {
        if self.pacer.enabled() && self.counters.heap_live >= self.pacer.next_gc {
            self.gc_requested = true;
        }
    }
}
