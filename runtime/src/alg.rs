//! Type-directed hashing and equality (gc's `typehash` and the `equal` functions of
//! `abi.Type`), for map keys, `==` on structs and arrays, and interface comparison.
//!
//! # The algorithm description
//!
//! The compiler describes how to compare each comparable type as a static block of words
//! (an *alg*): `[size, n, (offset, kind, size) × n]`, the leaves of the type's memory
//! image in order, with blank fields and padding left out. Leaf kinds are the `LEAF_*`
//! constants: raw memory (integers, bools, pointers, channels, and runs of such fields
//! merged into one), floats and complex numbers (`+0 == -0`, NaN never equal), strings,
//! and interfaces (whose dynamic type's descriptor gives the alg of the value inside,
//! in mvm's header: see [`crate::abi::Header`]). A type that is not comparable has no alg (address 0).
//!
//! # Cost
//!
//! Hashing an 8-byte key is one 64×64→128-bit multiply ([`hash_u64`]); a string costs one
//! multiply per 8 bytes. Composite values chain their leaves, each leaf's hash seeding
//! the next (as gc does), so a struct of `n` leaves costs `n` leaf hashes.

use crate::errors::RuntimeError;

/// Raw bytes, compared and hashed as memory (`size` bytes).
pub const LEAF_MEM: u64 = 0;
/// A `float32`.
pub const LEAF_F32: u64 = 1;
/// A `float64`.
pub const LEAF_F64: u64 = 2;
/// A `complex64`.
pub const LEAF_C64: u64 = 3;
/// A `complex128`.
pub const LEAF_C128: u64 = 4;
/// A `string` (`ptr, len`).
pub const LEAF_STR: u64 = 5;
/// An empty interface (`type descriptor, data`).
pub const LEAF_EFACE: u64 = 6;
/// A non-empty interface (`itab, data`; the itab's word 1 is the type descriptor).
pub const LEAF_IFACE: u64 = 7;


/// One leaf of an alg: where it is, what it is, how many bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Leaf {
    /// Byte offset in the value.
    pub offset: u64,
    /// One of the `LEAF_*` kinds.
    pub kind: u64,
    /// Size in bytes.
    pub size: u64,
}

/// Builds an alg's words from the leaves of a type of `size` bytes, merging adjacent
/// memory leaves into one run (an `[8]int32` becomes one 32-byte comparison).
pub fn encode(size: u64, leaves: &[Leaf]) -> Vec<u64> {
    let mut merged: Vec<Leaf> = Vec::with_capacity(leaves.len());
    for &l in leaves {
        if l.size == 0 && l.kind == LEAF_MEM {
            continue;
        }
        if let Some(last) = merged.last_mut()
            && l.kind == LEAF_MEM
            && last.kind == LEAF_MEM
            && last.offset + last.size == l.offset
        {
            last.size += l.size;
            continue;
        }
        merged.push(l);
    }
    let mut words = vec![size, merged.len() as u64];
    for l in merged {
        words.extend([l.offset, l.kind, l.size]);
    }
    words
}

/// Whether an alg is one memory run over the whole value (hash and compare as bytes).
///
/// # Safety
/// `alg` must be a valid alg block.
pub unsafe fn is_plain_memory(alg: *const u64) -> bool {
    // SAFETY: the caller's contract; the leaf words follow the header.
    unsafe {
        let n = *alg.add(1);
        n == 0 || (n == 1 && *alg.add(2) == 0 && *alg.add(3) == LEAF_MEM && *alg.add(4) == *alg)
    }
}

const K0: u64 = 0xa076_1d64_78bd_642f;
const K1: u64 = 0xe703_7ed1_a0b4_28db;
const K2: u64 = 0x8ebc_6af0_9c88_c6e3;

/// The folded 128-bit product: the mixing step of every hash here.
#[inline(always)]
fn mix(a: u64, b: u64) -> u64 {
    let r = u128::from(a) * u128::from(b);
    (r as u64) ^ ((r >> 64) as u64)
}

/// The hash of an 8-byte value under `seed` (one multiply).
#[inline(always)]
pub fn hash_u64(x: u64, seed: u64) -> u64 {
    mix(x ^ K0, seed ^ K1)
}

/// The hash of a byte string under `seed`.
#[inline]
pub fn hash_bytes(b: &[u8], seed: u64) -> u64 {
    let mut h = seed ^ K2 ^ (b.len() as u64).wrapping_mul(K0);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = mix(u64::from_le_bytes(w) ^ K0, h ^ K1);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        h = mix(tail(rest) ^ K2, h ^ K1);
    }
    mix(h ^ K0, seed ^ K2)
}

/// The 1 to 7 bytes of `b` as one word, read without a variable-length copy (whose
/// stores would stall the load that follows): overlapping 4-byte reads for 4 to 7 bytes,
/// first, middle and last byte for 1 to 3. The length is hashed separately, so equal
/// words from different lengths do not collide.
#[inline(always)]
fn tail(b: &[u8]) -> u64 {
    let n = b.len();
    let byte = |i: usize| u64::from(b.get(i).copied().unwrap_or(0));
    if n >= 4 {
        let word = |i: usize| {
            let mut w = [0u8; 4];
            if let Some(s) = b.get(i..i + 4) {
                w.copy_from_slice(s);
            }
            u64::from(u32::from_le_bytes(w))
        };
        word(0) | word(n - 4) << 32
    } else {
        byte(0) | byte(n / 2) << 8 | byte(n.saturating_sub(1)) << 16
    }
}

/// The hash of a float64 (`+0` and `-0` alike; a NaN gets a random hash, as in gc,
/// since it never equals anything).
fn hash_f64(x: f64, seed: u64) -> u64 {
    if x == 0.0 {
        hash_u64(0, seed)
    } else if x.is_nan() {
        hash_u64(crate::rand::next(), seed)
    } else {
        hash_u64(x.to_bits(), seed)
    }
}

/// A slice of `len` bytes at `p` (empty for `len == 0`, whatever `p` is).
///
/// # Safety
/// `p` must point to `len` readable bytes when `len > 0`.
unsafe fn bytes<'a>(p: *const u8, len: u64) -> &'a [u8] {
    if len == 0 || p.is_null() {
        return &[];
    }
    // SAFETY: the caller's contract.
    unsafe { std::slice::from_raw_parts(p, len as usize) }
}

/// The leaves of the alg at `alg`.
///
/// # Safety
/// `alg` must be a valid alg block.
unsafe fn leaves<'a>(alg: *const u64) -> &'a [[u64; 3]] {
    // SAFETY: an alg is `[size, n, n triples]`.
    unsafe {
        let n = *alg.add(1) as usize;
        std::slice::from_raw_parts(alg.add(2).cast::<[u64; 3]>(), n)
    }
}

/// The descriptor of an interface value's dynamic type, from its type word.
///
/// # Safety
/// `tword` must be 0, a descriptor (`eface`), or an itab (`!eface`).
unsafe fn dynamic_desc(tword: u64, eface: bool) -> *const u64 {
    if tword == 0 {
        return std::ptr::null();
    }
    if eface {
        tword as *const u64
    } else {
        // SAFETY: an itab's word 1 is the concrete type's descriptor.
        unsafe { *(tword as *const u64).add(1) as *const u64 }
    }
}

/// The name of the type whose descriptor is `desc`.
///
/// # Safety
/// `desc` must be a valid descriptor.
unsafe fn type_name(desc: *const u64) -> String {
    // SAFETY: the caller's contract.
    unsafe { crate::abi::type_string(crate::abi::TypeRef(desc as u64)) }
}

/// The alg of a dynamic type and the address of the value an interface holds.
///
/// # Safety
/// `desc` must be a valid descriptor and `data` the address of the interface's data word.
unsafe fn inner(desc: *const u64, data: *const u8) -> (*const u64, *const u8) {
    // SAFETY: the caller's contract.
    unsafe {
        let t = crate::abi::TypeRef(desc as u64);
        let alg = t.header().alg as *const u64;
        let value = if t.is_direct_iface() { data } else { *(data as *const u64) as *const u8 };
        (alg, value)
    }
}

/// The hash of the value at `p` whose alg is `alg`, under `seed`; panics (as an error)
/// with gc's `hash of unhashable type T` for an interface holding an uncomparable value.
///
/// # Safety
/// `alg` must be a valid alg and `p` point to a value of its type.
pub unsafe fn hash(alg: *const u64, p: *const u8, seed: u64) -> Result<u64, RuntimeError> {
    let mut h = seed;
    // SAFETY: the caller's contract; each leaf lies inside the value.
    unsafe {
        for &[off, kind, size] in leaves(alg) {
            let q = p.add(off as usize);
            h = match kind {
                LEAF_MEM if size == 8 => hash_u64(std::ptr::read_unaligned(q as *const u64), h),
                LEAF_MEM => hash_bytes(bytes(q, size), h),
                LEAF_F32 => hash_f64(f64::from(std::ptr::read_unaligned(q as *const f32)), h),
                LEAF_F64 => hash_f64(std::ptr::read_unaligned(q as *const f64), h),
                LEAF_C64 => {
                    let h1 = hash_f64(f64::from(std::ptr::read_unaligned(q as *const f32)), h);
                    hash_f64(f64::from(std::ptr::read_unaligned(q.add(4) as *const f32)), h1)
                }
                LEAF_C128 => {
                    let h1 = hash_f64(std::ptr::read_unaligned(q as *const f64), h);
                    hash_f64(std::ptr::read_unaligned(q.add(8) as *const f64), h1)
                }
                LEAF_STR => {
                    let (sp, sl) = (*(q as *const u64), *(q as *const u64).add(1));
                    hash_bytes(bytes(sp as *const u8, sl), h)
                }
                LEAF_EFACE | LEAF_IFACE => {
                    let desc = dynamic_desc(*(q as *const u64), kind == LEAF_EFACE);
                    if desc.is_null() {
                        hash_u64(0, h)
                    } else {
                        let (a, v) = inner(desc, q.add(8));
                        if a.is_null() {
                            return Err(RuntimeError::Runtime(format!("hash of unhashable type {}", type_name(desc))));
                        }
                        hash(a, v, hash_u64(desc as u64, h))?
                    }
                }
                _ => h,
            };
        }
    }
    Ok(h)
}

/// Whether the values at `a` and `b` of the type whose alg is `alg` are equal; panics
/// (as an error) with gc's `comparing uncomparable type T` when two interfaces hold the
/// same uncomparable dynamic type.
///
/// # Safety
/// `alg` must be a valid alg and `a`, `b` point to values of its type.
pub unsafe fn equal(alg: *const u64, a: *const u8, b: *const u8) -> Result<bool, RuntimeError> {
    // SAFETY: the caller's contract; each leaf lies inside both values.
    unsafe {
        for &[off, kind, size] in leaves(alg) {
            let (x, y) = (a.add(off as usize), b.add(off as usize));
            let eq = match kind {
                LEAF_MEM if size == 8 => {
                    std::ptr::read_unaligned(x as *const u64) == std::ptr::read_unaligned(y as *const u64)
                }
                LEAF_MEM => bytes(x, size) == bytes(y, size),
                LEAF_F32 => std::ptr::read_unaligned(x as *const f32) == std::ptr::read_unaligned(y as *const f32),
                LEAF_F64 => std::ptr::read_unaligned(x as *const f64) == std::ptr::read_unaligned(y as *const f64),
                LEAF_C64 => {
                    std::ptr::read_unaligned(x as *const [f32; 2]) == std::ptr::read_unaligned(y as *const [f32; 2])
                }
                LEAF_C128 => {
                    std::ptr::read_unaligned(x as *const [f64; 2]) == std::ptr::read_unaligned(y as *const [f64; 2])
                }
                LEAF_STR => {
                    let (xp, xl) = (*(x as *const u64), *(x as *const u64).add(1));
                    let (yp, yl) = (*(y as *const u64), *(y as *const u64).add(1));
                    xl == yl && (xp == yp || bytes(xp as *const u8, xl) == bytes(yp as *const u8, yl))
                }
                LEAF_EFACE | LEAF_IFACE => iface_equal(x, y, kind == LEAF_EFACE)?,
                _ => true,
            };
            if !eq {
                return Ok(false);
            }
        }
    }
    Ok(true)
}

/// `x == y` for two interface values stored at `x` and `y` (type word, data word each).
///
/// # Safety
/// Both must point to interface values of the same static kind (`eface` or not).
pub unsafe fn iface_equal(x: *const u8, y: *const u8, eface: bool) -> Result<bool, RuntimeError> {
    // SAFETY: the caller's contract.
    unsafe {
        let (tx, ty) = (*(x as *const u64), *(y as *const u64));
        if tx != ty {
            return Ok(false);
        }
        let desc = dynamic_desc(tx, eface);
        if desc.is_null() {
            return Ok(true);
        }
        let (alg, vx) = inner(desc, x.add(8));
        let (_, vy) = inner(desc, y.add(8));
        if alg.is_null() {
            return Err(RuntimeError::Runtime(format!("comparing uncomparable type {}", type_name(desc))));
        }
        equal(alg, vx, vy)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alg(size: u64, leaves: &[(u64, u64, u64)]) -> Vec<u64> {
        let l: Vec<Leaf> = leaves.iter().map(|&(offset, kind, size)| Leaf { offset, kind, size }).collect();
        encode(size, &l)
    }

    #[test]
    fn adjacent_memory_leaves_merge() {
        let a = alg(16, &[(0, LEAF_MEM, 4), (4, LEAF_MEM, 4), (8, LEAF_MEM, 8)]);
        assert_eq!(a, vec![16, 1, 0, LEAF_MEM, 16]);
        // SAFETY: a valid alg block.
        assert!(unsafe { is_plain_memory(a.as_ptr()) });
        // A gap (padding) keeps two runs.
        let b = alg(16, &[(0, LEAF_MEM, 1), (8, LEAF_MEM, 8)]);
        assert_eq!(b.len(), 2 + 6);
        assert!(!unsafe { is_plain_memory(b.as_ptr()) });
    }

    #[test]
    fn padding_is_ignored_and_zeros_are_equal() {
        // struct { a byte; b int64 } with garbage in the padding.
        let a = alg(16, &[(0, LEAF_MEM, 1), (8, LEAF_MEM, 8)]);
        let x: [u64; 2] = [0x1111_1101, 7];
        let y: [u64; 2] = [0x2222_2201, 7];
        // SAFETY: both values are 16 bytes.
        unsafe {
            assert!(equal(a.as_ptr(), x.as_ptr().cast(), y.as_ptr().cast()).unwrap());
            assert_eq!(
                hash(a.as_ptr(), x.as_ptr().cast(), 9).unwrap(),
                hash(a.as_ptr(), y.as_ptr().cast(), 9).unwrap()
            );
        }
        let f = alg(8, &[(0, LEAF_F64, 8)]);
        let (pz, nz, nan) = (0.0f64, -0.0f64, f64::NAN);
        // SAFETY: 8-byte floats.
        unsafe {
            let p = |v: &f64| (v as *const f64).cast::<u8>();
            assert!(equal(f.as_ptr(), p(&pz), p(&nz)).unwrap());
            assert_eq!(hash(f.as_ptr(), p(&pz), 1).unwrap(), hash(f.as_ptr(), p(&nz), 1).unwrap());
            assert!(!equal(f.as_ptr(), p(&nan), p(&nan)).unwrap());
        }
    }

    #[test]
    fn strings_compare_by_content() {
        let s = alg(16, &[(0, LEAF_STR, 16)]);
        let (a, b) = (b"hello".to_vec(), b"hello".to_vec());
        let x = [a.as_ptr() as u64, 5];
        let y = [b.as_ptr() as u64, 5];
        let z = [b.as_ptr() as u64, 4];
        // SAFETY: string headers over live buffers.
        unsafe {
            assert!(equal(s.as_ptr(), x.as_ptr().cast(), y.as_ptr().cast()).unwrap());
            assert!(!equal(s.as_ptr(), x.as_ptr().cast(), z.as_ptr().cast()).unwrap());
            assert_eq!(hash(s.as_ptr(), x.as_ptr().cast(), 3).unwrap(), hash(s.as_ptr(), y.as_ptr().cast(), 3).unwrap());
        }
    }

    #[test]
    fn interfaces_holding_uncomparable_values_fail_with_gcs_messages() {
        // A module holding the name `[]int` (abi.Name: flag byte, length, bytes), and a
        // descriptor without an alg: mvm's 4-word header, then abi.Type (slice kind,
        // indirect: TFlag without DirectIface).
        let mut module = [0u8; 16];
        module[0] = 0;
        module[1] = 5;
        module[2..7].copy_from_slice(b"[]int");
        let mut words = [0u64; 4 + 7];
        words[0] = module.as_ptr() as u64;
        words[4] = 24;
        words[5] = 8;
        // Hash 0, TFlag 0, Align 8, FieldAlign 8, Kind 23 (slice).
        words[4 + 2] = u64::from_le_bytes([0, 0, 0, 0, 0, 8, 8, crate::abi::kind::SLICE]);
        // Str = offset 0 in the module, PtrToThis 0.
        words[4 + 5] = 0;
        let desc = &words[4..];
        let cell = [0u64; 3];
        let v = [desc.as_ptr() as u64, cell.as_ptr() as u64];
        let e = alg(16, &[(0, LEAF_EFACE, 16)]);
        // SAFETY: an eface over a static descriptor and a live cell.
        unsafe {
            let err = hash(e.as_ptr(), v.as_ptr().cast(), 0).unwrap_err();
            assert_eq!(err.message(), "runtime error: hash of unhashable type []int");
            let err = equal(e.as_ptr(), v.as_ptr().cast(), v.as_ptr().cast()).unwrap_err();
            assert_eq!(err.message(), "runtime error: comparing uncomparable type []int");
            // Nil interfaces are equal and hashable.
            let nil = [0u64, 0];
            assert!(equal(e.as_ptr(), nil.as_ptr().cast(), nil.as_ptr().cast()).unwrap());
            assert!(hash(e.as_ptr(), nil.as_ptr().cast(), 0).is_ok());
        }
    }

    #[test]
    fn hashes_depend_on_the_seed_and_the_value() {
        assert_ne!(hash_u64(1, 5), hash_u64(2, 5));
        assert_ne!(hash_u64(1, 5), hash_u64(1, 6));
        assert_ne!(hash_bytes(b"ab", 5), hash_bytes(b"ba", 5));
        assert_ne!(hash_bytes(b"", 5), hash_bytes(b"\0", 5));
        // Every byte of a short tail counts.
        for s in [&b"abcdefg"[..], b"abcde", b"abc", b"ab"] {
            for i in 0..s.len() {
                let mut t = s.to_vec();
                t[i] ^= 1;
                assert_ne!(hash_bytes(s, 5), hash_bytes(&t, 5), "{s:?} byte {i}");
            }
        }
    }
}
