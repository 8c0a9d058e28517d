//! mvm: a Go virtual machine that runs Go programs straight from source.
//!
//! This crate is the command-line tool (`src/main.rs`, `src/cli/`) and the library a
//! host program embeds. The work happens in the layer crates, wired together here:
//! `frontend` (parse, type-check, load packages) → `interp` (compile to bytecode, run)
//! → `jit` (trace hot loops to native code), over `runtime` (Go's runtime services)
//! and `gc` (the heap). See docs/ARCHITECTURE.md for how they fit.

pub use frontend::loader::goroot::{GoRoot, NotFound as GoRootNotFound};

/// The version of mvm, from the workspace manifest.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

pub use frontend::loader::constraint::host_platform;
