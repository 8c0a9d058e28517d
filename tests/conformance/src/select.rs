//! Selecting the run-family tests of `$GOROOT/test`, the way gc's own test runner
//! (`cmd/internal/testdir`) reads them: the recipe is the first non-empty line that is
//! not a build constraint, build constraints before `package` decide whether the test
//! applies to this host, and the recipe's leading `-` words are flags.

use std::fs;
use std::path::{Path, PathBuf};

use frontend::loader::constraint;

/// The directories gc's runner scans that hold run-family tests, as the issue lists them.
pub const DIRS: &[&str] = &[".", "ken", "chan", "interface", "fixedbugs", "typeparam", "typeparam/mdempsky", "abi"];

/// How a test is built and run; the names are gc's recipe names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recipe {
    /// `go run file.go`, compare with file.out.
    Run,
    /// Run the program, then run its output as a second program.
    RunOutput,
    /// Packages in `file.dir/`, one per package clause; the last is main.
    RunDir,
    /// `file.dir/` copied into a module and run with `go run .`.
    RunInDir,
    /// Build then run the single file.
    BuildRun,
    /// Build all files of `file.dir/` as one main package and run it.
    BuildRunDir,
}

impl Recipe {
    fn parse(word: &str) -> Option<Recipe> {
        Some(match word {
            "run" => Recipe::Run,
            "runoutput" => Recipe::RunOutput,
            "rundir" => Recipe::RunDir,
            "runindir" => Recipe::RunInDir,
            "buildrun" => Recipe::BuildRun,
            "buildrundir" => Recipe::BuildRunDir,
            _ => return None,
        })
    }

    /// Whether the test's sources are the `X.dir/` directory beside `X.go`.
    pub fn uses_dir(self) -> bool {
        matches!(self, Recipe::RunDir | Recipe::RunInDir | Recipe::BuildRunDir)
    }
}

/// One selected test.
#[derive(Clone, Debug)]
pub struct Test {
    /// The test's name in reports and in the expectations file: its path relative to
    /// `$GOROOT/test` (`fixedbugs/issue1234.go`), or `programs/…` for mvm's own programs.
    pub name: String,
    /// The directory the test is counted under in the report (`.` for the top level).
    pub dir: String,
    /// The directory the test's paths are relative to, and where `run` recipes run.
    pub root: PathBuf,
    /// The test file relative to `root`.
    pub rel: String,
    /// The exit status the program must end with: 0 for Go's suite; mvm's own programs
    /// may expect another (`// run exit=2`), and then only the output up to the first
    /// `goroutine ` line is compared, since stack traces differ between implementations.
    pub want_exit: i32,
    pub recipe: Recipe,
    /// Build flags from the recipe (`-gcflags=…`, `-ldflags`, `-tags=…`, `-race`, …).
    pub flags: Vec<String>,
    /// Arguments for the program.
    pub args: Vec<String>,
    /// Environment from `-goexperiment` / `-godebug`.
    pub env: Vec<(String, String)>,
    /// `-gomodversion`, for runindir's go.mod.
    pub gomodversion: Option<String>,
    /// `-s`: every file of a rundir is its own package.
    pub single_file_pkgs: bool,
    /// `-t N`: the recipe's own time limit in seconds.
    pub timeout_secs: Option<u64>,
    /// Import paths of the test's sources (without the test's own packages).
    pub imports: Vec<String>,
}

impl Test {
    /// The `.out` file holding the expected output.
    pub fn out_file(&self) -> PathBuf {
        self.root.join(format!("{}.out", self.rel.trim_end_matches(".go")))
    }

    /// The `X.dir` directory of a `*dir` recipe.
    pub fn dir_sources(&self) -> PathBuf {
        self.root.join(format!("{}.dir", self.rel.trim_end_matches(".go")))
    }
}

/// Walks the test directories and returns every run-family test that applies to this host,
/// sorted by name. Problems reading a file are returned as errors, not skipped silently.
pub fn select(test_root: &Path, std_src: &Path, goos: &str, goarch: &str, tool_tags: &[String]) -> Result<Vec<Test>, String> {
    let mut tests = Vec::new();
    for dir in DIRS {
        let full = test_root.join(dir);
        let mut names: Vec<PathBuf> = fs::read_dir(&full)
            .map_err(|e| format!("{}: {e}", full.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "go") && p.is_file())
            .collect();
        names.sort();
        for path in names {
            let src = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let src = String::from_utf8_lossy(&src);
            let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let name = if *dir == "." { file_name } else { format!("{dir}/{file_name}") };
            if let Some(mut t) = parse_header(&name, dir, &src, goos, goarch, tool_tags)? {
                t.root = test_root.to_path_buf();
                t.imports = test_imports(std_src, &t, &src);
                tests.push(t);
            }
        }
    }
    tests.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(tests)
}

/// Reads a test's recipe. `Ok(None)` means the test is not in the run family or does
/// not apply to this host.
fn parse_header(name: &str, dir: &str, src: &str, goos: &str, goarch: &str, tool_tags: &[String]) -> Result<Option<Test>, String> {
    let recipe_line = src
        .lines()
        .filter(|l| !constraint::is_go_build(l) && !constraint::is_plus_build(l))
        .map(|l| l.trim_start_matches("//").trim())
        .find(|l| !l.is_empty());
    let Some(recipe_line) = recipe_line else { return Ok(None) };
    let header = match src.find("\npackage") {
        Some(i) => &src[..i],
        None => recipe_line,
    };
    if !should_test(header, goos, goarch, tool_tags) {
        return Ok(None);
    }
    let words = frontend::loader::build::split_quoted(recipe_line).map_err(|e| format!("{name}: bad recipe {recipe_line:?}: {e}"))?;
    let Some((first, rest)) = words.split_first() else { return Ok(None) };
    let Some(recipe) = Recipe::parse(first) else { return Ok(None) };
    let mut t = Test {
        name: name.to_string(),
        dir: dir.to_string(),
        root: PathBuf::new(),
        rel: name.to_string(),
        want_exit: 0,
        recipe,
        flags: Vec::new(),
        args: Vec::new(),
        env: Vec::new(),
        gomodversion: None,
        single_file_pkgs: false,
        timeout_secs: None,
        imports: Vec::new(),
    };
    let mut goexperiment = String::new();
    let mut godebug = String::new();
    let mut i = 0;
    let need = |i: usize| rest.get(i).cloned().ok_or_else(|| format!("{name}: recipe flag {} needs a value", rest[i - 1]));
    while i < rest.len() && rest[i].starts_with('-') {
        match rest[i].as_str() {
            "-0" | "-1" => {}
            "-s" => t.single_file_pkgs = true,
            "-t" => {
                i += 1;
                let v = need(i)?;
                t.timeout_secs = Some(v.parse().map_err(|_| format!("{name}: -t needs seconds, got {v}"))?);
            }
            "-goexperiment" => {
                i += 1;
                append_list(&mut goexperiment, &need(i)?);
            }
            "-godebug" => {
                i += 1;
                append_list(&mut godebug, &need(i)?);
            }
            "-gomodversion" => {
                i += 1;
                t.gomodversion = Some(need(i)?);
            }
            flag => t.flags.push(flag.to_string()),
        }
        i += 1;
    }
    t.args = rest[i..].to_vec();
    if !goexperiment.is_empty() {
        t.env.push(("GOEXPERIMENT".into(), goexperiment));
    }
    if !godebug.is_empty() {
        t.env.push(("GODEBUG".into(), godebug));
    }
    Ok(Some(t))
}

fn append_list(list: &mut String, item: &str) {
    if !list.is_empty() {
        list.push(',');
    }
    list.push_str(item);
}

/// gc's runner evaluates build constraints with its own tag set: the host GOOS and
/// GOARCH, `gc`, `test_run`, release tags, the toolchain's goexperiment tags, and no cgo.
fn should_test(header: &str, goos: &str, goarch: &str, tool_tags: &[String]) -> bool {
    for line in header.lines() {
        if line.starts_with("package ") {
            break;
        }
        if let Ok(expr) = constraint::parse(line) {
            let mut matches = |tag: &str| tag_matches(tag, goos, goarch, tool_tags);
            if !expr.eval(&mut matches) {
                return false;
            }
        }
    }
    true
}

fn tag_matches(tag: &str, goos: &str, goarch: &str, tool_tags: &[String]) -> bool {
    if tag.is_empty() || !tag.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '.') {
        return false;
    }
    if let Some(minor) = tag.strip_prefix("go1.") {
        // Release tags go1.1 … go1.N for the installed toolchain; N is read by the caller.
        return minor.parse::<u32>().is_ok_and(|m| m >= 1 && m <= crate::go_minor());
    }
    if tag.starts_with("goexperiment.") {
        return tool_tags.iter().any(|t| t == tag);
    }
    tag == goos || tag == goarch || tag == "gc" || tag == "test_run"
}

/// The import paths of a test's sources. For a `*dir` recipe these are the imports of
/// every file in `X.dir/` that name a package of `$GOROOT/src`: the others are the
/// test's own packages (`"./a"`, `"a"`, `"issue29612.dir/p1"`).
fn test_imports(std_src: &Path, t: &Test, src: &str) -> Vec<String> {
    let mut imports = Vec::new();
    if t.recipe.uses_dir() {
        for path in go_files_under(&t.dir_sources()) {
            if let Ok(s) = fs::read_to_string(&path) {
                imports.extend(crate::imports::scan(&s));
            }
        }
        imports.retain(|p| !p.starts_with('.') && std_src.join(p).is_dir());
    } else {
        imports = crate::imports::scan(src);
    }
    imports.sort();
    imports.dedup();
    imports
}

/// Selects mvm's own test programs under `dir` (`tests/programs/`): `run` recipes whose
/// optional `exit=N` word gives the exit status the program must end with. They are named
/// `programs/<path>` and counted under their directory.
pub fn select_programs(dir: &Path, std_src: &Path, goos: &str, goarch: &str) -> Result<Vec<Test>, String> {
    let mut tests = Vec::new();
    for path in go_files_under(dir) {
        let Ok(rel) = path.strip_prefix(dir) else { continue };
        let rel = rel.to_string_lossy().into_owned();
        if rel.contains(".dir/") {
            continue;
        }
        let src = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let name = format!("programs/{rel}");
        let sub = Path::new(&rel).parent().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
        let group = if sub.is_empty() { "programs".to_string() } else { format!("programs/{sub}") };
        let Some(mut t) = parse_header(&name, &group, &src, goos, goarch, &[])? else { continue };
        t.root = dir.to_path_buf();
        t.rel = rel;
        // Every word after `run` is the program's: leading `-` words are its flags, not
        // build flags as in gc's recipes.
        let mut words = std::mem::take(&mut t.flags);
        words.append(&mut t.args);
        t.args = words;
        if let Some(i) = t.args.iter().position(|a| a.starts_with("exit=")) {
            let code = t.args.remove(i);
            t.want_exit = code["exit=".len()..].parse().map_err(|_| format!("{name}: bad recipe word {code}"))?;
        }
        t.imports = test_imports(std_src, &t, &src);
        tests.push(t);
    }
    Ok(tests)
}

fn go_files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "go") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recipe_words_and_flags() {
        let src = "// run -gcflags='all=-N -l' -goexperiment fieldtrack -t 10 a b\n\npackage main\n";
        let t = parse_header("x.go", ".", src, "linux", "amd64", &[]).unwrap().unwrap();
        assert_eq!(t.recipe, Recipe::Run);
        assert_eq!(t.flags, ["-gcflags=all=-N -l"]);
        assert_eq!(t.env, [("GOEXPERIMENT".to_string(), "fieldtrack".to_string())]);
        assert_eq!(t.timeout_secs, Some(10));
        assert_eq!(t.args, ["a", "b"]);
    }

    #[test]
    fn programs_take_an_exit_status() {
        let dir = std::env::temp_dir().join(format!("mvm-select-test-{}", std::process::id()));
        fs::create_dir_all(dir.join("std")).unwrap();
        fs::write(dir.join("p.go"), "// run exit=2\n\npackage main\n").unwrap();
        fs::write(dir.join("std/q.go"), "// run\n\npackage main\n\nimport \"fmt\"\n").unwrap();
        let tests = select_programs(&dir, Path::new("/nonexistent"), "linux", "amd64").unwrap();
        let _ = fs::remove_dir_all(&dir);
        assert_eq!(tests.len(), 2);
        assert_eq!((tests[0].name.as_str(), tests[0].dir.as_str(), tests[0].want_exit), ("programs/p.go", "programs", 2));
        assert!(tests[0].args.is_empty());
        assert_eq!((tests[1].name.as_str(), tests[1].dir.as_str(), tests[1].want_exit), ("programs/std/q.go", "programs/std", 0));
        assert_eq!(tests[1].imports, ["fmt"]);
    }

    #[test]
    fn constraints_before_recipe() {
        let src = "//go:build linux && !cgo\n\n// run\n\npackage main\n";
        assert!(parse_header("x.go", ".", src, "linux", "amd64", &[]).unwrap().is_some());
        assert!(parse_header("x.go", ".", src, "darwin", "amd64", &[]).unwrap().is_none());
        let unix = "//go:build unix\n\n// run\n\npackage main\n";
        // gc's runner does not know the unix tag.
        assert!(parse_header("x.go", ".", unix, "linux", "amd64", &[]).unwrap().is_none());
        let errorcheck = "// errorcheck\n\npackage main\n";
        assert!(parse_header("x.go", ".", errorcheck, "linux", "amd64", &[]).unwrap().is_none());
    }
}
