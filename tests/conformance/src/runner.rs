//! Running one test with `mvm`, as gc's runner runs it with `go`: same working
//! directory, same environment additions, combined stdout+stderr, exit status 0, and
//! output equal to the `.out` file.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::select::{Recipe, Test};

/// What happened to one test.
#[derive(Clone, Debug)]
pub enum Outcome {
    Pass,
    /// A one-line description of the failure.
    Fail(String),
}

/// Everything a test run needs besides the test.
pub struct Env {
    pub mvm: PathBuf,
    pub test_root: PathBuf,
    pub timeout: Duration,
    pub scratch: PathBuf,
}

/// Runs one test and compares its output.
pub fn run(env: &Env, t: &Test, index: usize) -> Outcome {
    let tmp = env.scratch.join(format!("t{index}"));
    if let Err(e) = fs::create_dir_all(&tmp) {
        return Outcome::Fail(format!("harness: cannot create {}: {e}", tmp.display()));
    }
    let result = run_recipe(env, t, &tmp);
    let _ = fs::remove_dir_all(&tmp);
    match result {
        Ok(out) => compare(env, t, &out),
        Err(why) => Outcome::Fail(why),
    }
}

fn run_recipe(env: &Env, t: &Test, tmp: &Path) -> Result<Vec<u8>, String> {
    let timeout = t.timeout_secs.map_or(env.timeout, |s| env.timeout.max(Duration::from_secs(s)));
    let flags = build_flags(t);
    let mvm_run = |dir: &Path, extra: &[&str], target: &[String], args: &[String]| -> Result<Vec<u8>, String> {
        let mut cmd = Command::new(&env.mvm);
        cmd.arg("run").args(&flags).args(extra).args(target).args(args);
        cmd.current_dir(dir).env("PWD", dir).env("GOENV", "off").env("GOFLAGS", "");
        for (k, v) in &t.env {
            cmd.env(k, v);
        }
        execute(cmd, tmp, timeout)
    };
    let root = &env.test_root;
    let abs = |rel: &str| root.join(rel).to_string_lossy().into_owned();
    match t.recipe {
        Recipe::Run => mvm_run(root, &[], &[t.name.clone()], &t.args),
        Recipe::BuildRun => mvm_run(tmp, &[], &[abs(&t.name)], &t.args),
        Recipe::BuildRunDir => mvm_run(tmp, &[], &[abs(&t.dir_sources())], &t.args),
        Recipe::RunDir => {
            let mut extra = vec!["--rundir"];
            if t.single_file_pkgs {
                extra.push("--rundir-single-file-pkgs");
            }
            mvm_run(tmp, &extra, &[abs(&t.dir_sources())], &t.args)
        }
        Recipe::RunOutput => {
            let generated = mvm_run(root, &[], &[t.name.clone()], &t.args)?;
            let file = tmp.join("tmp__.go");
            fs::write(&file, generated).map_err(|e| format!("harness: {e}"))?;
            mvm_run(root, &[], &[file.to_string_lossy().into_owned()], &[])
        }
        Recipe::RunInDir => {
            let src = root.join(t.dir_sources());
            let module = src.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let moddir = tmp.join("src").join(&module);
            copy_tree(&src, &moddir).map_err(|e| format!("harness: copying {}: {e}", src.display()))?;
            let version = t.gomodversion.as_deref().unwrap_or("1.14");
            fs::write(moddir.join("go.mod"), format!("module {module}\ngo {version}\n")).map_err(|e| format!("harness: {e}"))?;
            mvm_run(&moddir, &[], &[".".to_string()], &[])
        }
    }
}

/// The `mvm run` flags for a test. A rundir recipe's flags are gc compiler flags, up to
/// `-ldflags`, after which they are linker flags; the other recipes give go command flags.
fn build_flags(t: &Test) -> Vec<String> {
    if t.recipe != Recipe::RunDir {
        return t.flags.clone();
    }
    let (gc, ld) = match t.flags.iter().position(|f| f == "-ldflags") {
        Some(i) => (&t.flags[..i], &t.flags[i + 1..]),
        None => (&t.flags[..], &[][..]),
    };
    let mut flags = Vec::new();
    if !gc.is_empty() {
        flags.push(format!("--gcflags={}", gc.join(" ")));
    }
    if !ld.is_empty() {
        flags.push(format!("--ldflags={}", ld.join(" ")));
    }
    flags
}

/// Runs `cmd` with stdout and stderr going to one file, so that their interleaving is
/// kept as gc's runner keeps it, and kills it after `timeout`.
fn execute(mut cmd: Command, tmp: &Path, timeout: Duration) -> Result<Vec<u8>, String> {
    let out_path = tmp.join("output");
    let file = fs::File::create(&out_path).map_err(|e| format!("harness: {e}"))?;
    let file2 = file.try_clone().map_err(|e| format!("harness: {e}"))?;
    cmd.stdin(Stdio::null()).stdout(Stdio::from(file)).stderr(Stdio::from(file2));
    let mut child = cmd.spawn().map_err(|e| format!("harness: cannot start {}: {e}", Path::new(cmd.get_program()).display()))?;
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() > timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("timed out after {}s", timeout.as_secs()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(format!("harness: wait: {e}")),
        }
    };
    let out = fs::read(&out_path).map_err(|e| format!("harness: {e}"))?;
    if !status.success() {
        let first = String::from_utf8_lossy(&out).lines().next().unwrap_or("").chars().take(160).collect::<String>();
        let code = status.code().map_or_else(|| "killed by a signal".to_string(), |c| format!("exit status {c}"));
        return Err(format!("{code}: {first}"));
    }
    Ok(out)
}

fn compare(env: &Env, t: &Test, out: &[u8]) -> Outcome {
    let want = fs::read(env.test_root.join(t.out_file())).unwrap_or_default();
    let got = String::from_utf8_lossy(out).replace("\r\n", "\n");
    if got.as_bytes() == want.as_slice() {
        return Outcome::Pass;
    }
    let got_lines: Vec<&str> = got.lines().collect();
    let want_text = String::from_utf8_lossy(&want);
    let want_lines: Vec<&str> = want_text.lines().collect();
    let n = got_lines.iter().zip(&want_lines).take_while(|(a, b)| a == b).count();
    Outcome::Fail(format!(
        "output differs at line {}: got {:?}, want {:?}",
        n + 1,
        got_lines.get(n).map(|s| s.chars().take(60).collect::<String>()).unwrap_or_default(),
        want_lines.get(n).map(|s| s.chars().take(60).collect::<String>()).unwrap_or_default(),
    ))
}

fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::create_dir_all(to)?;
    for e in fs::read_dir(from)? {
        let e = e?;
        let target = to.join(e.file_name());
        if e.file_type()?.is_dir() {
            copy_tree(&e.path(), &target)?;
        } else {
            fs::copy(e.path(), target)?;
        }
    }
    Ok(())
}
