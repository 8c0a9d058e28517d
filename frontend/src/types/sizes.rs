//! Memory layout of Go types on a 64-bit target, as gc lays them out (the values
//! `unsafe.Sizeof`, `Alignof` and `Offsetof` report, and what the interpreter uses).
//!
//! Rules: a word is 8 bytes; string = 2 words, slice = 3, interface = 2; pointers,
//! maps, channels and funcs one word; complex numbers align like their halves; an
//! array aligns like its element; a struct aligns like its most aligned field and is
//! padded to that; a non-empty struct whose last field has size 0 gets one byte of
//! padding so that a pointer to that field cannot point past the object (gc does this);
//! `sync/atomic.align64` forces 8-byte alignment. Sizes that overflow `i64` are `None`.

use super::program::Program;
use super::ty::{BasicKind, Type, TypeId};

const WORD: i64 = 8;

/// Size in bytes, or `None` if too large (or not a sized type: an untyped or
/// invalid type, a tuple, or a type parameter).
pub fn size_of(p: &Program, t: TypeId) -> Option<i64> {
    size_depth(p, t, 0)
}

/// Alignment in bytes (at least 1).
pub fn align_of(p: &Program, t: TypeId) -> i64 {
    align_depth(p, t, 0)
}

/// Field offsets of a struct type (None where the layout overflows).
pub fn offsets_of(p: &Program, t: TypeId) -> Vec<Option<i64>> {
    match p.types.under(t) {
        Type::Struct(fields) => {
            let tys: Vec<TypeId> = fields.iter().map(|f| f.ty).collect();
            offsets(p, &tys, 0)
        }
        _ => Vec::new(),
    }
}

// A depth bound keeps a malformed (cyclic) type from recursing forever; a valid Go
// type cannot contain itself by value, and the checker reports such cycles first.
const MAX_DEPTH: u32 = 200;

fn offsets(p: &Program, fields: &[TypeId], depth: u32) -> Vec<Option<i64>> {
    let mut out = Vec::with_capacity(fields.len());
    let mut off: Option<i64> = Some(0);
    for &f in fields {
        let a = align_depth(p, f, depth + 1);
        off = off.and_then(|o| align_up(o, a));
        out.push(off);
        off = match (off, size_depth(p, f, depth + 1)) {
            (Some(o), Some(s)) => o.checked_add(s),
            _ => None,
        };
    }
    out
}

fn align_up(x: i64, a: i64) -> Option<i64> {
    let a = a.max(1);
    x.checked_add(a - 1).map(|v| v / a * a)
}

fn size_depth(p: &Program, t: TypeId, depth: u32) -> Option<i64> {
    if depth > MAX_DEPTH {
        return None;
    }
    match p.types.under(t) {
        Type::Basic(k) => basic_size(*k),
        Type::Pointer(_) | Type::Map(..) | Type::Chan(..) | Type::Signature(_) => Some(WORD),
        Type::Slice(_) => Some(3 * WORD),
        Type::Interface(_) => {
            if p.types.is_type_param(t) { None } else { Some(2 * WORD) }
        }
        Type::Array(n, elem) => {
            let n = i64::try_from(*n).ok()?;
            if n == 0 {
                return Some(0);
            }
            let es = size_depth(p, *elem, depth + 1)?;
            es.checked_mul(n)
        }
        Type::Struct(fields) => {
            if fields.is_empty() {
                return Some(0);
            }
            let tys: Vec<TypeId> = fields.iter().map(|f| f.ty).collect();
            let offs = offsets(p, &tys, depth);
            let last_off = (*offs.last()?)?;
            let last_ty = *tys.last()?;
            let mut last_size = size_depth(p, last_ty, depth + 1)?;
            if last_off > 0 && last_size == 0 {
                last_size = 1;
            }
            align_up(last_off.checked_add(last_size)?, align_depth(p, t, depth))
        }
        Type::Union(_) | Type::Tuple(_) | Type::Named(_) | Type::TypeParam(_) => None,
    }
}

fn basic_size(k: BasicKind) -> Option<i64> {
    use BasicKind::*;
    Some(match k {
        Bool | Int8 | Uint8 => 1,
        Int16 | Uint16 => 2,
        Int32 | Uint32 | Float32 => 4,
        Int | Uint | Int64 | Uint64 | Uintptr | Float64 | Complex64 | UnsafePointer => 8,
        Complex128 | String => 16,
        _ => return None,
    })
}

fn align_depth(p: &Program, t: TypeId, depth: u32) -> i64 {
    if depth > MAX_DEPTH {
        return 1;
    }
    match p.types.under(t) {
        Type::Array(_, elem) => align_depth(p, *elem, depth + 1),
        Type::Struct(fields) => {
            if fields.is_empty() && is_atomic_align64(p, t) {
                return 8;
            }
            fields.iter().map(|f| align_depth(p, f.ty, depth + 1)).max().unwrap_or(1).max(1)
        }
        Type::Slice(_) | Type::Interface(_) => WORD,
        Type::Basic(BasicKind::String) => WORD,
        Type::Basic(k @ (BasicKind::Complex64 | BasicKind::Complex128)) => basic_size(*k).unwrap_or(2) / 2,
        _ => size_depth(p, t, depth + 1).unwrap_or(1).clamp(1, WORD),
    }
}

/// `sync/atomic.align64`, the marker that makes its containing struct 8-byte aligned.
fn is_atomic_align64(p: &Program, t: TypeId) -> bool {
    let Some(n) = p.types.named(t) else { return false };
    let o = p.obj(n.obj);
    &*o.name == "align64" && o.pkg.is_some_and(|pk| &*p.package(pk).path == "sync/atomic")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::ty::{Field, TypeTable};
    use std::sync::Arc;

    fn field(ty: TypeId) -> Field {
        Field { name: Arc::from("f"), pkg: None, ty, embedded: false, tag: Arc::from("") }
    }

    #[test]
    fn basic_and_composite_sizes_match_gc() {
        let mut p = Program::new();
        let b = |k| TypeTable::basic(k);
        assert_eq!(size_of(&p, b(BasicKind::Int)), Some(8));
        assert_eq!(size_of(&p, b(BasicKind::String)), Some(16));
        assert_eq!(align_of(&p, b(BasicKind::Complex128)), 8);
        assert_eq!(align_of(&p, b(BasicKind::Complex64)), 4);
        let sl = p.types.slice(b(BasicKind::Uint8));
        assert_eq!(size_of(&p, sl), Some(24));
        assert_eq!(size_of(&p, p.pre.any), Some(16));
        assert_eq!(size_of(&p, p.pre.error), Some(16));
        // struct { a byte; b int64; c byte } is 24 bytes, offsets 0, 8, 16.
        let s = p.types.intern(Type::Struct(vec![field(b(BasicKind::Uint8)), field(b(BasicKind::Int64)), field(b(BasicKind::Uint8))]));
        assert_eq!(size_of(&p, s), Some(24));
        assert_eq!(offsets_of(&p, s), vec![Some(0), Some(8), Some(16)]);
        // struct { a int32; z struct{} } gets a padding byte for the final zero-size field.
        let empty = p.types.intern(Type::Struct(vec![]));
        let s2 = p.types.intern(Type::Struct(vec![field(b(BasicKind::Int32)), field(empty)]));
        assert_eq!(size_of(&p, s2), Some(8));
        let arr = p.types.intern(Type::Array(3, b(BasicKind::Int16)));
        assert_eq!((size_of(&p, arr), align_of(&p, arr)), (Some(6), 2));
        let huge = p.types.intern(Type::Array(u64::MAX / 2, b(BasicKind::Int64)));
        assert_eq!(size_of(&p, huge), None);
    }
}
