//! Small helpers over `[u64]` bitmaps (allocation, mark and page-state bits).

/// Whether bit `i` is set (false if out of range).
#[inline(always)]
pub(crate) fn get(bits: &[u64], i: usize) -> bool {
    bits.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
}

/// Sets bit `i`; returns whether it was already set. Out-of-range indices are ignored (and
/// reported as set, so callers never act on them).
#[inline(always)]
pub(crate) fn test_and_set(bits: &mut [u64], i: usize) -> bool {
    match bits.get_mut(i / 64) {
        Some(w) => {
            let m = 1 << (i % 64);
            let was = *w & m != 0;
            *w |= m;
            was
        }
        None => true,
    }
}

/// Sets (or clears) every bit in `lo..hi`; returns how many bits changed.
pub(crate) fn set_range(bits: &mut [u64], lo: usize, hi: usize, value: bool) -> usize {
    let mut changed = 0;
    let mut i = lo;
    while i < hi {
        let wi = i / 64;
        let start = i % 64;
        let n = (64 - start).min(hi - i);
        let mask = if n == 64 {
            u64::MAX
        } else {
            ((1u64 << n) - 1) << start
        };
        if let Some(w) = bits.get_mut(wi) {
            let old = *w;
            *w = if value { old | mask } else { old & !mask };
            changed += ((old ^ *w) & mask).count_ones() as usize;
        }
        i += n;
    }
    changed
}

/// Number of set bits in `lo..hi`.
pub(crate) fn count_range(bits: &[u64], lo: usize, hi: usize) -> usize {
    let mut count = 0;
    let mut i = lo;
    while i < hi {
        let start = i % 64;
        let n = (64 - start).min(hi - i);
        let mask = if n == 64 {
            u64::MAX
        } else {
            ((1u64 << n) - 1) << start
        };
        count += bits
            .get(i / 64)
            .map_or(0, |w| (w & mask).count_ones() as usize);
        i += n;
    }
    count
}

/// Maximal runs `[start, end)` inside `lo..hi` whose bits equal `value`.
pub(crate) fn runs(bits: &[u64], lo: usize, hi: usize, value: bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = lo;
    while i < hi {
        if get(bits, i) == value {
            let s = i;
            while i < hi && get(bits, i) == value {
                i += 1;
            }
            out.push((s, i));
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges() {
        let mut b = vec![0u64; 3];
        assert_eq!(set_range(&mut b, 10, 140, true), 130);
        assert_eq!(count_range(&b, 0, 192), 130);
        assert_eq!(count_range(&b, 60, 70), 10);
        assert_eq!(set_range(&mut b, 0, 20, true), 10);
        assert_eq!(set_range(&mut b, 64, 128, false), 64);
        assert_eq!(runs(&b, 0, 192, true), vec![(0, 64), (128, 140)]);
        assert!(!test_and_set(&mut b, 150));
        assert!(test_and_set(&mut b, 150));
        assert!(get(&b, 150) && !get(&b, 151) && !get(&b, 10_000));
    }
}
