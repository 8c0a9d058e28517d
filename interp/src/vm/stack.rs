//! A goroutine's VM stack: one contiguous, growable vector of 64-bit words.
//!
//! # Frame layout
//!
//! ```text
//!   fp ─▶ slot 0 .. params-1      arguments, pushed by the caller in place
//!         slot params .. size-1   locals (zeroed at entry)
//!         saved caller state      3 words (FRAME_RECORD_WORDS): return address,
//!                                 caller func|fp, caller closure context
//!         operand stack ...       up to max_stack words
//! ```
//!
//! A call turns the top `params` words of the caller's operand stack into the callee's
//! first slots (no copy), writes the 3-word record after the callee's slots and starts
//! the callee's operand stack above it. The return address is stored as a pointer into
//! the caller's code, so that `Ret` can fetch the next instruction without first
//! looking up the caller's function (a shorter chain of dependent loads); tracebacks
//! and the collector turn it back into an instruction index. `Ret` copies the results down to `fp` and
//! restores the caller from the record. Keeping the records inside the word stack gives
//! one capacity check per call and one size for the 1 GB limit; the collector and the
//! traceback walk frames through the records.
//!
//! # Growth
//!
//! The vector starts small (8 KB, as gc) and is *copied* into one twice as large when a
//! call needs more room; growth beyond [`DEFAULT_MAX_STACK_BYTES`] (gc's 1 GB limit; like
//! gc the largest stack that fits is 512 MB) is the fatal stack overflow. Copying is safe
//! because nothing points into a VM stack: Go variables whose address is taken live on
//! the heap (DESIGN.md, Memory model), frames link by *index*, and the dispatch loop
//! re-derives its raw pointers after every growth.

/// Words of the saved-caller record between a frame's slots and its operand stack.
pub const FRAME_RECORD_WORDS: usize = 3;

/// gc's `maxstacksize` on 64-bit targets.
pub const DEFAULT_MAX_STACK_BYTES: u64 = 1_000_000_000;

/// gc's initial goroutine stack (8 KB), in words.
pub const INITIAL_STACK_WORDS: usize = 1024;

/// The caller func id of the bottom frame: returning from it ends the goroutine.
pub const ENTRY_FUNC: u32 = u32::MAX;

/// Packs a frame record's second word: the caller's function and frame pointer (a
/// word index; stacks are limited to 2^32 words).
#[inline(always)]
pub fn pack_func_fp(func: u32, fp: usize) -> u64 {
    u64::from(func) | ((fp as u64) << 32)
}

/// Unpacks [`pack_func_fp`].
#[inline(always)]
pub fn unpack_func_fp(w: u64) -> (u32, usize) {
    (w as u32, (w >> 32) as usize)
}

/// The largest stack limit the record format allows (2^32 words).
pub const MAX_STACK_BYTES: u64 = 8 << 32;

/// The stack would outgrow its limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Overflow {
    /// The size the stack would have needed, in bytes.
    pub wanted_bytes: u64,
}

/// A growable word stack.
#[derive(Debug)]
pub struct Stack {
    words: Vec<u64>,
}

impl Stack {
    /// A zeroed stack of `words` words.
    pub fn new(words: usize) -> Stack {
        Stack { words: vec![0; words.max(FRAME_RECORD_WORDS + 1)] }
    }

    /// The words (the dispatch loop works on raw pointers derived from these).
    pub fn words(&self) -> &[u64] {
        &self.words
    }

    /// Mutable words.
    pub fn words_mut(&mut self) -> &mut [u64] {
        &mut self.words
    }

    /// Current size in words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the stack has no words (never true for a stack from [`Stack::new`]).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Makes the stack at least `needed` words long by doubling, unless the result would
    /// exceed `limit_bytes`. New words are zero.
    pub fn grow(&mut self, needed: usize, limit_bytes: u64) -> Result<(), Overflow> {
        let mut len = self.words.len().max(1);
        while len < needed {
            len = len.saturating_mul(2);
        }
        let bytes = (len as u64).saturating_mul(8);
        if bytes > limit_bytes {
            return Err(Overflow { wanted_bytes: bytes });
        }
        self.words.resize(len, 0);
        Ok(())
    }
}
