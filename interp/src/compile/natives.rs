//! Native helpers for string operations that have no instruction yet: comparison and
//! concatenation. They read string bytes through the pointers the compiled code passes,
//! which always come from string constants or from earlier results of these natives.
//!
//! Concatenation allocates outside the Go heap (the bytes are leaked) until a
//! `concatstrings` runtime operation on the collector's heap exists; programs that build
//! many strings therefore grow, but never read freed memory.

use crate::bytecode::{Kind, Native, Signature};

/// The native called `name`, if there is one.
pub(crate) fn lookup(name: &str) -> Option<Native> {
    use Kind::{Pointer as P, Scalar as S};
    let (sig, func): (Signature, crate::bytecode::NativeFn) = match name {
        "eqstring" => (Signature { params: vec![P, S, P, S], results: vec![S] }, eqstring),
        "cmpstring" => (Signature { params: vec![P, S, P, S], results: vec![S] }, cmpstring),
        "concatstrings" => (Signature { params: vec![P, S, P, S], results: vec![P, S] }, concatstrings),
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

fn eqstring(args: &[u64], results: &mut [u64]) -> Result<(), String> {
    let (a, b) = two(args)?;
    if let Some(r) = results.first_mut() {
        *r = u64::from(a == b);
    }
    Ok(())
}

fn cmpstring(args: &[u64], results: &mut [u64]) -> Result<(), String> {
    let (a, b) = two(args)?;
    if let Some(r) = results.first_mut() {
        *r = a.cmp(b) as i64 as u64;
    }
    Ok(())
}

fn concatstrings(args: &[u64], results: &mut [u64]) -> Result<(), String> {
    let (a, b) = two(args)?;
    let (ptr, len) = if a.is_empty() {
        (args[2], b.len())
    } else if b.is_empty() {
        (args[0], a.len())
    } else {
        let mut v = Vec::with_capacity(a.len() + b.len());
        v.extend_from_slice(a);
        v.extend_from_slice(b);
        let leaked: &'static mut [u8] = Box::leak(v.into_boxed_slice());
        (leaked.as_ptr() as u64, leaked.len())
    };
    if let [p, l, ..] = results {
        *p = ptr;
        *l = len as u64;
    }
    Ok(())
}
