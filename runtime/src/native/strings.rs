//! `internal/bytealg` (gc's assembly for byte and string search and comparison), the
//! hot helpers the std packages call on every string.

use super::{Host, NativeError, NativeFn, bytes, put};

/// The native `name` of package `pkg`.
pub(super) fn lookup(pkg: &str, name: &str) -> Option<NativeFn> {
    if pkg != "internal/bytealg" {
        return None;
    }
    Some(match name {
        // Byte slices pass (ptr, len, cap), strings (ptr, len).
        "Compare" => |_, a, r| {
            let [ap, al, _, bp, bl, _] = a else { return Err("Compare: arguments".into()) };
            cmp(r, *ap, *al, *bp, *bl)
        },
        "IndexByte" => |_, a, r| {
            let [p, l, _, c] = a else { return Err("IndexByte: arguments".into()) };
            index_byte(r, *p, *l, *c)
        },
        "IndexByteString" => |_, a, r| {
            let [p, l, c] = a else { return Err("IndexByteString: arguments".into()) };
            index_byte(r, *p, *l, *c)
        },
        "Count" => |_, a, r| {
            let [p, l, _, c] = a else { return Err("Count: arguments".into()) };
            count(r, *p, *l, *c)
        },
        "CountString" => |_, a, r| {
            let [p, l, c] = a else { return Err("CountString: arguments".into()) };
            count(r, *p, *l, *c)
        },
        "Index" => |_, a, r| {
            let [ap, al, _, bp, bl, _] = a else { return Err("Index: arguments".into()) };
            index(r, *ap, *al, *bp, *bl)
        },
        "IndexString" => |_, a, r| {
            let [ap, al, bp, bl] = a else { return Err("IndexString: arguments".into()) };
            index(r, *ap, *al, *bp, *bl)
        },
        "MakeNoZero" => make_no_zero,
        "abigen_runtime_cmpstring" => |_, a, r| {
            let [ap, al, bp, bl] = a else { return Err("cmpstring: arguments".into()) };
            cmp(r, *ap, *al, *bp, *bl)
        },
        _ => return None,
    })
}

fn cmp(r: &mut [u64], ap: u64, al: u64, bp: u64, bl: u64) -> Result<(), NativeError> {
    // SAFETY: the words are Go byte slices or strings.
    let (a, b) = unsafe { (bytes(ap, al), bytes(bp, bl)) };
    put(r, &[a.cmp(b) as i64 as u64]);
    Ok(())
}

fn index_byte(r: &mut [u64], p: u64, l: u64, c: u64) -> Result<(), NativeError> {
    // SAFETY: as in `cmp`.
    let s = unsafe { bytes(p, l) };
    put(r, &[s.iter().position(|&b| b == c as u8).map_or(u64::MAX, |i| i as u64)]);
    Ok(())
}

fn count(r: &mut [u64], p: u64, l: u64, c: u64) -> Result<(), NativeError> {
    // SAFETY: as in `cmp`.
    let s = unsafe { bytes(p, l) };
    put(r, &[s.iter().filter(|&&b| b == c as u8).count() as u64]);
    Ok(())
}

fn index(r: &mut [u64], ap: u64, al: u64, bp: u64, bl: u64) -> Result<(), NativeError> {
    // SAFETY: as in `cmp`.
    let (a, b) = unsafe { (bytes(ap, al), bytes(bp, bl)) };
    let i = if b.is_empty() { Some(0) } else { a.windows(b.len()).position(|w| w == b) };
    put(r, &[i.map_or(u64::MAX, |i| i as u64)]);
    Ok(())
}

/// `MakeNoZero(len int) []byte`: gc skips zeroing; mvm's heap always zeroes.
fn make_no_zero(h: &mut dyn Host, a: &[u64], r: &mut [u64]) -> Result<(), NativeError> {
    let [n] = a else { return Err("MakeNoZero: arguments".into()) };
    let p = h.alloc_bytes(*n)?;
    put(r, &[p as u64, *n, *n]);
    Ok(())
}
