//! `mvm-bench`: runs the Go programs in `benches/programs/` natively, with
//! `go run` and with mvm, checks that every output equals the native binary's,
//! and reports the times, peak memory and ratios as a markdown table and an SVG
//! chart in `benches/results/`.
//!
//! How the parts fit: `cli` parses the command line; `programs` is the table
//! of programs and sizes; `toolchain` builds them with `go build` and finds mvm;
//! `exec` runs one process and measures it (wall time, peak RSS via `wait4`,
//! a streaming hash of its output); `suite` drives the interleaved runs and
//! compares outputs; `expect` reads `benches/unsupported.txt`, the exact list
//! of programs mvm cannot run yet; `stats`, `report` and `chart` turn the
//! measurements into numbers, markdown and SVG.
//!
//! Exit status: 0 when every check passed, 1 when an output differed or the
//! expectations file is out of date, 2 on a usage or setup error.

mod chart;
mod cli;
mod exec;
mod expect;
mod programs;
mod report;
mod stats;
mod suite;
mod toolchain;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use expect::Expectations;

/// `benches/`, where the programs, the expectations and the results live.
fn benches_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opts = match cli::parse(args.clone()) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("mvm-bench: {e}\n\n{}", cli::USAGE);
            return ExitCode::from(2);
        }
    };
    if opts.help {
        println!("{}", cli::USAGE);
        return ExitCode::SUCCESS;
    }
    if opts.list {
        for p in programs::ALL {
            println!(
                "{:<20} full: {:<24} quick: {}",
                p.name,
                p.size_label(false),
                p.size_label(true)
            );
        }
        return ExitCode::SUCCESS;
    }
    match run(&opts, &args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("mvm-bench: {e}");
            ExitCode::from(2)
        }
    }
}

/// Runs the suite; `Ok(false)` when a check failed.
fn run(opts: &cli::Options, args: &[String]) -> Result<bool, String> {
    let benches = benches_dir();
    let workspace = benches
        .parent()
        .ok_or("benches/ has no parent directory")?
        .to_path_buf();
    let selected = programs::select(&opts.filters);
    if selected.is_empty() {
        return Err(format!(
            "no program matches {:?}; --list shows them",
            opts.filters
        ));
    }
    let expectations_path = benches.join("unsupported.txt");
    let text = fs::read_to_string(&expectations_path)
        .map_err(|e| format!("cannot read {}: {e}", expectations_path.display()))?;
    let expectations = Expectations::parse(&text, |name| programs::by_name(name).is_some())
        .map_err(|e| format!("{}: {e}", expectations_path.display()))?;

    let go = toolchain::find_go()?;
    let mvm = resolve_mvm(opts, &workspace)?;
    let jit = mvm.as_deref().is_some_and(toolchain::mvm_has_jit);
    let work_dir = benches.join("results").join("tmp");
    fs::create_dir_all(&work_dir)
        .map_err(|e| format!("cannot create {}: {e}", work_dir.display()))?;

    let config = suite::Config {
        programs_dir: benches.join("programs"),
        work_dir,
        go: go.clone(),
        mvm: mvm.clone(),
        jit,
        quick: opts.quick,
        reps: if opts.quick { 1 } else { opts.reps },
        timeout: opts.timeout(),
    };
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let mut ctx = report::Context {
        started: report::utc_timestamp(now),
        machine: toolchain::machine(),
        go_version: toolchain::first_line_of(&go, &["version"]),
        mvm_version: mvm.as_ref().map(|m| {
            format!(
                "{} ({})",
                toolchain::first_line_of(m, &["version"]),
                m.display()
            )
        }),
        jit,
        quick: opts.quick,
        reps: config.reps,
        command: command_line(args),
        note: opts.note.clone(),
        ..report::Context::default()
    };
    match &mvm {
        Some(m) => eprintln!(
            "mvm-bench: mvm is {} ({}); {} expected failures listed",
            m.display(),
            if jit { "with --jit" } else { "no --jit" },
            expectations.count()
        ),
        None => eprintln!("mvm-bench: measuring native and go run only"),
    }

    ctx.rss_floor_kib = toolchain::rss_floor();
    ctx.load.0 = toolchain::load_average();
    let start = Instant::now();
    let results = suite::run(&config, &selected, &expectations);
    ctx.elapsed = start.elapsed();
    ctx.load.1 = toolchain::load_average();

    let problems = if mvm.is_some() {
        suite::problems(&results)
    } else {
        // Without mvm the expectations cannot be checked; the rest can.
        suite::problems(&results)
            .into_iter()
            .filter(|p| !p.contains("unsupported.txt"))
            .collect()
    };
    let md = report::markdown(&ctx, &results, &problems);
    println!("{md}");

    let out = match (&opts.out, opts.quick || !opts.filters.is_empty()) {
        (Some(dir), _) => Some(dir.clone()),
        // A quick or partial run must not overwrite the committed full results.
        (None, true) => None,
        (None, false) => Some(benches.join("results")),
    };
    if let Some(dir) = out {
        write_results(
            &dir,
            &md,
            &chart::render(&report::ratio_chart(&ctx, &results)),
        )?;
        eprintln!(
            "mvm-bench: wrote {} and {}",
            dir.join("results.md").display(),
            dir.join("ratios.svg").display()
        );
    }
    for p in &problems {
        eprintln!("mvm-bench: FAIL: {p}");
    }
    Ok(problems.is_empty())
}

/// The mvm binary to measure, per the options: the given one, or one freshly
/// built from this workspace so that the numbers are those of the current source.
fn resolve_mvm(opts: &cli::Options, workspace: &Path) -> Result<Option<PathBuf>, String> {
    if opts.no_mvm {
        return Ok(None);
    }
    if let Some(path) = &opts.mvm {
        return if path.is_file() {
            Ok(Some(path.clone()))
        } else {
            Err(format!("--mvm {}: no such file", path.display()))
        };
    }
    toolchain::build_mvm(workspace).map(Some)
}

/// The runner's command line for the report, without the `--note` text
/// (which the report quotes on its own).
fn command_line(args: &[String]) -> String {
    let mut words = vec!["mvm-bench".to_string()];
    let mut skip_next = false;
    for a in args {
        if skip_next {
            skip_next = false;
            words.push("…".into());
        } else if a == "--note" {
            skip_next = true;
            words.push(a.clone());
        } else if a.starts_with("--note=") {
            words.push("--note=…".into());
        } else {
            words.push(a.clone());
        }
    }
    words.join(" ")
}

fn write_results(dir: &Path, markdown: &str, svg: &str) -> Result<(), String> {
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for (name, text) in [("results.md", markdown), ("ratios.svg", svg)] {
        let path = dir.join(name);
        fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_line_leaves_out_the_note() {
        let args: Vec<String> = ["--reps", "3", "--note", "busy machine", "fib", "--note=x"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            command_line(&args),
            "mvm-bench --reps 3 --note … fib --note=…"
        );
    }
}
