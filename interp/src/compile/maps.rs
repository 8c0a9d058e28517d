//! Maps: map-type descriptors (`runtime::map::MapType`) and the code for `make`, map
//! literals, `m[k]` (plain and comma-ok), assignments to `m[k]` (also `op=`, `++`, and
//! in tuple assignments), `delete`, `clear`, `len` and `range`.
//!
//! Every map operation is one instruction of the maps block (`MapLoad`, `MapStore`, ...)
//! whose operand is a constant-pool word holding the address of the map type's static
//! descriptor. Keys and values travel on the operand stack as their canonical words.
//! A range loop keeps its iterator in 8 frame slots and reads the current key and
//! value through the addresses the iterator holds (slots 2 and 3).

use super::func::{CResult, FuncCompiler, Target};
use super::layout::{self, Repr};
use super::package::Ctx;
use crate::bytecode::{Instr, Kind};
use frontend::syntax::Pos;
use frontend::syntax::ast::{BinOp, Block, ExprId, ExprKind};
use frontend::types::sizes;
use frontend::types::ty::{BasicKind, Type, TypeId, TypeTable};
use runtime::map::{
    HEADER_POINTER_WORDS, HEADER_WORDS, INLINE, ITER_POINTER_WORDS, ITER_WORDS, MAX_INLINE, MapType, key_kind,
};

/// Slots above this make a group type the compiler refuses (a value of many megabytes).
const MAX_SLOT_SIZE: u64 = 1 << 24;

fn align_up(x: u64, a: u64) -> u64 {
    x.div_ceil(a.max(1)) * a.max(1)
}

impl Ctx<'_> {
    /// The address of the static descriptor of map type `t`, or `None` when its key or
    /// value cannot be laid out.
    pub fn map_type_addr(&mut self, t: TypeId) -> Option<u64> {
        if let Some(&a) = self.map_types.get(&t) {
            return Some(a);
        }
        let p = self.prog;
        let Type::Map(k, v) = p.types.under(t) else { return None };
        let (k, v) = (*k, *v);
        let (kr, vr) = (layout::repr(p, k)?, layout::repr(p, v)?);
        let (ks, vs) = (layout::size_of(p, k), layout::size_of(p, v));
        // Large keys and values live in cells of their own; the slot holds the pointer.
        let (k_out, v_out) = (ks > MAX_INLINE, vs > MAX_INLINE);
        let (kss, vss) = (if k_out { 8 } else { ks }, if v_out { 8 } else { vs });
        let align = |out: bool, t: TypeId| if out { 8 } else { sizes::align_of(p, t).max(1) as u64 };
        let (ka, va) = (align(k_out, k), align(v_out, v));
        let val_off = align_up(kss, va);
        let slot_size = align_up(val_off + vss, ka.max(va));
        if slot_size > MAX_SLOT_SIZE {
            return None;
        }
        let key_alg = self.alg_addr(k)?;
        // The group: a control word, then 8 slots; pointer words from the key's and the
        // value's word layouts (pointerful types are 8-aligned, so slots are too).
        let (kw, vw) = (layout::words(p, k), layout::words(p, v));
        let (kslot, vslot) = (
            if k_out { vec![Kind::Pointer] } else { kw.clone() },
            if v_out { vec![Kind::Pointer] } else { vw.clone() },
        );
        let mut kinds = vec![Kind::Scalar; 1 + slot_size as usize];
        for s in 0..8u64 {
            let base = 8 + s * slot_size;
            let marks = kslot.iter().enumerate().map(|(i, kind)| (base + 8 * i as u64, kind));
            let marks = marks.chain(vslot.iter().enumerate().map(|(i, kind)| (base + val_off + 8 * i as u64, kind)));
            for (off, kind) in marks {
                if *kind == Kind::Pointer
                    && off % 8 == 0
                    && let Some(w) = kinds.get_mut((off / 8) as usize)
                {
                    *w = Kind::Pointer;
                }
            }
        }
        let name = frontend::types::typestring::type_string(p, t, None);
        let group_ty = self.custom_type(&format!("group of {name}"), &kinds);
        let header_kinds: Vec<Kind> = (0..HEADER_WORDS)
            .map(|i| if HEADER_POINTER_WORDS.contains(&i) { Kind::Pointer } else { Kind::Scalar })
            .collect();
        let header_ty = self.custom_type(&name, &header_kinds);
        // SAFETY: `key_alg` is a static alg block just built.
        let plain = unsafe { runtime::alg::is_plain_memory(key_alg as *const u64) };
        let key_kind = match kr {
            Repr::Str => key_kind::STR,
            _ if plain && ks == 8 => key_kind::MEM8,
            _ if plain => key_kind::MEM,
            _ => key_kind::GENERIC,
        };
        let val_sext = match vr {
            Repr::Int { bits, signed: true } if bits < 64 => u64::from(bits / 8),
            _ => 0,
        };
        let mt = MapType {
            key_size: ks,
            val_size: vs,
            slot_size,
            val_off,
            key_words: kw.len() as u64,
            val_words: vw.len() as u64,
            val_sext,
            key_kind,
            key_alg,
            group_ty: u64::from(group_ty),
            header_ty: u64::from(header_ty),
            c64: u64::from(kr == Repr::C64) | u64::from(vr == Repr::C64) << 1,
            key_cell_ty: if k_out { u64::from(self.type_id(k)) } else { INLINE },
            val_cell_ty: if v_out { u64::from(self.type_id(v)) } else { INLINE },
        };
        let words: Box<[u64]> = Box::new(mt.to_words());
        let a = words.as_ptr() as u64;
        self.data.funcvals.push(words);
        self.map_types.insert(t, a);
        Some(a)
    }
}

/// The operands of `m[k]` on the left of a tuple assignment, evaluated in phase one.
#[derive(Clone, Copy, Debug)]
pub(crate) struct MapLhs {
    map_slot: u32,
    key_slot: u32,
    key_words: u16,
    c: u32,
    val_words: usize,
}

impl FuncCompiler<'_, '_> {
    /// The key and value types of map type `t`.
    fn map_kv(&self, t: TypeId) -> Option<(TypeId, TypeId)> {
        match self.cx.prog.types.under(t) {
            Type::Map(k, v) => Some((*k, *v)),
            _ => None,
        }
    }

    /// The constant-pool index of map type `t`'s descriptor.
    fn map_const(&mut self, pos: Pos, t: TypeId) -> CResult<u32> {
        let Some(a) = self.cx.map_type_addr(t) else { return Err(self.unimpl(pos, "maps of this type")) };
        Ok(self.b.const_word(a))
    }

    /// Whether `e` is an index expression on a map.
    pub fn is_map_index(&self, e: ExprId) -> bool {
        match self.file.expr(self.unparen(e)).kind {
            ExprKind::Index { x, .. } => matches!(self.cx.prog.types.under(self.ty(x)), Type::Map(..)),
            _ => false,
        }
    }

    /// The map and key operands of the map index expression `e`.
    fn map_operands(&self, e: ExprId) -> CResult<(ExprId, ExprId)> {
        let u = self.unparen(e);
        match &self.file.expr(u).kind {
            ExprKind::Index { x, indices } if indices.len() == 1 => Ok((*x, indices[0])),
            _ => Err(self.err(self.file.expr(e).pos, "internal compiler error: not a map index")),
        }
    }

    /// `make(map[K]V[, hint])`.
    pub fn make_map(&mut self, e: ExprId, args: &[ExprId]) -> CResult {
        let pos = self.file.expr(e).pos;
        let c = self.map_const(pos, self.ty(e))?;
        match args.get(1) {
            Some(&hint) => self.expr_to(hint, TypeTable::basic(BasicKind::Int))?,
            None => self.b.emit(Instr::Const(0)),
        }
        self.b.set_line(self.line(pos));
        self.b.emit(Instr::MapNew(c));
        Ok(())
    }

    /// A map composite literal: a new map, then each entry stored in order.
    pub fn map_literal(&mut self, e: ExprId) -> CResult {
        let file = self.file.clone();
        let ex = file.expr(e);
        let pos = ex.pos;
        let ExprKind::CompositeLit { elems, .. } = &ex.kind else {
            return Err(self.err(pos, "internal compiler error: not a composite literal"));
        };
        let t = self.ty(e);
        let Some((k, v)) = self.map_kv(t) else { return Err(self.err(pos, "internal compiler error: not a map")) };
        let c = self.map_const(pos, t)?;
        let (kw, vw) = (layout::words(self.cx.prog, k).len(), layout::words(self.cx.prog, v).len());
        self.b.push_i64(elems.len() as i64);
        self.b.set_line(self.line(pos));
        self.b.emit(Instr::MapNew(c));
        for &el in elems {
            let ExprKind::KeyValue { key, value } = file.expr(el).kind else {
                return Err(self.err(pos, "internal compiler error: map literal element without a key"));
            };
            self.b.emit(Instr::Dup);
            self.expr_to(key, k)?;
            self.expr_to(value, v)?;
            self.b.set_line(self.line(file.expr(el).pos));
            self.b.emit_runtime(Instr::MapStore(c), 1 + kw + vw, &[]);
        }
        Ok(())
    }

    /// `m[k]`, pushing the value, and `ok` too for the comma-ok form.
    pub fn map_index(&mut self, e: ExprId, comma_ok: bool) -> CResult {
        let pos = self.file.expr(e).pos;
        let (x, i) = self.map_operands(e)?;
        let mt = self.ty(x);
        let Some((k, v)) = self.map_kv(mt) else { return Err(self.err(pos, "internal compiler error: not a map")) };
        let c = self.map_const(pos, mt)?;
        self.expr(x)?;
        self.expr_to(i, k)?;
        let kw = layout::words(self.cx.prog, k).len();
        let mut out = layout::words(self.cx.prog, v);
        if comma_ok {
            out.push(Kind::Scalar);
        }
        self.b.set_line(self.line(pos));
        let instr = if comma_ok { Instr::MapLoadOk(c) } else { Instr::MapLoad(c) };
        self.b.emit_runtime(instr, 1 + kw, &out);
        Ok(())
    }

    /// The address of a copy of `m[k]` (for reading a field or element of a map value,
    /// which is not addressable).
    pub fn map_value_addr(&mut self, e: ExprId) -> CResult {
        let t = self.ty(e);
        let cell = self.new_box(t)?;
        self.b.emit(Instr::Load(cell));
        self.map_index(e, false)?;
        self.store_mem(t)?;
        self.b.emit(Instr::Load(cell));
        Ok(())
    }

    /// `m[k] = r`.
    pub fn map_assign(&mut self, l: ExprId, r: ExprId) -> CResult {
        let pos = self.file.expr(l).pos;
        let (x, i) = self.map_operands(l)?;
        let mt = self.ty(x);
        let Some((k, v)) = self.map_kv(mt) else { return Err(self.err(pos, "internal compiler error: not a map")) };
        let c = self.map_const(pos, mt)?;
        self.expr(x)?;
        self.expr_to(i, k)?;
        self.expr_to(r, v)?;
        let n = layout::words(self.cx.prog, k).len() + layout::words(self.cx.prog, v).len();
        self.b.set_line(self.line(pos));
        self.b.emit_runtime(Instr::MapStore(c), 1 + n, &[]);
        Ok(())
    }

    /// Evaluates the map and key of `m[k]` on the left of a tuple assignment into
    /// temporaries (phase one of the assignment).
    pub fn map_lhs(&mut self, l: ExprId) -> CResult<MapLhs> {
        let pos = self.file.expr(l).pos;
        let (x, i) = self.map_operands(l)?;
        let mt = self.ty(x);
        let Some((k, v)) = self.map_kv(mt) else { return Err(self.err(pos, "internal compiler error: not a map")) };
        let c = self.map_const(pos, mt)?;
        let map_slot = self.b.local(Kind::Pointer);
        self.expr(x)?;
        self.b.emit(Instr::Store(map_slot));
        let (key_slot, key_words) = self.temp(k);
        self.expr_to(i, k)?;
        if key_words > 0 {
            self.b.emit(Instr::StoreSlots { slot: key_slot, n: key_words });
        }
        let val_words = layout::words(self.cx.prog, v).len();
        Ok(MapLhs { map_slot, key_slot, key_words, c, val_words })
    }

    /// Pushes the map and key of an evaluated left side (below the value to store).
    pub fn map_lhs_push(&mut self, lhs: &MapLhs) {
        self.b.emit(Instr::Load(lhs.map_slot));
        if lhs.key_words > 0 {
            self.b.emit(Instr::LoadSlots { slot: lhs.key_slot, n: lhs.key_words });
        }
    }

    /// Stores the value above an evaluated left side's map and key (`map_lhs_push`).
    pub fn map_lhs_store(&mut self, lhs: &MapLhs) {
        self.b.emit_runtime(Instr::MapStore(lhs.c), 1 + lhs.key_words as usize + lhs.val_words, &[]);
    }

    /// Stores the value on top of the stack (of the map's value type) into `m[k]`,
    /// evaluating `m` and `k` after it (a range variable, a multi-value right side).
    pub fn map_store_top(&mut self, l: ExprId, t: TypeId) -> CResult {
        let (tmp, n) = self.temp(t);
        if n > 0 {
            self.b.emit(Instr::StoreSlots { slot: tmp, n });
        }
        let lhs = self.map_lhs(l)?;
        self.map_lhs_push(&lhs);
        if n > 0 {
            self.b.emit(Instr::LoadSlots { slot: tmp, n });
        }
        self.map_lhs_store(&lhs);
        Ok(())
    }

    /// `m[k] op= y`, or `m[k]++`/`m[k]--` when `y` is `None`: `m` and `k` are evaluated
    /// once; the entry is read, then written (as gc, the read happens first, so a panic
    /// in the operation leaves the map unchanged).
    pub fn map_op_assign(&mut self, pos: Pos, l: ExprId, op: BinOp, y: Option<ExprId>) -> CResult {
        let t = self.ty(l);
        let r = self.repr_at(l, t)?;
        let lhs = self.map_lhs(l)?;
        self.map_lhs_push(&lhs);
        self.map_lhs_push(&lhs);
        let out = layout::words(self.cx.prog, t);
        self.b.set_line(self.line(pos));
        self.b.emit_runtime(Instr::MapLoad(lhs.c), 1 + lhs.key_words as usize, &out);
        self.op_assign_operation(pos, op, r, t, y)?;
        self.b.set_line(self.line(pos));
        self.map_lhs_store(&lhs);
        Ok(())
    }

    /// `delete(m, k)`.
    pub fn map_delete(&mut self, pos: Pos, args: &[ExprId]) -> CResult {
        let [m, key] = args else { return Err(self.err(pos, "internal compiler error: delete arity")) };
        let mt = self.ty(*m);
        let Some((k, _)) = self.map_kv(mt) else { return Err(self.err(pos, "internal compiler error: not a map")) };
        let c = self.map_const(pos, mt)?;
        self.expr(*m)?;
        self.expr_to(*key, k)?;
        let kw = layout::words(self.cx.prog, k).len();
        self.b.set_line(self.line(pos));
        self.b.emit_runtime(Instr::MapRemove(c), 1 + kw, &[]);
        Ok(())
    }

    /// `delete(f())` with `f` returning a map of type `mt` and a key.
    pub fn map_delete_of_call(&mut self, pos: Pos, call: ExprId, mt: TypeId) -> CResult {
        let Some((k, _)) = self.map_kv(mt) else { return Err(self.err(pos, "internal compiler error: not a map")) };
        let c = self.map_const(pos, mt)?;
        self.multi_value_to(call, &[mt, k])?;
        let kw = layout::words(self.cx.prog, k).len();
        self.b.set_line(self.line(pos));
        self.b.emit_runtime(Instr::MapRemove(c), 1 + kw, &[]);
        Ok(())
    }

    /// Pushes the operands of a deferred `delete(m, k)`: returns the map type's
    /// descriptor address and the operand words' kinds.
    pub fn map_delete_operands(&mut self, pos: Pos, args: &[ExprId]) -> CResult<(u64, Vec<Kind>)> {
        let [m, key] = args else { return Err(self.err(pos, "internal compiler error: delete arity")) };
        let mt = self.ty(*m);
        let Some((k, _)) = self.map_kv(mt) else { return Err(self.err(pos, "internal compiler error: not a map")) };
        let Some(addr) = self.cx.map_type_addr(mt) else { return Err(self.unimpl(pos, "maps of this type")) };
        self.expr(*m)?;
        self.expr_to(*key, k)?;
        let mut kinds = vec![Kind::Pointer];
        kinds.extend(layout::words(self.cx.prog, k));
        Ok((addr, kinds))
    }

    /// `clear(m)`.
    pub fn map_clear(&mut self, pos: Pos, m: ExprId) -> CResult {
        let c = self.map_const(pos, self.ty(m))?;
        self.expr(m)?;
        self.b.emit_runtime(Instr::MapClear(c), 1, &[]);
        Ok(())
    }

    /// `len(m)`.
    pub fn map_len(&mut self, m: ExprId) -> CResult {
        self.expr(m)?;
        self.b.emit(Instr::MapLen);
        Ok(())
    }

    /// `for k, v := range m { body }`.
    #[allow(clippy::too_many_arguments)]
    pub fn range_map(&mut self, pos: Pos, label: Option<String>, key: Option<ExprId>, value: Option<ExprId>, define: bool, x: ExprId, body: &Block) -> CResult {
        let mt = self.ty(x);
        let Some((k, v)) = self.map_kv(mt) else { return Err(self.err(pos, "internal compiler error: not a map")) };
        let c = self.map_const(pos, mt)?;
        let kinds: Vec<Kind> =
            (0..ITER_WORDS).map(|i| if ITER_POINTER_WORDS.contains(&i) { Kind::Pointer } else { Kind::Scalar }).collect();
        let it = self.b.locals(&kinds);
        let Ok(slot) = u16::try_from(it) else { return Err(self.unimpl(pos, "range over a map in a huge frame")) };
        if it as usize + ITER_WORDS > 1 << 16 {
            return Err(self.unimpl(pos, "range over a map in a huge frame"));
        }
        self.expr(x)?;
        self.b.emit(Instr::MapRangeInit(it));
        let next_l = self.b.new_label();
        let end_l = self.b.new_label();
        self.b.bind(next_l);
        self.b.set_line(self.line(pos));
        self.b.emit(Instr::MapRangeNext { c, slot });
        self.b.branch(Instr::JumpIfNot(0), end_l);
        if let Some(key) = key.filter(|&e| !self.is_blank(e)) {
            self.b.emit(Instr::Load(it + 2));
            self.load_mem(k)?;
            self.range_var(key, k, define)?;
        }
        if let Some(value) = value.filter(|&e| !self.is_blank(e)) {
            self.b.emit(Instr::Load(it + 3));
            self.load_mem(v)?;
            self.range_var(value, v, define)?;
        }
        self.targets.push(Target { label, brk: end_l, cont: Some(next_l) });
        let r = self.block(&body.stmts);
        self.targets.pop();
        r?;
        self.b.branch(Instr::Jump(0), next_l);
        self.b.bind(end_l);
        Ok(())
    }
}
