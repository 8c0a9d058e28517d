//! The benchmark runner (not built yet: see the benchmark issue).
fn main() {
    eprintln!("mvm-bench: not implemented yet");
    std::process::exit(2);
}
