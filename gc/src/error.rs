//! The errors the heap reports to the runtime.

use std::fmt;

/// Why a heap operation failed. The runtime turns these into Go's fatal errors or panics.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GcError {
    /// The heap reservation is exhausted, or the OS refused memory
    /// (Go: `fatal error: runtime: out of memory`).
    OutOfMemory,
    /// The requested size overflows the address space.
    TooLarge,
    /// A [`crate::TypeId`] that was never registered.
    UnknownType,
    /// A type descriptor that does not describe a valid layout.
    BadType(&'static str),
    /// An address that is not the start of (or not inside) a live heap object, where one was required.
    NotHeapObject,
    /// `runtime.SetFinalizer` on an object that already has one.
    FinalizerAlreadySet,
}

impl fmt::Display for GcError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GcError::OutOfMemory => f.write_str("runtime: out of memory"),
            GcError::TooLarge => f.write_str("runtime: allocation size out of range"),
            GcError::UnknownType => f.write_str("runtime: unknown type descriptor"),
            GcError::BadType(why) => write!(f, "runtime: bad type descriptor: {why}"),
            GcError::NotHeapObject => f.write_str("runtime: pointer not in an allocated heap object"),
            GcError::FinalizerAlreadySet => f.write_str("runtime.SetFinalizer: finalizer already set"),
        }
    }
}

impl std::error::Error for GcError {}
