//! Loader behaviour on small module trees made in temporary directories: main module
//! resolution, build constraints, missing packages and modules, import cycles, files
//! named on the command line, and rundir groups.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use frontend::loader::{self, Config, Origin, Request, goroot::GoRoot};

/// A temporary directory tree, removed on drop.
struct Tree(PathBuf);

impl Tree {
    fn new(files: &[(&str, &str)]) -> Tree {
        static N: AtomicUsize = AtomicUsize::new(0);
        let root = std::env::temp_dir().join(format!("mvm-loader-test-{}-{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed)));
        for (path, text) in files {
            let p = root.join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        Tree(root)
    }
    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Tree {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn config(cwd: &Path) -> Option<Config> {
    let goroot = GoRoot::discover().ok()?;
    let mut cfg = Config::host(goroot);
    cfg.cwd = cwd.to_path_buf();
    Some(cfg)
}

#[test]
fn main_module_packages_load_in_dependency_order() {
    let t = Tree::new(&[
        ("go.mod", "module example.com/m\n\ngo 1.22\n"),
        ("main.go", "package main\n\nimport \"example.com/m/lib\"\n\nfunc main() { lib.F() }\n"),
        ("lib/lib.go", "package lib\n\nimport \"strings\"\n\nfunc F() string { return strings.ToUpper(\"x\") }\n"),
        ("lib/lib_windows.go", "package lib\n\nfunc windowsOnly() {}\n"),
        ("lib/other.go", "//go:build ignore\n\npackage lib\n\nthis is not Go\n"),
    ]);
    let Some(cfg) = config(t.path()) else { return };
    let prog = loader::load(&cfg, &Request::Patterns(vec![".".into()])).unwrap();
    let names: Vec<&str> = prog.packages.iter().map(|p| p.path.as_str()).collect();
    let lib = names.iter().position(|&n| n == "example.com/m/lib").unwrap();
    let main = names.iter().position(|&n| n == "example.com/m").unwrap();
    let strings = names.iter().position(|&n| n == "strings").unwrap();
    assert!(strings < lib && lib < main, "{names:?}");
    assert_eq!(prog.roots, vec![main]);
    let libp = &prog.packages[lib];
    assert_eq!(libp.origin, Origin::MainModule);
    assert_eq!(libp.go_minor, 22);
    // Only lib.go: the windows file and the ignored file are excluded (on a non-windows host).
    if cfg!(not(windows)) {
        assert_eq!(libp.files.len(), 1, "{:?}", libp.files.iter().map(|f| f.name.clone()).collect::<Vec<_>>());
    }
}

#[test]
fn missing_std_package_is_reported_at_the_import() {
    let t = Tree::new(&[("a.go", "package main\n\nimport \"nosuchpkg/x\"\n\nfunc main() {}\n")]);
    let Some(cfg) = config(t.path()) else { return };
    let errs = loader::load(&cfg, &Request::Files(vec![t.path().join("a.go")])).unwrap_err();
    let msg = errs[0].to_string();
    assert!(msg.contains("a.go:3:8: package nosuchpkg/x is not in std"), "{msg}");
}

#[test]
fn missing_module_names_it_and_suggests_download() {
    let t = Tree::new(&[
        ("go.mod", "module m\n\ngo 1.22\n\nrequire example.org/absent v1.2.3\n"),
        ("main.go", "package main\n\nimport \"example.org/absent/pkg\"\n\nfunc main() { pkg.F() }\n"),
    ]);
    let Some(mut cfg) = config(t.path()) else { return };
    // An empty module cache: the module is not there.
    let cache = t.path().join("modcache");
    std::fs::create_dir_all(&cache).unwrap();
    cfg.modcache = Some(cache);
    let errs = loader::load(&cfg, &Request::Patterns(vec![".".into()])).unwrap_err();
    let msg = errs[0].to_string();
    assert!(msg.contains("example.org/absent@v1.2.3"), "{msg}");
    assert!(msg.contains("go mod download example.org/absent"), "{msg}");
}

#[test]
fn import_cycles_are_errors() {
    let t = Tree::new(&[
        ("go.mod", "module m\n"),
        ("a/a.go", "package a\n\nimport \"m/b\"\n\nvar X = b.Y\n"),
        ("b/b.go", "package b\n\nimport \"m/a\"\n\nvar Y = a.X\n"),
    ]);
    let Some(cfg) = config(t.path()) else { return };
    let errs = loader::load(&cfg, &Request::Patterns(vec!["./a".into()])).unwrap_err();
    let msg = errs.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n");
    assert!(msg.contains("import cycle not allowed"), "{msg}");
    assert!(msg.contains("imports m/b"), "{msg}");
}

#[test]
fn conflicting_package_names_in_one_directory() {
    let t = Tree::new(&[("go.mod", "module m\n"), ("p/a.go", "package a\n"), ("p/b.go", "package b\n")]);
    let Some(cfg) = config(t.path()) else { return };
    let errs = loader::load(&cfg, &Request::Patterns(vec!["./p".into()])).unwrap_err();
    assert!(errs[0].to_string().contains("found packages a (a.go) and b (b.go)"), "{}", errs[0]);
}

#[test]
fn rundir_groups_by_package_clause() {
    let t = Tree::new(&[
        ("x.dir/a.go", "package a\n\nfunc F() int { return 1 }\n"),
        ("x.dir/b.go", "package b\n\nimport \"./a\"\n\nfunc G() int { return a.F() }\n"),
        ("x.dir/main.go", "package main\n\nimport (\n\t\"test/a\"\n\t\"./b\"\n)\n\nfunc main() { println(a.F() + b.G()) }\n"),
    ]);
    let Some(cfg) = config(t.path()) else { return };
    let prog = loader::load(&cfg, &Request::RunDir { dir: t.path().join("x.dir"), single_file_packages: false }).unwrap();
    let paths: Vec<&str> = prog.packages.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, vec!["test/a", "test/b", "main"]);
    let main = &prog.packages[2];
    assert_eq!(main.imports.get("test/a"), Some(&0));
    assert_eq!(main.imports.get("./b"), Some(&1));
}

#[test]
fn std_vendored_packages_resolve_under_vendor() {
    let t = Tree::new(&[]);
    std::fs::create_dir_all(t.path()).unwrap();
    let Some(cfg) = config(t.path()) else { return };
    let prog = loader::load(&cfg, &Request::Patterns(vec!["net/http".into()])).unwrap();
    assert!(prog.packages.iter().any(|p| p.path.starts_with("vendor/golang.org/x/")), "std's golang.org/x imports come from src/vendor");
    assert!(prog.packages.iter().all(|p| p.origin == Origin::Std));
}
