//! The `mvm` command's behaviour as a user sees it: exit statuses and output shape.

use std::process::{Command, Output};

fn mvm(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mvm")).args(args).output().expect("cannot start mvm")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn version_names_mvm_goroot_and_go_version() {
    let o = mvm(&["version"]);
    let out = stdout(&o);
    let (goos, goarch) = mvm::host_platform();
    assert!(out.starts_with(&format!("mvm version {} {goos}/{goarch}\n", mvm::VERSION)), "{out}");
    if let Ok(root) = mvm::GoRoot::discover() {
        assert!(o.status.success());
        assert!(out.contains(&format!("GOROOT {}\n", root.path.display())), "{out}");
        assert!(out.contains(&format!("Go version {}\n", root.version)), "{out}");
        assert!(root.version.starts_with("go1."), "{}", root.version);
    }
}

#[test]
fn version_reports_a_missing_goroot() {
    let o = Command::new(env!("CARGO_BIN_EXE_mvm"))
        .arg("version")
        .env("MVM_GOROOT", "/nonexistent/mvm-goroot")
        .output()
        .expect("cannot start mvm");
    // MVM_GOROOT is tried first; a bad value must be reported if nothing else is found,
    // and skipped (not fatal) when a later candidate works.
    if o.status.success() {
        assert!(stdout(&o).contains("GOROOT "));
    } else {
        assert!(stderr(&o).contains("$MVM_GOROOT = /nonexistent/mvm-goroot: does not exist"), "{}", stderr(&o));
    }
}

#[test]
fn help_lists_every_command() {
    let o = mvm(&["help"]);
    assert!(o.status.success());
    let out = stdout(&o);
    for cmd in ["run", "check", "test", "version", "help"] {
        assert!(out.contains(&format!("  {cmd} ")), "help does not list {cmd}:\n{out}");
    }
    let o = mvm(&["help", "run"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("mvm run [flags] FILE.go... | DIR | - [arguments...]"));
    let o = mvm(&["help", "nosuch"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn unbuilt_commands_say_so_in_one_line_and_exit_2() {
    let o = mvm(&["test", "./..."]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("mvm test: not implemented yet: "), "{err}");
    assert!(stdout(&o).is_empty());
}

fn example(name: &str) -> String {
    format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn run_executes_the_example_with_go_style_flags() {
    // Single-dash long flags before the file are mvm's; words after it are the program's.
    let o = mvm(&["run", "-gcflags=-N -l", "-jit", &example("hello.go"), "-x", "--y"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // println writes to standard error, as in gc.
    assert_eq!(stderr(&o), "hello from mvm; sum of squares 1..10 = 385\n");
    assert!(stdout(&o).is_empty());
}

#[test]
fn run_reports_a_missing_file_as_go_does() {
    let o = mvm(&["run", "/nonexistent/mvm/main.go"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), "stat /nonexistent/mvm/main.go: no such file or directory\n");
}

#[test]
fn run_reports_type_errors_with_positions_and_exit_1() {
    let dir = std::env::temp_dir().join(format!("mvm-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad.go");
    std::fs::write(&file, "package main\n\nfunc main() {\n\tx := 1\n\ty := \"a\" + 1\n}\n").unwrap();
    let o = mvm(&["run", &file.to_string_lossy()]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let f = file.display();
    assert_eq!(
        err,
        format!(
            "# command-line-arguments\n{f}:4:2: declared and not used: x\n{f}:5:2: declared and not used: y\n\
             {f}:5:7: invalid operation: \"a\" + 1 (mismatched types untyped string and untyped int)\n"
        )
    );
}

#[test]
fn run_reports_an_unrecovered_panic_with_exit_2() {
    let dir = std::env::temp_dir().join(format!("mvm-cli-panic-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("p.go");
    std::fs::write(&file, "package main\n\nfunc main() {\n\ta := []int{1}\n\ti := 5\n\tprintln(a[i])\n}\n").unwrap();
    let o = mvm(&["run", &file.to_string_lossy()]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.starts_with("panic: runtime error: index out of range [5] with length 1\n\ngoroutine 1 [running]:\nmain.main("),
        "{err}"
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(mvm(&[]).status.code(), Some(2));
    assert_eq!(mvm(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(mvm(&["run"]).status.code(), Some(2));
}

#[test]
fn check_type_checks_std_and_reports_errors() {
    let o = mvm(&["check", "std"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).is_empty());
    let dir = std::env::temp_dir().join(format!("mvm-cli-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("c.go");
    std::fs::write(&file, "package main\n\nfunc main() {\n\tvar b int8 = 300\n\t_ = nosuch\n}\n").unwrap();
    let o = mvm(&["check", &file.to_string_lossy()]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), format!(
            "{f}:4:6: declared and not used: b\n\
             {f}:4:15: cannot use 300 (untyped int constant) as int8 value in variable declaration (overflows)\n\
             {f}:5:6: undefined: nosuch\n",
            f = file.display()
        ));
}

#[test]
fn run_sets_string_variables_from_ldflags_x() {
    let dir = std::env::temp_dir().join(format!("mvm-cli-ldflags-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("x.go");
    std::fs::write(&file, "package main\n\nvar msg = \"default\"\nvar n = 1\n\nfunc main() {\n\tprintln(msg, n)\n}\n").unwrap();
    let f = file.to_string_lossy().into_owned();
    let plain = mvm(&["run", &f]);
    // A setting naming no variable is ignored; one naming a non-string is an error, as in gc's linker.
    let set = mvm(&["run", "-ldflags=-X 'main.msg=from the linker' -X main.none=5", &f]);
    let wrong = mvm(&["run", "-ldflags=-X main.n=5", &f]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(stderr(&plain), "default 1\n");
    assert_eq!(stderr(&set), "from the linker 1\n");
    assert_eq!(wrong.status.code(), Some(1));
    assert_eq!(stderr(&wrong), "# command-line-arguments\nmain.n: cannot set with -X: not a var of type string (type:int)\n");
}

/// 100 MB through `bufio.Scanner` on stdin and `bufio.Writer` on stdout (issue 13).
#[test]
fn run_reads_100_mb_from_stdin_with_bufio() {
    use std::io::{Read, Write};
    let prog = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/stdin/scan_lines.go");
    let mut child = Command::new(env!("CARGO_BIN_EXE_mvm"))
        .args(["run", prog])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("cannot start mvm");
    // Lines of varying length (1..199 bytes), about 100 MB in all.
    let line = |i: u64| -> Vec<u8> {
        let len = 1 + (i * 7919 % 199) as usize;
        (0..len).map(|k| b'a' + ((i as usize + k) % 26) as u8).collect()
    };
    let mut expected = String::new();
    let (mut lines, mut bytes, mut hash) = (0u64, 0u64, 0xcbf2_9ce4_8422_2325u64);
    let mut input = Vec::with_capacity(101 << 20);
    while input.len() < 100 << 20 {
        let l = line(lines);
        for &b in &l {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        lines += 1;
        bytes += l.len() as u64 + 1;
        if lines % 10_000 == 0 {
            expected.push_str(std::str::from_utf8(&l).unwrap_or_default());
            expected.push('\n');
        }
        input.extend_from_slice(&l);
        input.push(b'\n');
    }
    expected.push_str(&format!("{lines} lines, {bytes} bytes, fnv {hash:016x}\n"));
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let mut out = String::new();
    child.stdout.take().expect("stdout").read_to_string(&mut out).expect("read stdout");
    let o = child.wait_with_output().expect("wait");
    writer.join().expect("writer thread").expect("write stdin");
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(out, expected);
}

#[test]
fn sigint_without_notify_kills_the_program_as_in_gc() {
    use std::os::unix::process::ExitStatusExt;
    let dir = std::env::temp_dir().join(format!("mvm-cli-sigint-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("main.go");
    // SIGINT's default action ends the process (gc's handler does the same when no
    // channel is notified); after signal.Reset the default is back.
    for (name, prelude) in [("plain", ""), ("reset", "signal.Notify(make(chan os.Signal, 1), os.Interrupt); signal.Reset(os.Interrupt)")] {
        let src = format!(
            "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\t\"os/signal\"\n\t\"syscall\"\n\t\"time\"\n)\n\nvar _ = signal.Ignored\n\nfunc main() {{\n\t{prelude}\n\tfmt.Println(\"before\")\n\tsyscall.Kill(os.Getpid(), syscall.SIGINT)\n\ttime.Sleep(time.Second)\n\tfmt.Println(\"still alive\")\n}}\n"
        );
        std::fs::write(&file, src).expect("write main.go");
        let o = mvm(&["run", file.to_str().expect("utf-8 path")]);
        assert_eq!(o.status.signal(), Some(libc_sigint()), "{name}: {:?} {}", o.status, stderr(&o));
        assert_eq!(stdout(&o), "before\n", "{name}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn libc_sigint() -> i32 {
    2
}

#[test]
fn reading_a_blocking_stdin_parks_only_the_reader() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::Stdio;
    let dir = std::env::temp_dir().join(format!("mvm-cli-stdin-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("main.go");
    std::fs::write(
        &file,
        "package main\n\nimport (\n\t\"bufio\"\n\t\"fmt\"\n\t\"os\"\n\t\"time\"\n)\n\nfunc main() {\n\tticks := make(chan int)\n\tgo func() {\n\t\tn := 0\n\t\tfor {\n\t\t\ttime.Sleep(5 * time.Millisecond)\n\t\t\tn++\n\t\t\tselect {\n\t\t\tcase ticks <- n:\n\t\t\tdefault:\n\t\t\t}\n\t\t}\n\t}()\n\tfmt.Println(\"ready\")\n\tline, _ := bufio.NewReader(os.Stdin).ReadString('\\n')\n\tn := 0\n\tselect {\n\tcase n = <-ticks:\n\tcase <-time.After(time.Second):\n\t}\n\tfmt.Printf(\"%q ticked while reading: %v\\n\", line, n > 10)\n}\n",
    )
    .expect("write main.go");
    let mut child = Command::new(env!("CARGO_BIN_EXE_mvm"))
        .args(["run", file.to_str().expect("utf-8 path")])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("cannot start mvm");
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    let mut first = String::new();
    out.read_line(&mut first).expect("read ready");
    assert_eq!(first, "ready\n");
    std::thread::sleep(std::time::Duration::from_millis(300));
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(b"hello\n").expect("write stdin");
    drop(stdin);
    let mut rest = String::new();
    out.read_line(&mut rest).expect("read result");
    assert!(child.wait().expect("wait").success());
    assert_eq!(rest, "\"hello\\n\" ticked while reading: true\n");
    let _ = std::fs::remove_dir_all(&dir);
}
