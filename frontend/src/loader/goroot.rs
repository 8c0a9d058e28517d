//! Finding the Go installation whose sources mvm compiles.
//!
//! The order is DESIGN.md's: `MVM_GOROOT`, `GOROOT`, `go env GOROOT`, then
//! `/usr/local/go`. A candidate counts only if it has a `src/` directory.

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A Go installation: its root directory and the Go version it holds.
#[derive(Clone, Debug)]
pub struct GoRoot {
    /// The root directory (holding `src/`, `test/`, `VERSION`).
    pub path: PathBuf,
    /// The Go version, such as `go1.26.8`, from `VERSION` (or `go version`).
    pub version: String,
}

/// No usable GOROOT was found; lists every place that was tried and why it failed.
#[derive(Clone, Debug)]
pub struct NotFound {
    /// One line per candidate: where it came from and what was wrong with it.
    pub tried: Vec<String>,
}

impl fmt::Display for NotFound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "cannot find a Go installation (GOROOT); tried:")?;
        for t in &self.tried {
            writeln!(f, "\t{t}")?;
        }
        write!(f, "install Go or set MVM_GOROOT to a Go root directory that contains src/")
    }
}

impl std::error::Error for NotFound {}

impl GoRoot {
    /// Finds the GOROOT to use, from the process environment.
    pub fn discover() -> Result<GoRoot, NotFound> {
        Self::discover_with(&|k| std::env::var_os(k).map(PathBuf::from), &go_env_goroot)
    }

    /// Finds the GOROOT with the environment and `go env GOROOT` supplied by the caller.
    pub fn discover_with(
        env: &dyn Fn(&str) -> Option<PathBuf>,
        go_env: &dyn Fn() -> Result<PathBuf, String>,
    ) -> Result<GoRoot, NotFound> {
        let mut tried = Vec::new();
        for var in ["MVM_GOROOT", "GOROOT"] {
            match env(var) {
                Some(p) if !p.as_os_str().is_empty() => match Self::at(&p) {
                    Ok(r) => return Ok(r),
                    Err(why) => tried.push(format!("${var} = {}: {why}", p.display())),
                },
                _ => tried.push(format!("${var}: not set")),
            }
        }
        match go_env() {
            Ok(p) => match Self::at(&p) {
                Ok(r) => return Ok(r),
                Err(why) => tried.push(format!("`go env GOROOT` = {}: {why}", p.display())),
            },
            Err(why) => tried.push(format!("`go env GOROOT`: {why}")),
        }
        let fallback = Path::new("/usr/local/go");
        match Self::at(fallback) {
            Ok(r) => Ok(r),
            Err(why) => {
                tried.push(format!("{}: {why}", fallback.display()));
                Err(NotFound { tried })
            }
        }
    }

    /// Uses `path` as the GOROOT if it looks like one.
    pub fn at(path: &Path) -> Result<GoRoot, String> {
        if !path.join("src").is_dir() {
            return Err(if path.exists() { "has no src/ directory".into() } else { "does not exist".into() });
        }
        let version = std::fs::read_to_string(path.join("VERSION"))
            .ok()
            .and_then(|s| s.lines().next().map(|l| l.trim().to_string()))
            .filter(|v| v.starts_with("go"))
            .or_else(|| go_version_of(path))
            .unwrap_or_else(|| "unknown".to_string());
        Ok(GoRoot { path: path.to_path_buf(), version })
    }

    /// The `test/` directory holding Go's conformance suite, if this GOROOT has one.
    pub fn test_dir(&self) -> Option<PathBuf> {
        let t = self.path.join("test");
        t.is_dir().then_some(t)
    }

    /// The minor language version, e.g. 26 for go1.26.8; `None` for a development build.
    pub fn minor_version(&self) -> Option<u32> {
        let rest = self.version.strip_prefix("go1.")?;
        let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
        digits.parse().ok()
    }
}

fn go_env_goroot() -> Result<PathBuf, String> {
    let out = Command::new("go")
        .args(["env", "GOROOT"])
        .output()
        .map_err(|e| format!("cannot run go: {e}"))?;
    if !out.status.success() {
        return Err(format!("go env failed: {}", String::from_utf8_lossy(&out.stderr).trim()));
    }
    let s = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if s.is_empty() {
        return Err("go env printed nothing".into());
    }
    Ok(PathBuf::from(s))
}

fn go_version_of(root: &Path) -> Option<String> {
    let out = Command::new(root.join("bin/go")).arg("env").arg("GOVERSION").output().ok()?;
    let v = String::from_utf8_lossy(&out.stdout).trim().to_string();
    v.starts_with("go").then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fake_root(version: &str) -> tempdir::Dir {
        let d = tempdir::Dir::new();
        std::fs::create_dir(d.path().join("src")).unwrap();
        std::fs::write(d.path().join("VERSION"), format!("{version}\ntime 2026-01-01\n")).unwrap();
        d
    }

    /// A directory removed when dropped; enough for these tests without a crate.
    mod tempdir {
        use std::path::{Path, PathBuf};
        use std::sync::atomic::{AtomicUsize, Ordering};
        pub struct Dir(PathBuf);
        impl Dir {
            pub fn new() -> Dir {
                static N: AtomicUsize = AtomicUsize::new(0);
                let p = std::env::temp_dir().join(format!(
                    "mvm-goroot-test-{}-{}",
                    std::process::id(),
                    N.fetch_add(1, Ordering::Relaxed)
                ));
                std::fs::create_dir_all(&p).unwrap();
                Dir(p)
            }
            pub fn path(&self) -> &Path {
                &self.0
            }
        }
        impl Drop for Dir {
            fn drop(&mut self) {
                let _ = std::fs::remove_dir_all(&self.0);
            }
        }
    }

    #[test]
    fn mvm_goroot_wins_over_goroot() {
        let a = fake_root("go1.26.1");
        let b = fake_root("go1.25.0");
        let (pa, pb) = (a.path().to_path_buf(), b.path().to_path_buf());
        let env = move |k: &str| match k {
            "MVM_GOROOT" => Some(pa.clone()),
            "GOROOT" => Some(pb.clone()),
            _ => None,
        };
        let r = GoRoot::discover_with(&env, &|| Err("no go".into())).unwrap();
        assert_eq!(r.path, a.path());
        assert_eq!(r.version, "go1.26.1");
        assert_eq!(r.minor_version(), Some(26));
    }

    #[test]
    fn falls_through_bad_candidates_to_go_env() {
        let good = fake_root("go1.26.0");
        let gp = good.path().to_path_buf();
        let env = |k: &str| (k == "GOROOT").then(|| PathBuf::from("/nonexistent/goroot"));
        let r = GoRoot::discover_with(&env, &|| Ok(gp.clone())).unwrap();
        assert_eq!(r.path, good.path());
    }

    #[test]
    fn error_names_every_candidate() {
        let env = |k: &str| (k == "MVM_GOROOT").then(|| PathBuf::from("/nonexistent/a"));
        if Path::new("/usr/local/go/src").is_dir() {
            // The fallback exists on this machine, so discovery must succeed through it.
            assert!(GoRoot::discover_with(&env, &|| Err("no go".into())).is_ok());
            return;
        }
        let err = GoRoot::discover_with(&env, &|| Err("no go".into())).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("$MVM_GOROOT = /nonexistent/a: does not exist"), "{msg}");
        assert!(msg.contains("$GOROOT: not set"), "{msg}");
        assert!(msg.contains("`go env GOROOT`: no go"), "{msg}");
        assert!(msg.contains("/usr/local/go"), "{msg}");
    }
}
