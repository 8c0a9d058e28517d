//! The tools the runner drives (the go command and mvm), building the programs
//! natively, generating fasta input, and describing the machine.
//!
//! Child processes get an empty pipe as stdin and pipes for output, never
//! /dev/null: on a shared machine other tools have replaced it with a file.

use std::ffi::OsString;
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::programs::{Program, SizeVia};

/// The go command: `go` on PATH, else the default install location.
pub fn find_go() -> Result<PathBuf, String> {
    let on_path = Command::new("go")
        .arg("version")
        .stdin(Stdio::piped())
        .output()
        .map(|o| o.status);
    if on_path.is_ok_and(|s| s.success()) {
        return Ok(PathBuf::from("go"));
    }
    let fallback = PathBuf::from("/usr/local/go/bin/go");
    if fallback.is_file() {
        return Ok(fallback);
    }
    Err("the go command is neither on PATH nor at /usr/local/go/bin/go".into())
}

/// Builds mvm in release mode with cargo, into the target directory this
/// runner was built in (so `cargo run --release -p mvm-bench` measures the
/// `target/release/mvm` of the same tree), and returns the binary.
pub fn build_mvm(workspace: &Path) -> Result<PathBuf, String> {
    let exe =
        std::env::current_exe().map_err(|e| format!("cannot locate the runner's binary: {e}"))?;
    // The runner lives in <target>/<profile>/mvm-bench.
    let target = exe
        .parent()
        .and_then(Path::parent)
        .ok_or_else(|| format!("cannot find the target directory above {}", exe.display()))?;
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo"));
    eprintln!(
        "mvm-bench: building mvm (cargo build --release --bin mvm) into {}",
        target.display()
    );
    let status = Command::new(&cargo)
        .args(["build", "--release", "--package", "mvm", "--bin", "mvm"])
        .current_dir(workspace)
        .env("CARGO_TARGET_DIR", target)
        .stdin(Stdio::piped())
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err(format!(
            "building mvm failed ({status}); pass --mvm PATH to use a binary built elsewhere"
        ));
    }
    let mvm = target.join("release").join("mvm");
    if mvm.is_file() {
        Ok(mvm)
    } else {
        Err(format!(
            "cargo built mvm but {} does not exist",
            mvm.display()
        ))
    }
}

/// The first line a command prints, or a note that it failed.
pub fn first_line_of(program: &Path, args: &[&str]) -> String {
    match Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .output()
    {
        Ok(out) => {
            let text = if out.stdout.is_empty() {
                out.stderr
            } else {
                out.stdout
            };
            String::from_utf8_lossy(&text)
                .lines()
                .next()
                .unwrap_or("")
                .trim()
                .to_string()
        }
        Err(e) => format!("({} failed: {e})", program.display()),
    }
}

/// Whether this mvm accepts `run --jit`: its help for `run` lists the flag.
pub fn mvm_has_jit(mvm: &Path) -> bool {
    Command::new(mvm)
        .args(["help", "run"])
        .stdin(Stdio::piped())
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).contains("--jit"))
}

/// The `-ldflags` argument that sets a program's size, if it takes it that way.
pub fn ldflags_arg(program: &Program, quick: bool) -> Option<OsString> {
    match program.via {
        SizeVia::Args => None,
        SizeVia::Ldflags => {
            let value = program.size(quick).first().copied().unwrap_or("");
            Some(OsString::from(format!("-ldflags=-X main.size={value}")))
        }
    }
}

/// The arguments a program gets after its file name (or binary).
pub fn program_args(program: &Program, quick: bool) -> Vec<OsString> {
    match program.via {
        SizeVia::Args => program.size(quick).iter().map(OsString::from).collect(),
        SizeVia::Ldflags => Vec::new(),
    }
}

/// Builds `program` with `go build` into `bin_dir`, returning the binary.
/// On failure the error is the build's first line of output.
pub fn build(
    go: &Path,
    source_dir: &Path,
    program: &Program,
    quick: bool,
    bin_dir: &Path,
) -> Result<PathBuf, String> {
    let binary = bin_dir.join(program.name);
    let mut cmd = Command::new(go);
    cmd.arg("build").arg("-o").arg(&binary);
    if let Some(flags) = ldflags_arg(program, quick) {
        cmd.arg(flags);
    }
    cmd.arg(".").current_dir(source_dir).stdin(Stdio::piped());
    let out = cmd
        .output()
        .map_err(|e| format!("cannot start {}: {e}", go.display()))?;
    if !out.status.success() {
        let text = String::from_utf8_lossy(&out.stderr);
        return Err(format!(
            "go build failed: {}",
            text.lines().next().unwrap_or("(no output)")
        ));
    }
    Ok(binary)
}

/// Writes the output of `fasta_binary n` to `dir/fasta-n.txt` (reusing an
/// existing file: the output depends only on n) and returns its path.
pub fn fasta_input(fasta_binary: &Path, n: u32, dir: &Path) -> Result<PathBuf, String> {
    let path = dir.join(format!("fasta-{n}.txt"));
    let partial = dir.join(format!("fasta-{n}.txt.partial"));
    if path.is_file() {
        return Ok(path);
    }
    let file =
        File::create(&partial).map_err(|e| format!("cannot create {}: {e}", partial.display()))?;
    let status = Command::new(fasta_binary)
        .arg(n.to_string())
        .stdin(Stdio::piped())
        .stdout(file)
        .status()
        .map_err(|e| format!("cannot run {}: {e}", fasta_binary.display()))?;
    if !status.success() {
        return Err(format!("{} {n} failed: {status}", fasta_binary.display()));
    }
    fs::rename(&partial, &path).map_err(|e| format!("cannot rename {}: {e}", partial.display()))?;
    Ok(path)
}

/// What the report says about the machine.
#[derive(Clone, Debug, Default)]
pub struct Machine {
    /// CPU model name.
    pub cpu: String,
    /// Logical CPUs available to this process.
    pub cores: usize,
    /// Total memory in GiB.
    pub memory_gib: f64,
    /// Kernel release.
    pub kernel: String,
}

/// Reads the machine's description from /proc.
pub fn machine() -> Machine {
    let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| {
            l.strip_prefix("model name")
                .and_then(|r| r.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let meminfo = fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let memory_kib: f64 = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    Machine {
        cpu,
        cores: std::thread::available_parallelism()
            .map(usize::from)
            .unwrap_or(1),
        memory_gib: memory_kib / (1024.0 * 1024.0),
        kernel: fs::read_to_string("/proc/sys/kernel/osrelease")
            .unwrap_or_default()
            .trim()
            .to_string(),
    }
}

/// The one-minute load average, from /proc/loadavg.
pub fn load_average() -> Option<f64> {
    fs::read_to_string("/proc/loadavg")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// The peak RSS `wait4` reports for `true`, a process that does nothing: the
/// floor under every measurement, since Linux counts the spawning process's
/// memory at exec time into the child's `ru_maxrss`.
pub fn rss_floor() -> Option<u64> {
    let inv = crate::exec::Invocation {
        program: PathBuf::from("true"),
        args: Vec::new(),
        cwd: std::env::temp_dir(),
        stdin: None,
        timeout: std::time::Duration::from_secs(10),
    };
    crate::exec::run(&inv)
        .ok()
        .filter(|o| o.exit.success())
        .map(|o| o.max_rss_kib)
}
