//! A collection cycle: stop-the-world mark, specials, eager sweep, pacing, returning memory to
//! the OS, and the cycle's statistics and gctrace line; plus the hooks that start one
//! (`runtime.GC`, `debug.FreeOSMemory`, allocation reaching the heap goal).

use std::time::{Instant, SystemTime, UNIX_EPOCH};

use crate::bitmap;
use crate::heap::Heap;
use crate::mark::{Marker, Roots};
use crate::sizeclass::PAGE_SIZE;
use crate::span::SpanKind;
use crate::stats::CycleReport;

/// The word freed objects are filled with when poisoning is on.
pub const POISON: u64 = 0xdead_beef_dead_beef;

/// What the sweep found.
struct SweepResult {
    live_bytes: usize,
}

impl Heap {
    /// `runtime.GC()`: a full collection now.
    pub fn collect(&mut self, roots: &mut dyn Roots) {
        self.cycle(roots, true);
    }

    /// Collects if allocation has reached the heap goal; returns whether it did. Call at
    /// safepoints (allocation sites) with every root reported by `roots`.
    pub fn collect_if_requested(&mut self, roots: &mut dyn Roots) -> bool {
        if !self.gc_requested {
            return false;
        }
        self.cycle(roots, false);
        true
    }

    /// `debug.FreeOSMemory`: a forced collection, then every free page goes back to the OS.
    pub fn free_os_memory(&mut self, roots: &mut dyn Roots) {
        self.cycle(roots, true);
        self.pages.release_to(0);
    }

    /// The report of the last cycle (what its gctrace line says).
    pub fn last_cycle(&self) -> Option<&CycleReport> {
        self.last_report.as_ref()
    }

    fn cycle(&mut self, roots: &mut dyn Roots, forced: bool) {
        let t0 = Instant::now();
        self.flush_caches();
        let heap0 = self.counters.heap_live;
        let goal = self.pacer.next_gc;
        let t1 = Instant::now();

        let (stacks, globals) = {
            let mut m = Marker::new(&mut self.spans, &self.types, &mut self.mark_stack);
            self.specials.mark_roots(&mut m);
            roots.scan_roots(&mut m);
            m.drain();
            let root_bytes = m.root_bytes();
            self.specials.process(&mut m, |handle| {
                // SAFETY: handles are live 8-byte heap objects allocated by `make_weak`.
                unsafe { (handle as *mut usize).write(0) }
            });
            root_bytes
        };
        let t2 = Instant::now();

        let swept = self.sweep();
        self.counters.heap_live = swept.live_bytes;
        self.pacer.cycle_done(swept.live_bytes, stacks + globals);
        let next = self.pacer.next_gc;
        // Keep 10% over the goal resident (Go's scavenger target); release the rest.
        let retain = if next != usize::MAX {
            next.saturating_add(next / 10)
        } else {
            let inuse = (self.pages.committed_pages() - self.pages.free_pages) * PAGE_SIZE;
            inuse + inuse / 10
        };
        self.pages.release_to(retain);
        self.gc_requested = false;
        self.check_trigger();
        let t3 = Instant::now();

        let pause = t3.duration_since(t0).as_nanos() as u64;
        let c = &mut self.counters;
        let slot = (c.num_gc % 256) as usize;
        c.num_gc += 1;
        if forced {
            c.num_forced_gc += 1;
        }
        c.pause_total_ns += pause;
        let now_unix = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
        c.pause_ns[slot] = pause;
        c.pause_end[slot] = now_unix;
        c.last_gc_unix_ns = now_unix;
        self.gc_time_ns += pause;

        let elapsed = t3.duration_since(self.created).as_nanos().max(1) as u64;
        let ns = |a: Instant, b: Instant| b.duration_since(a).as_nanos() as u64;
        let report = CycleReport {
            num: self.counters.num_gc,
            at_ns: t0.duration_since(self.created).as_nanos() as u64,
            cpu_percent: (self.gc_time_ns.saturating_mul(100) / elapsed) as u32,
            clock_ns: [ns(t0, t1), ns(t1, t2), ns(t2, t3)],
            cpu_ns: [ns(t0, t1), 0, ns(t1, t2), 0, ns(t2, t3)],
            heap: [heap0 as u64, heap0 as u64, swept.live_bytes as u64],
            goal: goal.min(u64::MAX as usize) as u64,
            stacks: stacks as u64,
            globals: globals as u64,
            procs: 1,
            forced,
        };
        if self.config.gctrace {
            eprint!("{}", report.gctrace_line());
        }
        self.last_report = Some(report);
    }

    /// Frees every unmarked object, returns empty spans to the page heap, and turns mark bits
    /// into the next cycle's alloc bits.
    fn sweep(&mut self) -> SweepResult {
        for list in &mut self.partial {
            list.clear();
        }
        let poison = self.config.poison_freed;
        let mut live_bytes = 0;
        let ids: Vec<u32> = self.spans.live_ids().collect();
        for id in ids {
            let s = &mut self.spans.spans[id as usize];
            match s.kind {
                SpanKind::Small => {
                    let allocated = s.allocated(s.freeindex);
                    let live = bitmap::count_range(&s.mark_bits, 0, s.nelems);
                    let freed = allocated.saturating_sub(live);
                    if poison && freed > 0 {
                        for i in 0..s.nelems {
                            if s.is_allocated(i, s.freeindex) && !bitmap::get(&s.mark_bits, i) {
                                // SAFETY: slot `i` is inside the span and no longer referenced.
                                unsafe { fill_poison(s.start + i * s.elem_size, s.elem_size) };
                            }
                        }
                    }
                    self.counters.frees += freed as u64;
                    if let Some(f) = self.counters.class_frees.get_mut(s.span_class as usize / 2) {
                        *f += freed as u64;
                    }
                    live_bytes += live * s.elem_size;
                    if live == 0 {
                        let (first, n) = self.spans.destroy(id);
                        self.pages.free(first, n);
                    } else {
                        std::mem::swap(&mut s.alloc_bits, &mut s.mark_bits);
                        s.mark_bits.fill(0);
                        s.freeindex = 0;
                        s.needzero |= freed > 0;
                        if live < s.nelems {
                            self.partial[s.span_class as usize].push(id);
                        }
                    }
                }
                SpanKind::Large => {
                    if bitmap::get(&s.mark_bits, 0) {
                        s.mark_bits.fill(0);
                        live_bytes += s.elem_size;
                    } else {
                        if poison {
                            // SAFETY: the whole span belonged to the dead object.
                            unsafe { fill_poison(s.start, s.elem_size) };
                        }
                        self.counters.frees += 1;
                        if let Some(f) = self.counters.class_frees.get_mut(0) {
                            *f += 1;
                        }
                        let (first, n) = self.spans.destroy(id);
                        self.pages.free(first, n);
                    }
                }
                SpanKind::Dead => {}
            }
        }
        // Lowest addresses first: reuse packs the live heap downwards.
        for list in &mut self.partial {
            list.reverse();
        }
        SweepResult { live_bytes }
    }
}

/// Fills `len` bytes at `addr` with [`POISON`].
///
/// # Safety
/// The range must be committed heap memory holding no live object.
unsafe fn fill_poison(addr: usize, len: usize) {
    let words = len / 8;
    for i in 0..words {
        // SAFETY: per the contract; `addr` is 8-aligned (heap objects are).
        unsafe { (addr as *mut u64).add(i).write(POISON) };
    }
}
