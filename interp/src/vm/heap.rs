//! The allocation hook between the interpreter and the heap.
//!
//! The interpreter allocates through the [`Heap`] trait so that it does not depend on
//! the collector's internals. Allocation is a safepoint: before allocating, the VM asks
//! [`Heap::collection_due`] and, if so, calls [`Heap::collect`] with its roots — every
//! pointer slot of every frame, and the operand words the stack map of each frame's
//! current safepoint marks. [`GcHeap`] is the `gc` crate's collector behind this trait;
//! [`MallocHeap`] (never frees before it is dropped) serves tests and benchmarks.

use crate::bytecode::TypeLayout;
use std::alloc::{Layout, alloc_zeroed, dealloc};

/// Allocation failed: gc reports this as a fatal `runtime: out of memory`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutOfMemory;

/// Calls its argument once per root word (a value that may point into the heap).
pub type RootScan<'a> = dyn FnMut(&mut dyn FnMut(u64)) + 'a;

/// Where the interpreter gets memory for Go values.
pub trait Heap {
    /// Allocates zeroed memory for `count` consecutive values of type `elem` (index `ty`
    /// of the program's type table), aligned as the type requires. A zero-byte request
    /// returns a valid non-nil address (gc's `zerobase`) that must never be written.
    fn alloc(&mut self, ty: u32, elem: &TypeLayout, count: u64) -> Result<*mut u8, OutOfMemory>;

    /// Allocates `size` zeroed bytes that hold no pointers (string bytes), 8-byte
    /// aligned; zero bytes give `zerobase` as [`Heap::alloc`] does.
    fn alloc_noscan(&mut self, size: u64) -> Result<*mut u8, OutOfMemory>;

    /// Whether the heap wants a collection before the next allocation.
    fn collection_due(&self) -> bool {
        false
    }

    /// Runs the paced collection that [`Heap::collection_due`] announced, with the roots
    /// `roots` reports. This is the allocation safepoint's collection, not `runtime.GC()`:
    /// it must not be counted as forced.
    fn collect(&mut self, roots: &mut RootScan<'_>) {
        let _ = roots;
    }

    /// `runtime.GC()`: a full collection now, counted as forced.
    fn collect_forced(&mut self, roots: &mut RootScan<'_>) {
        self.collect(roots);
    }

    /// `debug.SetGCPercent`; the old value.
    fn set_gc_percent(&mut self, percent: i32) -> i32 {
        let _ = percent;
        100
    }

    /// `debug.SetMemoryLimit` (negative: only read it); the old value.
    fn set_memory_limit(&mut self, limit: i64) -> i64 {
        let _ = limit;
        i64::MAX
    }

    /// `weak.Make`: a handle word holding `ptr` until its object is collected.
    fn make_weak(&mut self, ptr: u64) -> Result<u64, OutOfMemory> {
        let h = self.alloc_noscan(8)?;
        // SAFETY: a fresh 8-byte block. Without a collector nothing is ever freed, so
        // the handle never needs clearing.
        unsafe { *(h as *mut u64) = ptr };
        Ok(h as u64)
    }

    /// `runtime.ReadMemStats`' figures (`None`: the heap keeps none).
    fn mem_stats(&self) -> Option<gc::MemStats> {
        None
    }
}

/// The `gc` crate's precise mark-sweep heap, with the program's types registered on
/// first use.
pub struct GcHeap {
    heap: gc::Heap,
    types: Vec<Option<gc::TypeId>>,
    /// Static memory outside the heap that may hold heap pointers (the package-level
    /// variables), scanned as roots word by word.
    static_roots: Vec<(*const u64, usize)>,
}

impl GcHeap {
    /// A heap with `config` (GOGC, memory limit, arena reservation).
    pub fn new(config: gc::HeapConfig) -> Result<GcHeap, gc::GcError> {
        Ok(GcHeap {
            heap: gc::Heap::new(config)?,
            types: Vec::new(),
            static_roots: Vec::new(),
        })
    }

    /// Adds `len` words at `words` to the roots of every collection. They are scanned
    /// conservatively: a word that is not a heap address is ignored, and a scalar that
    /// happens to equal one keeps that object alive (a leak, never a dangling pointer).
    ///
    /// # Safety
    /// The words must stay readable for as long as this heap collects.
    pub unsafe fn add_static_roots(&mut self, words: *const u64, len: usize) {
        self.static_roots.push((words, len));
    }

    /// The underlying collector (statistics, forced collections).
    pub fn inner(&mut self) -> &mut gc::Heap {
        &mut self.heap
    }

    fn type_id(&mut self, ty: u32, elem: &TypeLayout) -> Result<gc::TypeId, OutOfMemory> {
        if let Some(Some(id)) = self.types.get(ty as usize) {
            return Ok(*id);
        }
        let offsets: Vec<usize> = elem.pointers.iter().map(|w| w * 8).collect();
        let desc = gc::TypeDesc::new(elem.size as usize, elem.align.max(1) as usize, &offsets)
            .map_err(|_| OutOfMemory)?;
        let id = self.heap.register_type(desc).map_err(|_| OutOfMemory)?;
        if self.types.len() <= ty as usize {
            self.types.resize(ty as usize + 1, None);
        }
        if let Some(slot) = self.types.get_mut(ty as usize) {
            *slot = Some(id);
        }
        Ok(id)
    }
}

impl Heap for GcHeap {
    fn alloc(&mut self, ty: u32, elem: &TypeLayout, count: u64) -> Result<*mut u8, OutOfMemory> {
        if elem.size == 0 || count == 0 {
            return Ok(gc::zero_base());
        }
        let id = self.type_id(ty, elem)?;
        let n = usize::try_from(count).map_err(|_| OutOfMemory)?;
        let p = if n == 1 {
            self.heap.alloc(id)
        } else {
            self.heap.alloc_array(id, n)
        };
        p.map(|p| p.as_ptr()).map_err(|_| OutOfMemory)
    }

    fn alloc_noscan(&mut self, size: u64) -> Result<*mut u8, OutOfMemory> {
        if size == 0 {
            return Ok(gc::zero_base());
        }
        let size = usize::try_from(size).map_err(|_| OutOfMemory)?;
        self.heap.alloc_noscan(size).map(|p| p.as_ptr()).map_err(|_| OutOfMemory)
    }

    fn collection_due(&self) -> bool {
        self.heap.gc_requested()
    }

    fn collect(&mut self, roots: &mut RootScan<'_>) {
        let statics = &self.static_roots;
        let mut scan = |m: &mut gc::Marker<'_>| {
            for &(words, len) in statics {
                for i in 0..len {
                    // SAFETY: `add_static_roots`' contract; the VM does not run during a
                    // collection, so nothing writes these words concurrently.
                    m.mark_pointer(unsafe { words.add(i).read() } as usize);
                }
            }
            roots(&mut |w| m.mark_pointer(w as usize));
        };
        // `gc::Heap::collect` is `runtime.GC()` (counted as forced, "(forced)" in gctrace);
        // a collection triggered by allocation is a paced one.
        self.heap.collect_if_requested(&mut scan);
    }

    fn collect_forced(&mut self, roots: &mut RootScan<'_>) {
        let statics = &self.static_roots;
        let mut scan = |m: &mut gc::Marker<'_>| {
            for &(words, len) in statics {
                for i in 0..len {
                    // SAFETY: as in `collect`.
                    m.mark_pointer(unsafe { words.add(i).read() } as usize);
                }
            }
            roots(&mut |w| m.mark_pointer(w as usize));
        };
        self.heap.collect(&mut scan);
    }

    fn mem_stats(&self) -> Option<gc::MemStats> {
        Some(self.heap.mem_stats())
    }

    fn set_gc_percent(&mut self, percent: i32) -> i32 {
        self.heap.set_gc_percent(percent)
    }

    fn set_memory_limit(&mut self, limit: i64) -> i64 {
        if limit < 0 { self.heap.memory_limit() } else { self.heap.set_memory_limit(limit) }
    }

    fn make_weak(&mut self, ptr: u64) -> Result<u64, OutOfMemory> {
        self.heap.make_weak(ptr as usize).map(|p| p.as_ptr() as u64).map_err(|_| OutOfMemory)
    }
}

/// A heap on the system allocator that frees everything when dropped.
#[derive(Debug, Default)]
pub struct MallocHeap {
    blocks: Vec<(*mut u8, Layout)>,
}

/// Requests above this are refused rather than handed to the system allocator
/// (gc's `maxAlloc` on amd64 is 2^48; this keeps a hostile `make` from aborting Rust).
const MAX_ALLOC: u64 = 1 << 40;


impl Heap for MallocHeap {
    fn alloc(&mut self, _ty: u32, elem: &TypeLayout, count: u64) -> Result<*mut u8, OutOfMemory> {
        let size = elem.size.checked_mul(count).ok_or(OutOfMemory)?;
        self.alloc_aligned(size, elem.align)
    }

    fn alloc_noscan(&mut self, size: u64) -> Result<*mut u8, OutOfMemory> {
        self.alloc_aligned(size, 8)
    }
}

impl MallocHeap {
    fn alloc_aligned(&mut self, size: u64, align: u64) -> Result<*mut u8, OutOfMemory> {
        if size == 0 {
            return Ok(gc::zero_base());
        }
        if size > MAX_ALLOC {
            return Err(OutOfMemory);
        }
        let align = align.clamp(8, 4096) as usize;
        let layout = Layout::from_size_align(size as usize, align).map_err(|_| OutOfMemory)?;
        // SAFETY: the layout has a non-zero size.
        let p = unsafe { alloc_zeroed(layout) };
        if p.is_null() {
            return Err(OutOfMemory);
        }
        self.blocks.push((p, layout));
        Ok(p)
    }
}

impl Drop for MallocHeap {
    fn drop(&mut self) {
        for &(p, layout) in &self.blocks {
            // SAFETY: each block came from `alloc_zeroed` with this layout, freed once.
            unsafe { dealloc(p, layout) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::WordSet;

    #[test]
    fn allocation_triggered_collection_is_paced_not_forced() {
        let mut heap = GcHeap::new(gc::HeapConfig::default()).unwrap();
        let ty = TypeLayout {
            name: "[512]byte".into(),
            size: 512,
            align: 1,
            pointers: WordSet::default(),
        };
        // Garbage only: nothing is rooted, so the pacer must eventually ask for a cycle.
        let mut allocs = 0;
        while !heap.collection_due() {
            heap.alloc(0, &ty, 1).unwrap();
            allocs += 1;
            assert!(allocs < 1 << 20, "the pacer never requested a collection");
        }
        heap.collect(&mut |_report| {});
        let stats = heap.inner().mem_stats();
        assert_eq!(stats.num_gc, 1);
        assert_eq!(stats.num_forced_gc, 0);
        assert!(!heap.collection_due());
        // Not due: the safepoint collection does nothing.
        heap.collect(&mut |_report| {});
        assert_eq!(heap.inner().mem_stats().num_gc, 1);
    }
}
