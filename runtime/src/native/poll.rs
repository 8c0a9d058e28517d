//! `internal/poll`'s hooks into the network poller ([`crate::netpoll`]) and
//! `os/signal`'s into the signal queue ([`crate::signals`]).
//!
//! `runtime_pollWait` and `signal_recv` park the goroutine *at* the call (on the
//! descriptor's key, or on [`SIGNAL_KEY`]); the scheduler wakes them when the poller
//! reports an event, and they check again.

use super::{Host, NativeError, NativeFn, put};
use crate::netpoll::{Netpoll, SIGNAL_KEY, code};
use crate::signals;

/// The native `name` of package `pkg`.
pub(super) fn lookup(pkg: &str, name: &str) -> Option<NativeFn> {
    match pkg {
        "internal/poll" => Some(match name {
            "runtime_pollServerInit" => |h, _, _| h.netpoll().map(|_| ()),
            "runtime_pollOpen" => |h, a, r| {
                let fd = a.first().copied().unwrap_or(0) as i32;
                match h.netpoll()?.open(fd) {
                    Ok(ctx) => put(r, &[ctx, 0]),
                    Err(errno) => put(r, &[0, errno as u64]),
                }
                Ok(())
            },
            "runtime_pollClose" => |h, a, _| {
                let ctx = a.first().copied().unwrap_or(0);
                let np = h.netpoll()?;
                let timers = np.desc(ctx).map(|d| d.timers).unwrap_or_default();
                np.close(ctx);
                for t in timers.into_iter().filter(|&t| t != 0) {
                    h.timers().cancel(t - 1);
                }
                Ok(())
            },
            "runtime_pollReset" => poll_reset,
            "runtime_pollWait" => poll_wait,
            "runtime_pollWaitCanceled" => |_, _, _| Ok(()),
            "runtime_pollSetDeadline" => poll_set_deadline,
            "runtime_pollUnblock" => |h, a, _| {
                let ctx = a.first().copied().unwrap_or(0);
                if let Some(d) = h.netpoll()?.desc(ctx) {
                    d.closing = true;
                }
                h.wake(Netpoll::key(ctx, i64::from(b'r')), true);
                h.wake(Netpoll::key(ctx, i64::from(b'w')), true);
                Ok(())
            },
            "runtime_isPollServerDescriptor" => |h, a, r| {
                let fd = a.first().copied().unwrap_or(0) as i32;
                put(r, &[u64::from(h.netpoll()?.is_poll_fd(fd))]);
                Ok(())
            },
            _ => return None,
        }),
        "os/signal" => Some(match name {
            "signal_enable" => |h, a, _| {
                watch_signals(h)?;
                signals::enable(a.first().copied().unwrap_or(0) as u32);
                Ok(())
            },
            "signal_disable" => |_, a, _| {
                signals::disable(a.first().copied().unwrap_or(0) as u32);
                Ok(())
            },
            "signal_ignore" => |_, a, _| {
                signals::ignore(a.first().copied().unwrap_or(0) as u32);
                Ok(())
            },
            "signal_ignored" => |_, a, r| {
                put(r, &[u64::from(signals::ignored(a.first().copied().unwrap_or(0) as u32))]);
                Ok(())
            },
            "signal_recv" => |h, _, r| match signals::take_pending() {
                Some(sig) => {
                    put(r, &[u64::from(sig)]);
                    Ok(())
                }
                None => {
                    watch_signals(h)?;
                    Err(NativeError::Park { key: SIGNAL_KEY, reason: "syscall" })
                }
            },
            // Signals are taken from the mask by signal_recv only; a signal that
            // `Stop` made unwanted finds no channel in os/signal's handlers.
            "signalWaitUntilIdle" => |_, _, _| Ok(()),
            _ => return None,
        }),
        _ => None,
    }
}

/// Makes the signal self-pipe and registers it with the poller (once).
pub(crate) fn watch_signals(h: &mut dyn Host) -> Result<(), NativeError> {
    let fd = signals::pipe().map_err(|e| NativeError::Fatal(format!("signal pipe: {e}")))?;
    h.netpoll()?.watch_signals(fd).map_err(|e| NativeError::Fatal(format!("signal pipe: {e}")))
}

fn args2(a: &[u64]) -> (u64, i64) {
    (a.first().copied().unwrap_or(0), a.get(1).copied().unwrap_or(0) as i64)
}

/// `runtime_pollReset(ctx, mode) int`: clears the mode's readiness before an attempt.
fn poll_reset(h: &mut dyn Host, a: &[u64], r: &mut [u64]) -> Result<(), NativeError> {
    let (ctx, mode) = args2(a);
    let now = super::sys::nanotime() as i64;
    let Some(d) = h.netpoll()?.desc(ctx) else {
        put(r, &[code::CLOSING as u64]);
        return Ok(());
    };
    let err = d.check_err(mode, now);
    if err == code::NO_ERROR {
        if mode == i64::from(b'r') {
            d.rready = false;
        } else if mode == i64::from(b'w') {
            d.wready = false;
        }
    }
    put(r, &[err as u64]);
    Ok(())
}

/// `runtime_pollWait(ctx, mode) int`: consumes the mode's readiness, or parks until an
/// event, the deadline or `pollUnblock`.
fn poll_wait(h: &mut dyn Host, a: &[u64], r: &mut [u64]) -> Result<(), NativeError> {
    let (ctx, mode) = args2(a);
    let now = super::sys::nanotime() as i64;
    let Some(d) = h.netpoll()?.desc(ctx) else {
        put(r, &[code::CLOSING as u64]);
        return Ok(());
    };
    let err = d.check_err(mode, now);
    if err != code::NO_ERROR {
        put(r, &[err as u64]);
        return Ok(());
    }
    let ready = if mode == i64::from(b'w') { &mut d.wready } else { &mut d.rready };
    if *ready {
        *ready = false;
        put(r, &[0]);
        return Ok(());
    }
    Err(NativeError::Park { key: Netpoll::key(ctx, mode), reason: "IO wait" })
}

/// `runtime_pollSetDeadline(ctx, d, mode)`: `d` is relative (0: none, < 0: expired).
fn poll_set_deadline(h: &mut dyn Host, a: &[u64], _: &mut [u64]) -> Result<(), NativeError> {
    let ctx = a.first().copied().unwrap_or(0);
    let mut dl = a.get(1).copied().unwrap_or(0) as i64;
    let mode = a.get(2).copied().unwrap_or(0) as i64;
    let now = super::sys::nanotime() as i64;
    if dl > 0 {
        dl = dl.checked_add(now).unwrap_or(i64::MAX);
    }
    let Some(d) = h.netpoll()?.desc(ctx) else { return Ok(()) };
    if d.closing {
        return Ok(());
    }
    let (r, w) = (mode == i64::from(b'r') || mode == i64::from(b'r') + i64::from(b'w'), mode == i64::from(b'w') || mode == i64::from(b'r') + i64::from(b'w'));
    if r {
        d.rd = dl;
    }
    if w {
        d.wd = dl;
    }
    let mut old = [0u64; 2];
    for (i, on) in [r, w].into_iter().enumerate() {
        if on {
            old[i] = std::mem::take(&mut d.timers[i]);
        }
    }
    let mut armed = [0u64; 2];
    for (i, (on, m)) in [(r, i64::from(b'r')), (w, i64::from(b'w'))].into_iter().enumerate() {
        if !on {
            continue;
        }
        if old[i] != 0 {
            h.timers().cancel(old[i] - 1);
        }
        let key = Netpoll::key(ctx, m);
        if dl < 0 {
            h.wake(key, true);
        } else if dl > 0 {
            // The waiter (now or later) runs again at the deadline and sees it expired.
            armed[i] = h.timers().wake_at(dl, key) + 1;
        }
    }
    if let Some(d) = h.netpoll()?.desc(ctx) {
        for (i, on) in [r, w].into_iter().enumerate() {
            if on {
                d.timers[i] = armed[i];
            }
        }
    }
    Ok(())
}
