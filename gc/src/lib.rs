//! The heap and the precise mark-sweep collector of mvm.
//!
//! Every Go value that lives on the heap is allocated here, with Go's layout, and freed by a
//! non-moving, stop-the-world, precise mark-sweep collector paced by `GOGC`.
//!
//! How the parts fit:
//! - [`sizeclass`] rounds small sizes (≤ 32 KiB) to Go's exact size classes (the runtime's
//!   `append` growth uses them too).
//! - `os` reserves the arena and commits/releases memory; `pageheap` hands out page runs
//!   from it and gives free pages back to the OS (madvise).
//! - `span` holds spans (a run of pages with objects of one class, or one large object) with
//!   their alloc and mark bitmaps, and the page → span table that maps any interior address to
//!   its object.
//! - [`types`] holds type descriptors (size, alignment, pointer bitmap); each object records
//!   its type, so marking is precise. Arrays are `n` × a descriptor, never a per-object bitmap.
//! - `heap` is the allocator ([`Heap`]): per-span-class caches give a few-instruction fast path.
//! - `mark` traces from the runtime's [`Roots`] through a [`Marker`] with an explicit mark stack.
//! - `collect` runs a cycle (mark, specials, sweep, pacing, release) and exposes `runtime.GC`
//!   and `debug.FreeOSMemory`; `pacer` computes the heap goal from `GOGC` and `GOMEMLIMIT`.
//! - `specials` handles finalizers, cleanups and weak pointers (and their `Heap` API).
//! - `stats` builds [`MemStats`] (`runtime.ReadMemStats`) and the gctrace line.
//! - `verify` checks the heap's invariants (tests, debugging).
//!
//! The runtime drives it like this: register a [`TypeDesc`] per Go type, allocate with
//! [`Heap::alloc`] / [`Heap::alloc_array`] / [`Heap::alloc_noscan`], and at each safepoint where
//! [`Heap::gc_requested`] is true call [`Heap::collect_if_requested`] with a [`Roots`]
//! implementation that reports globals, goroutine stacks (with stack maps) and runtime-held
//! objects. One thread mutates the heap at a time.
//!
//! ```ignore
//! let mut heap = Heap::new(HeapConfig::from_env()?)?;
//! // type T struct { next *T; n int }
//! let t = heap.register_type(TypeDesc::new(16, 8, &[0])?)?;
//! // At an allocation site (a safepoint): collect first if the heap reached its goal, so the
//! // new object needs no rooting yet.
//! if heap.gc_requested() {
//!     heap.collect_if_requested(&mut |m: &mut Marker<'_>| {
//!         unsafe { m.mark_typed(globals_ptr, globals_type) };   // package variables
//!         for frame in frames {
//!             m.mark_words(frame.slots, frame.stack_map);        // precise frame slots
//!         }
//!     });
//! }
//! let p = heap.alloc(t)?;                  // zeroed, 8-aligned
//! let s = heap.alloc_array(t, 100)?;       // make([]T, 100): scanned as 100 × T
//! ```

#![warn(missing_docs)]

mod bitmap;
mod collect;
mod error;
mod heap;
mod mark;
mod os;
mod pacer;
mod pageheap;
pub mod sizeclass;
mod span;
mod specials;
mod stats;
pub mod types;
mod verify;

pub use collect::POISON;
pub use error::{GcError, TypeProblem};
pub use heap::{Heap, HeapConfig, ObjectInfo, zero_base};
pub use mark::{Marker, NoRoots, Roots};
pub use pacer::{NO_MEMORY_LIMIT, parse_gogc, parse_gomemlimit};
pub use specials::CleanupId;
pub use stats::{CycleReport, MemStats, SizeClassStats};
pub use types::{TypeDesc, TypeId};
