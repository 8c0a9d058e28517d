//! The table and its iterator on a test allocator (leaked, zeroed, 8-aligned blocks).

use super::*;
use std::collections::HashSet;

/// Type 0: the header; type 1: a group of `map[u64]u64` (8 + 8 × 16 bytes).
struct TestAlloc {
    blocks: Vec<Box<[u64]>>,
}

impl Alloc for TestAlloc {
    fn alloc(&mut self, ty: u32, count: u64) -> Result<*mut u8, MapError> {
        let words = match ty {
            0 => HEADER_WORDS as u64,
            _ => 1 + 2 * 8,
        };
        let mut b = vec![0u64; (words * count) as usize].into_boxed_slice();
        let p = b.as_mut_ptr().cast();
        self.blocks.push(b);
        Ok(p)
    }
}

fn int_map() -> MapType {
    MapType {
        key_size: 8,
        val_size: 8,
        slot_size: 16,
        val_off: 8,
        key_words: 1,
        val_words: 1,
        val_sext: 0,
        key_kind: key_kind::MEM8,
        key_alg: 0,
        group_ty: 1,
        header_ty: 0,
        c64: 0,
        key_cell_ty: INLINE,
        val_cell_ty: INLINE,
    }
}

fn k(x: u64) -> *const u8 {
    Box::leak(Box::new(x)) as *const u64 as *const u8
}

unsafe fn value(mt: &MapType, m: *mut Header, key: u64) -> Option<u64> {
    // SAFETY: the caller's contract.
    unsafe {
        let v = get(mt, m, k(key)).unwrap();
        (!v.is_null()).then(|| *(v as *const u64))
    }
}

unsafe fn collect(mt: &MapType, m: *mut Header) -> Vec<(u64, u64)> {
    let mut it = std::mem::MaybeUninit::<Iter>::uninit();
    let mut out = Vec::new();
    // SAFETY: the caller's contract.
    unsafe {
        iter_init(it.as_mut_ptr(), m);
        while iter_next(mt, it.as_mut_ptr()).unwrap() {
            let it = &*it.as_ptr();
            out.push((*(it.key as *const u64), *(it.val as *const u64)));
        }
    }
    out
}

#[test]
fn insert_lookup_delete_and_grow() {
    let mt = int_map();
    let mut a = TestAlloc { blocks: Vec::new() };
    // SAFETY: one map of `mt`'s type on the test allocator.
    unsafe {
        let m = make(&mt, 0, &mut a).unwrap();
        for i in 0..5000u64 {
            put(&mt, m, k(i * 7), k(i), &mut a).unwrap();
        }
        assert_eq!((*m).count, 5000);
        for i in 0..5000u64 {
            assert_eq!(value(&mt, m, i * 7), Some(i));
            assert_eq!(value(&mt, m, i * 7 + 1), None);
        }
        for i in (0..5000u64).step_by(2) {
            delete(&mt, m, k(i * 7)).unwrap();
        }
        assert_eq!((*m).count, 2500);
        assert_eq!(value(&mt, m, 14), None);
        assert_eq!(value(&mt, m, 7), Some(1));
        // Churn: tombstones must not make the table grow without bound or loop.
        for round in 0..20u64 {
            for i in 0..1000u64 {
                put(&mt, m, k(1_000_000 + round * 1000 + i), k(i), &mut a).unwrap();
            }
            for i in 0..1000u64 {
                delete(&mt, m, k(1_000_000 + round * 1000 + i)).unwrap();
            }
        }
        assert_eq!((*m).count, 2500);
        assert!((*m).mask < 4096);
        let all = collect(&mt, m);
        assert_eq!(all.len(), 2500);
        assert!(all.iter().all(|&(key, v)| key == v * 7 && v % 2 == 1));
        clear(&mt, m);
        assert_eq!((*m).count, 0);
        assert!(collect(&mt, m).is_empty());
        assert_eq!(value(&mt, m, 7), None);
    }
}

#[test]
fn nil_map_reads_and_write_panics() {
    let mt = int_map();
    let mut a = TestAlloc { blocks: Vec::new() };
    // SAFETY: a nil map.
    unsafe {
        let nil = std::ptr::null_mut();
        assert_eq!(value(&mt, nil, 1), None);
        assert!(delete(&mt, nil, k(1)).is_ok());
        assert!(collect(&mt, nil).is_empty());
        let e = put(&mt, nil, k(1), k(2), &mut a).unwrap_err();
        assert_eq!(e, MapError::Panic(RuntimeError::NilMapWrite));
    }
}

#[test]
fn iteration_order_varies_between_loops() {
    let mt = int_map();
    let mut a = TestAlloc { blocks: Vec::new() };
    // SAFETY: one map of `mt`'s type.
    unsafe {
        let m = make(&mt, 0, &mut a).unwrap();
        for i in 0..6u64 {
            put(&mt, m, k(i), k(i), &mut a).unwrap();
        }
        let firsts: HashSet<u64> = (0..200).map(|_| collect(&mt, m)[0].0).collect();
        assert!(firsts.len() > 1, "every range started at the same entry");
    }
}

#[test]
fn iteration_survives_growth_and_deletion() {
    let mt = int_map();
    let mut a = TestAlloc { blocks: Vec::new() };
    // SAFETY: one map of `mt`'s type; the iterator's table stays allocated.
    unsafe {
        let m = make(&mt, 0, &mut a).unwrap();
        for i in 0..100u64 {
            put(&mt, m, k(i), k(i), &mut a).unwrap();
        }
        let mut it = std::mem::MaybeUninit::<Iter>::uninit();
        iter_init(it.as_mut_ptr(), m);
        let mut seen = HashSet::new();
        let mut deleted = HashSet::new();
        let mut step = 0u64;
        while iter_next(&mt, it.as_mut_ptr()).unwrap() {
            let key = *((*it.as_ptr()).key as *const u64);
            assert!(seen.insert(key), "key {key} produced twice");
            assert!(!deleted.contains(&key), "deleted key {key} produced");
            // Grow the map a lot and delete some entries not yet reached.
            for j in 0..50u64 {
                put(&mt, m, k(10_000 + step * 50 + j), k(0), &mut a).unwrap();
            }
            for d in [(key + 37) % 100, (key + 71) % 100] {
                if !seen.contains(&d) && deleted.insert(d) {
                    delete(&mt, m, k(d)).unwrap();
                }
            }
            step += 1;
        }
        for i in 0..100u64 {
            assert!(seen.contains(&i) != deleted.contains(&i), "key {i} neither produced nor deleted");
        }
    }
}
