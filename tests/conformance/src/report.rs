//! The summary tables: passed/failed per directory and per tier.

use std::collections::BTreeMap;

use crate::select::Test;

/// How much of the runtime and standard library a test needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    /// Imports nothing, or only `unsafe`.
    One = 1,
    /// Imports only std packages other than runtime, reflect, os/exec, syscall, unsafe.
    Two = 2,
    /// Everything else.
    Three = 3,
}

/// The tier of a test, from its imports.
pub fn tier(t: &Test) -> Tier {
    if t.imports.iter().all(|p| p == "unsafe") {
        return Tier::One;
    }
    const DEEP: &[&str] = &["runtime", "reflect", "os/exec", "syscall", "unsafe"];
    let std_only = t.imports.iter().all(|p| !p.split('/').next().unwrap_or("").contains('.'));
    if std_only && !t.imports.iter().any(|p| DEEP.contains(&p.as_str())) {
        Tier::Two
    } else {
        Tier::Three
    }
}

#[derive(Default, Clone, Copy)]
struct Count {
    passed: usize,
    failed: usize,
}

/// Prints the tables and the closing `conformance: N passed, N failed` line.
pub fn print(results: &[(&Test, bool)]) {
    let mut by_dir: BTreeMap<&str, Count> = BTreeMap::new();
    let mut by_tier: BTreeMap<Tier, Count> = BTreeMap::new();
    let (mut suite, mut programs, mut total) = (Count::default(), Count::default(), Count::default());
    for (t, passed) in results {
        // Tiers measure Go's own suite; mvm's programs are counted on their own line.
        let own = t.name.starts_with("programs/");
        let group = if own { &mut programs } else { by_tier.entry(tier(t)).or_default() };
        let subtotal = if own { None } else { Some(&mut suite) };
        for c in [by_dir.entry(t.dir.as_str()).or_default(), group, &mut total].into_iter().chain(subtotal) {
            if *passed {
                c.passed += 1;
            } else {
                c.failed += 1;
            }
        }
    }
    println!();
    println!("{:<22} {:>7} {:>7} {:>7}", "directory", "passed", "failed", "pass %");
    for (dir, c) in &by_dir {
        row(dir, *c);
    }
    println!();
    println!("{:<22} {:>7} {:>7} {:>7}", "tier", "passed", "failed", "pass %");
    for (tier, c) in &by_tier {
        let label = match tier {
            Tier::One => "1 (no imports)",
            Tier::Two => "2 (plain std)",
            Tier::Three => "3 (runtime-facing)",
        };
        row(label, *c);
    }
    row("Go suite", suite);
    row("mvm's programs", programs);
    row("all", total);
    println!();
    println!("conformance: {} passed, {} failed", total.passed, total.failed);
}

fn row(label: &str, c: Count) {
    let n = c.passed + c.failed;
    let pct = if n == 0 { 0.0 } else { 100.0 * c.passed as f64 / n as f64 };
    println!("{label:<22} {:>7} {:>7} {:>6.1}%", c.passed, c.failed, pct);
}
