//! Channels: the `hchan` object on the Go heap, its ring buffer, and the wait queues
//! of parked goroutines.
//!
//! # Layout
//!
//! A channel value is one pointer to an [`Hchan`] header of [`HCHAN_WORDS`] words whose
//! only pointer is the buffer (word [`HCHAN_BUF_WORD`]); `qcount` and `dataqsiz` sit at
//! byte offsets 0 and 8 as in gc, so `len(ch)` and `cap(ch)` are one load each. The
//! buffer holds `cap` elements as *word images*: each element takes
//! [`Hchan::elem_words`] 64-bit words, exactly the words the interpreter pushes for a
//! value of the element type (a `bool` is one canonical word, not one byte). No Go code
//! can take the address of a buffered element, so the buffer need not have Go's
//! memory layout, and a send or receive is a plain word copy with no widening.
//!
//! # Wait queues
//!
//! A goroutine that blocks on a channel is described by a [`Sudog`] (gc's name) kept in
//! a [`Sudogs`] slab owned by the scheduler; the header's queues hold slab indices (plus
//! one, so that a zeroed header has empty queues), linked both ways so that a `select`
//! woken on one channel can leave the queues of its other cases in O(1). The header
//! therefore holds no Rust-side ownership: when the collector frees an unreachable
//! channel there is nothing else to free. A channel with waiters is never unreachable,
//! because each waiter's VM stack (a root) still holds the channel pointer as an operand
//! of the blocked instruction. The *values* a parked sender offers also stay in its own
//! stack (a root) until a receiver copies them, so no value is ever held only by a
//! queue.
//!
//! Costs: send, receive and close are O(elem_words) plus O(1) queue operations; a
//! blocking `select` over n cases allocates n sudogs from the slab (no heap allocation
//! once the slab has grown).

/// Words of an [`Hchan`] header.
pub const HCHAN_WORDS: usize = 12;

/// Byte offset of [`Hchan::timer`].
pub const HCHAN_TIMER_OFF: u64 = 88;

/// The header word that holds the buffer pointer.
pub const HCHAN_BUF_WORD: usize = 2;

/// The header word that holds the timer pointer ([`Hchan::timer`]).
pub const HCHAN_TIMER_WORD: usize = 11;

/// "No sudog" in a link field.
pub const NONE: u32 = u32::MAX;

/// The channel header, in Go heap memory (see the module docs).
#[repr(C)]
#[derive(Debug, Default)]
pub struct Hchan {
    /// Buffered elements (`len(ch)`).
    pub qcount: u64,
    /// Buffer capacity (`cap(ch)`).
    pub dataqsiz: u64,
    /// The ring buffer: `dataqsiz * elem_words` words, or 0.
    pub buf: u64,
    /// Words per element (0 for zero-sized types).
    pub elem_words: u64,
    /// Non-zero once closed.
    pub closed: u64,
    /// Next buffer index to send into.
    pub sendx: u64,
    /// Next buffer index to receive from.
    pub recvx: u64,
    /// Parked receivers, oldest first.
    pub recvq: WaitQ,
    /// Parked senders, oldest first.
    pub sendq: WaitQ,
    /// The `runtime.timeTimer` of a `time.Timer`'s or `time.Ticker`'s channel (gc's
    /// `c.timer`), else 0; a pointer the collector traces. Go 1.23's synchronous timer
    /// channels report `len` and `cap` 0, and `Stop` and `Reset` drain them.
    pub timer: u64,
}

const _: () = assert!(std::mem::size_of::<Hchan>() == HCHAN_WORDS * 8);

/// A FIFO of sudogs: slab index + 1 of the first and last, 0 when empty.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WaitQ {
    first: u64,
    last: u64,
}

impl WaitQ {
    /// Whether no goroutine waits.
    pub fn is_empty(&self) -> bool {
        self.first == 0
    }

    /// The oldest waiter, without removing it.
    pub fn peek(&self) -> Option<u32> {
        (self.first != 0).then(|| (self.first - 1) as u32)
    }
}

impl Hchan {
    /// The header at address `c`.
    ///
    /// # Safety
    /// `c` must be the address of a live channel header made by the interpreter's
    /// `MakeChan`, not aliased by another live reference.
    pub unsafe fn at<'a>(c: u64) -> &'a mut Hchan {
        // SAFETY: the caller's contract.
        unsafe { &mut *(c as *mut Hchan) }
    }

    /// Whether the buffer has an element to receive.
    pub fn has_buffered(&self) -> bool {
        self.qcount > 0
    }

    /// Whether the buffer has room for one more element.
    pub fn has_room(&self) -> bool {
        self.qcount < self.dataqsiz
    }

    /// The words of buffer element `i`.
    ///
    /// # Safety
    /// `i < dataqsiz` and the header's buffer is live.
    unsafe fn slot(&mut self, i: u64) -> &mut [u64] {
        let n = self.elem_words as usize;
        if n == 0 {
            return &mut [];
        }
        // SAFETY: the buffer holds `dataqsiz * elem_words` words.
        unsafe { std::slice::from_raw_parts_mut((self.buf as *mut u64).add(i as usize * n), n) }
    }

    /// Appends `value` (exactly `elem_words` words) to the buffer, which has room.
    ///
    /// # Safety
    /// As [`Hchan::at`]; the caller checked [`Hchan::has_room`].
    pub unsafe fn push(&mut self, value: &[u64]) {
        let i = self.sendx;
        // SAFETY: `sendx < dataqsiz` is kept by the increments below.
        unsafe { self.slot(i) }.copy_from_slice(value);
        self.sendx = if i + 1 == self.dataqsiz { 0 } else { i + 1 };
        self.qcount += 1;
    }

    /// Drops the buffered elements (a timer channel's stale value); whether there was one.
    ///
    /// # Safety
    /// As [`Hchan::at`].
    pub unsafe fn drain(&mut self) -> bool {
        let had = self.qcount > 0;
        let mut scratch = vec![0u64; self.elem_words as usize];
        while self.qcount > 0 {
            // SAFETY: the caller's contract; an element is buffered.
            unsafe { self.pop(&mut scratch) };
        }
        had
    }

    /// Removes the oldest buffered element into `out` (`elem_words` words), zeroing its
    /// slot so that the buffer does not keep garbage alive.
    ///
    /// # Safety
    /// As [`Hchan::at`]; the caller checked [`Hchan::has_buffered`].
    pub unsafe fn pop(&mut self, out: &mut [u64]) {
        let i = self.recvx;
        // SAFETY: `recvx < dataqsiz` is kept by the increments below.
        let slot = unsafe { self.slot(i) };
        out.copy_from_slice(slot);
        slot.fill(0);
        self.recvx = if i + 1 == self.dataqsiz { 0 } else { i + 1 };
        self.qcount -= 1;
    }
}

/// What a parked goroutine waits for on one channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sudog {
    /// The scheduler's index of the goroutine.
    pub g: u32,
    /// The `select` case this stands for, or [`NONE`] for a plain send or receive.
    pub case: u32,
    /// Word index in the goroutine's stack of the value to send, or of the frame
    /// slots that receive the value (a `select` receive); unused for a plain receive.
    pub elem: usize,
    /// The channel whose queue holds it.
    pub chan: u64,
    /// Whether it waits in the send queue (else the receive queue).
    pub send: bool,
    prev: u32,
    next: u32,
}

/// The slab of sudogs with a free list.
#[derive(Debug, Default)]
pub struct Sudogs {
    slots: Vec<Sudog>,
    free: Vec<u32>,
}

impl Sudogs {
    /// A new sudog (not yet in a queue).
    pub fn alloc(&mut self, g: u32, case: u32, elem: usize, chan: u64, send: bool) -> u32 {
        let s = Sudog { g, case, elem, chan, send, prev: NONE, next: NONE };
        match self.free.pop() {
            Some(i) => {
                if let Some(slot) = self.slots.get_mut(i as usize) {
                    *slot = s;
                }
                i
            }
            None => {
                self.slots.push(s);
                (self.slots.len() - 1) as u32
            }
        }
    }

    /// Returns a sudog (already out of its queue) to the free list.
    pub fn release(&mut self, id: u32) {
        self.free.push(id);
    }

    /// Sudog `id`.
    pub fn get(&self, id: u32) -> Option<&Sudog> {
        self.slots.get(id as usize)
    }

    /// Sudogs in use (allocated and not released).
    pub fn in_use(&self) -> usize {
        self.slots.len() - self.free.len()
    }

    fn link(&mut self, id: u32) -> (u32, u32) {
        self.slots.get(id as usize).map_or((NONE, NONE), |s| (s.prev, s.next))
    }

    fn set_prev(&mut self, id: u32, prev: u32) {
        if let Some(s) = self.slots.get_mut(id as usize) {
            s.prev = prev;
        }
    }

    fn set_next(&mut self, id: u32, next: u32) {
        if let Some(s) = self.slots.get_mut(id as usize) {
            s.next = next;
        }
    }

    /// Appends `id` to `q`.
    pub fn enqueue(&mut self, q: &mut WaitQ, id: u32) {
        let last = (q.last != 0).then(|| (q.last - 1) as u32);
        self.set_prev(id, last.unwrap_or(NONE));
        self.set_next(id, NONE);
        match last {
            Some(l) => self.set_next(l, id),
            None => q.first = u64::from(id) + 1,
        }
        q.last = u64::from(id) + 1;
    }

    /// Removes and returns the oldest sudog of `q`.
    pub fn dequeue(&mut self, q: &mut WaitQ) -> Option<u32> {
        let id = q.peek()?;
        self.remove(q, id);
        Some(id)
    }

    /// Unlinks `id`, which is in `q`.
    pub fn remove(&mut self, q: &mut WaitQ, id: u32) {
        let (prev, next) = self.link(id);
        if prev == NONE {
            q.first = if next == NONE { 0 } else { u64::from(next) + 1 };
        } else {
            self.set_next(prev, next);
        }
        if next == NONE {
            q.last = if prev == NONE { 0 } else { u64::from(prev) + 1 };
        } else {
            self.set_prev(next, prev);
        }
        self.set_prev(id, NONE);
        self.set_next(id, NONE);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ring_buffer_wraps_and_zeroes_taken_slots() {
        let mut buf = vec![0u64; 6];
        let mut h = Hchan { dataqsiz: 3, elem_words: 2, buf: buf.as_mut_ptr() as u64, ..Hchan::default() };
        let mut out = [0u64; 2];
        unsafe {
            h.push(&[1, 10]);
            h.push(&[2, 20]);
            h.pop(&mut out);
            assert_eq!(out, [1, 10]);
            h.push(&[3, 30]);
            h.push(&[4, 40]);
            assert!(!h.has_room());
            for want in [[2, 20], [3, 30], [4, 40]] {
                h.pop(&mut out);
                assert_eq!(out, want);
            }
        }
        assert!(!h.has_buffered());
        assert_eq!(buf, vec![0; 6]);
    }

    #[test]
    fn zero_sized_elements_only_count() {
        let mut h = Hchan { dataqsiz: 2, ..Hchan::default() };
        unsafe {
            h.push(&[]);
            h.push(&[]);
            assert!(!h.has_room());
            h.pop(&mut []);
        }
        assert_eq!(h.qcount, 1);
    }

    #[test]
    fn queues_are_fifo_and_remove_from_the_middle() {
        let mut s = Sudogs::default();
        let mut q = WaitQ::default();
        let ids: Vec<u32> = (0..4).map(|g| s.alloc(g, NONE, 0, 0, false)).collect();
        for &id in &ids {
            s.enqueue(&mut q, id);
        }
        s.remove(&mut q, ids[1]);
        s.remove(&mut q, ids[3]);
        assert_eq!(s.dequeue(&mut q), Some(ids[0]));
        assert_eq!(s.dequeue(&mut q), Some(ids[2]));
        assert_eq!(s.dequeue(&mut q), None);
        assert!(q.is_empty());
        for id in ids {
            s.release(id);
        }
        assert_eq!(s.in_use(), 0);
        // Released slots are reused.
        let again = s.alloc(9, 1, 5, 7, true);
        assert!(again < 4);
        assert_eq!(s.get(again).map(|x| (x.g, x.case, x.elem, x.chan)), Some((9, 1, 5, 7)));
    }
}
