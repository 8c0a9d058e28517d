//! The conformance run with the JIT forced (`mvm run --jit`, `MVM_JIT_THRESHOLD=1`):
//! every test must give the interpreter's results, so the same expectations file
//! applies (differential testing of the JIT).
//!
//! `MVM_CONFORMANCE_BIN=PATH` runs another `mvm` binary than the one cargo built (a
//! copy, so that the tree can be rebuilt while a long run goes on).

fn main() {
    let mvm = std::env::var_os("MVM_CONFORMANCE_BIN")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::PathBuf::from(env!("CARGO_BIN_EXE_mvm")));
    let mut args: Vec<String> = std::env::args().collect();
    args.push("--jit".into());
    std::process::exit(conformance::main_with_args(mvm, args));
}
