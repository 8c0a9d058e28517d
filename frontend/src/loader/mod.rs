//! Package discovery and file selection.
//!
//! [`constraint`] evaluates `//go:build` and `// +build` lines; [`goroot`] finds the Go
//! installation whose `src/` mvm compiles.

pub mod constraint;
pub mod goroot;
