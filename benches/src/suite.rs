//! Running the suite: for each program, a verified reference run of the native
//! binary, then every mode warmed up, checked against it, and timed in
//! interleaved repetitions.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::exec::{self, Exit, Invocation, Outcome};
use crate::expect::Expectations;
use crate::programs::Program;
use crate::toolchain;

/// The ways a program is run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The binary `go build` made.
    Native,
    /// `go run main.go`, with a warm build cache.
    GoRun,
    /// `mvm run main.go`.
    Mvm,
    /// `mvm run --jit main.go`.
    MvmJit,
}

impl Mode {
    /// Every mode, in the order of the report.
    pub const ALL: [Mode; 4] = [Mode::Native, Mode::GoRun, Mode::Mvm, Mode::MvmJit];

    /// The column heading.
    pub fn label(self) -> &'static str {
        match self {
            Mode::Native => "native",
            Mode::GoRun => "go run",
            Mode::Mvm => "mvm run",
            Mode::MvmJit => "mvm run --jit",
        }
    }

    /// The index into `ProgramResult::modes`.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Whether this is one of mvm's modes, the ones the expectations file covers.
    pub fn is_mvm(self) -> bool {
        matches!(self, Mode::Mvm | Mode::MvmJit)
    }
}

/// Why a mode's result does not count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// It exited unsuccessfully; the detail is its first line of stderr.
    CannotRun(String),
    /// It exited 0 but wrote something else than the native binary did.
    WrongOutput(String),
    /// It was killed after the timeout.
    TimedOut(Duration),
    /// The runner could not build or start it.
    Setup(String),
}

impl Failure {
    /// A one-line description.
    pub fn detail(&self) -> String {
        match self {
            Failure::CannotRun(s) | Failure::WrongOutput(s) | Failure::Setup(s) => s.clone(),
            Failure::TimedOut(d) => format!("killed after the {} s timeout", d.as_secs()),
        }
    }
}

/// The measurements of one mode on one program.
#[derive(Clone, Debug, Default)]
pub struct ModeResult {
    /// Wall time of each timed run.
    pub times: Vec<Duration>,
    /// The largest peak RSS over all runs, in KiB.
    pub max_rss_kib: u64,
    /// Set when a run failed; the times are then not meaningful.
    pub failure: Option<Failure>,
    /// The reason from the expectations file, for mvm modes listed there.
    pub expected_failure: Option<String>,
}

impl ModeResult {
    /// Whether this mode ran and produced the native output every time.
    pub fn ok(&self) -> bool {
        self.failure.is_none()
    }
}

/// Everything measured about one program.
#[derive(Clone, Debug)]
pub struct ProgramResult {
    /// The program.
    pub program: &'static Program,
    /// Its size, as the table shows it.
    pub size: String,
    /// One entry per `Mode`, `None` for a mode not run at all.
    pub modes: [Option<ModeResult>; 4],
}

impl ProgramResult {
    /// The result of `mode`, if it was run.
    pub fn mode(&self, mode: Mode) -> Option<&ModeResult> {
        self.modes.get(mode.index()).and_then(Option::as_ref)
    }
}

/// The settings of one suite run.
#[derive(Clone, Debug)]
pub struct Config {
    /// `benches/programs`.
    pub programs_dir: PathBuf,
    /// Scratch space for binaries and inputs.
    pub work_dir: PathBuf,
    /// The go command.
    pub go: PathBuf,
    /// The mvm binary, or `None` to leave mvm out.
    pub mvm: Option<PathBuf>,
    /// Whether mvm accepts `--jit`.
    pub jit: bool,
    /// Quick sizes, a single run per mode (no warm-up), no `go run`.
    pub quick: bool,
    /// Timed repetitions per mode.
    pub reps: usize,
    /// Per-run time limit.
    pub timeout: Duration,
}

impl Config {
    /// The modes this configuration runs.
    pub fn modes(&self) -> Vec<Mode> {
        Mode::ALL
            .into_iter()
            .filter(|m| match m {
                Mode::Native => true,
                Mode::GoRun => !self.quick,
                Mode::Mvm => self.mvm.is_some(),
                Mode::MvmJit => self.mvm.is_some() && self.jit,
            })
            .collect()
    }
}

/// Runs every program in `programs`, reporting progress on stderr.
pub fn run(
    config: &Config,
    programs: &[&'static Program],
    expectations: &Expectations,
) -> Vec<ProgramResult> {
    let bin_dir = config
        .work_dir
        .join(if config.quick { "bin-quick" } else { "bin" });
    if let Err(e) = std::fs::create_dir_all(&bin_dir) {
        eprintln!("mvm-bench: cannot create {}: {e}", bin_dir.display());
    }
    let mut fasta_binary: Option<Result<PathBuf, String>> = None;
    let total = programs.len();
    let mut results = Vec::with_capacity(total);
    for (i, program) in programs.iter().enumerate() {
        eprint!(
            "[{}/{total}] {} {}:",
            i + 1,
            program.name,
            program.size_label(config.quick)
        );
        let input = match program.fasta_input(config.quick) {
            None => Ok(None),
            Some(n) => {
                let fasta = fasta_binary.get_or_insert_with(|| build_fasta(config, &bin_dir));
                fasta
                    .clone()
                    .and_then(|bin| toolchain::fasta_input(&bin, n, &config.work_dir).map(Some))
            }
        };
        let result = match input {
            Ok(input) => run_program(config, program, input.as_deref(), &bin_dir, expectations),
            Err(e) => setup_failure(config, program, e),
        };
        eprintln!();
        results.push(result);
    }
    results
}

fn build_fasta(config: &Config, bin_dir: &Path) -> Result<PathBuf, String> {
    let fasta =
        crate::programs::by_name(crate::programs::FASTA).ok_or("the fasta program is missing")?;
    // The input is generated at the size the consumers need, whatever size the
    // fasta benchmark itself runs at, so always build it in full mode (its
    // size is an argument, so the binary is the same either way).
    let dir = bin_dir.join("input");
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    toolchain::build(
        &config.go,
        &config.programs_dir.join(fasta.name),
        fasta,
        false,
        &dir,
    )
}

fn setup_failure(config: &Config, program: &'static Program, why: String) -> ProgramResult {
    eprint!(" {why}");
    let mut modes: [Option<ModeResult>; 4] = Default::default();
    if let Some(slot) = modes.get_mut(Mode::Native.index()) {
        *slot = Some(ModeResult {
            failure: Some(Failure::Setup(why)),
            ..ModeResult::default()
        });
    }
    ProgramResult {
        program,
        size: program.size_label(config.quick),
        modes,
    }
}

/// The command line of `program` in `mode`.
fn invocation(
    config: &Config,
    program: &Program,
    mode: Mode,
    binary: &Path,
    input: Option<&Path>,
) -> Option<Invocation> {
    let source = config.programs_dir.join(program.name);
    let args = toolchain::program_args(program, config.quick);
    let ldflags = toolchain::ldflags_arg(program, config.quick);
    let (exe, mut argv): (PathBuf, Vec<OsString>) = match mode {
        Mode::Native => (binary.to_path_buf(), Vec::new()),
        Mode::GoRun => (config.go.clone(), vec!["run".into()]),
        Mode::Mvm => (config.mvm.clone()?, vec!["run".into()]),
        Mode::MvmJit => (config.mvm.clone()?, vec!["run".into(), "--jit".into()]),
    };
    if mode != Mode::Native {
        argv.extend(ldflags);
        argv.push("main.go".into());
    }
    argv.extend(args);
    Some(Invocation {
        program: exe,
        args: argv,
        cwd: source,
        stdin: input.map(Path::to_path_buf),
        timeout: config.timeout,
    })
}

fn run_program(
    config: &Config,
    program: &'static Program,
    input: Option<&Path>,
    bin_dir: &Path,
    expectations: &Expectations,
) -> ProgramResult {
    let source = config.programs_dir.join(program.name);
    let binary = match toolchain::build(&config.go, &source, program, config.quick, bin_dir) {
        Ok(b) => b,
        Err(e) => return setup_failure(config, program, e),
    };
    let mut modes: [Option<ModeResult>; 4] = Default::default();
    let size = program.size_label(config.quick);

    // The reference: the native binary's output is what every mode must reproduce.
    let Some(native_inv) = invocation(config, program, Mode::Native, &binary, input) else {
        return setup_failure(config, program, "no native invocation".into());
    };
    let reference = match exec::run(&native_inv) {
        Ok(o) if o.exit.success() => o,
        Ok(o) => {
            let why = format!("native run failed ({}): {}", o.exit, o.stderr.first_line());
            return setup_failure(config, program, why);
        }
        Err(e) => {
            return setup_failure(
                config,
                program,
                format!("cannot run {}: {e}", native_inv.display()),
            );
        }
    };

    let active = config.modes();
    let mut invocations = Vec::new();
    for &mode in &active {
        let Some(inv) = invocation(config, program, mode, &binary, input) else {
            continue;
        };
        let mut result = ModeResult::default();
        if mode.is_mvm() {
            result.expected_failure = expectations
                .reason(program.name, mode == Mode::MvmJit)
                .map(str::to_string);
        }
        // A warm-up run: fills go's (and later mvm's) caches, and finds out
        // early whether the mode works at all, so that a broken mode is not
        // repeated. In quick mode this is the only run and it is timed.
        if mode != Mode::Native {
            let outcome = exec::run(&inv);
            record(&mut result, &reference, outcome, config.quick);
        }
        if let Some(slot) = modes.get_mut(mode.index()) {
            *slot = Some(result);
        }
        invocations.push((mode, inv));
    }
    if config.quick {
        // The reference run is the native measurement.
        if let Some(Some(native)) = modes.get_mut(Mode::Native.index()) {
            record(native, &reference, Ok(reference.clone()), true);
        }
    } else {
        for _ in 0..config.reps {
            for (mode, inv) in &invocations {
                let Some(Some(result)) = modes.get_mut(mode.index()) else {
                    continue;
                };
                if !result.ok() {
                    continue;
                }
                record(result, &reference, exec::run(inv), true);
            }
        }
    }
    for &mode in &active {
        if let Some(Some(r)) = modes.get(mode.index()) {
            eprint!(" {} {}", mode.label(), progress_note(r));
        }
    }
    ProgramResult {
        program,
        size,
        modes,
    }
}

/// Adds one run to a mode's result: its time (if `timed`) and memory, or the
/// reason it does not count.
fn record(
    result: &mut ModeResult,
    reference: &Outcome,
    outcome: std::io::Result<Outcome>,
    timed: bool,
) {
    match outcome {
        Err(e) => result.failure = Some(Failure::Setup(format!("cannot start: {e}"))),
        Ok(o) => {
            result.max_rss_kib = result.max_rss_kib.max(o.max_rss_kib);
            match compare(reference, &o) {
                Some(f) => result.failure = Some(f),
                None if timed => result.times.push(o.wall),
                None => {}
            }
        }
    }
}

/// Why `got` does not reproduce `reference`, if it does not.
pub fn compare(reference: &Outcome, got: &Outcome) -> Option<Failure> {
    match got.exit {
        Exit::TimedOut => return Some(Failure::TimedOut(got.wall)),
        e if e != reference.exit => {
            let line = got.stderr.first_line();
            return Some(Failure::CannotRun(if line.is_empty() {
                e.to_string()
            } else {
                line
            }));
        }
        _ => {}
    }
    for (name, want, have) in [
        ("stdout", &reference.stdout, &got.stdout),
        ("stderr", &reference.stderr, &got.stderr),
    ] {
        if !want.same(have) {
            let at = want.head.iter().zip(&have.head).position(|(a, b)| a != b);
            let place = match at {
                Some(i) => format!("first difference at byte {i}"),
                None if want.len != have.len => {
                    format!("{} bytes instead of {}", have.len, want.len)
                }
                None => "same length, difference past the kept head".to_string(),
            };
            return Some(Failure::WrongOutput(format!(
                "{name} differs from native: {place}"
            )));
        }
    }
    None
}

/// Everything that makes the run fail: native or `go run` not reproducing
/// the reference, an mvm mode failing without being listed in the
/// expectations file, or a listed mode that now runs correctly.
pub fn problems(results: &[ProgramResult]) -> Vec<String> {
    let mut out = Vec::new();
    for r in results {
        let name = r.program.name;
        for mode in Mode::ALL {
            let Some(m) = r.mode(mode) else { continue };
            match (&m.failure, &m.expected_failure) {
                (Some(f), None) if mode.is_mvm() => out.push(format!(
                    "{name}: {} fails and is not listed in unsupported.txt: {}",
                    mode.label(),
                    f.detail()
                )),
                (Some(f), None) => {
                    out.push(format!("{name}: {} failed: {}", mode.label(), f.detail()))
                }
                (None, Some(_)) => out.push(format!(
                    "{name}: {} now runs correctly: take it out of unsupported.txt",
                    mode.label()
                )),
                (Some(_), Some(_)) | (None, None) => {}
            }
        }
    }
    out
}

fn progress_note(r: &ModeResult) -> String {
    match (&r.failure, crate::stats::min(&r.times)) {
        (Some(_), _) if r.expected_failure.is_some() => "fails as expected".to_string(),
        (Some(f), _) => format!("FAILED ({})", short(&f.detail())),
        (None, Some(t)) => format!("{:.0} ms", t.as_secs_f64() * 1000.0),
        (None, None) => "ok".to_string(),
    }
}

fn short(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(MAX).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exec::Capture;

    fn outcome(exit: Exit, stdout: &[u8], stderr: &[u8]) -> Outcome {
        let cap = |b: &[u8]| Capture {
            len: b.len() as u64,
            hash: b.iter().map(|&x| u64::from(x)).sum(),
            head: b.to_vec(),
        };
        Outcome {
            wall: Duration::from_millis(5),
            max_rss_kib: 1,
            exit,
            stdout: cap(stdout),
            stderr: cap(stderr),
        }
    }

    #[test]
    fn compare_tells_cannot_run_from_wrong_output() {
        let native = outcome(Exit::Code(0), b"42\n", b"");
        assert_eq!(
            compare(&native, &outcome(Exit::Code(0), b"42\n", b"")),
            None
        );
        let refused = outcome(
            Exit::Code(2),
            b"",
            b"mvm run: not implemented yet: x\nmore\n",
        );
        assert_eq!(
            compare(&native, &refused),
            Some(Failure::CannotRun("mvm run: not implemented yet: x".into()))
        );
        assert_eq!(
            compare(&native, &outcome(Exit::Signal(11), b"", b"")),
            Some(Failure::CannotRun("killed by signal 11".into()))
        );
        let wrong = compare(&native, &outcome(Exit::Code(0), b"43\n", b""));
        assert_eq!(
            wrong,
            Some(Failure::WrongOutput(
                "stdout differs from native: first difference at byte 1".into()
            ))
        );
        let longer = compare(&native, &outcome(Exit::Code(0), b"42\n\n", b""));
        assert!(longer.is_some_and(|f| f.detail().contains("4 bytes instead of 3")));
        let noisy = compare(&native, &outcome(Exit::Code(0), b"42\n", b"warning\n"));
        assert!(noisy.is_some_and(|f| f.detail().starts_with("stderr differs")));
    }

    fn result(mode: Mode, m: ModeResult) -> ProgramResult {
        let mut modes: [Option<ModeResult>; 4] = Default::default();
        if let Some(slot) = modes.get_mut(mode.index()) {
            *slot = Some(m);
        }
        let program = crate::programs::by_name("fib").unwrap_or(&crate::programs::ALL[0]);
        ProgramResult {
            program,
            size: String::new(),
            modes,
        }
    }

    #[test]
    fn problems_keep_the_expectations_exact() {
        let fails = || Some(Failure::CannotRun("no".into()));
        let listed = || Some("reason".to_string());
        let ok = ModeResult::default();
        assert!(
            problems(&[result(
                Mode::Mvm,
                ModeResult {
                    failure: fails(),
                    expected_failure: listed(),
                    ..ok.clone()
                }
            )])
            .is_empty()
        );
        assert!(problems(&[result(Mode::Mvm, ok.clone())]).is_empty());
        let unlisted = problems(&[result(
            Mode::MvmJit,
            ModeResult {
                failure: fails(),
                ..ok.clone()
            },
        )]);
        assert!(
            unlisted.len() == 1 && unlisted[0].contains("not listed"),
            "{unlisted:?}"
        );
        let passes = problems(&[result(
            Mode::Mvm,
            ModeResult {
                expected_failure: listed(),
                ..ok.clone()
            },
        )]);
        assert!(
            passes.len() == 1 && passes[0].contains("take it out"),
            "{passes:?}"
        );
        let go_run = problems(&[result(
            Mode::GoRun,
            ModeResult {
                failure: fails(),
                ..ok
            },
        )]);
        assert!(
            go_run.len() == 1 && go_run[0].contains("go run failed"),
            "{go_run:?}"
        );
    }

    #[test]
    fn quick_mode_leaves_out_go_run_and_jit_needs_mvm() {
        let mut c = Config {
            programs_dir: PathBuf::new(),
            work_dir: PathBuf::new(),
            go: PathBuf::from("go"),
            mvm: None,
            jit: true,
            quick: true,
            reps: 1,
            timeout: Duration::from_secs(1),
        };
        assert_eq!(c.modes(), [Mode::Native]);
        c.mvm = Some(PathBuf::from("mvm"));
        assert_eq!(c.modes(), [Mode::Native, Mode::Mvm, Mode::MvmJit]);
        c.quick = false;
        c.jit = false;
        assert_eq!(c.modes(), [Mode::Native, Mode::GoRun, Mode::Mvm]);
    }
}
