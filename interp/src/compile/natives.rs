//! Native helpers for operations that have no instruction yet: string comparison,
//! concatenation and conversions, `memmove`, rune decoding, interface equality and the
//! failed type assertion's message. They read string bytes through the pointers the
//! compiled code passes; new strings are allocated on the Go heap through [`NativeCx`].

use crate::bytecode::{Kind, Native, Signature};
use runtime::native::{Host, NativeError};
use crate::bytecode::itab::desc_name;
use runtime::abi::{self, TypeRef};
use runtime::complex::{self, C128};
use runtime::errors::RuntimeError;

/// The native called `name`, if there is one.
pub(crate) fn lookup(name: &str) -> Option<Native> {
    use Kind::{Pointer as P, Scalar as S};
    let (sig, func): (Signature, crate::bytecode::NativeFn) = match name {
        "eqstring" => (Signature { params: vec![P, S, P, S], results: vec![S] }, eqstring),
        "cmpstring" => (Signature { params: vec![P, S, P, S], results: vec![S] }, cmpstring),
        "concatstrings" => (Signature { params: vec![P, S, P, S], results: vec![P, S] }, concatstrings),
        "slicebytetostring" => (Signature { params: vec![P, S, S], results: vec![P, S] }, slicebytetostring),
        "intstring" => (Signature { params: vec![S], results: vec![P, S] }, intstring),
        "memmove" => (Signature { params: vec![P, P, S], results: vec![] }, memmove),
        "slicecopy" => (Signature { params: vec![P, S, P, S, S], results: vec![S] }, slicecopy),
        "decoderune" => (Signature { params: vec![P, S, S], results: vec![S, S] }, decoderune),
        "typeassertfail" => (Signature { params: vec![P, S, P, S, P, S], results: vec![] }, typeassertfail),
        "getitab" => (Signature { params: vec![P, P, S], results: vec![P] }, getitab),
        "assertitab" => (Signature { params: vec![P, P, S], results: vec![P] }, assertitab),
        "efaceeq" => (Signature { params: vec![P, P, P, P], results: vec![S] }, efaceeq),
        "ifaceeq" => (Signature { params: vec![P, P, P, P], results: vec![S] }, ifaceeq),
        "complex128add" => (complex_binary(), c128_add),
        "complex128sub" => (complex_binary(), c128_sub),
        "complex64add" => (complex_binary(), c64_add),
        "complex64sub" => (complex_binary(), c64_sub),
        "complex64mul" => (complex_binary(), c64_mul),
        "complex64div" => (complex_binary(), c64_div),
        "slicerunetostring" => (Signature { params: vec![P, S, S], results: vec![P, S] }, slicerunetostring),
        "stringtoslicerune" => (Signature { params: vec![P, S, S], results: vec![P, S, S] }, stringtoslicerune),
        "unsafeslice" => (Signature { params: vec![P, S, S], results: vec![P, S, S] }, unsafeslice),
        "unsafestring" => (Signature { params: vec![P, S], results: vec![P, S] }, unsafestring),
        "panicrangestate" => (Signature { params: vec![S], results: vec![] }, panicrangestate),
        "memclr" => (Signature { params: vec![P, S], results: vec![] }, memclr),
        "missingbody" => (Signature { params: vec![P, S], results: vec![] }, missingbody),
        "unreached" => (Signature { params: vec![P, S], results: vec![] }, unreached),
        "fmin64" => (Signature { params: vec![S, S], results: vec![S] }, fmin64),
        "fmax64" => (Signature { params: vec![S, S], results: vec![S] }, fmax64),
        "fmin32" => (Signature { params: vec![S, S], results: vec![S] }, fmin32),
        "fmax32" => (Signature { params: vec![S, S], results: vec![S] }, fmax32),
        "minstring" => (Signature { params: vec![P, S, P, S], results: vec![P, S] }, minstring),
        "maxstring" => (Signature { params: vec![P, S, P, S], results: vec![P, S] }, maxstring),
        "complex128eq" => (Signature { params: vec![S, S, S, S], results: vec![S] }, c128_eq),
        "complex64eq" => (Signature { params: vec![S, S, S, S], results: vec![S] }, c64_eq),
        "typedequal" => (Signature { params: vec![P, P, P], results: vec![S] }, typedequal),
        "typedhash" => (Signature { params: vec![P, P, S], results: vec![S] }, typedhash),
        _ => return None,
    };
    Some(Native { name: format!("runtime.{name}"), sig, func })
}

/// The bytes of the string `ptr, len`.
///
/// # Safety
/// `ptr` must point to `len` readable bytes (or `len` must be 0).
unsafe fn bytes<'a>(ptr: u64, len: u64) -> Result<&'a [u8], String> {
    if len == 0 {
        return Ok(&[]);
    }
    if ptr == 0 || len > isize::MAX as u64 {
        return Err("bad string".into());
    }
    // SAFETY: the caller's contract.
    Ok(unsafe { std::slice::from_raw_parts(ptr as *const u8, len as usize) })
}

fn two(args: &[u64]) -> Result<(&[u8], &[u8]), String> {
    let [p1, l1, p2, l2] = args else { return Err("wrong argument count".into()) };
    // SAFETY: string words come from constants or `concatstrings`, valid for their length.
    unsafe { Ok((bytes(*p1, *l1)?, bytes(*p2, *l2)?)) }
}

fn eqstring(_cx: &mut dyn Host, args: &[u64], results: &mut [u64]) -> Result<(), NativeError> {
    let (a, b) = two(args)?;
    if let Some(r) = results.first_mut() {
        *r = u64::from(a == b);
    }
    Ok(())
}

fn cmpstring(_cx: &mut dyn Host, args: &[u64], results: &mut [u64]) -> Result<(), NativeError> {
    let (a, b) = two(args)?;
    if let Some(r) = results.first_mut() {
        *r = a.cmp(b) as i64 as u64;
    }
    Ok(())
}

fn concatstrings(cx: &mut dyn Host, args: &[u64], results: &mut [u64]) -> Result<(), NativeError> {
    let (a, b) = two(args)?;
    let (ptr, len) = if a.is_empty() {
        (args[2], b.len())
    } else if b.is_empty() {
        (args[0], a.len())
    } else {
        let p = cx.alloc_bytes((a.len() + b.len()) as u64)?;
        // SAFETY: `p` is a fresh allocation of `a.len() + b.len()` bytes.
        unsafe {
            std::ptr::copy_nonoverlapping(a.as_ptr(), p, a.len());
            std::ptr::copy_nonoverlapping(b.as_ptr(), p.add(a.len()), b.len());
        }
        (p as u64, a.len() + b.len())
    };
    if let [p, l, ..] = results {
        *p = ptr;
        *l = len as u64;
    }
    Ok(())
}

fn put(results: &mut [u64], words: &[u64]) {
    for (r, w) in results.iter_mut().zip(words) {
        *r = *w;
    }
}

/// `string(b)` for a byte slice `ptr, len, cap`.
fn slicebytetostring(cx: &mut dyn Host, args: &[u64], results: &mut [u64]) -> Result<(), NativeError> {
    let [p, l, _] = args else { return Err("wrong argument count".into()) };
    // SAFETY: a slice's words describe `len` readable bytes.
    let b = unsafe { bytes(*p, *l)? };
    let (p, l) = cx.new_string(b)?;
    put(results, &[p, l]);
    Ok(())
}

/// `string(r)` for an integer `r`: its UTF-8 encoding, U+FFFD if it is not a valid
/// code point.
fn intstring(cx: &mut dyn Host, args: &[u64], results: &mut [u64]) -> Result<(), NativeError> {
    let [r] = args else { return Err("wrong argument count".into()) };
    let c = u32::try_from(*r as i64).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}');
    let mut buf = [0u8; 4];
    let (p, l) = cx.new_string(c.encode_utf8(&mut buf).as_bytes())?;
    put(results, &[p, l]);
    Ok(())
}

/// Copies `n` bytes from `src` to `dst` (the regions may overlap).
fn memmove(_cx: &mut dyn Host, args: &[u64], _results: &mut [u64]) -> Result<(), NativeError> {
    let [dst, src, n] = args else { return Err("wrong argument count".into()) };
    if *n == 0 {
        return Ok(());
    }
    if *dst == 0 || *src == 0 || *n > isize::MAX as u64 {
        return Err("bad memmove".into());
    }
    // SAFETY: the compiler passes the bases of two live objects of at least `n` bytes.
    unsafe { std::ptr::copy(*src as *const u8, *dst as *mut u8, *n as usize) };
    Ok(())
}

/// `copy(dst, src)` (gc's `slicecopy`): `(dst ptr, dst len, src ptr, src len, element
/// width) -> n`, moving `n = min(lens)` elements.
fn slicecopy(cx: &mut dyn Host, args: &[u64], results: &mut [u64]) -> Result<(), NativeError> {
    let ([dp, dl, sp, sl, width], [n]) = (args, results) else { return Err("wrong argument count".into()) };
    *n = (*dl).min(*sl);
    let bytes = n.checked_mul(*width).ok_or("bad slicecopy")?;
    let mut none = [];
    memmove(cx, &[*dp, *sp, bytes], &mut none)
}

/// Zeroes `n` bytes at `p` (`clear` of a slice).
fn memclr(_cx: &mut dyn Host, args: &[u64], _results: &mut [u64]) -> Result<(), NativeError> {
    let [p, n] = args else { return Err("wrong argument count".into()) };
    if *n == 0 {
        return Ok(());
    }
    if *p == 0 || *n > isize::MAX as u64 {
        return Err("bad memclr".into());
    }
    // SAFETY: the compiler passes the array of a slice and its length in bytes.
    unsafe { std::ptr::write_bytes(*p as *mut u8, 0, *n as usize) };
    Ok(())
}

/// Decodes the rune at byte `i` of string `ptr, len`: `(rune, next index)`, with
/// U+FFFD and a width of 1 for an invalid encoding, as Go's `range` does.
fn decoderune(_cx: &mut dyn Host, args: &[u64], results: &mut [u64]) -> Result<(), NativeError> {
    let [p, l, i] = args else { return Err("wrong argument count".into()) };
    // SAFETY: string words describe `len` readable bytes.
    let s = unsafe { bytes(*p, *l)? };
    let i = *i as usize;
    let rest = s.get(i..).unwrap_or(&[]);
    let (r, w) = decode_utf8(rest);
    put(results, &[u64::from(r), (i + w) as u64]);
    Ok(())
}

/// The first rune of `b` and its width (U+FFFD, 1 for a bad or short encoding).
fn decode_utf8(b: &[u8]) -> (u32, usize) {
    let Some(&b0) = b.first() else { return (0xFFFD, 1) };
    if b0 < 0x80 {
        return (u32::from(b0), 1);
    }
    let width = match b0 {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return (0xFFFD, 1),
    };
    match b.get(..width).and_then(|s| std::str::from_utf8(s).ok()).and_then(|s| s.chars().next()) {
        Some(c) => (c as u32, width),
        None => (0xFFFD, 1),
    }
}

/// `a == b` for two empty-interface values (type descriptor, data word each).
fn efaceeq(_cx: &mut dyn Host, args: &[u64], results: &mut [u64]) -> Result<(), NativeError> {
    let [t1, d1, t2, d2] = args else { return Err("wrong argument count".into()) };
    let eq = iface_equal(*t1, *d1, *t2, *d2, true)?;
    put(results, &[u64::from(eq)]);
    Ok(())
}

/// `a == b` for two non-empty interface values (itab, data word each).
fn ifaceeq(_cx: &mut dyn Host, args: &[u64], results: &mut [u64]) -> Result<(), NativeError> {
    let [t1, d1, t2, d2] = args else { return Err("wrong argument count".into()) };
    let eq = iface_equal(*t1, *d1, *t2, *d2, false)?;
    put(results, &[u64::from(eq)]);
    Ok(())
}

/// Compares two interface values of the same static kind (`eface`: type descriptor
/// words, else itabs) through their dynamic type's alg (`runtime::alg`).
fn iface_equal(t1: u64, d1: u64, t2: u64, d2: u64, eface: bool) -> Result<bool, NativeError> {
    let (x, y) = ([t1, d1], [t2, d2]);
    // SAFETY: type words are 0, descriptors or itabs built by the compiler, and data
    // words point to values of the dynamic type (or are the value).
    unsafe { runtime::alg::iface_equal(x.as_ptr().cast(), y.as_ptr().cast(), eface) }.map_err(NativeError::Panic)
}

/// A failed `x.(T)` for a concrete `T`: panics with gc's `TypeAssertionError`.
/// Arguments: the type word, whether it is an itab, the interface's and the asserted
/// type's names.
fn typeassertfail(_cx: &mut dyn Host, args: &[u64], _results: &mut [u64]) -> Result<(), NativeError> {
    let [tword, is_itab, ip, il, wp, wl] = args else { return Err("wrong argument count".into()) };
    // SAFETY: names are static strings; type words are 0, descriptors or itabs.
    let (iname, wname, concrete) = unsafe {
        let iname = String::from_utf8_lossy(bytes(*ip, *il)?).into_owned();
        let wname = String::from_utf8_lossy(bytes(*wp, *wl)?).into_owned();
        let desc = if *tword == 0 {
            0
        } else if *is_itab != 0 {
            *((*tword + 8) as *const u64)
        } else {
            *tword
        };
        let concrete = if desc == 0 { None } else { Some(desc_name(desc)) };
        (iname, wname, concrete)
    };
    Err(NativeError::Panic(RuntimeError::TypeAssertion {
        interface: Some(iname),
        concrete,
        asserted: wname,
        missing_method: None,
    }))
}

/// `getitab(type descriptor, interface descriptor, site cache)`: the itab, or 0 if the
/// type (or nil) does not implement the interface.
fn getitab(cx: &mut dyn Host, args: &[u64], results: &mut [u64]) -> Result<(), NativeError> {
    let [td, id, cache] = args else { return Err("wrong argument count".into()) };
    let itab = if *td == 0 {
        0
    } else {
        // SAFETY: both words are descriptors the compiler built for this program.
        cx.itab(*id, *td).unwrap_or(0)
    };
    fill_cache(*cache, *td, itab);
    put(results, &[itab]);
    Ok(())
}

/// Remembers a successful lookup in the calling site's `[descriptor, itab]` cache
/// (0: the site has none).
fn fill_cache(cache: u64, td: u64, itab: u64) {
    if cache != 0 && itab != 0 {
        // SAFETY: a site cache is a static two-word block of the compiled program.
        unsafe {
            let c = cache as *mut u64;
            *c = td;
            *c.add(1) = itab;
        }
    }
}

/// `x.(I)` without comma-ok: the itab of the dynamic type (descriptor `td`) for the
/// interface with descriptor `id` (remembered in the site cache), or gc's
/// `TypeAssertionError` panic. For the empty
/// interface the descriptor itself is returned.
fn assertitab(cx: &mut dyn Host, args: &[u64], results: &mut [u64]) -> Result<(), NativeError> {
    let [td, id, cache] = args else { return Err("wrong argument count".into()) };
    // SAFETY: both words are 0 or descriptors the compiler built for this program.
    unsafe {
        let asserted = desc_name(*id);
        if *td == 0 {
            return Err(NativeError::Panic(RuntimeError::TypeAssertion {
                interface: None,
                concrete: None,
                asserted,
                missing_method: None,
            }));
        }
        if TypeRef(*id).word(abi::off::EXT + 16) == 0 {
            put(results, &[*td]);
            return Ok(());
        }
        match cx.itab(*id, *td) {
            Ok(itab) => {
                fill_cache(*cache, *td, itab);
                put(results, &[itab]);
                Ok(())
            }
            Err(missing) => Err(NativeError::Panic(RuntimeError::TypeAssertion {
                interface: None,
                concrete: Some(desc_name(*td)),
                asserted,
                missing_method: Some(missing.to_string()),
            })),
        }
    }
}

/// The alg of the type whose descriptor is `t` (0: not comparable).
///
/// # Safety
/// `t` must be a descriptor the compiler emitted.
unsafe fn alg_of(t: u64) -> u64 {
    // SAFETY: the caller's contract: emitted types have mvm's header.
    unsafe { TypeRef(t).header().alg }
}

/// `typedequal(t, p, q)`: whether the values of type `t` at `p` and `q` are equal (the
/// body of every `abi.Type.Equal`).
fn typedequal(_cx: &mut dyn Host, args: &[u64], results: &mut [u64]) -> Result<(), NativeError> {
    let [t, p, q] = args else { return Err("wrong argument count".into()) };
    // SAFETY: `Equal` is set only on emitted comparable types, and is called with two
    // pointers to values of the type.
    let eq = unsafe {
        let alg = alg_of(*t);
        if alg == 0 {
            return Err(NativeError::Panic(RuntimeError::Runtime(format!("comparing uncomparable type {}", desc_name(*t)))));
        }
        runtime::alg::equal(alg as *const u64, *p as *const u8, *q as *const u8)
    };
    put(results, &[u64::from(eq.map_err(NativeError::Panic)?)]);
    Ok(())
}

/// `typedhash(t, p, seed)`: the hash of the value of type `t` at `p` (the body of every
/// `abi.MapType.Hasher`).
fn typedhash(_cx: &mut dyn Host, args: &[u64], results: &mut [u64]) -> Result<(), NativeError> {
    let [t, p, seed] = args else { return Err("wrong argument count".into()) };
    // SAFETY: `Hasher` is set only for emitted comparable key types, and is called with
    // a pointer to a key.
    let h = unsafe {
        let alg = alg_of(*t);
        if alg == 0 {
            return Err(NativeError::Panic(RuntimeError::Runtime(format!("hash of unhashable type {}", desc_name(*t)))));
        }
        runtime::alg::hash(alg as *const u64, *p as *const u8, *seed)
    };
    put(results, &[h.map_err(NativeError::Panic)?]);
    Ok(())
}

/// `(x.re, x.im, y.re, y.im) -> (re, im)`.
fn complex_binary() -> Signature {
    Signature { params: vec![Kind::Scalar; 4], results: vec![Kind::Scalar; 2] }
}

/// The two `complex128` operands of a binary native.
fn c128_args(args: &[u64]) -> Result<(C128, C128), NativeError> {
    let [a, b, c, d] = args else { return Err("wrong argument count".into()) };
    let f = |w: &u64| f64::from_bits(*w);
    Ok(((f(a), f(b)), (f(c), f(d))))
}

/// A `complex64` as its real and imaginary parts.
type C64 = (f32, f32);

/// The two `complex64` operands of a binary native (float32 bits in the low halves).
fn c64_args(args: &[u64]) -> Result<(C64, C64), NativeError> {
    let [a, b, c, d] = args else { return Err("wrong argument count".into()) };
    let f = |w: &u64| f32::from_bits(*w as u32);
    Ok(((f(a), f(b)), (f(c), f(d))))
}

fn put_c128(results: &mut [u64], (re, im): C128) {
    put(results, &[re.to_bits(), im.to_bits()]);
}

fn put_c64(results: &mut [u64], (re, im): C64) {
    put(results, &[u64::from(re.to_bits()), u64::from(im.to_bits())]);
}

/// Defines a native for one binary complex operation on `complex128` (`c128_args`)
/// or `complex64` (`c64_args`) operands.
macro_rules! complex_native {
    ($name:ident, $args:ident, $put:ident, |$x:ident, $y:ident| $op:expr) => {
        fn $name(_cx: &mut dyn Host, args: &[u64], results: &mut [u64]) -> Result<(), NativeError> {
            let ($x, $y) = $args(args)?;
            $put(results, $op);
            Ok(())
        }
    };
}

// `complex128` multiplication and division are instructions (`MulC128`, `DivC128`).
complex_native!(c128_add, c128_args, put_c128, |x, y| (x.0 + y.0, x.1 + y.1));
complex_native!(c128_sub, c128_args, put_c128, |x, y| (x.0 - y.0, x.1 - y.1));
complex_native!(c64_add, c64_args, put_c64, |x, y| (x.0 + y.0, x.1 + y.1));
complex_native!(c64_sub, c64_args, put_c64, |x, y| (x.0 - y.0, x.1 - y.1));
complex_native!(c64_mul, c64_args, put_c64, |x, y| complex::mul64(x, y));
complex_native!(c64_div, c64_args, put_c64, |x, y| {
    // gc divides complex64 values in double precision.
    let (re, im) = complex::div((f64::from(x.0), f64::from(x.1)), (f64::from(y.0), f64::from(y.1)));
    (re as f32, im as f32)
});

fn c128_eq(_cx: &mut dyn Host, args: &[u64], results: &mut [u64]) -> Result<(), NativeError> {
    let (x, y) = c128_args(args)?;
    put(results, &[u64::from(x == y)]);
    Ok(())
}

fn c64_eq(_cx: &mut dyn Host, args: &[u64], results: &mut [u64]) -> Result<(), NativeError> {
    let (x, y) = c64_args(args)?;
    put(results, &[u64::from(x == y)]);
    Ok(())
}

/// gc's `fmin`/`fmax` on the bits of two floats: a NaN operand wins, and of two zeros
/// `min` prefers -0 and `max` +0 (or-ing / and-ing the sign bits).
macro_rules! float_min_max {
    ($name:ident, $t:ty, $from:expr, $to:expr, $min:expr) => {
        fn $name(_cx: &mut dyn Host, args: &[u64], results: &mut [u64]) -> Result<(), NativeError> {
            let [x, y] = args else { return Err("wrong argument count".into()) };
            let (xf, yf): ($t, $t) = ($from(*x), $from(*y));
            let better = |a: $t, b: $t| if $min { a < b } else { a > b };
            let r = if yf.is_nan() || better(yf, xf) {
                *y
            } else if xf.is_nan() || better(xf, yf) || xf != 0.0 {
                *x
            } else if $min {
                x | y
            } else {
                x & y
            };
            put(results, &[$to(r)]);
            Ok(())
        }
    };
}

float_min_max!(fmin64, f64, f64::from_bits, |w: u64| w, true);
float_min_max!(fmax64, f64, f64::from_bits, |w: u64| w, false);
float_min_max!(fmin32, f32, |w: u64| f32::from_bits(w as u32), |w: u64| w & 0xFFFF_FFFF, true);
float_min_max!(fmax32, f32, |w: u64| f32::from_bits(w as u32), |w: u64| w & 0xFFFF_FFFF, false);

fn minstring(_cx: &mut dyn Host, args: &[u64], results: &mut [u64]) -> Result<(), NativeError> {
    pick_string(args, results, |a, b| a <= b)
}

fn maxstring(_cx: &mut dyn Host, args: &[u64], results: &mut [u64]) -> Result<(), NativeError> {
    pick_string(args, results, |a, b| a >= b)
}

/// Returns the first of two strings if `first(a, b)`, else the second.
fn pick_string(args: &[u64], results: &mut [u64], first: fn(&[u8], &[u8]) -> bool) -> Result<(), NativeError> {
    let (a, b) = two(args)?;
    let (ptr_len_a, ptr_len_b) = args.split_at(2);
    put(results, if first(a, b) { ptr_len_a } else { ptr_len_b });
    Ok(())
}

/// The body of a function declared without one (see `FuncCompiler::compile_decl`).
/// `missingbody(name)`: the call of a function declared without a body that mvm has
/// no native for.
fn missingbody(_cx: &mut dyn Host, args: &[u64], _results: &mut [u64]) -> Result<(), NativeError> {
    let [p, l] = args else { return Err("wrong argument count".into()) };
    // SAFETY: the name is a static string of the program.
    let name = String::from_utf8_lossy(unsafe { bytes(*p, *l)? }).into_owned();
    Err(NativeError::Unimplemented(name))
}

/// `unreached(name)`: a call of a std function the compiler left out as unreachable.
fn unreached(_cx: &mut dyn Host, args: &[u64], _results: &mut [u64]) -> Result<(), NativeError> {
    let [p, l] = args else { return Err("wrong argument count".into()) };
    // SAFETY: the name is a static string of the program.
    let name = String::from_utf8_lossy(unsafe { bytes(*p, *l)? }).into_owned();
    Err(NativeError::Internal(format!("{name} was compiled away as unreachable")))
}

/// `string(r)` for a rune slice `ptr, len, cap`: each rune's UTF-8 encoding, U+FFFD
/// for one that is not a valid code point.
fn slicerunetostring(cx: &mut dyn Host, args: &[u64], results: &mut [u64]) -> Result<(), NativeError> {
    let [p, l, _] = args else { return Err("wrong argument count".into()) };
    if *l > isize::MAX as u64 / 4 {
        return Err("bad rune slice".into());
    }
    // SAFETY: a slice's words describe `len` readable 4-byte elements.
    let runes = unsafe { bytes(*p, *l * 4)? };
    let mut s = String::new();
    for r in runes.chunks_exact(4) {
        let r = i32::from_ne_bytes([r[0], r[1], r[2], r[3]]);
        s.push(u32::try_from(r).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}'));
    }
    let (p, l) = cx.new_string(s.as_bytes())?;
    put(results, &[p, l]);
    Ok(())
}

/// `[]rune(s)` for string `ptr, len`; `ty` is the type index of `int32`. The capacity
/// is rounded up to a size class, as gc's `rawruneslice` does.
fn stringtoslicerune(cx: &mut dyn Host, args: &[u64], results: &mut [u64]) -> Result<(), NativeError> {
    let [p, l, ty] = args else { return Err("wrong argument count".into()) };
    // SAFETY: string words describe `len` readable bytes.
    let s = unsafe { bytes(*p, *l)? };
    let mut runes = Vec::new();
    let mut rest = s;
    while !rest.is_empty() {
        let (r, w) = decode_utf8(rest);
        runes.push(r);
        rest = rest.get(w..).unwrap_or(&[]);
    }
    if runes.is_empty() {
        // Not nil: gc returns `zerobase` for the empty array.
        let p = cx.alloc_bytes(0)?;
        put(results, &[p as u64, 0, 0]);
        return Ok(());
    }
    let cap = runtime::slice::round_up_size(runes.len() as u64 * 4, true) / 4;
    let dst = cx.alloc(*ty as u32, cap)? as *mut u32;
    // SAFETY: `dst` is a fresh array of `cap >= runes.len()` 4-byte elements.
    unsafe { std::ptr::copy_nonoverlapping(runes.as_ptr(), dst, runes.len()) };
    put(results, &[dst as u64, runes.len() as u64, cap]);
    Ok(())
}

/// gc's checks for `unsafe.Slice(ptr, len)` (`runtime.unsafeslice`) over elements of
/// `size` bytes; the result is the slice `ptr, len, len`.
fn unsafeslice(_cx: &mut dyn Host, args: &[u64], results: &mut [u64]) -> Result<(), NativeError> {
    let [p, len, size] = args else { return Err("wrong argument count".into()) };
    check_unsafe_span("unsafe.Slice", *p, *len as i64, *size)?;
    put(results, &[*p, *len, *len]);
    Ok(())
}

/// gc's checks for `unsafe.String(ptr, len)` (`runtime.unsafestring`).
fn unsafestring(_cx: &mut dyn Host, args: &[u64], results: &mut [u64]) -> Result<(), NativeError> {
    let [p, len] = args else { return Err("wrong argument count".into()) };
    check_unsafe_span("unsafe.String", *p, *len as i64, 1)?;
    put(results, &[*p, *len]);
    Ok(())
}

/// `len` elements of `size` bytes from `p` must not be negative, overflow, or wrap
/// past the end of the address space; a nil `p` is only allowed with no bytes.
fn check_unsafe_span(what: &str, p: u64, len: i64, size: u64) -> Result<(), NativeError> {
    let fail = |msg: &str| Err(NativeError::Panic(RuntimeError::Runtime(format!("{what}: {msg}"))));
    if len < 0 {
        return fail("len out of range");
    }
    if size == 0 && p == 0 && len > 0 {
        return fail("ptr is nil and len is not zero");
    }
    match size.checked_mul(len as u64) {
        Some(mem) if mem <= p.wrapping_neg() => Ok(()),
        _ if p == 0 => fail("ptr is nil and len is not zero"),
        _ => fail("len out of range"),
    }
}

/// gc's `panicrangestate`: a range-over-func body called in a state other than ready
/// (see `compile::rangefunc`: 4 is "the loop has exited", the others "the body
/// returned false").
fn panicrangestate(_cx: &mut dyn Host, args: &[u64], _results: &mut [u64]) -> Result<(), NativeError> {
    let [state] = args else { return Err("wrong argument count".into()) };
    // The states of `rangefunc`: 4 the loop exited, 5 the body panicked, -1 a body
    // panic the iterator recovered; the others mean the body ended the loop.
    let msg = match *state as i64 {
        4 => "range function continued iteration after whole loop exit",
        5 => "range function continued iteration after loop body panic",
        -1 => "range function recovered a loop body panic and did not resume panicking",
        _ => "range function continued iteration after function for loop body returned false",
    };
    Err(NativeError::Panic(RuntimeError::Runtime(msg.into())))
}
