//! The Go type checker.
//!
//! The parts, one concern per module, in the manner of `go/types`:
//! - [`constant`]: exact constant values (arbitrary-precision ints, rationals, 512-bit floats).

pub mod constant;
