//! `mvm check`: parse and type-check packages without running them.
//!
//! Without flags it loads and type-checks packages as `go build` would (`.go` files
//! forming one package, import paths, directories, `./...`, `std`), printing
//! `file:line:col: message` errors, at most 10 as gc does. With `-syntax` it only parses:
//! arguments are then `.go` files, directories (their `.go` files), `dir/...`
//! (recursively, skipping `testdata`, `_*` and `.*` directories below it as the go
//! command does), or import paths resolved under `$GOROOT/src`.

use std::path::{Path, PathBuf};

use clap::ArgMatches;
use frontend::syntax;
use mvm::GoRoot;

/// Runs `mvm check` and returns the exit status.
pub fn main(m: &ArgMatches) -> i32 {
    let args: Vec<String> = m.get_many::<String>("paths").map(|v| v.cloned().collect()).unwrap_or_default();
    if !m.get_flag("syntax") {
        return type_check(args);
    }
    let mut files = Vec::new();
    for arg in &args {
        match expand(arg) {
            Ok(mut f) => files.append(&mut f),
            Err(e) => {
                eprintln!("mvm check: {e}");
                return 1;
            }
        }
    }
    let mut failed = false;
    for path in &files {
        let src = match std::fs::read(path) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("mvm check: {}: {e}", path.display());
                failed = true;
                continue;
            }
        };
        let name = path.display().to_string();
        let (file, errors) = syntax::parse_file(&name, &src);
        for e in &errors {
            eprintln!("{}", file.format_error(e));
        }
        if errors.len() >= syntax::MAX_ERRORS
            && let Some(last) = errors.last()
        {
            eprintln!("{}: too many errors", file.position(last.pos));
        }
        failed |= !errors.is_empty();
    }
    i32::from(failed)
}

/// gc stops reporting after this many errors.
const MAX_TYPE_ERRORS: usize = 10;

/// Loads and type-checks the packages `args` name; exit 1 when there are errors.
fn type_check(args: Vec<String>) -> i32 {
    let goroot = match GoRoot::discover() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("mvm: {e}");
            return 1;
        }
    };
    let mut cfg = frontend::loader::Config::host(goroot);
    cfg.overlay = interp::compile::stdlib::overlay();
    // As the go command: a list of .go files is one package, anything else is a pattern.
    let req = if args.iter().all(|a| a.ends_with(".go")) {
        frontend::loader::Request::Files(args.iter().map(PathBuf::from).collect())
    } else {
        frontend::loader::Request::Patterns(args)
    };
    match frontend::types::check_packages(&cfg, &req) {
        Ok(_) => 0,
        Err(msgs) => {
            for m in msgs.iter().take(MAX_TYPE_ERRORS) {
                eprintln!("{m}");
            }
            if msgs.len() > MAX_TYPE_ERRORS {
                eprintln!("too many errors");
            }
            1
        }
    }
}

/// Turns one command-line argument into the list of files it names.
fn expand(arg: &str) -> Result<Vec<PathBuf>, String> {
    let (base, recursive) = match arg.strip_suffix("/...") {
        Some(b) => (if b.is_empty() { "/" } else { b }, true),
        None if arg == "..." => (".", true),
        None => (arg, false),
    };
    let mut path = PathBuf::from(base);
    if !path.exists() {
        // An import path: look in $GOROOT/src.
        let root = GoRoot::discover().map_err(|e| e.to_string())?;
        let p = root.path.join("src").join(base);
        if !p.exists() {
            return Err(format!("cannot find package {base:?} in {}", root.path.join("src").display()));
        }
        path = p;
    }
    if path.is_file() {
        return Ok(vec![path]);
    }
    let mut out = Vec::new();
    walk(&path, recursive, &mut out).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(out)
}

fn walk(dir: &Path, recursive: bool, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if p.is_dir() {
            if recursive && !name.starts_with('.') && !name.starts_with('_') && name != "testdata" {
                walk(&p, true, out)?;
            }
        } else if name.ends_with(".go") && !name.starts_with('.') && !name.starts_with('_') {
            out.push(p);
        }
    }
    Ok(())
}
