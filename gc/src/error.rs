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
    BadType(TypeProblem),
    /// An address that is not the start of (or not inside) a live heap object, where one was required.
    NotHeapObject,
    /// `runtime.SetFinalizer` on an object that already has one.
    FinalizerAlreadySet,
    /// A `GOMEMLIMIT` value Go would reject.
    BadMemoryLimit,
}

impl fmt::Display for GcError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GcError::OutOfMemory => f.write_str("runtime: out of memory"),
            GcError::TooLarge => f.write_str("runtime: allocation size out of range"),
            GcError::UnknownType => f.write_str("runtime: unknown type descriptor"),
            GcError::BadType(why) => write!(f, "runtime: bad type descriptor: {why}"),
            GcError::NotHeapObject => {
                f.write_str("runtime: pointer not in an allocated heap object")
            }
            GcError::FinalizerAlreadySet => {
                f.write_str("runtime.SetFinalizer: finalizer already set")
            }
            GcError::BadMemoryLimit => {
                f.write_str("malformed GOMEMLIMIT; see `go doc runtime/debug.SetMemoryLimit`")
            }
        }
    }
}

impl std::error::Error for GcError {}

/// What is wrong with a rejected type descriptor. (A fieldless enum keeps [`GcError`] small, so
/// allocation results travel in registers.)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeProblem {
    /// A pointer offset is not an 8-aligned word inside the value.
    PointerOffset,
    /// The alignment is not 1, 2, 4 or 8.
    Alignment,
    /// The size is not a multiple of the alignment.
    SizeNotAligned,
    /// The pointer bitmap extends past the value.
    BitmapTooLong,
    /// A type holding pointers is not a whole number of words.
    PartialWord,
    /// More than 2^32 types were registered.
    TooManyTypes,
}

impl fmt::Display for TypeProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TypeProblem::PointerOffset => "pointer offset not an aligned word inside the value",
            TypeProblem::Alignment => "alignment must be 1, 2, 4 or 8",
            TypeProblem::SizeNotAligned => "size is not a multiple of the alignment",
            TypeProblem::BitmapTooLong => "pointer bitmap extends past the value",
            TypeProblem::PartialWord => "a type holding pointers must be a whole number of words",
            TypeProblem::TooManyTypes => "too many types",
        })
    }
}
