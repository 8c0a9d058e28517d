//! Type descriptors: what the collector needs to know about a Go type to scan it precisely.
//!
//! The runtime registers one [`TypeDesc`] per Go type that can live in the heap and gets back a
//! [`TypeId`]; every heap object records the `TypeId` it was allocated with. A descriptor is the
//! type's size, its alignment and a pointer bitmap with one bit per 8-byte word of the value
//! (bit set: that word holds a pointer). An array or slice backing store of `n` elements of `T`
//! is allocated as `n` × `T` and scanned by repeating `T`'s bitmap, so no per-allocation bitmap
//! is ever built; likewise an array type `[n]T` is described by `T`'s bitmap and a repeat unit,
//! so even `[1 << 30]*int` has a one-word bitmap.

use crate::error::{GcError, TypeProblem};
use crate::sizeclass::{MAX_SMALL_SIZE, class_of};

/// Handle of a registered type descriptor (see [`crate::Heap::register_type`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(pub(crate) u32);

impl TypeId {
    /// The raw index, for tables the runtime keeps beside the heap's.
    pub fn index(self) -> u32 {
        self.0
    }
}

/// The layout facts of one Go type that the collector uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeDesc {
    size: usize,
    align: usize,
    /// The value is `size / unit` repetitions of a unit of this many bytes (arrays), each with
    /// the bitmap below; `unit == size` for everything else.
    unit: usize,
    /// Number of leading words of a unit that may hold pointers.
    ptr_words: usize,
    /// One bit per word of a unit in `0..ptr_words`, least significant bit first.
    bitmap: Box<[u64]>,
}

impl TypeDesc {
    /// A type of `size` bytes and alignment `align` whose pointers sit at the given byte
    /// offsets (each a multiple of 8 and inside the value).
    pub fn new(size: usize, align: usize, pointer_offsets: &[usize]) -> Result<Self, GcError> {
        let words = pointer_offsets.iter().max().map_or(0, |&m| m / 8 + 1);
        let mut bitmap = vec![0u64; words.div_ceil(64)];
        for &off in pointer_offsets {
            if off % 8 != 0 || off.checked_add(8).is_none_or(|end| end > size) {
                return Err(GcError::BadType(TypeProblem::PointerOffset));
            }
            let w = off / 8;
            if let Some(slot) = bitmap.get_mut(w / 64) {
                *slot |= 1 << (w % 64);
            }
        }
        Self::from_bitmap(size, align, bitmap)
    }

    /// A type whose pointer words are given as a bitmap (bit `i` of word `i / 64`: the word at
    /// byte offset `8 * i` holds a pointer). Bits beyond the value's size are an error.
    pub fn from_bitmap(size: usize, align: usize, mut bitmap: Vec<u64>) -> Result<Self, GcError> {
        if !align.is_power_of_two() || align > 8 {
            return Err(GcError::BadType(TypeProblem::Alignment));
        }
        if !size.is_multiple_of(align) {
            return Err(GcError::BadType(TypeProblem::SizeNotAligned));
        }
        let words = size / 8;
        let mut ptr_words = 0;
        for (i, &bits) in bitmap.iter().enumerate() {
            if bits != 0 {
                ptr_words = i * 64 + 64 - bits.leading_zeros() as usize;
            }
        }
        if ptr_words > words {
            return Err(GcError::BadType(TypeProblem::BitmapTooLong));
        }
        if ptr_words > 0 && !size.is_multiple_of(8) {
            return Err(GcError::BadType(TypeProblem::PartialWord));
        }
        bitmap.truncate(ptr_words.div_ceil(64));
        Ok(TypeDesc {
            size,
            align,
            unit: size,
            ptr_words,
            bitmap: bitmap.into_boxed_slice(),
        })
    }

    /// A pointer-free type (`noscan`): the marker never looks inside its objects.
    pub fn noscan(size: usize, align: usize) -> Result<Self, GcError> {
        Self::from_bitmap(size, align, Vec::new())
    }

    /// The array type `[n]elem` (it shares `elem`'s bitmap, repeated `n` times).
    pub fn array(elem: &TypeDesc, n: usize) -> Result<Self, GcError> {
        let size = elem.size.checked_mul(n).ok_or(GcError::TooLarge)?;
        if !elem.has_pointers() || n == 0 {
            return Self::noscan(size, elem.align);
        }
        Ok(TypeDesc {
            size,
            align: elem.align,
            unit: elem.unit,
            ptr_words: elem.ptr_words,
            bitmap: elem.bitmap.clone(),
        })
    }

    /// Size in bytes.
    pub fn size(&self) -> usize {
        self.size
    }

    /// Alignment in bytes.
    pub fn align(&self) -> usize {
        self.align
    }

    /// Whether any word of the value may hold a pointer.
    pub fn has_pointers(&self) -> bool {
        self.ptr_words > 0
    }

    /// Bytes of the repeating unit: the element size for array types, else the size.
    pub fn unit_size(&self) -> usize {
        self.unit
    }

    /// Number of leading words of a unit that can hold pointers (the rest is scalar).
    pub fn ptr_words(&self) -> usize {
        self.ptr_words
    }

    /// Whether word `i` (byte offset `8 * i`) holds a pointer.
    pub fn is_pointer_word(&self, i: usize) -> bool {
        let Some(w) = i.checked_rem(self.unit / 8) else {
            return false;
        };
        i < self.size / 8
            && self
                .bitmap
                .get(w / 64)
                .is_some_and(|b| b & (1 << (w % 64)) != 0)
    }

    /// Indices of the pointer words of the whole value, in increasing order.
    pub fn pointer_words(&self) -> impl Iterator<Item = usize> + '_ {
        let unit_words = self.unit / 8;
        let units = if self.has_pointers() {
            self.size.checked_div(self.unit).unwrap_or(0)
        } else {
            0
        };
        (0..units).flat_map(move |u| {
            bits_in(&self.bitmap, 0, self.ptr_words).map(move |w| u * unit_words + w)
        })
    }

    pub(crate) fn bitmap(&self) -> &[u64] {
        &self.bitmap
    }
}

/// Iterates the set bits of `bitmap` with index in `lo..hi`.
pub(crate) fn bits_in(bitmap: &[u64], lo: usize, hi: usize) -> impl Iterator<Item = usize> + '_ {
    let first = lo / 64;
    let last = hi.div_ceil(64).min(bitmap.len());
    (first..last).flat_map(move |wi| {
        let mut bits = bitmap[wi];
        let base = wi * 64;
        if base < lo {
            bits &= u64::MAX << (lo - base);
        }
        // `base < hi` because `wi < hi.div_ceil(64)`.
        let end = hi - base;
        if end < 64 {
            bits &= (1u64 << end) - 1;
        }
        std::iter::from_fn(move || {
            if bits == 0 {
                return None;
            }
            let tz = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            Some(base + tz)
        })
    })
}

/// A registered descriptor plus what the allocator precomputes from it.
pub(crate) struct TypeEntry {
    pub desc: TypeDesc,
    /// Span class of a single object of this type (0 for large or zero-sized).
    pub span_class: u8,
}

/// All registered descriptors, indexed by [`TypeId`].
#[derive(Default)]
pub(crate) struct TypeTable {
    entries: Vec<TypeEntry>,
}

impl TypeTable {
    pub fn register(&mut self, desc: TypeDesc) -> Result<TypeId, GcError> {
        let id = u32::try_from(self.entries.len())
            .map_err(|_| GcError::BadType(TypeProblem::TooManyTypes))?;
        let span_class = span_class_for(desc.size, !desc.has_pointers());
        self.entries.push(TypeEntry { desc, span_class });
        Ok(TypeId(id))
    }

    #[inline(always)]
    pub fn get(&self, id: TypeId) -> Result<&TypeEntry, GcError> {
        self.entries.get(id.0 as usize).ok_or(GcError::UnknownType)
    }

    /// Descriptor by raw index; the index comes from the heap's own metadata.
    #[inline(always)]
    pub fn desc(&self, raw: u32) -> Option<&TypeDesc> {
        self.entries.get(raw as usize).map(|e| &e.desc)
    }
}

/// Span class (size class × 2 + noscan) for a small object of `size` bytes; 0 if large or empty.
#[inline(always)]
pub(crate) fn span_class_for(size: usize, noscan: bool) -> u8 {
    if size == 0 || size > MAX_SMALL_SIZE {
        0
    } else {
        (class_of(size) * 2 + noscan as usize) as u8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptor_from_offsets() {
        let t = TypeDesc::new(40, 8, &[8, 24]).unwrap();
        assert_eq!(t.ptr_words(), 4);
        assert!(t.has_pointers());
        assert_eq!(t.pointer_words().collect::<Vec<_>>(), vec![1, 3]);
        assert!(TypeDesc::new(40, 8, &[36]).is_err());
        assert!(TypeDesc::new(40, 8, &[40]).is_err());
        assert!(TypeDesc::new(12, 8, &[]).is_err());
        assert!(!TypeDesc::noscan(12, 4).unwrap().has_pointers());
    }

    #[test]
    fn array_repeats_the_element_bitmap() {
        let elem = TypeDesc::new(24, 8, &[0, 16]).unwrap();
        let arr = TypeDesc::array(&elem, 30).unwrap();
        let want: Vec<usize> = (0..30).flat_map(|e| [e * 3, e * 3 + 2]).collect();
        assert_eq!(arr.pointer_words().collect::<Vec<_>>(), want);
        assert_eq!(arr.size(), 720);
        assert_eq!(arr.unit_size(), 24);
        assert!(arr.is_pointer_word(27) && arr.is_pointer_word(29) && !arr.is_pointer_word(28));
        assert!(!arr.is_pointer_word(90));
        // Huge arrays cost no bitmap.
        let huge = TypeDesc::array(&arr, 1 << 30).unwrap();
        assert_eq!(huge.size(), 720 << 30);
        assert!(huge.is_pointer_word(3 << 30));
        assert!(TypeDesc::array(&arr, usize::MAX).is_err());
    }

    #[test]
    fn bit_ranges() {
        let bm = [u64::MAX, 0b1011];
        assert_eq!(
            bits_in(&bm, 62, 67).collect::<Vec<_>>(),
            vec![62, 63, 64, 65]
        );
        assert_eq!(bits_in(&bm, 0, 128).count(), 67);
        assert_eq!(bits_in(&bm, 64, 64).count(), 0);
        assert_eq!(bits_in(&bm, 3, 200).count(), 64);
    }
}
