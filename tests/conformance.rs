//! Entry point of the `$GOROOT/test` conformance run (see the `conformance` crate in
//! tests/conformance/): it hands the harness the `mvm` binary cargo built for this run.

fn main() {
    let mvm = std::path::PathBuf::from(env!("CARGO_BIN_EXE_mvm"));
    std::process::exit(conformance::main(mvm));
}
