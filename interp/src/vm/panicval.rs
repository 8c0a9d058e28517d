//! Panic values as Go sees them: what `recover()` returns for a run-time error, how a
//! re-panicked value is recognized, and how an unrecovered panic's value is printed
//! (gc's `preprintpanics` and `printpanicval`).
//!
//! - A run-time error is kept as a Rust [`RuntimeError`] until a deferred call recovers
//!   it; then it becomes a Go value once, of the `runtime` package's type for its class
//!   (`RuntimeSupport::error_types`: `boundsError` with its fields, `errorString` and
//!   `plainError` holding their text, `*TypeAssertionError` pointing to its text,
//!   `*PanicNilError`). Allocation there never collects (the operand stack
//!   at `recover` has no stack map); the next safepoint collects if due. The words are
//!   remembered in the panic record, so that `panic(recover())` is known to be the
//!   same panic ("[recovered, repanicked]" and the `[signal ...]` line, as gc).
//! - Before an unrecovered panic is printed, the VM runs the program's `preprint`
//!   function on each panic value on top of the dying goroutine's stack (see
//!   [`next_preprint`]): errors and Stringers print the text of their method. A panic
//!   inside that call is gc's fatal "panic while printing panic value".
//! - [`describe`] then reads the value through its type descriptor as `printpanicval`:
//!   basic values print their value, named basic types `main.T(value)`, anything else
//!   `(T) 0xADDR`.

use super::{Goroutine, PanicPayload, PanicState};
use crate::bytecode::itab::{ErrorClass, desc_name};
use runtime::abi::{TypeRef, kind};
use crate::bytecode::{Program, RUNTIME_ERROR_TYPE};
use runtime::errors::RuntimeError;
use runtime::panic::PanicValue;

/// Addresses below this are never descriptors.
const MIN_ADDR: u64 = 4096;

/// The runtime error type of `e`, as gc's runtime types it.
fn error_class(e: &RuntimeError) -> ErrorClass {
    match e {
        RuntimeError::Bounds(_) => ErrorClass::Bounds,
        RuntimeError::NilMapWrite | RuntimeError::Plain(_) => ErrorClass::Plain,
        RuntimeError::TypeAssertion { .. } => ErrorClass::TypeAssertion,
        RuntimeError::PanicNil => ErrorClass::PanicNil,
        _ => ErrorClass::ErrorString,
    }
}

/// The interface words `recover()` returns for panic `p` (making the error value of a
/// run-time error on first use).
pub(super) fn recover_words(program: &Program, heap: &mut dyn super::heap::Heap, p: &mut PanicState) -> (u64, u64) {
    if let Some(w) = p.eface {
        return w;
    }
    let PanicPayload::Runtime(e) = &p.value else { return p.value.words() };
    let w = error_value(program, heap, e).unwrap_or((RUNTIME_ERROR_TYPE, 0));
    p.eface = Some(w);
    w
}

/// The Go value of run-time error `e`: a value of the `runtime` package's type for its
/// class (`runtime/go/runtime/error.go`), built in a fresh cell.
fn error_value(program: &Program, heap: &mut dyn super::heap::Heap, e: &RuntimeError) -> Result<(u64, u64), super::heap::OutOfMemory> {
    let support = program.support();
    let class = error_class(e);
    let typ = support.error_types[class as usize];
    let cell_ty = support.error_cells[class as usize];
    let Some(layout) = program.type_layout(cell_ty).filter(|_| typ != 0) else { return Ok((RUNTIME_ERROR_TYPE, 0)) };
    if class == ErrorClass::PanicNil {
        // A pointer to a zero-size value.
        return Ok((typ, gc::zero_base() as u64));
    }
    let cell = heap.alloc(cell_ty, layout, 1)?;
    let text = match e {
        RuntimeError::Bounds(b) => {
            // struct { x int64; y int; signed bool; code uint8 }
            // SAFETY: `cell` is a fresh boundsError (24 bytes).
            unsafe {
                let c = cell as *mut u64;
                *c = b.x as u64;
                *c.add(1) = b.y as u64;
                *cell.add(16) = u8::from(b.signed);
                *cell.add(17) = b.code as u8;
            }
            return Ok((typ, cell as u64));
        }
        // errorString's Error() adds the prefix back.
        _ if class == ErrorClass::ErrorString => {
            let m = e.message();
            m.strip_prefix("runtime error: ").map(str::to_string).unwrap_or(m)
        }
        // plainError is its text; TypeAssertionError's first field is its text.
        _ => e.message(),
    };
    let bytes = if text.is_empty() { std::ptr::null_mut() } else { heap.alloc_noscan(text.len() as u64)? };
    // SAFETY: `cell` is a fresh cell starting with a string, `bytes` a fresh block of
    // the text's size.
    unsafe {
        if !bytes.is_null() {
            std::ptr::copy_nonoverlapping(text.as_ptr(), bytes, text.len());
        }
        let c = cell as *mut u64;
        *c = bytes as u64;
        *c.add(1) = text.len() as u64;
    }
    Ok((typ, cell as u64))
}

/// The payload of `panic(v)` with `v`'s words: a recovered run-time error raised again
/// is the same error; `panic(nil)` is a `*runtime.PanicNilError`.
pub(super) fn panic_payload(g: &Goroutine, typ: u64, data: u64) -> PanicPayload {
    let same = g.panics.iter().rev().find(|p| p.eface == Some((typ, data)) || (typ == RUNTIME_ERROR_TYPE && matches!(p.value, PanicPayload::Runtime(_))));
    match same {
        Some(p) => p.value.clone(),
        None if typ == 0 => PanicPayload::Runtime(RuntimeError::PanicNil),
        None => PanicPayload::Value(typ, data),
    }
}

/// What the VM does next for a goroutine whose panic ran out of deferred calls.
pub(super) enum Preprint {
    /// Call function `func` with closure context `ctx` (returning to the preprint stub).
    Call { func: u32, ctx: u64 },
    /// Every value is ready: print the report.
    Done,
    /// A panic happened while a value's method ran.
    Fatal(String),
}

/// The next panic value that needs its `Error()` / `String()` text (oldest first).
pub(super) fn next_preprint(program: &Program, g: &mut Goroutine) -> Preprint {
    if g.preprint.is_some() {
        // A panic escaped the method: gc's throw.
        let text = match g.panics.last().map(|p| &p.value) {
            Some(PanicPayload::Value(t, d)) if *t >= MIN_ADDR => {
                // SAFETY: type words of panic values are descriptors.
                unsafe {
                    if TypeRef(*t).kind() == kind::STRING && desc_name(*t) == "string" {
                        string_at(*d)
                    } else {
                        format!("type {}", desc_name(*t))
                    }
                }
            }
            Some(PanicPayload::Runtime(e)) => format!("type {}", error_class(e).type_name()),
            _ => String::new(),
        };
        return Preprint::Fatal(format!("panic while printing panic value: {text}"));
    }
    let Some(func) = program.support().preprint else { return Preprint::Done };
    let next = g.panics.iter().position(|p| !p.preprinted && matches!(p.value, PanicPayload::Value(t, _) if t >= MIN_ADDR));
    let Some(i) = next else { return Preprint::Done };
    let PanicPayload::Value(t, d) = g.panics[i].value else { return Preprint::Done };
    g.panics[i].preprinted = true;
    g.preprint = Some(i);
    g.preprint_ctx = [u64::from(func), t, d];
    Preprint::Call { func, ctx: g.preprint_ctx.as_ptr() as u64 }
}

/// Records the result of a `preprint` call: `kind` 1 with the text `ptr, len`.
pub(super) fn preprinted(g: &mut Goroutine, kind: u64, ptr: u64, len: u64) {
    let Some(i) = g.preprint.take() else { return };
    if kind == 1
        && let Some(p) = g.panics.get_mut(i)
    {
        // SAFETY: the words are a Go string returned by `Error()` / `String()`.
        p.printed = Some(unsafe { string_from(ptr, len) });
    }
}

/// The Go string at `cell` (a string's two words in memory).
///
/// # Safety
/// `cell` must point to a string header.
unsafe fn string_at(cell: u64) -> String {
    if cell < MIN_ADDR {
        return String::new();
    }
    // SAFETY: the caller's contract.
    unsafe {
        let c = cell as *const u64;
        string_from(*c, *c.add(1))
    }
}

/// The Go string `ptr, len`.
///
/// # Safety
/// `ptr` must point to `len` readable bytes (or `len` be 0).
unsafe fn string_from(ptr: u64, len: u64) -> String {
    if ptr < MIN_ADDR || len == 0 || len > isize::MAX as u64 {
        return String::new();
    }
    // SAFETY: the caller's contract.
    String::from_utf8_lossy(unsafe { std::slice::from_raw_parts(ptr as *const u8, len as usize) }).into_owned()
}

/// How panic `p` prints (after [`next_preprint`] ran its methods).
pub(super) fn describe(p: &PanicState) -> PanicValue {
    if let Some(s) = &p.printed {
        return PanicValue::Error(s.clone());
    }
    match &p.value {
        PanicPayload::Runtime(e) => PanicValue::Error(e.message()),
        PanicPayload::Goexit => PanicValue::Other { type_name: String::from("runtime.Goexit"), data: 0 },
        PanicPayload::Value(t, d) if *t < MIN_ADDR => PanicValue::Other { type_name: format!("type@{t:#x}"), data: *d },
        // SAFETY: the type word of a non-nil interface is a descriptor; an indirect
        // value's data word points to a cell of the descriptor's kind.
        PanicPayload::Value(t, d) => unsafe { describe_value(*t, *d) },
    }
}

/// `printpanicval` of the interface value `t, d`.
///
/// # Safety
/// `t` must be a descriptor, `d` a data word of that type.
unsafe fn describe_value(t: u64, d: u64) -> PanicValue {
    // SAFETY: the caller's contract.
    unsafe {
        let name = desc_name(t);
        let kind = u64::from(TypeRef(t).kind());
        if TypeRef(t).is_direct_iface() || d < MIN_ADDR {
            return PanicValue::Other { type_name: name, data: d };
        }
        let (basic, value) = match kind {
            1 => ("bool", PanicValue::Bool(*(d as *const u8) != 0)),
            2 => ("int", PanicValue::Int(*(d as *const i64))),
            3 => ("int8", PanicValue::Int(i64::from(*(d as *const i8)))),
            4 => ("int16", PanicValue::Int(i64::from(*(d as *const i16)))),
            5 => ("int32", PanicValue::Int(i64::from(*(d as *const i32)))),
            6 => ("int64", PanicValue::Int(*(d as *const i64))),
            7 => ("uint", PanicValue::Uint(*(d as *const u64))),
            8 => ("uint8", PanicValue::Uint(u64::from(*(d as *const u8)))),
            9 => ("uint16", PanicValue::Uint(u64::from(*(d as *const u16)))),
            10 => ("uint32", PanicValue::Uint(u64::from(*(d as *const u32)))),
            11 => ("uint64", PanicValue::Uint(*(d as *const u64))),
            12 => ("uintptr", PanicValue::Uint(*(d as *const u64))),
            13 => ("float32", PanicValue::F32(*(d as *const f32))),
            14 => ("float64", PanicValue::F64(*(d as *const f64))),
            15 => ("complex64", PanicValue::C64(*(d as *const f32), *(d as *const f32).add(1))),
            16 => ("complex128", PanicValue::C128(*(d as *const f64), *(d as *const f64).add(1))),
            24 => ("string", PanicValue::String(string_at(d))),
            _ => return PanicValue::Other { type_name: name, data: d },
        };
        let is_basic = name == basic || (basic == "uint8" && name == "byte") || (basic == "int32" && name == "rune");
        if is_basic { value } else { PanicValue::Named { type_name: name, value: Box::new(value) } }
    }
}
