//! The Go sources mvm puts in place of parts of the standard library (see
//! `frontend::loader::overlay`): its own `runtime` package, and single files of std
//! packages. They live in `runtime/go/<import path>/` and are compiled into the
//! binary, so `mvm` needs nothing of them on the disk.

/// One overlay source file.
#[derive(Clone, Copy, Debug)]
pub struct GoFile {
    /// The import path of its package.
    pub package: &'static str,
    /// The file name.
    pub name: &'static str,
    /// The Go source.
    pub source: &'static str,
}

macro_rules! go_files {
    ($($pkg:literal / $name:literal),* $(,)?) => {
        &[$(GoFile { package: $pkg, name: $name, source: include_str!(concat!("../go/", $pkg, "/", $name)) }),*]
    };
}

/// Packages replaced as a whole: every file of the package.
pub static PACKAGES: &[GoFile] = go_files![
    "runtime" / "coro.go",
    "runtime" / "error.go",
    "runtime" / "extern.go",
    "runtime" / "mfinal.go",
    "runtime" / "mstats.go",
    "runtime" / "panic.go",
    "runtime" / "profile.go",
    "runtime" / "symtab.go",
    "runtime" / "time.go",
    "internal/runtime/maps" / "maps.go",
];

/// Single files replacing (or added to) the files of a std package compiled from the
/// Go installation.
pub static FILES: &[GoFile] = go_files![
    "internal/abi" / "abi_amd64.go",
    "internal/abi" / "abi_arm64.go",
    "reflect" / "mvm_makefunc.go",
];

/// Packages every program loads, imported or not.
pub static IMPLICIT: &[&str] = &["runtime"];
