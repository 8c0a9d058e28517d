//! Running one process and measuring it: wall time, peak RSS, exit status, and
//! a fingerprint of its output.
//!
//! The output is hashed as it streams rather than stored, so that programs
//! writing tens of megabytes (fasta, reverse-complement, mandelbrot) cost no
//! memory; the first bytes are kept to show what differs on a mismatch.
//! Each process runs in a process group of its own so that a timeout kills
//! everything it started (`go run` starts the built program as a child).

use std::ffi::OsString;
use std::fs::File;
use std::io::{self, Read};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// How many leading bytes of each stream are kept for messages.
const HEAD_BYTES: usize = 4096;

/// A process to run.
#[derive(Clone, Debug)]
pub struct Invocation {
    /// The executable.
    pub program: PathBuf,
    /// Its arguments.
    pub args: Vec<OsString>,
    /// Its working directory.
    pub cwd: PathBuf,
    /// A file to use as standard input (an empty pipe when absent).
    pub stdin: Option<PathBuf>,
    /// Kill the process (group) after this long.
    pub timeout: Duration,
}

impl Invocation {
    /// The command line, for messages.
    pub fn display(&self) -> String {
        let mut s = self.program.display().to_string();
        for a in &self.args {
            s.push(' ');
            s.push_str(&a.to_string_lossy());
        }
        if let Some(input) = &self.stdin {
            s.push_str(&format!(" < {}", input.display()));
        }
        s
    }
}

/// A fingerprint of everything a process wrote to one stream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Capture {
    /// Total bytes.
    pub len: u64,
    /// FNV-1a 64 over all bytes: enough to tell outputs apart, not a defence
    /// against an adversary.
    pub hash: u64,
    /// The first `HEAD_BYTES` bytes.
    pub head: Vec<u8>,
}

impl Capture {
    /// Whether two captures saw the same bytes.
    pub fn same(&self, other: &Capture) -> bool {
        self.len == other.len && self.hash == other.hash
    }

    /// The first line of the captured text (lossily decoded), trimmed.
    pub fn first_line(&self) -> String {
        let text = String::from_utf8_lossy(&self.head);
        text.lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("")
            .to_string()
    }
}

/// How a process ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// Exited with this status.
    Code(i32),
    /// Killed by this signal.
    Signal(i32),
    /// Killed by us after the timeout.
    TimedOut,
}

impl Exit {
    /// Whether this is a clean exit 0.
    pub fn success(self) -> bool {
        self == Exit::Code(0)
    }
}

impl std::fmt::Display for Exit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Exit::Code(c) => write!(f, "exit status {c}"),
            Exit::Signal(s) => write!(f, "killed by signal {s}"),
            Exit::TimedOut => write!(f, "timed out"),
        }
    }
}

/// What one run produced.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// From just before spawning to the moment the process exited.
    pub wall: Duration,
    /// Peak resident set size in KiB (`ru_maxrss`: the largest of the process
    /// and the descendants it waited for).
    pub max_rss_kib: u64,
    /// How it ended.
    pub exit: Exit,
    /// Standard output.
    pub stdout: Capture,
    /// Standard error.
    pub stderr: Capture,
}

/// Runs `inv` to completion (or to its timeout) and measures it.
pub fn run(inv: &Invocation) -> io::Result<Outcome> {
    // An empty pipe rather than /dev/null when there is no input: other tools
    // on a shared machine have been seen replacing /dev/null with a file.
    let stdin = match &inv.stdin {
        Some(path) => Stdio::from(File::open(path)?),
        None => Stdio::piped(),
    };
    let mut cmd = Command::new(&inv.program);
    cmd.args(&inv.args)
        .current_dir(&inv.cwd)
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);

    let start = Instant::now();
    let mut child = cmd.spawn()?;
    let pid = child.id() as libc::pid_t;
    drop(child.stdin.take());
    let out_reader = child
        .stdout
        .take()
        .map(|s| thread::spawn(move || capture(s)));
    let err_reader = child
        .stderr
        .take()
        .map(|s| thread::spawn(move || capture(s)));

    let (stop, stopped) = mpsc::channel::<()>();
    let timeout = inv.timeout;
    let watchdog = thread::spawn(move || match stopped.recv_timeout(timeout) {
        Err(mpsc::RecvTimeoutError::Timeout) => {
            // SAFETY: kill has no memory effects; the group cannot have been
            // reused because its leader is not reaped until after this thread ends.
            unsafe { libc::kill(-pid, libc::SIGKILL) };
            true
        }
        _ => false,
    });

    // Wait for the exit without reaping, so that the pid (and process group)
    // stays ours until the watchdog has finished.
    let waited = wait_exit(pid);
    let wall = start.elapsed();
    let _ = stop.send(());
    let timed_out = watchdog.join().unwrap_or(false);
    waited?;

    let mut status: libc::c_int = 0;
    // SAFETY: rusage is plain old data, for which all-zero bytes are valid.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: pid is our unreaped child; both pointers are to live locals.
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    if reaped < 0 {
        return Err(io::Error::last_os_error());
    }
    // Anything the process left behind in its group (a `go run` child whose
    // parent died) would keep the pipes open and the readers blocked.
    // SAFETY: as above; ESRCH when the group is empty is harmless.
    unsafe { libc::kill(-pid, libc::SIGKILL) };

    let join = |h: Option<thread::JoinHandle<io::Result<Capture>>>| -> io::Result<Capture> {
        match h {
            Some(h) => h
                .join()
                .map_err(|_| io::Error::other("output reader panicked"))?,
            None => Ok(Capture {
                len: 0,
                hash: FNV_OFFSET,
                head: Vec::new(),
            }),
        }
    };
    let stdout = join(out_reader)?;
    let stderr = join(err_reader)?;

    let exit = if timed_out {
        Exit::TimedOut
    } else if libc::WIFEXITED(status) {
        Exit::Code(libc::WEXITSTATUS(status))
    } else {
        Exit::Signal(libc::WTERMSIG(status))
    };
    let max_rss_kib = u64::try_from(usage.ru_maxrss).unwrap_or(0);
    Ok(Outcome {
        wall,
        max_rss_kib,
        exit,
        stdout,
        stderr,
    })
}

/// Blocks until `pid` has exited, leaving it unreaped.
fn wait_exit(pid: libc::pid_t) -> io::Result<()> {
    loop {
        // SAFETY: siginfo_t is plain old data; the pointer is to a live local.
        let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
        // SAFETY: as above.
        let r = unsafe {
            libc::waitid(
                libc::P_PID,
                pid as libc::id_t,
                &mut info,
                libc::WEXITED | libc::WNOWAIT,
            )
        };
        if r == 0 {
            return Ok(());
        }
        let err = io::Error::last_os_error();
        if err.kind() != io::ErrorKind::Interrupted {
            return Err(err);
        }
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Reads a stream to its end, hashing it and keeping its head.
fn capture(mut r: impl Read) -> io::Result<Capture> {
    let mut c = Capture {
        len: 0,
        hash: FNV_OFFSET,
        head: Vec::new(),
    };
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = match r.read(&mut buf) {
            Ok(0) => return Ok(c),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let chunk = buf.get(..n).unwrap_or_default();
        c.hash = fnv1a(c.hash, chunk);
        c.len += n as u64;
        let room = HEAD_BYTES.saturating_sub(c.head.len());
        c.head
            .extend_from_slice(chunk.get(..room.min(n)).unwrap_or_default());
    }
}

/// Continues an FNV-1a 64 hash over `bytes`.
fn fnv1a(mut hash: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(FNV_PRIME);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sh(script: &str, timeout: Duration) -> Outcome {
        let inv = Invocation {
            program: "/bin/sh".into(),
            args: vec!["-c".into(), script.into()],
            cwd: std::env::temp_dir(),
            stdin: None,
            timeout,
        };
        match run(&inv) {
            Ok(o) => o,
            Err(e) => panic!("running {script}: {e}"),
        }
    }

    #[test]
    fn captures_both_streams_and_the_status() {
        let o = sh(
            "printf 'hello\\n'; printf 'oops\\nmore\\n' >&2; exit 3",
            Duration::from_secs(30),
        );
        assert_eq!(o.exit, Exit::Code(3));
        assert_eq!(o.stdout.head, b"hello\n");
        assert_eq!(o.stdout.len, 6);
        assert_eq!(o.stderr.first_line(), "oops");
        assert!(o.max_rss_kib > 0);
    }

    #[test]
    fn equal_outputs_fingerprint_equally_and_large_ones_keep_only_a_head() {
        let a = sh("head -c 100000 /dev/zero", Duration::from_secs(30));
        let b = sh("head -c 100000 /dev/zero", Duration::from_secs(30));
        let c = sh("head -c 99999 /dev/zero; printf x", Duration::from_secs(30));
        assert!(a.stdout.same(&b.stdout));
        assert!(!a.stdout.same(&c.stdout));
        assert_eq!(a.stdout.len, 100000);
        assert_eq!(a.stdout.head.len(), HEAD_BYTES);
    }

    #[test]
    fn a_hanging_process_and_its_children_are_killed() {
        let o = sh("sleep 30 & sleep 30", Duration::from_millis(300));
        assert_eq!(o.exit, Exit::TimedOut);
    }

    #[test]
    fn fnv_matches_the_reference_vector() {
        // FNV-1a 64 of "a" from the algorithm's published test vectors.
        assert_eq!(fnv1a(FNV_OFFSET, b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(
            fnv1a(fnv1a(FNV_OFFSET, b"fo"), b"o"),
            fnv1a(FNV_OFFSET, b"foo")
        );
    }
}
