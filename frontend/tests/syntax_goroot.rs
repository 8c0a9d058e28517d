//! The parser against the Go installation: every `.go` file of `$GOROOT/src`
//! outside `testdata`, and every `$GOROOT/test` program whose recipe says it must
//! compile (`run`, `compile`, `build` and their `dir` variants), must parse without
//! a single error. The `errorcheck` tests that expect a syntax error must get one on
//! the expected line (the measured share is printed; the test holds a floor).
//!
//! Skipped, with a note, when no GOROOT is found.

use std::path::{Path, PathBuf};

use frontend::loader::goroot::GoRoot;
use frontend::syntax;

fn goroot() -> Option<PathBuf> {
    match GoRoot::discover() {
        Ok(r) => Some(r.path),
        Err(e) => {
            eprintln!("note: skipping, no GOROOT: {e}");
            None
        }
    }
}

/// All `.go` files under `dir`, sorted; `testdata` directories skipped when `skip_testdata`.
fn go_files(dir: &Path, skip_testdata: bool, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if !(skip_testdata && p.file_name().is_some_and(|n| n == "testdata")) {
                go_files(&p, skip_testdata, out);
            }
        } else if p.extension().is_some_and(|e| e == "go") {
            out.push(p);
        }
    }
}

/// Parses `path`; returns its errors formatted as gc prints them.
fn errors_of(path: &Path) -> Vec<String> {
    let Ok(src) = std::fs::read(path) else { return vec![format!("{}: unreadable", path.display())] };
    let (file, errs) = syntax::parse_file(&path.display().to_string(), &src);
    errs.iter().map(|e| file.format_error(e)).collect()
}

/// The recipe of a `$GOROOT/test` file: the first word of its first comment line
/// that is not a build constraint.
fn recipe(src: &str) -> Option<&str> {
    for line in src.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with("//go:build") || line.starts_with("// +build") {
            continue;
        }
        return line.strip_prefix("//").and_then(|r| r.split_whitespace().next());
    }
    None
}

#[test]
fn goroot_src_parses_without_errors() {
    let Some(root) = goroot() else { return };
    let mut files = Vec::new();
    go_files(&root.join("src"), true, &mut files);
    assert!(files.len() > 1000, "too few files under {}", root.display());
    let mut bad = Vec::new();
    for f in &files {
        bad.extend(errors_of(f));
    }
    assert!(bad.is_empty(), "{} errors in $GOROOT/src, first: {:#?}", bad.len(), &bad[..bad.len().min(20)]);
}

const COMPILING: &[&str] = &["run", "compile", "build", "buildrun", "rundir", "compiledir", "runindir", "builddir", "buildrundir"];

#[test]
fn goroot_test_programs_parse_without_errors() {
    let Some(root) = goroot() else { return };
    let mut all = Vec::new();
    go_files(&root.join("test"), true, &mut all);
    let mut checked = 0;
    let mut bad = Vec::new();
    for f in all.iter().filter(|f| !f.to_string_lossy().contains(".dir/")) {
        let Ok(src) = std::fs::read_to_string(f) else { continue };
        let Some(r) = recipe(&src) else { continue };
        if !COMPILING.contains(&r) {
            continue;
        }
        if r.ends_with("dir") {
            let mut files = Vec::new();
            go_files(&f.with_extension("dir"), true, &mut files);
            for g in files {
                checked += 1;
                bad.extend(errors_of(&g));
            }
        } else {
            checked += 1;
            bad.extend(errors_of(f));
        }
    }
    assert!(checked > 1500, "only {checked} test programs found");
    assert!(bad.is_empty(), "{} errors in $GOROOT/test programs, first: {:#?}", bad.len(), &bad[..bad.len().min(20)]);
}

/// Lines (1-based) carrying an `// ERROR "..."` comment that expects a syntax error.
fn expected_syntax_error_lines(src: &str) -> Vec<u32> {
    let mut out = Vec::new();
    for (i, line) in src.lines().enumerate() {
        if let Some(k) = line.find("// ERROR ")
            && line[k..].contains("syntax error")
        {
            out.push(i as u32 + 1);
        }
    }
    out
}

#[test]
fn goroot_syntax_errorchecks_report_on_expected_line() {
    let Some(root) = goroot() else { return };
    let mut all = Vec::new();
    go_files(&root.join("test"), true, &mut all);
    let (mut expected, mut hit) = (0usize, 0usize);
    let mut misses = Vec::new();
    for f in &all {
        let Ok(bytes) = std::fs::read(f) else { continue };
        let src = String::from_utf8_lossy(&bytes);
        if !recipe(&src).is_some_and(|r| r.starts_with("errorcheck")) {
            continue;
        }
        let want = expected_syntax_error_lines(&src);
        if want.is_empty() {
            continue;
        }
        let (file, errs) = syntax::parse_file(&f.display().to_string(), &bytes);
        let got: Vec<u32> = errs.iter().map(|e| file.lines.raw_position(e.pos).0).collect();
        for l in want {
            expected += 1;
            if got.contains(&l) {
                hit += 1;
            } else {
                misses.push(format!("{}:{l}", f.display()));
            }
        }
    }
    let pct = 100.0 * hit as f64 / expected.max(1) as f64;
    eprintln!("syntax errorcheck: {hit}/{expected} expected syntax errors reported on their line ({pct:.1}%)");
    for m in &misses {
        eprintln!("  missed: {m}");
    }
    assert!(expected > 50, "too few syntax errorchecks found: {expected}");
    assert!(pct >= 85.0, "only {pct:.1}% of expected syntax errors found on their line");
}
