//! The runtime's cheap random numbers (gc's `cheaprand`): map seeds, the random start of
//! each map iteration, and the hash of a NaN key. Not for cryptography.

use std::cell::Cell;
use std::hash::{BuildHasher, Hasher};

thread_local! {
    /// A wyrand state, seeded once per thread from the standard library's per-process
    /// random keys.
    static STATE: Cell<u64> = Cell::new({
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(0x5eed);
        h.finish() | 1
    });
}

/// The next random word (wyrand: one add and one multiply).
pub fn next() -> u64 {
    STATE.with(|s| {
        let x = s.get().wrapping_add(0xa076_1d64_78bd_642f);
        s.set(x);
        let r = u128::from(x) * u128::from(x ^ 0xe703_7ed1_a0b4_28db);
        (r as u64) ^ ((r >> 64) as u64)
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn successive_words_differ() {
        let a = super::next();
        let b = super::next();
        assert_ne!(a, b);
    }
}
