//! Starting processes: `syscall.forkAndExecInChild1`, which in gc forks and then runs
//! Go code in the child until `execve`. mvm cannot run its interpreter in a forked
//! child, so this native does the child's part in Rust with raw system calls only
//! (what is safe between `fork` and `execve`): move the descriptors of
//! `ProcAttr.Files` into place, `chroot`, `chdir`, `setsid`/`setpgid`, restore the
//! default disposition of SIGPIPE (mvm, like every Rust program, ignores it, and an
//! ignored signal stays ignored across `execve`), then `execve`; a failure is reported
//! to the parent as gc does, by writing the errno to `pipe`.
//!
//! Supported `SysProcAttr` fields: `Chroot` (through the `chroot` argument), `Setsid`,
//! `Setpgid` with `Pgid`. Namespaces, credentials, ptrace, controlling terminals and
//! pidfds are not (a pidfd is reported as absent, -1, and os falls back to the pid).

use super::{Host, NativeError, NativeFn, put};

/// The native `name` of package `pkg`.
pub(super) fn lookup(pkg: &str, name: &str) -> Option<NativeFn> {
    match (pkg, name) {
        ("syscall", "forkAndExecInChild1") => Some(fork_and_exec),
        // Only os's check for clone(CLONE_PIDFD) calls it (a vfork whose child runs Go
        // code, which mvm cannot do): pidfds are reported absent, and os waits for
        // children by pid (parking on SIGCHLD, see `sys`).
        ("syscall", "rawVforkSyscall") => Some(|_, _, r| {
            put(r, &[u64::MAX, libc::ENOSYS as u64]);
            Ok(())
        }),
        _ => None,
    }
}

/// Offsets in `syscall.SysProcAttr` (linux, 64-bit) of the fields honoured.
const SYS_SETSID: u64 = 25;
const SYS_SETPGID: u64 = 26;
const SYS_PGID: u64 = 48;
/// Offset of `Files []uintptr` in `syscall.ProcAttr`.
const ATTR_FILES: u64 = 40;

/// `forkAndExecInChild1(argv0 *byte, argv, envv []*byte, chroot, dir *byte, attr
/// *ProcAttr, sys *SysProcAttr, pipe int) (pid uintptr, pidfd int32, err1 Errno,
/// mapPipe [2]int, locked bool)`.
fn fork_and_exec(_: &mut dyn Host, a: &[u64], r: &mut [u64]) -> Result<(), NativeError> {
    let [argv0, argv, _, _, envv, _, _, chroot, dir, attr, sys, pipe] = a else {
        return Err("forkAndExecInChild1: arguments".into());
    };
    // Everything the child needs is read before forking.
    // SAFETY: `attr` points to a ProcAttr whose Files is a []uintptr.
    let files: Vec<i64> = unsafe {
        let hdr = (*attr + ATTR_FILES) as *const u64;
        let (p, n) = (*hdr as *const i64, *hdr.add(1) as usize);
        if p.is_null() { Vec::new() } else { std::slice::from_raw_parts(p, n).to_vec() }
    };
    // SAFETY: `sys` points to a SysProcAttr.
    let (setsid, setpgid, pgid) = unsafe {
        let s = *sys as *const u8;
        (*s.add(SYS_SETSID as usize) != 0, *s.add(SYS_SETPGID as usize) != 0, *(s.add(SYS_PGID as usize) as *const i64))
    };
    // SAFETY: fork duplicates the process; the child below calls only system calls
    // (async-signal-safe) on data prepared above, and never returns.
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EAGAIN);
        put(r, &[0, u64::MAX, errno as u64, u64::MAX, u64::MAX, 0]);
        return Ok(());
    }
    if pid == 0 {
        // SAFETY: the child, as above.
        unsafe { child(*argv0, *argv, *envv, *chroot, *dir, files, setsid, setpgid, pgid, *pipe as i32) }
    }
    put(r, &[pid as u64, u64::MAX, 0, u64::MAX, u64::MAX, 0]);
    Ok(())
}

/// The child between `fork` and `execve` (gc's `forkAndExecInChild1` after the fork).
///
/// # Safety
/// Runs in a freshly forked child; the pointers are the parent's C strings and
/// NULL-terminated arrays of them.
#[allow(clippy::too_many_arguments)]
unsafe fn child(argv0: u64, argv: u64, envv: u64, chroot: u64, dir: u64, mut fd: Vec<i64>, setsid: bool, setpgid: bool, pgid: i64, mut pipe: i32) -> ! {
    // SAFETY: raw system calls on the child's own state.
    unsafe {
        let fail = |pipe: i32| -> ! {
            let errno = *libc::__errno_location() as u64;
            libc::write(pipe, (&errno as *const u64).cast(), 8);
            libc::_exit(253)
        };
        if setsid && libc::setsid() < 0 {
            fail(pipe);
        }
        if setpgid && libc::setpgid(0, pgid as libc::pid_t) < 0 {
            fail(pipe);
        }
        if chroot != 0 && libc::chroot(chroot as *const libc::c_char) < 0 {
            fail(pipe);
        }
        if dir != 0 && libc::chdir(dir as *const libc::c_char) < 0 {
            fail(pipe);
        }
        // Pass 1: move descriptors that pass 2 would overwrite out of the way.
        let mut nextfd = fd.len() as i32;
        if pipe < nextfd {
            if libc::dup3(pipe, nextfd, libc::O_CLOEXEC) < 0 {
                fail(pipe);
            }
            pipe = nextfd;
            nextfd += 1;
        }
        for i in 0..fd.len() {
            if fd[i] >= 0 && fd[i] < i as i64 {
                if nextfd == pipe {
                    nextfd += 1;
                }
                if libc::dup3(fd[i] as i32, nextfd, libc::O_CLOEXEC) < 0 {
                    fail(pipe);
                }
                fd[i] = i64::from(nextfd);
                nextfd += 1;
            }
        }
        // Pass 2: each descriptor onto its index.
        for (i, &f) in fd.iter().enumerate() {
            let i = i as i32;
            if f == -1 {
                libc::close(i);
            } else if f == i64::from(i) {
                // Inherit it: clear close-on-exec.
                if libc::fcntl(i, libc::F_SETFD, 0) < 0 {
                    fail(pipe);
                }
            } else if libc::dup3(f as i32, i, 0) < 0 {
                fail(pipe);
            }
        }
        // As gc: 0, 1 and 2 are closed unless given.
        for i in fd.len() as i32..3 {
            libc::close(i);
        }
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigprocmask(libc::SIG_SETMASK, &set, std::ptr::null_mut());
        libc::execve(argv0 as *const libc::c_char, argv as *const *const libc::c_char, envv as *const *const libc::c_char);
        fail(pipe)
    }
}
