//! Measures the checker over `$GOROOT/test`: the share of `run`/`compile`/`build`
//! (and `rundir`/`compiledir`) tests that check without error, and the share of
//! `errorcheck` tests whose errors fall exactly on the lines marked `// ERROR`.
//! Ignored by default (it takes a while); run with
//! `cargo test --release -p frontend --test types_goroot -- --ignored --nocapture`.
//! Set `MVM_GOROOT_TEST_LIST=1` to print every failure.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use frontend::loader::{Config, Request, constraint, goroot::GoRoot};

/// The directories gc's test runner walks.
const DIRS: &[&str] = &[".", "ken", "chan", "interface", "syntax", "fixedbugs", "typeparam", "typeparam/mdempsky", "abi"];

/// The recipe (first `// word` line, after build constraints) of a test file.
fn recipe(src: &str) -> Option<String> {
    for line in src.lines() {
        let l = line.trim();
        if l.is_empty() || constraint::is_go_build(l) || constraint::is_plus_build(l) {
            continue;
        }
        let word = l.strip_prefix("// ")?.split_whitespace().next()?.to_string();
        return Some(word);
    }
    None
}

/// Whether the file's build constraints hold for the host (as the test runner decides).
fn should_test(src: &str, cfg: &Config) -> bool {
    for line in src.lines() {
        if line.starts_with("package ") {
            break;
        }
        if let Ok(e) = constraint::parse(line)
            && !e.eval(&mut |t| cfg.build.match_tag(t))
        {
            return false;
        }
    }
    true
}

fn error_lines(errs: &[String], file: &Path) -> BTreeSet<u32> {
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    errs.iter()
        .filter_map(|e| {
            let mut parts = e.splitn(3, ':');
            let f = parts.next()?;
            let line = parts.next()?.parse().ok()?;
            f.ends_with(&name).then_some(line)
        })
        .collect()
}

#[test]
#[ignore]
fn goroot_test_suite() {
    let goroot = GoRoot::discover().expect("goroot");
    let Some(test_dir) = goroot.test_dir() else { return };
    let cfg = Config::host(goroot);
    let list = std::env::var("MVM_GOROOT_TEST_LIST").is_ok();
    // MVM_GOROOT_TEST_ONLY names a file listing test paths (relative to test/) to run.
    let only: Option<Vec<String>> = std::env::var("MVM_GOROOT_TEST_ONLY").ok().and_then(|f| std::fs::read_to_string(f).ok()).map(|s| s.lines().map(|l| l.trim().to_string()).collect());
    let (mut ok, mut total, mut ec_ok, mut ec_total) = (0, 0, 0, 0);
    // Errorcheck tests without compiler-debug flags (-m, -d=..., -live, -0, ...): the
    // ones whose ERROR comments are front-end errors.
    let (mut ecp_ok, mut ecp_total) = (0, 0);
    let mut failures = Vec::new();
    let start = std::time::Instant::now();
    for d in DIRS {
        let dir = test_dir.join(d);
        let Ok(rd) = std::fs::read_dir(&dir) else { continue };
        let mut files: Vec<PathBuf> = rd.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "go")).collect();
        files.sort();
        for f in files {
            if let Some(o) = &only {
                let rel = f.strip_prefix(&test_dir).map(|r| r.to_string_lossy().trim_start_matches("./").to_string()).unwrap_or_default();
                if !o.contains(&rel) {
                    continue;
                }
            }
            let Ok(src) = std::fs::read_to_string(&f) else { continue };
            let Some(r) = recipe(&src) else { continue };
            if !should_test(&src, &cfg) {
                continue;
            }
            let req = match r.as_str() {
                "run" | "compile" | "build" | "errorcheck" => {
                    // `// run other.go` names more files of the same program.
                    let mut files = vec![f.clone()];
                    if let Some(line) = src.lines().find(|l| l.starts_with(&format!("// {r}"))) {
                        files.extend(line.split_whitespace().filter(|w| w.ends_with(".go")).map(|w| dir.join(w)));
                    }
                    Request::Files(files)
                }
                "rundir" | "compiledir" => {
                    let single = src.lines().find(|l| l.starts_with("// compiledir") || l.starts_with("// rundir")).is_some_and(|l| l.split_whitespace().any(|w| w == "-s"));
                    Request::RunDir { dir: f.with_extension("dir"), single_file_packages: single }
                }
                _ => continue,
            };
            let res = std::panic::catch_unwind(|| frontend::types::check_packages(&cfg, &req));
            let errs = match res {
                Ok(Ok(_)) => Vec::new(),
                Ok(Err(e)) => e,
                Err(_) => vec!["PANIC".to_string()],
            };
            if r == "errorcheck" {
                ec_total += 1;
                let flags: Vec<&str> = src.lines().find(|l| l.starts_with("// errorcheck")).map(|l| l.split_whitespace().skip(2).collect()).unwrap_or_default();
                let plain = flags.iter().all(|f| f.starts_with("-lang") || f.starts_with("-goexperiment") || *f == "-e" || f.starts_with("-std") || *f == "-t");
                let want: BTreeSet<u32> = src.lines().enumerate().filter(|(_, l)| l.contains("// ERROR") || l.contains("// GC_ERROR")).map(|(i, _)| i as u32 + 1).collect();
                let got = error_lines(&errs, &f);
                let exact = want == got && !errs.iter().any(|e| e == "PANIC");
                if plain {
                    ecp_total += 1;
                    ecp_ok += usize::from(exact);
                }
                if exact {
                    ec_ok += 1;
                } else if list {
                    let missing: Vec<_> = want.difference(&got).collect();
                    let extra: Vec<String> = errs.iter().filter(|e| error_lines(std::slice::from_ref(e), &f).iter().any(|l| !want.contains(l))).cloned().collect();
                    println!("EC {}: missing lines {missing:?}; extra: {extra:?}", f.strip_prefix(&test_dir).unwrap_or(&f).display());
                }
                continue;
            }
            total += 1;
            if errs.is_empty() {
                ok += 1;
            } else {
                failures.push(format!("{}: {}", f.strip_prefix(&test_dir).unwrap_or(&f).display(), errs.first().cloned().unwrap_or_default()));
            }
        }
    }
    if list {
        for f in &failures {
            println!("FAIL {f}");
        }
    }
    println!("run/compile/build: {ok}/{total} check clean ({:.1}%)", 100.0 * ok as f64 / total.max(1) as f64);
    println!("errorcheck: {ec_ok}/{ec_total} exact ({:.1}%)", 100.0 * ec_ok as f64 / ec_total.max(1) as f64);
    println!("errorcheck without compiler-debug flags: {ecp_ok}/{ecp_total} exact ({:.1}%)", 100.0 * ecp_ok as f64 / ecp_total.max(1) as f64);
    println!("time: {:?}", start.elapsed());
}
