//! The goroutine scheduler: goroutine table, run queues, parking and waking, and the
//! driver loop with deadlock detection.
//!
//! # Model
//!
//! One OS thread runs Go code (GOMAXPROCS = 1 semantics, which the Go memory model
//! allows). The scheduler still keeps its run queue in a `P` (gc's processor), so that
//! running Ps on several threads later means adding Ps and stealing, not rewriting.
//! Like gc, a P has a `runnext` slot besides its FIFO: a goroutine made ready by a
//! channel operation or just created by `go` runs next, and the one it displaces goes
//! to the tail of the FIFO. This makes hand-offs (ping-pong, pipelines) cheap and gives
//! the same scheduling order as gc on one P in the common cases.
//!
//! A goroutine runs until it returns, blocks (a channel operation with no partner: it
//! parks *at* the instruction, see `Resume`), panics, or spends its time slice of
//! [`SLICE`] calls and back-edges (preemption: it goes to the tail of the FIFO), so a
//! goroutine spinning in `for {}` does not starve the others. As in gc, a goroutine
//! taken from `runnext` inherits what is left of the slice of the one that readied it:
//! otherwise two goroutines handing a value back and forth would run forever on fresh
//! slices and starve the FIFO.
//!
//! Goroutines live in a slot table; the running one is taken out of its slot while it
//! runs, so the interpreter can mutate other goroutines (complete a parked receiver)
//! while it holds the running one. A parked goroutine is referenced only from
//! channel wait queues (through [`runtime::chan::Sudog`]s that name its slot).
//!
//! # Deadlock
//!
//! When no goroutine is runnable while `main` has not returned, the scheduler waits
//! for what can still wake one (see below); when nothing can, every goroutine is
//! asleep for good: the program dies with gc's `fatal error: all goroutines are asleep
//! - deadlock!` and the traces of all goroutines (not the runtime's own), exit status
//! 2, without running deferred calls.
//!
//! # Coroutines (design: `iter.Pull` needs the `iter` package)
//!
//! `iter.Pull` will run the iterator in a goroutine of its own that never enters a run
//! queue: `next` parks the caller with a new wait reason and switches straight to the
//! coroutine (gc's `coroswitch`), whose `yield` parks it and switches back, handing the
//! value over as a channel hand-off does (completing the parked side's operation, as
//! `Resume` does). No OS thread and no scheduler round trip is involved; `stop` resumes the
//! coroutine so that its deferred calls run.
//!
//! # Timers, the poller and signals
//!
//! `time.Sleep`, `time.Timer`/`Ticker`/`AfterFunc` (so `time.After`, `context`
//! deadlines) and I/O deadlines share one timer heap ([`runtime::timers::Timers`]).
//! Before it picks a goroutine the driver fires the due timers (gc's `checkTimers`): a
//! sleeper's or deadline waiter's key is woken; a Go timer of package `time` is queued
//! for `runtime.timerproc`, a goroutine of the runtime's own (started on the first
//! fired timer, left out of traces and `NumGoroutine`, never preempted, so its
//! `sendTime` is never interleaved with `Stop`/`Reset`), which runs the timer's Go
//! function. Goroutines waiting on descriptors, signals (`signal_recv`) or children
//! (`wait4`/`waitid`) park on keys the poller ([`runtime::netpoll`], epoll through
//! `mio`) wakes; the driver asks it without waiting at most every millisecond while
//! goroutines are runnable and some wait on I/O.
//!
//! With nothing runnable (`Vm::idle`), the driver waits in the poller until the next
//! timer (or forever if only I/O is pending). It reports a deadlock only when no
//! goroutine waits on I/O and no pending timer can wake one: as in gc, a timer channel
//! nobody is blocked on does not count (gc keeps such timers out of its heap), nor does
//! an I/O deadline without a waiter; a sleep and an `AfterFunc` do.

use super::{Goroutine, Stop, Vm, VmError};
use crate::bytecode::FuncId;
use runtime::chan::Sudogs;
use runtime::panic::{self as report, TraceFrame};
use std::collections::VecDeque;

/// Calls plus back-edges a goroutine may run before it is preempted (a few
/// milliseconds of interpretation; gc preempts after 10 ms).
pub const SLICE: u64 = 1 << 16;

/// The budget of the runtime's own goroutine: not preempted.
const SYSTEM_SLICE: u64 = 1 << 60;

/// How often the poller is asked, without waiting, while goroutines are runnable
/// (nanoseconds).
const POLL_INTERVAL: i64 = 1_000_000;

/// gc numbers the first user goroutine after its own system goroutines; mvm has none
/// with an id (its timer goroutine is not numbered)
/// but starts where a small gc program typically does, so reports look alike.
const FIRST_USER_GOID: u64 = 18;

/// Why a goroutine is parked: gc's `waitReason` strings, shown in tracebacks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WaitReason {
    ChanReceive,
    ChanSend,
    ChanReceiveNil,
    ChanSendNil,
    Select,
    SelectNoCases,
    /// Parked by a native (a semaphore, a notify list): gc's reason string.
    Sync(&'static str),
}

impl WaitReason {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            WaitReason::ChanReceive => "chan receive",
            WaitReason::ChanSend => "chan send",
            WaitReason::ChanReceiveNil => "chan receive (nil chan)",
            WaitReason::ChanSendNil => "chan send (nil chan)",
            WaitReason::Select => "select",
            WaitReason::SelectNoCases => "select (no cases)",
            WaitReason::Sync(s) => s,
        }
    }
}

/// How a parked goroutine continues when it runs again. It parked with its pc at the
/// blocking instruction and that instruction's inputs on its operand stack (so the
/// stack map of the instruction describes its stack while it waits); the partner that
/// woke it decided the outcome, which is applied just before it runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Resume {
    /// Not parked, or woken by `close`: (re-)execute the instruction at pc.
    #[default]
    Retry,
    /// A send completed: drop the `pop` input words and continue after it.
    Send { pop: usize },
    /// A receive completed: replace the channel by `Goroutine::wake_buf` and `ok`.
    Recv { ok: bool },
    /// A `select` completed with case `index` (its value, if a receive, is already in
    /// the case's frame slots): replace the `pop` case words by `index, ok`.
    Select { pop: usize, index: u64, ok: bool },
}

/// Where a goroutine was started, for `created by ... in goroutine N`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Creator {
    pub func: u32,
    pub pc: u32,
    pub parent: u64,
}

/// A processor: the run queue of goroutine slots.
#[derive(Debug, Default)]
struct P {
    runnext: Option<u32>,
    runq: VecDeque<u32>,
}

/// The scheduler's state (owned by the [`Vm`]).
#[derive(Debug)]
pub struct Sched {
    /// Goroutines by slot; `None` for a free slot or the one running now.
    gs: Vec<Option<Box<Goroutine>>>,
    free_slots: Vec<u32>,
    ps: Vec<P>,
    next_goid: u64,
    rng: u64,
    /// Channel wait-queue entries.
    pub(crate) sudogs: Sudogs,
    /// Scratch for `select`'s random poll order.
    pub(crate) order: Vec<u32>,
    /// Goroutines parked by natives, by what they wait on (a semaphore's address...),
    /// oldest first.
    waiters: std::collections::HashMap<u64, VecDeque<u32>>,
    /// How many of them wait for the poller (descriptors, signals, children).
    io_parked: usize,
    /// Timers (`time`, I/O deadlines).
    pub(crate) timers: runtime::timers::Timers,
    /// The descriptor poller, made on first use.
    pub(crate) netpoll: Option<runtime::netpoll::Netpoll>,
    /// When the poller was last asked (monotonic ns), while goroutines run.
    last_poll: i64,
    /// The runtime's timer goroutine (`runtime.timerproc`), once started.
    timerproc: Option<u32>,
}

impl Default for Sched {
    fn default() -> Sched {
        Sched::new()
    }
}

impl Sched {
    /// An empty scheduler with one P.
    pub fn new() -> Sched {
        // Seeded per run as gc's `cheaprand`: select's choice must not be predictable.
        let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64);
        let rng = t ^ (&raw const t as u64).rotate_left(32) | 1;
        Sched {
            gs: Vec::new(),
            free_slots: Vec::new(),
            ps: vec![P::default()],
            next_goid: FIRST_USER_GOID,
            rng,
            sudogs: Sudogs::default(),
            order: Vec::new(),
            waiters: std::collections::HashMap::new(),
            io_parked: 0,
            timers: runtime::timers::Timers::default(),
            netpoll: None,
            last_poll: 0,
            timerproc: None,
        }
    }

    /// The program's goroutines in the table (runnable or parked; not the running one,
    /// whose slot is empty while it runs, nor the runtime's own).
    pub fn num_goroutine(&self) -> usize {
        self.goroutines().count()
    }

    /// The number of Ps (`GOMAXPROCS`).
    pub fn num_procs(&self) -> usize {
        self.ps.len()
    }

    /// A uniformly random number below `n` (wyrand; `n > 0`).
    pub(crate) fn rand_below(&mut self, n: u32) -> u32 {
        self.rng = self.rng.wrapping_add(0xa076_1d64_78bd_642f);
        let t = u128::from(self.rng) * u128::from(self.rng ^ 0xe703_7ed1_a0b4_28db);
        let r = ((t >> 64) as u64 ^ t as u64) as u32;
        ((u64::from(r) * u64::from(n)) >> 32) as u32
    }

    /// The next goroutine id for `go`.
    pub(crate) fn new_goid(&mut self) -> u64 {
        let id = self.next_goid;
        self.next_goid += 1;
        id
    }

    /// Adds `g` to the table (not yet runnable) and returns its slot.
    pub(crate) fn insert(&mut self, mut g: Box<Goroutine>) -> u32 {
        match self.free_slots.pop() {
            Some(s) => {
                g.slot = s;
                if let Some(cell) = self.gs.get_mut(s as usize) {
                    *cell = Some(g);
                }
                s
            }
            None => {
                let s = self.gs.len() as u32;
                g.slot = s;
                self.gs.push(Some(g));
                s
            }
        }
    }

    /// Takes goroutine `slot` out of the table to run it.
    fn take(&mut self, slot: u32) -> Option<Box<Goroutine>> {
        self.gs.get_mut(slot as usize).and_then(Option::take)
    }

    /// Puts a goroutine taken by [`Sched::take`] back.
    fn put(&mut self, g: Box<Goroutine>) {
        let s = g.slot as usize;
        if let Some(cell) = self.gs.get_mut(s) {
            *cell = Some(g);
        }
    }

    /// Frees the slot of a goroutine that ended.
    fn exit(&mut self, slot: u32) {
        if self.timerproc == Some(slot) {
            self.timerproc = None;
        }
        if let Some(cell) = self.gs.get_mut(slot as usize) {
            *cell = None;
            self.free_slots.push(slot);
        }
    }

    /// The parked goroutine in `slot`.
    pub(crate) fn get_mut(&mut self, slot: u32) -> Option<&mut Goroutine> {
        self.gs.get_mut(slot as usize).and_then(|g| g.as_deref_mut())
    }

    /// All goroutines in the table (not the running one), also the runtime's own.
    pub(crate) fn all_goroutines(&self) -> impl Iterator<Item = &Goroutine> {
        self.gs.iter().filter_map(|g| g.as_deref())
    }

    /// The program's goroutines in the table (not the running one, not the runtime's).
    pub(crate) fn goroutines(&self) -> impl Iterator<Item = &Goroutine> {
        self.all_goroutines().filter(|g| !g.system)
    }

    /// Makes `slot` runnable next (gc's `ready` with `next = true`); the goroutine it
    /// displaces from `runnext` goes to the tail of the run queue.
    pub(crate) fn ready_next(&mut self, slot: u32) {
        let Some(p) = self.ps.first_mut() else { return };
        if let Some(old) = p.runnext.replace(slot) {
            p.runq.push_back(old);
        }
    }

    /// Parks goroutine `slot` on `key` (see `runtime::native::NativeError::Park`).
    pub(crate) fn park_on(&mut self, key: u64, slot: u32) {
        if runtime::netpoll::is_io_key(key) {
            self.io_parked += 1;
        }
        self.waiters.entry(key).or_default().push_back(slot);
    }

    /// Makes the goroutines parked on `key` runnable (the oldest, or all), as gc's
    /// `goready` does: next, ahead of the run queue.
    pub(crate) fn wake(&mut self, key: u64, all: bool) {
        let Some(q) = self.waiters.get_mut(&key) else { return };
        let woken: Vec<u32> = if all { q.drain(..).collect() } else { q.pop_front().into_iter().collect() };
        if q.is_empty() {
            self.waiters.remove(&key);
        }
        self.unpark(key, woken.into_iter(), true);
    }

    /// Makes the goroutines parked on `key` runnable at the tail of the run queue.
    pub(crate) fn wake_fifo(&mut self, key: u64) {
        let Some(q) = self.waiters.remove(&key) else { return };
        self.unpark(key, q.into_iter(), false);
    }

    /// Makes `slots`, taken off `key`'s wait list, runnable: next (`goready`) or at the
    /// tail of the run queue.
    fn unpark(&mut self, key: u64, slots: impl ExactSizeIterator<Item = u32>, next: bool) {
        if runtime::netpoll::is_io_key(key) {
            self.io_parked = self.io_parked.saturating_sub(slots.len());
        }
        for slot in slots {
            if let Some(g) = self.get_mut(slot) {
                g.wait = None;
            }
            if next {
                self.ready_next(slot);
            } else {
                self.ready_tail(slot);
            }
        }
    }

    /// Makes `slot` runnable at the tail of the run queue (after preemption).
    fn ready_tail(&mut self, slot: u32) {
        if let Some(p) = self.ps.first_mut() {
            p.runq.push_back(slot);
        }
    }

    /// Whether a goroutine is runnable.
    fn has_runnable(&self) -> bool {
        self.ps.first().is_some_and(|p| p.runnext.is_some() || !p.runq.is_empty())
    }

    /// The next goroutine to run, and whether it came from `runnext` (it then
    /// inherits the current time slice).
    fn next(&mut self) -> Option<(u32, bool)> {
        let p = self.ps.first_mut()?;
        match p.runnext.take() {
            Some(s) => Some((s, true)),
            None => p.runq.pop_front().map(|s| (s, false)),
        }
    }
}

/// What one run of a goroutine ended with, for the driver.
enum Outcome {
    Returned(Vec<u64>),
    Again,
    Stopped(Stop),
    Goexited,
}

impl Vm<'_> {
    /// Runs `func` with `args` as goroutine 1 (the main goroutine, or a package
    /// initializer) and schedules every goroutine until it returns: then the program is
    /// over for gc, and the other goroutines are simply not run again. An unrecovered
    /// panic in any goroutine, or a deadlock, stops everything.
    pub fn run_main(&mut self, func: FuncId, args: &[u64]) -> Result<Vec<u64>, Stop> {
        let main = Goroutine::new(self.program, 1, func, args).map_err(Stop::Error)?;
        let slot = self.sched.insert(Box::new(main));
        self.sched.ready_next(slot);
        let saved = self.slice;
        let r = self.schedule(slot);
        self.slice = saved;
        r
    }

    fn schedule(&mut self, main: u32) -> Result<Vec<u64>, Stop> {
        let full = self.config.budget.min(SLICE);
        self.slice_left = full;
        let mut main_goexited = false;
        loop {
            self.check_timers_and_io();
            let next = match self.sched.next() {
                Some(n) => Some(n),
                None if self.idle() => self.sched.next(),
                None => None,
            };
            let Some((slot, inherit)) = next else {
                if main_goexited {
                    return Err(self.no_goroutines());
                }
                return Err(self.deadlock());
            };
            let Some(mut g) = self.sched.take(slot) else {
                return Err(Stop::Error(VmError::BadEntry(format!("no goroutine in slot {slot}"))));
            };
            // The runtime's own goroutine (timers) is not preempted: it runs short Go
            // functions of package time that must not be interleaved with Stop/Reset.
            self.slice = if g.system {
                SYSTEM_SLICE
            } else if inherit {
                self.slice_left.clamp(1, full)
            } else {
                full
            };
            let status = if self.config.count_instructions { self.run_counted(&mut g) } else { self.run(&mut g) };
            let outcome = match status {
                super::Status::Returned(r) => Outcome::Returned(r),
                super::Status::Yielded => {
                    self.sched.ready_tail(slot);
                    Outcome::Again
                }
                super::Status::Blocked => Outcome::Again,
                super::Status::Stopped(s) => Outcome::Stopped(s),
                super::Status::Goexited => Outcome::Goexited,
            };
            match outcome {
                Outcome::Again => self.sched.put(g),
                Outcome::Returned(r) => {
                    self.sched.exit(slot);
                    if slot == main {
                        return Ok(r);
                    }
                }
                Outcome::Stopped(s) => {
                    self.sched.exit(slot);
                    return Err(s);
                }
                Outcome::Goexited => {
                    // The program goes on without the goroutine; without main, it
                    // can only end in gc's "no goroutines" deadlock.
                    self.sched.exit(slot);
                    main_goexited |= slot == main;
                }
            }
        }
    }

    /// Between goroutines (gc's `checkTimers` in `schedule` and sysmon's poll): fires
    /// the due timers, and asks the poller for events without waiting when goroutines
    /// wait on I/O and it was not asked for a millisecond.
    fn check_timers_and_io(&mut self) {
        if self.sched.timers.is_empty() && self.sched.io_parked == 0 {
            return;
        }
        let now = runtime::native::sys::nanotime() as i64;
        self.fire_timers(now);
        if self.sched.io_parked > 0 && now.saturating_sub(self.sched.last_poll) >= POLL_INTERVAL {
            self.sched.last_poll = now;
            self.netpoll(Some(std::time::Duration::ZERO));
        }
    }

    /// Fires the timers due at `now`: wakes sleepers and deadline waiters, and hands
    /// fired Go timers to the timer goroutine (started on first use).
    fn fire_timers(&mut self, now: i64) {
        let mut wake = Vec::new();
        self.sched.timers.run_due(now, &mut wake);
        // Several sleepers due at once wake in deadline order (through the run queue:
        // each one readied next would displace the one before it).
        let fifo = wake.len() > 1;
        for key in wake {
            if key == runtime::timers::TIMERPROC_KEY {
                self.start_timerproc();
            }
            if fifo {
                self.sched.wake_fifo(key);
            } else {
                self.sched.wake(key, true);
            }
        }
    }

    /// Starts `runtime.timerproc`, the goroutine that runs the functions of fired Go
    /// timers (`sendTime`, `goFunc`), if it is not running yet. It is the runtime's
    /// own: not in traces, not counted, never preempted.
    fn start_timerproc(&mut self) {
        if self.sched.timerproc.is_some() {
            return;
        }
        let Some(func) = self.program.support().timerproc else { return };
        let Ok(mut g) = Goroutine::new(self.program, 0, func, &[]) else { return };
        g.system = true;
        let slot = self.sched.insert(Box::new(g));
        self.sched.timerproc = Some(slot);
        self.sched.ready_next(slot);
    }

    /// Waits for the poller (or sleeps) up to `timeout` and wakes the goroutines whose
    /// descriptors, signals or children are ready.
    fn netpoll(&mut self, timeout: Option<std::time::Duration>) {
        let mut wake = Vec::new();
        match self.sched.netpoll.as_mut() {
            Some(np) => np.poll(timeout, &mut wake),
            None => {
                if let Some(t) = timeout {
                    std::thread::sleep(t);
                }
            }
        }
        for key in wake {
            self.sched.wake(key, true);
        }
    }

    /// Nothing is runnable: waits, in the poller, for the next timer or I/O event until
    /// a goroutine is runnable. False when nothing can ever wake one: a deadlock. As in
    /// gc, a timer counts only if it can wake a goroutine: a sleep, an `AfterFunc`, an
    /// I/O deadline with a waiter, or a timer channel with a parked receiver (gc keeps
    /// the others out of its heap).
    fn idle(&mut self) -> bool {
        loop {
            let now = runtime::native::sys::nanotime() as i64;
            self.fire_timers(now);
            if self.sched.has_runnable() {
                return true;
            }
            if !self.timers_can_wake() && self.sched.io_parked == 0 {
                return false;
            }
            let timeout = self.sched.timers.next_when().map(|w| std::time::Duration::from_nanos(w.saturating_sub(now).max(0) as u64));
            if timeout.is_none() && self.sched.netpoll.is_none() {
                return false;
            }
            self.sched.last_poll = now;
            self.netpoll(timeout);
        }
    }

    /// Whether a pending timer can make a goroutine runnable.
    fn timers_can_wake(&self) -> bool {
        use runtime::timers::TimerAction;
        self.sched.timers.has_fired()
            || self.sched.timers.live().any(|t| match t.action {
                TimerAction::Wake(key) => self.sched.waiters.contains_key(&key),
                TimerAction::Go { chan: 0, .. } => true,
                // SAFETY: the weak handle is a root while the timer is armed; while it
                // still holds the timer, the timer holds its channel.
                TimerAction::Go { chan, weak, .. } => unsafe {
                    (weak == 0 || *(weak as *const u64) != 0) && !runtime::chan::Hchan::at(chan).recvq.is_empty()
                },
            })
    }

    /// gc's `checkdead` report: the message, then every goroutine's trace (goroutine 1
    /// first, then by id), each as `goroutine N [reason]:` and its frames.
    fn deadlock(&mut self) -> Stop {
        let _ = self.out.flush();
        let mut gs: Vec<&Goroutine> = self.sched.goroutines().collect();
        gs.sort_by_key(|g| g.id);
        let mut out = String::from("fatal error: all goroutines are asleep - deadlock!\n");
        for g in gs {
            let status = g.wait.map_or("runnable", WaitReason::as_str);
            let frames = self.traceback(g, self.config.max_trace_frames).0;
            out.push('\n');
            out.push_str(&report::goroutine_trace(g.id, status, &frames));
            out.push_str(&self.created_by(g));
        }
        Stop::Fatal { report: out }
    }

    /// gc's report when `main` called `runtime.Goexit` and every other goroutine ended.
    fn no_goroutines(&mut self) -> Stop {
        let _ = self.out.flush();
        let mut out = String::from("fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n");
        let mut gs: Vec<&Goroutine> = self.sched.goroutines().collect();
        gs.sort_by_key(|g| g.id);
        for g in gs {
            let status = g.wait.map_or("runnable", WaitReason::as_str);
            let frames = self.traceback(g, self.config.max_trace_frames).0;
            out.push('\n');
            out.push_str(&report::goroutine_trace(g.id, status, &frames));
            out.push_str(&self.created_by(g));
        }
        Stop::Fatal { report: out }
    }

    /// `created by F in goroutine N` and its position, for goroutines started by `go`.
    pub(crate) fn created_by(&self, g: &Goroutine) -> String {
        let Some(c) = g.creator else { return String::new() };
        let Some(f) = self.program.function(c.func) else { return String::new() };
        let frame = TraceFrame { function: f.name.clone(), file: f.file.clone(), line: f.line(c.pc), pc: c.pc, has_args: !f.sig.params.is_empty() };
        report::created_by(&frame, c.parent)
    }
}

/// Applies a parked goroutine's [`Resume`] to its saved state before it runs.
pub(crate) fn apply_resume(g: &mut Goroutine) -> Result<(), VmError> {
    let bad = || VmError::BadEntry("inconsistent resume of a parked goroutine".into());
    g.wait = None;
    match std::mem::take(&mut g.resume) {
        Resume::Retry => return Ok(()),
        Resume::Send { pop } => g.sp = g.sp.checked_sub(pop).ok_or_else(bad)?,
        Resume::Recv { ok } => {
            let at = g.sp.checked_sub(1).ok_or_else(bad)?;
            let n = g.wake_buf.len();
            let dst = g.stack.words_mut().get_mut(at..at + n + 1).ok_or_else(bad)?;
            dst[..n].copy_from_slice(&g.wake_buf);
            dst[n] = u64::from(ok);
            g.sp = at + n + 1;
            g.wake_buf.clear();
        }
        Resume::Select { pop, index, ok } => {
            let at = g.sp.checked_sub(pop).ok_or_else(bad)?;
            let dst = g.stack.words_mut().get_mut(at..at + 2).ok_or_else(bad)?;
            dst[0] = index;
            dst[1] = u64::from(ok);
            g.sp = at + 2;
        }
    }
    g.pc += 1;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runnext_runs_first_and_displaces_to_the_tail() {
        let mut s = Sched::new();
        s.ready_tail(1);
        s.ready_next(2);
        s.ready_next(3); // 2 goes behind 1
        let order: Vec<(u32, bool)> = std::iter::from_fn(|| s.next()).collect();
        assert_eq!(order, [(3, true), (1, false), (2, false)]);
    }

    #[test]
    fn rand_below_covers_its_range_uniformly_enough() {
        let mut s = Sched::new();
        let mut counts = [0u32; 5];
        for _ in 0..50_000 {
            let r = s.rand_below(5);
            counts[r as usize] += 1;
        }
        // Each bucket expects 10,000; 5 standard deviations is about ±450.
        for c in counts {
            assert!((9_000..11_000).contains(&c), "{counts:?}");
        }
        assert_eq!(s.rand_below(1), 0);
    }
}
