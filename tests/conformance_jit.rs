//! The conformance run with the JIT forced (`mvm run --jit`, `MVM_JIT_THRESHOLD=1`):
//! every test must give the interpreter's results, so the same expectations file
//! applies (differential testing of the JIT).

fn main() {
    let mvm = std::path::PathBuf::from(env!("CARGO_BIN_EXE_mvm"));
    let mut args: Vec<String> = std::env::args().collect();
    args.push("--jit".into());
    std::process::exit(conformance::main_with_args(mvm, args));
}
