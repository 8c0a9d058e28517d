//! Size classes: the fixed menu of object sizes that small allocations are rounded up to.
//!
//! The table is Go's own (`internal/runtime/gc/sizeclasses.go`), computed at compile time by
//! the algorithm of Go's `mksizeclasses.go` rather than copied: sizes step by an alignment
//! that grows with the size (8, then 16 from 32 bytes, size/8 from 128, 256 from 2048), so
//! rounding wastes at most about 1/8 of an object; each class gets the fewest pages whose
//! span tail wastes at most 1/8; a class with the same pages and object count as the one
//! before replaces it; finally each size grows to the largest multiple of 128 bytes that
//! still fits as many objects in its span. Being Go's exact table matters beyond memory
//! use: `append` capacities (`runtime::slice`) and `runtime.MemStats.BySize` are visible to
//! programs. Class 0 stands for "large": objects above [`MAX_SMALL_SIZE`] get a span of
//! their own.

/// log2 of the heap page size.
pub const PAGE_SHIFT: usize = 13;
/// The heap page size: spans are whole numbers of pages.
pub const PAGE_SIZE: usize = 1 << PAGE_SHIFT;
/// The largest object size served by a size class; anything above is a large object.
pub const MAX_SMALL_SIZE: usize = 32 << 10;

/// Go's `minHeapAlign`: the smallest class size and the first alignment step.
const MIN_HEAP_ALIGN: usize = 8;
/// Go's `NumSizeClasses`, class 0 included; the generator checks it (Go's does too), so a
/// change to the rule cannot silently produce a table that differs from Go's.
const NUM_CLASSES: usize = 68;
/// Go's `smallSizeMax`: sizes up to here are looked up in 8-byte steps, above in 128-byte ones.
const SMALL_LIMIT: usize = 1024;
/// Go's `smallSizeDiv`.
const SMALL_DIV: usize = 8;
/// Go's `largeSizeDiv`: class sizes above [`SMALL_LIMIT`] must stay multiples of it for the
/// 128-byte lookup table to find the right class.
const LARGE_DIV: usize = 128;
const TABLE8_LEN: usize = SMALL_LIMIT / SMALL_DIV + 1;
const TABLE128_LEN: usize = (MAX_SMALL_SIZE - SMALL_LIMIT) / LARGE_DIV + 1;

/// The generated size-class table.
pub(crate) struct Classes {
    /// Object size of each class (index 0 unused: large objects).
    pub size: [u32; NUM_CLASSES],
    /// Pages per span of each class.
    pub npages: [u8; NUM_CLASSES],
    /// Multiplier that turns a byte offset inside a span into an object index:
    /// `index = (offset * div_mul) >> 32`, exact for every offset inside a span.
    pub div_mul: [u32; NUM_CLASSES],
    /// Number of classes including class 0.
    pub count: usize,
    to_class8: [u8; TABLE8_LEN],
    to_class128: [u8; TABLE128_LEN],
}

/// The fewest pages whose span, cut into `size`-byte objects, leaves a tail of at most 1/8.
const fn pages_for(size: usize) -> usize {
    let mut alloc = PAGE_SIZE;
    while alloc % size > alloc / 8 {
        alloc += PAGE_SIZE;
    }
    alloc / PAGE_SIZE
}

const fn generate() -> Classes {
    let mut c = Classes {
        size: [0; NUM_CLASSES],
        npages: [0; NUM_CLASSES],
        div_mul: [0; NUM_CLASSES],
        count: 1,
        to_class8: [0; TABLE8_LEN],
        to_class128: [0; TABLE128_LEN],
    };
    let mut align = MIN_HEAP_ALIGN;
    let mut size = align;
    while size <= MAX_SMALL_SIZE {
        if size.is_power_of_two() {
            // Coarser steps as sizes grow keep the rounding waste near 1/8 with few classes;
            // 16 from 32 bytes up because Go's heap bitmaps assume 16-byte alignment there.
            if size >= 2048 {
                align = 256;
            } else if size >= 128 {
                align = size / 8;
            } else if size >= 32 {
                align = 16;
            }
        }
        let np = pages_for(size);
        let last = c.count - 1;
        if c.count > 1
            && c.npages[last] as usize == np
            && np * PAGE_SIZE / size == np * PAGE_SIZE / c.size[last] as usize
        {
            // Same pages and object count as the previous class: the larger size costs no
            // span space, so it replaces the smaller one.
            c.size[last] = size as u32;
        } else {
            if c.count == NUM_CLASSES {
                panic!("Go's size-class rule yields more classes than NUM_CLASSES");
            }
            c.size[c.count] = size as u32;
            c.npages[c.count] = np as u8;
            c.count += 1;
        }
        size += align;
    }
    if c.count != NUM_CLASSES {
        panic!("Go's size-class rule yields fewer classes than NUM_CLASSES");
    }
    // Grow each size to the largest multiple of LARGE_DIV that still fits as many objects
    // (e.g. 6 objects in 7 pages: 8448 bytes becomes 9472).
    let mut i = 1;
    while i < c.count {
        let span = c.npages[i] as usize * PAGE_SIZE;
        let grown = (span / (span / c.size[i] as usize)) & !(LARGE_DIV - 1);
        if grown > c.size[i] as usize {
            c.size[i] = grown as u32;
        }
        c.div_mul[i] = (u32::MAX / c.size[i]) + 1;
        i += 1;
    }
    // Lookup tables: smallest class whose size is >= the request (size 0 maps to class 0,
    // as in Go's tables; `class_of` is never asked about it).
    let mut cls = 0;
    let mut k = 0;
    while k < TABLE8_LEN {
        let want = k * SMALL_DIV;
        while (c.size[cls] as usize) < want {
            cls += 1;
        }
        c.to_class8[k] = cls as u8;
        k += 1;
    }
    k = 0;
    while k < TABLE128_LEN {
        let want = SMALL_LIMIT + k * LARGE_DIV;
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
        // Rounding-up divisions by the (power-of-two) steps, as shifts: this is the
        // allocator's fast path.
        CLASSES.to_class8[(size + SMALL_DIV - 1) >> SMALL_DIV.trailing_zeros()] as usize
    } else {
        CLASSES.to_class128[(size - SMALL_LIMIT + LARGE_DIV - 1) >> LARGE_DIV.trailing_zeros()]
            as usize
    }
}

/// Object size of class `class`.
#[inline(always)]
pub(crate) fn class_size(class: usize) -> usize {
    CLASSES.size[class] as usize
}

/// Number of size classes, class 0 (large) included: Go's `NumSizeClasses`.
pub fn num_classes() -> usize {
    CLASSES.count
}

/// Object size of every small size class, in increasing order (class 0 excluded): Go's
/// `SizeClassToSize[1..]`.
pub fn class_sizes() -> impl Iterator<Item = usize> {
    CLASSES.size[1..CLASSES.count].iter().map(|&s| s as usize)
}

/// Pages per span of every small size class, in class order (class 0 excluded): Go's
/// `SizeClassToNPages[1..]`.
pub fn class_pages() -> impl Iterator<Item = usize> {
    CLASSES.npages[1..CLASSES.count].iter().map(|&n| n as usize)
}

/// The size a small allocation of `size` bytes is rounded up to (its class's object size),
/// or `None` if it is large (above [`MAX_SMALL_SIZE`]). The runtime's `growslice` uses this,
/// as Go's `roundupsize` does, to round capacities up.
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
    use std::path::PathBuf;

    #[test]
    fn classes_are_increasing_and_aligned() {
        assert_eq!(CLASSES.count, NUM_CLASSES);
        let mut prev = 0;
        for c in 1..CLASSES.count {
            let s = class_size(c);
            assert!(s > prev, "class {c} not increasing");
            assert_eq!(s % MIN_HEAP_ALIGN, 0);
            if s >= 32 {
                assert_eq!(s % 16, 0, "class {c} ({s}) breaks 16-byte alignment");
            }
            if s > SMALL_LIMIT {
                assert_eq!(
                    s % LARGE_DIV,
                    0,
                    "class {c} ({s}) unreachable by the 128-byte table"
                );
            }
            let span = CLASSES.npages[c] as usize * PAGE_SIZE;
            assert!(span % s <= span / 8, "class {c} wastes too much span tail");
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
            assert_eq!(round_up_size(size), Some(class_size(c)));
        }
        assert_eq!(round_up_size(0), Some(0));
        assert_eq!(round_up_size(MAX_SMALL_SIZE + 1), None);
    }

    #[test]
    fn div_mul_is_exact_for_every_offset_in_a_span() {
        for c in 1..CLASSES.count {
            let size = class_size(c);
            let span = CLASSES.npages[c] as usize * PAGE_SIZE;
            for off in 0..=span {
                let idx = ((off as u64 * CLASSES.div_mul[c] as u64) >> 32) as usize;
                assert_eq!(idx, off / size, "class {c} offset {off}");
            }
        }
    }

    /// `$GOROOT`, from the environment or from `go env GOROOT`.
    fn goroot() -> Option<PathBuf> {
        if let Some(dir) = std::env::var_os("GOROOT").filter(|d| !d.is_empty()) {
            return Some(PathBuf::from(dir));
        }
        let out = std::process::Command::new("go")
            .args(["env", "GOROOT"])
            .output()
            .ok()?;
        let dir = String::from_utf8(out.stdout).ok()?;
        let dir = dir.trim();
        (out.status.success() && !dir.is_empty()).then(|| PathBuf::from(dir))
    }

    /// The numbers of the Go array literal `var <one of names> = [...]T{a, b, ...}`.
    fn go_array(src: &str, names: &[&str]) -> Vec<usize> {
        let line = src
            .lines()
            .find(|l| {
                names.iter().any(|n| {
                    l.strip_prefix("var ")
                        .and_then(|rest| rest.strip_prefix(n))
                        .is_some_and(|rest| rest.trim_start().starts_with('='))
                })
            })
            .unwrap_or_else(|| panic!("no {names:?} in Go's sizeclasses.go"));
        let open = line.rfind('{').expect("array literal opens");
        let close = line.rfind('}').expect("array literal closes");
        line[open + 1..close]
            .split(',')
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(|v| {
                v.parse()
                    .unwrap_or_else(|_| panic!("bad number {v:?} in {names:?}"))
            })
            .collect()
    }

    /// The oracle: Go's generated table, read at test time from the installed toolchain
    /// (`internal/runtime/gc` since Go 1.25, `runtime` before).
    #[test]
    fn classes_are_gos() {
        let Some(root) = goroot() else {
            eprintln!("note: no GOROOT (nor `go` on PATH); Go's size-class table not compared");
            return;
        };
        let candidates = [
            root.join("src/internal/runtime/gc/sizeclasses.go"),
            root.join("src/runtime/sizeclasses.go"),
        ];
        let Some(src) = candidates
            .iter()
            .find_map(|p| std::fs::read_to_string(p).ok())
        else {
            eprintln!(
                "note: no sizeclasses.go under {}; table not compared",
                root.display()
            );
            return;
        };
        let sizes = go_array(&src, &["SizeClassToSize", "class_to_size"]);
        let pages = go_array(&src, &["SizeClassToNPages", "class_to_allocnpages"]);
        let to8 = go_array(&src, &["SizeToSizeClass8", "size_to_class8"]);
        let to128 = go_array(&src, &["SizeToSizeClass128", "size_to_class128"]);
        let ours = |t: &[u8]| t.iter().map(|&v| v as usize).collect::<Vec<_>>();
        let our_sizes: Vec<usize> = CLASSES.size[..CLASSES.count]
            .iter()
            .map(|&s| s as usize)
            .collect();
        assert_eq!(our_sizes, sizes, "class sizes differ from Go's");
        assert_eq!(
            ours(&CLASSES.npages[..CLASSES.count]),
            pages,
            "pages per span differ from Go's"
        );
        assert_eq!(
            ours(&CLASSES.to_class8),
            to8,
            "8-byte lookup table differs from Go's"
        );
        assert_eq!(
            ours(&CLASSES.to_class128),
            to128,
            "128-byte lookup table differs from Go's"
        );
        assert_eq!(class_sizes().collect::<Vec<_>>(), sizes[1..]);
        assert_eq!(class_pages().collect::<Vec<_>>(), pages[1..]);
    }
}
