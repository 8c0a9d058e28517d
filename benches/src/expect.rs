//! The expectations file, `benches/unsupported.txt`: the programs mvm cannot
//! run correctly yet, each with its reason.
//!
//! One entry a line: a key, white space, the reason. The key is a program name,
//! which covers every mvm mode, or `name/jit`, which covers only `mvm run --jit`.
//! `#` starts a comment line. The list must stay exact: a listed mode that runs
//! correctly fails the run just as an unlisted one that fails does.

use std::collections::BTreeMap;
use std::fmt;

/// Which mvm modes an entry covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Scope {
    /// `mvm run` and `mvm run --jit`.
    All,
    /// Only `mvm run --jit`.
    Jit,
}

/// The parsed expectations: (program, scope) → reason.
#[derive(Debug, Default)]
pub struct Expectations {
    entries: BTreeMap<(String, Scope), String>,
}

/// A malformed line of the expectations file.
#[derive(Debug, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl Expectations {
    /// Parses the file's text; `known` says whether a program name exists, so
    /// that a stale or misspelt entry is an error rather than a silent no-op.
    pub fn parse(text: &str, known: impl Fn(&str) -> bool) -> Result<Self, ParseError> {
        let mut entries = BTreeMap::new();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message: String| ParseError {
                line: i + 1,
                message,
            };
            let (key, reason) = match line.split_once(char::is_whitespace) {
                Some((k, r)) => (k, r.trim()),
                None => (line, ""),
            };
            if reason.is_empty() {
                return Err(err(format!("`{key}` has no reason")));
            }
            let (name, scope) = match key.split_once('/') {
                None => (key, Scope::All),
                Some((name, "jit")) => (name, Scope::Jit),
                Some((_, other)) => {
                    return Err(err(format!(
                        "unknown mode `{other}` in `{key}` (only `/jit` exists)"
                    )));
                }
            };
            if !known(name) {
                return Err(err(format!("no benchmark program is called `{name}`")));
            }
            if entries
                .insert((name.to_string(), scope), reason.to_string())
                .is_some()
            {
                return Err(err(format!("`{key}` is listed twice")));
            }
        }
        Ok(Self { entries })
    }

    /// The reason mvm is expected to fail `program`, in the jit mode if `jit`.
    pub fn reason(&self, program: &str, jit: bool) -> Option<&str> {
        let all = self.entries.get(&(program.to_string(), Scope::All));
        let jit_only = if jit {
            self.entries.get(&(program.to_string(), Scope::Jit))
        } else {
            None
        };
        jit_only.or(all).map(String::as_str)
    }

    /// The number of entries.
    pub fn count(&self) -> usize {
        self.entries.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(name: &str) -> bool {
        matches!(name, "fib" | "sieve" | "nbody")
    }

    #[test]
    fn parses_entries_comments_and_scopes() {
        let text = "# header\n\nfib   no interpreter yet\nsieve/jit  traces abort   \n";
        let e = Expectations::parse(text, known).unwrap_or_default();
        assert_eq!(e.count(), 2);
        assert_eq!(e.reason("fib", false), Some("no interpreter yet"));
        assert_eq!(e.reason("fib", true), Some("no interpreter yet"));
        assert_eq!(e.reason("sieve", false), None);
        assert_eq!(e.reason("sieve", true), Some("traces abort"));
        assert_eq!(e.reason("nbody", true), None);
    }

    #[test]
    fn rejects_bad_lines() {
        let bad = |t: &str| {
            Expectations::parse(t, known)
                .err()
                .map(|e| (e.line, e.message))
        };
        assert_eq!(bad("fib").map(|e| e.0), Some(1));
        assert!(bad("x\nfib\t").is_some_and(|e| e.0 == 1 && e.1.contains("`x` has no reason")));
        assert!(bad("fib a\nfib b").is_some_and(|e| e.0 == 2 && e.1.contains("twice")));
        assert!(bad("fob reason").is_some_and(|e| e.1.contains("fob")));
        assert!(bad("fib/interp reason").is_some_and(|e| e.1.contains("interp")));
    }
}
