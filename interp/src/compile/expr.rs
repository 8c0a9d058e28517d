//! Expressions: each pushes the words of its value (a multi-value call pushes all its
//! results). Constants come folded from the checker and are pushed as immediates.
//! Addressable expressions can also be compiled to their address ([`FuncCompiler::addr`]).

use super::func::{CResult, FuncCompiler, VarLoc};
use super::layout::{self, Repr};
use crate::bytecode::{Instr, Kind};
use frontend::syntax::ast::{BinOp, ExprId, ExprKind, LitKind, UnOp};
use frontend::syntax::lit;
use frontend::types::constant::Value;
use frontend::types::info::{Mode, SelectionKind};
use frontend::types::object::ObjKind;
use frontend::types::sizes;
use frontend::types::ty::{BasicKind, Type, TypeId, TypeTable};

impl FuncCompiler<'_, '_> {
    /// The checker's type of `e` (Invalid if it recorded none), with the current
    /// instance's type arguments substituted.
    pub fn ty(&self, e: ExprId) -> TypeId {
        self.sty(self.finfo.type_of(e).map_or(TypeTable::INVALID, |tv| tv.ty))
    }

    /// The representation of `t`, or a "not implemented" error at `e`.
    pub fn repr_at(&self, e: ExprId, t: TypeId) -> CResult<Repr> {
        layout::repr(self.cx.prog, t).ok_or_else(|| self.unimpl(self.file.expr(e).pos, "values of this type"))
    }

    /// Strips parentheses.
    pub fn unparen(&self, mut e: ExprId) -> ExprId {
        while let ExprKind::Paren(x) = self.file.expr(e).kind {
            e = x;
        }
        e
    }

    /// Pushes the value of `e` converted (implicitly, as assignment does) to type `to`.
    pub fn expr_to(&mut self, e: ExprId, to: TypeId) -> CResult {
        let from = self.ty(e);
        let p = self.cx.prog;
        if p.types.is_interface(to) {
            if matches!(p.types.get(from), Type::Basic(BasicKind::UntypedNil)) || self.is_nil(e) {
                self.push_zero(to);
                return Ok(());
            }
            if p.types.is_interface(from) {
                if self.finfo.type_of(e).is_some_and(|tv| tv.value.is_some()) {
                    return self.convert_to_iface(e, from, to);
                }
                self.expr(e)?;
                return self.iface_convert_to_iface(self.file.expr(e).pos, from, to);
            }
            return self.convert_to_iface(e, from, to);
        }
        if matches!(p.types.get(from), Type::Basic(BasicKind::UntypedNil)) {
            self.push_zero(to);
            return Ok(());
        }
        if let Some(tv) = self.finfo.type_of(e)
            && let Some(v) = &tv.value
        {
            let v = v.clone();
            return self.push_const(e, &v, to);
        }
        self.expr(e)
    }

    /// Pushes the value of `e`.
    pub fn expr(&mut self, e: ExprId) -> CResult {
        let Some(mut tv) = self.finfo.type_of(e).cloned() else {
            return Err(self.err(self.file.expr(e).pos, "internal compiler error: expression has no type"));
        };
        tv.ty = self.sty(tv.ty);
        if let Some(v) = &tv.value {
            return self.push_const(e, v, tv.ty);
        }
        let file = self.file.clone();
        let ex = file.expr(e);
        match &ex.kind {
            ExprKind::Paren(x) => self.expr(*x),
            ExprKind::Name(_) => self.name(e, tv.ty),
            ExprKind::Binary { op, x, y } => self.binary(e, *op, *x, *y, tv.ty),
            ExprKind::Unary { op, x } => self.unary(e, *op, *x, tv.ty),
            ExprKind::Call { fun, args, has_dots, .. } => self.call(e, *fun, args, *has_dots),
            ExprKind::Index { x, indices } => self.index(e, *x, indices),
            ExprKind::Selector { .. } => {
                if let Some(&o) = self.finfo.uses.get(&e) {
                    return self.object(e, o, tv.ty);
                }
                if let Some(sel) = self.finfo.selections.get(&e).cloned() {
                    match sel.kind {
                        SelectionKind::MethodVal => return self.method_value(e, &sel),
                        SelectionKind::MethodExpr => return self.method_expr_value(e, &sel),
                        SelectionKind::Field => {}
                    }
                }
                if let Some(sel) = self.finfo.selections.get(&e).cloned()
                    && sel.kind == SelectionKind::MethodExpr
                {
                    return self.method_expr_value(e, &sel);
                }
                self.addr(e)?;
                self.load_mem(tv.ty)
            }
            ExprKind::Star(_) => {
                if let Some(&x) = self.finfo.bitcasts.get(&e) {
                    return self.bitcast(x, tv.ty);
                }
                self.addr(e)?;
                self.load_mem(tv.ty)
            }
            ExprKind::CompositeLit { .. } => self.composite_value(e),
            ExprKind::FuncLit { .. } => self.func_lit(e),
            ExprKind::Slice { x, lo, hi, max, .. } => self.slice_expr(e, *x, *lo, *hi, *max),
            ExprKind::TypeAssert { x, .. } => self.type_assert(e, *x, tv.ty, false),
            _ => Err(self.unimpl(ex.pos, "this kind of expression")),
        }
    }

    /// Pushes the bits of the numeric variable `x` reinterpreted as type `t` of the same
    /// size, in `t`'s canonical word form.
    fn bitcast(&mut self, x: ExprId, t: TypeId) -> CResult {
        self.expr(x)?;
        let pos = self.file.expr(x).pos;
        match self.repr_at(x, t)? {
            Repr::Int { bits: 8, signed: true } => self.b.emit(Instr::SExt8),
            Repr::Int { bits: 16, signed: true } => self.b.emit(Instr::SExt16),
            Repr::Int { bits: 32, signed: true } => self.b.emit(Instr::SExt32),
            Repr::Int { bits: 8, signed: false } => self.b.emit(Instr::ZExt8),
            Repr::Int { bits: 16, signed: false } => self.b.emit(Instr::ZExt16),
            Repr::Int { bits: 32, signed: false } | Repr::F32 => self.b.emit(Instr::ZExt32),
            Repr::Int { bits: 64, .. } | Repr::F64 => {}
            _ => return Err(self.err(pos, "internal compiler error: bit cast of a non-numeric type")),
        }
        Ok(())
    }

    fn name(&mut self, e: ExprId, t: TypeId) -> CResult {
        match self.finfo.uses.get(&e).copied() {
            Some(o) => self.object(e, o, t),
            None => Err(self.err(self.file.expr(e).pos, "internal compiler error: unresolved name")),
        }
    }

    /// Pushes the value of the object `o` that `e` denotes.
    fn object(&mut self, e: ExprId, o: frontend::types::ObjId, t: TypeId) -> CResult {
        let pos = self.file.expr(e).pos;
        match &self.cx.prog.obj(o).kind {
            ObjKind::Var { .. } => {
                let loc = match self.vars.get(&o).copied() {
                    Some(l) => l,
                    None => match self.cx.globals.get(&o) {
                        Some(&addr) => VarLoc::Global { addr },
                        None => return Err(self.unimpl(pos, "variables of enclosing functions (closures)")),
                    },
                };
                self.load_var(loc, t)
            }
            ObjKind::Nil => {
                self.push_zero(t);
                Ok(())
            }
            ObjKind::Func(_) => match self.cx.func_ref(o).map(|f| f.0) {
                Some(id) => {
                    self.static_func_value(id);
                    Ok(())
                }
                None if self.instance_at(e).is_some() => self.generic_func_value(e),
                None => Err(self.unimpl(pos, "values of this function")),
            },
            _ => Err(self.unimpl(pos, "this kind of name")),
        }
    }

    /// Pushes constant `v` as a value of type `t`.
    pub fn push_const(&mut self, e: ExprId, v: &Value, t: TypeId) -> CResult {
        let pos = self.file.expr(e).pos;
        let prog = self.cx.prog;
        let r = match layout::repr(prog, t) {
            Some(r) => r,
            None => return Err(self.unimpl(pos, "constants of this type")),
        };
        let bad = || self.err(pos, "internal compiler error: constant does not fit its type");
        match r {
            Repr::Bool => self.b.push_i64(i64::from(v.as_bool().ok_or_else(bad)?)),
            Repr::Int { signed: true, .. } => self.b.push_i64(v.to_i64().ok_or_else(bad)?),
            Repr::Int { signed: false, .. } => self.b.push_i64(v.to_u64().ok_or_else(bad)? as i64),
            Repr::F64 => self.b.push_i64(v.to_f64().ok_or_else(bad)?.to_bits() as i64),
            Repr::F32 => self.b.push_i64(i64::from((v.to_f64().ok_or_else(bad)? as f32).to_bits())),
            Repr::C128 | Repr::C64 => {
                let (re, im) = v.parts().ok_or_else(bad)?;
                let (re, im) = (re.to_f64().ok_or_else(bad)?, im.to_f64().ok_or_else(bad)?);
                if r == Repr::C128 {
                    self.b.push_i64(re.to_bits() as i64);
                    self.b.push_i64(im.to_bits() as i64);
                } else {
                    self.b.push_i64(i64::from((re as f32).to_bits()));
                    self.b.push_i64(i64::from((im as f32).to_bits()));
                }
            }
            Repr::Str => {
                // A literal's own bytes (Go strings may hold invalid UTF-8).
                let bytes = match self.file.expr(self.unparen(e)).kind {
                    ExprKind::BasicLit { kind: LitKind::String, .. } => {
                        lit::string_value(self.file.lit_text(self.unparen(e)))
                    }
                    _ => None,
                };
                let bytes = match bytes {
                    Some(b) => b,
                    None => v.as_bytes().ok_or_else(bad)?.to_vec(),
                };
                let addr = self.cx.string_addr(&bytes);
                self.b.push_i64(addr as i64);
                self.b.push_i64(bytes.len() as i64);
            }
            Repr::Ptr if matches!(v, Value::Unknown) => self.b.emit(Instr::Const(0)),
            _ => return Err(self.unimpl(pos, "constants of this type")),
        }
        self.b.set_top_kinds(&layout::words(prog, t));
        Ok(())
    }

    fn binary(&mut self, e: ExprId, op: BinOp, x: ExprId, y: ExprId, t: TypeId) -> CResult {
        let pos = self.file.expr(e).pos;
        match op {
            BinOp::AndAnd | BinOp::OrOr => {
                // Short circuit: the merge point sees one bool either way.
                let done = self.b.new_label();
                self.expr(x)?;
                self.b.emit(Instr::Dup);
                self.b.branch(if op == BinOp::AndAnd { Instr::JumpIfNot(0) } else { Instr::JumpIf(0) }, done);
                self.b.emit(Instr::Pop);
                self.expr(y)?;
                self.b.bind(done);
                return Ok(());
            }
            BinOp::Eql | BinOp::Neq | BinOp::Lss | BinOp::Leq | BinOp::Gtr | BinOp::Geq => {
                let ot = self.operand_type(x, y);
                if let Some(layout::Repr::Iface | layout::Repr::Slice | layout::Repr::Ptr) = layout::repr(self.cx.prog, ot)
                    && (self.is_nil(x) || self.is_nil(y))
                {
                    // Comparison with nil: the first word decides.
                    let v = if self.is_nil(x) { y } else { x };
                    self.expr(v)?;
                    let words = layout::words(self.cx.prog, ot).len();
                    for _ in 1..words {
                        self.b.emit(Instr::Pop);
                    }
                    self.b.emit(Instr::Const(0));
                    self.b.emit(if op == BinOp::Eql { Instr::Eq } else { Instr::Ne });
                    return Ok(());
                }
                // An interface on either side: both become interface values.
                let (tx, ty) = (self.ty(x), self.ty(y));
                let prog = self.cx.prog;
                let mixed = prog.types.is_interface(tx) || prog.types.is_interface(ty);
                if !mixed && let Some(layout::Repr::Block { .. }) = layout::repr(self.cx.prog, ot) {
                    return self.compare_blocks(pos, op, x, y, ot);
                }
                if mixed {
                    let it = if prog.types.is_interface(tx) { tx } else { ty };
                    self.expr_to(x, it)?;
                    self.expr_to(y, it)?;
                    let empty = super::iface::iface_methods(self.cx, it).is_empty();
                    self.call_native(pos, if empty { "efaceeq" } else { "ifaceeq" })?;
                    if op == BinOp::Neq {
                        self.b.emit(Instr::Eqz);
                    }
                    return Ok(());
                }
                self.expr_to(x, ot)?;
                self.expr_to(y, ot)?;
                return self.compare(pos, op, ot);
            }
            BinOp::Shl | BinOp::Shr => {
                let r = self.repr_at(e, t)?;
                self.expr(x)?;
                self.expr(y)?;
                let yt = self.ty(y);
                if let Some(Repr::Int { signed: true, .. }) = layout::repr(self.cx.prog, yt) {
                    self.b.emit(Instr::CheckShift);
                }
                let Repr::Int { signed, .. } = r else { return Err(self.unimpl(pos, "shifts of this type")) };
                if op == BinOp::Shl {
                    self.b.emit(Instr::Shl);
                    self.wrap(r);
                } else {
                    self.b.emit(if signed { Instr::ShrI64 } else { Instr::ShrU64 });
                }
                return Ok(());
            }
            _ => {}
        }
        let r = self.repr_at(e, t)?;
        if let (Repr::Int { bits: 64, .. }, BinOp::Add | BinOp::Sub) = (r, op) {
            // `n - 1`, `a + b` on word-sized integers in slots: the fused forms.
            let yconst = self.finfo.type_of(y).and_then(|tv| tv.value.as_ref()).and_then(|v| v.to_i64());
            let imm = yconst.and_then(|k| if op == BinOp::Sub { k.checked_neg() } else { Some(k) });
            if let (Some(slot), Some(imm)) = (self.slot_var(x), imm.and_then(|k| i16::try_from(k).ok())) {
                self.b.emit(Instr::LoadAddImm { slot, imm });
                return Ok(());
            }
            if op == BinOp::Add
                && let Some(slot) = self.slot_var(y)
            {
                self.expr_to(x, t)?;
                self.b.emit(Instr::AddSlot(slot));
                return Ok(());
            }
        }
        self.expr_to(x, t)?;
        self.expr_to(y, t)?;
        self.arith(pos, op, r)
    }

    /// Whether `e` is the predeclared `nil`.
    pub fn is_nil(&self, e: ExprId) -> bool {
        let e = self.unparen(e);
        matches!(self.file.expr(e).kind, ExprKind::Name(_))
            && self.finfo.uses.get(&e).is_some_and(|&o| matches!(self.cx.prog.obj(o).kind, ObjKind::Nil))
    }

    /// The type both operands of a comparison have.
    fn operand_type(&self, x: ExprId, y: ExprId) -> TypeId {
        let tx = self.ty(x);
        let p = self.cx.prog;
        if p.types.is_untyped(tx) { self.ty(y) } else { tx }
    }

    /// `[a, b] -> [a op b]` for an arithmetic operator on class `r`.
    pub fn arith(&mut self, pos: frontend::syntax::Pos, op: BinOp, r: Repr) -> CResult {
        use Instr::*;
        let instr = match (r, op) {
            (Repr::Int { bits: 32, signed: true }, BinOp::Add) => AddI32,
            (Repr::Int { bits: 32, signed: true }, BinOp::Sub) => SubI32,
            (Repr::Int { bits: 32, signed: true }, BinOp::Mul) => MulI32,
            (Repr::Int { .. }, BinOp::Add) => AddI64,
            (Repr::Int { .. }, BinOp::Sub) => SubI64,
            (Repr::Int { .. }, BinOp::Mul) => MulI64,
            (Repr::Int { signed: true, .. }, BinOp::Div) => DivI64,
            (Repr::Int { signed: true, .. }, BinOp::Rem) => RemI64,
            (Repr::Int { signed: false, .. }, BinOp::Div) => DivU64,
            (Repr::Int { signed: false, .. }, BinOp::Rem) => RemU64,
            (Repr::Int { .. }, BinOp::And) => And,
            (Repr::Int { .. }, BinOp::Or) => Or,
            (Repr::Int { .. }, BinOp::Xor) => Xor,
            (Repr::Int { .. }, BinOp::AndNot) => AndNot,
            (Repr::F64, BinOp::Add) => AddF64,
            (Repr::F64, BinOp::Sub) => SubF64,
            (Repr::F64, BinOp::Mul) => MulF64,
            (Repr::F64, BinOp::Div) => DivF64,
            (Repr::F32, BinOp::Add) => AddF32,
            (Repr::F32, BinOp::Sub) => SubF32,
            (Repr::F32, BinOp::Mul) => MulF32,
            (Repr::F32, BinOp::Div) => DivF32,
            (Repr::Str, BinOp::Add) => return self.call_native(pos, "concatstrings"),
            (Repr::C128 | Repr::C64, _) => return self.complex_arith(pos, op, r),
            (Repr::Bool, BinOp::And) => And,
            _ => return Err(self.unimpl(pos, &format!("operator {} on this type", op.as_str()))),
        };
        self.b.emit(instr);
        if matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div) && !matches!(r, Repr::Int { bits: 32, signed: true } if op != BinOp::Div) {
            self.wrap(r);
        }
        Ok(())
    }

    /// Re-canonicalizes a narrow integer result (Go's wraparound).
    pub fn wrap(&mut self, r: Repr) {
        if let Some(i) = layout::wrap_instr(r) {
            self.b.emit(i);
        }
    }

    /// Calls a native by name; its arguments are on the stack.
    pub fn call_native(&mut self, pos: frontend::syntax::Pos, name: &'static str) -> CResult {
        let Some((id, sig)) = self.cx.native(name) else {
            return Err(self.err(pos, format!("internal compiler error: no native {name}")));
        };
        self.b.call_native(id, &sig);
        Ok(())
    }

    /// `[a, b] -> [bool]` comparing two values of type `t`.
    pub fn compare(&mut self, pos: frontend::syntax::Pos, op: BinOp, t: TypeId) -> CResult {
        use Instr::*;
        let Some(r) = layout::repr(self.cx.prog, t) else { return Err(self.unimpl(pos, "comparison of these values")) };
        let instr = match (r, op) {
            (Repr::Bool | Repr::Int { .. } | Repr::Ptr, BinOp::Eql) => Eq,
            (Repr::Bool | Repr::Int { .. } | Repr::Ptr, BinOp::Neq) => Ne,
            (Repr::Int { signed: true, .. }, BinOp::Lss) => LtI64,
            (Repr::Int { signed: true, .. }, BinOp::Leq) => LeI64,
            (Repr::Int { signed: true, .. }, BinOp::Gtr) => GtI64,
            (Repr::Int { signed: true, .. }, BinOp::Geq) => GeI64,
            (Repr::Int { signed: false, .. }, BinOp::Lss) => LtU64,
            (Repr::Int { signed: false, .. }, BinOp::Leq) => LeU64,
            (Repr::Int { signed: false, .. }, BinOp::Gtr) => GtU64,
            (Repr::Int { signed: false, .. }, BinOp::Geq) => GeU64,
            (Repr::F64, BinOp::Eql) => EqF64,
            (Repr::F64, BinOp::Neq) => NeF64,
            (Repr::F64, BinOp::Lss) => LtF64,
            (Repr::F64, BinOp::Leq) => LeF64,
            (Repr::F64, BinOp::Gtr) => GtF64,
            (Repr::F64, BinOp::Geq) => GeF64,
            (Repr::F32, BinOp::Eql) => EqF32,
            (Repr::F32, BinOp::Neq) => NeF32,
            (Repr::F32, BinOp::Lss) => LtF32,
            (Repr::F32, BinOp::Leq) => LeF32,
            (Repr::F32, BinOp::Gtr) => GtF32,
            (Repr::F32, BinOp::Geq) => GeF32,
            (Repr::C128 | Repr::C64, BinOp::Eql | BinOp::Neq) => return self.complex_compare(pos, op, r),
            (Repr::Str, _) => {
                if matches!(op, BinOp::Eql | BinOp::Neq) {
                    self.call_native(pos, "eqstring")?;
                    if op == BinOp::Neq {
                        self.b.emit(Eqz);
                    }
                    return Ok(());
                }
                self.call_native(pos, "cmpstring")?;
                self.b.emit(Const(0));
                match op {
                    BinOp::Lss => LtI64,
                    BinOp::Leq => LeI64,
                    BinOp::Gtr => GtI64,
                    _ => GeI64,
                }
            }
            (Repr::Block { .. }, BinOp::Eql | BinOp::Neq) => return self.eq_words(pos, op, t),
            (Repr::Iface, BinOp::Eql | BinOp::Neq) => {
                let empty = super::iface::iface_methods(self.cx, t).is_empty();
                self.call_native(pos, if empty { "efaceeq" } else { "ifaceeq" })?;
                if op == BinOp::Neq {
                    self.b.emit(Eqz);
                }
                return Ok(());
            }
            _ => return Err(self.unimpl(pos, "comparison of these values")),
        };
        self.b.emit(instr);
        Ok(())
    }

    fn unary(&mut self, e: ExprId, op: UnOp, x: ExprId, t: TypeId) -> CResult {
        let pos = self.file.expr(e).pos;
        if op == UnOp::Addr {
            return self.addr_of(e, x);
        }
        if op == UnOp::Recv {
            return self.recv_expr(e, false);
        }
        let r = self.repr_at(e, t)?;
        self.expr(x)?;
        match (op, r) {
            (UnOp::Pos, _) => {}
            (UnOp::Neg, Repr::Int { .. }) => {
                self.b.emit(Instr::NegI64);
                self.wrap(r);
            }
            (UnOp::Neg, Repr::F64) => self.b.emit(Instr::NegF64),
            (UnOp::Neg, Repr::F32) => self.b.emit(Instr::NegF32),
            (UnOp::Neg, Repr::C128 | Repr::C64) => self.complex_neg(r),
            (UnOp::Not, Repr::Bool) => self.b.emit(Instr::Eqz),
            (UnOp::Xor, Repr::Int { .. }) => {
                self.b.emit(Instr::Not);
                self.wrap(r);
            }
            _ => return Err(self.unimpl(pos, &format!("operator {} on this type", op.as_str()))),
        }
        Ok(())
    }

    /// `&x`: the address of a boxed variable, a field or element, or a new composite.
    fn addr_of(&mut self, e: ExprId, x: ExprId) -> CResult {
        let x = self.unparen(x);
        if let ExprKind::CompositeLit { .. } = self.file.expr(x).kind {
            let t = self.ty(x);
            let cell = self.new_box(t)?;
            if let Type::Slice(elem) = self.cx.prog.types.under(t) {
                // `&[]T{...}`: a new slice header holding a new array.
                let elem = *elem;
                self.b.emit(Instr::Load(cell));
                self.slice_literal(x, elem)?;
                self.store_mem(t)?;
            } else {
                self.composite_into(x, cell)?;
            }
            self.b.emit(Instr::Load(cell));
            let _ = e;
            return Ok(());
        }
        self.addr(x)
    }

    /// Pushes the address of the addressable expression `e`.
    pub fn addr(&mut self, e: ExprId) -> CResult {
        let file = self.file.clone();
        let ex = file.expr(e);
        let pos = ex.pos;
        // Only the outermost indirection may leave its nil check to the store.
        let lazy = std::mem::take(&mut self.lazy_nil_check);
        match &ex.kind {
            ExprKind::Paren(x) => {
                self.lazy_nil_check = lazy;
                self.addr(*x)
            }
            ExprKind::Name(_) => {
                let o = self.finfo.uses.get(&e).copied();
                self.var_addr(pos, o)
            }
            ExprKind::Star(p) => {
                self.expr(*p)?;
                let sized = layout::size_of(self.cx.prog, self.ty(e)) > 0;
                if !(lazy && sized) {
                    self.b.emit(Instr::NilCheck);
                }
                Ok(())
            }
            ExprKind::Selector { x, .. } => {
                if let Some(&o) = self.finfo.uses.get(&e) {
                    return self.var_addr(pos, Some(o));
                }
                let Some(sel) = self.finfo.selections.get(&e).cloned() else {
                    return Err(self.err(pos, "internal compiler error: unresolved selector"));
                };
                if sel.kind != SelectionKind::Field {
                    return Err(self.unimpl(pos, "method values"));
                }
                let xt = self.ty(*x);
                let prog = self.cx.prog;
                let mut cur = xt;
                // The checks may wait for the store when the whole path is offsets from
                // one pointer, small enough that base + offset of nil stays in the nil page.
                let mut unchecked = false;
                if let Type::Pointer(elem) = prog.types.under(xt) {
                    unchecked = lazy && self.offsets_only(*elem, &sel.index).is_some_and(|(off, size)| off < 4096 && size > 0);
                    self.expr(*x)?;
                    cur = *elem;
                } else {
                    self.addr(*x)?;
                }
                let n = sel.index.len();
                for (k, &i) in sel.index.iter().enumerate() {
                    let Type::Struct(fields) = prog.types.under(cur) else {
                        return Err(self.err(pos, "internal compiler error: field of a non-struct"));
                    };
                    let Some(f) = fields.get(i) else {
                        return Err(self.err(pos, "internal compiler error: bad field index"));
                    };
                    let off = sizes::offsets_of(prog, cur).get(i).copied().flatten().unwrap_or(0);
                    // Checked even at offset 0: a zero-size field is never loaded.
                    if !unchecked {
                        self.b.emit(Instr::NilCheck);
                    }
                    if off != 0 {
                        self.b.emit(Instr::AddrOff(off as i32));
                    }
                    cur = f.ty;
                    if k + 1 < n
                        && let Type::Pointer(elem) = prog.types.under(cur)
                    {
                        self.b.emit(Instr::LoadPtr(0));
                        cur = *elem;
                    }
                }
                Ok(())
            }
            ExprKind::Index { x, indices } => {
                let [i] = indices.as_slice() else { return Err(self.unimpl(pos, "generic instantiation")) };
                self.elem_addr(e, *x, *i)
            }
            ExprKind::CompositeLit { .. } => {
                let t = self.ty(e);
                let cell = self.new_box(t)?;
                self.composite_into(e, cell)?;
                self.b.emit(Instr::Load(cell));
                Ok(())
            }
            // A value with no address (a call's result): the address of a copy, which
            // is all that reading a field or element of it needs.
            _ => self.spill(e),
        }
    }

    /// Pushes the address of a new cell holding the value of `e`.
    fn spill(&mut self, e: ExprId) -> CResult {
        let t = self.ty(e);
        let cell = self.new_box(t)?;
        self.b.emit(Instr::Load(cell));
        self.expr(e)?;
        self.store_mem(t)?;
        self.b.emit(Instr::Load(cell));
        Ok(())
    }

    fn var_addr(&mut self, pos: frontend::syntax::Pos, o: Option<frontend::types::ObjId>) -> CResult {
        let Some(o) = o else { return Err(self.err(pos, "internal compiler error: unresolved name")) };
        let loc = match self.vars.get(&o).copied() {
            Some(l) => l,
            None => match self.cx.globals.get(&o) {
                Some(&addr) => VarLoc::Global { addr },
                None => return Err(self.unimpl(pos, "variables of enclosing functions (closures)")),
            },
        };
        if let VarLoc::Slots { .. } = loc {
            return Err(self.err(pos, "internal compiler error: address of a register variable"));
        }
        self.push_var_addr(loc);
        Ok(())
    }

    /// Pushes the bounds-checked address of `x[i]` (array, pointer to array, slice).
    fn elem_addr(&mut self, e: ExprId, x: ExprId, i: ExprId) -> CResult {
        let pos = self.file.expr(e).pos;
        let prog = self.cx.prog;
        let xt = self.ty(x);
        let int = TypeTable::basic(BasicKind::Int);
        match prog.types.under(xt) {
            Type::Array(n, elem) => {
                let size = layout::size_of(prog, *elem);
                self.addr(x)?;
                self.expr_to(i, int)?;
                self.b.push_i64(*n as i64);
                self.b.emit(self.index_instr(i, size as u32));
            }
            Type::Pointer(p) => match prog.types.under(*p) {
                Type::Array(n, elem) => {
                    let size = layout::size_of(prog, *elem);
                    self.expr(x)?;
                    self.b.emit(Instr::NilCheck);
                    self.expr_to(i, int)?;
                    self.b.push_i64(*n as i64);
                    self.b.emit(self.index_instr(i, size as u32));
                }
                _ => return Err(self.unimpl(pos, "indexing this type")),
            },
            Type::Slice(elem) => {
                let size = layout::size_of(prog, *elem);
                // A slice and an int index both in slots: one fused instruction.
                if let (Some(slice), Some(index), Ok(size16)) =
                    (self.slots_of(x, 3), self.int_slot(i), u16::try_from(size))
                {
                    self.b.emit(Instr::IndexSlots { slice, index, size: size16 });
                    return Ok(());
                }
                if !self.push_ptr_len(x) {
                    self.expr(x)?;
                    self.b.emit(Instr::Pop);
                }
                self.expr_to(i, int)?;
                self.b.emit(Instr::Swap);
                self.b.emit(self.index_instr(i, size as u32));
            }
            Type::Map(..) => self.map_value_addr(e)?,
            _ => return Err(self.unimpl(pos, "indexing this type")),
        }
        self.b.set_top_kinds(&[Kind::Pointer]);
        Ok(())
    }

    /// For the field path `index` from struct type `t`: the total offset and the last
    /// field's size, when no step goes through a pointer.
    fn offsets_only(&self, t: TypeId, index: &[usize]) -> Option<(i64, u64)> {
        let prog = self.cx.prog;
        let (mut cur, mut off) = (t, 0i64);
        for &i in index {
            let Type::Struct(fields) = prog.types.under(cur) else { return None };
            off = off.checked_add(sizes::offsets_of(prog, cur).get(i).copied().flatten()?)?;
            cur = fields.get(i)?.ty;
        }
        Some((off, layout::size_of(prog, cur)))
    }

    /// The bounds-checked indexing instruction for index expression `i`.
    fn index_instr(&self, i: ExprId, size: u32) -> Instr {
        if self.signed_index(i) { Instr::Index(size) } else { Instr::IndexU(size) }
    }

    /// Whether index or slice bound `i` has a signed type (untyped constants count as
    /// `int`): it decides how a value out of range is printed.
    pub fn signed_index(&self, i: ExprId) -> bool {
        !matches!(layout::repr(self.cx.prog, self.ty(i)), Some(Repr::Int { signed: false, .. }))
    }

    /// The first slot of a local variable held in `n` frame slots below 65536.
    pub fn slots_of(&self, e: ExprId, n: u16) -> Option<u16> {
        match self.slot_loc(e)? {
            (first, m) if m == n && first + u32::from(n) <= 65536 => u16::try_from(first).ok(),
            _ => None,
        }
    }

    /// The slot of a local `int`-sized signed integer variable (an index operand).
    fn int_slot(&self, e: ExprId) -> Option<u16> {
        let t = self.ty(e);
        match layout::repr(self.cx.prog, t) {
            Some(Repr::Int { bits: 64, signed: true }) => self.slots_of(e, 1),
            _ => None,
        }
    }

    /// `s[i] = c` with the slice and an `int` index in slots and a small integer or
    /// boolean constant: one [`Instr::StoreIndexSlotsImm`]. Returns whether it applied.
    pub fn store_index_imm(&mut self, l: ExprId, r: ExprId, t: TypeId) -> bool {
        let ExprKind::Index { x, indices } = &self.file.expr(self.unparen(l)).kind else { return false };
        let ([i], Type::Slice(_)) = (indices.as_slice(), self.cx.prog.types.under(self.ty(*x))) else { return false };
        let Some(v) = self.finfo.type_of(r).and_then(|tv| tv.value.as_ref()) else { return false };
        let (width, imm) = match layout::repr(self.cx.prog, t) {
            Some(Repr::Bool) => (1u8, v.as_bool().map(i64::from)),
            Some(Repr::Int { bits, signed }) => {
                let k = v.to_i64();
                // The immediate is sign-extended: an unsigned value must stay below 128.
                (bits / 8, k.filter(|&k| signed || k >= 0))
            }
            _ => return false,
        };
        let (Some(imm), Some(slice), Some(index)) = (imm.and_then(|k| i8::try_from(k).ok()), self.slots_of(*x, 3), self.int_slot(*i))
        else {
            return false;
        };
        let pos = self.file.expr(l).pos;
        self.b.set_line(self.line(pos));
        self.b.emit(Instr::StoreIndexSlotsImm { slice, index, imm, width });
        true
    }

    /// `s[i] = v` with the slice and an `int` index in slots and a one-word element:
    /// the value, then one [`Instr::StoreIndexSlots`]. Returns whether it applied.
    pub fn store_index_slots(&mut self, l: ExprId, r: ExprId, t: TypeId) -> CResult<bool> {
        let Some(store) = self.index_slots_store(l, t) else { return Ok(false) };
        self.expr_to(r, t)?;
        let pos = self.file.expr(l).pos;
        self.b.set_line(self.line(pos));
        self.b.emit(store);
        Ok(true)
    }

    /// For `s[i]` with the slice and an `int` index in slots and a one-word element
    /// type `t`: the [`Instr::StoreIndexSlots`] that stores into it.
    pub fn index_slots_store(&self, l: ExprId, t: TypeId) -> Option<Instr> {
        let ExprKind::Index { x, indices } = &self.file.expr(self.unparen(l)).kind else { return None };
        let ([i], Type::Slice(_)) = (indices.as_slice(), self.cx.prog.types.under(self.ty(*x))) else { return None };
        let width = match layout::repr(self.cx.prog, t)? {
            Repr::Bool => 1,
            Repr::Int { bits, .. } => bits / 8,
            Repr::F32 => 4,
            Repr::F64 | Repr::Ptr => 8,
            _ => return None,
        };
        let (slice, index) = (self.slots_of(*x, 3)?, self.int_slot(*i)?);
        Some(Instr::StoreIndexSlots { slice, index, width })
    }

    fn index(&mut self, e: ExprId, x: ExprId, indices: &[ExprId]) -> CResult {
        let pos = self.file.expr(e).pos;
        if self.instance_at(e).is_some() {
            return self.generic_func_value(e);
        }
        let [i] = indices else { return Err(self.err(pos, "internal compiler error: index arity")) };
        let prog = self.cx.prog;
        let xt = self.ty(x);
        let t = self.ty(e);
        match prog.types.under(xt) {
            Type::Basic(k) if k.is_string() => {
                if let (Some(slice), Some(index)) = (self.slots_of(x, 2), self.int_slot(*i)) {
                    self.b.emit(Instr::IndexSlots { slice, index, size: 1 });
                    self.b.emit(Instr::Load8U(0));
                    return Ok(());
                }
                if !self.push_ptr_len(x) {
                    self.expr(x)?;
                }
                self.expr_to(*i, TypeTable::basic(BasicKind::Int))?;
                self.b.emit(Instr::Swap);
                self.b.emit(self.index_instr(*i, 1));
                self.b.emit(Instr::Load8U(0));
                Ok(())
            }
            Type::Array(n, elem) if !self.is_addressable(x) => {
                let (n, size) = (*n, layout::size_of(prog, *elem));
                let Ok(size) = u32::try_from(size) else { return Err(self.unimpl(pos, "very large array elements")) };
                self.spill(x)?;
                self.expr_to(*i, TypeTable::basic(BasicKind::Int))?;
                self.b.push_i64(n as i64);
                self.b.set_line(self.line(pos));
                self.b.emit(self.index_instr(*i, size));
                self.load_mem(t)
            }
            Type::Array(..) | Type::Pointer(_) | Type::Slice(_) => {
                self.elem_addr(e, x, *i)?;
                self.load_mem(t)
            }
            Type::Map(..) => self.map_index(e, false),
            _ => Err(self.unimpl(pos, "indexing this type")),
        }
    }

    /// Whether `e` denotes a variable (its address can be taken).
    pub fn is_addressable(&self, e: ExprId) -> bool {
        self.finfo.type_of(e).is_some_and(|tv| tv.mode == Mode::Variable)
    }

    /// Pushes the value of a composite literal.
    fn composite_value(&mut self, e: ExprId) -> CResult {
        let t = self.ty(e);
        if let Type::Slice(elem) = self.cx.prog.types.under(t) {
            return self.slice_literal(e, *elem);
        }
        if let Type::Map(..) = self.cx.prog.types.under(t) {
            return self.map_literal(e);
        }
        // `{...}` standing for `&T{...}` (an element of a literal of `[]*T`, `map[K]*T`).
        if let Type::Pointer(elem) = self.cx.prog.types.under(t) {
            let cell = self.new_box(*elem)?;
            self.composite_into(e, cell)?;
            self.b.emit(Instr::Load(cell));
            return Ok(());
        }
        let cell = self.new_box(t)?;
        self.composite_into(e, cell)?;
        self.b.emit(Instr::Load(cell));
        self.load_mem(t)
    }

    /// Stores the elements of composite literal `e` into the zeroed cell whose address
    /// is in slot `cell`.
    pub fn composite_into(&mut self, e: ExprId, cell: u32) -> CResult {
        let file = self.file.clone();
        let ex = file.expr(e);
        let pos = ex.pos;
        let ExprKind::CompositeLit { elems, .. } = &ex.kind else {
            return Err(self.err(pos, "internal compiler error: not a composite literal"));
        };
        let prog = self.cx.prog;
        let t = self.ty(e);
        // An elided `&T{...}` has type `*T`; its cell holds the `T`.
        let t = match prog.types.under(t) {
            Type::Pointer(elem) => *elem,
            _ => t,
        };
        match prog.types.under(t) {
            Type::Struct(fields) => {
                let offs = sizes::offsets_of(prog, t);
                for (k, &el) in elems.iter().enumerate() {
                    let (idx, val) = match &file.expr(el).kind {
                        ExprKind::KeyValue { key, value } => {
                            let ExprKind::Name(n) = file.expr(*key).kind else {
                                return Err(self.err(pos, "internal compiler error: bad field key"));
                            };
                            let name = file.name(n);
                            let Some(i) = fields.iter().position(|f| &*f.name == name) else {
                                return Err(self.err(pos, "internal compiler error: unknown field"));
                            };
                            (i, *value)
                        }
                        _ => (k, el),
                    };
                    let (Some(f), Some(Some(off))) = (fields.get(idx), offs.get(idx)) else {
                        return Err(self.err(pos, "internal compiler error: bad field"));
                    };
                    self.b.emit(Instr::Load(cell));
                    self.b.emit(Instr::AddrOff(*off as i32));
                    self.elem_value(val, f.ty)?;
                    self.store_mem(f.ty)?;
                }
                Ok(())
            }
            Type::Array(_, elem) => {
                let size = layout::size_of(prog, *elem) as i64;
                let mut index = 0i64;
                for &el in elems {
                    let val = match &file.expr(el).kind {
                        ExprKind::KeyValue { key, value } => {
                            let k = self.finfo.type_of(*key).and_then(|tv| tv.value.as_ref()).and_then(Value::to_i64);
                            let Some(k) = k else { return Err(self.err(pos, "internal compiler error: bad index key")) };
                            index = k;
                            *value
                        }
                        _ => el,
                    };
                    self.b.emit(Instr::Load(cell));
                    let off = index.checked_mul(size).and_then(|o| i32::try_from(o).ok());
                    let Some(off) = off else { return Err(self.unimpl(pos, "very large array literals")) };
                    self.b.emit(Instr::AddrOff(off));
                    self.elem_value(val, *elem)?;
                    self.store_mem(*elem)?;
                    index += 1;
                }
                Ok(())
            }
            Type::Slice(_) => Err(self.unimpl(pos, "slice literals")),
            Type::Map(..) => {
                self.b.emit(Instr::Load(cell));
                self.map_literal(e)?;
                self.b.emit(Instr::Store64(0));
                Ok(())
            }
            _ => Err(self.unimpl(pos, "composite literals of this type")),
        }
    }

    /// Pushes an element of a composite literal (whose type may be elided).
    fn elem_value(&mut self, e: ExprId, t: TypeId) -> CResult {
        self.expr_to(e, t)
    }
}
