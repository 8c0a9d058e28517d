//! Statistics: the counters behind `runtime.MemStats`, and the `GODEBUG=gctrace=1` line.

use crate::heap::Heap;
use crate::sizeclass::{CLASSES, PAGE_SIZE};

/// The heap's half of Go's `runtime.MemStats` (field names follow Go's, in snake case; the
/// runtime adds stack and other non-heap figures).
#[derive(Clone, Debug, PartialEq)]
pub struct MemStats {
    /// Bytes of allocated heap objects (= `heap_alloc`).
    pub alloc: u64,
    /// Cumulative bytes allocated for heap objects.
    pub total_alloc: u64,
    /// Bytes obtained from the OS for the heap and its metadata.
    pub sys: u64,
    /// Cumulative count of heap objects allocated.
    pub mallocs: u64,
    /// Cumulative count of heap objects freed.
    pub frees: u64,
    /// Bytes of allocated heap objects.
    pub heap_alloc: u64,
    /// Bytes of heap memory obtained from the OS (the committed arena).
    pub heap_sys: u64,
    /// Bytes in free pages.
    pub heap_idle: u64,
    /// Bytes in in-use spans.
    pub heap_inuse: u64,
    /// Bytes of free pages returned to the OS.
    pub heap_released: u64,
    /// Number of allocated heap objects.
    pub heap_objects: u64,
    /// Bytes of span and bitmap metadata (Go's `MSpanInuse`-like figure).
    pub gc_sys: u64,
    /// Heap size at which the next collection starts.
    pub next_gc: u64,
    /// Time the last collection finished, nanoseconds since the Unix epoch (0: never).
    pub last_gc: u64,
    /// Cumulative stop-the-world pause time.
    pub pause_total_ns: u64,
    /// Recent pause times, circular (the latest at `(num_gc + 255) % 256`).
    pub pause_ns: [u64; 256],
    /// Recent pause end times (Unix ns), circular like `pause_ns`.
    pub pause_end: [u64; 256],
    /// Completed collections.
    pub num_gc: u32,
    /// Collections forced by `runtime.GC` or `debug.FreeOSMemory`.
    pub num_forced_gc: u32,
    /// Fraction of the program's wall time spent collecting since the heap was created.
    pub gc_cpu_fraction: f64,
    /// Always true (Go keeps this field for compatibility).
    pub enable_gc: bool,
    /// Per size class, smallest first: object size, objects allocated, objects freed (Go's
    /// `BySize`, over this heap's own classes).
    pub by_size: Vec<SizeClassStats>,
}

/// Allocation counts of one size class (an entry of Go's `MemStats.BySize`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SizeClassStats {
    /// Largest object size of the class.
    pub size: u32,
    /// Cumulative objects allocated in the class.
    pub mallocs: u64,
    /// Cumulative objects freed in the class.
    pub frees: u64,
}

/// Running counters kept by the heap.
#[derive(Default)]
pub(crate) struct Counters {
    pub mallocs: u64,
    pub frees: u64,
    /// Per size class (index = class; 0 = large objects).
    pub class_mallocs: Vec<u64>,
    pub class_frees: Vec<u64>,
    pub total_alloc: u64,
    /// Bytes of allocated objects as the pacer sees them: marked bytes after a cycle, plus every
    /// slot handed to the allocation caches since (the unused part is taken back on flush).
    pub heap_live: usize,
    pub num_gc: u32,
    pub num_forced_gc: u32,
    pub pause_total_ns: u64,
    pub pause_ns: Vec<u64>,
    pub pause_end: Vec<u64>,
    pub last_gc_unix_ns: u64,
}

impl Heap {
    /// `runtime.ReadMemStats`: the heap's statistics now.
    pub fn mem_stats(&self) -> MemStats {
        let c = &self.counters;
        let mut class_mallocs = c.class_mallocs.clone();
        let (cobjs, cbytes, unused) = self.cached_usage(&mut class_mallocs);
        let by_size = (1..CLASSES.count)
            .map(|k| SizeClassStats {
                size: CLASSES.size[k],
                mallocs: class_mallocs.get(k).copied().unwrap_or(0),
                frees: c.class_frees.get(k).copied().unwrap_or(0),
            })
            .collect();
        let mallocs = c.mallocs + cobjs;
        let heap_alloc = c.heap_live.saturating_sub(unused) as u64;
        let committed = self.pages.committed_pages() * PAGE_SIZE;
        let idle = self.pages.free_pages * PAGE_SIZE;
        let span_meta = self.spans.spans.capacity() * std::mem::size_of::<crate::span::Span>()
            + self.spans.page_map.capacity() * 4;
        let mut pause_ns = [0u64; 256];
        let mut pause_end = [0u64; 256];
        pause_ns.copy_from_slice(&c.pause_ns[..256]);
        pause_end.copy_from_slice(&c.pause_end[..256]);
        let elapsed = self.created.elapsed().as_nanos().max(1) as f64;
        MemStats {
            alloc: heap_alloc,
            total_alloc: c.total_alloc + cbytes,
            sys: (committed + span_meta) as u64,
            mallocs,
            frees: c.frees,
            heap_alloc,
            heap_sys: committed as u64,
            heap_idle: idle as u64,
            heap_inuse: (committed - idle) as u64,
            heap_released: (self.pages.released_pages * PAGE_SIZE) as u64,
            heap_objects: mallocs.saturating_sub(c.frees),
            gc_sys: span_meta as u64,
            next_gc: self.pacer.next_gc.min(u64::MAX as usize) as u64,
            last_gc: c.last_gc_unix_ns,
            pause_total_ns: c.pause_total_ns,
            pause_ns,
            pause_end,
            num_gc: c.num_gc,
            num_forced_gc: c.num_forced_gc,
            gc_cpu_fraction: self.gc_time_ns as f64 / elapsed,
            enable_gc: true,
            by_size,
        }
    }
}

/// Everything one gctrace line reports.
#[derive(Clone, Debug, Default)]
pub struct CycleReport {
    /// Cycle number (1-based).
    pub num: u32,
    /// Start of the cycle, nanoseconds since the heap was created.
    pub at_ns: u64,
    /// Percentage of time spent in GC since the heap was created.
    pub cpu_percent: u32,
    /// Wall-clock phases: sweep termination, mark, mark termination (ns).
    pub clock_ns: [u64; 3],
    /// CPU time: STW sweep termination, assist, background mark, idle mark, STW mark
    /// termination (ns).
    pub cpu_ns: [u64; 5],
    /// Heap at cycle start, at mark end, and marked live (bytes).
    pub heap: [u64; 3],
    /// Heap goal of this cycle.
    pub goal: u64,
    /// Stack bytes scanned.
    pub stacks: u64,
    /// Global bytes scanned.
    pub globals: u64,
    /// Ps running Go code.
    pub procs: u32,
    /// Whether `runtime.GC` forced the cycle.
    pub forced: bool,
}

impl CycleReport {
    /// The line Go prints for this cycle under `GODEBUG=gctrace=1` (with its newline).
    pub fn gctrace_line(&self) -> String {
        let clock: Vec<String> = self.clock_ns.iter().map(|&n| fmt_ns_as_ms(n)).collect();
        let c: Vec<String> = self.cpu_ns.iter().map(|&n| fmt_ns_as_ms(n)).collect();
        format!(
            "gc {} @{}s {}%: {} ms clock, {}+{}/{}/{}+{} ms cpu, {}->{}->{} MB, {} MB goal, {} MB stacks, {} MB globals, {} P{}\n",
            self.num,
            fixed_point(self.at_ns / 1_000_000, 3),
            self.cpu_percent,
            clock.join("+"),
            c[0],
            c[1],
            c[2],
            c[3],
            c[4],
            self.heap[0] >> 20,
            self.heap[1] >> 20,
            self.heap[2] >> 20,
            self.goal >> 20,
            self.stacks >> 20,
            self.globals >> 20,
            self.procs,
            if self.forced { " (forced)" } else { "" },
        )
    }
}

/// `val` with a decimal point `dec` digits from the right (at least one digit before it).
fn fixed_point(val: u64, dec: usize) -> String {
    let digits = format!("{val:0width$}", width = dec + 1);
    if dec == 0 {
        return digits;
    }
    let (int, frac) = digits.split_at(digits.len() - dec);
    format!("{int}.{frac}")
}

/// Milliseconds the way gctrace prints them: whole numbers from 10 ms, otherwise two
/// significant digits with at most three decimals.
fn fmt_ns_as_ms(ns: u64) -> String {
    if ns >= 10_000_000 {
        return (ns / 1_000_000).to_string();
    }
    let mut x = ns / 1000;
    if x == 0 {
        return "0".to_string();
    }
    let mut dec = 3;
    while x >= 100 {
        x /= 10;
        dec -= 1;
    }
    fixed_point(x, dec)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn millisecond_formatting() {
        assert_eq!(fmt_ns_as_ms(0), "0");
        assert_eq!(fmt_ns_as_ms(999), "0");
        assert_eq!(fmt_ns_as_ms(5_000), "0.005");
        assert_eq!(fmt_ns_as_ms(25_000), "0.025");
        assert_eq!(fmt_ns_as_ms(250_000), "0.25");
        assert_eq!(fmt_ns_as_ms(1_234_000), "1.2");
        assert_eq!(fmt_ns_as_ms(9_990_000), "9.9");
        assert_eq!(fmt_ns_as_ms(12_345_678), "12");
        assert_eq!(fixed_point(12, 3), "0.012");
        assert_eq!(fixed_point(12345, 3), "12.345");
    }

    #[test]
    fn trace_line_shape() {
        let r = CycleReport {
            num: 3,
            at_ns: 12_000_000,
            cpu_percent: 2,
            clock_ns: [10_000, 250_000, 3_000],
            cpu_ns: [10_000, 0, 250_000, 0, 3_000],
            heap: [4 << 20, 4 << 20, 1 << 20],
            goal: 4 << 20,
            stacks: 0,
            globals: 0,
            procs: 1,
            forced: true,
        };
        assert_eq!(
            r.gctrace_line(),
            "gc 3 @0.012s 2%: 0.010+0.25+0.003 ms clock, 0.010+0/0.25/0+0.003 ms cpu, 4->4->1 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 1 P (forced)\n"
        );
    }
}
