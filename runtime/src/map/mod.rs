//! Go maps: an open-addressing hash table of 8-slot groups with one control byte per
//! slot, in the manner of Go 1.24's Swiss tables (and abseil's), on the Go heap.
//!
//! # Decisions
//!
//! - **Swiss groups, one table per map.** A map is a [`Header`] (one heap object; the
//!   map value is its address, nil is 0) pointing to an array of groups. A group is a
//!   control word (8 bytes, one per slot) followed by 8 slots, each a key then a value in
//!   their memory images. Control bytes: `EMPTY` (0, so zeroed memory is an empty
//!   table), `DELETED` (1, a tombstone), or `0x80 | h2` for a full slot, `h2` being the top
//!   7 bits of the hash. A lookup starts at group `hash & mask`, matches `h2` against all 8
//!   control bytes at once (SWAR on a `u64`), compares keys only for matching bytes, and
//!   stops at a group with an empty slot; groups are probed quadratically. The load limit
//!   is 7/8. Unlike gc there is no directory of 1024-slot tables: a map grows by
//!   allocating a table twice as large (or as large, to drop tombstones) and rehashing.
//! - **The collector sees everything.** Headers and group arrays are allocated through
//!   [`Alloc`] with type-table layouts (`MapType::group_ty` has the pointer bitmap of the
//!   keys and values of all 8 slots), so keys and values are traced like any field.
//! - **Iteration** ([`iter_init`], [`iter_next`]) starts at a random group and a random slot offset (as gc)
//!   and walks the table the map had when the `range` started. A table that has been
//!   replaced by growth is never written again, so walking it stays valid; each entry it
//!   yields is then looked up in the current table (skipped if deleted since, with the
//!   current value otherwise), which is how gc's Swiss iterator keeps the spec's
//!   promises under insertion and deletion. NaN keys cannot be looked up: they are
//!   yielded from the old table unless the map was cleared since.
//! - **Costs.** A lookup of an `int` or `string` key in a non-empty map: one multiply
//!   (8-byte keys) or one per 8 bytes (strings) for the hash, one control-word load and
//!   match, and usually one key comparison; a miss stops at the first group with an
//!   empty slot, usually the first. An insertion adds a store of the control byte and
//!   the copies of key and value; growth is amortized O(1) per insertion. Measured under
//!   mvm (cached table, 2 loaded cores): an `int` hit about 11 ns and a short `string`
//!   hit about 12 ns beyond the surrounding bytecode (native Go: 9.5 and 13 ns).
//! - Keys and values larger than [`MAX_INLINE`] bytes live out of line, as in gc: the
//!   slot holds a pointer to a cell of their type, so that a group of a
//!   `map[int][4096]byte` is 136 bytes rather than 32 KiB.

mod iter;
mod table;

pub use iter::{ITER_POINTER_WORDS, ITER_WORDS, Iter, iter_init, iter_next};
pub use table::{clear, delete, get, get_u64, make, put};

use crate::errors::RuntimeError;

/// Key handling chosen by the compiler for a map type: specialized hashing and
/// comparison for the commonest key shapes, the alg for everything else.
pub mod key_kind {
    /// Anything: hash and compare through the key's alg (`crate::alg`).
    pub const GENERIC: u64 = 0;
    /// An 8-byte key compared as memory (`int`, `uint64`, pointers, channels...).
    pub const MEM8: u64 = 1;
    /// A `string`.
    pub const STR: u64 = 2;
    /// A key of `key_size` bytes compared as memory (smaller ints, plain structs).
    pub const MEM: u64 = 3;
}

/// The static description of one map type, built by the compiler (one per map type,
/// never freed) and named by the map instructions.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MapType {
    /// Key size in bytes.
    pub key_size: u64,
    /// Value size in bytes.
    pub val_size: u64,
    /// Bytes per slot: key, padding, value, padding to the slot's alignment.
    pub slot_size: u64,
    /// Offset of the value in a slot.
    pub val_off: u64,
    /// Operand-stack words of a key.
    pub key_words: u64,
    /// Operand-stack words of a value.
    pub val_words: u64,
    /// For a value of a signed integer type narrower than 64 bits, its width in bytes
    /// (its loaded word is sign-extended); 0 otherwise.
    pub val_sext: u64,
    /// One of the [`key_kind`] constants.
    pub key_kind: u64,
    /// The address of the key type's alg (see `crate::alg`).
    pub key_alg: u64,
    /// Type-table index of the group layout (`8 + 8 * slot_size` bytes).
    pub group_ty: u64,
    /// Type-table index of the [`Header`] layout.
    pub header_ty: u64,
    /// Bit 0: the key is a `complex64`; bit 1: the value is. On the operand stack a
    /// `complex64` is two words of float32 bits, not its 8-byte memory image, so the VM
    /// packs and unpacks it.
    pub c64: u64,
    /// Type-table index of the key's cell if keys are stored out of line, else
    /// [`INLINE`].
    pub key_cell_ty: u64,
    /// Type-table index of the value's cell if values are stored out of line, else
    /// [`INLINE`].
    pub val_cell_ty: u64,
}

/// Keys and values larger than this many bytes are stored out of line (gc's limit).
pub const MAX_INLINE: u64 = 128;

/// The `*_cell_ty` of a key or value stored in the slot itself.
pub const INLINE: u64 = u64::MAX;

impl MapType {
    /// The number of words of the static block.
    pub const WORDS: usize = 14;

    /// The words of the static block the compiler emits (read back as a `MapType`).
    pub fn to_words(&self) -> [u64; Self::WORDS] {
        [
            self.key_size,
            self.val_size,
            self.slot_size,
            self.val_off,
            self.key_words,
            self.val_words,
            self.val_sext,
            self.key_kind,
            self.key_alg,
            self.group_ty,
            self.header_ty,
            self.c64,
            self.key_cell_ty,
            self.val_cell_ty,
        ]
    }

    /// Bytes per group: the control word and 8 slots.
    pub fn group_size(&self) -> u64 {
        8 + 8 * self.slot_size
    }
}

/// A map object (the map value points to it).
#[repr(C)]
#[derive(Debug)]
pub struct Header {
    /// `len(m)`: word 0, so that `len` is one load.
    pub count: u64,
    /// The group array (null until the first insertion).
    pub groups: *mut u8,
    /// Number of groups minus one (a power of two minus one).
    pub mask: u64,
    /// Insertions into empty slots left before the table must grow.
    pub growth_left: u64,
    /// The hash seed, random per map.
    pub seed: u64,
    /// Incremented by `clear`, so that iterators know their NaN keys are gone.
    pub clear_seq: u64,
}

/// Words of a [`Header`].
pub const HEADER_WORDS: usize = 6;
/// Which words of a [`Header`] hold pointers (for its type layout).
pub const HEADER_POINTER_WORDS: [usize; 1] = [1];

/// Where map memory comes from: the VM's heap, with the program's type table.
pub trait Alloc {
    /// Zeroed memory for `count` values of type-table entry `ty`.
    fn alloc(&mut self, ty: u32, count: u64) -> Result<*mut u8, MapError>;
}

/// Why a map operation failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MapError {
    /// A Go panic (`assignment to entry in nil map`, `hash of unhashable type T`).
    Panic(RuntimeError),
    /// The heap is exhausted.
    OutOfMemory,
}

impl From<RuntimeError> for MapError {
    fn from(e: RuntimeError) -> MapError {
        MapError::Panic(e)
    }
}

/// Copies a value of `size` bytes at `src` (zero when `src` is null) into `words`
/// operand words in canonical form: the memory image, zero-padded, with a narrow signed
/// integer (`sext` bytes wide) sign-extended.
///
/// # Safety
/// `dst` must have room for `words` words and `src`, if not null, hold `size` bytes,
/// with `size <= 8 * words`.
pub unsafe fn load_words(dst: *mut u64, words: usize, src: *const u8, size: u64, sext: u64) {
    // SAFETY: the caller's contract.
    unsafe {
        for i in 0..words {
            *dst.add(i) = 0;
        }
        if src.is_null() {
            return;
        }
        std::ptr::copy_nonoverlapping(src, dst.cast::<u8>(), size as usize);
        match sext {
            1 => *dst = *dst as u8 as i8 as i64 as u64,
            2 => *dst = *dst as u16 as i16 as i64 as u64,
            4 => *dst = *dst as u32 as i32 as i64 as u64,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests;
