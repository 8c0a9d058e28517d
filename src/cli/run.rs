//! `mvm run`: load, type-check, compile and run a main package, like `go run`.
//!
//! Arguments: `.go` files (every leading argument ending in `.go`), a directory or
//! import path, or `-` for a program on standard input; the remaining arguments belong
//! to the program. `--rundir` reads a directory the way gc's test runner reads a
//! `rundir` test (see frontend's loader).
//!
//! Exit statuses follow the go command and gc's runtime: 1 with `# pkg` and
//! `file:line:col: message` lines for compile errors; 2 for an unrecovered panic or a
//! fatal error (the report on stderr as gc prints it); 2 for a program that uses a
//! feature mvm does not implement yet (`file:line:col: mvm: not implemented yet: ...`,
//! no `# pkg` header, so it is never mistaken for a Go compile error); 3 for an
//! internal failure of the VM.
//!
//! `--jit` installs the JIT (the `jit` crate): hot loops run as native code, with the
//! same output. `MVM_JIT_THRESHOLD` sets how many back-edges make a loop hot (1 compiles
//! at the first opportunity), `MVM_JIT_LOG` prints its events and statistics. Of the
//! linker flags only `-X importpath.name=value`
//! has a meaning (it sets a string variable); `-gcflags`, `-race` and the other
//! `-ldflags` are accepted and ignored; `-tags` adds build tags.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use clap::ArgMatches;
use frontend::loader::{Config, Request};
use interp::compile;
use interp::vm::{Vm, VmConfig, heap::GcHeap};
use mvm::GoRoot;

/// Runs `mvm run` and returns the exit status.
pub fn main(m: &ArgMatches) -> i32 {
    let targets: Vec<String> = m.get_many::<String>("target").map(|v| v.cloned().collect()).unwrap_or_default();
    let goroot = match GoRoot::discover() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("mvm: {e}");
            return 1;
        }
    };
    let mut cfg = Config::host(goroot.clone());
    cfg.overlay = compile::stdlib::overlay();
    if let Some(tags) = m.get_one::<String>("tags") {
        cfg.build.tags.extend(tags.split(',').map(str::trim).filter(|t| !t.is_empty()).map(String::from));
    }
    let _stdin_dir;
    let single_file_packages = m.get_flag("rundir-single-file-pkgs");
    let rundir = m.get_flag("rundir") || single_file_packages;
    let (req, header) = match split_targets(&targets, rundir) {
        Target::Files(files) => (Request::Files(files), "command-line-arguments".to_string()),
        Target::Dir(d) => (Request::Patterns(vec![d.clone()]), d),
        Target::RunDir(dir) => (Request::RunDir { dir, single_file_packages }, "main".to_string()),
        Target::Stdin => match stdin_file() {
            Ok((dir, file)) => {
                _stdin_dir = TempDir(dir);
                (Request::Files(vec![file]), "command-line-arguments".to_string())
            }
            Err(e) => {
                eprintln!("mvm run: reading standard input: {e}");
                return 1;
            }
        },
        Target::None => {
            eprintln!("mvm run: no go files listed");
            return 1;
        }
    };
    // As the go command: a missing file is reported by itself, without a header.
    if let Request::Files(files) = &req
        && let Some(missing) = files.iter().find(|f| !f.exists())
    {
        eprintln!("stat {}: no such file or directory", missing.display());
        return 1;
    }
    let checked = match frontend::types::check_packages(&cfg, &req) {
        Ok(c) => c,
        Err(msgs) => {
            eprintln!("# {header}");
            for msg in msgs {
                eprintln!("{msg}");
            }
            return 1;
        }
    };
    let ldflags = m.get_one::<String>("ldflags").map(String::as_str).unwrap_or("");
    let x_strings = match linker_strings(ldflags) {
        Ok(x) => x,
        Err(e) => {
            // As the go command: a usage error.
            eprintln!("invalid value {ldflags:?} for flag -ldflags: {e}");
            return 2;
        }
    };
    let compiled = match compile::compile_with_strings(&checked, &x_strings) {
        Ok(c) => c,
        Err(errors) => {
            let unimplemented = errors.iter().all(|e| e.msg.starts_with("mvm: not implemented yet"));
            if !unimplemented {
                eprintln!("# {header}");
            }
            for e in &errors {
                eprintln!("{e}");
            }
            return if unimplemented { 2 } else { 1 };
        }
    };
    drop(checked);
    // os.Args: the program's name (its file or directory, as a built binary's path
    // would be), then the arguments after the program.
    let program_args: Vec<String> = match &req {
        Request::Files(files) => {
            let name = files.first().map(|f| f.with_extension("").display().to_string()).unwrap_or_default();
            std::iter::once(name).chain(targets.iter().skip(files.len()).cloned()).collect()
        }
        _ => targets.clone(),
    };
    let vm_config = VmConfig {
        goroot: goroot.path.display().to_string(),
        go_version: goroot.version.clone(),
        args: program_args,
        ..VmConfig::default()
    };
    run(&compiled, vm_config, m.get_flag("jit"))
}

/// Runs the package inits, then `main.main`. Two environment variables are tools for
/// working on the compiler: with `MVM_DISASM` set, first prints the bytecode of every
/// function whose name contains its value (all of them for an empty value) to stderr;
/// with `MVM_COUNT` set, prints the number of instructions executed at the end.
fn run(c: &compile::Compiled, vm_config: VmConfig, use_jit: bool) -> i32 {
    if let Ok(filter) = std::env::var("MVM_DISASM") {
        for f in c.program.functions() {
            if f.name.contains(&filter) {
                eprintln!("{}", interp::bytecode::disassemble(f, Some(&c.program)));
            }
        }
    }
    // `print` and `println` write to stderr; buffering keeps a print loop from making a
    // system call per item. The VM flushes it before any panic report.
    let out = std::io::BufWriter::with_capacity(1 << 16, std::io::stderr());
    let config = match gc::HeapConfig::from_env() {
        Ok(config) => config,
        Err(e) => {
            eprintln!("fatal error: {e}");
            return 2;
        }
    };
    let mut heap = match GcHeap::new(config) {
        Ok(heap) => heap,
        Err(e) => {
            eprintln!("fatal error: {e}");
            return 2;
        }
    };
    let globals = c.data.globals();
    // SAFETY: `c` (and with it the globals block) outlives the VM and its heap.
    unsafe { heap.add_static_roots(globals.as_ptr(), globals.len()) };
    let count_instructions = std::env::var_os("MVM_COUNT").is_some();
    let config = VmConfig { count_instructions, ..vm_config };
    let mut vm = Vm::new(&c.program, Box::new(heap), Box::new(out), config);
    // The JIT lives as long as the VM; its report (with MVM_JIT_LOG) comes at the end.
    let jit_log = std::rc::Rc::new(std::cell::RefCell::new(String::new()));
    if use_jit {
        let config = jit::JitConfig::from_env();
        match jit::Jit::new(config) {
            Ok(j) => {
                let threshold = config.threshold;
                let reporter = JitReporter { jit: j, report: config.log.then(|| jit_log.clone()) };
                vm.set_jit(Box::new(reporter), threshold);
            }
            Err(e) => eprintln!("mvm: the JIT is not available ({e}); interpreting"),
        }
    }
    for &f in c.inits.iter().chain(std::iter::once(&c.main)) {
        if let Err(stop) = vm.run_main(f, &[]) {
            drop(vm);
            let mut err = std::io::stderr().lock();
            let _ = err.write_all(stop.report().as_bytes());
            let _ = err.flush();
            return stop.exit_code();
        }
    }
    let executed = vm.executed();
    if count_instructions {
        eprintln!("mvm: {executed} instructions executed");
        // MVM_COUNT=funcs: where they were executed.
        if std::env::var("MVM_COUNT").is_ok_and(|v| v == "funcs") {
            for (name, n) in vm.hottest_functions(30) {
                eprintln!("{:>14} {:5.1}%  {name}", n, 100.0 * n as f64 / executed.max(1) as f64);
            }
        }
    }
    drop(vm);
    let report = jit_log.borrow();
    if !report.is_empty() {
        eprint!("{report}");
    }
    0
}

/// The JIT, with its statistics handed out when the VM drops it (for `MVM_JIT_LOG`).
struct JitReporter {
    jit: jit::Jit,
    report: Option<std::rc::Rc<std::cell::RefCell<String>>>,
}

impl interp::vm::jit::Jit for JitReporter {
    fn compile(&mut self, program: &interp::bytecode::Program, hot: interp::vm::jit::HotLoop, heat: interp::vm::jit::Heat<'_>) -> Result<interp::vm::jit::Compiled, interp::vm::jit::NotCompiled> {
        self.jit.compile(program, hot, heat)
    }

    fn compile_function(&mut self, program: &interp::bytecode::Program, func: u32, heat: interp::vm::jit::Heat<'_>) -> Result<interp::vm::jit::Compiled, interp::vm::jit::NotCompiled> {
        self.jit.compile_function(program, func, heat)
    }

    fn exited(&mut self, id: u32, exit: u32, iterations: u64, wanted: Option<u32>) -> bool {
        self.jit.exited(id, exit, iterations, wanted)
    }
}

impl Drop for JitReporter {
    fn drop(&mut self) {
        if let Some(r) = &self.report {
            *r.borrow_mut() = self.jit.report();
        }
    }
}

enum Target {
    Files(Vec<PathBuf>),
    Dir(String),
    RunDir(PathBuf),
    Stdin,
    None,
}

/// Splits `mvm run`'s positional arguments into the program and its arguments (the
/// latter are for `os.Args`, which needs the os package: not yet).
fn split_targets(targets: &[String], rundir: bool) -> Target {
    let Some(first) = targets.first() else { return Target::None };
    if first == "-" {
        return Target::Stdin;
    }
    if rundir {
        return Target::RunDir(PathBuf::from(first));
    }
    if first.ends_with(".go") {
        let files = targets.iter().take_while(|a| a.ends_with(".go")).map(PathBuf::from).collect();
        return Target::Files(files);
    }
    Target::Dir(first.clone())
}

/// Copies standard input to `stdin.go` in a fresh temporary directory.
fn stdin_file() -> std::io::Result<(PathBuf, PathBuf)> {
    let mut src = Vec::new();
    std::io::stdin().read_to_end(&mut src)?;
    let dir = std::env::temp_dir().join(format!("mvm-run-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let file = dir.join("stdin.go");
    std::fs::write(&file, src)?;
    Ok((dir, file))
}

/// Removes a temporary directory when dropped.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(Path::new(&self.0));
    }
}

/// The `-X importpath.name=value` settings of an `-ldflags` string, split into words as
/// the go command splits it; `-X` takes its setting as the next word or after `=`.
fn linker_strings(ldflags: &str) -> Result<Vec<(String, String)>, String> {
    let words = frontend::loader::build::split_quoted(ldflags)?;
    let mut settings = Vec::new();
    let mut it = words.into_iter();
    while let Some(w) = it.next() {
        let flag = w.trim_start_matches('-');
        if !w.starts_with('-') {
            continue;
        }
        let setting = match flag.strip_prefix('X') {
            Some("") => it.next(),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        };
        if let Some((name, value)) = setting.as_deref().and_then(|s| s.split_once('=')) {
            settings.push((name.to_string(), value.to_string()));
        }
    }
    Ok(settings)
}

#[cfg(test)]
mod tests {
    use super::linker_strings;

    fn pairs(flags: &str) -> Vec<(String, String)> {
        linker_strings(flags).unwrap_or_default()
    }

    #[test]
    fn reads_every_spelling_of_dash_x() {
        let want = |n: &str, v: &str| (n.to_string(), v.to_string());
        assert_eq!(pairs("-X main.size=35"), [want("main.size", "35")]);
        assert_eq!(pairs("-X=main.size=35 -s -w"), [want("main.size", "35")]);
        assert_eq!(pairs("-s --X 'main.msg=a b' -X \"p/q.v=x=y\""), [want("main.msg", "a b"), want("p/q.v", "x=y")]);
        assert!(pairs("-s -w -Xfoo").is_empty());
        assert_eq!(linker_strings("-X 'main.a=b").unwrap_err(), "unterminated ' string");
    }
}
