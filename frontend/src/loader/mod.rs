//! Package discovery and file selection: from command-line arguments to parsed
//! packages in dependency order.
//!
//! - [`goroot`] finds the Go installation whose `src/` mvm compiles.
//! - [`constraint`] parses and evaluates `//go:build` and `// +build` lines.
//! - [`build`] decides which files of a directory are in the build (tags, file-name
//!   suffixes, tests, cgo).
//! - [`gomod`] reads `go.mod`; [`resolve`] maps import paths to directories (main
//!   module, std and its vendor tree, the module cache).
//! - This module walks the import graph depth-first from the requested packages,
//!   parses each package once, reports missing packages and import cycles, and returns
//!   the packages in dependency order (every package after all it imports), which is
//!   the order the type checker needs.
//!
//! Three kinds of request: import paths and patterns (`fmt`, `std`, `./...`, `./cmd/x`),
//! a list of `.go` files (one package, `command-line-arguments`, as `go run a.go b.go`),
//! and a "rundir" directory whose files form several packages by package clause, as in
//! `$GOROOT/test/*.dir` (imports `"./a"` or `"a"` name the group `a`; the last group is
//! the main package).

pub mod build;
pub mod constraint;
pub mod gomod;
pub mod goroot;
pub mod overlay;
pub mod resolve;

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::syntax::{self, ast::File};
use build::BuildContext;
use goroot::GoRoot;
pub use overlay::Overlay;
pub use resolve::Origin;
use resolve::{MainModule, Resolver};

/// What to load.
#[derive(Clone, Debug)]
pub enum Request {
    /// Import paths, directories (`./x`, `/abs/dir`) and patterns (`std`, `./...`).
    Patterns(Vec<String>),
    /// `.go` files forming one package.
    Files(Vec<PathBuf>),
    /// A directory of several packages grouped by package clause (or one package per
    /// file with `single_file_packages`, gc's `compiledir -s`).
    RunDir {
        /// The directory.
        dir: PathBuf,
        /// Every file is its own package.
        single_file_packages: bool,
    },
}

/// A loading error: a position (`file:line:col`) when one applies, and gc's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    /// `file:line:col`, when the error belongs to a place in a file.
    pub pos: Option<String>,
    /// The message.
    pub msg: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.pos {
            Some(p) => write!(f, "{p}: {}", self.msg),
            None => f.write_str(&self.msg),
        }
    }
}

impl LoadError {
    fn new(msg: impl Into<String>) -> LoadError {
        LoadError { pos: None, msg: msg.into() }
    }
}

/// One loaded package.
#[derive(Clone, Debug)]
pub struct LoadedPackage {
    /// Canonical import path (`main` for a rundir's last group, `command-line-arguments`
    /// for files named on the command line).
    pub path: String,
    /// Package name from the package clauses.
    pub name: String,
    /// Directory holding the files.
    pub dir: PathBuf,
    /// The parsed files, sorted by name.
    pub files: Vec<Arc<File>>,
    /// Import path as written in this package's files → index of the imported package in
    /// [`LoadedProgram::packages`] (vendor and rundir mappings already applied).
    /// `"unsafe"` is absent: the checker provides it.
    pub imports: HashMap<String, usize>,
    /// Where the package comes from.
    pub origin: Origin,
    /// The language version's minor number (from go.mod, or the toolchain's).
    pub go_minor: u32,
    /// Parser errors that do not stop compilation (label and branch checks, malformed
    /// literals): (index into `files`, error). The checker reports them with its own.
    pub soft_errors: Vec<(usize, syntax::Error)>,
}

/// The result of loading: packages in dependency order.
#[derive(Clone, Debug, Default)]
pub struct LoadedProgram {
    /// Every package, each after all the packages it imports.
    pub packages: Vec<LoadedPackage>,
    /// Indices of the packages that were requested (not merely imported).
    pub roots: Vec<usize>,
}

/// Loading options.
#[derive(Clone, Debug)]
pub struct Config {
    /// The Go installation.
    pub goroot: GoRoot,
    /// Tags and file selection.
    pub build: BuildContext,
    /// Directory that relative paths and the main module are found from.
    pub cwd: PathBuf,
    /// The module cache; `None` finds it as the go command does (`$GOMODCACHE`,
    /// `go env GOMODCACHE`, `$GOPATH/pkg/mod`).
    pub modcache: Option<PathBuf>,
    /// Sources standing in for parts of `$GOROOT/src` (empty: the installation as it is).
    pub overlay: Arc<Overlay>,
}

impl Config {
    /// The host build context for `goroot`, relative to the process's current directory.
    pub fn host(goroot: GoRoot) -> Config {
        let minor = goroot.minor_version().unwrap_or(26);
        Config {
            build: BuildContext::host(minor),
            goroot,
            cwd: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
            modcache: None,
            overlay: Arc::default(),
        }
    }
}

/// Loads the requested packages and everything they import.
pub fn load(cfg: &Config, req: &Request) -> Result<LoadedProgram, Vec<LoadError>> {
    let mut l = Loader::new(cfg);
    match req {
        Request::Patterns(pats) => {
            for p in pats {
                l.load_pattern(p);
            }
        }
        Request::Files(files) => l.load_files(files),
        Request::RunDir { dir, single_file_packages } => l.load_rundir(dir, *single_file_packages),
    }
    for path in &cfg.overlay.implicit {
        let dir = l.resolver.goroot_src.join(path);
        l.visit(path, Origin::Std, dir, None, false);
    }
    if l.errors.is_empty() {
        Ok(LoadedProgram { packages: l.packages, roots: l.roots })
    } else {
        Err(l.errors)
    }
}

/// The state of a package during the depth-first walk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    /// On the current import stack (seeing it again means a cycle).
    Visiting,
    /// Loaded: index into `packages`.
    Done(usize),
    /// Failed (already reported).
    Failed,
}

/// A package's source before its imports are walked.
struct Pending {
    path: String,
    name: String,
    dir: PathBuf,
    files: Vec<Arc<File>>,
    origin: Origin,
    soft_errors: Vec<(usize, syntax::Error)>,
}

struct Loader<'a> {
    cfg: &'a Config,
    resolver: Resolver,
    marks: HashMap<String, Mark>,
    stack: Vec<String>,
    packages: Vec<LoadedPackage>,
    roots: Vec<usize>,
    errors: Vec<LoadError>,
    /// For rundir loads: group key (first file's stem) → its source.
    groups: HashMap<String, (PathBuf, Vec<PathBuf>)>,
    /// For rundir loads: the key of the last group (the program).
    main_group: Option<String>,
    /// The overlay's files by the path they stand at.
    overlay_files: HashMap<PathBuf, Arc<[u8]>>,
}

impl<'a> Loader<'a> {
    fn new(cfg: &'a Config) -> Loader<'a> {
        let main = gomod::find_module_root(&cfg.cwd).and_then(|r| MainModule::read(&r).ok());
        let goroot_src = cfg.goroot.path.join("src");
        Loader {
            cfg,
            overlay_files: cfg.overlay.by_path(&goroot_src),
            resolver: Resolver { goroot_src, main, modcache: cfg.modcache.clone() },
            marks: HashMap::new(),
            stack: Vec::new(),
            packages: Vec::new(),
            roots: Vec::new(),
            errors: Vec::new(),
            groups: HashMap::new(),
            main_group: None,
        }
    }

    fn go_minor_for(&self, origin: &Origin) -> u32 {
        let toolchain = self.cfg.build.go_minor;
        match origin {
            Origin::MainModule | Origin::CommandLine => self
                .resolver
                .main
                .as_ref()
                .and_then(|m| m.gomod.go_minor())
                .filter(|_| *origin == Origin::MainModule)
                .unwrap_or(toolchain),
            _ => toolchain,
        }
    }

    fn load_pattern(&mut self, pat: &str) {
        if pat == "std" {
            let src = self.resolver.goroot_src.clone();
            let mut dirs = Vec::new();
            walk_dirs(&src, &mut dirs, true);
            dirs.sort();
            for d in dirs {
                let Ok(rel) = d.strip_prefix(&src) else { continue };
                let path = rel.to_string_lossy().replace('\\', "/");
                if path.is_empty() || path == "cmd" || path.starts_with("cmd/") || path == "builtin" {
                    continue;
                }
                if !self.dir_has_build_files(&d) {
                    continue;
                }
                self.load_root(&path, Origin::Std, d, true);
            }
            return;
        }
        let is_dir_pattern = pat.starts_with("./") || pat.starts_with("../") || pat == "." || pat == ".." || Path::new(pat).is_absolute();
        if is_dir_pattern {
            let (base, recursive) = match pat.strip_suffix("/...") {
                Some(b) => (b, true),
                None => (pat, false),
            };
            let dir = self.cfg.cwd.join(base);
            let mut dirs = vec![dir.clone()];
            if recursive {
                walk_dirs(&dir, &mut dirs, false);
            }
            for d in dirs {
                if recursive && !self.dir_has_build_files(&d) {
                    continue;
                }
                let (path, origin) = match self.resolver.main.as_ref().and_then(|m| m.import_path_of(&d)) {
                    Some(p) => (p, Origin::MainModule),
                    None => match d.strip_prefix(self.resolver.goroot_src.clone()) {
                        Ok(rel) => (rel.to_string_lossy().replace('\\', "/"), Origin::Std),
                        Err(_) => (d.to_string_lossy().into_owned(), Origin::CommandLine),
                    },
                };
                self.load_root(&path, origin, d, recursive);
            }
            return;
        }
        // An import path.
        match self.resolver.resolve(pat, "", &Origin::CommandLine) {
            Ok(r) => self.load_root(&r.path, r.origin, r.dir, false),
            Err(e) => self.errors.push(LoadError::new(e)),
        }
    }

    /// Loads a requested package. `lenient` (for patterns such as `std` and `./...`)
    /// skips directories whose files the build constraints exclude, as `go list` does.
    fn load_root(&mut self, path: &str, origin: Origin, dir: PathBuf, lenient: bool) {
        if let Some(idx) = self.visit(path, origin, dir, None, lenient)
            && !self.roots.contains(&idx)
        {
            self.roots.push(idx);
        }
    }

    fn load_files(&mut self, files: &[PathBuf]) {
        if files.is_empty() {
            self.errors.push(LoadError::new("no go files listed"));
            return;
        }
        let dir = files[0].parent().map(Path::to_path_buf).unwrap_or_default();
        if files.iter().any(|f| f.parent() != Some(dir.as_path())) {
            self.errors.push(LoadError::new("named files must all be in one directory"));
            return;
        }
        let names: Vec<PathBuf> = files.to_vec();
        let Some(p) = self.parse_package("command-line-arguments", &dir, names, Origin::CommandLine, false, false) else { return };
        if let Some(idx) = self.finish(p) {
            self.roots.push(idx);
        }
    }

    fn load_rundir(&mut self, dir: &Path, single: bool) {
        let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
            Ok(rd) => rd.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "go")).collect(),
            Err(e) => {
                self.errors.push(LoadError::new(format!("{}: {e}", dir.display())));
                return;
            }
        };
        files.sort();
        // Files group by package clause, in file order (as gc's test runner does); a group
        // is imported as `test/<first file's stem>` (or `./<stem>`), the last group is
        // the program (`main`).
        let mut order: Vec<(String, String)> = Vec::new();
        for f in &files {
            let src = match std::fs::read(f) {
                Ok(s) => s,
                Err(e) => {
                    self.errors.push(LoadError::new(format!("{}: {e}", f.display())));
                    continue;
                }
            };
            let (hdr, _) = syntax::parse_header(&f.to_string_lossy(), &src);
            let name = hdr.package().to_string();
            let stem = f.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            match order.iter().find(|(n, _)| *n == name && !single) {
                Some((_, key)) => {
                    let key = key.clone();
                    if let Some(g) = self.groups.get_mut(&key) {
                        g.1.push(f.clone());
                    }
                }
                None => {
                    order.push((name, stem.clone()));
                    self.groups.insert(stem, (dir.to_path_buf(), vec![f.clone()]));
                }
            }
        }
        let Some((last_name, last_key)) = order.last().cloned() else {
            self.errors.push(LoadError::new(format!("no Go files in {}", dir.display())));
            return;
        };
        let path = if last_name == "main" { "main".to_string() } else { format!("test/{last_key}") };
        self.main_group = Some(last_key);
        self.load_root(&path, Origin::RunDir, dir.to_path_buf(), false);
    }

    /// The rundir group an import path or package path names.
    fn group_key(&self, path: &str) -> Option<String> {
        if path == "main" {
            return self.main_group.clone();
        }
        let key = path.strip_prefix("./").or_else(|| path.strip_prefix("test/")).unwrap_or(path);
        self.groups.contains_key(key).then(|| key.to_string())
    }

    fn dir_has_build_files(&self, dir: &Path) -> bool {
        std::fs::read_dir(dir)
            .map(|rd| {
                rd.flatten().any(|e| {
                    let n = e.file_name().to_string_lossy().into_owned();
                    self.cfg.build.match_file_name(&n) && e.path().is_file()
                })
            })
            .unwrap_or(false)
    }

    /// Loads the package `path` at `dir` and (recursively) its imports; returns its index.
    /// `from` is the importing position, for error messages.
    fn visit(&mut self, path: &str, origin: Origin, dir: PathBuf, from: Option<&str>, lenient: bool) -> Option<usize> {
        match self.marks.get(path) {
            Some(Mark::Done(i)) => return Some(*i),
            Some(Mark::Failed) => return None,
            Some(Mark::Visiting) => {
                let mut msg = format!("package {}", self.stack.first().map(String::as_str).unwrap_or(path));
                for p in self.stack.iter().skip(1) {
                    msg.push_str(&format!("\n\timports {p}"));
                }
                msg.push_str(&format!("\n\timports {path}: import cycle not allowed"));
                self.errors.push(LoadError { pos: from.map(String::from), msg });
                return None;
            }
            None => {}
        }
        let files: Vec<PathBuf> = if origin == Origin::RunDir {
            match self.group_key(path).and_then(|k| self.groups.get(&k)) {
                Some((_, f)) => f.clone(),
                None => {
                    self.marks.insert(path.into(), Mark::Failed);
                    return None;
                }
            }
        } else {
            let list = || {
                std::fs::read_dir(&dir).map(|rd| {
                    let mut v: Vec<PathBuf> = rd
                        .flatten()
                        .filter(|e| self.cfg.build.match_file_name(&e.file_name().to_string_lossy()))
                        .map(|e| e.path())
                        .filter(|p| p.is_file())
                        .collect();
                    v.sort();
                    v
                })
            };
            let listed = match origin {
                Origin::Std => {
                    let wanted = |n: &str| self.cfg.build.match_file_name(n);
                    self.cfg.overlay.package_files(path, &dir, wanted, list).unwrap_or_else(list)
                }
                _ => list(),
            };
            match listed {
                Ok(v) => v,
                Err(e) => {
                    self.errors.push(LoadError { pos: from.map(String::from), msg: format!("{}: {e}", dir.display()) });
                    self.marks.insert(path.into(), Mark::Failed);
                    return None;
                }
            }
        };
        let explicit = origin == Origin::RunDir;
        let Some(p) = self.parse_package(path, &dir, files, origin, explicit, lenient) else {
            self.marks.insert(path.into(), Mark::Failed);
            return None;
        };
        self.finish(p)
    }

    /// Reads, filters and parses the files of one package.
    fn parse_package(&mut self, path: &str, dir: &Path, files: Vec<PathBuf>, origin: Origin, explicit: bool, lenient: bool) -> Option<Pending> {
        let mut parsed: Vec<Arc<File>> = Vec::new();
        let mut soft: Vec<(usize, syntax::Error)> = Vec::new();
        let mut name: Option<(String, String)> = None;
        let mut failed = false;
        for f in files {
            let fname = f.to_string_lossy().into_owned();
            let read = match self.overlay_files.get(&f) {
                Some(src) => Ok(src.to_vec()),
                None => std::fs::read(&f),
            };
            let src = match read {
                Ok(s) => s,
                Err(e) => {
                    self.errors.push(LoadError::new(format!("{fname}: {e}")));
                    failed = true;
                    continue;
                }
            };
            let display = display_name(&f, &self.cfg.cwd);
            let (hdr, _) = syntax::parse_header(&display, &src);
            // Rundir groups are compiled whole, as gc's test runner does.
            if !explicit && !self.cfg.build.match_file(&hdr) {
                continue;
            }
            let pkg = hdr.package().to_string();
            // go/build ignores `package documentation` files.
            if pkg == "documentation" {
                continue;
            }
            let (file, errs) = syntax::parse_file(&display, &src);
            // As in gc, syntax errors stop before type checking; the parser's other errors
            // (labels, branches, literals) are reported with the type errors.
            for e in errs {
                if e.msg.starts_with("syntax error") {
                    self.errors.push(LoadError { pos: Some(file.position(e.pos).to_string()), msg: e.msg.clone() });
                    failed = true;
                } else {
                    soft.push((parsed.len(), e));
                }
            }
            match &name {
                None => name = Some((pkg.clone(), display.clone())),
                Some((n, first)) if *n != pkg && !pkg.is_empty() && origin != Origin::RunDir => {
                    self.errors.push(LoadError::new(format!(
                        "found packages {n} ({}) and {pkg} ({}) in {}",
                        base_name(first),
                        base_name(&display),
                        dir.display()
                    )));
                    failed = true;
                }
                _ => {}
            }
            parsed.push(Arc::new(file));
        }
        if failed {
            return None;
        }
        let Some((name, _)) = name else {
            if lenient {
                return None;
            }
            let msg = if parsed.is_empty() {
                format!("build constraints exclude all Go files in {}", dir.display())
            } else {
                format!("no Go files in {}", dir.display())
            };
            self.errors.push(LoadError::new(msg));
            return None;
        };
        Some(Pending { path: path.into(), name, dir: dir.to_path_buf(), files: parsed, origin, soft_errors: soft })
    }

    /// Walks the imports of a parsed package, then appends it.
    fn finish(&mut self, p: Pending) -> Option<usize> {
        self.marks.insert(p.path.clone(), Mark::Visiting);
        self.stack.push(p.path.clone());
        let mut imports = HashMap::new();
        let mut ok = true;
        for f in &p.files {
            for (_, lit) in f.imports() {
                let Some(ipath) = syntax::lit::string_value(f.lit_text(lit)).and_then(|b| String::from_utf8(b).ok()) else {
                    continue; // the parser reported the malformed literal
                };
                if ipath == "unsafe" || imports.contains_key(&ipath) {
                    continue;
                }
                let at = f.position(f.expr(lit).pos).to_string();
                if ipath == "C" {
                    self.errors.push(LoadError { pos: Some(at), msg: "cgo is not supported (import \"C\")".into() });
                    ok = false;
                    continue;
                }
                let resolved = if p.origin == Origin::RunDir {
                    if let Some(g) = self.group_key(&ipath).filter(|_| ipath != "main") {
                        Ok(resolve::Resolved { path: format!("test/{g}"), dir: p.dir.clone(), origin: Origin::RunDir })
                    } else {
                        self.resolver.resolve(&ipath, &p.path, &p.origin)
                    }
                } else {
                    self.resolver.resolve(&ipath, &p.path, &p.origin)
                };
                match resolved {
                    Ok(r) => match self.visit(&r.path, r.origin, r.dir, Some(&at), false) {
                        Some(idx) => {
                            imports.insert(ipath, idx);
                        }
                        None => ok = false,
                    },
                    Err(e) => {
                        self.errors.push(LoadError { pos: Some(at), msg: e });
                        ok = false;
                    }
                }
            }
        }
        self.stack.pop();
        if !ok {
            self.marks.insert(p.path, Mark::Failed);
            return None;
        }
        let idx = self.packages.len();
        let go_minor = self.go_minor_for(&p.origin);
        self.marks.insert(p.path.clone(), Mark::Done(idx));
        self.packages.push(LoadedPackage {
            path: p.path,
            name: p.name,
            dir: p.dir,
            files: p.files,
            imports,
            origin: p.origin,
            go_minor,
            soft_errors: p.soft_errors,
        });
        Some(idx)
    }
}

/// File names in messages: relative to the working directory when below it (as the go
/// command prints them), else as given.
fn display_name(f: &Path, cwd: &Path) -> String {
    match f.strip_prefix(cwd) {
        Ok(rel) if !rel.as_os_str().is_empty() => format!("./{}", rel.display()),
        _ => f.to_string_lossy().into_owned(),
    }
}

fn base_name(f: &str) -> &str {
    f.rsplit('/').next().unwrap_or(f)
}

/// Collects every subdirectory of `dir` (recursively), skipping `testdata`, hidden and
/// `_`-prefixed directories; `vendor` too unless `keep_vendor`.
fn walk_dirs(dir: &Path, out: &mut Vec<PathBuf>, keep_vendor: bool) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut subs: Vec<PathBuf> = rd.flatten().filter(|e| e.file_type().is_ok_and(|t| t.is_dir())).map(|e| e.path()).collect();
    subs.sort();
    for s in subs {
        let name = s.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name == "testdata" || name.starts_with('.') || name.starts_with('_') || (!keep_vendor && name == "vendor") {
            continue;
        }
        out.push(s.clone());
        walk_dirs(&s, out, keep_vendor);
    }
}
