//! Shared by the integration tests that compile Go source and run it: building a
//! program from a source string, running it on a VM with captured output, and what the
//! run gave.
#![allow(dead_code)]

use frontend::loader::goroot::GoRoot;
use frontend::loader::{Config, Request};
use interp::compile;
use interp::vm::heap::MallocHeap;
use interp::vm::{Vm, VmConfig};
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

/// A `print` sink shared with the test.
#[derive(Clone, Default)]
pub struct Captured(pub Rc<RefCell<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    /// What was written so far, as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.borrow()).into_owned()
    }
}

/// What running a program gave: its output, and the report and exit status of an
/// abnormal stop.
pub struct Outcome {
    pub output: String,
    pub stop: Option<(String, i32)>,
}

/// The installed Go root (tests skip themselves without one).
pub fn goroot() -> Option<GoRoot> {
    GoRoot::discover().ok()
}

/// Compiles `src` as `main.go`; `Err` holds the compile errors.
pub fn build(src: &str) -> Result<compile::Compiled, Vec<String>> {
    let root = goroot().ok_or_else(|| vec!["no GOROOT".to_string()])?;
    let dir = std::env::temp_dir().join(format!("mvm-interp-test-{}-{:x}", std::process::id(), hash(src)));
    std::fs::create_dir_all(&dir).map_err(|e| vec![e.to_string()])?;
    let file = dir.join("main.go");
    std::fs::write(&file, src).map_err(|e| vec![e.to_string()])?;
    let mut cfg = Config::host(root.clone());
    cfg.overlay = compile::stdlib::overlay();
    let checked = frontend::types::check_packages(&cfg, &Request::Files(vec![file]));
    let _ = std::fs::remove_dir_all(&dir);
    let checked = checked?;
    compile::compile(&checked).map_err(|es| es.iter().map(ToString::to_string).collect())
}

fn hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf29ce484222325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100000001b3))
}

/// Compiles and runs `src` with the default VM settings; panics on compile errors.
pub fn run(src: &str) -> Outcome {
    run_with(src, VmConfig::default())
}

/// Compiles and runs `src` with `config`.
pub fn run_with(src: &str, config: VmConfig) -> Outcome {
    let c = match build(src) {
        Ok(c) => c,
        Err(es) => panic!("compile errors: {es:?}"),
    };
    let out = Captured::default();
    let mut stop = None;
    {
        let mut vm = Vm::new(&c.program, Box::new(MallocHeap::default()), Box::new(out.clone()), config);
        for &f in c.inits.iter().chain(std::iter::once(&c.main)) {
            if let Err(s) = vm.run_main(f, &[]) {
                stop = Some((s.report(), s.exit_code()));
                break;
            }
        }
    }
    let output = out.text();
    Outcome { output, stop }
}
