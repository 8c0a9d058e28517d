//! The timer heap that `time.Sleep`, `time.After`, `time.NewTimer`, `time.Ticker` and
//! `context` deadlines will share, one per P as in gc's `runtime/time.go`.
//!
//! Nothing reaches it yet (the `time` package is not supported), but its shape is
//! fixed here so the scheduler's idle path is designed around it: before picking a
//! goroutine, the driver pops every expired timer and fires it (readying a sleeping
//! goroutine, or sending on a timer's channel); when no goroutine is runnable it
//! sleeps the thread until [`TimerHeap::next_when`] (or until the I/O poller reports
//! a ready descriptor) instead of reporting a deadlock.
//!
//! A 4-ary min-heap ordered by (when, seq) — gc uses 4-ary too: fewer levels than a
//! binary heap and siblings on one cache line. `seq` breaks ties in insertion order so
//! that two timers for the same instant fire in the order they were set. Stopping a
//! timer is lazy: [`TimerHeap::stop`] marks its id dead and the entry is dropped when it
//! reaches the top, which keeps `Stop`/`Reset` O(1) (gc does the same with its
//! `timerZombie` state). Costs: add O(log4 n), pop O(4 log4 n), peek O(1).

use std::collections::HashSet;

/// What a timer does when it fires: the scheduler interprets it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimerAction {
    /// Make the goroutine in this scheduler slot runnable (`time.Sleep`).
    Wake(u32),
    /// Send the current time on this channel without blocking (`time.After`,
    /// `time.NewTimer`, tickers), then re-arm after `period` nanoseconds if non-zero.
    Send { chan: u64, period: i64 },
}

/// One pending timer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timer {
    /// When it fires, in monotonic nanoseconds.
    pub when: i64,
    /// Insertion order, for ties; also the timer's id for [`TimerHeap::stop`].
    pub seq: u64,
    /// What firing does.
    pub action: TimerAction,
}

/// The heap of pending timers of one P.
#[derive(Debug, Default)]
pub struct TimerHeap {
    heap: Vec<Timer>,
    next_seq: u64,
    /// Ids of the timers in the heap that are not stopped.
    live: HashSet<u64>,
}

impl TimerHeap {
    /// Adds a timer firing at `when`; returns its id.
    pub fn add(&mut self, when: i64, action: TimerAction) -> u64 {
        let seq = self.next_seq;
        self.next_seq += 1;
        self.heap.push(Timer { when, seq, action });
        self.sift_up(self.heap.len() - 1);
        self.live.insert(seq);
        seq
    }

    /// Stops timer `id` if it is still pending (it will not fire); returns whether it
    /// was pending, as `time.Timer.Stop` does.
    pub fn stop(&mut self, id: u64) -> bool {
        self.live.remove(&id)
    }

    /// When the earliest live timer fires, if any: how long the idle scheduler may
    /// sleep.
    pub fn next_when(&mut self) -> Option<i64> {
        self.drop_stopped_top();
        self.heap.first().map(|t| t.when)
    }

    /// Removes and returns the earliest timer if it is due at `now`.
    pub fn pop_due(&mut self, now: i64) -> Option<Timer> {
        self.drop_stopped_top();
        if self.heap.first()?.when > now {
            return None;
        }
        let t = self.pop()?;
        self.live.remove(&t.seq);
        Some(t)
    }

    /// Live timers (stopped ones not yet dropped are not counted).
    pub fn len(&self) -> usize {
        self.live.len()
    }

    /// Whether no live timer is pending: with no runnable goroutine and no I/O wait,
    /// this is what makes a deadlock.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn drop_stopped_top(&mut self) {
        while let Some(t) = self.heap.first() {
            if self.live.contains(&t.seq) {
                break;
            }
            self.pop();
        }
    }

    fn pop(&mut self) -> Option<Timer> {
        let last = self.heap.pop()?;
        let Some(first) = self.heap.first_mut() else { return Some(last) };
        let top = std::mem::replace(first, last);
        self.sift_down(0);
        Some(top)
    }

    fn less(a: &Timer, b: &Timer) -> bool {
        (a.when, a.seq) < (b.when, b.seq)
    }

    fn sift_up(&mut self, mut i: usize) {
        while i > 0 {
            let parent = (i - 1) / 4;
            if !Self::less(&self.heap[i], &self.heap[parent]) {
                break;
            }
            self.heap.swap(i, parent);
            i = parent;
        }
    }

    fn sift_down(&mut self, mut i: usize) {
        let n = self.heap.len();
        loop {
            let first = 4 * i + 1;
            if first >= n {
                break;
            }
            let mut min = first;
            for c in first + 1..(first + 4).min(n) {
                if Self::less(&self.heap[c], &self.heap[min]) {
                    min = c;
                }
            }
            if !Self::less(&self.heap[min], &self.heap[i]) {
                break;
            }
            self.heap.swap(i, min);
            i = min;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fires_in_time_order_then_insertion_order() {
        let mut h = TimerHeap::default();
        let whens = [50, 10, 30, 10, 70, 20, 10, 60, 40];
        for (i, &w) in whens.iter().enumerate() {
            h.add(w, TimerAction::Wake(i as u32));
        }
        assert_eq!(h.next_when(), Some(10));
        assert_eq!(h.pop_due(5), None);
        let mut fired = Vec::new();
        while let Some(t) = h.pop_due(1000) {
            fired.push((t.when, t.action));
        }
        let mut want: Vec<(i64, TimerAction)> =
            whens.iter().enumerate().map(|(i, &w)| (w, TimerAction::Wake(i as u32))).collect();
        want.sort_by_key(|&(w, a)| (w, if let TimerAction::Wake(i) = a { i } else { 0 }));
        assert_eq!(fired, want);
        assert!(h.is_empty());
    }

    #[test]
    fn stopped_timers_never_fire() {
        let mut h = TimerHeap::default();
        let a = h.add(10, TimerAction::Wake(1));
        let b = h.add(20, TimerAction::Send { chan: 0x1000, period: 0 });
        assert!(h.stop(a));
        assert!(!h.stop(a), "a second Stop reports the timer as no longer pending");
        assert_eq!(h.len(), 1);
        assert_eq!(h.next_when(), Some(20));
        assert_eq!(h.pop_due(100).map(|t| t.seq), Some(b));
        assert_eq!(h.pop_due(100), None);
        assert!(!h.stop(b), "a fired timer is not pending");
    }
}
