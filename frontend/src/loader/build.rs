//! The build context: which source files of a directory belong to the build.
//!
//! A file is in the build when its name passes the `_GOOS`/`_GOARCH` suffix rule, it is
//! not a test file (unless tests are wanted), it does not import `"C"` (cgo is off),
//! and its `//go:build` line (or, lacking one, its `// +build` lines) evaluates to
//! true. Tags that hold: GOOS, GOARCH, `unix` on Unix systems, the compiler name `gc`,
//! `purego`, the release tags `go1.1` … `go1.N` of the installed toolchain, gc's default
//! tool tags (its default `goexperiment.*` flags and `amd64.v1`), and any extra tags
//! the caller adds.

use super::constraint;
use crate::syntax::ast::File;

/// The operating systems Go knows (file-name suffixes only count for these).
const KNOWN_OS: &[&str] = &[
    "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux", "nacl", "netbsd",
    "openbsd", "plan9", "solaris", "wasip1", "windows", "zos",
];

/// The operating systems for which the `unix` tag holds.
const UNIX_OS: &[&str] = &[
    "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "linux", "netbsd", "openbsd",
    "solaris",
];

/// The architectures Go knows.
const KNOWN_ARCH: &[&str] = &[
    "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips", "mipsle", "mips64",
    "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv", "riscv64", "s390", "s390x", "sparc",
    "sparc64", "wasm",
];

/// The experiments gc enables by default (Go 1.26), which std's `//go:build` lines test.
const DEFAULT_EXPERIMENTS: &[&str] = &[
    "goexperiment.regabiwrappers",
    "goexperiment.regabiargs",
    "goexperiment.dwarf5",
    "goexperiment.greenteagc",
    "goexperiment.randomizedheapbase64",
];

/// Which files and tags make up a build.
#[derive(Clone, Debug)]
pub struct BuildContext {
    /// Target operating system (Go spelling).
    pub goos: String,
    /// Target architecture (Go spelling).
    pub goarch: String,
    /// The newest `go1.N` release tag that holds (26 for Go 1.26).
    pub go_minor: u32,
    /// Extra tags (`purego` by default).
    pub tags: Vec<String>,
    /// Include `_test.go` files.
    pub tests: bool,
}

impl BuildContext {
    /// The host platform, cgo off, tag `purego` (so that std packages take their
    /// portable code rather than assembly), release tags up to `go1.{go_minor}`.
    /// `math/big` keeps its assembly declarations: mvm has natives for them.
    pub fn host(go_minor: u32) -> BuildContext {
        let (goos, goarch) = constraint::host_platform();
        BuildContext { goos: goos.into(), goarch: goarch.into(), go_minor, tags: vec!["purego".into()], tests: false }
    }

    /// Whether build tag `name` holds.
    pub fn match_tag(&self, name: &str) -> bool {
        if name == self.goos || name == self.goarch || name == "gc" {
            return true;
        }
        match (self.goos.as_str(), name) {
            ("android", "linux") | ("illumos", "solaris") | ("ios", "darwin") => return true,
            _ => {}
        }
        if name == "unix" && UNIX_OS.contains(&self.goos.as_str()) {
            return true;
        }
        if let Some(minor) = name.strip_prefix("go1.")
            && let Ok(m) = minor.parse::<u32>()
        {
            return m >= 1 && m <= self.go_minor;
        }
        if self.goarch == "amd64" && name == "amd64.v1" {
            return true;
        }
        DEFAULT_EXPERIMENTS.contains(&name) || self.tags.iter().any(|t| t == name)
    }

    /// Whether a file name is acceptable before reading it: a `.go` file, not hidden
    /// (`.`/`_` prefix), a test file only when tests are wanted, and OS/arch suffixes
    /// that match.
    pub fn match_file_name(&self, name: &str) -> bool {
        let Some(stem) = name.strip_suffix(".go") else { return false };
        if name.starts_with('.') || name.starts_with('_') {
            return false;
        }
        let stem = match stem.strip_suffix("_test") {
            Some(s) => {
                if !self.tests {
                    return false;
                }
                s
            }
            None => stem,
        };
        self.good_os_arch(stem)
    }

    /// The `name_GOOS`, `name_GOARCH`, `name_GOOS_GOARCH` rule of go/build.
    fn good_os_arch(&self, stem: &str) -> bool {
        // Only the part before the first dot counts, as in go/build.
        let stem = stem.split('.').next().unwrap_or(stem);
        let parts: Vec<&str> = stem.split('_').collect();
        let n = parts.len();
        // A file named exactly after an OS or arch (`linux.go`) has no constraint:
        // the suffix must follow an underscore.
        if n >= 3 && KNOWN_OS.contains(&parts[n - 2]) && KNOWN_ARCH.contains(&parts[n - 1]) {
            return self.match_tag(parts[n - 2]) && self.match_tag(parts[n - 1]);
        }
        if n >= 2 {
            let last = parts[n - 1];
            if KNOWN_OS.contains(&last) || KNOWN_ARCH.contains(&last) {
                return self.match_tag(last);
            }
        }
        true
    }

    /// Whether a parsed file (header is enough) is in the build: its constraint lines
    /// hold and it does not use cgo. A malformed constraint line excludes the file, as
    /// go/build does.
    pub fn match_file(&self, f: &File) -> bool {
        let mut go_build = None;
        let mut plus = Vec::new();
        for d in f.build_constraints() {
            let text = f.directive_text(d);
            if constraint::is_go_build(text) {
                if go_build.is_none() {
                    go_build = Some(text);
                }
            } else if constraint::is_plus_build(text) {
                plus.push(text);
            }
        }
        let ok = match go_build {
            Some(line) => self.eval_line(line),
            None => plus.iter().all(|l| self.eval_line(l)),
        };
        ok && !imports_c(f)
    }

    fn eval_line(&self, line: &str) -> bool {
        match constraint::parse(line) {
            Ok(e) => e.eval(&mut |t| self.match_tag(t)),
            Err(_) => false,
        }
    }
}

/// Whether the file imports the pseudo-package `"C"`.
fn imports_c(f: &File) -> bool {
    f.imports().any(|(_, path)| f.lit_text(path) == "\"C\"")
}

/// Splits a flag value such as `-ldflags` or a test recipe into words as the go command
/// does (`cmd/internal/quoted`): white space separates words, and single or double
/// quotes group characters, quotes included in no word.
pub fn split_quoted(s: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let (mut quote, mut in_word) = (None, false);
    for c in s.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => word.push(c),
            None if c == '\'' || c == '"' => (quote, in_word) = (Some(c), true),
            None if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            None => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if let Some(q) = quote {
        return Err(format!("unterminated {q} string"));
    }
    if in_word {
        words.push(word);
    }
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_quoted_as_the_go_command() {
        assert_eq!(split_quoted("-X 'main.a=b c'  -s \"x\"y").unwrap(), ["-X", "main.a=b c", "-s", "xy"]);
        assert_eq!(split_quoted("  ").unwrap(), Vec::<String>::new());
        assert_eq!(split_quoted("-X 'main.a=b").unwrap_err(), "unterminated ' string");
    }

    fn linux() -> BuildContext {
        BuildContext { goos: "linux".into(), goarch: "amd64".into(), go_minor: 26, tags: vec!["purego".into()], tests: false }
    }

    #[test]
    fn file_name_suffixes() {
        let c = linux();
        assert!(c.match_file_name("a.go"));
        assert!(c.match_file_name("a_linux.go"));
        assert!(c.match_file_name("a_linux_amd64.go"));
        assert!(c.match_file_name("a_amd64.go"));
        assert!(!c.match_file_name("a_windows.go"));
        assert!(!c.match_file_name("a_linux_arm64.go"));
        assert!(!c.match_file_name("a_arm64.go"));
        assert!(c.match_file_name("linux.go"));
        assert!(!c.match_file_name("a_test.go"));
        assert!(!c.match_file_name("_a.go"));
        assert!(!c.match_file_name("a.s"));
        let t = BuildContext { tests: true, ..linux() };
        assert!(t.match_file_name("a_linux_test.go"));
        assert!(!t.match_file_name("a_windows_test.go"));
    }

    #[test]
    fn tags() {
        let c = linux();
        for t in ["linux", "amd64", "unix", "gc", "purego", "go1.1", "go1.26", "goexperiment.greenteagc", "amd64.v1"] {
            assert!(c.match_tag(t), "{t}");
        }
        for t in ["windows", "cgo", "go1.27", "gccgo", "go1.0", "race"] {
            assert!(!c.match_tag(t), "{t}");
        }
    }
}

