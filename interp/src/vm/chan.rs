//! The channel instructions (`MakeChan`, `ChanSend`, `ChanRecv`, `ChanClose`,
//! `Select`) and `Go`, over `runtime::chan`'s header and wait queues.
//!
//! Each runs with the current goroutine's state saved (its inputs on its operand stack)
//! and either completes — popping its inputs and pushing its results in the saved
//! state, which the dispatch loop then reloads — or parks the goroutine at the
//! instruction ([`Step::Block`]). A partner that finds a parked goroutine finishes that
//! goroutine's operation for it: it copies a parked sender's value straight out of the
//! sender's stack (the value stays there, visible to the collector, until then), or
//! hands a value to a parked receiver's `wake_buf`, records the outcome as a
//! [`Resume`] and makes the goroutine runnable. Completing an operation costs
//! O(element words); no allocation happens on these paths once the sudog slab and the
//! wake buffers have grown.

use super::sched::{Creator, Resume, WaitReason};
use super::{Goroutine, Vm, VmError, exec::Trap};
use crate::bytecode::{Instr, SELECT_HAS_DEFAULT, TypeLayout, WordSet};
use crate::bytecode::Kind;
use runtime::chan::{HCHAN_BUF_WORD, HCHAN_TIMER_WORD, HCHAN_WORDS, Hchan, NONE};
use runtime::errors::RuntimeError;

/// How a channel instruction ended.
pub(super) enum Step {
    /// Completed: reload the stack pointer and continue after the instruction.
    Done,
    /// The goroutine parked at the instruction.
    Block,
    /// A Go panic at the instruction.
    Panic(RuntimeError),
    /// A malformed program.
    Vm(VmError),
}

/// The Go-heap type of channel headers: scalar words except the buffer and timer
/// pointers.
pub(super) fn hchan_layout() -> TypeLayout {
    let mut kinds = [Kind::Scalar; HCHAN_WORDS];
    kinds[HCHAN_BUF_WORD] = Kind::Pointer;
    kinds[HCHAN_TIMER_WORD] = Kind::Pointer;
    TypeLayout { name: "runtime.hchan".into(), size: HCHAN_WORDS as u64 * 8, align: 8, pointers: WordSet::pointers(&kinds) }
}

/// gc's `maxAlloc` on linux/amd64.
const MAX_ALLOC: u128 = 1 << 48;

/// Initial stack of a goroutine started by `go`, in words (1 KiB; it doubles on
/// demand). gc starts at 8 KiB, but mvm's frames are smaller and growth is a copy.
const GO_STACK_WORDS: usize = 128;

/// Case `i` of the select whose cases start at stack word `at`: (channel, descriptor);
/// the caller checked that the cases lie below the stack pointer.
fn case_words(g: &Goroutine, at: usize, i: usize) -> (u64, u64) {
    let w = g.stack.words();
    (w.get(at + 2 * i).copied().unwrap_or(0), w.get(at + 2 * i + 1).copied().unwrap_or(0))
}

fn bad(msg: &str) -> Step {
    Step::Vm(VmError::BadEntry(msg.into()))
}

impl Vm<'_> {
    /// Collects now, with the roots of every goroutine (`g` is the running one).
    pub(super) fn collect(&mut self, g: &Goroutine) {
        let (program, metas, sched) = (self.program, &self.metas, &self.sched);
        self.heap.collect(&mut |report| super::scan_roots(program, metas, sched, g, report));
    }

    /// `runtime.GC()`: a full collection now, with the roots of every goroutine.
    pub(super) fn collect_forced(&mut self, g: &Goroutine) {
        let (program, metas, sched) = (self.program, &self.metas, &self.sched);
        self.heap.collect_forced(&mut |report| super::scan_roots(program, metas, sched, g, report));
    }

    /// Words of a value of type `t` on the operand stack (and in a channel buffer).
    fn elem_words(&self, t: u32) -> usize {
        self.program.type_layout(t).map_or(0, |l| l.size.div_ceil(8) as usize)
    }

    /// `make(chan T, size)`: the header, and the ring buffer if `size > 0` — typed by
    /// the element when it holds pointers, else pointer-free.
    pub(super) fn make_chan(&mut self, g: &Goroutine, t: u32, size: i64) -> Result<u64, Trap> {
        let Some(layout) = self.program.type_layout(t) else {
            return Err(Trap::Vm(VmError::BadType(t)));
        };
        let words = layout.size.div_ceil(8);
        if size < 0 || (size as u128) * u128::from(layout.size) > MAX_ALLOC {
            return Err(Trap::Runtime(RuntimeError::Plain("makechan: size out of range".into())));
        }
        let pointerful = layout.pointers.iter().next().is_some();
        // Allocation never collects: collect first, then both objects are made before
        // anything can run, so the buffer needs no rooting until the header holds it.
        if self.heap.collection_due() {
            self.collect(g);
        }
        let buf = if size == 0 || words == 0 {
            0
        } else if pointerful {
            // Pointer-aligned types have a size that is a multiple of 8: the word image
            // is the memory image, so the element's own bitmap describes the buffer.
            self.heap.alloc(t, layout, size as u64).map_err(|_| Trap::Vm(VmError::OutOfMemory))? as u64
        } else {
            let bytes = (size as u64).saturating_mul(words * 8);
            self.heap.alloc_noscan(bytes).map_err(|_| Trap::Vm(VmError::OutOfMemory))? as u64
        };
        let c = self.heap.alloc(self.hchan_ty, &self.hchan_layout, 1).map_err(|_| Trap::Vm(VmError::OutOfMemory))? as u64;
        // SAFETY: a fresh, zeroed header.
        let h = unsafe { Hchan::at(c) };
        h.dataqsiz = size as u64;
        h.buf = buf;
        h.elem_words = words;
        Ok(c)
    }

    /// `go f()`: a new goroutine calling the func value `f`, runnable next.
    pub(super) fn go(&mut self, g: &Goroutine, f: u64) -> Result<(), Trap> {
        if f == 0 {
            return Err(Trap::Fatal("go of nil func value".into()));
        }
        // SAFETY: a non-nil func value points at its function id word.
        let id = unsafe { *(f as *const u64) };
        let ok = self.metas.get(id as usize).is_some_and(|m| m.nparams == 0 && m.nresults == 0);
        if !ok {
            return Err(Trap::Vm(VmError::BadCallTarget(id)));
        }
        let goid = self.sched.new_goid();
        let mut new = Goroutine::for_closure(self.program, goid, id as u32, f, GO_STACK_WORDS);
        new.creator = Some(Creator { func: g.func, pc: g.pc, parent: g.id });
        let slot = self.sched.insert(Box::new(new));
        self.sched.ready_next(slot);
        Ok(())
    }

    /// `ChanSend(t)`: `[c, value..] -> []`.
    pub(super) fn chan_send(&mut self, g: &mut Goroutine, t: u32) -> Step {
        let n = self.elem_words(t);
        let Some(at) = g.sp.checked_sub(n + 1) else { return bad("send operands") };
        let Some(&c) = g.stack.words().get(at) else { return bad("send operands") };
        if c == 0 {
            g.wait = Some(WaitReason::ChanSendNil);
            return Step::Block;
        }
        // SAFETY (all `Hchan::at` below): `c` is a channel made by `MakeChan` (the
        // compiler types it), reachable from this stack; no other reference to the
        // header is live across the calls that follow.
        let (closed, receiver, room) = {
            let h = unsafe { Hchan::at(c) };
            let r = if h.closed == 0 { self.sched.sudogs.dequeue(&mut h.recvq) } else { None };
            (h.closed != 0, r, h.has_room())
        };
        if closed {
            return Step::Panic(RuntimeError::Plain("send on closed channel".into()));
        }
        let Some(value) = g.stack.words().get(at + 1..at + 1 + n) else { return bad("send operands") };
        if let Some(s) = receiver {
            self.wake_receiver(s, value, true);
        } else if room {
            unsafe { Hchan::at(c).push(value) };
        } else {
            let s = self.sched.sudogs.alloc(g.slot, NONE, at + 1, c, true);
            self.sched.sudogs.enqueue(unsafe { &mut Hchan::at(c).sendq }, s);
            g.sudogs.push(s);
            g.wait = Some(WaitReason::ChanSend);
            return Step::Block;
        }
        g.sp = at;
        Step::Done
    }

    /// `ChanRecv(t)`: `[c] -> [value.., ok]`.
    pub(super) fn chan_recv(&mut self, g: &mut Goroutine, t: u32) -> Step {
        let n = self.elem_words(t);
        let Some(at) = g.sp.checked_sub(1) else { return bad("receive operands") };
        let Some(&c) = g.stack.words().get(at) else { return bad("receive operands") };
        if c == 0 {
            g.wait = Some(WaitReason::ChanReceiveNil);
            return Step::Block;
        }
        let Some(out) = g.stack.words_mut().get_mut(at..at + n + 1) else { return bad("receive operands") };
        let (value, ok) = out.split_at_mut(n);
        match self.recv_into(c, value) {
            Some(got) => {
                ok[0] = u64::from(got);
                g.sp = at + n + 1;
                Step::Done
            }
            None => {
                let s = self.sched.sudogs.alloc(g.slot, NONE, 0, c, false);
                self.sched.sudogs.enqueue(unsafe { &mut Hchan::at(c).recvq }, s);
                g.sudogs.push(s);
                g.wait = Some(WaitReason::ChanReceive);
                Step::Block
            }
        }
    }

    /// A receive from `c` that does not block: from a parked sender (through the
    /// buffer if there is one), from the buffer, or the zero value of a closed channel.
    /// Returns the `ok` result, or `None` if the receive would block.
    fn recv_into(&mut self, c: u64, value: &mut [u64]) -> Option<bool> {
        let (sender, buffered, closed) = {
            let h = unsafe { Hchan::at(c) };
            (self.sched.sudogs.dequeue(&mut h.sendq), h.has_buffered(), h.closed != 0)
        };
        if let Some(s) = sender {
            let sd = self.sched.sudogs.get(s).copied()?;
            let src = self.sched.get_mut(sd.g)?.stack.words().get(sd.elem..sd.elem + value.len())?;
            if buffered {
                // Full buffer: take its oldest element; the sender's goes to the tail.
                let h = unsafe { Hchan::at(c) };
                unsafe {
                    h.pop(value);
                    h.push(src);
                }
            } else {
                value.copy_from_slice(src);
            }
            self.wake(s, None);
            Some(true)
        } else if buffered {
            unsafe { Hchan::at(c).pop(value) };
            Some(true)
        } else if closed {
            value.fill(0);
            Some(false)
        } else {
            None
        }
    }

    /// `close(c)`: `[c] -> []`; parked receivers get the zero value, parked senders
    /// retry their send and panic.
    pub(super) fn chan_close(&mut self, g: &mut Goroutine) -> Step {
        let Some(at) = g.sp.checked_sub(1) else { return bad("close operands") };
        let Some(&c) = g.stack.words().get(at) else { return bad("close operands") };
        if c == 0 {
            return Step::Panic(RuntimeError::Plain("close of nil channel".into()));
        }
        let n = {
            let h = unsafe { Hchan::at(c) };
            if h.closed != 0 {
                return Step::Panic(RuntimeError::Plain("close of closed channel".into()));
            }
            h.closed = 1;
            h.elem_words as usize
        };
        let zeros = vec![0u64; n];
        while let Some(s) = self.sched.sudogs.dequeue(unsafe { &mut Hchan::at(c).recvq }) {
            self.wake_receiver(s, &zeros, false);
        }
        while let Some(s) = self.sched.sudogs.dequeue(unsafe { &mut Hchan::at(c).sendq }) {
            self.wake(s, Some(Resume::Retry));
        }
        g.sp = at;
        Step::Done
    }

    /// Hands `value` to the receiver parked on sudog `s` (already out of its queue).
    fn wake_receiver(&mut self, s: u32, value: &[u64], ok: bool) {
        let Some(sd) = self.sched.sudogs.get(s).copied() else { return };
        let Some(r) = self.sched.get_mut(sd.g) else { return };
        if sd.case == NONE {
            r.wake_buf.clear();
            r.wake_buf.extend_from_slice(value);
            self.wake(s, Some(Resume::Recv { ok }));
        } else {
            // A select's receive: the value goes to the case's frame slots now.
            if let Some(dst) = r.stack.words_mut().get_mut(sd.elem..sd.elem + value.len()) {
                dst.copy_from_slice(value);
            }
            let resume = self.select_resume(sd.g, sd.case, ok);
            self.wake(s, Some(resume));
        }
    }

    /// The resume of a parked `select` in `slot` that completed case `case`.
    fn select_resume(&mut self, slot: u32, case: u32, ok: bool) -> Resume {
        let n = self
            .sched
            .get_mut(slot)
            .and_then(|r| self.program.function(r.func).and_then(|f| f.code.get(r.pc as usize)).copied());
        let pop = match n {
            Some(Instr::Select(n)) => 2 * usize::from(n & !SELECT_HAS_DEFAULT),
            _ => 0,
        };
        Resume::Select { pop, index: u64::from(case), ok }
    }

    /// Makes the goroutine of sudog `s` (already out of its queue) runnable with
    /// `resume` (`None`: its send completed), taking its other sudogs out of their
    /// queues.
    fn wake(&mut self, s: u32, resume: Option<Resume>) {
        let Some(sd) = self.sched.sudogs.get(s).copied() else { return };
        let resume = match resume {
            Some(r) => r,
            None if sd.case == NONE => {
                let pop = self.sched.get_mut(sd.g).map_or(0, |r| (r.sp + 1).saturating_sub(sd.elem));
                Resume::Send { pop }
            }
            None => self.select_resume(sd.g, sd.case, false),
        };
        let Some(r) = self.sched.get_mut(sd.g) else { return };
        r.resume = resume;
        let others = std::mem::take(&mut r.sudogs);
        for &o in &others {
            if o != s
                && let Some(od) = self.sched.sudogs.get(o).copied()
            {
                let h = unsafe { Hchan::at(od.chan) };
                let q = if od.send { &mut h.sendq } else { &mut h.recvq };
                self.sched.sudogs.remove(q, o);
            }
            self.sched.sudogs.release(o);
        }
        if let Some(r) = self.sched.get_mut(sd.g) {
            // Keep the list's capacity for the next park.
            r.sudogs = others;
            r.sudogs.clear();
        }
        self.sched.ready_next(sd.g);
    }

    /// `Select(n | SELECT_HAS_DEFAULT?)`: `[c0, d0, ..] -> [index, ok]`.
    pub(super) fn select(&mut self, g: &mut Goroutine, op: u16) -> Step {
        let n = usize::from(op & !SELECT_HAS_DEFAULT);
        let has_default = op & SELECT_HAS_DEFAULT != 0;
        let Some(at) = g.sp.checked_sub(2 * n) else { return bad("select operands") };
        if g.stack.words().get(at..at + 2).is_none() {
            return bad("select operands");
        }
        // Poll in a uniformly random order (Fisher-Yates), as gc's pollorder.
        let mut order = std::mem::take(&mut self.sched.order);
        order.clear();
        for i in 0..n as u32 {
            let j = self.sched.rand_below(i + 1);
            order.push(i);
            order.swap(i as usize, j as usize);
        }
        let mut chosen = None;
        for &i in &order {
            match self.try_case(g, at, i as usize) {
                Ok(Some(ok)) => {
                    chosen = Some((u64::from(i), ok));
                    break;
                }
                Ok(None) => {}
                Err(step) => {
                    self.sched.order = order;
                    return step;
                }
            }
        }
        self.sched.order = order;
        if chosen.is_none() && has_default {
            chosen = Some((n as u64, false));
        }
        if let Some((index, ok)) = chosen {
            if let Some(out) = g.stack.words_mut().get_mut(at..at + 2) {
                out.copy_from_slice(&[index, u64::from(ok)]);
            }
            g.sp = at + 2;
            return Step::Done;
        }
        // Park on every non-nil case, in case order.
        for i in 0..n {
            let (c, d) = case_words(g, at, i);
            if c == 0 {
                continue;
            }
            let send = d & 1 != 0;
            let s = self.sched.sudogs.alloc(g.slot, i as u32, g.fp + (d >> 1) as usize, c, send);
            let h = unsafe { Hchan::at(c) };
            self.sched.sudogs.enqueue(if send { &mut h.sendq } else { &mut h.recvq }, s);
            g.sudogs.push(s);
        }
        g.wait = Some(if n == 0 { WaitReason::SelectNoCases } else { WaitReason::Select });
        Step::Block
    }

    /// Tries case `i` of the select whose cases start at word `at`: `Some(ok)` if it
    /// completed, `None` if it is not ready.
    fn try_case(&mut self, g: &mut Goroutine, at: usize, i: usize) -> Result<Option<bool>, Step> {
        let (c, d) = case_words(g, at, i);
        if c == 0 {
            return Ok(None);
        }
        let (n, closed) = {
            let h = unsafe { Hchan::at(c) };
            (h.elem_words as usize, h.closed != 0)
        };
        let slot = g.fp + (d >> 1) as usize;
        let Some(value) = g.stack.words_mut().get_mut(slot..slot + n) else { return Err(bad("select case slots")) };
        if d & 1 == 0 {
            return Ok(self.recv_into(c, value));
        }
        if closed {
            return Err(Step::Panic(RuntimeError::Plain("send on closed channel".into())));
        }
        let (receiver, room) = {
            let h = unsafe { Hchan::at(c) };
            (self.sched.sudogs.dequeue(&mut h.recvq), h.has_room())
        };
        if let Some(s) = receiver {
            self.wake_receiver(s, value, true);
            Ok(Some(false))
        } else if room {
            unsafe { Hchan::at(c).push(value) };
            Ok(Some(false))
        } else {
            Ok(None)
        }
    }
}
