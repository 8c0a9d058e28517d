//! Conversions between interface types, type assertions and type switches.
//!
//! All of them work on the *dynamic type descriptor*: an empty interface's type word
//! is the descriptor itself, a non-empty one's is an itab whose word 1 is the
//! descriptor. An assertion to a concrete type compares descriptors (one load and one
//! compare); an assertion or conversion to a non-empty interface asks the run-time itab
//! cache (`getitab`, a hash lookup once the itab exists; see `bytecode::itab`).

use super::func::{CResult, FuncCompiler};
use super::iface::{iface_methods, indirect};
use super::layout;
use crate::bytecode::{Instr, Kind};
use frontend::syntax::Pos;
use frontend::syntax::ast::ExprId;
use frontend::types::ty::TypeId;

impl FuncCompiler<'_, '_> {
    /// `[type word] -> [descriptor]` for an interface value of a type that is empty
    /// (`empty`) or not; nil stays 0.
    fn dyn_type(&mut self, empty: bool) {
        if empty {
            return;
        }
        let skip = self.b.new_label();
        self.b.emit(Instr::Dup);
        self.b.branch(Instr::BrEqImm { imm: 0, off: 0 }, skip);
        self.b.emit(Instr::LoadPtr(8));
        self.b.bind(skip);
        self.b.set_top_kinds(&[Kind::Pointer]);
    }

    /// `[descriptor] -> [itab or 0]` of the dynamic type for interface `to`.
    fn get_itab(&mut self, pos: Pos, to: TypeId) -> CResult {
        self.itab_lookup(pos, to, "getitab")
    }

    /// `[descriptor] -> [itab]` through a one-entry cache of this site (a static
    /// `[descriptor, itab]` pair, filled by the native on a successful lookup): a hit
    /// costs five instructions, a miss the native `getitab` or `assertitab` (which
    /// panics on failure). The cache holds only static addresses.
    fn itab_lookup(&mut self, pos: Pos, to: TypeId, native: &'static str) -> CResult {
        let idesc = self.cx.descriptor(to);
        // Empty until a lookup succeeds: 1 is no descriptor's address (nor nil's 0).
        let cache = self.cx.static_words(vec![1, 0]);
        let td = self.b.local(Kind::Pointer);
        let miss = self.b.new_label();
        let done = self.b.new_label();
        self.b.emit(Instr::Store(td));
        self.b.emit(Instr::Load(td));
        self.push_addr(cache);
        self.b.emit(Instr::Load64(0));
        self.b.branch(Instr::BrNe(0), miss);
        self.push_addr(cache);
        self.b.emit(Instr::LoadPtr(8));
        self.b.branch(Instr::Jump(0), done);
        self.b.bind(miss);
        self.b.emit(Instr::Load(td));
        self.push_addr(idesc);
        self.push_addr(cache);
        self.call_native(pos, native)?;
        self.b.bind(done);
        self.b.set_top_kinds(&[Kind::Pointer]);
        Ok(())
    }

    /// [`multi_value`](Self::multi_value) of `e` (a call's results or a comma-ok form),
    /// each value then converted to the type of its target, as assignability allows
    /// (a concrete value into an interface, one interface into another).
    pub fn multi_value_to(&mut self, e: ExprId, targets: &[TypeId]) -> CResult {
        let pos = self.file.expr(e).pos;
        self.multi_value(e, targets.len())?;
        let prog = self.cx.prog;
        let from = prog.types.tuple_elems(self.ty(self.unparen(e)));
        let convert = |i: usize| {
            let (f, t) = (from[i], targets[i]);
            f != t && prog.types.is_interface(t) && !prog.types.is_untyped(t)
        };
        if from.len() != targets.len() || !(0..from.len()).any(convert) {
            return Ok(());
        }
        let temps: Vec<(u32, u16)> = from.iter().map(|&f| self.temp(self.typed(f))).collect();
        for &(slot, n) in temps.iter().rev() {
            if n > 0 {
                self.b.emit(Instr::StoreSlots { slot, n });
            }
        }
        for (i, &(slot, n)) in temps.iter().enumerate() {
            if n > 0 {
                self.b.emit(Instr::LoadSlots { slot, n });
            }
            if convert(i) {
                self.convert_top(pos, self.typed(from[i]), targets[i])?;
            }
        }
        Ok(())
    }

    /// `t`, or for an untyped bool (a comma-ok result) `bool`.
    fn typed(&self, t: TypeId) -> TypeId {
        if self.cx.prog.types.is_untyped(t) {
            frontend::types::ty::TypeTable::basic(frontend::types::ty::BasicKind::Bool)
        } else {
            t
        }
    }

    /// Converts the value on top of the stack from type `from` to interface type `to`.
    pub fn convert_top(&mut self, pos: Pos, from: TypeId, to: TypeId) -> CResult {
        if self.cx.prog.types.is_interface(from) {
            return self.iface_convert_to_iface(pos, from, to);
        }
        let (tmp, n) = self.temp(from);
        if n > 0 {
            self.b.emit(Instr::StoreSlots { slot: tmp, n });
        }
        let tword = if iface_methods(self.cx, to).is_empty() { self.cx.descriptor(from) } else { self.itab(pos, to, from)? };
        self.push_addr(tword);
        if indirect(self.cx, from) {
            let cell = self.new_box(from)?;
            self.b.emit(Instr::Load(cell));
            if n > 0 {
                self.b.emit(Instr::LoadSlots { slot: tmp, n });
            }
            self.store_mem(from)?;
            self.b.emit(Instr::Load(cell));
        } else if n > 0 {
            self.b.emit(Instr::LoadSlots { slot: tmp, n });
        }
        self.b.set_top_kinds(&[Kind::Pointer, Kind::Pointer]);
        Ok(())
    }

    /// Converts an interface value on the stack (type `from`) to interface type `to`.
    pub fn iface_convert_to_iface(&mut self, pos: Pos, from: TypeId, to: TypeId) -> CResult {
        let from_empty = iface_methods(self.cx, from).is_empty();
        if from == to || (from_empty && iface_methods(self.cx, to).is_empty()) {
            return Ok(());
        }
        if iface_methods(self.cx, to).is_empty() {
            // itab → its type descriptor, nil stays nil.
            let data = self.b.local(Kind::Pointer);
            self.b.emit(Instr::Store(data));
            self.dyn_type(false);
            self.b.emit(Instr::Load(data));
            return Ok(());
        }
        // The checker guarantees the dynamic type implements `to`: nil stays nil, any
        // other value gets its itab.
        let data = self.b.local(Kind::Pointer);
        self.b.emit(Instr::Store(data));
        self.dyn_type(from_empty);
        let skip = self.b.new_label();
        self.b.emit(Instr::Dup);
        self.b.branch(Instr::BrEqImm { imm: 0, off: 0 }, skip);
        self.get_itab(pos, to)?;
        self.b.bind(skip);
        self.b.set_top_kinds(&[Kind::Pointer]);
        self.b.emit(Instr::Load(data));
        Ok(())
    }

    /// `v, ok := x.(T)` (with `comma_ok`), or `x.(T)`: pushes the value (zero on
    /// failure) and, with `comma_ok`, the bool; without, a failure panics with gc's
    /// `*runtime.TypeAssertionError`.
    pub fn type_assert(&mut self, e: ExprId, x: ExprId, t: TypeId, comma_ok: bool) -> CResult {
        let pos = self.file.expr(e).pos;
        let prog = self.cx.prog;
        let xt = self.ty(x);
        let empty = iface_methods(self.cx, xt).is_empty();
        let data = self.b.local(Kind::Pointer);
        let td = self.b.local(Kind::Pointer);
        self.expr(x)?;
        self.b.emit(Instr::Store(data));
        self.dyn_type(empty);
        self.b.emit(Instr::Store(td));
        if prog.types.is_interface(t) {
            return self.assert_to_iface(pos, t, td, data, comma_ok);
        }
        let ok = self.b.local(Kind::Scalar);
        let want = self.cx.descriptor(t);
        self.b.emit(Instr::Load(td));
        self.push_addr(want);
        self.b.emit(Instr::Eq);
        self.b.emit(Instr::Store(ok));
        let fail = self.b.new_label();
        let done = self.b.new_label();
        self.b.emit(Instr::Load(ok));
        self.b.branch(Instr::JumpIfNot(0), fail);
        self.b.emit(Instr::Load(data));
        if indirect(self.cx, t) {
            self.load_mem(t)?;
        }
        self.b.set_top_kinds(&layout::words(prog, t));
        self.b.branch(Instr::Jump(0), done);
        self.b.bind(fail);
        if !comma_ok {
            self.b.emit(Instr::Load(td));
            self.b.push_i64(0);
            let iname = super::rtname::rt_type_string(prog, xt);
            let wname = super::rtname::rt_type_string(prog, t);
            for n in [iname, wname] {
                let a = self.cx.string_addr(n.as_bytes());
                self.push_addr(a);
                self.b.push_i64(n.len() as i64);
            }
            // Panics: the zero value below is never used.
            self.b.set_line(self.line(pos));
            self.call_native(pos, "typeassertfail")?;
        }
        self.push_zero(t);
        self.b.bind(done);
        if comma_ok {
            self.b.emit(Instr::Load(ok));
        }
        Ok(())
    }

    /// The rest of `x.(I)` for an interface `I`, with the descriptor and data word of
    /// `x` in slots `td` and `data`.
    fn assert_to_iface(&mut self, pos: Pos, t: TypeId, td: u32, data: u32, comma_ok: bool) -> CResult {
        let target_empty = iface_methods(self.cx, t).is_empty();
        self.b.set_line(self.line(pos));
        if target_empty {
            // Any dynamic type will do; only nil fails.
            self.b.emit(Instr::Load(td));
            if !comma_ok {
                let fail = self.b.new_label();
                let done = self.b.new_label();
                self.b.emit(Instr::Dup);
                self.b.branch(Instr::BrEqImm { imm: 0, off: 0 }, fail);
                self.b.branch(Instr::Jump(0), done);
                self.b.bind(fail);
                let idesc = self.cx.descriptor(t);
                self.push_addr(idesc);
                self.b.push_i64(0);
                self.call_native(pos, "assertitab")?;
                self.b.bind(done);
                self.b.set_top_kinds(&[Kind::Pointer]);
            }
            self.b.emit(Instr::Load(data));
        } else {
            self.b.emit(Instr::Load(td));
            if comma_ok {
                self.get_itab(pos, t)?;
            } else {
                self.itab_lookup(pos, t, "assertitab")?;
            }
            // A failed comma-ok assertion yields the zero value: no data word.
            let keep = self.b.new_label();
            let zero = self.b.new_label();
            self.b.emit(Instr::Dup);
            self.b.branch(Instr::BrEqImm { imm: 0, off: 0 }, zero);
            self.b.emit(Instr::Load(data));
            self.b.branch(Instr::Jump(0), keep);
            self.b.bind(zero);
            self.b.emit(Instr::Const(0));
            self.b.set_top_kinds(&[Kind::Pointer, Kind::Pointer]);
            self.b.bind(keep);
            self.b.set_top_kinds(&[Kind::Pointer, Kind::Pointer]);
        }
        if comma_ok {
            // ok = the type word is not nil.
            self.b.emit(Instr::Swap);
            self.b.emit(Instr::Dup);
            let tmp = self.b.local(Kind::Pointer);
            self.b.emit(Instr::Store(tmp));
            self.b.emit(Instr::Swap);
            self.b.emit(Instr::Load(tmp));
            self.b.emit(Instr::Const(0));
            self.b.emit(Instr::Ne);
        }
        Ok(())
    }

    /// `switch v := x.(type) { ... }`: the dynamic type descriptor is compared with each
    /// concrete case's, interface cases ask the itab cache.
    pub fn type_switch(
        &mut self,
        label: Option<String>,
        init: Option<frontend::syntax::ast::StmtId>,
        guard: ExprId,
        clauses: &[frontend::syntax::ast::CaseClause],
    ) -> CResult {
        use frontend::syntax::ast::ExprKind;
        let pos = self.file.expr(guard).pos;
        if let Some(i) = init {
            self.block(&[i])?;
        }
        let ExprKind::TypeSwitchGuard { x, .. } = self.file.expr(guard).kind else {
            return Err(self.err(pos, "internal compiler error: type switch guard"));
        };
        let prog = self.cx.prog;
        let xt = self.ty(x);
        let empty = iface_methods(self.cx, xt).is_empty();
        let tword = self.b.local(Kind::Pointer);
        let data = self.b.local(Kind::Pointer);
        let td = self.b.local(Kind::Pointer);
        self.expr(x)?;
        self.b.emit(Instr::Store(data));
        self.b.emit(Instr::Dup);
        self.b.emit(Instr::Store(tword));
        self.dyn_type(empty);
        self.b.emit(Instr::Store(td));
        let end = self.b.new_label();
        let bodies: Vec<crate::bytecode::Label> = clauses.iter().map(|_| self.b.new_label()).collect();
        let mut default = None;
        // The type each clause's variable has (one case's type, or x's type).
        let mut clause_types = Vec::with_capacity(clauses.len());
        for (c, &l) in clauses.iter().zip(&bodies) {
            if c.is_default {
                default = Some(l);
            }
            let mut single = None;
            for &ce in &c.cases {
                if self.is_nil(ce) {
                    self.b.emit(Instr::Load(td));
                    self.b.branch(Instr::BrEqImm { imm: 0, off: 0 }, l);
                    continue;
                }
                let t = self.ty(ce);
                let cpos = self.file.expr(ce).pos;
                if prog.types.is_interface(t) {
                    self.b.emit(Instr::Load(td));
                    if !iface_methods(self.cx, t).is_empty() {
                        self.get_itab(cpos, t)?;
                    }
                    self.b.branch(Instr::BrNeImm { imm: 0, off: 0 }, l);
                } else {
                    let want = self.cx.descriptor(t);
                    self.b.emit(Instr::Load(td));
                    self.push_addr(want);
                    self.b.branch(Instr::BrEq(0), l);
                }
                single = Some(t);
            }
            clause_types.push(if c.cases.len() == 1 { single } else { None });
        }
        self.b.branch(Instr::Jump(0), default.unwrap_or(end));
        self.targets.push(super::func::Target { label, brk: end, cont: None });
        let mut result = Ok(());
        for ((c, &l), ct) in clauses.iter().zip(&bodies).zip(clause_types) {
            self.b.bind(l);
            if let Some(&v) = self.finfo.implicits.get(&c.pos) {
                let vt = self.obj_ty(v);
                match ct {
                    Some(t) if vt == t && prog.types.is_interface(t) => {
                        self.b.emit(Instr::Load(td));
                        if !iface_methods(self.cx, t).is_empty() {
                            self.get_itab(pos, t)?;
                        }
                        self.b.emit(Instr::Load(data));
                        self.b.set_top_kinds(&[Kind::Pointer, Kind::Pointer]);
                    }
                    Some(t) if vt == t => {
                        self.b.emit(Instr::Load(data));
                        if indirect(self.cx, t) {
                            self.load_mem(t)?;
                        }
                        self.b.set_top_kinds(&layout::words(prog, t));
                    }
                    _ => {
                        self.b.emit(Instr::Load(tword));
                        self.b.emit(Instr::Load(data));
                    }
                }
                self.declare_var_from_top(v, vt)?;
            }
            result = self.block(&c.body);
            if result.is_err() {
                break;
            }
            self.b.branch(Instr::Jump(0), end);
        }
        self.targets.pop();
        result?;
        self.b.bind(end);
        Ok(())
    }
}
