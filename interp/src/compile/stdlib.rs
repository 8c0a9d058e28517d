//! The part of the standard library mvm compiles today, from the sources of the Go
//! installation, and what stands in for the functions gc writes in assembly or
//! replaces by machine instructions.
//!
//! A program may import the packages of [`COMPILED`] (and `unsafe`); importing any
//! other std package is still reported as not implemented. Functions declared without
//! a body in those packages either have a [`Replacement`] or stop with an internal
//! error if called (`internal/cpu`'s `cpuid`: only the runtime calls its users).

use crate::bytecode::Instr;

/// The std packages compiled from `$GOROOT/src` (they import only each other and
/// `unsafe`, and need nothing of gc's runtime).
pub const COMPILED: &[&str] = &["math", "math/bits", "internal/cpu", "unicode/utf8", "unicode", "cmp"];

/// What a std function compiles to instead of its declared body (or lack of one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Replacement {
    /// A call of the function of the same package with this name and the same
    /// signature: math's `archFloor` (amd64 assembly in gc) is its pure-Go `floor`.
    Alias(&'static str),
    /// One instruction on the arguments (gc intrinsifies the function): calls of it
    /// compile to the instruction itself.
    Instr(Instr),
}

/// The replacement of function `name` of the std package `path`, if it has one.
pub fn replacement(path: &str, name: &str) -> Option<Replacement> {
    use Replacement::*;
    Some(match (path, name) {
        ("math", "Sqrt" | "sqrt") => Replacement::Instr(crate::bytecode::Instr::SqrtF64),
        ("math", "archFloor") => Alias("floor"),
        ("math", "archCeil") => Alias("ceil"),
        ("math", "archTrunc") => Alias("trunc"),
        ("math", "archExp") => Alias("exp"),
        ("math", "archLog") => Alias("log"),
        ("math", "archHypot") => Alias("hypot"),
        ("math", "archMax") => Alias("max"),
        ("math", "archMin") => Alias("min"),
        _ => return None,
    })
}

/// Whether `path` names a std package mvm compiles (or `unsafe`).
pub fn is_compiled(path: &str) -> bool {
    path == "unsafe" || COMPILED.contains(&path)
}
