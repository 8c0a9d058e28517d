//! Signals for `os/signal` (gc's `runtime/sigqueue.go`) and for waiting on children.
//!
//! A signal some program asked for (`signal.Notify`: `signal_enable`) gets a Rust handler
//! that records it in a pending mask and writes a byte to a self-pipe whose read end is
//! registered with the poller ([`crate::netpoll`]): the scheduler then wakes the
//! goroutine parked in `signal_recv`, which takes the signals from the mask. The
//! handler does only async-signal-safe things (atomic operations and `write`).
//! A signal nobody asked for keeps its disposition (SIGINT still kills the process;
//! gc prints nothing more for it either). `SIGCHLD` may also get the handler for the
//! runtime's own use: a goroutine waiting for a child process parks until a
//! `SIGCHLD` (see `native::sys`), without it reaching `signal_recv` unless asked for.

use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU64, AtomicUsize, Ordering};

/// Signals 1 to 64.
const NSIG: usize = 65;

static PENDING: [AtomicU64; 2] = [AtomicU64::new(0), AtomicU64::new(0)];
static WANTED: [AtomicU64; 2] = [AtomicU64::new(0), AtomicU64::new(0)];
static IGNORED: [AtomicU64; 2] = [AtomicU64::new(0), AtomicU64::new(0)];
static HANDLED: [AtomicU64; 2] = [AtomicU64::new(0), AtomicU64::new(0)];
static PIPE_R: AtomicI32 = AtomicI32::new(-1);
static PIPE_W: AtomicI32 = AtomicI32::new(-1);
static CHILD_WATCH: AtomicBool = AtomicBool::new(false);
/// The disposition each signal had before mvm installed its handler.
static ORIGINAL: [AtomicUsize; NSIG] = [const { AtomicUsize::new(usize::MAX) }; NSIG];

fn bit(mask: &[AtomicU64; 2], sig: u32) -> bool {
    let s = sig as usize;
    s < NSIG && s > 0 && mask[s / 64 % 2].load(Ordering::SeqCst) & (1 << (s % 64)) != 0
}

fn set(mask: &[AtomicU64; 2], sig: u32, on: bool) {
    let s = sig as usize;
    if s >= NSIG || s == 0 {
        return;
    }
    if on {
        mask[s / 64 % 2].fetch_or(1 << (s % 64), Ordering::SeqCst);
    } else {
        mask[s / 64 % 2].fetch_and(!(1 << (s % 64)), Ordering::SeqCst);
    }
}

extern "C" fn handler(sig: libc::c_int) {
    // SAFETY: errno is thread-local; the handler restores what it found.
    let saved = unsafe { *libc::__errno_location() };
    let s = sig as u32;
    if bit(&WANTED, s) {
        set(&PENDING, s, true);
    }
    let fd = PIPE_W.load(Ordering::SeqCst);
    if fd >= 0 {
        // SAFETY: write is async-signal-safe; the pipe is non-blocking, so a full pipe
        // (which already wakes the poller) drops the byte.
        unsafe { libc::write(fd, b"s".as_ptr().cast(), 1) };
    }
    // SAFETY: as above.
    unsafe { *libc::__errno_location() = saved };
}

/// The self-pipe's read end, made on first use (register it with the poller).
pub fn pipe() -> std::io::Result<i32> {
    let r = PIPE_R.load(Ordering::SeqCst);
    if r >= 0 {
        return Ok(r);
    }
    let mut fds = [0i32; 2];
    // SAFETY: pipe2 into a local array.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_NONBLOCK | libc::O_CLOEXEC) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    PIPE_R.store(fds[0], Ordering::SeqCst);
    PIPE_W.store(fds[1], Ordering::SeqCst);
    Ok(fds[0])
}

/// The self-pipe's write end, if made.
pub fn write_fd() -> Option<i32> {
    let w = PIPE_W.load(Ordering::SeqCst);
    (w >= 0).then_some(w)
}

/// Empties the self-pipe (its bytes only say "look at the mask").
pub fn drain_pipe(fd: Option<i32>) {
    let Some(fd) = fd else { return };
    let mut buf = [0u8; 64];
    // SAFETY: reads into a local buffer from the non-blocking pipe.
    while unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) } > 0 {}
}

/// Installs the handler for `sig` (once), keeping the disposition it replaces.
fn install(sig: u32) {
    if bit(&HANDLED, sig) || sig as usize >= NSIG {
        return;
    }
    // Faults stay with their default action (and Rust's stack-overflow handler): a
    // handler that returns would run the faulting instruction again forever. gc
    // turns them into panics; `signal.Notify(c)` for every signal relays the rest.
    if [libc::SIGSEGV, libc::SIGBUS, libc::SIGFPE, libc::SIGILL].contains(&(sig as libc::c_int)) {
        return;
    }
    // SAFETY: a sigaction with a handler that is async-signal-safe; the old action is
    // read into a local.
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = handler as extern "C" fn(libc::c_int) as usize;
        sa.sa_flags = libc::SA_RESTART | libc::SA_ONSTACK;
        libc::sigfillset(&mut sa.sa_mask);
        let mut old: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(sig as libc::c_int, &sa, &mut old) != 0 {
            return; // SIGKILL, SIGSTOP: nothing to do, as in gc.
        }
        if ORIGINAL[sig as usize].load(Ordering::SeqCst) == usize::MAX {
            ORIGINAL[sig as usize].store(old.sa_sigaction, Ordering::SeqCst);
        }
    }
    set(&HANDLED, sig, true);
}

fn set_disposition(sig: u32, action: usize) {
    // SAFETY: installs SIG_DFL, SIG_IGN or a disposition the process had before.
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = action;
        sa.sa_flags = libc::SA_RESTART;
        libc::sigaction(sig as libc::c_int, &sa, std::ptr::null_mut());
    }
    set(&HANDLED, sig, false);
}

/// `signal_enable`: deliver `sig` to `signal_recv` (the caller made the pipe and
/// registered it).
pub fn enable(sig: u32) {
    set(&IGNORED, sig, false);
    set(&WANTED, sig, true);
    install(sig);
}

/// `signal_disable`: stop delivering `sig`; it gets back the disposition it had.
pub fn disable(sig: u32) {
    set(&WANTED, sig, false);
    if sig == libc::SIGCHLD as u32 && CHILD_WATCH.load(Ordering::SeqCst) {
        return;
    }
    if bit(&HANDLED, sig) {
        let old = ORIGINAL.get(sig as usize).map_or(usize::MAX, |o| o.load(Ordering::SeqCst));
        set_disposition(sig, if old == usize::MAX { libc::SIG_DFL } else { old });
    }
}

/// `signal_ignore`: ignore `sig`.
pub fn ignore(sig: u32) {
    set(&WANTED, sig, false);
    set(&IGNORED, sig, true);
    if sig as usize >= NSIG || sig == 0 || sig == libc::SIGKILL as u32 || sig == libc::SIGSTOP as u32 {
        return;
    }
    if sig == libc::SIGCHLD as u32 && CHILD_WATCH.load(Ordering::SeqCst) {
        return;
    }
    set_disposition(sig, libc::SIG_IGN);
}

/// `signal_ignored`.
pub fn ignored(sig: u32) -> bool {
    bit(&IGNORED, sig)
}

/// The lowest pending signal for `signal_recv`, taken from the mask.
pub fn take_pending() -> Option<u32> {
    for (w, m) in PENDING.iter().enumerate() {
        let v = m.load(Ordering::SeqCst);
        if v != 0 {
            let b = v.trailing_zeros();
            m.fetch_and(!(1 << b), Ordering::SeqCst);
            return Some(w as u32 * 64 + b);
        }
    }
    None
}

/// Makes `SIGCHLD` write to the self-pipe, so that a goroutine waiting for a child can
/// park (the caller made the pipe and registered it).
pub fn watch_children() {
    CHILD_WATCH.store(true, Ordering::SeqCst);
    install(libc::SIGCHLD as u32);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks() {
        set(&IGNORED, 10, true);
        assert!(bit(&IGNORED, 10));
        set(&IGNORED, 10, false);
        assert!(!bit(&IGNORED, 10));
        assert!(!bit(&IGNORED, 200));
        set(&PENDING, 64, true);
        set(&PENDING, 3, true);
        assert_eq!(take_pending(), Some(3));
        assert_eq!(take_pending(), Some(64));
        assert_eq!(take_pending(), None);
    }
}
