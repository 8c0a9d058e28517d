//! System calls and the process: `internal/runtime/syscall/linux.Syscall6` (the core of
//! every `syscall.Syscall*`), the runtime hooks `syscall`, `os`, `internal/syscall/unix`,
//! `internal/godebug` and `time` pull with `//go:linkname`, and random numbers.
//!
//! System calls are the host's real ones. They block the whole VM while they run;
//! descriptors that can block for long (pipes, sockets) are non-blocking and their
//! goroutines park on the poller instead (`internal/poll`, see `poll`). A `wait4` or
//! `waitid` for a child that has not ended parks the goroutine until a `SIGCHLD`
//! (`WNOHANG` is added and the call retried). Still blocking: reads of a terminal or of
//! an inherited blocking descriptor (os.Stdin), `flock`, and other slow calls.

use super::{Host, NativeError, NativeFn, bytes, put};

/// The native `name` of package `pkg`.
pub(super) fn lookup(pkg: &str, name: &str) -> Option<NativeFn> {
    Some(match (pkg, name) {
        ("internal/runtime/syscall/linux", "Syscall6") => syscall6,
        ("syscall", "rawSyscallNoError") => raw_syscall_no_error,
        ("syscall", "runtime_envs") => envs,
        ("os", "runtime_args") => args,
        ("syscall", "Exit") => |_, a, _| Err(NativeError::Exit(a.first().copied().unwrap_or(0) as i32)),
        ("syscall", "Getpagesize") => |_, _, r| {
            put(r, &[4096]);
            Ok(())
        },
        ("syscall", "runtimeSetenv") => setenv,
        ("syscall", "runtimeUnsetenv") => unsetenv,
        ("syscall", "runtimeClearenv") => |_, _, _| {
            // SAFETY: mvm runs Go code on one thread; no other thread reads the
            // environment while it changes.
            unsafe { libc::clearenv() };
            Ok(())
        },
        (
            "syscall",
            "runtime_BeforeFork" | "runtime_AfterFork" | "runtime_AfterForkInChild" | "runtime_BeforeExec" | "runtime_AfterExec"
            | "runtime_entersyscall" | "runtime_exitsyscall",
        ) => |_, _, _| Ok(()),
        ("os", "runtime_beforeExit" | "ignoreSIGSYS" | "restoreSIGSYS") => |_, _, _| Ok(()),
        ("os", "sigpipe") => |_, _, _| {
            // gc dies of SIGPIPE when a write to a closed pipe fails on stdout or stderr;
            // Rust programs start with SIGPIPE ignored, so restore the default first.
            // SAFETY: plain signal calls on this thread.
            unsafe {
                libc::signal(libc::SIGPIPE, libc::SIG_DFL);
                libc::raise(libc::SIGPIPE);
            }
            Ok(())
        },
        ("internal/syscall/unix", "fcntl") => fcntl,
        ("internal/syscall/unix", "vgetrandom") => |_, _, r| {
            // No vDSO getrandom: the caller falls back to the system call.
            put(r, &[u64::MAX, 0]);
            Ok(())
        },
        ("os" | "math/rand" | "math/rand/v2" | "internal/sync" | "unique" | "hash/maphash" | "net", "runtime_rand") => |_, _, r| {
            put(r, &[crate::rand::next()]);
            Ok(())
        },
        ("sync", "runtime_randn") => |_, a, r| {
            let n = a.first().copied().unwrap_or(1).max(1) as u32;
            put(r, &[((crate::rand::next() >> 32) * u64::from(n)) >> 32]);
            Ok(())
        },
        ("internal/godebug", "setUpdate" | "registerMetric" | "setNewIncNonDefault") => |_, _, _| Ok(()),
        ("internal/godebug", "write") => godebug_write,
        ("time", "now") => time_now,
        ("time", "runtimeNow") => time_now,
        ("time", "runtimeNano") | ("internal/poll", "runtimeNano") | ("internal/sync", "runtime_nanotime") => |_, _, r| {
            put(r, &[nanotime()]);
            Ok(())
        },
        ("time", "runtimeIsBubbled") | ("internal/synctest", "IsInBubble") => |_, _, r| {
            put(r, &[0]);
            Ok(())
        },
        _ => return None,
    })
}

/// `Syscall6(num, a1, ..., a6 uintptr) (r1, r2, errno uintptr)`.
fn syscall6(h: &mut dyn Host, a: &[u64], r: &mut [u64]) -> Result<(), NativeError> {
    let [num, a1, a2, a3, a4, a5, a6] = a else { return Err("Syscall6: arguments".into()) };
    let nohang = libc::WNOHANG as u64;
    match *num as libc::c_long {
        libc::SYS_wait4 if a3 & nohang == 0 => return wait_child(h, r, &[*num, *a1, *a2, a3 | nohang, *a4, *a5, *a6], None),
        libc::SYS_waitid if a4 & nohang == 0 => return wait_child(h, r, &[*num, *a1, *a2, *a3, a4 | nohang, *a5, *a6], Some(*a3)),
        libc::SYS_read if *a1 == 0 && stdin_blocks() && !readable(0) => {
            // A read of a blocking os.Stdin (a terminal, a pipe) that would block: the
            // goroutine parks until the poller sees input, and others run meanwhile.
            if let Ok(key) = h.netpoll()?.wait_readable(0) {
                return Err(NativeError::Park { key, reason: "IO wait" });
            }
        }
        _ => {}
    }
    // SAFETY: the program asked for this system call, as compiled Go does; the kernel
    // checks its arguments.
    let ret = unsafe { libc::syscall(*num as libc::c_long, *a1, *a2, *a3, *a4, *a5, *a6) };
    if ret == -1 {
        let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0) as u64;
        put(r, &[u64::MAX, 0, errno]);
    } else {
        put(r, &[ret as u64, 0, 0]);
    }
    Ok(())
}

/// Whether descriptor 0 is a terminal, pipe or socket in blocking mode (os then reads it
/// with plain blocking `read`s); decided at the first read.
fn stdin_blocks() -> bool {
    use std::sync::atomic::{AtomicU8, Ordering};
    static STDIN: AtomicU8 = AtomicU8::new(0);
    match STDIN.load(Ordering::Relaxed) {
        1 => return true,
        2 => return false,
        _ => {}
    }
    // SAFETY: fstat and fcntl of descriptor 0 into a local.
    let blocks = unsafe {
        let mut st: libc::stat = std::mem::zeroed();
        let kind_ok = libc::fstat(0, &mut st) == 0 && matches!(st.st_mode & libc::S_IFMT, libc::S_IFIFO | libc::S_IFCHR | libc::S_IFSOCK);
        let flags = libc::fcntl(0, libc::F_GETFL);
        kind_ok && flags >= 0 && flags & libc::O_NONBLOCK == 0
    };
    STDIN.store(if blocks { 1 } else { 2 }, Ordering::Relaxed);
    blocks
}

/// Whether `fd` has input (or end of file, or an error) now.
fn readable(fd: i32) -> bool {
    let mut p = libc::pollfd { fd, events: libc::POLLIN, revents: 0 };
    // SAFETY: poll of one local pollfd, without waiting.
    let n = unsafe { libc::poll(&mut p, 1, 0) };
    n != 0
}

/// A `wait4` or `waitid` that would block (`a`: the call with `WNOHANG` added; `info`:
/// waitid's siginfo): the VM runs one thread, so instead of blocking it the goroutine
/// parks until a `SIGCHLD` and tries again.
fn wait_child(h: &mut dyn Host, r: &mut [u64], a: &[u64; 7], info: Option<u64>) -> Result<(), NativeError> {
    // SIGCHLD wakes the poller from now on: a child that ends after the check below
    // still wakes the goroutine.
    super::poll::watch_signals(h)?;
    crate::signals::watch_children();
    if let Some(p) = info.filter(|&p| p != 0) {
        // SAFETY: `p` is the caller's siginfo; si_pid is at byte 16 (zeroed so that
        // "no child yet" is told apart, as waitid(2) advises).
        unsafe { *((p + 16) as *mut i32) = 0 };
    }
    // SAFETY: as in `syscall6`.
    let ret = unsafe { libc::syscall(a[0] as libc::c_long, a[1], a[2], a[3], a[4], a[5], a[6]) };
    if ret == -1 {
        let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0) as u64;
        put(r, &[u64::MAX, 0, errno]);
        return Ok(());
    }
    // SAFETY: as above.
    let none = match info {
        None => ret == 0,
        Some(p) => p != 0 && unsafe { *((p + 16) as *const i32) } == 0,
    };
    if none {
        return Err(NativeError::Park { key: crate::netpoll::CHILD_KEY, reason: "syscall" });
    }
    put(r, &[ret as u64, 0, 0]);
    Ok(())
}

/// `rawSyscallNoError(trap, a1, a2, a3 uintptr) (r1, r2 uintptr)`.
fn raw_syscall_no_error(_: &mut dyn Host, a: &[u64], r: &mut [u64]) -> Result<(), NativeError> {
    let [num, a1, a2, a3] = a else { return Err("rawSyscallNoError: arguments".into()) };
    // SAFETY: as in `syscall6`.
    let ret = unsafe { libc::syscall(*num as libc::c_long, *a1, *a2, *a3) };
    put(r, &[ret as u64, 0]);
    Ok(())
}

/// A `[]string` of `items`.
fn string_slice(h: &mut dyn Host, r: &mut [u64], items: &[Vec<u8>]) -> Result<(), NativeError> {
    let words = h.new_strings(items)?;
    put(r, &words);
    Ok(())
}

fn envs(h: &mut dyn Host, _: &[u64], r: &mut [u64]) -> Result<(), NativeError> {
    use std::os::unix::ffi::OsStringExt;
    let items: Vec<Vec<u8>> = std::env::vars_os()
        .map(|(k, v)| {
            let mut e = k.into_vec();
            e.push(b'=');
            e.extend(v.into_vec());
            e
        })
        .collect();
    string_slice(h, r, &items)
}

fn args(h: &mut dyn Host, _: &[u64], r: &mut [u64]) -> Result<(), NativeError> {
    let items: Vec<Vec<u8>> = h.args().into_iter().map(String::into_bytes).collect();
    string_slice(h, r, &items)
}

/// A NUL-terminated copy of the Go string `ptr, len`.
fn c_string(ptr: u64, len: u64) -> std::ffi::CString {
    // SAFETY: the words are a Go string.
    let b = unsafe { bytes(ptr, len) };
    std::ffi::CString::new(b.iter().copied().filter(|&c| c != 0).collect::<Vec<u8>>()).unwrap_or_default()
}

/// `runtimeSetenv(key, value string)`: keeps the C environment in step with syscall's.
fn setenv(_: &mut dyn Host, a: &[u64], _: &mut [u64]) -> Result<(), NativeError> {
    let [kp, kl, vp, vl] = a else { return Err("setenv: arguments".into()) };
    let (k, v) = (c_string(*kp, *kl), c_string(*vp, *vl));
    // SAFETY: NUL-terminated strings; one thread runs Go code.
    unsafe { libc::setenv(k.as_ptr(), v.as_ptr(), 1) };
    Ok(())
}

fn unsetenv(_: &mut dyn Host, a: &[u64], _: &mut [u64]) -> Result<(), NativeError> {
    let [kp, kl] = a else { return Err("unsetenv: arguments".into()) };
    let k = c_string(*kp, *kl);
    // SAFETY: as in `setenv`.
    unsafe { libc::unsetenv(k.as_ptr()) };
    Ok(())
}

/// `fcntl(fd int32, cmd int32, arg int32) (int32, int32)`: the result and errno.
fn fcntl(_: &mut dyn Host, a: &[u64], r: &mut [u64]) -> Result<(), NativeError> {
    let [fd, cmd, arg] = a else { return Err("fcntl: arguments".into()) };
    // SAFETY: a plain fcntl on a descriptor number; the kernel checks it.
    let ret = unsafe { libc::fcntl(*fd as i32, *cmd as i32, *arg as i32) };
    let errno = if ret == -1 { std::io::Error::last_os_error().raw_os_error().unwrap_or(0) } else { 0 };
    put(r, &[ret as i64 as u64, errno as i64 as u64]);
    Ok(())
}

/// `write(fd uintptr, p unsafe.Pointer, n int32) int32`.
fn godebug_write(_: &mut dyn Host, a: &[u64], r: &mut [u64]) -> Result<(), NativeError> {
    let [fd, p, n] = a else { return Err("write: arguments".into()) };
    // SAFETY: `p` points to `n` bytes the caller owns.
    let ret = unsafe { libc::write(*fd as i32, *p as *const libc::c_void, *n as u32 as usize) };
    put(r, &[ret as i64 as u64]);
    Ok(())
}

/// The monotonic clock in nanoseconds.
pub fn nanotime() -> u64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid timespec to fill.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    (ts.tv_sec as u64).wrapping_mul(1_000_000_000).wrapping_add(ts.tv_nsec as u64)
}

/// `now() (sec int64, nsec int32, mono int64)`: wall clock and monotonic clock.
fn time_now(_: &mut dyn Host, _: &[u64], r: &mut [u64]) -> Result<(), NativeError> {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: as in `nanotime`.
    unsafe { libc::clock_gettime(libc::CLOCK_REALTIME, &mut ts) };
    put(r, &[ts.tv_sec as u64, ts.tv_nsec as u64, nanotime()]);
    Ok(())
}
