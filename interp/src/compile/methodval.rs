//! Methods used as values and called in other forms: method values `x.m` (a closure
//! over the receiver, evaluated and copied now, as the spec says), method expressions
//! `T.m` / `(*T).m` / `I.m` (a static func value of the method or of a wrapper taking
//! the receiver as first argument), calls `T.m(x, ...)`, and methods of interfaces,
//! including those promoted from an embedded interface field.
//!
//! As in gc, a method value of a nil interface, or of a value method through a nil
//! pointer, panics when it is evaluated, not when it is called.

use super::func::{CResult, FuncCompiler};
use super::iface::iface_method_index;
use super::methods::{Recv, method_set};
use crate::bytecode::{FunctionBuilder, Instr, Kind, Signature};
use frontend::syntax::Pos;
use frontend::syntax::ast::{ExprId, ExprKind};
use frontend::types::info::Selection;
use frontend::types::ty::TypeId;

impl FuncCompiler<'_, '_> {
    /// Pushes `[itab, data]` of the interface holding the method selected by `f` (an
    /// interface method, directly or through embedded fields); its interface type.
    pub fn iface_receiver(&mut self, pos: Pos, f: ExprId, sel: &Selection) -> CResult<TypeId> {
        let ExprKind::Selector { x, .. } = self.file.expr(f).kind else {
            return Err(self.err(pos, "internal compiler error: method without selector"));
        };
        if sel.index.is_empty() {
            self.expr(x)?;
            return Ok(self.ty(x));
        }
        let t = self.embedded_addr(pos, x, &sel.index)?;
        self.b.emit(Instr::NilCheck);
        self.load_mem(t)?;
        Ok(t)
    }

    /// The index of method `name` in interface `t`'s itabs.
    fn iface_index(&self, pos: Pos, t: TypeId, name: &str) -> CResult<(u16, TypeId)> {
        let pkg = self.current_pkg(name);
        let Some((i, sig)) = iface_method_index(self.cx.prog, t, name, pkg) else {
            return Err(self.err(pos, "internal compiler error: unknown interface method"));
        };
        let index = u16::try_from(i).map_err(|_| self.unimpl(pos, "huge interfaces"))?;
        Ok((index, sig))
    }

    /// The name selected by selector expression `f`.
    fn sel_name(&self, f: ExprId) -> String {
        match self.file.expr(f).kind {
            ExprKind::Selector { sel, .. } => self.file.name(sel).to_string(),
            _ => String::new(),
        }
    }

    /// `x.m(args)` for a method of an interface embedded in `x`'s type.
    pub fn promoted_iface_call(&mut self, e: ExprId, f: ExprId, sel: &Selection, args: &[ExprId], has_dots: bool) -> CResult {
        let pos = self.file.expr(e).pos;
        let it = self.iface_receiver(pos, f, sel)?;
        let name = self.sel_name(f);
        self.iface_call_pushed(e, it, &name, args, has_dots)
    }

    /// `x.m` as a value: a closure holding the receiver (evaluated now) whose function
    /// calls the method with it.
    pub fn method_value(&mut self, e: ExprId, sel: &Selection) -> CResult {
        let pos = self.file.expr(e).pos;
        let Some(vsig) = self.cx.signature(self.ty(e)) else {
            return Err(self.err(pos, "internal compiler error: method value signature"));
        };
        // A type parameter's method is its type argument's (or an interface's).
        let resolved = match self.is_tparam_method(e, sel) {
            true => self.resolve_tparam_method(e, sel)?,
            false => None,
        };
        let sel = resolved.as_ref().unwrap_or(sel);
        let Some(m) = sel.obj else { return self.iface_method_value(e, sel, &vsig) };
        let (id, sig) = self.selected_method_func(e, sel, m)?;
        let nrecv = sig.params.len().saturating_sub(vsig.params.len());
        let recv_kinds: Vec<Kind> = sig.params.get(..nrecv).unwrap_or(&[]).to_vec();
        self.method_receiver(pos, e, sel, m)?;
        let name = format!("{}-fm", self.cx.prog.obj(m).name);
        let mut wb = FunctionBuilder::new(&name, vsig.clone());
        for (i, k) in recv_kinds.iter().enumerate() {
            let off = 8 * (i as i32 + 1);
            wb.emit(Instr::LoadCtx);
            wb.emit(if *k == Kind::Pointer { Instr::LoadPtr(off) } else { Instr::Load64(off) });
        }
        if !vsig.params.is_empty() {
            wb.emit(Instr::LoadSlots { slot: 0, n: vsig.params.len() as u16 });
        }
        wb.call(id, &sig);
        wb.emit(Instr::Ret);
        self.bound_closure(pos, wb, &recv_kinds, self.ty(e))
    }

    /// `i.m` for an interface method: a closure over the interface's two words.
    fn iface_method_value(&mut self, e: ExprId, sel: &Selection, vsig: &Signature) -> CResult {
        let pos = self.file.expr(e).pos;
        let it = self.iface_receiver(pos, e, sel)?;
        let name = self.sel_name(e);
        let (index, _) = self.iface_index(pos, it, &name)?;
        // A nil interface panics now.
        let data = self.b.local(Kind::Pointer);
        self.b.emit(Instr::Store(data));
        self.b.emit(Instr::NilCheck);
        self.b.emit(Instr::Load(data));
        let mut wb = FunctionBuilder::new(&format!("{name}-fm"), vsig.clone());
        wb.emit(Instr::LoadCtx);
        wb.emit(Instr::LoadPtr(16));
        if !vsig.params.is_empty() {
            wb.emit(Instr::LoadSlots { slot: 0, n: vsig.params.len() as u16 });
        }
        wb.emit(Instr::LoadCtx);
        wb.emit(Instr::LoadPtr(8));
        let mut isig = vsig.clone();
        isig.params.insert(0, Kind::Pointer);
        wb.call_iface(index, &isig);
        wb.emit(Instr::Ret);
        self.bound_closure(pos, wb, &[Kind::Pointer, Kind::Pointer], self.ty(e))
    }

    /// Finishes the function (of func type `ft`) of a closure whose context holds the
    /// `kinds` words on top of the stack (popped), and pushes the closure.
    fn bound_closure(&mut self, pos: Pos, wb: FunctionBuilder, kinds: &[Kind], ft: TypeId) -> CResult {
        let n = kinds.len();
        let saved = self.b.locals(kinds);
        if n > 0 {
            self.b.emit(Instr::StoreSlots { slot: saved, n: n as u16 });
        }
        let mut all = vec![Kind::Scalar];
        all.extend(kinds.iter().copied());
        let ti = self.cx.custom_type("method value", &all);
        let wrapper = self.cx.reserve_func();
        let obj = self.b.local(Kind::Pointer);
        self.b.emit(Instr::Alloc(ti));
        self.b.emit(Instr::Store(obj));
        self.b.emit(Instr::Load(obj));
        self.b.push_i64(i64::from(wrapper));
        self.b.emit(Instr::Store64(0));
        for i in 0..n {
            self.b.emit(Instr::Load(obj));
            self.b.emit(Instr::Load(saved + i as u32));
            self.b.emit(Instr::Store64(8 * (i as i32 + 1)));
        }
        self.b.emit(Instr::Load(obj));
        match wb.finish() {
            Ok(f) => {
                let f = self.with_frame_plan(f, ft);
                self.cx.define_func(wrapper, f)
            }
            Err(err) => return Err(self.err(pos, format!("internal compiler error: {err}"))),
        }
        Ok(())
    }

    /// `f` with the frame plan of func type `ft` (reflect may call it).
    fn with_frame_plan(&self, mut f: crate::bytecode::Function, ft: TypeId) -> crate::bytecode::Function {
        if let Some(s) = self.cx.prog.types.signature_of(ft) {
            f.frame = Some(Box::new(super::layout::frame_plan(self.cx.prog, &s.params, &s.results)));
        }
        f
    }

    /// The function a method expression `T.m` denotes (the receiver first).
    fn method_expr_func(&mut self, f: ExprId, sel: &Selection) -> CResult<u32> {
        let pos = self.file.expr(f).pos;
        let name = self.sel_name(f);
        let t = self.sty(sel.recv);
        if self.cx.prog.types.is_interface(t) {
            let Some(vsig) = self.cx.signature(self.ty(f)) else {
                return Err(self.err(pos, "internal compiler error: method expression signature"));
            };
            let (index, _) = self.iface_index(pos, t, &name)?;
            // (itab, data, args...) -> data, args, itab: CallIface.
            let mut wb = FunctionBuilder::new(&format!("{name}-fm"), vsig.clone());
            wb.emit(Instr::Load(1));
            if vsig.params.len() > 2 {
                wb.emit(Instr::LoadSlots { slot: 2, n: (vsig.params.len() - 2) as u16 });
            }
            wb.emit(Instr::Load(0));
            let mut isig = vsig.clone();
            isig.params.remove(0);
            wb.call_iface(index, &isig);
            wb.emit(Instr::Ret);
            let id = self.cx.reserve_func();
            match wb.finish() {
                Ok(func) => {
                    let func = self.with_frame_plan(func, self.ty(f));
                    self.cx.define_func(id, func)
                }
                Err(err) => return Err(self.err(pos, format!("internal compiler error: {err}"))),
            }
            return Ok(id);
        }
        let pkg = self.current_pkg(&name);
        let Some(entry) = method_set(self.cx.prog, t).into_iter().find(|m| m.name == name && (pkg.is_none() || m.pkg == pkg)) else {
            return Err(self.unimpl(pos, "method expressions of this type"));
        };
        self.cx.method_fn(Recv::Value, t, &entry).map_err(|e| self.unimpl(pos, &format!("method expressions ({e})")))
    }

    /// `T.m` as a value.
    pub fn method_expr_value(&mut self, e: ExprId, sel: &Selection) -> CResult {
        let id = self.method_expr_func(e, sel)?;
        self.static_func_value(id);
        Ok(())
    }

    /// `T.m(x, args)`: a static call of the method (or its wrapper).
    pub fn method_expr_call(&mut self, e: ExprId, f: ExprId, sel: &Selection, args: &[ExprId], has_dots: bool) -> CResult {
        let pos = self.file.expr(e).pos;
        let id = self.method_expr_func(f, sel)?;
        let ft = self.ty(f);
        let (Some(fsig), Some(sig)) = (self.cx.prog.types.signature_of(ft).cloned(), self.cx.signature(ft)) else {
            return Err(self.err(pos, "internal compiler error: method expression signature"));
        };
        self.push_call_args(pos, args, &fsig, has_dots)?;
        self.b.set_line(self.line(pos));
        self.b.call(id, &sig);
        Ok(())
    }
}
