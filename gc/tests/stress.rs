//! Stress: 10^8 short-lived objects over a small live set; peak RSS must stay within
//! 3 × the live set plus a fixed overhead. Slow in debug builds, so it is ignored by default:
//!
//! ```text
//! cargo test --release -p gc --test stress -- --ignored --nocapture
//! ```
//!
//! `GC_STRESS_LIVE` sets the ring size (default 100000 objects).

use gc::{Heap, HeapConfig, Marker, TypeDesc};

/// Heap metadata, the 4 MiB minimum heap goal, and allocator slack beyond the live set.
const FIXED_OVERHEAD: usize = 16 << 20;

/// A `/proc/self/status` figure in bytes (0 where unavailable).
fn proc_status_bytes(key: &str) -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(key))
        .and_then(|rest| {
            rest.trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<usize>()
                .ok()
        })
        .map_or(0, |kb| kb * 1024)
}

#[test]
#[ignore = "allocates 10^8 objects: run in release with --ignored"]
fn hundred_million_short_lived_objects_in_bounded_memory() {
    const TOTAL: usize = 100_000_000;
    let live_slots: usize = std::env::var("GC_STRESS_LIVE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000)
        .max(1);
    let baseline = proc_status_bytes("VmRSS:");
    let mut heap = Heap::new(HeapConfig {
        poison_freed: false,
        ..HeapConfig::default()
    })
    .unwrap();
    // A 48-byte node with two pointers, and a pointer array for the ring.
    let node = heap
        .register_type(TypeDesc::new(48, 8, &[0, 8]).unwrap())
        .unwrap();
    let ptr = heap
        .register_type(TypeDesc::new(8, 8, &[0]).unwrap())
        .unwrap();
    let ring = heap.alloc_array(ptr, live_slots).unwrap().as_ptr() as *mut usize;
    let mut rng = 0x9e37_79b9_7f4a_7c15u64;
    let mut peak_heap_inuse = 0;
    for i in 0..TOTAL {
        if heap.gc_requested() {
            heap.collect_if_requested(&mut |m: &mut Marker<'_>| m.mark_pointer(ring as usize));
            peak_heap_inuse = peak_heap_inuse.max(heap.mem_stats().heap_inuse);
        }
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        // Mixed sizes: most objects are typed nodes, some are pointer-free buffers.
        let p = if rng.is_multiple_of(4) {
            heap.alloc_noscan(16 + (rng >> 8) as usize % 200)
                .unwrap()
                .as_ptr() as usize
        } else {
            let p = heap.alloc(node).unwrap().as_ptr() as *mut usize;
            let slot = (rng >> 20) as usize % live_slots;
            unsafe {
                // Point at a current ring member. A quarter of the ring holds pointer-free
                // buffers, which end chains, so the live set stays bounded.
                *p = *ring.add(slot);
                *p.add(2) = i;
            }
            p as usize
        };
        // Random replacement: live objects have mixed ages, so spans fragment.
        if rng.is_multiple_of(3) {
            unsafe { *ring.add((rng >> 32) as usize % live_slots) = p };
        }
    }
    heap.collect(&mut |m: &mut Marker<'_>| m.mark_pointer(ring as usize));
    let st = heap.mem_stats();
    let live = st.heap_alloc as usize;
    let peak = proc_status_bytes("VmHWM:");
    let peak_over_baseline = peak.saturating_sub(baseline);
    println!(
        "objects={} gcs={} live={:.1}MiB peak_rss={:.1}MiB baseline_rss={:.1}MiB peak_heap_inuse={:.1}MiB pause_total={:.0}ms bound={:.1}MiB",
        st.mallocs,
        st.num_gc,
        live as f64 / 1048576.0,
        peak as f64 / 1048576.0,
        baseline as f64 / 1048576.0,
        peak_heap_inuse as f64 / 1048576.0,
        st.pause_total_ns as f64 / 1e6,
        (3 * live + FIXED_OVERHEAD) as f64 / 1048576.0,
    );
    assert!(st.mallocs as usize >= TOTAL);
    assert!(live > 0);
    assert!(
        peak_over_baseline <= 3 * live + FIXED_OVERHEAD,
        "peak RSS {peak_over_baseline} over baseline exceeds 3 × live {live} + {FIXED_OVERHEAD}"
    );
}
