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

/// The `GOOS/GOARCH` pair mvm targets on this host, in Go's spelling.
pub fn host_platform() -> (&'static str, &'static str) {
    let goos = match std::env::consts::OS {
        "macos" => "darwin",
        os => os,
    };
    let goarch = match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        "x86" => "386",
        "powerpc64" => "ppc64",
        "loongarch64" => "loong64",
        arch => arch,
    };
    (goos, goarch)
}
