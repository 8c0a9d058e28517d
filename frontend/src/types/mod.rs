//! The Go type checker.
//!
//! The parts, one concern per module, in the manner of `go/types`:
//! - [`constant`]: exact constant values (arbitrary-precision ints, rationals, 512-bit floats).
//! - [`ty`]: the interned type representation ([`TypeId`] into a [`TypeTable`]).
//! - [`object`]: objects (what names denote), scopes, packages, positions.
//! - [`program`]: the program-wide store of all of these.
//! - [`universe`]: the predeclared names and package `unsafe`.
//! - [`sizes`]: gc's memory layout (size, alignment, field offsets) on 64-bit targets.
//! - [`typestring`]: types formatted as gc's messages print them.

pub mod constant;
pub mod object;
pub mod program;
pub mod sizes;
pub mod ty;
pub mod typestring;
mod universe;

pub use object::{FileId, ObjId, PkgId, ScopeId, SrcPos};
pub use program::Program;
pub use ty::{BasicKind, Type, TypeId, TypeTable};
