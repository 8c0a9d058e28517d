//! How Go values of each type are represented: as operand-stack / frame-slot words
//! ([`words`]) and in memory (gc's sizes and offsets from `frontend::types::sizes`), and
//! the instruction sequences that move a value between the two ([`Repr`]).
//!
//! Every value is one or more untyped 64-bit words in canonical form (see the
//! `bytecode::instr` module docs): a scalar is one word, a string two (`ptr, len`), a
//! slice three, an interface two; a struct or array held on the stack is its memory image
//! cut into words.

use crate::bytecode::{Instr, Kind, PrintKind};
use frontend::types::sizes;
use frontend::types::ty::{BasicKind, Type, TypeId};
use frontend::types::Program;

/// The representation class of a type: what the compiler needs to choose instructions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Repr {
    /// `bool` (0 or 1; one byte in memory).
    Bool,
    /// An integer type of `bits` width (`int`/`uint`/`uintptr` are 64).
    Int {
        /// Width in bits: 8, 16, 32 or 64.
        bits: u8,
        /// Signed (sign-extended canonical form) or unsigned (zero-extended).
        signed: bool,
    },
    /// `float32` (bits in the low half of the word).
    F32,
    /// `float64`.
    F64,
    /// `complex64` (two words of float32 bits).
    C64,
    /// `complex128` (two words).
    C128,
    /// `string`: `ptr, len`.
    Str,
    /// A one-word reference: pointer, `unsafe.Pointer`, map, channel, func.
    Ptr,
    /// A slice: `ptr, len, cap`.
    Slice,
    /// An interface: `itab|type, data`.
    Iface,
    /// A struct or array of `size` bytes.
    Block {
        /// Size in bytes.
        size: u32,
    },
}

impl Repr {
    /// Whether values of this class are one word on the stack.
    pub fn is_scalar(self) -> bool {
        matches!(self, Repr::Bool | Repr::Int { .. } | Repr::F32 | Repr::F64 | Repr::Ptr)
    }
}

/// The representation class of `t`, or `None` for types that have no values (tuples,
/// invalid, untyped nil) or whose layout overflows.
pub fn repr(p: &Program, t: TypeId) -> Option<Repr> {
    Some(match p.types.under(t) {
        Type::Basic(k) => basic_repr(*k)?,
        Type::Pointer(_) | Type::Map(..) | Type::Chan(..) | Type::Signature(_) => Repr::Ptr,
        Type::Slice(_) => Repr::Slice,
        Type::Interface(_) => Repr::Iface,
        Type::Array(..) | Type::Struct(_) => {
            let size = u32::try_from(sizes::size_of(p, t)?).ok()?;
            Repr::Block { size }
        }
        _ => return None,
    })
}

/// The class of a basic type; untyped kinds are classed by their default type.
pub fn basic_repr(k: BasicKind) -> Option<Repr> {
    use BasicKind::*;
    let int = |bits, signed| Some(Repr::Int { bits, signed });
    match k {
        Bool | UntypedBool => Some(Repr::Bool),
        Int | Int64 | UntypedInt => int(64, true),
        Int8 => int(8, true),
        Int16 => int(16, true),
        Int32 | UntypedRune => int(32, true),
        Uint | Uint64 | Uintptr => int(64, false),
        Uint8 => int(8, false),
        Uint16 => int(16, false),
        Uint32 => int(32, false),
        Float32 => Some(Repr::F32),
        Float64 | UntypedFloat => Some(Repr::F64),
        Complex64 => Some(Repr::C64),
        Complex128 | UntypedComplex => Some(Repr::C128),
        String | UntypedString => Some(Repr::Str),
        UnsafePointer | UntypedNil => Some(Repr::Ptr),
        Invalid => None,
    }
}

/// The stack words of a value of type `t` (empty for a type without values); a tuple
/// gives the words of its elements in order.
pub fn words(p: &Program, t: TypeId) -> Vec<Kind> {
    let mut out = Vec::new();
    push_words(p, t, &mut out, 0);
    out
}

fn push_words(p: &Program, t: TypeId, out: &mut Vec<Kind>, depth: u32) {
    if depth > 100 {
        return;
    }
    if let Type::Tuple(elems) = p.types.get(t) {
        for &e in elems {
            push_words(p, e, out, depth + 1);
        }
        return;
    }
    use Kind::{Pointer as P, Scalar as S};
    match repr(p, t) {
        None => {}
        Some(Repr::Str) => out.extend([P, S]),
        Some(Repr::Slice) => out.extend([P, S, S]),
        Some(Repr::Iface) => out.extend([P, P]),
        Some(Repr::C64 | Repr::C128) => out.extend([S, S]),
        Some(Repr::Ptr) => out.push(P),
        Some(Repr::Block { size }) => {
            let n = size.div_ceil(8) as usize;
            let start = out.len();
            out.resize(start + n, S);
            mark_pointers(p, t, 0, &mut out[start..], depth);
        }
        Some(_) => out.push(S),
    }
}

/// Marks the words of a memory image of type `t` at byte offset `off` that hold
/// pointers (the collector's bitmap for a struct or array).
fn mark_pointers(p: &Program, t: TypeId, off: u64, words: &mut [Kind], depth: u32) {
    if depth > 100 {
        return;
    }
    let mut set = |o: u64| {
        if o.is_multiple_of(8)
            && let Some(w) = words.get_mut((o / 8) as usize)
        {
            *w = Kind::Pointer;
        }
    };
    match repr(p, t) {
        Some(Repr::Ptr | Repr::Str | Repr::Slice) => set(off),
        Some(Repr::Iface) => {
            set(off);
            set(off + 8);
        }
        Some(Repr::Block { .. }) => match p.types.under(t) {
            Type::Struct(fields) => {
                let offs = sizes::offsets_of(p, t);
                for (f, o) in fields.iter().zip(offs) {
                    if let Some(o) = o {
                        mark_pointers(p, f.ty, off + o as u64, words, depth + 1);
                    }
                }
            }
            Type::Array(n, elem) => {
                let es = sizes::size_of(p, *elem).unwrap_or(0) as u64;
                // Arrays of pointer-free elements need no walk.
                if es == 0 || !words_have_pointers(p, *elem) {
                    return;
                }
                for i in 0..*n {
                    mark_pointers(p, *elem, off + i * es, words, depth + 1);
                }
            }
            _ => {}
        },
        _ => {}
    }
}

fn words_have_pointers(p: &Program, t: TypeId) -> bool {
    words(p, t).contains(&Kind::Pointer)
}

/// Emits the instructions that turn `[addr]` into the value of class `r` stored there.
pub fn load_instrs(r: Repr) -> Vec<Instr> {
    use Instr::*;
    match r {
        Repr::Bool => vec![Load8U(0)],
        Repr::Int { bits: 8, signed: true } => vec![Load8S(0)],
        Repr::Int { bits: 8, signed: false } => vec![Load8U(0)],
        Repr::Int { bits: 16, signed: true } => vec![Load16S(0)],
        Repr::Int { bits: 16, signed: false } => vec![Load16U(0)],
        Repr::Int { bits: 32, signed: true } => vec![Load32S(0)],
        Repr::Int { bits: 32, signed: false } | Repr::F32 => vec![Load32U(0)],
        Repr::Int { .. } | Repr::F64 => vec![Load64(0)],
        Repr::Ptr => vec![LoadPtr(0)],
        Repr::Str | Repr::Iface => vec![Dup, LoadPtr(0), Swap, LoadPtr(8)],
        Repr::C128 => vec![Dup, Load64(0), Swap, Load64(8)],
        Repr::C64 => vec![Dup, Load32U(0), Swap, Load32U(4)],
        Repr::Slice => vec![LoadBlock(24)],
        Repr::Block { size } => vec![LoadBlock(size)],
    }
}

/// The instructions that store a value of class `r` (`[addr, value words] -> []`).
/// A `complex64` is two words of float32 bits on the stack and 8 bytes in memory:
/// they are packed into one word first.
pub fn store_instrs(r: Repr) -> Vec<Instr> {
    use Instr::*;
    match r {
        Repr::Bool | Repr::Int { bits: 8, .. } => vec![Store8(0)],
        Repr::Int { bits: 16, .. } => vec![Store16(0)],
        Repr::Int { bits: 32, .. } | Repr::F32 => vec![Store32(0)],
        Repr::Int { .. } | Repr::F64 | Repr::Ptr => vec![Store64(0)],
        Repr::Str | Repr::Iface | Repr::C128 => vec![StoreBlock(16)],
        Repr::C64 => vec![Const(32), Shl, Or, Store64(0)],
        Repr::Slice => vec![StoreBlock(24)],
        Repr::Block { size } => vec![StoreBlock(size)],
    }
}

/// The instruction that brings a word-sized integer result back to the canonical form
/// of a narrower type (Go's wraparound), if one is needed.
pub fn wrap_instr(r: Repr) -> Option<Instr> {
    match r {
        Repr::Int { bits: 8, signed: true } => Some(Instr::SExt8),
        Repr::Int { bits: 16, signed: true } => Some(Instr::SExt16),
        Repr::Int { bits: 32, signed: true } => Some(Instr::SExt32),
        Repr::Int { bits: 8, signed: false } => Some(Instr::ZExt8),
        Repr::Int { bits: 16, signed: false } => Some(Instr::ZExt16),
        Repr::Int { bits: 32, signed: false } => Some(Instr::ZExt32),
        _ => None,
    }
}

/// How `print`/`println` prints a value of class `r` (`None` for structs and arrays,
/// which the checker rejects).
pub fn print_kind(r: Repr) -> Option<PrintKind> {
    Some(match r {
        Repr::Bool => PrintKind::Bool,
        Repr::Int { signed: true, .. } => PrintKind::Int,
        Repr::Int { signed: false, .. } => PrintKind::Uint,
        Repr::F32 => PrintKind::F32,
        Repr::F64 => PrintKind::F64,
        Repr::C64 => PrintKind::C64,
        Repr::C128 => PrintKind::C128,
        Repr::Str => PrintKind::String,
        Repr::Ptr => PrintKind::Pointer,
        Repr::Slice => PrintKind::Slice,
        Repr::Iface => PrintKind::Iface,
        Repr::Block { .. } => return None,
    })
}

/// Size in bytes of a value of type `t` in memory (0 when unknown).
pub fn size_of(p: &Program, t: TypeId) -> u64 {
    sizes::size_of(p, t).map_or(0, |s| s.max(0) as u64)
}
