//! The table operations: lookup, insertion, deletion, growth and `clear`.
//!
//! Every function takes raw pointers: the map header (null for a nil map) and keys and
//! values as the addresses of their memory images (the VM passes operand-stack words,
//! whose little-endian bytes are the image).

use super::{Alloc, Header, INLINE, MapError, MapType, key_kind};
use crate::alg;
use crate::errors::RuntimeError;
use std::ptr;

/// Slots per group.
pub(super) const SLOTS: u64 = 8;
/// Full slots a group may hold on average before the table grows (load 7/8).
const MAX_LOAD: u64 = 7;
const LSB: u64 = 0x0101_0101_0101_0101;
const MSB: u64 = 0x8080_8080_8080_8080;
/// Control byte of a never-used slot (zeroed memory is an empty table).
const EMPTY: u8 = 0;
/// Control byte of a slot whose entry was deleted (probing continues past it).
const DELETED: u8 = 1;

/// The control byte of a full slot for `hash`: the top 7 bits, with the high bit set.
#[inline(always)]
fn tag(hash: u64) -> u8 {
    0x80 | (hash >> 57) as u8
}

/// The high bits of the bytes of `ctrl` equal to `tag` (a false positive can only be a
/// full slot next to a true match, which the key comparison rejects).
#[inline(always)]
fn match_tag(ctrl: u64, tag: u8) -> u64 {
    let x = ctrl ^ (LSB * u64::from(tag));
    x.wrapping_sub(LSB) & !x & MSB
}

/// Nonzero if `ctrl` has an empty slot (a deleted byte above an empty one may be
/// flagged too, which does not change the answer).
#[inline(always)]
fn has_empty(ctrl: u64) -> bool {
    ctrl.wrapping_sub(LSB) & !ctrl & MSB != 0
}

/// The high bits of the empty or deleted bytes of `ctrl`.
#[inline(always)]
fn match_free(ctrl: u64) -> u64 {
    !ctrl & MSB
}

/// The slot index of the lowest flagged byte.
#[inline(always)]
fn first(bits: u64) -> u64 {
    u64::from(bits.trailing_zeros() / 8)
}

/// The address of group `g`.
#[inline(always)]
unsafe fn group(mt: &MapType, groups: *mut u8, g: u64) -> *mut u8 {
    // SAFETY: callers pass `g <= mask`.
    unsafe { groups.add((g * mt.group_size()) as usize) }
}

/// The address of slot `s` of the group at `grp`.
#[inline(always)]
unsafe fn slot(mt: &MapType, grp: *mut u8, s: u64) -> *mut u8 {
    // SAFETY: `s < 8`.
    unsafe { grp.add((8 + s * mt.slot_size) as usize) }
}

/// The key of the slot at `s` (through its cell when keys are out of line).
#[inline(always)]
pub(super) unsafe fn slot_key(mt: &MapType, s: *mut u8) -> *mut u8 {
    if mt.key_cell_ty == INLINE {
        return s;
    }
    // SAFETY: an out-of-line key's slot holds the address of its cell.
    unsafe { ptr::read(s as *const *mut u8) }
}

/// The value of the slot at `s` (through its cell when values are out of line).
#[inline(always)]
pub(super) unsafe fn slot_val(mt: &MapType, s: *mut u8) -> *mut u8 {
    // SAFETY: `val_off` is inside the slot; an out-of-line value's slot holds its cell.
    unsafe {
        let v = s.add(mt.val_off as usize);
        if mt.val_cell_ty == INLINE { v } else { ptr::read(v as *const *mut u8) }
    }
}

/// Gives a freshly claimed slot the cells of its out-of-line key and value.
unsafe fn init_cells(mt: &MapType, s: *mut u8, alloc: &mut dyn Alloc) -> Result<(), MapError> {
    // SAFETY: the slot is `slot_size` bytes, with room for a pointer where a cell goes.
    unsafe {
        if mt.key_cell_ty != INLINE {
            let cell = alloc.alloc(mt.key_cell_ty as u32, 1)?;
            ptr::write(s as *mut *mut u8, cell);
        }
        if mt.val_cell_ty != INLINE {
            let cell = alloc.alloc(mt.val_cell_ty as u32, 1)?;
            ptr::write(s.add(mt.val_off as usize) as *mut *mut u8, cell);
        }
    }
    Ok(())
}

/// The string bytes of the string header at `p`.
#[inline(always)]
unsafe fn str_bytes<'a>(p: *const u8) -> &'a [u8] {
    // SAFETY: `p` holds a Go string header describing readable bytes.
    unsafe {
        let (sp, sl) = (ptr::read_unaligned(p as *const u64), ptr::read_unaligned((p as *const u64).add(1)));
        if sl == 0 || sp == 0 { &[] } else { std::slice::from_raw_parts(sp as *const u8, sl as usize) }
    }
}

/// The hash of the key at `key` under `seed`.
#[inline(always)]
pub(super) unsafe fn hash_key(mt: &MapType, key: *const u8, seed: u64) -> Result<u64, RuntimeError> {
    // SAFETY: `key` holds a key of the map's type.
    unsafe {
        Ok(match mt.key_kind {
            key_kind::MEM8 => alg::hash_u64(ptr::read_unaligned(key as *const u64), seed),
            key_kind::STR => alg::hash_bytes(str_bytes(key), seed),
            key_kind::MEM => alg::hash_bytes(std::slice::from_raw_parts(key, mt.key_size as usize), seed),
            _ => alg::hash(mt.key_alg as *const u64, key, seed)?,
        })
    }
}

/// Whether the keys at `a` and `b` are equal.
#[inline(always)]
pub(super) unsafe fn key_equal(mt: &MapType, a: *const u8, b: *const u8) -> Result<bool, RuntimeError> {
    // SAFETY: both hold keys of the map's type.
    unsafe {
        Ok(match mt.key_kind {
            key_kind::MEM8 => ptr::read_unaligned(a as *const u64) == ptr::read_unaligned(b as *const u64),
            key_kind::STR => {
                // The same header (the key looked up is often the one stored) needs no
                // byte comparison.
                let (ha, hb) = (ptr::read_unaligned(a as *const [u64; 2]), ptr::read_unaligned(b as *const [u64; 2]));
                ha == hb || (ha[1] == hb[1] && str_bytes(a) == str_bytes(b))
            }
            key_kind::MEM => {
                let n = mt.key_size as usize;
                std::slice::from_raw_parts(a, n) == std::slice::from_raw_parts(b, n)
            }
            _ => alg::equal(mt.key_alg as *const u64, a, b)?,
        })
    }
}

/// The slot holding `key` (whose hash is `hash`), or null.
#[inline(always)]
unsafe fn find(mt: &MapType, h: &Header, key: *const u8, hash: u64) -> Result<*mut u8, RuntimeError> {
    // SAFETY: the caller's contract.
    unsafe { Ok(find_entry(mt, h, key, hash)?.map_or(ptr::null_mut(), |(grp, idx)| slot(mt, grp, idx))) }
}

/// The group and slot index of the entry holding `key`, if any.
#[inline(always)]
unsafe fn find_entry(mt: &MapType, h: &Header, key: *const u8, hash: u64) -> Result<Option<(*mut u8, u64)>, RuntimeError> {
    if h.groups.is_null() {
        return Ok(None);
    }
    let t = tag(hash);
    let mut g = hash & h.mask;
    // SAFETY: `g` stays masked; the table always keeps an empty slot, and the probe
    // sequence (triangular numbers) visits every group within `mask + 1` steps.
    unsafe {
        for i in 1..=h.mask + 1 {
            let grp = group(mt, h.groups, g);
            let ctrl = ptr::read_unaligned(grp as *const u64);
            let mut m = match_tag(ctrl, t);
            while m != 0 {
                let idx = first(m);
                if key_equal(mt, slot_key(mt, slot(mt, grp, idx)), key)? {
                    return Ok(Some((grp, idx)));
                }
                m &= m - 1;
            }
            if has_empty(ctrl) {
                break;
            }
            g = (g + i) & h.mask;
        }
    }
    Ok(None)
}

/// Reports the unhashable-key panic a lookup in an empty map must still raise (gc's
/// `mapKeyError`): only keys containing interfaces can fail.
unsafe fn check_hashable(mt: &MapType, key: *const u8) -> Result<(), RuntimeError> {
    if mt.key_kind == key_kind::GENERIC {
        // SAFETY: `key` holds a key of the map's type.
        unsafe { alg::hash(mt.key_alg as *const u64, key, 0)? };
    }
    Ok(())
}

/// `make(map[K]V, hint)`: a new map with room for `hint` entries.
///
/// # Safety
/// `mt` must describe the map type the allocator's type indices belong to.
pub unsafe fn make(mt: &MapType, hint: i64, alloc: &mut dyn Alloc) -> Result<*mut Header, MapError> {
    let h = alloc.alloc(mt.header_ty as u32, 1)? as *mut Header;
    // SAFETY: a fresh, zeroed header.
    unsafe {
        (*h).seed = crate::rand::next();
        // As gc, a hint whose table would not fit in memory is ignored.
        if hint > MAX_LOAD as i64 && hint < 1 << 40 {
            let groups = (hint as u64).div_ceil(MAX_LOAD).next_power_of_two();
            if groups.checked_mul(mt.group_size()).is_some_and(|b| b < 1 << 40) {
                resize(mt, &mut *h, groups, alloc)?;
            }
        }
    }
    Ok(h)
}

/// `m[key]`: the address of the value, or null when the key is absent (the caller loads
/// the zero value). A nil map reads as empty.
///
/// # Safety
/// `m` is null or a map of type `mt`; `key` holds a key of its type.
#[inline]
pub unsafe fn get(mt: &MapType, m: *mut Header, key: *const u8) -> Result<*const u8, RuntimeError> {
    // SAFETY: the caller's contract.
    unsafe {
        if m.is_null() || (*m).count == 0 {
            check_hashable(mt, key)?;
            return Ok(ptr::null());
        }
        let h = &*m;
        let hash = hash_key(mt, key, h.seed)?;
        let s = find(mt, h, key, hash)?;
        Ok(if s.is_null() { ptr::null() } else { slot_val(mt, s) })
    }
}

/// [`get`] for a map whose keys are 8 bytes of plain memory ([`key_kind::MEM8`]: `int`,
/// `uint64`, pointers...), which cannot fail: the hot path of integer-keyed maps.
///
/// # Safety
/// `m` is null or a map of type `mt`, whose key kind is `MEM8`.
#[inline]
pub unsafe fn get_u64(mt: &MapType, m: *mut Header, key: u64) -> *const u8 {
    // SAFETY: the caller's contract; as in `find`.
    unsafe {
        let Some(h) = m.as_ref() else { return ptr::null() };
        if h.count == 0 {
            return ptr::null();
        }
        let hash = alg::hash_u64(key, h.seed);
        let t = tag(hash);
        let mut g = hash & h.mask;
        for i in 1..=h.mask + 1 {
            let grp = group(mt, h.groups, g);
            let ctrl = ptr::read_unaligned(grp as *const u64);
            let mut bits = match_tag(ctrl, t);
            while bits != 0 {
                let s = slot(mt, grp, first(bits));
                if ptr::read_unaligned(s as *const u64) == key {
                    return slot_val(mt, s);
                }
                bits &= bits - 1;
            }
            if has_empty(ctrl) {
                break;
            }
            g = (g + i) & h.mask;
        }
        ptr::null()
    }
}

/// `m[key] = val`; panics on a nil map. The key is stored again when it is already
/// present (a `-0` key replaces `+0`, as in gc).
///
/// # Safety
/// As [`get`]; `val` holds a value of the map's value type.
pub unsafe fn put(mt: &MapType, m: *mut Header, key: *const u8, val: *const u8, alloc: &mut dyn Alloc) -> Result<(), MapError> {
    if m.is_null() {
        return Err(MapError::Panic(RuntimeError::NilMapWrite));
    }
    // SAFETY: the caller's contract; slots are `slot_size` bytes inside the group array.
    unsafe {
        let h = &mut *m;
        let hash = hash_key(mt, key, h.seed)?;
        let mut s = find(mt, h, key, hash)?;
        if s.is_null() {
            if h.growth_left == 0 {
                let n = if h.groups.is_null() { 0 } else { h.mask + 1 };
                // Mostly tombstones: rehash at the same size; else double.
                let groups = if n > 0 && (h.count + 1) * 2 <= n * MAX_LOAD { n } else { (n * 2).max(1) };
                resize(mt, h, groups, alloc)?;
            }
            s = claim(mt, h, hash);
            init_cells(mt, s, alloc)?;
            h.count += 1;
        }
        ptr::copy_nonoverlapping(key, slot_key(mt, s), mt.key_size as usize);
        ptr::copy_nonoverlapping(val, slot_val(mt, s), mt.val_size as usize);
    }
    Ok(())
}

/// Takes the first free slot on `hash`'s probe sequence for a new entry and returns it.
///
/// # Safety
/// The table must have a free slot (`growth_left > 0`, or a tombstone on the way).
unsafe fn claim(mt: &MapType, h: &mut Header, hash: u64) -> *mut u8 {
    let mut g = hash & h.mask;
    // SAFETY: the table has an empty slot, reached within `mask + 1` probes.
    unsafe {
        for i in 1..=h.mask + 1 {
            let grp = group(mt, h.groups, g);
            let ctrl = ptr::read_unaligned(grp as *const u64);
            let free = match_free(ctrl);
            if free != 0 {
                let idx = first(free);
                let c = grp.add(idx as usize);
                if *c == EMPTY {
                    h.growth_left -= 1;
                }
                *c = tag(hash);
                return slot(mt, grp, idx);
            }
            g = (g + i) & h.mask;
        }
    }
    // Unreachable while the load invariant holds; the caller grows before claiming.
    ptr::null_mut()
}

/// Moves every entry into a new table of `groups` groups (a power of two). The old
/// table is left untouched: iterators that started on it keep walking it.
unsafe fn resize(mt: &MapType, h: &mut Header, groups: u64, alloc: &mut dyn Alloc) -> Result<(), MapError> {
    let new = alloc.alloc(mt.group_ty as u32, groups)?;
    let (old, old_n) = (h.groups, if h.groups.is_null() { 0 } else { h.mask + 1 });
    let mut fresh = Header {
        count: h.count,
        groups: new,
        mask: groups - 1,
        growth_left: groups * MAX_LOAD,
        seed: h.seed,
        clear_seq: h.clear_seq,
    };
    // SAFETY: both tables are `groups` × `group_size` bytes; entries of the old table
    // were hashable when inserted.
    unsafe {
        for g in 0..old_n {
            let grp = group(mt, old, g);
            for s in 0..SLOTS {
                if *grp.add(s as usize) < 0x80 {
                    continue;
                }
                let src = slot(mt, grp, s);
                let hash = hash_key(mt, slot_key(mt, src), h.seed)?;
                let dst = claim(mt, &mut fresh, hash);
                ptr::copy_nonoverlapping(src, dst, mt.slot_size as usize);
            }
        }
    }
    h.groups = fresh.groups;
    h.mask = fresh.mask;
    h.growth_left = fresh.growth_left;
    Ok(())
}

/// `delete(m, key)`; nothing happens for a nil map or a missing key.
///
/// # Safety
/// As [`get`].
pub unsafe fn delete(mt: &MapType, m: *mut Header, key: *const u8) -> Result<(), RuntimeError> {
    // SAFETY: the caller's contract.
    unsafe {
        if m.is_null() || (*m).count == 0 {
            return check_hashable(mt, key);
        }
        let h = &mut *m;
        let hash = hash_key(mt, key, h.seed)?;
        let Some((grp, idx)) = find_entry(mt, h, key, hash)? else {
            return Ok(());
        };
        let s = slot(mt, grp, idx);
        // Zeroed so that the collector drops what the entry pointed to.
        ptr::write_bytes(s, 0, mt.slot_size as usize);
        let ctrl = ptr::read_unaligned(grp as *const u64);
        // A group with an empty slot ends every probe through it: no tombstone needed.
        if has_empty(ctrl) {
            *grp.add(idx as usize) = EMPTY;
            h.growth_left += 1;
        } else {
            *grp.add(idx as usize) = DELETED;
        }
        h.count -= 1;
    }
    Ok(())
}

/// `clear(m)`: removes every entry, keeping the table's memory.
///
/// # Safety
/// `m` is null or a map of type `mt`.
pub unsafe fn clear(mt: &MapType, m: *mut Header) {
    if m.is_null() {
        return;
    }
    // SAFETY: the caller's contract.
    unsafe {
        let h = &mut *m;
        if !h.groups.is_null() {
            let n = h.mask + 1;
            ptr::write_bytes(h.groups, 0, (n * mt.group_size()) as usize);
            h.growth_left = n * MAX_LOAD;
        }
        h.count = 0;
        h.clear_seq += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_word_matching() {
        let t = tag(0xABCD_0000_0000_0000);
        let ctrl = u64::from_le_bytes([EMPTY, t, DELETED, 0x80, t, EMPTY, 0x81, 0x90]);
        let m = match_tag(ctrl, t);
        assert_eq!(first(m), 1);
        assert_eq!(first(m & (m - 1)), 4);
        assert!(has_empty(ctrl));
        assert!(!has_empty(u64::from_le_bytes([DELETED, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86])));
        assert_eq!(first(match_free(ctrl)), 0);
        let full = u64::from_le_bytes([0x80, 0x81, DELETED, 0x82, 0x83, 0x84, 0x85, 0x86]);
        assert_eq!(first(match_free(full)), 2);
    }
}
