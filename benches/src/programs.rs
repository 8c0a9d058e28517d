//! The benchmark programs: where each lives, how its size is passed, and its
//! full and quick sizes.
//!
//! The table is code rather than a data file so that a typo in it is a compile
//! error; adding a program means a directory under `benches/programs/` and a
//! line here.

/// How a program receives its size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SizeVia {
    /// As its command-line arguments (`os.Args[1:]`).
    Args,
    /// As `-ldflags=-X main.size=V`: the program imports nothing (or only a
    /// leaf package), so that an interpreter without the standard library's
    /// `os` can run it.
    Ldflags,
}

/// What a program reads on standard input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// Nothing (an empty stream).
    None,
    /// The output of the `fasta` program at the given size (full, quick).
    Fasta { full: u32, quick: u32 },
}

/// One benchmark program.
#[derive(Clone, Copy, Debug)]
pub struct Program {
    /// Directory name under `benches/programs/`, and the program's name everywhere.
    pub name: &'static str,
    /// How the size reaches the program.
    pub via: SizeVia,
    /// The size arguments for a full run (with `Ldflags`, exactly one value).
    pub full: &'static [&'static str],
    /// The size arguments for `--quick`.
    pub quick: &'static [&'static str],
    /// Standard input.
    pub input: Input,
}

impl Program {
    /// The size arguments for the chosen mode.
    pub fn size(&self, quick: bool) -> &'static [&'static str] {
        if quick { self.quick } else { self.full }
    }

    /// The size of the fasta output this program reads, if it reads one.
    pub fn fasta_input(&self, quick: bool) -> Option<u32> {
        match self.input {
            Input::None => None,
            Input::Fasta { full, quick: q } => Some(if quick { q } else { full }),
        }
    }

    /// A short human description of the size, for the table.
    pub fn size_label(&self, quick: bool) -> String {
        let mut label = self.size(quick).join(" ");
        if let Some(n) = self.fasta_input(quick) {
            if !label.is_empty() {
                label.push(' ');
            }
            label.push_str(&format!("< fasta {n}"));
        }
        label
    }
}

/// The program whose output feeds the programs with `Input::Fasta`.
pub const FASTA: &str = "fasta";

const FASTA_FULL: u32 = 2_500_000;
const FASTA_QUICK: u32 = 10_000;

const fn args(
    name: &'static str,
    full: &'static [&'static str],
    quick: &'static [&'static str],
) -> Program {
    Program {
        name,
        via: SizeVia::Args,
        full,
        quick,
        input: Input::None,
    }
}

const fn ldflags(
    name: &'static str,
    full: &'static [&'static str],
    quick: &'static [&'static str],
) -> Program {
    Program {
        name,
        via: SizeVia::Ldflags,
        full,
        quick,
        input: Input::None,
    }
}

const fn fasta_fed(name: &'static str, full: u32) -> Program {
    Program {
        name,
        via: SizeVia::Args,
        full: &[],
        quick: &[],
        input: Input::Fasta {
            full,
            quick: FASTA_QUICK,
        },
    }
}

/// Every benchmark program, in the order of the report.
pub const ALL: &[Program] = &[
    ldflags("fib", &["35"], &["20"]),
    ldflags("sieve", &["10000000"], &["100000"]),
    ldflags("nbody", &["5000000"], &["1000"]),
    ldflags("nbody-purego", &["1000000"], &["1000"]),
    ldflags("spectral-norm", &["2000"], &["100"]),
    ldflags("fannkuch-redux", &["10"], &["7"]),
    args("mandelbrot", &["4000"], &["200"]),
    ldflags("binary-trees", &["18"], &["8"]),
    args("fasta", &["2500000"], &["1000"]),
    // Smaller inputs for the two slow consumers keep each native run near a
    // second or two, so that a full run stays within minutes on two cores:
    // Go's regexp alone needs about a second per megabyte for this workload.
    fasta_fed("k-nucleotide", 1_000_000),
    fasta_fed("reverse-complement", FASTA_FULL),
    fasta_fed("regex-redux", 100_000),
    args("pidigits", &["2000"], &["100"]),
    ldflags("matmul", &["300"], &["30"]),
    args("word-count", &["2000000"], &["5000"]),
    args("strconv-builder", &["500000"], &["2000"]),
    args("sort", &["1000000"], &["5000"]),
    args("json", &["50000"], &["200"]),
    ldflags("iface-dispatch", &["20000"], &["20"]),
    ldflags("generic-container", &["1000000"], &["2000"]),
    ldflags("map-ops", &["1000000"], &["2000"]),
    ldflags("goroutine-ring", &["10000,1000000"], &["100,2000"]),
    ldflags("ping-pong", &["1000000"], &["2000"]),
    ldflags("parked-goroutines", &["100000"], &["1000"]),
];

/// Looks a program up by exact name.
pub fn by_name(name: &str) -> Option<&'static Program> {
    ALL.iter().find(|p| p.name == name)
}

/// The programs whose names contain any of `filters` (all of them when there is none).
pub fn select(filters: &[String]) -> Vec<&'static Program> {
    ALL.iter()
        .filter(|p| filters.is_empty() || filters.iter().any(|f| p.name.contains(f.as_str())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_ldflags_programs_take_one_value() {
        for (i, p) in ALL.iter().enumerate() {
            assert!(
                ALL[i + 1..].iter().all(|q| q.name != p.name),
                "duplicate program {}",
                p.name
            );
            if p.via == SizeVia::Ldflags {
                assert_eq!(p.full.len(), 1, "{}", p.name);
                assert_eq!(p.quick.len(), 1, "{}", p.name);
            }
        }
    }

    #[test]
    fn every_program_has_a_source_directory() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("programs");
        for p in ALL {
            assert!(
                root.join(p.name).join("main.go").is_file(),
                "no benches/programs/{}/main.go",
                p.name
            );
        }
    }

    #[test]
    fn select_matches_substrings() {
        let names: Vec<_> = select(&["goroutine".into()])
            .iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(names, ["goroutine-ring", "parked-goroutines"]);
        assert_eq!(select(&[]).len(), ALL.len());
        assert!(select(&["no-such-program".into()]).is_empty());
    }

    #[test]
    fn size_labels_mention_the_input() {
        let knuc = by_name("k-nucleotide").map(|p| p.size_label(true));
        assert_eq!(knuc.as_deref(), Some("< fasta 10000"));
        assert_eq!(
            by_name("goroutine-ring")
                .map(|p| p.size_label(false))
                .as_deref(),
            Some("10000,1000000")
        );
    }
}
