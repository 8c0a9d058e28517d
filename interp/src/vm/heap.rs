//! The allocation hook between the interpreter and the heap.
//!
//! The interpreter allocates through the [`Heap`] trait so that it does not depend on
//! the collector's internals. The `gc` crate will implement it (a collection at an
//! allocation walks the goroutine stacks with the functions' stack maps); until then
//! [`MallocHeap`] serves tests and benchmarks: it never frees before it is dropped.

use crate::bytecode::TypeLayout;
use std::alloc::{Layout, alloc_zeroed, dealloc};

/// Allocation failed: gc reports this as a fatal `runtime: out of memory`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutOfMemory;

/// Where the interpreter gets memory for Go values.
pub trait Heap {
    /// Allocates zeroed memory for `count` consecutive values of type `elem`, aligned as
    /// the type requires. A zero-byte request returns a valid non-nil address (gc's
    /// `zerobase`) that must never be written.
    fn alloc(&mut self, elem: &TypeLayout, count: u64) -> Result<*mut u8, OutOfMemory>;
}

/// A heap on the system allocator that frees everything when dropped.
#[derive(Debug, Default)]
pub struct MallocHeap {
    blocks: Vec<(*mut u8, Layout)>,
    zero: u64,
}

/// Requests above this are refused rather than handed to the system allocator
/// (gc's `maxAlloc` on amd64 is 2^48; this keeps a hostile `make` from aborting Rust).
const MAX_ALLOC: u64 = 1 << 40;

impl Heap for MallocHeap {
    fn alloc(&mut self, elem: &TypeLayout, count: u64) -> Result<*mut u8, OutOfMemory> {
        let size = elem.size.checked_mul(count).ok_or(OutOfMemory)?;
        if size == 0 {
            return Ok((&raw mut self.zero).cast());
        }
        if size > MAX_ALLOC {
            return Err(OutOfMemory);
        }
        let align = elem.align.clamp(8, 4096) as usize;
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
