//! Timers: the heap that `time.Sleep`, `time.Timer`/`Ticker`/`AfterFunc`, `context`
//! deadlines and I/O deadlines share, one per P as in gc's `runtime/time.go`.
//!
//! The scheduler fires due timers before it picks a goroutine and, when no goroutine is
//! runnable, sleeps (in the poller) until [`Timers::next_when`]. A timer either wakes
//! the goroutines parked on a key ([`TimerAction::Wake`]: a sleeping goroutine, an I/O
//! deadline) or is a Go timer of package `time` ([`TimerAction::Go`]): its Go function
//! (`sendTime`, `goFunc`) must run as Go code, so firing queues it for the runtime's
//! timer goroutine (`runtime.timerproc` in the overlay), which [`Timers::next_fired`]
//! feeds.
//!
//! A 4-ary min-heap ordered by (when, seq) — gc uses 4-ary too: fewer levels than a
//! binary heap and siblings on one cache line. `seq` breaks ties in insertion order so
//! that two timers for the same instant fire in the order they were set. Stopping a
//! timer is lazy: [`TimerHeap::stop`] marks its id dead and the entry is dropped when it
//! reaches the top, which keeps `Stop`/`Reset` O(1) (gc does the same with its
//! `timerZombie` state). Costs: add O(log4 n), pop O(4 log4 n), peek O(1).

use std::collections::{HashMap, HashSet, VecDeque};

/// What a timer does when it fires: the scheduler interprets it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimerAction {
    /// Make the goroutines parked on this key runnable (`time.Sleep`, I/O deadlines).
    Wake(u64),
    /// Run the Go timer at this address (a `runtime.timeTimer`): its function runs on
    /// the timer goroutine. `chan` is its channel when it is a synchronous timer
    /// channel (Go 1.23+), else 0. Such a timer is held weakly, through the collector's
    /// weak handle `weak` (a heap word holding the timer until it is collected, then
    /// 0): as in gc since Go 1.23, a timer nobody can receive from is garbage.
    Go { timer: u64, chan: u64, weak: u64 },
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
        let was = self.live.remove(&id);
        // Drop the stopped entries once they are most of the heap (gc cleans its
        // zombies the same way), so that timers made and stopped in a loop do not pile
        // up; a sorted array is a heap.
        if self.heap.len() >= 64 && self.live.len() * 2 < self.heap.len() {
            let live = &self.live;
            self.heap.retain(|t| live.contains(&t.seq));
            self.heap.sort_unstable_by_key(|t| (t.when, t.seq));
        }
        was
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

    /// The live timers, in no particular order.
    pub fn live(&self) -> impl Iterator<Item = &Timer> {
        self.heap.iter().filter(|t| self.live.contains(&t.seq))
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

/// Where a Go timer is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum GoState {
    /// In the heap under this id, with its weak handle (0: held strongly).
    Armed(u64, u64),
    /// Fired: queued for the timer goroutine.
    Fired,
}

/// The keys goroutines park on for a sleep (`NativeError::Park`): a tag bit no address
/// has, and a counter.
pub const SLEEP_KEY: u64 = 1 << 63;

/// The key the timer goroutine parks on while no Go timer has fired.
pub const TIMERPROC_KEY: u64 = SLEEP_KEY | (1 << 62);

/// The timers of the program (one P): the heap, the Go timers' states and the queue of
/// fired Go timers.
#[derive(Debug, Default)]
pub struct Timers {
    heap: TimerHeap,
    go: HashMap<u64, GoState>,
    /// Fired Go timers, oldest first: (timer, when it was due).
    fired: VecDeque<(u64, i64)>,
    next_key: u64,
    /// Heap size at which the next [`Timers::arm`] drops collected timers.
    purge_at: usize,
}

impl Timers {
    /// A fresh key for a goroutine to park on (see [`SLEEP_KEY`]).
    pub fn new_key(&mut self) -> u64 {
        self.next_key = (self.next_key + 1) & ((1 << 62) - 1);
        SLEEP_KEY | self.next_key
    }

    /// Wakes the goroutines parked on `key` at `when`; the timer's id (see
    /// [`Timers::cancel`]).
    pub fn wake_at(&mut self, when: i64, key: u64) -> u64 {
        self.heap.add(when, TimerAction::Wake(key))
    }

    /// Cancels a timer of [`Timers::wake_at`].
    pub fn cancel(&mut self, id: u64) {
        self.heap.stop(id);
    }

    /// Arms Go timer `timer` (its previous arming, if any, is cancelled); `weak` as in
    /// [`TimerAction::Go`].
    pub fn arm(&mut self, timer: u64, when: i64, chan: u64, weak: u64) {
        self.disarm(timer);
        if self.heap.heap.len() >= self.purge_at.max(64) {
            self.purge_collected();
            self.purge_at = 2 * self.heap.heap.len();
        }
        let id = self.heap.add(when, TimerAction::Go { timer, chan, weak });
        self.go.insert(timer, GoState::Armed(id, weak));
    }

    /// Drops the weakly held timers the collector freed (`time.After` in a loop leaves
    /// many), so that their entries do not wait in the heap until they are due.
    fn purge_collected(&mut self) {
        let heap = &mut self.heap;
        self.go.retain(|_, s| match *s {
            // SAFETY: a weak handle is a live heap word (a root while armed).
            GoState::Armed(id, weak) if weak != 0 && unsafe { *(weak as *const u64) } == 0 => {
                heap.stop(id);
                false
            }
            _ => true,
        });
    }

    /// Cancels Go timer `timer`; whether it was pending (armed, or fired but its
    /// function not yet started).
    pub fn disarm(&mut self, timer: u64) -> bool {
        match self.go.remove(&timer) {
            Some(GoState::Armed(id, _)) => self.heap.stop(id),
            Some(GoState::Fired) => {
                self.fired.retain(|&(t, _)| t != timer);
                true
            }
            None => false,
        }
    }

    /// The next fired Go timer whose function is to run, and how late it is at `now`
    /// (measured when its function is about to run, as gc does: `sendTime` sends the
    /// time it was due, `Now() - delta`, however long the queue waited).
    pub fn next_fired(&mut self, now: i64) -> Option<(u64, i64)> {
        let (t, when) = self.fired.pop_front()?;
        let delta = now.saturating_sub(when).max(0);
        self.go.remove(&t);
        Some((t, delta))
    }

    /// Whether no timer is pending and no fired one waits.
    pub fn is_empty(&self) -> bool {
        self.heap.is_empty() && self.fired.is_empty()
    }

    /// Whether a fired Go timer waits for the timer goroutine.
    pub fn has_fired(&self) -> bool {
        !self.fired.is_empty()
    }

    /// Fires every timer due at `now`: Go timers go to the fired queue; returns the keys
    /// to wake (with [`TIMERPROC_KEY`] when a Go timer fired).
    pub fn run_due(&mut self, now: i64, wake: &mut Vec<u64>) {
        let mut go_fired = false;
        while let Some(t) = self.heap.pop_due(now) {
            match t.action {
                TimerAction::Wake(key) => wake.push(key),
                TimerAction::Go { timer, weak, .. } => {
                    // SAFETY: a weak handle is a live heap word (a root while armed).
                    if weak != 0 && unsafe { *(weak as *const u64) } == 0 {
                        // Collected: nobody could receive its value.
                        self.go.remove(&timer);
                        continue;
                    }
                    self.go.insert(timer, GoState::Fired);
                    self.fired.push_back((timer, t.when));
                    go_fired = true;
                }
            }
        }
        if go_fired {
            wake.push(TIMERPROC_KEY);
        }
    }

    /// When the earliest live timer fires.
    pub fn next_when(&mut self) -> Option<i64> {
        self.heap.next_when()
    }

    /// The live timers.
    pub fn live(&self) -> impl Iterator<Item = &Timer> {
        self.heap.live()
    }

    /// The roots the timers hold for the collector: armed and fired Go timers, or the
    /// weak handle of a timer held weakly.
    pub fn roots(&self) -> impl Iterator<Item = u64> + '_ {
        self.go.iter().map(|(&t, s)| match *s {
            GoState::Armed(_, weak) if weak != 0 => weak,
            _ => t,
        })
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
            h.add(w, TimerAction::Wake(i as u64));
        }
        assert_eq!(h.next_when(), Some(10));
        assert_eq!(h.pop_due(5), None);
        let mut fired = Vec::new();
        while let Some(t) = h.pop_due(1000) {
            fired.push((t.when, t.action));
        }
        let mut want: Vec<(i64, TimerAction)> =
            whens.iter().enumerate().map(|(i, &w)| (w, TimerAction::Wake(i as u64))).collect();
        want.sort_by_key(|&(w, a)| (w, if let TimerAction::Wake(i) = a { i } else { 0 }));
        assert_eq!(fired, want);
        assert!(h.is_empty());
    }

    #[test]
    fn stopped_timers_never_fire() {
        let mut h = TimerHeap::default();
        let a = h.add(10, TimerAction::Wake(1));
        let b = h.add(20, TimerAction::Go { timer: 0x1000, chan: 0, weak: 0 });
        assert!(h.stop(a));
        assert!(!h.stop(a), "a second Stop reports the timer as no longer pending");
        assert_eq!(h.len(), 1);
        assert_eq!(h.next_when(), Some(20));
        assert_eq!(h.pop_due(100).map(|t| t.seq), Some(b));
        assert_eq!(h.pop_due(100), None);
        assert!(!h.stop(b), "a fired timer is not pending");
    }
}

#[cfg(test)]
mod go_timer_tests {
    use super::*;

    #[test]
    fn stopped_timers_do_not_pile_up() {
        let mut h = TimerHeap::default();
        let keep = h.add(5_000, TimerAction::Wake(1));
        for i in 0..1000 {
            let id = h.add(10_000 + i, TimerAction::Wake(2));
            assert!(h.stop(id));
        }
        assert!(h.heap.len() < 100, "{} entries", h.heap.len());
        assert_eq!(h.len(), 1);
        assert_eq!(h.pop_due(i64::MAX).map(|t| t.seq), Some(keep));
    }

    #[test]
    fn go_timers_fire_into_the_queue_and_disarm() {
        let mut t = Timers::default();
        t.arm(0x1000, 10, 0, 0);
        t.arm(0x2000, 20, 0x3000, 0);
        t.arm(0x1000, 30, 0, 0); // re-armed: fires at 30
        let mut wake = Vec::new();
        t.run_due(25, &mut wake);
        assert_eq!(wake, [TIMERPROC_KEY]);
        assert!(t.has_fired());
        assert!(t.disarm(0x2000), "fired but not run is still pending");
        assert_eq!(t.next_fired(40), None);
        wake.clear();
        t.run_due(40, &mut wake);
        assert_eq!(t.next_fired(42), Some((0x1000, 12)));
        assert!(!t.disarm(0x1000));
        assert_eq!(t.roots().count(), 0);
        // A weakly held timer that was collected does not fire.
        let handle = Box::new(0u64);
        t.arm(0x4000, 45, 0x5000, &*handle as *const u64 as u64);
        assert_eq!(t.roots().collect::<Vec<_>>(), [&*handle as *const u64 as u64]);
        wake.clear();
        t.run_due(46, &mut wake);
        assert!(wake.is_empty() && !t.has_fired() && t.roots().count() == 0);
        let k = t.new_key();
        t.wake_at(50, k);
        wake.clear();
        t.run_due(50, &mut wake);
        assert_eq!(wake, [k]);
    }
}
