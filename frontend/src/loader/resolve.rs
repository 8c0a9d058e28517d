//! Import path → package directory.
//!
//! The order of the go command in module mode: the main module (its own path
//! prefix), then the standard library (`$GOROOT/src`, with std's own `vendor/` for
//! the `golang.org/x` packages std imports), then the main module's `vendor/`
//! directory when it vendors, then the module requirements of `go.mod` (with
//! `replace` applied) in the module cache. Nothing is downloaded: a module missing
//! from the cache is an error that says how to fetch it.

use std::path::{Path, PathBuf};

use super::gomod::{self, GoMod, Target};

/// Where a package comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The standard library.
    Std,
    /// The main module.
    MainModule,
    /// A dependency module.
    Module {
        /// Module path.
        path: String,
        /// Version (empty for a directory replacement).
        version: String,
    },
    /// Files named on the command line (`command-line-arguments`).
    CommandLine,
    /// A package group of a "rundir" directory.
    RunDir,
}

/// A resolved import: the canonical import path and the directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// Canonical path (e.g. `vendor/golang.org/x/net/dns/dnsmessage` for std's vendored
    /// copy).
    pub path: String,
    /// The package directory.
    pub dir: PathBuf,
    /// Where it comes from.
    pub origin: Origin,
}

/// The main module, if there is one.
#[derive(Clone, Debug)]
pub struct MainModule {
    /// Its root directory (holding go.mod).
    pub root: PathBuf,
    /// Its go.mod.
    pub gomod: GoMod,
    /// It vendors its dependencies (`vendor/modules.txt` exists).
    pub vendored: bool,
}

impl MainModule {
    /// Reads the module rooted at `root`.
    pub fn read(root: &Path) -> Result<MainModule, String> {
        let text = std::fs::read_to_string(root.join("go.mod")).map_err(|e| format!("{}: {e}", root.join("go.mod").display()))?;
        let gomod = gomod::parse(&text, root).map_err(|e| format!("{}: {e}", root.display()))?;
        let vendored = root.join("vendor/modules.txt").is_file() && gomod.go_minor().is_none_or(|m| m >= 14);
        Ok(MainModule { root: root.to_path_buf(), gomod, vendored })
    }

    /// The import path of a directory inside the module, if it is inside.
    pub fn import_path_of(&self, dir: &Path) -> Option<String> {
        let rel = dir.strip_prefix(&self.root).ok()?;
        let rel = rel.to_string_lossy().replace('\\', "/");
        Some(if rel.is_empty() { self.gomod.module.clone() } else { format!("{}/{}", self.gomod.module, rel) })
    }
}

/// Resolves import paths.
#[derive(Clone, Debug)]
pub struct Resolver {
    /// `$GOROOT/src`.
    pub goroot_src: PathBuf,
    /// The main module, if any.
    pub main: Option<MainModule>,
    /// The module cache directory, found lazily.
    pub modcache: Option<PathBuf>,
}

/// Whether `path` is in the standard library's name space (no dot in its first element).
pub fn is_std_path(path: &str) -> bool {
    !path.split('/').next().unwrap_or("").contains('.')
}

/// Whether a directory holds at least one `.go` file.
fn has_go_files(dir: &Path) -> bool {
    std::fs::read_dir(dir)
        .map(|rd| rd.flatten().any(|e| e.file_name().to_string_lossy().ends_with(".go") && e.path().is_file()))
        .unwrap_or(false)
}

impl Resolver {
    /// Resolves `path` as imported by a package at `importer_path` (of `importer_origin`).
    pub fn resolve(&mut self, path: &str, importer_path: &str, importer_origin: &Origin) -> Result<Resolved, String> {
        if path.is_empty() {
            return Err("import path is empty".into());
        }
        if let Some(m) = &self.main {
            let module = &m.gomod.module;
            if path == module || path.starts_with(&format!("{module}/")) {
                let rel = path[module.len()..].trim_start_matches('/');
                let dir = m.root.join(rel);
                if dir.is_dir() {
                    return Ok(Resolved { path: path.into(), dir, origin: Origin::MainModule });
                }
                return Err(format!("package {path} is not in the main module ({} has no such directory)", m.root.display()));
            }
        }
        if is_std_path(path) {
            // std packages see std's vendored golang.org/x copies under their plain path;
            // cmd has its own vendor tree.
            if *importer_origin == Origin::Std {
                let vendor_root = if importer_path.starts_with("cmd/") { "cmd/vendor" } else { "vendor" };
                let v = self.goroot_src.join(vendor_root).join(path);
                if has_go_files(&v) {
                    return Ok(Resolved { path: format!("{vendor_root}/{path}"), dir: v, origin: Origin::Std });
                }
            }
            let dir = self.goroot_src.join(path);
            if has_go_files(&dir) {
                return Ok(Resolved { path: path.into(), dir, origin: Origin::Std });
            }
            if *importer_origin == Origin::Std || self.main.is_none() || !path.contains('/') {
                return Err(format!("package {path} is not in std ({})", dir.display()));
            }
        }
        if *importer_origin == Origin::Std {
            let v = self.goroot_src.join("vendor").join(path);
            if has_go_files(&v) {
                return Ok(Resolved { path: format!("vendor/{path}"), dir: v, origin: Origin::Std });
            }
        }
        let Some(m) = &self.main else {
            return Err(format!(
                "cannot find module providing package {path}: go.mod file not found in current directory or any parent directory"
            ));
        };
        if m.vendored {
            let dir = m.root.join("vendor").join(path);
            if dir.is_dir() {
                return Ok(Resolved { path: path.into(), dir, origin: Origin::Module { path: path.into(), version: String::new() } });
            }
            return Err(format!("cannot find package {path} in vendor directory {}", m.root.join("vendor").display()));
        }
        // The requirement with the longest module path that prefixes the import path.
        let req = m
            .gomod
            .require
            .iter()
            .filter(|r| path == r.path || path.starts_with(&format!("{}/", r.path)))
            .max_by_key(|r| r.path.len())
            .cloned();
        let Some(req) = req else {
            return Err(format!("no required module provides package {path}; to add it:\n\tgo get {path}"));
        };
        let rel = path[req.path.len()..].trim_start_matches('/').to_string();
        let (mod_dir, origin) = match m.gomod.replacement(&req.path, &req.version).cloned() {
            Some(Target::Dir(d)) => (d, Origin::Module { path: req.path.clone(), version: String::new() }),
            Some(Target::Module { path: p, version: v }) => {
                (self.cache_dir()?.join(format!("{}@{}", gomod::escape_path(&p), v)), Origin::Module { path: p, version: v })
            }
            None => (
                self.cache_dir()?.join(format!("{}@{}", gomod::escape_path(&req.path), req.version)),
                Origin::Module { path: req.path.clone(), version: req.version.clone() },
            ),
        };
        if !mod_dir.is_dir() {
            let (p, v) = match &origin {
                Origin::Module { path, version } => (path.clone(), version.clone()),
                _ => (req.path.clone(), req.version.clone()),
            };
            return Err(format!(
                "module {p}@{v} providing package {path} is not in the module cache ({}); run 'go mod download {p}'",
                mod_dir.display()
            ));
        }
        let dir = mod_dir.join(rel);
        if !dir.is_dir() {
            return Err(format!("module {} provides no package {path}", req.path));
        }
        Ok(Resolved { path: path.into(), dir, origin })
    }

    /// The module cache: `$GOMODCACHE`, else `go env GOMODCACHE`, else `$GOPATH/pkg/mod`,
    /// else `$HOME/go/pkg/mod`.
    fn cache_dir(&mut self) -> Result<PathBuf, String> {
        if let Some(c) = &self.modcache {
            return Ok(c.clone());
        }
        let found = std::env::var_os("GOMODCACHE")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| {
                let out = std::process::Command::new("go").args(["env", "GOMODCACHE"]).output().ok()?;
                let s = String::from_utf8_lossy(&out.stdout).trim().to_string();
                (!s.is_empty()).then(|| PathBuf::from(s))
            })
            .or_else(|| {
                std::env::var_os("GOPATH")
                    .and_then(|g| std::env::split_paths(&g).next())
                    .map(|g| g.join("pkg/mod"))
            })
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join("go/pkg/mod")))
            .ok_or("cannot find the module cache (set GOMODCACHE)")?;
        self.modcache = Some(found.clone());
        Ok(found)
    }
}
