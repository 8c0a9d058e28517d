//! Type-directed equality and hashing: the static *alg* of each comparable type (the
//! leaf list `runtime::alg` walks), `==` on structs and arrays (`EqWords`), and word 6
//! of type descriptors.
//!
//! gc compiles small struct comparisons inline and calls generated `eq` functions for
//! the rest; we always use the one `EqWords` instruction: one dispatch, then a loop over
//! the leaves in Rust, which beats the several instructions per field an inline
//! comparison costs in an interpreter.

use super::func::{CResult, FuncCompiler};
use super::iface::iface_methods;
use super::layout;
use super::package::Ctx;
use crate::bytecode::{Instr, Kind};
use frontend::syntax::Pos;
use frontend::syntax::ast::{BinOp, ExprId};
use frontend::types::sizes;
use frontend::types::ty::{BasicKind, Type, TypeId};
use runtime::alg::{self as ralg, Leaf};

/// More leaves than this in one alg is refused ("comparison of huge values"): a
/// `[1 << 20]string` would need a million.
const MAX_LEAVES: usize = 1 << 16;

impl Ctx<'_> {
    /// The address of the static alg of type `t`, or `None` if `t` is not comparable
    /// (or too large to describe).
    pub fn alg_addr(&mut self, t: TypeId) -> Option<u64> {
        if let Some(&a) = self.algs.get(&t) {
            return a;
        }
        let mut leaves = Vec::new();
        let ok = self.alg_leaves(t, 0, &mut leaves, 0);
        let addr = if ok && leaves.len() <= MAX_LEAVES {
            let words: Box<[u64]> = ralg::encode(layout::size_of(self.prog, t), &leaves).into_boxed_slice();
            let a = words.as_ptr() as u64;
            self.data.funcvals.push(words);
            Some(a)
        } else {
            None
        };
        self.algs.insert(t, addr);
        addr
    }

    /// Appends the leaves of a value of type `t` at byte offset `off`; false if `t` is
    /// not comparable.
    fn alg_leaves(&mut self, t: TypeId, off: u64, out: &mut Vec<Leaf>, depth: u32) -> bool {
        if depth > 100 || out.len() > MAX_LEAVES {
            return false;
        }
        let p = self.prog;
        let size = layout::size_of(p, t);
        let leaf = |kind| Leaf { offset: off, kind, size };
        match p.types.under(t) {
            Type::Basic(k) => {
                use BasicKind as B;
                out.push(leaf(match k {
                    B::Float32 => ralg::LEAF_F32,
                    B::Float64 => ralg::LEAF_F64,
                    B::Complex64 => ralg::LEAF_C64,
                    B::Complex128 => ralg::LEAF_C128,
                    B::String => ralg::LEAF_STR,
                    B::Invalid => return false,
                    _ => ralg::LEAF_MEM,
                }));
                true
            }
            Type::Pointer(_) | Type::Chan(..) => {
                out.push(leaf(ralg::LEAF_MEM));
                true
            }
            Type::Interface(_) => {
                let empty = iface_methods(self, t).is_empty();
                out.push(leaf(if empty { ralg::LEAF_EFACE } else { ralg::LEAF_IFACE }));
                true
            }
            Type::Struct(fields) => {
                let offs = sizes::offsets_of(p, t);
                for (f, o) in fields.iter().zip(offs) {
                    let Some(o) = o else { return false };
                    // Blank fields are not compared (the spec), but must be comparable.
                    let mut scratch = Vec::new();
                    let target = if &*f.name == "_" { &mut scratch } else { &mut *out };
                    if !self.alg_leaves(f.ty, off + o as u64, target, depth + 1) {
                        return false;
                    }
                }
                true
            }
            Type::Array(n, elem) => {
                let (n, elem) = (*n, *elem);
                let es = layout::size_of(p, elem);
                let mut first = Vec::new();
                if !self.alg_leaves(elem, off, &mut first, depth + 1) {
                    return false;
                }
                // Plain-memory elements without padding: one run for the whole array.
                if let [Leaf { kind: ralg::LEAF_MEM, size, .. }] = first.as_slice()
                    && *size == es
                {
                    out.push(Leaf { offset: off, kind: ralg::LEAF_MEM, size: es * n });
                    return true;
                }
                if first.len() as u64 * n > MAX_LEAVES as u64 {
                    return false;
                }
                for i in 0..n {
                    for l in &first {
                        out.push(Leaf { offset: l.offset + i * es, ..*l });
                    }
                }
                true
            }
            _ => false,
        }
    }
}

impl FuncCompiler<'_, '_> {
    /// `x == y` / `x != y` for struct or array operands of type `t`.
    pub fn compare_blocks(&mut self, pos: Pos, op: BinOp, x: ExprId, y: ExprId, t: TypeId) -> CResult {
        self.expr_to(x, t)?;
        self.expr_to(y, t)?;
        self.eq_words(pos, op, t)
    }

    /// `[a.., b..] -> [a == b]` (or `!=`) for two values of comparable type `t`.
    pub fn eq_words(&mut self, pos: Pos, op: BinOp, t: TypeId) -> CResult {
        // Structs and arrays: their stack words are their memory image.
        let Some(alg) = self.cx.alg_addr(t) else { return Err(self.unimpl(pos, "comparison of these values")) };
        let n = layout::words(self.cx.prog, t).len();
        let c = self.b.const_word(alg);
        self.b.set_line(self.line(pos));
        self.b.emit_runtime(Instr::EqWords(c), 2 * n, &[Kind::Scalar]);
        if op == BinOp::Neq {
            self.b.emit(Instr::Eqz);
        }
        Ok(())
    }
}
