//! The map instructions (`MapNew` .. `EqWords`): operand-stack plumbing around
//! `runtime::map` and `runtime::alg`.
//!
//! Each function takes the operand-stack pointer after the instruction's inputs and
//! returns it after its outputs. Keys and values travel as canonical words, whose
//! little-endian bytes are the values' memory images, so the runtime reads a key in
//! place on the operand stack; loaded values are written back in canonical form
//! (`runtime::map::load_words`).

use super::heap::Heap;
use crate::bytecode::Program;
use runtime::alg;
use runtime::errors::RuntimeError;
use runtime::map::{self, Alloc, Header, Iter, MapError, MapType};

/// Map memory from the VM's heap, typed by the program's type table.
pub(super) struct HeapAlloc<'a> {
    pub(super) heap: &'a mut dyn Heap,
    pub(super) program: &'a Program,
}

impl Alloc for HeapAlloc<'_> {
    fn alloc(&mut self, ty: u32, count: u64) -> Result<*mut u8, MapError> {
        // The compiler registers every layout a map type names; a missing one would be
        // its bug, reported like an exhausted heap rather than crashing.
        let layout = self.program.type_layout(ty).ok_or(MapError::OutOfMemory)?;
        self.heap.alloc(ty, layout, count).map_err(|_| MapError::OutOfMemory)
    }
}

/// A `complex64`'s memory image from its two stack words (float32 bits each).
///
/// # Safety
/// `w` must point to two readable words.
unsafe fn pack_c64(w: *const u64) -> u64 {
    // SAFETY: the caller's contract.
    unsafe { (*w & 0xffff_ffff) | (*w.add(1) << 32) }
}

/// The address of the memory image of the key whose stack words are at `words`: the
/// words themselves, or for a `complex64` key its image packed into `buf`.
///
/// # Safety
/// `words` must hold a key of `mt`'s type.
unsafe fn key_image(mt: &MapType, words: *const u64, buf: &mut u64) -> *const u8 {
    if mt.c64 & 1 != 0 {
        // SAFETY: a complex64 key is two words.
        *buf = unsafe { pack_c64(words) };
        return (buf as *const u64).cast();
    }
    words.cast()
}

/// The map type whose address is constant word `word`.
///
/// # Safety
/// `word` must be the address of a static `MapType` made by the compiler.
pub(super) unsafe fn map_type<'a>(word: u64) -> &'a MapType {
    // SAFETY: the caller's contract.
    unsafe { &*(word as *const MapType) }
}

/// `MapNew`: `[hint] -> [m]`.
///
/// # Safety
/// `sp` must be above the input.
pub(super) unsafe fn new(mt: &MapType, sp: *mut u64, a: &mut dyn Alloc) -> Result<*mut u64, MapError> {
    // SAFETY: the caller's contract.
    unsafe {
        let top = sp.sub(1);
        *top = map::make(mt, *top as i64, a)? as u64;
        Ok(sp)
    }
}

/// `MapLen`: `len(m)` of the map word `m`.
///
/// # Safety
/// `m` must be 0 or a map.
#[inline(always)]
pub(super) unsafe fn len(m: u64) -> u64 {
    // SAFETY: word 0 of a map header is its count.
    if m == 0 { 0 } else { unsafe { (*(m as *const Header)).count } }
}

/// `MapLoad`/`MapLoadOk`: `[m, key..] -> [value..]` (and `ok`).
///
/// # Safety
/// `sp` must be above the inputs, with room for the outputs (the builder's `max_stack`).
#[inline(always)]
pub(super) unsafe fn load(mt: &MapType, sp: *mut u64, with_ok: bool) -> Result<*mut u64, RuntimeError> {
    // SAFETY: the caller's contract.
    unsafe {
        let base = sp.sub(mt.key_words as usize + 1);
        let v = if mt.key_kind == map::key_kind::MEM8 {
            map::get_u64(mt, *base as *mut Header, *base.add(1))
        } else {
            let mut kbuf = 0;
            map::get(mt, *base as *mut Header, key_image(mt, base.add(1), &mut kbuf))?
        };
        let vw = mt.val_words as usize;
        if mt.val_size == 8 && mt.c64 & 2 == 0 {
            // One word (int, pointer, float64...): no zeroing, no sign extension.
            *base = if v.is_null() { 0 } else { std::ptr::read_unaligned(v as *const u64) };
        } else if mt.c64 & 2 != 0 {
            // A complex64 value: its image unpacked into two words of float32 bits.
            let mut image = 0u64;
            map::load_words(&mut image, 1, v, mt.val_size, 0);
            *base = image & 0xffff_ffff;
            *base.add(1) = image >> 32;
        } else {
            map::load_words(base, vw, v, mt.val_size, mt.val_sext);
        }
        let mut top = base.add(vw);
        if with_ok {
            *top = u64::from(!v.is_null());
            top = top.add(1);
        }
        Ok(top)
    }
}

/// `MapStore`: `[m, key.., value..] -> []`.
///
/// # Safety
/// `sp` must be above the inputs.
pub(super) unsafe fn store(mt: &MapType, sp: *mut u64, a: &mut dyn Alloc) -> Result<*mut u64, MapError> {
    // SAFETY: the caller's contract.
    unsafe {
        let kw = mt.key_words as usize;
        let base = sp.sub(1 + kw + mt.val_words as usize);
        let mut kbuf = 0;
        let key = key_image(mt, base.add(1), &mut kbuf);
        let c64_val = mt.c64 & 2 != 0;
        let vbuf = if c64_val { pack_c64(base.add(1 + kw)) } else { 0 };
        let val: *const u8 = if c64_val { (&raw const vbuf).cast() } else { base.add(1 + kw).cast() };
        map::put(mt, *base as *mut Header, key, val, a)?;
        Ok(base)
    }
}

/// `MapRemove`: `[m, key..] -> []`.
///
/// # Safety
/// `sp` must be above the inputs.
pub(super) unsafe fn remove(mt: &MapType, sp: *mut u64) -> Result<*mut u64, RuntimeError> {
    // SAFETY: the caller's contract.
    unsafe {
        let base = sp.sub(1 + mt.key_words as usize);
        let mut kbuf = 0;
        map::delete(mt, *base as *mut Header, key_image(mt, base.add(1), &mut kbuf))?;
        Ok(base)
    }
}

/// `MapClear`: `[m] -> []`.
///
/// # Safety
/// `sp` must be above the input.
pub(super) unsafe fn clear(mt: &MapType, sp: *mut u64) -> *mut u64 {
    // SAFETY: the caller's contract.
    unsafe {
        let base = sp.sub(1);
        map::clear(mt, *base as *mut Header);
        base
    }
}

/// `MapRangeInit`: starts a range over the map word `m` in the iterator at `slots`.
///
/// # Safety
/// `slots` must be the 8 iterator slots of the running frame.
pub(super) unsafe fn range_init(slots: *mut u64, m: u64) {
    // SAFETY: the caller's contract; `Iter` is 8 words.
    unsafe { map::iter_init(slots.cast::<Iter>(), m as *mut Header) }
}

/// `MapRangeNext`: advances the iterator at `slots`.
///
/// # Safety
/// `slots` must hold an iterator started by [`range_init`] over a map of type `mt`.
pub(super) unsafe fn range_next(mt: &MapType, slots: *mut u64) -> Result<bool, RuntimeError> {
    // SAFETY: the caller's contract.
    unsafe { map::iter_next(mt, slots.cast::<Iter>()) }
}

/// `EqWords`: `[a.., b..] -> [a == b]` for the alg at address `alg_word`.
///
/// # Safety
/// `alg_word` must be a static alg made by the compiler and `sp` above two values of
/// its type.
pub(super) unsafe fn eq_words(alg_word: u64, sp: *mut u64) -> Result<*mut u64, RuntimeError> {
    // SAFETY: the caller's contract; an alg's word 0 is the value's size.
    unsafe {
        let a = alg_word as *const u64;
        let n = (*a).div_ceil(8) as usize;
        let x = sp.sub(2 * n);
        let eq = alg::equal(a, x.cast(), sp.sub(n).cast())?;
        *x = u64::from(eq);
        Ok(x.add(1))
    }
}
