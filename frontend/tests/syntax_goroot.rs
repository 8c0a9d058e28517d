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
    eprintln!("$GOROOT/src: {} files outside testdata parsed", files.len());
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
    eprintln!("$GOROOT/test: {checked} files of run/compile/build(dir) tests parsed");
    assert!(checked > 1500, "only {checked} test programs found");
    assert!(bad.is_empty(), "{} errors in $GOROOT/test programs, first: {:#?}", bad.len(), &bad[..bad.len().min(20)]);
}

/// Lines (1-based) carrying an `// ERROR "..."` comment for gc (not `GCCGO_ERROR`).
fn error_comment_lines(src: &str) -> Vec<u32> {
    let mut out = Vec::new();
    for (i, line) in src.lines().enumerate() {
        if let Some(k) = line.find("ERROR")
            && line[..k].contains("//")
            && !line[..k].ends_with("GCCGO_")
        {
            out.push(i as u32 + 1);
        }
    }
    out
}

/// gc stops after the parse when it found syntax errors, so in an `errorcheck` test
/// where the parser reports a `syntax error`, every `// ERROR` line expects a
/// parse-time error: the parser must report on (nearly) all of those lines. In any
/// errorcheck test, the parser must not report on lines that expect no error.
#[test]
fn goroot_errorchecks_with_parse_errors_match_their_error_lines() {
    let Some(root) = goroot() else { return };
    let mut all = Vec::new();
    go_files(&root.join("test"), true, &mut all);
    let (mut expected, mut hit, mut reported, mut stray) = (0usize, 0usize, 0usize, 0usize);
    let mut notes = Vec::new();
    for f in all.iter().filter(|f| !f.to_string_lossy().contains(".dir/")) {
        let Ok(bytes) = std::fs::read(f) else { continue };
        let src = String::from_utf8_lossy(&bytes);
        if !recipe(&src).is_some_and(|r| r.starts_with("errorcheck") && !r.ends_with("dir")) {
            continue;
        }
        // errorcheck runs gc with -e: no limit on the number of errors.
        let opts = syntax::Options { max_errors: usize::MAX, ..Default::default() };
        let (file, errs) = syntax::parse_with(&f.display().to_string(), &bytes, opts);
        if errs.is_empty() {
            continue;
        }
        let want = error_comment_lines(&src);
        let got: Vec<u32> = errs.iter().map(|e| file.position(e.pos).line).collect();
        let stops = errs.iter().any(|e| e.msg.starts_with("syntax error"));
        for &l in want.iter().filter(|_| stops) {
            expected += 1;
            if got.contains(&l) {
                hit += 1;
            } else {
                notes.push(format!("missed {}:{l}", f.display()));
            }
        }
        for &l in &got {
            reported += 1;
            if !want.contains(&l) {
                stray += 1;
                notes.push(format!("unexpected {}:{l}", f.display()));
            }
        }
    }
    let recall = 100.0 * hit as f64 / expected.max(1) as f64;
    eprintln!("errorcheck files with syntax errors: {hit}/{expected} ERROR lines reported ({recall:.1}%), {stray}/{reported} errors on other lines");
    for n in &notes {
        eprintln!("  {n}");
    }
    assert!(expected > 100, "too few errorcheck lines found: {expected}");
    assert!(recall >= 95.0, "only {recall:.1}% of the expected errors were reported on their line");
    assert!(stray * 20 <= reported, "{stray} of {reported} errors were reported on lines that expect none");
}

/// The header-only parse the loader uses must agree with the full parse on every
/// std file: same package name, same imports, same build constraints.
#[test]
fn goroot_src_headers_agree_with_full_parses() {
    let Some(root) = goroot() else { return };
    let mut files = Vec::new();
    go_files(&root.join("src"), true, &mut files);
    for f in &files {
        let Ok(src) = std::fs::read(f) else { continue };
        let name = f.display().to_string();
        let (full, _) = syntax::parse_file(&name, &src);
        let (head, errs) = syntax::parse_header(&name, &src);
        assert!(errs.is_empty(), "{name}: {errs:?}");
        assert_eq!(head.package(), full.package(), "{name}");
        let imports = |file: &syntax::File| -> Vec<(Option<String>, String)> {
            file.imports().map(|(n, p)| (n.map(|n| file.name(n).to_string()), file.lit_text(p).to_string())).collect()
        };
        assert_eq!(imports(&head), imports(&full), "{name}");
        let constraints = |file: &syntax::File| -> Vec<String> {
            file.build_constraints().map(|d| file.directive_text(d).to_string()).collect()
        };
        assert_eq!(constraints(&head), constraints(&full), "{name}");
    }
}
