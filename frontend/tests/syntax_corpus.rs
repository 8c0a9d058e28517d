//! Robustness: the parser must return on damaged input. Every `.go` file under
//! `$GOROOT/test` is parsed cut at several points and with bytes flipped
//! (deterministically chosen), and the result must be self-consistent: at most
//! `MAX_ERRORS` errors, every position inside the file, every node printable.
//! A panic, a hang or a stack overflow fails the test.
//!
//! Skipped, with a note, when no GOROOT is found.

use std::path::{Path, PathBuf};

use frontend::loader::goroot::GoRoot;
use frontend::syntax::{self, print};

fn go_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            go_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "go") {
            out.push(p);
        }
    }
}

/// A small deterministic generator (xorshift64), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Parses `src` and checks the invariants; returns a description of the first violation.
fn check(src: &[u8]) -> Result<(), String> {
    let (file, errors) = syntax::parse_file("x.go", src);
    if errors.len() > syntax::MAX_ERRORS {
        return Err(format!("{} errors", errors.len()));
    }
    let end = src.len();
    // A single damaged spot must not cascade into the error limit on one position.
    if errors.len() == syntax::MAX_ERRORS && errors.iter().all(|e| e.pos == errors[0].pos) {
        return Err(format!("{} errors all at {}", errors.len(), errors[0].pos.0));
    }
    for e in &errors {
        if e.pos.offset() > end {
            return Err(format!("error position {} past end {end}", e.pos.0));
        }
        let _ = file.format_error(e);
    }
    for (i, e) in file.exprs.iter().enumerate() {
        if e.pos.offset() > end {
            return Err(format!("expression position {} past end {end}", e.pos.0));
        }
        let id = syntax::ast::ExprId::from_index(i);
        let _ = print::expr(&file, id);
        if file.start_pos(id) > e.pos && !matches!(e.kind, syntax::ast::ExprKind::Bad) {
            return Err(format!("start position after node position at {}", e.pos.0));
        }
    }
    for s in &file.stmts {
        if s.pos.offset() > end {
            return Err(format!("statement position {} past end {end}", s.pos.0));
        }
    }
    let (_, header_errors) = syntax::parse_header("x.go", src);
    if header_errors.len() > syntax::MAX_ERRORS {
        return Err("too many header errors".into());
    }
    Ok(())
}

#[test]
fn damaged_goroot_tests_never_break_the_parser() {
    let root = match GoRoot::discover() {
        Ok(r) => r.path,
        Err(e) => {
            eprintln!("note: skipping, no GOROOT: {e}");
            return;
        }
    };
    let mut files = Vec::new();
    go_files(&root.join("test"), &mut files);
    assert!(files.len() > 1000, "too few files under {}", root.display());
    // MVM_SYNTAX_FUZZ_SCALE=k multiplies the number of variants, for longer runs by hand.
    let scale: usize = std::env::var("MVM_SYNTAX_FUZZ_SCALE").ok().and_then(|s| s.parse().ok()).unwrap_or(1);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut parses = 0usize;
    for f in &files {
        let Ok(mut src) = std::fs::read(f) else { continue };
        // Big generated files add time, not coverage.
        src.truncate(32 << 10);
        let n = src.len();
        let mut variants: Vec<Vec<u8>> = Vec::new();
        // Cuts: at evenly spaced points and at random ones.
        for k in 1..8 {
            variants.push(src[..n * k / 8].to_vec());
        }
        for _ in 0..8 * scale {
            variants.push(src[..rng.below(n + 1)].to_vec());
        }
        // Flips: one byte replaced by a random byte, or by a delimiter that
        // unbalances the nesting.
        for _ in 0..12 * scale {
            let mut v = src.clone();
            if n > 0 {
                let i = rng.below(n);
                match rng.below(5) {
                    0 => v[i] = b"(){}[]"[rng.below(6)],
                    1 => v[i] = b"\"`'/*"[rng.below(5)],
                    2 => {
                        // A valid but unexpected non-ASCII character.
                        let c = ["☹", "½", "\u{200b}", "é", "\u{feff}", "٣"][rng.below(6)];
                        v.splice(i..i, c.bytes());
                    }
                    _ => v[i] = rng.next() as u8,
                }
            }
            variants.push(v);
        }
        for v in &variants {
            parses += 1;
            if let Err(msg) = check(v) {
                panic!("{}: damaged variant of {} bytes: {msg}", f.display(), v.len());
            }
        }
    }
    eprintln!("parsed {parses} damaged variants of {} files", files.len());
}

#[test]
fn hostile_nesting_is_reported_not_overflowed() {
    for open in ["(", "{", "[", "*", "[]", "func() {", "if x {", "T{", "<-", "!", "a.(", "map[", "chan "] {
        let src = format!("package p\nfunc f() {{\nx = {}\n}}\n", open.repeat(100_000));
        let (_, errors) = syntax::parse_file("x.go", src.as_bytes());
        assert!(!errors.is_empty(), "no error for 100000 × {open:?}");
        assert!(errors.len() <= syntax::MAX_ERRORS);
    }
    // Long operator chains are built by loops; printing and analysing them must
    // not recurse without bound either.
    let chain = format!("package p\nfunc f() {{\nif x = a{} {{}}\n}}\ntype T[P a{}] int\n", " + a".repeat(100_000), " | a".repeat(100_000));
    let (_, errors) = syntax::parse_file("x.go", chain.as_bytes());
    assert!(errors.iter().any(|e| e.msg.contains("cannot use assignment")), "{errors:?}");
}
