//! The conformance run over `$GOROOT/test`: the project's scoreboard.
//!
//! It selects the run-family tests as gc's own runner does (`select`, `imports`), runs
//! each with `mvm run` and compares combined output with the `.out` file (`runner`),
//! checks the results against the expectations file (`expectations`), and prints
//! passed/failed per directory and per tier (`report`).
//!
//! The root package's `tests/conformance.rs` is the entry point, so that the harness
//! runs the `mvm` binary cargo just built: `cargo test --release --test conformance --
//! [FILTER] [-j N] [--timeout SECS] [-v] [--update] [--list]`. The run fails when a test
//! expected to pass fails, when a listed test passes, or when a listed test no longer exists.

mod expectations;
mod imports;
mod report;
mod runner;
mod select;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use expectations::{Category, Entry};
use frontend::loader::goroot::GoRoot;
use runner::Outcome;

/// The expectations file, beside this crate's manifest.
const EXPECTATIONS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/expectations.txt");

/// mvm's own test programs (tests/programs/), run beside Go's suite.
const PROGRAMS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../programs");

static GO_MINOR: OnceLock<u32> = OnceLock::new();

/// The minor version of the installed Go (26 for go1.26), for release build tags.
pub fn go_minor() -> u32 {
    *GO_MINOR.get().unwrap_or(&0)
}

struct Options {
    filters: Vec<String>,
    jobs: usize,
    timeout: Duration,
    verbose: bool,
    update: bool,
    list: bool,
    /// Run every test with the JIT forced (`mvm run --jit`, threshold 1).
    jit: bool,
}

fn parse_options(argv: Vec<String>) -> Result<Options, String> {
    let mut o = Options {
        filters: Vec::new(),
        jobs: std::thread::available_parallelism().map_or(2, |n| n.get()),
        // Generous: the slowest tests (divmod.go: 4e6 division checks) take about 20 s of
        // CPU in the interpreter, and CI machines may be loaded.
        timeout: Duration::from_secs(180),
        verbose: false,
        update: false,
        list: false,
        jit: false,
    };
    let mut args = argv.into_iter().skip(1);
    while let Some(a) = args.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with('-') => (f.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        let mut value = |name: &str| inline.clone().or_else(|| args.next()).ok_or(format!("{name} needs a value"));
        match flag.as_str() {
            "-j" | "--jobs" | "--test-threads" => {
                o.jobs = value(&flag)?.parse().map_err(|_| format!("{flag} needs a number"))?;
                o.jobs = o.jobs.max(1);
            }
            "--timeout" => {
                let secs: u64 = value(&flag)?.parse().map_err(|_| "--timeout needs seconds".to_string())?;
                o.timeout = Duration::from_secs(secs);
            }
            "-v" | "--verbose" => o.verbose = true,
            "--update" => o.update = true,
            "--list" => o.list = true,
            "--jit" => o.jit = true,
            // Flags cargo or libtest conventions may pass to every test binary.
            "--nocapture" | "--quiet" | "-q" | "--show-output" => {}
            "--color" => {
                value(&flag)?;
            }
            "-h" | "--help" => {
                println!(
                    "usage: conformance [FILTER...] [-j N] [--timeout SECS] [-v] [--update] [--list] [--jit]\n\
                     FILTER selects tests whose name contains it (e.g. fixedbugs/issue12 or chan/).\n\
                     --update rewrites the expectations file from this run's results.\n\
                     --jit runs every test with the JIT compiling at the first opportunity\n\
                     (MVM_JIT_THRESHOLD=1); the results must match the same expectations."
                );
                std::process::exit(0);
            }
            f if f.starts_with('-') => return Err(format!("unknown flag {f}")),
            _ => o.filters.push(a),
        }
    }
    Ok(o)
}

/// Runs the harness with the process's arguments against the given `mvm` binary and
/// returns the exit status.
pub fn main(mvm: PathBuf) -> i32 {
    main_with_args(mvm, std::env::args().collect())
}

/// [`main`] with the arguments given (the first is the program name).
pub fn main_with_args(mvm: PathBuf, argv: Vec<String>) -> i32 {
    match real_main(mvm, argv) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("conformance: {e}");
            2
        }
    }
}

fn real_main(mvm: PathBuf, argv: Vec<String>) -> Result<i32, String> {
    let opts = parse_options(argv)?;
    if opts.jit && opts.update {
        return Err("--update takes the interpreter's results: run it without --jit".into());
    }
    let goroot = GoRoot::discover().map_err(|e| e.to_string())?;
    let _ = GO_MINOR.set(goroot.minor_version().unwrap_or(u32::MAX));
    let test_root = match std::env::var_os("MVM_GO_TEST_DIR") {
        Some(p) => PathBuf::from(p),
        None => goroot.test_dir().ok_or_else(|| {
            format!(
                "{} has no test/ directory: the conformance suite needs Go's test files; \
                 install a full Go distribution or point MVM_GO_TEST_DIR at one",
                goroot.path.display()
            )
        })?,
    };
    let (goos, goarch) = frontend::loader::constraint::host_platform();
    let tool_tags = tool_tags(&goroot);
    let std_src = goroot.path.join("src");
    let mut all = select::select(&test_root, &std_src, goos, goarch, &tool_tags)?;
    all.extend(select::select_programs(Path::new(PROGRAMS), &std_src, goos, goarch)?);
    let filtered = !opts.filters.is_empty();
    let tests: Vec<&select::Test> =
        all.iter().filter(|t| !filtered || opts.filters.iter().any(|f| t.name.contains(f.as_str()))).collect();
    if opts.list {
        for t in &tests {
            println!("{} {:?} tier{} {}", t.name, t.recipe, report::tier(t) as u8, t.imports.join(","));
        }
        println!("{} tests", tests.len());
        return Ok(0);
    }

    let text = std::fs::read_to_string(EXPECTATIONS).unwrap_or_default();
    let expected = expectations::parse(&text).map_err(|e| format!("{EXPECTATIONS}: {e}"))?;

    let mode = if opts.jit { " with the JIT forced" } else { "" };
    println!("conformance: {} tests from {} and tests/programs ({} jobs){mode}", tests.len(), test_root.display(), opts.jobs);
    let env = runner::Env {
        mvm,
        jit: opts.jit,
        timeout: opts.timeout,
        scratch: std::env::temp_dir().join(format!("mvm-conformance-{}", std::process::id())),
    };
    let outcomes = run_all(&env, &tests, opts.jobs, opts.verbose);
    let _ = std::fs::remove_dir_all(&env.scratch);

    // Compare with the expectations.
    let mut unexpected_fail = Vec::new();
    let mut unexpected_pass = Vec::new();
    for (t, outcome) in tests.iter().zip(&outcomes) {
        match (outcome, expected.get(&t.name)) {
            (Outcome::Fail(why), None) => unexpected_fail.push(format!("{}: {why}", t.name)),
            (Outcome::Pass, Some(_)) => unexpected_pass.push(t.name.clone()),
            _ => {}
        }
    }
    let known: std::collections::HashSet<&str> = all.iter().map(|t| t.name.as_str()).collect();
    let stale: Vec<&String> = if filtered { Vec::new() } else { expected.keys().filter(|k| !known.contains(k.as_str())).collect() };

    let results: Vec<(&select::Test, bool)> =
        tests.iter().zip(&outcomes).map(|(t, o)| (*t, matches!(o, Outcome::Pass))).collect();
    report::print(&results);

    if opts.update {
        let mut updated: BTreeMap<String, Entry> = expected.clone();
        for (t, outcome) in tests.iter().zip(&outcomes) {
            match outcome {
                Outcome::Pass => {
                    updated.remove(&t.name);
                }
                Outcome::Fail(why) => {
                    updated.entry(t.name.clone()).or_insert_with(|| Entry {
                        category: if why.contains("not implemented yet") { Category::Unimplemented } else { Category::Bug },
                        reason: why.replace('\n', " "),
                    });
                }
            }
        }
        for k in &stale {
            updated.remove(*k);
        }
        std::fs::write(EXPECTATIONS, expectations::render(&updated)).map_err(|e| format!("{EXPECTATIONS}: {e}"))?;
        println!("conformance: rewrote {EXPECTATIONS} ({} expected failures)", updated.len());
        return Ok(0);
    }

    for f in &unexpected_fail {
        println!("FAIL (not in expectations) {f}");
    }
    for p in &unexpected_pass {
        println!("PASS (listed as failing: remove it from the expectations) {p}");
    }
    for s in &stale {
        println!("STALE (listed but not a selected test) {s}");
    }
    if unexpected_fail.is_empty() && unexpected_pass.is_empty() && stale.is_empty() {
        println!("conformance: results match the expectations");
        Ok(0)
    } else {
        println!(
            "conformance: results differ from the expectations: {} unexpected failures, {} unexpected passes, {} stale entries",
            unexpected_fail.len(),
            unexpected_pass.len(),
            stale.len()
        );
        Ok(1)
    }
}

/// Runs the tests on `jobs` threads; each thread takes the next test from a shared counter.
fn run_all(env: &runner::Env, tests: &[&select::Test], jobs: usize, verbose: bool) -> Vec<Outcome> {
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Outcome>>> = Mutex::new(vec![None; tests.len()]);
    std::thread::scope(|s| {
        for _ in 0..jobs.min(tests.len().max(1)) {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(t) = tests.get(i) else { break };
                    let outcome = runner::run(env, t, i);
                    let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                    if verbose {
                        match &outcome {
                            Outcome::Pass => println!("ok   {}", t.name),
                            Outcome::Fail(why) => println!("FAIL {}: {why}", t.name),
                        }
                    } else if n.is_multiple_of(200) {
                        println!("conformance: {n}/{} done", tests.len());
                    }
                    if let Ok(mut r) = results.lock() {
                        r[i] = Some(outcome);
                    }
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .map(|o| o.unwrap_or_else(|| Outcome::Fail("harness: no result".into())))
        .collect()
}

/// The toolchain's goexperiment tags, which gc's runner matches in build constraints.
fn tool_tags(goroot: &GoRoot) -> Vec<String> {
    let out = std::process::Command::new(goroot.path.join("bin/go"))
        .args(["list", "-f", "{{join context.ToolTags \" \"}}", "runtime"])
        .env("GOFLAGS", "")
        .output();
    match out {
        Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout).split_whitespace().map(String::from).collect(),
        _ => {
            eprintln!("conformance: warning: cannot ask go for its tool tags; goexperiment constraints will be false");
            Vec::new()
        }
    }
}
