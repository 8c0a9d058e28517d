//! Slices: literals, `append`, and slice expressions with gc's bounds checks.

use super::func::{CResult, FuncCompiler};
use super::layout;
use crate::bytecode::{Instr, Kind};
use frontend::syntax::ast::{ExprId, ExprKind};
use frontend::types::constant::Value;
use frontend::types::ty::{BasicKind, Type, TypeId, TypeTable};
use runtime::errors::BoundsCode;

impl FuncCompiler<'_, '_> {
    /// `[]T{a, b, k: c}`: a new backing array of the literal's length, filled in.
    pub fn slice_literal(&mut self, e: ExprId, elem: TypeId) -> CResult {
        let file = self.file.clone();
        let ex = file.expr(e);
        let ExprKind::CompositeLit { elems, .. } = &ex.kind else {
            return Err(self.err(ex.pos, "internal compiler error: not a composite literal"));
        };
        // Element indices (keys may jump ahead), and the length.
        let mut items = Vec::with_capacity(elems.len());
        let mut index = 0i64;
        let mut len = 0i64;
        for &el in elems {
            let val = match &file.expr(el).kind {
                ExprKind::KeyValue { key, value } => {
                    let k = self.finfo.type_of(*key).and_then(|tv| tv.value.as_ref()).and_then(Value::to_i64);
                    let Some(k) = k else { return Err(self.err(ex.pos, "internal compiler error: bad index key")) };
                    index = k;
                    *value
                }
                _ => el,
            };
            items.push((index, val));
            index += 1;
            len = len.max(index);
        }
        let t = self.ty(e);
        let (tmp, n) = self.temp(t);
        self.b.push_i64(len);
        self.b.emit(Instr::Dup);
        let ti = self.cx.type_id(elem);
        self.b.set_line(self.line(ex.pos));
        self.b.emit(Instr::MakeSlice(ti));
        self.b.emit(Instr::StoreSlots { slot: tmp, n });
        let size = layout::size_of(self.cx.prog, elem) as i64;
        for (i, val) in items {
            let Some(off) = i.checked_mul(size).and_then(|o| i32::try_from(o).ok()) else {
                return Err(self.unimpl(ex.pos, "very large slice literals"));
            };
            self.b.emit(Instr::Load(tmp));
            self.b.emit(Instr::AddrOff(off));
            self.expr_to(val, elem)?;
            self.store_mem(elem)?;
        }
        self.b.emit(Instr::LoadSlots { slot: tmp, n });
        Ok(())
    }

    /// `append(s, a, b, ...)`.
    pub fn append(&mut self, e: ExprId, args: &[ExprId], has_dots: bool) -> CResult {
        let pos = self.file.expr(e).pos;
        let t = self.ty(e);
        let Type::Slice(elem) = self.cx.prog.types.under(t) else {
            return Err(self.unimpl(pos, "append to this type"));
        };
        let elem = *elem;
        let Some((&s, rest)) = args.split_first() else {
            return Err(self.err(pos, "internal compiler error: append arity"));
        };
        if has_dots {
            let [src] = rest else { return Err(self.err(pos, "internal compiler error: append arity")) };
            return self.append_slice(pos, s, *src, t, elem);
        }
        self.expr_to(s, t)?;
        if rest.is_empty() {
            return Ok(());
        }
        // The new elements are evaluated before the slice grows (they may panic).
        for &a in rest {
            self.expr_to(a, elem)?;
        }
        self.append_stacked(pos, t, elem, rest.len())
    }

    /// `[s(3), v1.., vn..] -> [append(s, v1, .., vn)]` for `count` elements of type
    /// `elem` (also `append(f())` of a multi-value call).
    pub fn append_stacked(&mut self, pos: frontend::syntax::Pos, t: TypeId, elem: TypeId, count: usize) -> CResult {
        let vals: Vec<(u32, u16)> = (0..count).map(|_| self.temp(elem)).collect();
        // Park the values, top first.
        for &(slot, n) in vals.iter().rev() {
            if n > 0 {
                self.b.emit(Instr::StoreSlots { slot, n });
            }
        }
        let count = count as i64;
        self.b.push_i64(count);
        let ti = self.cx.type_id(elem);
        self.b.set_line(self.line(pos));
        self.b.emit_runtime(Instr::GrowSlice(ti), 4, &[Kind::Pointer, Kind::Scalar, Kind::Scalar]);
        let (tmp, n) = self.temp(t);
        self.b.emit(Instr::StoreSlots { slot: tmp, n });
        let size = layout::size_of(self.cx.prog, elem) as i64;
        for (k, &(slot, vn)) in vals.iter().enumerate() {
            // &s[len - count + k]
            self.b.emit(Instr::Load(tmp));
            self.b.emit(Instr::Load(tmp + 1));
            self.b.push_i64(k as i64 - count);
            self.b.emit(Instr::AddI64);
            self.b.push_i64(size);
            self.b.emit(Instr::MulI64);
            self.b.emit(Instr::AddI64);
            self.b.set_top_kinds(&[Kind::Pointer]);
            if vn > 0 {
                self.b.emit(Instr::LoadSlots { slot, n: vn });
            }
            self.store_mem(elem)?;
        }
        self.b.emit(Instr::LoadSlots { slot: tmp, n });
        Ok(())
    }

    /// `append(s, src...)` (src a slice, or a string for a byte slice): grow by
    /// `len(src)`, then copy.
    fn append_slice(&mut self, pos: frontend::syntax::Pos, s: ExprId, src: ExprId, t: TypeId, elem: TypeId) -> CResult {
        let size = layout::size_of(self.cx.prog, elem) as i64;
        self.expr_to(s, t)?;
        // src's ptr and len.
        let sp = self.b.local(Kind::Pointer);
        let sl = self.b.local(Kind::Scalar);
        self.expr(src)?;
        if matches!(self.cx.prog.types.under(self.ty(src)), Type::Slice(_)) {
            self.b.emit(Instr::Pop);
        }
        self.b.emit(Instr::Store(sl));
        self.b.emit(Instr::Store(sp));
        self.b.emit(Instr::Load(sl));
        let ti = self.cx.type_id(elem);
        self.b.set_line(self.line(pos));
        self.b.emit_runtime(Instr::GrowSlice(ti), 4, &[Kind::Pointer, Kind::Scalar, Kind::Scalar]);
        let (tmp, n) = self.temp(t);
        self.b.emit(Instr::StoreSlots { slot: tmp, n });
        // memmove(&s[len-k], src, k*size)
        self.b.emit(Instr::Load(tmp));
        self.b.emit(Instr::Load(tmp + 1));
        self.b.emit(Instr::Load(sl));
        self.b.emit(Instr::SubI64);
        self.b.push_i64(size);
        self.b.emit(Instr::MulI64);
        self.b.emit(Instr::AddI64);
        self.b.set_top_kinds(&[Kind::Pointer]);
        self.b.emit(Instr::Load(sp));
        self.b.emit(Instr::Load(sl));
        self.b.push_i64(size);
        self.b.emit(Instr::MulI64);
        self.call_native(pos, "memmove")?;
        self.b.emit(Instr::LoadSlots { slot: tmp, n });
        Ok(())
    }

    /// `copy(dst, src)`: copies `min(len(dst), len(src))` elements; pushes that count.
    pub fn copy_builtin(&mut self, e: ExprId, dst: ExprId, src: ExprId) -> CResult {
        let pos = self.file.expr(e).pos;
        let prog = self.cx.prog;
        let Type::Slice(elem) = prog.types.under(self.ty(dst)) else {
            return Err(self.unimpl(pos, "copy to this type"));
        };
        let size = layout::size_of(prog, *elem) as i64;
        self.copy_operands(dst, src)?;
        self.b.push_i64(size);
        self.call_native(pos, "slicecopy")
    }

    /// Pushes the words `copy(dst, src)` works on: `dst ptr, dst len, src ptr, src len`
    /// (`src` a slice or a string).
    pub fn copy_operands(&mut self, dst: ExprId, src: ExprId) -> CResult {
        self.expr(dst)?;
        self.b.emit(Instr::Pop);
        self.expr(src)?;
        if matches!(self.cx.prog.types.under(self.ty(src)), Type::Slice(_)) {
            self.b.emit(Instr::Pop);
        }
        Ok(())
    }

    /// `x[lo:hi]` of a string, a slice, or an addressable array (or pointer to one).
    pub fn slice_expr(&mut self, e: ExprId, x: ExprId, lo: Option<ExprId>, hi: Option<ExprId>, max: Option<ExprId>) -> CResult {
        let pos = self.file.expr(e).pos;
        let prog = self.cx.prog;
        let int = TypeTable::basic(BasicKind::Int);
        let xt = self.ty(x);
        let t = self.ty(e);
        // ptr, len, cap of the operand in scratch slots; elem size.
        let p = self.b.local(Kind::Pointer);
        let l = self.b.local(Kind::Scalar);
        let c = self.b.local(Kind::Scalar);
        let (size, is_string) = match prog.types.under(xt) {
            Type::Basic(k) if k.is_string() => {
                self.expr(x)?;
                self.b.emit(Instr::Dup);
                self.b.emit(Instr::Store(c));
                self.b.emit(Instr::Store(l));
                self.b.emit(Instr::Store(p));
                (1, true)
            }
            Type::Slice(elem) => {
                let size = layout::size_of(prog, *elem);
                self.expr(x)?;
                self.b.emit(Instr::Store(c));
                self.b.emit(Instr::Store(l));
                self.b.emit(Instr::Store(p));
                (size, false)
            }
            Type::Array(n, elem) => {
                let size = layout::size_of(prog, *elem);
                if !self.is_addressable(x) {
                    return Err(self.unimpl(pos, "slicing a non-addressable array"));
                }
                self.addr(x)?;
                self.b.emit(Instr::Store(p));
                self.b.push_i64(*n as i64);
                self.b.emit(Instr::Dup);
                self.b.emit(Instr::Store(l));
                self.b.emit(Instr::Store(c));
                (size, false)
            }
            Type::Pointer(pt) => {
                let Type::Array(n, elem) = prog.types.under(*pt) else { return Err(self.unimpl(pos, "slicing this type")) };
                let size = layout::size_of(prog, *elem);
                self.expr(x)?;
                self.b.emit(Instr::NilCheck);
                self.b.emit(Instr::Store(p));
                self.b.push_i64(*n as i64);
                self.b.emit(Instr::Dup);
                self.b.emit(Instr::Store(l));
                self.b.emit(Instr::Store(c));
                (size, false)
            }
            _ => return Err(self.unimpl(pos, "slicing this type")),
        };
        // gc reports bounds against the length for strings and arrays, the capacity
        // for slices.
        let is_slice = matches!(prog.types.under(xt), Type::Slice(_));
        // Operands are evaluated left to right; then max <= cap, hi <= max (or hi <= cap
        // without max), then lo <= hi: gc's order of checks.
        let lo_slot = self.b.local(Kind::Scalar);
        match lo {
            Some(lo) => self.expr_to(lo, int)?,
            None => self.b.emit(Instr::Const(0)),
        }
        self.b.emit(Instr::Store(lo_slot));
        let h = self.b.local(Kind::Scalar);
        if let Some(max) = max {
            // `x[lo:hi:max]` (never a string): the capacity becomes max - lo.
            let Some(hi) = hi else { return Err(self.err(pos, "internal compiler error: full slice without high bound")) };
            self.expr_to(hi, int)?;
            self.b.emit(Instr::Store(h));
            self.expr_to(max, int)?;
            self.b.emit(Instr::Load(c));
            let code = if is_slice { BoundsCode::Slice3Acap } else { BoundsCode::Slice3Alen };
            self.b.emit(Instr::Bounds { code: code as u8, signed: self.signed_index(max) });
            self.b.emit(Instr::Store(c));
            self.b.emit(Instr::Load(h));
            self.b.emit(Instr::Load(c));
            self.b.emit(Instr::Bounds { code: BoundsCode::Slice3B as u8, signed: self.signed_index(hi) });
            self.b.emit(Instr::Pop);
            self.b.emit(Instr::Load(lo_slot));
            self.b.emit(Instr::Load(h));
            self.b.emit(Instr::Bounds { code: BoundsCode::Slice3C as u8, signed: lo.is_none_or(|lo| self.signed_index(lo)) });
            self.b.emit(Instr::Pop);
        } else {
            match hi {
                Some(hi) => {
                    self.expr_to(hi, int)?;
                    self.b.emit(Instr::Load(if is_string { l } else { c }));
                    let code = if is_slice { BoundsCode::SliceAcap } else { BoundsCode::SliceAlen };
                    self.b.emit(Instr::Bounds { code: code as u8, signed: self.signed_index(hi) });
                }
                None => self.b.emit(Instr::Load(l)),
            }
            self.b.emit(Instr::Store(h));
            if let Some(lo) = lo {
                self.b.emit(Instr::Load(lo_slot));
                self.b.emit(Instr::Load(h));
                self.b.emit(Instr::Bounds { code: BoundsCode::SliceB as u8, signed: self.signed_index(lo) });
                self.b.emit(Instr::Pop);
            }
        }
        // New capacity; the pointer moves only when it stays inside the array.
        let nc = self.b.local(Kind::Scalar);
        self.b.emit(Instr::Load(c));
        self.b.emit(Instr::Load(lo_slot));
        self.b.emit(Instr::SubI64);
        self.b.emit(Instr::Store(nc));
        self.b.emit(Instr::Load(p));
        let skip = self.b.new_label();
        self.b.emit(Instr::Load(nc));
        self.b.branch(Instr::BrEqImm { imm: 0, off: 0 }, skip);
        self.b.emit(Instr::Load(lo_slot));
        self.b.push_i64(size as i64);
        self.b.emit(Instr::MulI64);
        self.b.emit(Instr::AddI64);
        self.b.set_top_kinds(&[Kind::Pointer]);
        self.b.bind(skip);
        self.b.emit(Instr::Load(h));
        self.b.emit(Instr::Load(lo_slot));
        self.b.emit(Instr::SubI64);
        if !is_string {
            self.b.emit(Instr::Load(nc));
        }
        self.b.set_top_kinds(&layout::words(prog, t));
        Ok(())
    }
}
