//! The expectations file: every selected test that does not pass, with a category and
//! a reason. The run fails on any difference between this list and the results, so
//! the list is always exact.
//!
//! Format, one test per line: `<test> <category> <reason...>`; `#` starts a comment line.

use std::collections::BTreeMap;
use std::fmt;

/// Why a test is expected to fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Category {
    /// mvm does not implement what the test needs yet.
    Unimplemented,
    /// mvm implements it, wrongly.
    Bug,
    /// The test checks behaviour specific to gc's compiler or linker.
    NotApplicable,
}

impl Category {
    fn parse(s: &str) -> Option<Category> {
        match s {
            "unimplemented" => Some(Category::Unimplemented),
            "bug" => Some(Category::Bug),
            "not-applicable" => Some(Category::NotApplicable),
            _ => None,
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Category::Unimplemented => "unimplemented",
            Category::Bug => "bug",
            Category::NotApplicable => "not-applicable",
        })
    }
}

/// One expected failure.
#[derive(Clone, Debug)]
pub struct Entry {
    pub category: Category,
    pub reason: String,
}

/// Parses the file; every malformed line is an error naming its line number.
pub fn parse(text: &str) -> Result<BTreeMap<String, Entry>, String> {
    let mut map = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.splitn(3, char::is_whitespace);
        let test = parts.next().unwrap_or_default();
        let cat = parts.next().unwrap_or_default();
        let reason = parts.next().unwrap_or_default().trim();
        let category = Category::parse(cat)
            .ok_or_else(|| format!("line {}: unknown category {cat:?} (want unimplemented, bug or not-applicable)", n + 1))?;
        if reason.is_empty() {
            return Err(format!("line {}: {test} has no reason", n + 1));
        }
        if map.insert(test.to_string(), Entry { category, reason: reason.to_string() }).is_some() {
            return Err(format!("line {}: {test} is listed twice", n + 1));
        }
    }
    Ok(map)
}

/// Renders the file, sorted by test name.
pub fn render(entries: &BTreeMap<String, Entry>) -> String {
    let mut s = String::from(
        "# Conformance tests of $GOROOT/test that mvm does not pass yet, one per line:\n\
         #   <test> <category> <reason>\n\
         # category: unimplemented | bug | not-applicable (gc compiler/linker specific; say why).\n\
         # The harness fails when a listed test passes or an unlisted one fails; rewrite the\n\
         # file from a run with `cargo test --release --test conformance -- --update`.\n",
    );
    for (test, e) in entries {
        s.push_str(&format!("{test} {} {}\n", e.category, e.reason));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let text = "# c\nfixedbugs/a.go bug wrong output for x\nb.go not-applicable inlining budget of gc\n";
        let m = parse(text).unwrap();
        assert_eq!(m["b.go"].category, Category::NotApplicable);
        assert_eq!(parse(&render(&m)).unwrap().len(), 2);
    }

    #[test]
    fn rejects_bad_lines() {
        assert!(parse("a.go flaky sometimes").is_err());
        assert!(parse("a.go bug").is_err());
        assert!(parse("a.go bug x\na.go bug y").is_err());
    }
}
