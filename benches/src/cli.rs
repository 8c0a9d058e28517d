//! The command line.

use std::path::PathBuf;
use std::time::Duration;

/// Usage text.
pub const USAGE: &str = "\
usage: mvm-bench [options] [NAME...]

Builds each benchmark program with go build, runs it natively, with go run and
with mvm (and mvm --jit when mvm accepts it), checks that every output equals
the native one, and writes a markdown table and an SVG chart of the time ratios.
NAME selects the programs whose names contain it (default: all).

options:
  --quick          small sizes, one run per mode, no go run: checks outputs in
                   seconds; exits 1 on any output mismatch not expected by
                   benches/unsupported.txt
  --reps N         timed runs per mode (default 5)
  --mvm PATH       the mvm binary to measure (default: build it first with
                   cargo build --release into this runner's target directory,
                   i.e. target/release/mvm)
  --no-mvm         measure native and go run only
  --timeout SECS   kill a run after this long (default 300, quick 20)
  --out DIR        where results.md and ratios.svg go (default benches/results;
                   quick mode writes no files unless --out is given)
  --note TEXT      a sentence about the conditions, for the report
  --list           print the programs and their sizes, then exit
  -h, --help       this text";

/// Parsed options.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// `--quick`.
    pub quick: bool,
    /// `--reps`.
    pub reps: usize,
    /// `--mvm`.
    pub mvm: Option<PathBuf>,
    /// `--no-mvm`.
    pub no_mvm: bool,
    /// `--timeout`, when given.
    pub timeout: Option<Duration>,
    /// `--out`.
    pub out: Option<PathBuf>,
    /// `--note`.
    pub note: Option<String>,
    /// `--list`.
    pub list: bool,
    /// `--help`.
    pub help: bool,
    /// Name filters.
    pub filters: Vec<String>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            quick: false,
            reps: 5,
            mvm: None,
            no_mvm: false,
            timeout: None,
            out: None,
            note: None,
            list: false,
            help: false,
            filters: Vec::new(),
        }
    }
}

impl Options {
    /// The per-run timeout in effect.
    pub fn timeout(&self) -> Duration {
        self.timeout
            .unwrap_or(Duration::from_secs(if self.quick { 20 } else { 300 }))
    }
}

/// Parses the arguments after the program name.
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Options, String> {
    let mut o = Options::default();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag.as_str() {
            "--quick" => o.quick = true,
            "--no-mvm" => o.no_mvm = true,
            "--list" => o.list = true,
            "-h" | "--help" => o.help = true,
            "--reps" => {
                let v = value("--reps")?;
                o.reps = v
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or(format!("--reps: not a positive number: {v}"))?;
            }
            "--timeout" => {
                let v = value("--timeout")?;
                let secs: u64 = v
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or(format!("--timeout: not a positive number of seconds: {v}"))?;
                o.timeout = Some(Duration::from_secs(secs));
            }
            // Programs run in other directories, so a relative path is made absolute here.
            "--mvm" => o.mvm = Some(std::path::absolute(value("--mvm")?).map_err(|e| format!("--mvm: {e}"))?),
            "--out" => o.out = Some(PathBuf::from(value("--out")?)),
            "--note" => o.note = Some(value("--note")?),
            f if f.starts_with('-') => return Err(format!("unknown option {f}")),
            _ => o.filters.push(arg),
        }
    }
    if o.no_mvm && o.mvm.is_some() {
        return Err("--mvm and --no-mvm contradict each other".into());
    }
    Ok(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Options, String> {
        parse(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn defaults_and_flags() {
        assert_eq!(p(&[]), Ok(Options::default()));
        let o = p(&[
            "--quick",
            "--reps",
            "3",
            "--mvm=/x/mvm",
            "fib",
            "sort",
            "--timeout",
            "9",
        ])
        .unwrap_or_default();
        assert!(o.quick);
        assert_eq!(o.reps, 3);
        assert_eq!(o.mvm, Some(PathBuf::from("/x/mvm")));
        assert_eq!(o.filters, ["fib", "sort"]);
        assert_eq!(o.timeout(), Duration::from_secs(9));
        assert_eq!(
            p(&["--quick"]).map(|o| o.timeout()),
            Ok(Duration::from_secs(20))
        );
    }

    #[test]
    fn relative_mvm_paths_become_absolute() {
        let o = p(&["--mvm", "target/release/mvm"]).unwrap_or_default();
        let mvm = o.mvm.unwrap_or_default();
        assert!(mvm.is_absolute(), "{}", mvm.display());
        assert!(mvm.ends_with("target/release/mvm"));
    }

    #[test]
    fn errors() {
        assert!(p(&["--reps"]).is_err_and(|e| e.contains("needs a value")));
        assert!(p(&["--reps", "0"]).is_err());
        assert!(p(&["--reps=x"]).is_err());
        assert!(p(&["--frobnicate"]).is_err_and(|e| e.contains("--frobnicate")));
        assert!(p(&["--no-mvm", "--mvm", "m"]).is_err());
    }
}
