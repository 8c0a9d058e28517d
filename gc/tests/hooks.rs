//! The runtime-facing hooks: pacing by GOGC, runtime.GC, debug.SetGCPercent,
//! debug.FreeOSMemory, MemStats, gctrace, finalizers, cleanups and weak pointers.

use gc::{Heap, HeapConfig, Marker, NoRoots, TypeDesc, TypeId};

fn heap() -> Heap {
    Heap::new(HeapConfig {
        poison_freed: true,
        ..HeapConfig::default()
    })
    .unwrap()
}

fn node_type(h: &mut Heap) -> TypeId {
    // struct { next *T; val int }
    h.register_type(TypeDesc::new(16, 8, &[0]).unwrap())
        .unwrap()
}

fn alloc_node(h: &mut Heap, t: TypeId, next: usize, val: usize) -> usize {
    let p = h.alloc(t).unwrap().as_ptr() as *mut usize;
    unsafe {
        *p = next;
        *p.add(1) = val;
    }
    p as usize
}

#[test]
fn allocation_requests_a_collection_at_the_goal() {
    let mut h = heap();
    assert!(!h.gc_requested());
    let mut allocated = 0;
    while !h.gc_requested() {
        h.alloc_noscan(1024).unwrap();
        allocated += 1024;
        assert!(
            allocated <= 5 << 20,
            "no collection requested past the 4 MiB minimum goal"
        );
    }
    assert!(
        allocated >= (4 << 20) - (64 << 10),
        "requested too early: {allocated}"
    );
    assert!(h.collect_if_requested(&mut NoRoots));
    assert!(!h.gc_requested());
    assert!(!h.collect_if_requested(&mut NoRoots));
    let st = h.mem_stats();
    assert_eq!((st.num_gc, st.num_forced_gc), (1, 0));
    assert_eq!(st.heap_alloc, 0);
}

#[test]
fn goal_is_live_times_one_plus_gogc() {
    let mut h = heap();
    let ptrs = h.register_type(TypeDesc::new(8, 8, &[0]).unwrap()).unwrap();
    // 10 MB live in 1000 buffers held by one pointer array.
    let arr = h.alloc_array(ptrs, 1000).unwrap().as_ptr() as *mut usize;
    for i in 0..1000 {
        let b = h.alloc_noscan(10 << 10).unwrap().as_ptr() as usize;
        unsafe { *arr.add(i) = b };
    }
    let mut roots = |m: &mut Marker<'_>| m.mark_pointer(arr as usize);
    h.collect(&mut roots);
    let live = h.mem_stats().heap_alloc;
    assert!(live >= 1000 * (10 << 10));
    assert_eq!(h.mem_stats().next_gc, 2 * live);
    assert_eq!(h.set_gc_percent(50), 100);
    assert_eq!(h.mem_stats().next_gc, live + live / 2);
    assert_eq!(h.set_gc_percent(-1), 50);
    assert_eq!(h.gc_percent(), -1);
    for _ in 0..3000 {
        h.alloc_noscan(10 << 10).unwrap();
    }
    assert!(!h.gc_requested(), "GOGC=off never requests a collection");
    h.collect(&mut roots);
    assert_eq!(h.mem_stats().num_forced_gc, 2);
}

#[test]
fn memory_limit_triggers_collection_with_gogc_off() {
    let mut h = Heap::new(HeapConfig {
        gc_percent: -1,
        memory_limit: 16 << 20,
        ..HeapConfig::default()
    })
    .unwrap();
    let mut allocated = 0usize;
    while !h.gc_requested() {
        h.alloc_noscan(4096).unwrap();
        allocated += 4096;
        assert!(
            allocated <= 17 << 20,
            "the memory limit did not trigger a collection"
        );
    }
    assert!(allocated >= 15 << 20);
    assert_eq!(h.set_memory_limit(-1), 16 << 20);
    assert_eq!(h.memory_limit(), 16 << 20);
    assert_eq!(h.set_memory_limit(gc::NO_MEMORY_LIMIT), 16 << 20);
    h.collect(&mut NoRoots);
    for _ in 0..10_000 {
        h.alloc_noscan(4096).unwrap();
    }
    assert!(!h.gc_requested());
}

#[test]
fn env_configuration() {
    let c = HeapConfig::from_vars(Some("off"), None, "madvdontneed=1,gctrace=1").unwrap();
    assert_eq!(c.gc_percent, -1);
    assert!(c.gctrace);
    assert_eq!(c.memory_limit, gc::NO_MEMORY_LIMIT);
    let c = HeapConfig::from_vars(Some("250"), Some("1GiB"), "gctrace=1,gctrace=0").unwrap();
    assert_eq!(c.gc_percent, 250);
    assert_eq!(c.memory_limit, 1 << 30);
    assert!(!c.gctrace);
    assert_eq!(
        HeapConfig::from_vars(None, Some("lots"), "").unwrap_err(),
        gc::GcError::BadMemoryLimit
    );
}

#[test]
fn trace_report_describes_the_cycle() {
    let mut h = heap();
    let t = node_type(&mut h);
    let mut head = 0;
    for i in 0..100_000 {
        head = alloc_node(&mut h, t, head, i);
    }
    for _ in 0..100_000 {
        alloc_node(&mut h, t, 0, 0);
    }
    h.collect(&mut |m: &mut Marker<'_>| m.mark_words(&[head, 12345], &[0b1]));
    let r = h.last_cycle().unwrap().clone();
    assert_eq!(r.num, 1);
    assert!(r.forced);
    assert_eq!(r.heap[2], 100_000 * 16);
    assert_eq!(r.heap[0], 200_000 * 16);
    assert_eq!(r.stacks, 16);
    let line = r.gctrace_line();
    assert!(line.starts_with("gc 1 @"), "{line}");
    assert!(
        line.contains(" ms clock, ")
            && line.contains("3->3->1 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 1 P (forced)\n"),
        "{line}"
    );
}

#[test]
fn free_os_memory_releases_free_pages() {
    let mut h = heap();
    for _ in 0..64 {
        let p = h.alloc_noscan(1 << 20).unwrap().as_ptr();
        // Touch the memory so that it is resident.
        unsafe { std::ptr::write_bytes(p, 1, 1 << 20) };
    }
    let before = h.mem_stats();
    assert!(before.heap_inuse >= 64 << 20);
    h.free_os_memory(&mut NoRoots);
    let after = h.mem_stats();
    assert_eq!(after.heap_inuse, 0);
    assert_eq!(after.heap_released, after.heap_sys);
    assert_eq!(after.heap_idle, after.heap_sys);
    // Released memory comes back zeroed.
    let p = h.alloc_noscan(1 << 20).unwrap().as_ptr();
    assert!(
        (0..1 << 20)
            .step_by(4093)
            .all(|i| unsafe { *p.add(i) } == 0)
    );
}

#[test]
fn shrinking_heap_returns_memory_after_a_normal_cycle() {
    let mut h = heap();
    let ptrs = h.register_type(TypeDesc::new(8, 8, &[0]).unwrap()).unwrap();
    let arr = h.alloc_array(ptrs, 200).unwrap().as_ptr() as *mut usize;
    for i in 0..200 {
        let p = h.alloc_noscan(1 << 20).unwrap().as_ptr();
        unsafe {
            std::ptr::write_bytes(p, 1, 1 << 20);
            *arr.add(i) = p as usize;
        }
    }
    h.collect(&mut |m: &mut Marker<'_>| m.mark_pointer(arr as usize));
    assert!(h.mem_stats().heap_inuse >= 200 << 20);
    // Drop everything: the goal falls to the minimum and the free pages go back.
    h.collect(&mut NoRoots);
    let st = h.mem_stats();
    let resident = st.heap_sys - st.heap_released;
    assert!(
        resident <= 5 << 20,
        "resident heap {resident} after the live set vanished"
    );
}

#[test]
fn finalizer_runs_once_and_resurrects_for_one_cycle() {
    let mut h = heap();
    let t = node_type(&mut h);
    let child = alloc_node(&mut h, t, 0, 7);
    let obj = alloc_node(&mut h, t, child, 1);
    let token = alloc_node(&mut h, t, 0, 99); // the runtime's closure object
    h.set_finalizer(obj, token).unwrap();
    assert!(
        h.set_finalizer(obj, token).is_err(),
        "finalizer already set"
    );
    assert!(
        h.set_finalizer(obj + 8, token).is_err(),
        "not the start of an object"
    );
    h.collect(&mut NoRoots);
    let ready = h.take_ready_finalizers();
    assert_eq!(ready, vec![(obj, token)]);
    // Resurrected with everything it references, token included.
    for p in [obj, child, token] {
        assert!(h.find_object(p).is_some());
    }
    assert_eq!(unsafe { *((child + 8) as *const usize) }, 7);
    // The runtime ran it and dropped it: the next cycle frees it, and it never runs again.
    h.collect(&mut NoRoots);
    assert!(h.take_ready_finalizers().is_empty());
    for p in [obj, child, token] {
        assert!(h.find_object(p).is_none());
    }
}

#[test]
fn finalizers_in_a_chain_run_one_at_a_time() {
    let mut h = heap();
    let t = node_type(&mut h);
    let b = alloc_node(&mut h, t, 0, 2);
    let a = alloc_node(&mut h, t, b, 1);
    h.set_finalizer(a, 1).unwrap();
    h.set_finalizer(b, 2).unwrap();
    h.collect(&mut NoRoots);
    // b is reachable from a's finalizer object, so only a is due (Go's order).
    assert_eq!(h.take_ready_finalizers(), vec![(a, 1)]);
    h.collect(&mut NoRoots);
    assert_eq!(h.take_ready_finalizers(), vec![(b, 2)]);
}

#[test]
fn removed_finalizer_does_not_run() {
    let mut h = heap();
    let t = node_type(&mut h);
    let a = alloc_node(&mut h, t, 0, 1);
    h.set_finalizer(a, 5).unwrap();
    h.set_finalizer(a, 0).unwrap();
    h.collect(&mut NoRoots);
    assert!(h.take_ready_finalizers().is_empty());
    assert!(h.find_object(a).is_none());
}

#[test]
fn cleanups_run_after_the_object_is_freed() {
    let mut h = heap();
    let t = node_type(&mut h);
    let a = alloc_node(&mut h, t, 0, 1);
    let b = alloc_node(&mut h, t, 0, 2);
    let tok_a = alloc_node(&mut h, t, 0, 10);
    let tok_b = alloc_node(&mut h, t, 0, 20);
    h.add_cleanup(a + 8, tok_a).unwrap();
    let cb = h.add_cleanup(b, tok_b).unwrap();
    assert!(h.cancel_cleanup(cb));
    assert!(!h.cancel_cleanup(cb));
    // a stays reachable for one cycle.
    h.collect(&mut |m: &mut Marker<'_>| m.mark_pointer(a));
    assert!(h.take_ready_cleanups().is_empty());
    assert!(
        h.find_object(tok_a).is_some(),
        "registered cleanup keeps its token alive"
    );
    h.collect(&mut NoRoots);
    assert!(h.find_object(a).is_none());
    let ready = h.take_ready_cleanups();
    assert_eq!(ready, vec![tok_a]);
    assert!(
        h.find_object(tok_a).is_some(),
        "queued token stays alive until taken"
    );
    assert!(h.find_object(tok_b).is_none());
}

#[test]
fn weak_pointers_clear_when_the_target_dies() {
    let mut h = heap();
    let t = node_type(&mut h);
    let a = alloc_node(&mut h, t, 0, 1);
    let b = alloc_node(&mut h, t, 0, 2);
    let wa = h.make_weak(a + 8).unwrap();
    let wb = h.make_weak(b).unwrap();
    assert_eq!(h.make_weak(a + 8).unwrap(), wa, "same pointer, same handle");
    let (wa_addr, wb_addr) = (wa.as_ptr() as usize, wb.as_ptr() as usize);
    // Handles and a are held; b is not.
    h.collect(&mut |m: &mut Marker<'_>| m.mark_words(&[wa_addr, wb_addr, a], &[0b111]));
    unsafe {
        assert_eq!(h.weak_value(wa), Some(a + 8));
        assert_eq!(h.weak_value(wb), None);
    }
    assert!(h.find_object(b).is_none());
    h.collect(&mut |m: &mut Marker<'_>| m.mark_words(&[wa_addr], &[0b1]));
    unsafe { assert_eq!(h.weak_value(wa), None) };
    // A dead handle is forgotten: a new target at the old address gets a fresh handle.
    h.collect(&mut NoRoots);
    assert!(h.find_object(wa_addr).is_none());
}

#[test]
fn weak_pointer_is_cleared_before_a_finalizer_resurrects() {
    let mut h = heap();
    let t = node_type(&mut h);
    let a = alloc_node(&mut h, t, 0, 1);
    let w = h.make_weak(a).unwrap();
    h.set_finalizer(a, 3).unwrap();
    let wa = w.as_ptr() as usize;
    h.collect(&mut |m: &mut Marker<'_>| m.mark_pointer(wa));
    assert_eq!(h.take_ready_finalizers(), vec![(a, 3)]);
    assert!(h.find_object(a).is_some());
    unsafe { assert_eq!(h.weak_value(w), None) };
}

#[test]
fn mem_stats_are_consistent() {
    let mut h = heap();
    let t = node_type(&mut h);
    let mut keep = Vec::new();
    for i in 0..10_000 {
        let p = alloc_node(&mut h, t, 0, i);
        if i % 10 == 0 {
            keep.push(p);
        }
    }
    let mid = h.mem_stats();
    assert_eq!(mid.mallocs, 10_000);
    assert_eq!(mid.heap_objects, 10_000);
    assert_eq!(mid.heap_alloc, 10_000 * 16);
    assert_eq!(mid.total_alloc, 10_000 * 16);
    assert_eq!(
        mid.by_size.iter().find(|c| c.size == 16).unwrap().mallocs,
        10_000
    );
    let bitmap = vec![u64::MAX; keep.len().div_ceil(64)];
    h.collect(&mut |m: &mut Marker<'_>| m.mark_words(&keep, &bitmap));
    let st = h.mem_stats();
    assert_eq!(st.frees, 9_000);
    assert_eq!(st.heap_objects, 1_000);
    assert_eq!(st.heap_alloc, 1_000 * 16);
    assert_eq!(st.alloc, st.heap_alloc);
    assert_eq!(st.heap_inuse + st.heap_idle, st.heap_sys);
    assert!(st.heap_released <= st.heap_idle);
    assert!(st.heap_alloc <= st.heap_inuse);
    assert_eq!(st.num_gc, 1);
    assert!(st.pause_total_ns > 0 && st.pause_ns[0] == st.pause_total_ns);
    assert!(st.last_gc > 0 && st.pause_end[0] == st.last_gc);
    assert_eq!(st.next_gc, 4 << 20);
    let class16 = st.by_size.iter().find(|c| c.size == 16).unwrap();
    assert_eq!((class16.mallocs, class16.frees), (10_000, 9_000));
    assert_eq!(st.by_size.iter().map(|c| c.mallocs).sum::<u64>(), 10_000);
}
