//! Method expressions: `T.m` and `(*T).m` (also on type parameters, and `I.m` on
//! interfaces) are functions whose first parameter is the receiver as written.
//!
//! When the written receiver is what the method takes (`T.m` of a value method,
//! `(*T).m` of a pointer method) the method's own function is the value. Otherwise a
//! small adapter function takes the receiver as written, reaches the method's
//! receiver (dereferences the pointer, walks embedded fields, loads the value) and
//! calls the method; `I.m` gets an adapter that makes the interface call. A call
//! `T.m(r, args)` calls that function statically.

use super::func::{CResult, FuncCompiler};
use super::layout::{self, Repr};
use crate::bytecode::{FuncId, FunctionBuilder, Instr, Kind, Signature};
use frontend::syntax::ast::{ExprId, ExprKind};
use frontend::types::info::Selection;
use frontend::types::object::ObjKind;
use frontend::types::ty::{Type, TypeId};

impl FuncCompiler<'_, '_> {
    /// The function a method expression `f` (selection `sel`) denotes, with its word
    /// signature (the receiver as written first).
    fn method_expr_func(&mut self, f: ExprId, sel: &Selection) -> CResult<(FuncId, Signature)> {
        let pos = self.file.expr(f).pos;
        let prog = self.cx.prog;
        let recv = self.sty(sel.recv);
        let fty = self.sty(sel.ty);
        let Some(wsig) = self.cx.signature(fty) else {
            return Err(self.err(pos, "internal compiler error: method expression signature"));
        };
        let ExprKind::Selector { sel: name, .. } = self.file.expr(f).kind else {
            return Err(self.err(pos, "internal compiler error: method expression without selector"));
        };
        let name = self.file.name(name).to_string();
        if prog.types.is_interface(recv) {
            return self.iface_method_expr(pos, recv, &name, wsig);
        }
        // After substitution a type parameter's method is a concrete type's.
        let sel = match sel.obj {
            Some(_) => sel.clone(),
            None => self.resolve_tparam_method_on(pos, recv, &name, sel)?,
        };
        // The method's function, or for a method of an embedded interface, the call
        // through it.
        let target = match sel.obj {
            Some(m) => {
                let ObjKind::Func(fi) = &prog.obj(m).kind else {
                    return Err(self.err(pos, "internal compiler error: method is not a function"));
                };
                let ptr_recv = fi.ptr_recv;
                let (id, msig) = self.selected_method_func(f, &sel, m)?;
                let recv_is_ptr = matches!(prog.types.get(recv), Type::Pointer(_));
                if sel.index.is_empty() && recv_is_ptr == ptr_recv {
                    return Ok((id, msig));
                }
                Target::Method { id, msig, ptr_recv }
            }
            None => Target::Iface,
        };
        // The adapter: the receiver's address (a pointer as written, or a cell holding
        // the value), then embedded fields, then the receiver the method takes.
        let recv_words = layout::words(prog, recv);
        let nrecv = recv_words.len() as u32;
        let rest = wsig.params.len() as u32 - nrecv.min(wsig.params.len() as u32);
        let mut b = FunctionBuilder::new(&format!("{name}-fm"), wsig.clone());
        let mut cur = match prog.types.get(recv) {
            Type::Pointer(e) => {
                b.emit(Instr::Load(0));
                *e
            }
            _ => {
                let ti = self.cx.type_id(recv);
                let cell = b.local(Kind::Pointer);
                b.emit(Instr::Alloc(ti));
                b.emit(Instr::Store(cell));
                let r = layout::repr(prog, recv);
                if nrecv > 0
                    && let Some(r) = r
                {
                    b.emit(Instr::Load(cell));
                    b.emit(Instr::LoadSlots { slot: 0, n: nrecv as u16 });
                    b.emit(layout::store_instr(r));
                }
                b.emit(Instr::Load(cell));
                recv
            }
        };
        for &i in &sel.index {
            let Type::Struct(fields) = prog.types.under(cur) else {
                return Err(self.err(pos, "internal compiler error: embedded field of a non-struct"));
            };
            let Some(fd) = fields.get(i) else { return Err(self.err(pos, "internal compiler error: bad field index")) };
            let off = frontend::types::sizes::offsets_of(prog, cur).get(i).copied().flatten().unwrap_or(0);
            b.emit(Instr::NilCheck);
            if off != 0 {
                b.emit(Instr::AddrOff(i32::try_from(off).map_err(|_| self.unimpl(pos, "huge structs"))?));
            }
            cur = fd.ty;
            if let Type::Pointer(e) = prog.types.get(cur) {
                b.emit(Instr::LoadPtr(0));
                cur = *e;
            }
        }
        let (id, msig, ptr_recv) = match target {
            Target::Method { id, msig, ptr_recv } => (id, msig, ptr_recv),
            Target::Iface => {
                // [itab, data] of the embedded interface -> [data, args..., itab].
                let methods = super::iface::iface_methods(self.cx, cur);
                let index = methods.iter().position(|(n, _)| *n == name);
                let csig = index.and_then(|i| methods.get(i)).and_then(|m| self.cx.signature(m.1));
                let (Some(index), Some(mut csig)) = (index, csig) else {
                    return Err(self.err(pos, "internal compiler error: unknown interface method"));
                };
                csig.params.insert(0, Kind::Pointer);
                let index = u16::try_from(index).map_err(|_| self.unimpl(pos, "huge interfaces"))?;
                b.emit(Instr::NilCheck);
                let addr = b.local(Kind::Pointer);
                b.emit(Instr::Store(addr));
                b.emit(Instr::Load(addr));
                b.emit(Instr::LoadPtr(8));
                if rest > 0 {
                    b.emit(Instr::LoadSlots { slot: nrecv, n: rest as u16 });
                }
                b.emit(Instr::Load(addr));
                b.emit(Instr::LoadPtr(0));
                b.call_iface(index, &csig);
                b.emit(Instr::Ret);
                let func = b.finish().map_err(|e| self.err(pos, format!("internal compiler error: {e}")))?;
                let w = self.cx.reserve_func();
                self.cx.define_func(w, func);
                return Ok((w, wsig));
            }
        };
        if !ptr_recv {
            b.emit(Instr::NilCheck);
            match layout::repr(prog, cur) {
                Some(Repr::Block { size: 0 }) => b.emit(Instr::Pop),
                Some(r) => {
                    for i in layout::load_instrs(r) {
                        b.emit(i);
                    }
                }
                None => return Err(self.unimpl(pos, "methods of this type")),
            }
            b.set_top_kinds(&layout::words(prog, cur));
        }
        if rest > 0 {
            b.emit(Instr::LoadSlots { slot: nrecv, n: rest as u16 });
        }
        b.call(id, &msig);
        b.emit(Instr::Ret);
        let func = b.finish().map_err(|e| self.err(pos, format!("internal compiler error: {e}")))?;
        let w = self.cx.reserve_func();
        self.cx.define_func(w, func);
        Ok((w, wsig))
    }

    /// `I.m`: a function taking the interface value first that calls `m` through it.
    fn iface_method_expr(&mut self, pos: frontend::syntax::Pos, it: TypeId, name: &str, wsig: Signature) -> CResult<(FuncId, Signature)> {
        let methods = super::iface::iface_methods(self.cx, it);
        let Some(index) = methods.iter().position(|(n, _)| n == name) else {
            return Err(self.err(pos, "internal compiler error: unknown interface method"));
        };
        let Some(mut csig) = methods.get(index).and_then(|m| self.cx.signature(m.1)) else {
            return Err(self.err(pos, "internal compiler error: method signature"));
        };
        csig.params.insert(0, Kind::Pointer);
        let index = u16::try_from(index).map_err(|_| self.unimpl(pos, "huge interfaces"))?;
        let mut b = FunctionBuilder::new(&format!("{name}-fm"), wsig.clone());
        // [itab, data, args...] -> [data, args..., itab]
        b.emit(Instr::Load(1));
        let rest = wsig.params.len().saturating_sub(2);
        if rest > 0 {
            b.emit(Instr::LoadSlots { slot: 2, n: rest as u16 });
        }
        b.emit(Instr::Load(0));
        b.call_iface(index, &csig);
        b.emit(Instr::Ret);
        let func = b.finish().map_err(|e| self.err(pos, format!("internal compiler error: {e}")))?;
        let w = self.cx.reserve_func();
        self.cx.define_func(w, func);
        Ok((w, wsig))
    }

    /// `T.m` as a value.
    pub fn method_expr_value(&mut self, e: ExprId, sel: &Selection) -> CResult {
        let (id, _) = self.method_expr_func(e, sel)?;
        self.static_func_value(id);
        Ok(())
    }

    /// `T.m(recv, args...)`.
    pub fn method_expr_call(&mut self, e: ExprId, f: ExprId, sel: &Selection, args: &[ExprId], has_dots: bool) -> CResult {
        let pos = self.file.expr(e).pos;
        let (id, sig) = self.method_expr_func(f, sel)?;
        let Some(fsig) = self.cx.prog.types.signature_of(self.sty(sel.ty)).cloned() else {
            return Err(self.err(pos, "internal compiler error: method expression signature"));
        };
        self.push_call_args(pos, args, &fsig, has_dots)?;
        self.b.set_line(self.line(pos));
        self.b.call(id, &sig);
        Ok(())
    }
}

/// What a method expression's adapter calls.
enum Target {
    /// The method's function (id, word signature), and whether it takes a pointer.
    Method { id: FuncId, msig: Signature, ptr_recv: bool },
    /// The method of the embedded interface at the end of the path.
    Iface,
}

/// Methods reached through interfaces without a plain `x.m(args)` on an interface
/// operand: promoted from an embedded interface field, and method values.
impl FuncCompiler<'_, '_> {
    /// `x.m(args)` where `m` is promoted from an interface field embedded (at the end
    /// of `path`) in `x`'s struct: loads the interface, then calls through its itab.
    pub fn promoted_iface_call(&mut self, e: ExprId, x: ExprId, path: &[usize], name: &str, args: &[ExprId], has_dots: bool) -> CResult {
        let pos = self.file.expr(e).pos;
        let it = self.embedded_field_addr(pos, x, path)?;
        self.b.emit(Instr::NilCheck);
        self.load_mem(it)?;
        self.iface_call_on_stack(pos, it, name, args, has_dots)
    }

    /// `[itab, data]` of interface type `it` on the stack: calls method `name` with
    /// `args`.
    fn iface_call_on_stack(&mut self, pos: frontend::syntax::Pos, it: TypeId, name: &str, args: &[ExprId], has_dots: bool) -> CResult {
        let methods = super::iface::iface_methods(self.cx, it);
        let Some((index, &(_, msig_t))) = methods.iter().enumerate().find(|(_, (n, _))| n == name) else {
            return Err(self.err(pos, "internal compiler error: unknown interface method"));
        };
        let prog = self.cx.prog;
        let (Some(fsig), Some(mut sig)) = (prog.types.signature_of(msig_t).cloned(), self.cx.signature(msig_t)) else {
            return Err(self.err(pos, "internal compiler error: method signature"));
        };
        sig.params.insert(0, Kind::Pointer);
        let itab = self.b.local(Kind::Pointer);
        self.b.emit(Instr::Swap);
        self.b.emit(Instr::Store(itab));
        self.push_call_args(pos, args, &fsig, has_dots)?;
        self.b.emit(Instr::Load(itab));
        self.b.set_line(self.line(pos));
        let index = u16::try_from(index).map_err(|_| self.unimpl(pos, "huge interfaces"))?;
        self.b.call_iface(index, &sig);
        Ok(())
    }

    /// Pushes the address of the embedded field reached from `x` through `path`
    /// (following embedded pointers); returns the field's type.
    fn embedded_field_addr(&mut self, pos: frontend::syntax::Pos, x: ExprId, path: &[usize]) -> CResult<TypeId> {
        let prog = self.cx.prog;
        let xt = self.ty(x);
        let mut cur = xt;
        if let Type::Pointer(elem) = prog.types.under(xt) {
            self.expr(x)?;
            cur = *elem;
        } else if self.is_addressable(x) {
            self.addr(x)?;
        } else {
            // A value operand: a copy in a fresh cell.
            let cell = self.new_box(xt)?;
            self.b.emit(Instr::Load(cell));
            self.expr(x)?;
            self.store_mem(xt)?;
            self.b.emit(Instr::Load(cell));
        }
        for (k, &i) in path.iter().enumerate() {
            let Type::Struct(fields) = prog.types.under(cur) else {
                return Err(self.err(pos, "internal compiler error: embedded field of a non-struct"));
            };
            let Some(f) = fields.get(i) else { return Err(self.err(pos, "internal compiler error: bad field index")) };
            let off = frontend::types::sizes::offsets_of(prog, cur).get(i).copied().flatten().unwrap_or(0);
            self.b.emit(Instr::NilCheck);
            if off != 0 {
                self.b.emit(Instr::AddrOff(i32::try_from(off).map_err(|_| self.unimpl(pos, "huge structs"))?));
            }
            cur = f.ty;
            if k + 1 < path.len()
                && let Type::Pointer(elem) = prog.types.under(cur)
            {
                self.b.emit(Instr::LoadPtr(0));
                cur = *elem;
            }
        }
        Ok(cur)
    }

    /// `x.m` as a value where `x` is an interface (or has `m` promoted from an
    /// embedded interface): the interface value is evaluated now (a nil one panics
    /// here, as in gc) and a closure holding it calls through the itab.
    pub fn iface_method_value(&mut self, e: ExprId, sel: &Selection) -> CResult {
        let pos = self.file.expr(e).pos;
        let ExprKind::Selector { x, sel: name, .. } = self.file.expr(e).kind else {
            return Err(self.err(pos, "internal compiler error: method value without selector"));
        };
        let name = self.file.name(name).to_string();
        let it = if sel.index.is_empty() {
            let it = self.ty(x);
            self.expr(x)?;
            it
        } else {
            let it = self.embedded_field_addr(pos, x, &sel.index)?;
            self.b.emit(Instr::NilCheck);
            self.load_mem(it)?;
            it
        };
        let Some(vsig) = self.cx.signature(self.ty(e)) else {
            return Err(self.err(pos, "internal compiler error: method value signature"));
        };
        let mut wsig = vsig.clone();
        wsig.params.splice(0..0, [Kind::Pointer, Kind::Pointer]);
        let (adapter, _) = self.iface_method_expr(pos, it, &name, wsig)?;
        // A nil interface panics when the method value is made.
        let saved = self.b.locals(&[Kind::Pointer, Kind::Pointer]);
        self.b.emit(Instr::StoreSlots { slot: saved, n: 2 });
        self.b.emit(Instr::Load(saved));
        self.b.emit(Instr::NilCheck);
        self.b.emit(Instr::Pop);
        let ti = self.cx.custom_type("method value", &[Kind::Scalar, Kind::Pointer, Kind::Pointer]);
        let wrapper = self.cx.reserve_func();
        let obj = self.b.local(Kind::Pointer);
        self.b.emit(Instr::Alloc(ti));
        self.b.emit(Instr::Store(obj));
        self.b.emit(Instr::Load(obj));
        self.b.push_i64(i64::from(wrapper));
        self.b.emit(Instr::Store64(0));
        for i in 0..2u32 {
            self.b.emit(Instr::Load(obj));
            self.b.emit(Instr::Load(saved + i));
            self.b.emit(Instr::Store64(8 * (i as i32 + 1)));
        }
        self.b.emit(Instr::Load(obj));
        // The closure's function: the interface from the context, then the arguments.
        let mut wb = FunctionBuilder::new(&format!("{name}-fm"), vsig.clone());
        for i in 0..2 {
            wb.emit(Instr::LoadCtx);
            wb.emit(Instr::LoadPtr(8 * (i + 1)));
        }
        if !vsig.params.is_empty() {
            wb.emit(Instr::LoadSlots { slot: 0, n: vsig.params.len() as u16 });
        }
        let mut asig = vsig.clone();
        asig.params.splice(0..0, [Kind::Pointer, Kind::Pointer]);
        wb.call(adapter, &asig);
        wb.emit(Instr::Ret);
        match wb.finish() {
            Ok(f) => self.cx.define_func(wrapper, f),
            Err(err) => return Err(self.err(pos, format!("internal compiler error: {err}"))),
        }
        Ok(())
    }
}

impl FuncCompiler<'_, '_> {
    /// The itab entry for method `name` that a struct gets from an interface field
    /// `it` embedded at `path` (offset, through a pointer): a function taking the data
    /// word (the struct's address) that loads the embedded interface and calls its
    /// method.
    pub(crate) fn build_promoted_iface(&mut self, pos: frontend::syntax::Pos, it: TypeId, path: &[(i64, bool)], name: &str) -> CResult<FuncId> {
        let methods = super::iface::iface_methods(self.cx, it);
        let Some((index, &(_, msig_t))) = methods.iter().enumerate().find(|(_, (n, _))| n == name) else {
            return Err(self.err(pos, "internal compiler error: unknown interface method"));
        };
        let Some(msig) = self.cx.signature(msig_t) else {
            return Err(self.err(pos, "internal compiler error: method signature"));
        };
        let index = u16::try_from(index).map_err(|_| self.unimpl(pos, "huge interfaces"))?;
        let mut wsig = msig.clone();
        wsig.params.insert(0, Kind::Pointer);
        let mut b = FunctionBuilder::new(&format!("{name}-promoted"), wsig.clone());
        b.emit(Instr::Load(0));
        for &(off, is_ptr) in path {
            b.emit(Instr::NilCheck);
            if off != 0 {
                b.emit(Instr::AddrOff(i32::try_from(off).map_err(|_| self.unimpl(pos, "huge structs"))?));
            }
            if is_ptr {
                b.emit(Instr::LoadPtr(0));
            }
        }
        let addr = b.local(Kind::Pointer);
        b.emit(Instr::Store(addr));
        b.emit(Instr::Load(addr));
        b.emit(Instr::LoadPtr(8));
        if !msig.params.is_empty() {
            b.emit(Instr::LoadSlots { slot: 1, n: msig.params.len() as u16 });
        }
        b.emit(Instr::Load(addr));
        b.emit(Instr::LoadPtr(0));
        b.call_iface(index, &wsig);
        b.emit(Instr::Ret);
        let f = b.finish().map_err(|e| self.err(pos, format!("internal compiler error: {e}")))?;
        let w = self.cx.reserve_func();
        self.cx.define_func(w, f);
        Ok(w)
    }
}
