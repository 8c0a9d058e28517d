//! Slice growth exactly as gc's `growslice`: the next capacity (`nextslicecap`: double
//! below 256 elements, then about 1.25×) rounded up so that the allocation fills its
//! size class (`roundupsize`, including gc's 8-byte malloc header for pointerful
//! objects above 512 bytes). Programs observe this through `cap`. The size classes are
//! the heap's own, [`gc::sizeclass`], which are gc's exact table: one source of truth for
//! what the allocator hands out and what `cap` reports.

use crate::errors::RuntimeError;
use gc::sizeclass::{self, PAGE_SIZE};

/// gc's `maxAlloc` on linux/amd64.
const MAX_ALLOC: u64 = 1 << 48;
/// gc's `mallocHeaderSize`.
const MALLOC_HEADER: u64 = 8;
/// gc's `minSizeForMallocHeader`: pointerful objects above this carry a header.
const MIN_SIZE_FOR_HEADER: u64 = 512;
/// gc's page size.
const PAGE: u64 = PAGE_SIZE as u64;
/// gc's `maxSmallSize`.
const MAX_SMALL_SIZE: u64 = sizeclass::MAX_SMALL_SIZE as u64;

/// `nextslicecap`: the capacity to grow a slice of capacity `old_cap` to so that it
/// holds `new_len` elements.
pub fn next_slice_cap(new_len: i64, old_cap: i64) -> i64 {
    let mut newcap = old_cap;
    let doublecap = newcap.wrapping_add(newcap);
    if new_len > doublecap {
        return new_len;
    }
    const THRESHOLD: i64 = 256;
    if old_cap < THRESHOLD {
        return doublecap;
    }
    loop {
        newcap = newcap.wrapping_add((newcap.wrapping_add(3 * THRESHOLD)) >> 2);
        if newcap as u64 >= new_len as u64 {
            break;
        }
    }
    if newcap <= 0 { new_len } else { newcap }
}

/// `roundupsize`: the size the allocator really hands out for a request of `size` bytes.
pub fn round_up_size(size: u64, noscan: bool) -> u64 {
    let mut req = size;
    if req <= MAX_SMALL_SIZE - MALLOC_HEADER {
        if !noscan && req > MIN_SIZE_FOR_HEADER {
            req += MALLOC_HEADER;
        }
        // `req` is at most MAX_SMALL_SIZE here, so it has a class; the header (if any) is
        // part of the class's slot but not of the usable size.
        let class = usize::try_from(req).ok().and_then(sizeclass::round_up_size);
        return class.map_or(size, |c| c as u64 - (req - size));
    }
    match req.checked_add(PAGE - 1) {
        Some(r) => r & !(PAGE - 1),
        None => size,
    }
}

/// The capacity `growslice` gives a slice of `elem_size`-byte elements (`noscan`: they
/// hold no pointers) whose capacity `old_cap` must grow to hold `new_len`, and the bytes
/// to allocate; or gc's `growslice: len out of range` panic.
pub fn grow_cap(
    new_len: i64,
    old_cap: i64,
    elem_size: u64,
    noscan: bool,
) -> Result<(i64, u64), RuntimeError> {
    let out_of_range = || RuntimeError::Runtime("growslice: len out of range".into());
    if new_len < 0 {
        return Err(out_of_range());
    }
    if elem_size == 0 {
        return Ok((new_len, 0));
    }
    let newcap = next_slice_cap(new_len, old_cap);
    let n = newcap as u64;
    let (overflow, capmem) = match n.checked_mul(elem_size) {
        Some(bytes) => (n > MAX_ALLOC / elem_size, round_up_size(bytes, noscan)),
        None => (true, u64::MAX),
    };
    // Every size gc special-cases (1, 8, powers of two) reduces to this division.
    let newcap = capmem / elem_size;
    if overflow || capmem > MAX_ALLOC {
        return Err(out_of_range());
    }
    Ok((newcap as i64, newcap * elem_size))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The capacities of successive one-element appends, from capacity `start`.
    fn caps(start: i64, elem_size: u64, noscan: bool, up_to: i64) -> Vec<i64> {
        let mut out = vec![start];
        let mut cap = start;
        while cap < up_to {
            cap = grow_cap(cap + 1, cap, elem_size, noscan).unwrap().0;
            out.push(cap);
        }
        out
    }

    // Expected sequences: what `cap` printed under go1.26 for appends one at a time.
    #[test]
    fn growth_matches_gc() {
        assert_eq!(
            caps(4, 8, true, 5000),
            [
                4, 8, 16, 32, 64, 128, 256, 512, 848, 1280, 1792, 2560, 3408, 5120
            ]
        );
        assert_eq!(
            caps(32, 1, true, 5000),
            [32, 64, 128, 256, 512, 896, 1408, 2048, 3072, 4096, 5376]
        );
        assert_eq!(
            caps(1, 24, true, 5000),
            [
                1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 853, 1365, 2048, 3072, 4096, 5461
            ]
        );
        assert_eq!(
            caps(4, 8, false, 5000),
            [
                4, 8, 16, 32, 64, 143, 287, 607, 1023, 1535, 2303, 3071, 4095, 6144
            ]
        );
        // append([]int{1, 2, 3}, 4, 5, 6, 7, 8) has cap 8.
        assert_eq!(grow_cap(8, 3, 8, true).unwrap().0, 8);
    }

    #[test]
    fn size_classes_are_gcs() {
        let c: Vec<usize> = sizeclass::class_sizes().collect();
        assert_eq!(c.len(), 67);
        assert_eq!(&c[..8], &[8, 16, 24, 32, 48, 64, 80, 96]);
        assert!(c.contains(&6784) && c.contains(&27264));
        assert_eq!(c.last(), Some(&32768));
    }

    #[test]
    fn round_up_size_adds_the_malloc_header_for_pointerful_objects() {
        // 600 bytes: class 640 either way, minus the 8-byte header when scanned.
        assert_eq!(round_up_size(600, true), 640);
        assert_eq!(round_up_size(600, false), 632);
        // At 512 bytes there is no header yet.
        assert_eq!(round_up_size(512, false), 512);
        // Just above the small-object limit: whole pages.
        assert_eq!(round_up_size(32762, true), 32768);
        assert_eq!(round_up_size(32768, true), 32768);
        assert_eq!(round_up_size(32769, true), 40960);
    }

    #[test]
    fn impossible_lengths_panic() {
        let err = grow_cap(-1, 0, 8, true).unwrap_err();
        assert_eq!(err.message(), "runtime error: growslice: len out of range");
        assert!(grow_cap(1 << 60, 0, 8, true).is_err());
    }
}
