//! The network poller behind `internal/poll` (gc's `runtime/netpoll.go` and
//! `netpoll_epoll.go`), on the `mio` crate (epoll on Linux, edge-triggered as gc's).
//!
//! Every descriptor `internal/poll` opens (pipes, sockets, terminals; not regular files,
//! which epoll refuses) gets a [`Desc`], named by its *context* (index + 1, never 0:
//! `internal/poll` reads 0 as "not pollable"). A descriptor is registered once for
//! reading and writing; an event sets its `rready`/`wready` flag, and the goroutines
//! parked on its key for that mode ([`Netpoll::key`]) are woken. `pollWait` consumes
//! the flag or parks (the native re-runs when woken and checks again); `pollReset`
//! clears it before each read or write, as gc's. Deadlines are absolute monotonic times
//! (`rd`/`wd`: 0 none, negative already expired); a waiter with a deadline arms a timer
//! that wakes its key at the deadline, so an expired deadline is seen when it runs again.
//!
//! The scheduler polls with a zero timeout every millisecond or so while goroutines
//! are runnable and some wait on I/O, and with the time to the next timer (or forever)
//! when nothing is runnable. The read end of the signal self-pipe ([`crate::signals`])
//! is registered here too: a signal wakes [`SIGNAL_KEY`] and [`CHILD_KEY`].

use mio::unix::SourceFd;
use mio::{Events, Interest, Poll, Token};
use std::os::fd::AsRawFd;
use std::time::Duration;

/// Keys of goroutines parked on descriptors: `POLL_KEY | ctx << 1 | (mode is 'w')`.
pub const POLL_KEY: u64 = 1 << 61;
/// The key `signal_recv` parks on.
pub const SIGNAL_KEY: u64 = 1 << 60;
/// The key a goroutine waiting for a child process (`wait4`, `waitid`) parks on.
pub const CHILD_KEY: u64 = (1 << 60) | 1;

/// The key of a goroutine waiting for descriptor `fd`, which the poller does not
/// manage (a blocking os.Stdin), to become readable: `RAW_KEY | fd`.
pub const RAW_KEY: u64 = (1 << 60) | (1 << 32);

/// Whether goroutines parked on `key` wait for the poller (not for a timer or another
/// goroutine): while one does, nothing is a deadlock.
pub fn is_io_key(key: u64) -> bool {
    key & (1 << 63) == 0 && key & (POLL_KEY | SIGNAL_KEY) != 0
}

const SIGNAL_TOKEN: Token = Token(usize::MAX);

/// Tokens of one-shot waits on descriptors the poller does not manage: `RAW_TOKEN - fd`.
const RAW_TOKEN: usize = usize::MAX - 1;

/// `internal/poll`'s error codes.
pub mod code {
    /// Ready.
    pub const NO_ERROR: i64 = 0;
    /// The descriptor is being closed.
    pub const CLOSING: i64 = 1;
    /// The deadline expired.
    pub const TIMEOUT: i64 = 2;
    /// An error event on the descriptor.
    pub const NOT_POLLABLE: i64 = 3;
}

/// One polled descriptor (gc's `pollDesc`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Desc {
    /// The descriptor.
    pub fd: i32,
    /// `pollUnblock` ran: every wait fails with [`code::CLOSING`].
    pub closing: bool,
    /// An event made it readable / writable since the last reset.
    pub rready: bool,
    /// See `rready`.
    pub wready: bool,
    /// The last event was only an error.
    pub everr: bool,
    /// Read and write deadlines: 0 none, < 0 expired, else a monotonic time.
    pub rd: i64,
    /// See `rd`.
    pub wd: i64,
    /// The wake-up timers of the read and write deadlines (id + 1, 0 for none).
    pub timers: [u64; 2],
}

impl Desc {
    /// gc's `netpollcheckerr` at time `now`.
    pub fn check_err(&self, mode: i64, now: i64) -> i64 {
        if self.closing {
            return code::CLOSING;
        }
        let expired = |d: i64| d < 0 || (d > 0 && d <= now);
        if (is_read(mode) && expired(self.rd)) || (is_write(mode) && expired(self.wd)) {
            return code::TIMEOUT;
        }
        if mode == i64::from(b'r') && self.everr {
            return code::NOT_POLLABLE;
        }
        code::NO_ERROR
    }
}

fn is_read(mode: i64) -> bool {
    mode == i64::from(b'r') || mode == i64::from(b'r') + i64::from(b'w')
}

fn is_write(mode: i64) -> bool {
    mode == i64::from(b'w') || mode == i64::from(b'r') + i64::from(b'w')
}

/// The poller.
#[derive(Debug)]
pub struct Netpoll {
    poll: Poll,
    events: Events,
    descs: Vec<Option<Desc>>,
    free: Vec<usize>,
    signal_fd: Option<i32>,
    /// Descriptors registered for one readable event (see [`Netpoll::wait_readable`]).
    raw: Vec<i32>,
}

impl Netpoll {
    /// A new poller (an epoll instance).
    pub fn new() -> std::io::Result<Netpoll> {
        Ok(Netpoll { poll: Poll::new()?, events: Events::with_capacity(128), descs: Vec::new(), free: Vec::new(), signal_fd: None, raw: Vec::new() })
    }

    /// The key goroutines waiting on context `ctx` for `mode` park on.
    pub fn key(ctx: u64, mode: i64) -> u64 {
        POLL_KEY | (ctx << 1) | u64::from(mode == i64::from(b'w'))
    }

    /// Whether `fd` is one of the poller's own descriptors.
    pub fn is_poll_fd(&self, fd: i32) -> bool {
        fd == self.poll.as_raw_fd() || Some(fd) == self.signal_fd || Some(fd) == crate::signals::write_fd()
    }

    /// Registers `fd`: its context, or the errno epoll gave.
    pub fn open(&mut self, fd: i32) -> Result<u64, i32> {
        let i = self.free.pop().unwrap_or_else(|| {
            self.descs.push(None);
            self.descs.len() - 1
        });
        let r = self.poll.registry().register(&mut SourceFd(&fd), Token(i), Interest::READABLE | Interest::WRITABLE);
        if let Err(e) = r {
            self.free.push(i);
            return Err(e.raw_os_error().unwrap_or(libc::EINVAL));
        }
        if let Some(slot) = self.descs.get_mut(i) {
            *slot = Some(Desc { fd, ..Desc::default() });
        }
        Ok(i as u64 + 1)
    }

    /// Unregisters context `ctx`.
    pub fn close(&mut self, ctx: u64) {
        let i = (ctx as usize).wrapping_sub(1);
        if let Some(slot) = self.descs.get_mut(i)
            && let Some(d) = slot.take()
        {
            let _ = self.poll.registry().deregister(&mut SourceFd(&d.fd));
            self.free.push(i);
        }
    }

    /// The descriptor of context `ctx`.
    pub fn desc(&mut self, ctx: u64) -> Option<&mut Desc> {
        self.descs.get_mut((ctx as usize).wrapping_sub(1))?.as_mut()
    }

    /// Registers the read end of the signal self-pipe (once).
    pub fn watch_signals(&mut self, fd: i32) -> std::io::Result<()> {
        if self.signal_fd.is_some() {
            return Ok(());
        }
        self.poll.registry().register(&mut SourceFd(&fd), SIGNAL_TOKEN, Interest::READABLE)?;
        self.signal_fd = Some(fd);
        Ok(())
    }

    /// Registers `fd`, a descriptor the poller does not manage (a blocking os.Stdin),
    /// for one readable event: the key to park on until it comes. Fails if epoll
    /// cannot wait on it (then the caller simply blocks in `read`).
    pub fn wait_readable(&mut self, fd: i32) -> std::io::Result<u64> {
        if fd < 0 || fd > 1 << 20 {
            return Err(std::io::Error::from_raw_os_error(libc::EBADF));
        }
        if !self.raw.contains(&fd) {
            self.poll.registry().register(&mut SourceFd(&fd), Token(RAW_TOKEN - fd as usize), Interest::READABLE)?;
            self.raw.push(fd);
        }
        Ok(RAW_KEY | fd as u64)
    }

    /// Waits up to `timeout` (forever if `None`) for events; pushes the keys to wake.
    pub fn poll(&mut self, timeout: Option<Duration>, wake: &mut Vec<u64>) {
        if self.poll.poll(&mut self.events, timeout).is_err() {
            // EINTR (a signal arrived): its self-pipe byte is reported next time.
            return;
        }
        for ev in self.events.iter() {
            let Token(i) = ev.token();
            if ev.token() == SIGNAL_TOKEN {
                crate::signals::drain_pipe(self.signal_fd);
                wake.push(SIGNAL_KEY);
                wake.push(CHILD_KEY);
                continue;
            }
            if i <= RAW_TOKEN && i > RAW_TOKEN - (1 << 21) {
                let fd = (RAW_TOKEN - i) as i32;
                if let Some(k) = self.raw.iter().position(|&r| r == fd) {
                    self.raw.swap_remove(k);
                    let _ = self.poll.registry().deregister(&mut SourceFd(&fd));
                    wake.push(RAW_KEY | fd as u64);
                }
                continue;
            }
            let Some(Some(d)) = self.descs.get_mut(i) else { continue };
            let r = ev.is_readable() || ev.is_read_closed() || ev.is_error();
            let w = ev.is_writable() || ev.is_write_closed() || ev.is_error();
            d.everr = ev.is_error() && !ev.is_readable() && !ev.is_writable();
            let ctx = i as u64 + 1;
            if r {
                d.rready = true;
                wake.push(Netpoll::key(ctx, i64::from(b'r')));
            }
            if w {
                d.wready = true;
                wake.push(Netpoll::key(ctx, i64::from(b'w')));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pipe_becomes_readable() {
        let mut fds = [0i32; 2];
        // SAFETY: a plain pipe2 into a local array.
        assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_NONBLOCK | libc::O_CLOEXEC) }, 0);
        let mut p = Netpoll::new().expect("epoll");
        let ctx = p.open(fds[0]).expect("register");
        let mut wake = Vec::new();
        p.poll(Some(Duration::ZERO), &mut wake);
        assert!(!wake.contains(&Netpoll::key(ctx, i64::from(b'r'))));
        // SAFETY: writes one byte from a local.
        assert_eq!(unsafe { libc::write(fds[1], b"x".as_ptr().cast(), 1) }, 1);
        p.poll(Some(Duration::from_millis(100)), &mut wake);
        assert!(wake.contains(&Netpoll::key(ctx, i64::from(b'r'))));
        assert!(p.desc(ctx).is_some_and(|d| d.rready));
        assert_eq!(p.desc(ctx).map(|d| d.check_err(i64::from(b'r'), 0)), Some(code::NO_ERROR));
        p.close(ctx);
        assert!(p.desc(ctx).is_none());
        // SAFETY: closes the pipe's own descriptors.
        unsafe {
            libc::close(fds[0]);
            libc::close(fds[1]);
        }
    }

    #[test]
    fn deadlines_expire() {
        let d = Desc { rd: 100, ..Desc::default() };
        assert_eq!(d.check_err(i64::from(b'r'), 99), code::NO_ERROR);
        assert_eq!(d.check_err(i64::from(b'r'), 100), code::TIMEOUT);
        assert_eq!(d.check_err(i64::from(b'w'), 100), code::NO_ERROR);
        let c = Desc { closing: true, ..d };
        assert_eq!(c.check_err(i64::from(b'w'), 0), code::CLOSING);
    }
}
