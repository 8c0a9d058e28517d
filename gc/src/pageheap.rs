//! The page heap: hands out runs of 8 KiB pages from the reserved arena and takes them back.
//!
//! The arena is one reservation, committed from the bottom up in [`GROW_BYTES`] steps. Free
//! runs are kept coalesced, indexed both by start (to merge neighbours) and by length (best
//! fit, lowest address on ties). Two bits per page record what the OS side needs: `dirty`
//! (the page held objects since it last came from the OS, so it must be zeroed before reuse)
//! and `released` (its memory was given back with madvise and is not resident).

use std::collections::{BTreeMap, BTreeSet};

use crate::bitmap;
use crate::error::GcError;
use crate::os::Reservation;
use crate::sizeclass::PAGE_SIZE;

/// Commit granularity of the arena.
const GROW_BYTES: usize = 4 << 20;
const GROW_PAGES: usize = GROW_BYTES / PAGE_SIZE;
/// The smallest arena the heap settles for when the OS refuses a larger reservation.
const MIN_RESERVE: usize = 64 << 20;

pub(crate) struct PageHeap {
    mem: Reservation,
    /// Pages committed so far (the arena's high-water mark).
    committed: usize,
    by_start: BTreeMap<usize, usize>,
    by_len: BTreeSet<(usize, usize)>,
    dirty: Vec<u64>,
    released: Vec<u64>,
    /// Pages in free runs.
    pub free_pages: usize,
    /// Pages whose memory is released to the OS (all free).
    pub released_pages: usize,
    /// Bytes given back to the OS over the heap's life.
    pub released_total: u64,
}

impl PageHeap {
    /// Reserves the arena: `reserve_bytes`, or, where the address space is limited (ulimit -v,
    /// valgrind), the largest power-of-two fraction of it down to [`MIN_RESERVE`] that the OS
    /// grants.
    pub fn new(reserve_bytes: usize) -> Result<Self, GcError> {
        let mut len = reserve_bytes.max(GROW_BYTES).next_multiple_of(GROW_BYTES);
        let mem = loop {
            match Reservation::new(len) {
                Ok(m) => break m,
                Err(e) if len / 2 < MIN_RESERVE => return Err(e),
                Err(_) => len = (len / 2).next_multiple_of(GROW_BYTES),
            }
        };
        Ok(PageHeap {
            mem,
            committed: 0,
            by_start: BTreeMap::new(),
            by_len: BTreeSet::new(),
            dirty: Vec::new(),
            released: Vec::new(),
            free_pages: 0,
            released_pages: 0,
            released_total: 0,
        })
    }

    /// Address of page `page`.
    #[inline(always)]
    pub fn addr(&self, page: usize) -> usize {
        self.mem.base() + page * PAGE_SIZE
    }

    /// First address of the arena.
    #[inline(always)]
    pub fn base(&self) -> usize {
        self.mem.base()
    }

    /// Pages committed so far.
    pub fn committed_pages(&self) -> usize {
        self.committed
    }

    /// Allocates `n` contiguous pages. Returns the first page and whether any of them may hold
    /// stale data (then the caller must zero what it hands out).
    pub fn alloc(&mut self, n: usize) -> Result<(usize, bool), GcError> {
        if n == 0 {
            return Err(GcError::TooLarge);
        }
        let run = match self.by_len.range((n, 0)..).next() {
            Some(&r) => r,
            None => {
                self.grow(n)?;
                *self
                    .by_len
                    .range((n, 0)..)
                    .next()
                    .ok_or(GcError::OutOfMemory)?
            }
        };
        let (len, start) = run;
        self.remove_run(start, len);
        if len > n {
            self.insert_run(start + n, len - n);
        }
        self.free_pages -= n;
        self.released_pages -= bitmap::set_range(&mut self.released, start, start + n, false);
        let needzero = bitmap::count_range(&self.dirty, start, start + n) > 0;
        bitmap::set_range(&mut self.dirty, start, start + n, true);
        Ok((start, needzero))
    }

    /// Returns `n` pages starting at `start` to the free pool (their contents are now stale).
    pub fn free(&mut self, start: usize, n: usize) {
        let mut s = start;
        let mut len = n;
        if let Some((&ps, &pl)) = self.by_start.range(..start).next_back()
            && ps + pl == start
        {
            self.remove_run(ps, pl);
            s = ps;
            len += pl;
        }
        if let Some(&nl) = self.by_start.get(&(start + n)) {
            self.remove_run(start + n, nl);
            len += nl;
        }
        self.insert_run(s, len);
        self.free_pages += n;
    }

    /// Gives free pages back to the OS, highest addresses first, until at most `retain` bytes
    /// of the arena are resident (committed minus released), or everything free is released.
    pub fn release_to(&mut self, retain: usize) {
        let mut resident = (self.committed - self.released_pages) * PAGE_SIZE;
        if resident <= retain {
            return;
        }
        let runs: Vec<(usize, usize)> = self.by_start.iter().rev().map(|(&s, &l)| (s, l)).collect();
        for (s, l) in runs {
            for (a, b) in bitmap::runs(&self.released, s, s + l, false)
                .into_iter()
                .rev()
            {
                if resident <= retain {
                    return;
                }
                // Release only as much of this run as needed, from its top.
                let want = (resident - retain).div_ceil(PAGE_SIZE).min(b - a);
                let lo = b - want;
                if self.mem.release(lo * PAGE_SIZE, want * PAGE_SIZE) {
                    self.released_pages += bitmap::set_range(&mut self.released, lo, b, true);
                    bitmap::set_range(&mut self.dirty, lo, b, false);
                    self.released_total += (want * PAGE_SIZE) as u64;
                    resident -= want * PAGE_SIZE;
                }
            }
        }
    }

    fn grow(&mut self, n: usize) -> Result<(), GcError> {
        let add = n
            .checked_next_multiple_of(GROW_PAGES)
            .ok_or(GcError::OutOfMemory)?;
        let start = self.committed;
        let end = start
            .checked_add(add)
            .and_then(|e| e.checked_mul(PAGE_SIZE));
        if end.is_none_or(|e| e > self.mem.len()) {
            return Err(GcError::OutOfMemory);
        }
        self.mem.commit(start * PAGE_SIZE, add * PAGE_SIZE)?;
        self.committed += add;
        let words = self.committed.div_ceil(64);
        self.dirty.resize(words, 0);
        self.released.resize(words, 0);
        // Fresh memory is not resident until touched: count it as released, as Go does.
        self.released_pages += bitmap::set_range(&mut self.released, start, start + add, true);
        self.free(start, add);
        Ok(())
    }

    fn insert_run(&mut self, start: usize, len: usize) {
        self.by_start.insert(start, len);
        self.by_len.insert((len, start));
    }

    fn remove_run(&mut self, start: usize, len: usize) {
        self.by_start.remove(&start);
        self.by_len.remove(&(len, start));
    }

    #[cfg(test)]
    pub fn free_runs(&self) -> Vec<(usize, usize)> {
        self.by_start.iter().map(|(&s, &l)| (s, l)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alloc_free_coalesce_release() {
        let mut ph = PageHeap::new(64 << 20).unwrap();
        let (a, z) = ph.alloc(3).unwrap();
        assert!(!z);
        let (b, _) = ph.alloc(5).unwrap();
        let (c, _) = ph.alloc(1).unwrap();
        assert_eq!((a, b, c), (0, 3, 8));
        assert_eq!(ph.free_pages, GROW_PAGES - 9);
        ph.free(b, 5);
        ph.free(a, 3);
        assert_eq!(ph.free_runs(), vec![(0, 8), (9, GROW_PAGES - 9)]);
        ph.free(c, 1);
        assert_eq!(ph.free_runs(), vec![(0, GROW_PAGES)]);
        // Reused pages are dirty.
        let (d, z) = ph.alloc(2).unwrap();
        assert!(z && d == 0);
        ph.free(d, 2);
        ph.release_to(0);
        assert_eq!(ph.released_pages, GROW_PAGES);
        let (_, z) = ph.alloc(2).unwrap();
        assert!(!z, "released pages come back zeroed");
        // Growing beyond one chunk.
        let (big, _) = ph.alloc(GROW_PAGES + 1).unwrap();
        assert!(big >= 2);
        assert!(ph.alloc(1 << 30).is_err());
        assert!(ph.alloc(usize::MAX / PAGE_SIZE).is_err());
        assert!(ph.alloc(usize::MAX).is_err());
    }
}
