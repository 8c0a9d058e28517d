//! The checker never panics: self-contained `$GOROOT/test` programs are damaged in
//! deterministic ways (lines dropped, duplicated, swapped; tokens cut) and every
//! damaged program that still parses must type-check to a result or to errors.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use frontend::loader::{Config, Request, goroot::GoRoot};

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
}

fn mutate(src: &str, rng: &mut Rng) -> String {
    let mut lines: Vec<String> = src.lines().map(String::from).collect();
    if lines.len() < 4 {
        return src.to_string();
    }
    for _ in 0..1 + rng.below(3) {
        let n = lines.len();
        // Keep the package clause so that the program is still a package.
        let i = 1 + rng.below(n - 1);
        match rng.below(5) {
            0 => {
                lines.remove(i);
            }
            1 => {
                let l = lines[i].clone();
                lines.insert(i, l);
            }
            2 => {
                let j = 1 + rng.below(n - 1);
                lines.swap(i, j);
            }
            3 => {
                let l = &mut lines[i];
                let cut = rng.below(l.len() + 1);
                if l.is_char_boundary(cut) {
                    l.truncate(cut);
                }
            }
            _ => {
                // Replace an identifier-ish word with another line's first word.
                let j = 1 + rng.below(n - 1);
                let w = lines[j].split_whitespace().next().unwrap_or("x").to_string();
                let l = &mut lines[i];
                if let Some(p) = l.find(|c: char| c.is_alphabetic()) {
                    l.insert_str(p, &w);
                }
            }
        }
        if lines.len() < 4 {
            break;
        }
    }
    lines.join("\n") + "\n"
}

#[test]
fn damaged_programs_never_crash_the_checker() {
    let Ok(goroot) = GoRoot::discover() else { return };
    let Some(test_dir) = goroot.test_dir() else { return };
    let mut cfg = Config::host(goroot);
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!("mvm-mutated-{}-{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed)));
    std::fs::create_dir_all(&dir).unwrap();
    cfg.cwd = dir.clone();
    // Self-contained programs (no imports) keep each check fast.
    let mut files: Vec<PathBuf> = std::fs::read_dir(test_dir.join("typeparam"))
        .into_iter()
        .flatten()
        .chain(std::fs::read_dir(&test_dir).into_iter().flatten())
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "go"))
        .collect();
    files.sort();
    let sources: Vec<String> = files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .filter(|s| !s.contains("import") && s.len() < 6000)
        .take(200)
        .collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut checked = 0;
    for src in &sources {
        for _ in 0..4 {
            let m = mutate(src, &mut rng);
            let path = dir.join("m.go");
            std::fs::write(&path, &m).unwrap();
            // Any outcome is fine except a panic (which fails the test with the source).
            let r = std::panic::catch_unwind(|| frontend::types::check_packages(&cfg, &Request::Files(vec![path.clone()])));
            if let Ok(Err(errs)) = &r {
                assert!(!errs.iter().any(|e| e.contains("internal error")), "checker failed on:\n{m}");
            }
            assert!(r.is_ok(), "checker panicked on:\n{m}");
            checked += 1;
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(checked > 0 || sources.is_empty());
}
