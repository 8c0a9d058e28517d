//! Fuzz target: loading and type-checking any source as a one-file `main` package must
//! end with a result or diagnostics — never a panic (which `check_packages` would turn
//! into an "internal error" diagnostic: that counts as a failure here), a hang or a
//! stack overflow.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use frontend::loader::goroot::GoRoot;
use frontend::loader::{Config, Request};
use libfuzzer_sys::fuzz_target;

/// One scratch file per fuzzing process, rewritten for every input.
fn scratch() -> &'static PathBuf {
    static FILE: OnceLock<PathBuf> = OnceLock::new();
    FILE.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("mvm-fuzz-check-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch directory");
        dir.join("main.go")
    })
}

fuzz_target!(|data: &[u8]| {
    let goroot = GoRoot::discover().expect("the checker fuzz target needs a GOROOT");
    let file = scratch();
    std::fs::write(file, data).expect("scratch file");
    let cfg = Config::host(goroot);
    if let Err(msgs) = frontend::types::check_packages(&cfg, &Request::Files(vec![file.clone()])) {
        assert!(!msgs.iter().any(|m| m.contains("internal error")), "{msgs:?}");
    }
});
