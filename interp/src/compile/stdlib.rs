//! The standard library is compiled from the sources of the Go installation, with
//! mvm's overlay (its own `runtime` package; see `runtime::overlay`) in place. This
//! module says what stands in for the functions gc writes in assembly or replaces by
//! machine instructions ([`Replacement`]); functions declared without a body bind to
//! natives (`runtime::native`) or stop the program with `mvm: not implemented yet`.

use crate::bytecode::Instr;

/// The sources standing in for parts of `$GOROOT/src` (`runtime::overlay`), for the
/// loader's [`Config::overlay`](frontend::loader::Config::overlay).
pub fn overlay() -> std::sync::Arc<frontend::loader::Overlay> {
    static OVERLAY: std::sync::OnceLock<std::sync::Arc<frontend::loader::Overlay>> = std::sync::OnceLock::new();
    OVERLAY
        .get_or_init(|| {
            let mut o = frontend::loader::Overlay::default();
            for (files, out) in [(runtime::overlay::PACKAGES, &mut o.packages), (runtime::overlay::FILES, &mut o.files)] {
                for f in files {
                    out.entry(f.package.to_string()).or_default().push((f.name.to_string(), f.source.as_bytes().into()));
                }
            }
            o.implicit = runtime::overlay::IMPLICIT.iter().map(|s| s.to_string()).collect();
            std::sync::Arc::new(o)
        })
        .clone()
}

/// What a std function compiles to instead of its declared body (or lack of one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Replacement {
    /// A call of the function of the same package with this name and the same
    /// signature: math's `archFloor` (amd64 assembly in gc) is its pure-Go `floor`.
    Alias(&'static str),
    /// One instruction on the arguments (gc intrinsifies the function): calls of it
    /// compile to the instruction itself.
    Instr(Instr),
    /// Nothing: a function without results that only instructs gc's escape analysis.
    Empty,
    /// The native of the same package and name (`runtime::native`), in place of a Go
    /// body mvm cannot run (syscall's child side of fork).
    Native,
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
        ("internal/abi", "EscapeNonString") => Empty,
        ("internal/chacha8rand", "block") => Alias("block_generic"),
        ("syscall", "forkAndExecInChild1") => Native,
        // A bool's word is already 0 or 1.
        ("crypto/internal/constanttime", "boolToUint8") => Instr(crate::bytecode::Instr::Nop),
        _ => return None,
    })
}
