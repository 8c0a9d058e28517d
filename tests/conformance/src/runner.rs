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
    /// Run with `--jit` and the JIT's threshold at 1 (differential testing).
    pub jit: bool,
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
        Ok(out) => compare(t, &out),
        Err(why) => Outcome::Fail(why),
    }
}

fn run_recipe(env: &Env, t: &Test, tmp: &Path) -> Result<Vec<u8>, String> {
    let timeout = t.timeout_secs.map_or(env.timeout, |s| env.timeout.max(Duration::from_secs(s)));
    let flags = build_flags(t);
    // Intermediate steps (runoutput's generator) must exit 0; the last one as the test says.
    let mvm_step = |dir: &Path, extra: &[&str], target: &[String], args: &[String], want_exit: i32| -> Result<Vec<u8>, String> {
        let mut cmd = Command::new(&env.mvm);
        cmd.arg("run");
        if env.jit {
            cmd.arg("--jit").env("MVM_JIT_THRESHOLD", "1");
        }
        cmd.args(&flags).args(extra).args(target).args(args);
        cmd.current_dir(dir).env("PWD", dir).env("GOENV", "off").env("GOFLAGS", "");
        for (k, v) in &t.env {
            cmd.env(k, v);
        }
        execute(cmd, tmp, timeout, want_exit)
    };
    let mvm_run = |dir: &Path, extra: &[&str], target: &[String], args: &[String]| mvm_step(dir, extra, target, args, t.want_exit);
    let root = &t.root;
    let sources = t.dir_sources().to_string_lossy().into_owned();
    match t.recipe {
        Recipe::Run => mvm_run(root, &[], std::slice::from_ref(&t.rel), &t.args),
        Recipe::BuildRun => mvm_run(tmp, &[], &[root.join(&t.rel).to_string_lossy().into_owned()], &t.args),
        Recipe::BuildRunDir => mvm_run(tmp, &[], &[sources], &t.args),
        Recipe::RunDir => {
            let mut extra = vec!["--rundir"];
            if t.single_file_pkgs {
                extra.push("--rundir-single-file-pkgs");
            }
            mvm_run(tmp, &extra, &[sources], &t.args)
        }
        Recipe::RunOutput => {
            let generated = mvm_step(root, &[], std::slice::from_ref(&t.rel), &t.args, 0)?;
            let file = tmp.join("tmp__.go");
            fs::write(&file, generated).map_err(|e| format!("harness: {e}"))?;
            mvm_run(root, &[], &[file.to_string_lossy().into_owned()], &[])
        }
        Recipe::RunInDir => {
            let src = t.dir_sources();
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
fn execute(mut cmd: Command, tmp: &Path, timeout: Duration, want_exit: i32) -> Result<Vec<u8>, String> {
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
    if status.code() != Some(want_exit) {
        // The first line that says something: `# pkg` is only the go command's header.
        let text = String::from_utf8_lossy(&out);
        let first = text.lines().find(|l| !l.starts_with("# ")).unwrap_or("").chars().take(160).collect::<String>();
        let code = status.code().map_or_else(|| "killed by a signal".to_string(), |c| format!("exit status {c}"));
        let want = if want_exit == 0 { String::new() } else { format!(" (want {want_exit})") };
        return Err(format!("{code}{want}: {first}"));
    }
    Ok(out)
}

/// Compares bytes, not text: a program may print invalid UTF-8 on purpose. Like gc's
/// runner, CRLF line ends count as LF (in the expected output too: mvm's programs'
/// `.out` files are what the program printed, CRLF included).
fn compare(t: &Test, out: &[u8]) -> Outcome {
    let want = crlf_to_lf(&fs::read(t.out_file()).unwrap_or_default());
    let mut got = crlf_to_lf(out);
    if t.want_exit != 0 {
        truncate_after_goroutine_line(&mut got);
    }
    if got == want {
        return Outcome::Pass;
    }
    let got_lines: Vec<&[u8]> = got.split(|&b| b == b'\n').collect();
    let want_lines: Vec<&[u8]> = want.split(|&b| b == b'\n').collect();
    let n = got_lines.iter().zip(&want_lines).take_while(|(a, b)| a == b).count();
    let show = |l: Option<&&[u8]>| String::from_utf8_lossy(l.copied().unwrap_or_default()).chars().take(60).collect::<String>();
    Outcome::Fail(format!(
        "output differs at line {}: got {:?}, want {:?}",
        n + 1,
        show(got_lines.get(n)),
        show(want_lines.get(n)),
    ))
}

fn crlf_to_lf(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len());
    for (i, &c) in b.iter().enumerate() {
        if !(c == b'\r' && b.get(i + 1) == Some(&b'\n')) {
            out.push(c);
        }
    }
    out
}

/// Cuts `out` after its first line that starts with `goroutine ` (the header of a stack
/// trace), keeping that line.
fn truncate_after_goroutine_line(out: &mut Vec<u8>) {
    let mut offset = 0;
    for line in out.split_inclusive(|&b| b == b'\n') {
        offset += line.len();
        if line.starts_with(b"goroutine ") {
            out.truncate(offset);
            return;
        }
    }
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

#[cfg(test)]
mod tests {
    use super::{crlf_to_lf, truncate_after_goroutine_line};

    #[test]
    fn keeps_output_through_the_goroutine_header() {
        let mut s = b"before\npanic: boom\n\ngoroutine 1 [running]:\nmain.main()\n\t/x.go:3 +0x1\n".to_vec();
        truncate_after_goroutine_line(&mut s);
        assert_eq!(s, b"before\npanic: boom\n\ngoroutine 1 [running]:\n");
        let mut plain = b"no trace\n".to_vec();
        truncate_after_goroutine_line(&mut plain);
        assert_eq!(plain, b"no trace\n");
    }

    #[test]
    fn only_crlf_pairs_become_lf() {
        assert_eq!(crlf_to_lf(b"a\r\nb\rc\xff\r"), b"a\nb\rc\xff\r");
    }
}
