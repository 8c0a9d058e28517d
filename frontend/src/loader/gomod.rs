//! Reading `go.mod` files: the module path, the `go` version, requirements and
//! replacements (what the loader needs to map import paths to directories).

use std::path::{Path, PathBuf};

/// A module requirement `path version`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Require {
    /// Module path.
    pub path: String,
    /// Version, such as `v1.2.3`.
    pub version: String,
}

/// Where a `replace` directive sends a module.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A directory (relative paths are relative to the go.mod's directory).
    Dir(PathBuf),
    /// Another module version.
    Module {
        /// Module path.
        path: String,
        /// Version.
        version: String,
    },
}

/// A `replace old [version] => new [version]` directive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replace {
    /// The replaced module path.
    pub old: String,
    /// The replaced version only (None: every version).
    pub old_version: Option<String>,
    /// The replacement.
    pub new: Target,
}

/// A parsed `go.mod`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoMod {
    /// The module path.
    pub module: String,
    /// The `go` directive (e.g. `1.22`), if present.
    pub go: Option<String>,
    /// Requirements.
    pub require: Vec<Require>,
    /// Replacements.
    pub replace: Vec<Replace>,
}

impl GoMod {
    /// The minor language version of the `go` directive (e.g. 22 for `go 1.22.3`).
    pub fn go_minor(&self) -> Option<u32> {
        let v = self.go.as_deref()?.strip_prefix("1.")?;
        v.split('.').next()?.parse().ok()
    }

    /// The replacement for `path@version`, if any (a version-specific one wins).
    pub fn replacement(&self, path: &str, version: &str) -> Option<&Target> {
        self.replace
            .iter()
            .find(|r| r.old == path && r.old_version.as_deref() == Some(version))
            .or_else(|| self.replace.iter().find(|r| r.old == path && r.old_version.is_none()))
            .map(|r| &r.new)
    }
}

/// Parses go.mod text. `dir` is the go.mod's directory (for relative replacements).
pub fn parse(text: &str, dir: &Path) -> Result<GoMod, String> {
    let mut m = GoMod::default();
    let mut block: Option<String> = None;
    for (i, raw) in text.lines().enumerate() {
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        let lineno = i + 1;
        if let Some(b) = &block {
            if line == ")" {
                block = None;
                continue;
            }
            let b = b.clone();
            directive(&mut m, &b, &words(line), dir).map_err(|e| format!("go.mod:{lineno}: {e}"))?;
            continue;
        }
        let w = words(line);
        let Some(verb) = w.first() else { continue };
        if w.len() == 2 && w[1] == "(" {
            block = Some(verb.clone());
            continue;
        }
        directive(&mut m, verb, &w[1..], dir).map_err(|e| format!("go.mod:{lineno}: {e}"))?;
    }
    if m.module.is_empty() {
        return Err("go.mod: no module declaration".into());
    }
    Ok(m)
}

fn directive(m: &mut GoMod, verb: &str, args: &[String], dir: &Path) -> Result<(), String> {
    match verb {
        "module" => {
            m.module = args.first().cloned().ok_or("usage: module module/path")?;
        }
        "go" => m.go = args.first().cloned(),
        "require" => {
            if args.len() < 2 {
                return Err("usage: require module/path v1.2.3".into());
            }
            m.require.push(Require { path: args[0].clone(), version: args[1].clone() });
        }
        "replace" => {
            let arrow = args.iter().position(|a| a == "=>").ok_or("usage: replace module/path [v1.2.3] => other/module v1.4")?;
            let (lhs, rhs) = (&args[..arrow], &args[arrow + 1..]);
            let old = lhs.first().cloned().ok_or("replace: missing module path")?;
            let old_version = lhs.get(1).cloned();
            let first = rhs.first().ok_or("replace: missing replacement")?;
            let new = if rhs.len() == 1 || first.starts_with("./") || first.starts_with("../") || first.starts_with('/') {
                Target::Dir(dir.join(first))
            } else {
                Target::Module { path: first.clone(), version: rhs.get(1).cloned().unwrap_or_default() }
            };
            m.replace.push(Replace { old, old_version, new });
        }
        // toolchain, exclude, retract, godebug, tool, ignore: nothing the loader needs.
        _ => {}
    }
    Ok(())
}

fn strip_comment(line: &str) -> &str {
    match line.find("//") {
        Some(i) => &line[..i],
        None => line,
    }
}

/// Splits a line into words; double-quoted and back-quoted strings are one word.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    for c in line.chars() {
        match quote {
            Some(q) if c == q => {
                out.push(std::mem::take(&mut cur));
                quote = None;
            }
            Some(_) => cur.push(c),
            None if c == '"' || c == '`' => quote = Some(c),
            None if c.is_whitespace() => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            None => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Finds the nearest directory at or above `start` holding a `go.mod`.
pub fn find_module_root(start: &Path) -> Option<PathBuf> {
    let mut cur = Some(start);
    while let Some(d) = cur {
        if d.join("go.mod").is_file() {
            return Some(d.to_path_buf());
        }
        cur = d.parent();
    }
    None
}

/// The module cache's directory name for a module path: upper-case letters become
/// `!` plus the lower-case letter (so that case-insensitive file systems work).
pub fn escape_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        if c.is_ascii_uppercase() {
            out.push('!');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_directives_and_blocks() {
        let text = r#"
// a comment
module example.com/m // trailing

go 1.22.3

require (
	github.com/A/b v1.2.3 // indirect
	golang.org/x/text v0.14.0
)
require rsc.io/quote v1.5.2
replace golang.org/x/text => ../text
replace rsc.io/quote v1.5.2 => example.org/quote v1.0.0
"#;
        let m = parse(text, Path::new("/src/m")).unwrap();
        assert_eq!(m.module, "example.com/m");
        assert_eq!(m.go_minor(), Some(22));
        assert_eq!(m.require.len(), 3);
        assert_eq!(m.require[0], Require { path: "github.com/A/b".into(), version: "v1.2.3".into() });
        assert_eq!(m.replacement("golang.org/x/text", "v0.14.0"), Some(&Target::Dir(PathBuf::from("/src/m/../text"))));
        assert_eq!(
            m.replacement("rsc.io/quote", "v1.5.2"),
            Some(&Target::Module { path: "example.org/quote".into(), version: "v1.0.0".into() })
        );
        assert_eq!(m.replacement("rsc.io/quote", "v1.6.0"), None);
    }

    #[test]
    fn rejects_a_file_without_module() {
        assert!(parse("go 1.21\n", Path::new(".")).is_err());
        assert!(parse("module\n", Path::new(".")).is_err());
    }

    #[test]
    fn escapes_upper_case() {
        assert_eq!(escape_path("github.com/BurntSushi/toml"), "github.com/!burnt!sushi/toml");
    }
}
