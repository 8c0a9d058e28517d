//! The Go front end of mvm: from source bytes to checked, typed packages.
//!
//! - [`syntax`]: the scanner and parser, producing an AST with exact positions and
//!   gc-style syntax errors.
//! - [`types`]: the type checker, producing the type of every expression, constant
//!   values, resolved objects, method sets, the generic instantiations the compiler
//!   must monomorphize, and the package initialization order.
//! - [`loader`]: finds packages (GOROOT, the main module, the module cache), applies
//!   build constraints, and feeds files to the parser and checker in import order.
//!
//! Nothing here executes Go code; `interp` lowers what this crate produces.

pub mod loader;
pub mod syntax;
pub mod types;
