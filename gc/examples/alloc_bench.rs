//! Allocation + collection cost per object, on the workloads of `benches/alloc/main.go`
//! (run both and compare ns/object):
//!
//! ```text
//! cargo run --release -p gc --example alloc_bench -- [n] [live] [nodes|bytes|all]
//! go run benches/alloc/main.go -n N -live L -workload W
//! ```

use std::time::Instant;

use gc::{GcError, Heap, HeapConfig, Marker, TypeDesc, TypeId};

fn set(base: usize, i: usize, v: usize) {
    // SAFETY: callers index inside objects they allocated.
    unsafe { *((base + i * 8) as *mut usize) = v }
}

fn get(base: usize, i: usize) -> usize {
    // SAFETY: as for `set`.
    unsafe { *((base + i * 8) as *const usize) }
}

/// 32-byte nodes holding one pointer to one of 1024 long-lived anchors; a ring of `live` of
/// them stays reachable.
fn run_nodes(
    heap: &mut Heap,
    node: TypeId,
    ptr: TypeId,
    n: usize,
    live: usize,
) -> Result<usize, GcError> {
    let anchors = heap.alloc_array(ptr, 1024)?.as_ptr() as usize;
    for i in 0..1024 {
        let a = heap.alloc(node)?.as_ptr() as usize;
        set(a, 1, i);
        set(anchors, i, a);
    }
    let ring = heap.alloc_array(ptr, live)?.as_ptr() as usize;
    for i in 0..n {
        if heap.gc_requested() {
            heap.collect_if_requested(&mut |m: &mut Marker<'_>| {
                m.mark_pointer(anchors);
                m.mark_pointer(ring);
            });
        }
        let x = heap.alloc(node)?.as_ptr() as usize;
        set(x, 0, get(anchors, i & 1023));
        set(x, 1, i);
        set(ring, i % live, x);
    }
    let mut sink = 0usize;
    for i in 0..live {
        let x = get(ring, i);
        sink = sink.wrapping_add(get(x, 1)).wrapping_add(get(get(x, 0), 1));
    }
    Ok(sink)
}

/// Pointer-free buffers of 16..271 bytes; a ring of `live` of them stays reachable.
fn run_bytes(heap: &mut Heap, ptr: TypeId, n: usize, live: usize) -> Result<usize, GcError> {
    let ring = heap.alloc_array(ptr, live)?.as_ptr() as usize;
    for i in 0..n {
        if heap.gc_requested() {
            heap.collect_if_requested(&mut |m: &mut Marker<'_>| m.mark_pointer(ring));
        }
        let len = 16 + (i.wrapping_mul(7) & 255);
        let b = heap.alloc_noscan(len)?.as_ptr();
        // SAFETY: `b` has at least 16 bytes.
        unsafe { *b = i as u8 };
        set(ring, i % live, b as usize);
    }
    let mut sink = 0usize;
    for i in 0..live {
        // SAFETY: every ring slot holds a live buffer.
        sink = sink.wrapping_add(unsafe { *(get(ring, i) as *const u8) } as usize);
    }
    Ok(sink)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).map_or(Ok(50_000_000), |s| s.parse())?;
    let live: usize = args.get(2).map_or(Ok(10_000), |s| s.parse())?;
    let workload = args.get(3).map_or("all", String::as_str);
    if live == 0 {
        return Err("live must be positive".into());
    }
    let mut sink = 0usize;
    for name in ["nodes", "bytes"] {
        if workload != name && workload != "all" {
            continue;
        }
        let mut heap = Heap::new(HeapConfig {
            poison_freed: false,
            ..HeapConfig::from_env()?
        })?;
        let node = heap.register_type(TypeDesc::new(32, 8, &[0])?)?;
        let ptr = heap.register_type(TypeDesc::new(8, 8, &[0])?)?;
        let start = Instant::now();
        let s = match name {
            "nodes" => run_nodes(&mut heap, node, ptr, n, live)?,
            _ => run_bytes(&mut heap, ptr, n, live)?,
        };
        sink = sink.wrapping_add(s);
        let elapsed = start.elapsed();
        let st = heap.mem_stats();
        println!(
            "{name:<6} objects={n} live={live} time={:.3}s ns/object={:.2} gcs={} pause_total={:.1}ms heap_sys={}MB",
            elapsed.as_secs_f64(),
            elapsed.as_nanos() as f64 / n.max(1) as f64,
            st.num_gc,
            st.pause_total_ns as f64 / 1e6,
            st.heap_sys >> 20
        );
    }
    std::hint::black_box(sink);
    Ok(())
}
