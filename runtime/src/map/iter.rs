//! `for k, v := range m`: a random start, and the spec's rules under mutation (see the
//! module docs of [`super`]).

use super::table::{SLOTS, get, key_equal, slot_key, slot_val};
use super::{Header, MapType};
use crate::errors::RuntimeError;
use std::ptr;

/// The state of one `range` over a map. It lives in the frame slots of the function
/// running the loop (words 0–3 are pointers the collector traces: they keep the map
/// and the table being walked alive).
#[repr(C)]
#[derive(Debug)]
pub struct Iter {
    /// The map (null for a nil map).
    pub map: *mut Header,
    /// The table the iteration walks: the map's table when the loop started.
    pub groups: *mut u8,
    /// The current entry's key (valid after [`iter_next`] returned true).
    pub key: *const u8,
    /// The current entry's value.
    pub val: *const u8,
    /// The walked table's group mask.
    pub mask: u64,
    /// The random start: group offset in the high bits, slot offset in the low 3.
    pub start: u64,
    /// Slots visited so far.
    pub pos: u64,
    /// The map's `clear_seq` when the loop started.
    pub clear_seq: u64,
}

/// Words of an [`Iter`].
pub const ITER_WORDS: usize = 8;
/// Which words of an [`Iter`] hold pointers.
pub const ITER_POINTER_WORDS: [usize; 4] = [0, 1, 2, 3];

/// Starts a `range` over `m` (null: a nil map, which yields nothing).
///
/// # Safety
/// `it` must be writable; `m` null or a valid map.
pub unsafe fn iter_init(it: *mut Iter, m: *mut Header) {
    // SAFETY: the caller's contract.
    unsafe {
        let (groups, mask, clear_seq) = match m.as_ref() {
            Some(h) if !h.groups.is_null() && h.count > 0 => (h.groups, h.mask, h.clear_seq),
            _ => (ptr::null_mut(), 0, 0),
        };
        ptr::write(
            it,
            Iter {
                map: m,
                groups,
                key: ptr::null(),
                val: ptr::null(),
                mask,
                start: crate::rand::next(),
                pos: 0,
                clear_seq,
            },
        );
    }
}

/// Advances to the next entry: `true` with `it.key`/`it.val` set, or `false` at the end.
///
/// # Safety
/// `it` must have been set up by [`iter_init`] for a map of type `mt`.
pub unsafe fn iter_next(mt: &MapType, it: *mut Iter) -> Result<bool, RuntimeError> {
    // SAFETY: the walked table is alive (the iterator points to it) and never written
    // after being replaced; the live table's slots are read the same way.
    unsafe {
        let it = &mut *it;
        if it.groups.is_null() {
            return Ok(false);
        }
        let h = &*it.map;
        let total = (it.mask + 1) * SLOTS;
        let gsize = mt.group_size();
        while it.pos < total {
            let pos = it.pos;
            it.pos += 1;
            let g = ((it.start >> 3) + pos / SLOTS) & it.mask;
            let s = (it.start + pos) & (SLOTS - 1);
            let grp = it.groups.add((g * gsize) as usize);
            if *grp.add(s as usize) < 0x80 {
                continue;
            }
            let slot = grp.add((8 + s * mt.slot_size) as usize);
            if h.groups == it.groups {
                it.key = slot_key(mt, slot);
                it.val = slot_val(mt, slot);
                return Ok(true);
            }
            // The map has moved to a new table since the loop started: what counts is
            // the current table.
            let key = slot_key(mt, slot);
            if !key_equal(mt, key, key)? {
                // A NaN key cannot be looked up; it is still there unless cleared.
                if h.clear_seq != it.clear_seq {
                    continue;
                }
                it.key = slot_key(mt, slot);
                it.val = slot_val(mt, slot);
                return Ok(true);
            }
            let v = get(mt, it.map, key)?;
            if v.is_null() {
                continue;
            }
            it.key = key;
            it.val = v;
            return Ok(true);
        }
        Ok(false)
    }
}
