//! Timers and sleeping: the natives under mvm's `runtime/time.go` overlay, which
//! implements `time.Sleep`, `time.newTimer`, `stopTimer` and `resetTimer` in Go over
//! the scheduler's [`Timers`](crate::timers::Timers).
//!
//! - `sleepUntil(when)` parks the goroutine on a fresh key with a timer that wakes it
//!   at `when` (it parks *at* the call: woken, it runs again and returns once the
//!   time has come).
//! - `timerArm` / `timerDisarm` put a Go timer (a `runtime.timeTimer`) in the heap or
//!   take it out (also out of the fired queue: its function has not started yet).
//! - `timerNext` gives the timer goroutine the next fired timer, or parks it.
//! - `chanTimer` marks a channel as a timer's (its `len` and `cap` read 0) and
//!   `chanDrain` empties one (`Stop` and `Reset` leave no stale value).

use super::{Host, NativeError, NativeFn, put};
use crate::chan::Hchan;
use crate::timers::TIMERPROC_KEY;

/// The native `name` of package `pkg`.
pub(super) fn lookup(pkg: &str, name: &str) -> Option<NativeFn> {
    if pkg != "runtime" {
        return None;
    }
    Some(match name {
        "nanotime" => |_, _, r| {
            put(r, &[super::sys::nanotime()]);
            Ok(())
        },
        "sleepUntil" => sleep_until,
        "timerArm" => |h, a, _| {
            let [t, when, c] = a else { return Err("timerArm: arguments".into()) };
            // A channel timer is held weakly (its channel holds it strongly): once
            // nobody can receive from the channel, both are garbage, as in gc.
            let weak = if *c != 0 { h.make_weak(*t)? } else { 0 };
            h.timers().arm(*t, *when as i64, *c, weak);
            Ok(())
        },
        "timerDisarm" => |h, a, r| {
            let t = a.first().copied().unwrap_or(0);
            put(r, &[u64::from(h.timers().disarm(t))]);
            Ok(())
        },
        "timerNext" => |h, _, r| match h.timers().next_fired(super::sys::nanotime() as i64) {
            Some((t, delta)) => {
                put(r, &[t, delta as u64]);
                Ok(())
            }
            None => Err(NativeError::Park { key: TIMERPROC_KEY, reason: "timer goroutine (idle)" }),
        },
        "timerFired" => |h, _, r| {
            put(r, &[u64::from(h.timers().has_fired())]);
            Ok(())
        },
        "chanTimer" => |_, a, _| {
            let (c, t) = (a.first().copied().unwrap_or(0), a.get(1).copied().unwrap_or(0));
            if c != 0 {
                // SAFETY: the argument is a channel made by `make(chan Time, 1)`; its
                // `timer` word is a pointer the collector traces.
                unsafe { Hchan::at(c).timer = t };
            }
            Ok(())
        },
        "chanDrain" => |_, a, r| {
            let c = a.first().copied().unwrap_or(0);
            // SAFETY: as in `chanTimer`.
            let drained = c != 0 && unsafe { Hchan::at(c).drain() };
            put(r, &[u64::from(drained)]);
            Ok(())
        },
        _ => return None,
    })
}

/// `sleepUntil(when int64)`: returns once the monotonic clock reached `when`.
fn sleep_until(h: &mut dyn Host, a: &[u64], _: &mut [u64]) -> Result<(), NativeError> {
    let when = a.first().copied().unwrap_or(0) as i64;
    if super::sys::nanotime() as i64 >= when {
        return Ok(());
    }
    let timers = h.timers();
    let key = timers.new_key();
    timers.wake_at(when, key);
    Err(NativeError::Park { key, reason: "sleep" })
}
