//! Size classes: the fixed menu of object sizes that small allocations are rounded up to.
//!
//! The table is computed at compile time by the rule Go's allocator follows (sizes spaced so
//! that rounding wastes at most 1/8 of an object, span lengths chosen so that the tail of a
//! span wastes at most 1/8 of it, and neighbouring classes with identical span geometry merged
//! into the larger one). Class 0 stands for "large": objects above [`MAX_SMALL_SIZE`] get a
//! span of their own.

/// log2 of the heap page size.
pub const PAGE_SHIFT: usize = 13;
/// The heap page size: spans are whole numbers of pages.
pub const PAGE_SIZE: usize = 1 << PAGE_SHIFT;
/// The largest object size served by a size class; anything above is a large object.
pub const MAX_SMALL_SIZE: usize = 32 << 10;

const MAX_CLASSES: usize = 96;
const SMALL_LIMIT: usize = 1024;
const TABLE8_LEN: usize = SMALL_LIMIT / 8 + 1;
const TABLE128_LEN: usize = (MAX_SMALL_SIZE - SMALL_LIMIT) / 128 + 1;

/// The generated size-class table.
pub(crate) struct Classes {
    /// Object size of each class (index 0 unused: large objects).
    pub size: [u32; MAX_CLASSES],
    /// Pages per span of each class.
    pub npages: [u8; MAX_CLASSES],
    /// Multiplier that turns a byte offset inside a span into an object index:
    /// `index = (offset * div_mul) >> 32`, exact for every offset inside a span.
    pub div_mul: [u32; MAX_CLASSES],
    /// Number of classes including class 0.
    pub count: usize,
    to_class8: [u8; TABLE8_LEN],
    to_class128: [u8; TABLE128_LEN],
}

const fn generate() -> Classes {
    let mut c = Classes {
        size: [0; MAX_CLASSES],
        npages: [0; MAX_CLASSES],
        div_mul: [0; MAX_CLASSES],
        count: 1,
        to_class8: [0; TABLE8_LEN],
        to_class128: [0; TABLE128_LEN],
    };
    let mut size = 8;
    while size <= MAX_SMALL_SIZE {
        // Spacing: 8 then 16-byte steps up to 128, then steps of the largest power of two
        // not above size/8, which bounds rounding waste by 12.5%.
        let step = if size < 32 {
            8
        } else if size < 128 {
            16
        } else {
            let mut a = 16;
            while a * 2 <= size / 8 {
                a *= 2;
            }
            a
        };
        let mut np = 1;
        while (np * PAGE_SIZE) % size > (np * PAGE_SIZE) / 8 {
            np += 1;
        }
        let objs = np * PAGE_SIZE / size;
        let last = c.count - 1;
        if c.count > 2
            && c.npages[last] as usize == np
            && np * PAGE_SIZE / c.size[last] as usize == objs
            && c.size[last - 1] as usize * 8 >= size * 7
        {
            // Same span geometry as the previous class: a larger size costs no span space, and
            // the class below still bounds rounding waste by 1/8.
            c.size[last] = size as u32;
        } else {
            c.size[c.count] = size as u32;
            c.npages[c.count] = np as u8;
            c.count += 1;
        }
        size += step;
    }
    let mut i = 1;
    while i < c.count {
        c.div_mul[i] = (u32::MAX / c.size[i]) + 1;
        i += 1;
    }
    // Lookup tables: smallest class whose size is >= the request.
    let mut cls = 1;
    let mut k = 0;
    while k < TABLE8_LEN {
        let want = k * 8;
        while (c.size[cls] as usize) < want {
            cls += 1;
        }
        c.to_class8[k] = cls as u8;
        k += 1;
    }
    k = 0;
    while k < TABLE128_LEN {
        let want = SMALL_LIMIT + k * 128;
        while (c.size[cls] as usize) < want {
            cls += 1;
        }
        c.to_class128[k] = cls as u8;
        k += 1;
    }
    c
}

/// The size-class table, built at compile time.
pub(crate) static CLASSES: Classes = generate();

/// The size class serving objects of `size` bytes (1 ..= [`MAX_SMALL_SIZE`]).
#[inline(always)]
pub(crate) fn class_of(size: usize) -> usize {
    debug_assert!(size > 0 && size <= MAX_SMALL_SIZE);
    if size <= SMALL_LIMIT {
        CLASSES.to_class8[(size + 7) >> 3] as usize
    } else {
        CLASSES.to_class128[(size - SMALL_LIMIT + 127) >> 7] as usize
    }
}

/// Object size of class `class`.
#[inline(always)]
pub(crate) fn class_size(class: usize) -> usize {
    CLASSES.size[class] as usize
}

/// Number of size classes, class 0 (large) included.
pub fn num_classes() -> usize {
    CLASSES.count
}

/// Object size of every small size class, in increasing order (class 0 excluded).
pub fn class_sizes() -> impl Iterator<Item = usize> {
    CLASSES.size[1..CLASSES.count].iter().map(|&s| s as usize)
}

/// The size a small allocation of `size` bytes is rounded up to, or `None` if it is large
/// (the runtime's growslice uses this, as Go's does, to round capacities up).
pub fn round_up_size(size: usize) -> Option<usize> {
    match size {
        0 => Some(0),
        1..=MAX_SMALL_SIZE => Some(class_size(class_of(size))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_increasing_and_bounded() {
        assert!(CLASSES.count > 40 && CLASSES.count < MAX_CLASSES);
        let mut prev = 0;
        for c in 1..CLASSES.count {
            let s = class_size(c);
            assert!(s > prev, "class {c} not increasing");
            assert_eq!(s % 8, 0);
            let span = CLASSES.npages[c] as usize * PAGE_SIZE;
            assert!(span % s <= span / 8, "class {c} wastes too much span tail");
            // Rounding waste: at most 16 bytes or 1/8 of the object.
            assert!(
                s - prev <= 16 || prev * 8 >= s * 7,
                "class {c} ({s}) too far from {prev}"
            );
            prev = s;
        }
        assert_eq!(prev, MAX_SMALL_SIZE);
    }

    #[test]
    fn lookup_finds_smallest_fitting_class() {
        for size in 1..=MAX_SMALL_SIZE {
            let c = class_of(size);
            assert!(class_size(c) >= size);
            assert!(
                c == 1 || class_size(c - 1) < size,
                "size {size} not in smallest class"
            );
        }
    }

    #[test]
    fn div_mul_is_exact_for_every_offset_in_a_span() {
        for c in 1..CLASSES.count {
            let size = class_size(c);
            let span = CLASSES.npages[c] as usize * PAGE_SIZE;
            for off in 0..span {
                let idx = ((off as u64 * CLASSES.div_mul[c] as u64) >> 32) as usize;
                assert_eq!(idx, off / size, "class {c} offset {off}");
            }
        }
    }
}
