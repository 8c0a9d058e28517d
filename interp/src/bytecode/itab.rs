//! The itabs the VM builds on demand from the type descriptors the compiler left in
//! static memory (gc's `internal/abi` layout; see `compile::rtype` and `runtime::abi`).
//!
//! # Itabs
//!
//! `abi.ITab`: `[interface type, concrete type, hash, fun...]`, `fun[i]` implementing
//! the interface's `i`-th method (a function id taking the interface data word as its
//! receiver). The compiler makes the itabs of conversions it sees; the VM makes the
//! others (type assertions to interfaces, conversions between non-empty interfaces)
//! with [`ItabCache::get`], which first looks in a cache seeded with the compiler's
//! itabs, so there is exactly one itab per (interface, type) pair and itab identity is
//! type identity. Itabs live as long as the [`Program`](super::Program): they hold only
//! static addresses and function ids, never pointers into the Go heap, so the
//! collector neither scans nor frees them.

use runtime::abi::{self, TypeRef};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Byte offset of `fun[0]` in an itab (the offset `CallIface` reads at).
pub const ITAB_FUN_OFFSET: u64 = abi::ITAB_FUN;

/// The name of the type whose descriptor is at `d`, as gc's runtime prints it.
///
/// # Safety
/// `d` must be a descriptor the compiler emitted.
pub unsafe fn desc_name(d: u64) -> String {
    // SAFETY: the caller's contract.
    unsafe { abi::type_string(TypeRef(d)) }
}

/// An itab address, or the name of the first method the type lacks.
type Lookup = Result<u64, Arc<str>>;

/// The itabs of a program: those the compiler made, and those built at run time.
#[derive(Debug, Default)]
pub struct ItabCache {
    /// (interface descriptor, type descriptor) → itab address, or the name of the
    /// first missing method.
    map: Mutex<HashMap<(u64, u64), Lookup>>,
    /// The itabs built at run time (owned here; never moved, so their addresses hold).
    built: Mutex<Vec<Box<[u64]>>>,
}

impl ItabCache {
    /// Records an itab the compiler made.
    pub fn seed(&self, iface: u64, typ: u64, itab: u64) {
        if let Ok(mut m) = self.map.lock() {
            m.insert((iface, typ), Ok(itab));
        }
    }

    /// The itab of dynamic type `typ` for interface `iface`, built on first use (a hash
    /// lookup afterwards), or the name of a method `typ` lacks.
    ///
    /// # Safety
    /// Both must be descriptors built by the compiler for this program.
    /// (A failed lookup is as frequent as `x.(I)` with `ok` false: its name is shared,
    /// not copied.)
    pub unsafe fn get(&self, iface: u64, typ: u64) -> Result<u64, Arc<str>> {
        let Ok(mut map) = self.map.lock() else { return Err(Arc::from("")) };
        if let Some(r) = map.get(&(iface, typ)) {
            return r.clone();
        }
        // SAFETY: the caller's contract.
        let r = unsafe { self.build(iface, typ) };
        map.insert((iface, typ), r.clone());
        r
    }

    /// Matches the interface's methods against the type's (both in gc's order: a
    /// name matches when its bytes, package and method type are equal): linear in the
    /// two lists' lengths.
    unsafe fn build(&self, iface: u64, typ: u64) -> Result<u64, Arc<str>> {
        // SAFETY: the caller's contract.
        let (want, have) = unsafe { (abi::interface_methods(TypeRef(iface)), abi::methods(TypeRef(typ))) };
        // SAFETY: as above; the hash of a descriptor.
        let hash = unsafe { TypeRef(typ).hash() };
        let mut words = Vec::with_capacity(3 + want.len());
        words.extend_from_slice(&[iface, typ, u64::from(hash)]);
        let mut j = 0;
        for w in &want {
            let found = loop {
                match have.get(j) {
                    Some(h) if h.name == w.name && h.pkg == w.pkg => break Some(h),
                    Some(_) => j += 1,
                    None => break None,
                }
            };
            match found {
                Some(h) if h.typ == w.typ && h.ifn >= 0 => words.push(h.ifn as u64),
                _ => return Err(Arc::from(String::from_utf8_lossy(w.name))),
            }
        }
        let b = words.into_boxed_slice();
        let a = b.as_ptr() as u64;
        if let Ok(mut built) = self.built.lock() {
            built.push(b);
            Ok(a)
        } else {
            Err(Arc::from(""))
        }
    }
}

/// What the VM needs to know about the compiled program's run-time support code.
#[derive(Clone, Debug, Default)]
pub struct RuntimeSupport {
    /// Descriptors of the types `recover()` gives run-time errors, by
    /// [`ErrorClass`] (0 where the program has none: then the old untyped word
    /// [`RUNTIME_ERROR_TYPE`](super::RUNTIME_ERROR_TYPE) is used).
    pub error_types: [u64; ErrorClass::COUNT],
    /// The type-table index of the cell each class's value lives in (the named type
    /// itself, also for the two pointer types): see `vm::panicval`.
    pub error_cells: [u32; ErrorClass::COUNT],
    /// The type-table index of a cell holding one string.
    pub string_cell: u32,
    /// The functions behind func values reflect makes (see `vm::reflectcall`), when
    /// the program has reflect.
    pub reflect: Option<ReflectStubs>,
    /// `func() (kind, ptr, len)` over the interface value in words 1 and 2 of its
    /// closure context: for an `error` or a Stringer, kind 1 and the text of its
    /// `Error()` / `String()`; kind 0 otherwise. The VM calls it on every panic value
    /// before printing an unrecovered panic.
    pub preprint: Option<u32>,
    /// `runtime.timerproc()`: the goroutine that runs fired Go timers' functions.
    pub timerproc: Option<u32>,
}

/// The function ids behind the func values reflect makes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReflectStubs {
    /// `reflect.makeFuncStub`: word 0 of a `MakeFunc` func value.
    pub make_func_stub: u32,
    /// `reflect.methodValueCall`: word 0 of a method value made by reflect.
    pub method_value_call: u32,
    /// `reflect.mvmCallReflect(ctxt, frame)`: runs a `MakeFunc` function on a frame.
    pub call_reflect: u32,
    /// `reflect.mvmCallMethod(ctxt, frame)`: runs a method value on a frame.
    pub call_method: u32,
}

/// The run-time error types of gc's runtime, which `recover()` distinguishes by type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorClass {
    /// `runtime.boundsError`.
    Bounds = 0,
    /// `runtime.errorString` (division, nil dereference, shifts, ...).
    ErrorString = 1,
    /// `runtime.plainError` (nil map writes, closed channels).
    Plain = 2,
    /// `*runtime.TypeAssertionError`.
    TypeAssertion = 3,
    /// `*runtime.PanicNilError`.
    PanicNil = 4,
}

impl ErrorClass {
    /// How many classes there are.
    pub const COUNT: usize = 5;

    /// gc's name of the type.
    pub fn type_name(self) -> &'static str {
        match self {
            ErrorClass::Bounds => "runtime.boundsError",
            ErrorClass::ErrorString => "runtime.errorString",
            ErrorClass::Plain => "runtime.plainError",
            ErrorClass::TypeAssertion => "*runtime.TypeAssertionError",
            ErrorClass::PanicNil => "*runtime.PanicNilError",
        }
    }

    /// All classes, in index order.
    pub fn all() -> [ErrorClass; ErrorClass::COUNT] {
        [ErrorClass::Bounds, ErrorClass::ErrorString, ErrorClass::Plain, ErrorClass::TypeAssertion, ErrorClass::PanicNil]
    }
}
