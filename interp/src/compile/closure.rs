//! Function literals, func values and `defer`.
//!
//! A func value is a pointer to an object whose word 0 is the function id; a closure's
//! object continues with the addresses of the cells of the variables it captures (a
//! captured variable is boxed wherever it lives, so the closure and its creator share
//! it). The closure body copies those addresses into its own slots on entry. A
//! package-level function used as a value gets a static one-word object.
//!
//! `defer f(args)` and `go f(args)` evaluate `f` and the arguments at once and defer
//! (or start as a goroutine) a thunk: a synthetic function whose context holds them and
//! which makes the call.

use super::func::{CResult, FuncCompiler};
use super::layout;
use crate::bytecode::{Instr, Kind, Signature};
use frontend::syntax::Pos;
use frontend::syntax::ast::{Block, ExprId, ExprKind, File, StmtKind};
use frontend::types::info::FileInfo;
use frontend::types::object::ObjKind;
use frontend::types::ty::Type;
use frontend::types::{ObjId, Program};
use std::collections::HashSet;

/// The source ranges of the function literals of a file.
fn literal_ranges(file: &File) -> Vec<(usize, usize)> {
    file.exprs
        .iter()
        .filter_map(|e| match &e.kind {
            ExprKind::FuncLit { body, .. } => Some((e.pos.offset(), body.rbrace.offset())),
            _ => None,
        })
        .collect()
}

/// Whether `o` is a local variable (not a global, not a field).
fn is_local_var(prog: &Program, o: ObjId) -> bool {
    matches!(prog.obj(o).kind, ObjKind::Var { global: false, field: false, .. })
}

/// The local variables used inside `range` but declared outside it, in id order.
pub(crate) fn captures_of(prog: &Program, file: &File, fi: &FileInfo, range: (usize, usize)) -> Vec<ObjId> {
    let inside = |p: usize| range.0 <= p && p <= range.1;
    let mut out: Vec<ObjId> = fi
        .uses
        .iter()
        .filter(|(e, o)| is_local_var(prog, **o) && e.index() < file.exprs.len() && inside(file.expr(**e).pos.offset()))
        .filter(|(_, o)| prog.obj(**o).pos.is_none_or(|p| !inside(p.pos.offset())))
        .map(|(_, o)| *o)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Every local variable of `file` that must live in a heap cell besides those whose
/// address the checker saw taken: those some function literal captures, and those a
/// method with a pointer receiver is called on (`v.m()` means `(&v).m()`).
pub(crate) fn captured_vars(prog: &Program, file: &File, fi: &FileInfo) -> HashSet<ObjId> {
    let mut ranges = literal_ranges(file);
    // The bodies of range-over-func loops become closures too (see `rangefunc`).
    ranges.extend(file.stmts.iter().filter_map(|s| match &s.kind {
        StmtKind::Range { x, body, .. }
            if fi.type_of(*x).is_some_and(|tv| prog.types.signature_of(tv.ty).is_some()) =>
        {
            Some((s.pos.offset(), body.rbrace.offset()))
        }
        _ => None,
    }));
    let mut set: HashSet<ObjId> = ranges.into_iter().flat_map(|r| captures_of(prog, file, fi, r)).collect();
    for (&e, sel) in &fi.selections {
        let Some(m) = sel.obj else { continue };
        let ObjKind::Func(f) = &prog.obj(m).kind else { continue };
        if !f.ptr_recv || matches!(prog.types.under(sel.recv), frontend::types::ty::Type::Pointer(_)) {
            continue;
        }
        if e.index() >= file.exprs.len() {
            continue;
        }
        let ExprKind::Selector { mut x, .. } = file.expr(e).kind else { continue };
        while let ExprKind::Paren(inner) = file.expr(x).kind {
            x = inner;
        }
        if let ExprKind::Name(_) = file.expr(x).kind
            && let Some(&o) = fi.uses.get(&x)
            && is_local_var(prog, o)
        {
            set.insert(o);
        }
    }
    set
}

/// One extra argument of a variadic call: an expression, or a value parked in slots.
enum VarArg {
    Expr(ExprId),
    Temp(u32, u16),
}

/// What a `defer` thunk does with the words saved in its context.
enum Action {
    /// Call the saved func value with the saved argument words.
    Call(Signature),
    /// `print`/`println` (with a newline) the saved operands.
    Print(Vec<crate::bytecode::PrintKind>, bool),
    /// `panic(v)` with the saved interface words.
    Panic,
    /// `recover()`, result dropped: it recovers only when the thunk runs among the
    /// deferred calls of a function that is itself a deferred call (see `Instr::Recover`).
    Recover,
    /// `close(ch)` of the saved channel.
    Close,
    /// Interface method `index` with this signature (receiver first), called through
    /// the saved itab.
    Iface(u16, Signature),
    /// `delete(m, k)`: the map type's descriptor address (see `maps`).
    Delete(u64),
    /// `copy(dst, src)` of elements of this size, result dropped.
    Copy(i64),
}

impl FuncCompiler<'_, '_> {
    /// Whether `body` (not counting nested function literals) has a `defer`.
    pub fn defers_in(&self, body: &Block) -> bool {
        let (start, end) = (body.pos.offset(), body.rbrace.offset());
        let lits: Vec<(usize, usize)> =
            literal_ranges(&self.file).into_iter().filter(|&(s, e)| s > start && e < end).collect();
        self.file.stmts.iter().any(|s| {
            let p = s.pos.offset();
            matches!(s.kind, StmtKind::Defer(_)) && start < p && p < end && !lits.iter().any(|&(ls, le)| ls <= p && p <= le)
        })
    }

    /// A function literal: compiles its body as a function of its own and pushes the
    /// closure.
    pub fn func_lit(&mut self, e: ExprId) -> CResult {
        let file = self.file.clone();
        let ex = file.expr(e);
        let pos = ex.pos;
        let ExprKind::FuncLit { typ, body } = &ex.kind else {
            return Err(self.err(pos, "internal compiler error: not a function literal"));
        };
        let prog = self.cx.prog;
        let t = self.ty(e);
        let Some(fsig) = prog.types.signature_of(t).cloned() else {
            return Err(self.err(pos, "internal compiler error: function literal without a signature"));
        };
        let Some(sig) = self.cx.signature(t) else {
            return Err(self.err(pos, "internal compiler error: function literal signature"));
        };
        let ExprKind::FuncType { params, results } = &file.expr(*typ).kind else {
            return Err(self.err(pos, "internal compiler error: function literal type"));
        };
        let names = |fields: &[frontend::syntax::ast::Field]| -> Vec<Option<ObjId>> {
            fields.iter().map(|f| f.name.and_then(|n| self.finfo.defs.get(&n.pos).copied())).collect()
        };
        let param_objs = names(params);
        let result_objs: Vec<ObjId> = names(results).into_iter().flatten().collect();
        let result_objs = if result_objs.len() == fsig.results.len() { result_objs } else { Vec::new() };
        let captures = captures_of(prog, &file, self.finfo, (pos.offset(), body.rbrace.offset()));
        self.closures += 1;
        let name = if self.name.contains(".func") {
            format!("{}.{}", self.name, self.closures)
        } else {
            format!("{}.func{}", self.name, self.closures)
        };
        let id = self.cx.reserve_func();
        let no_tables = self.err(pos, "internal compiler error: no checker tables");
        let file_id = self.file_id;
        let subst = self.subst.clone();
        let Some(mut inner) = FuncCompiler::new(self.cx, &name, sig, file_id) else { return Err(no_tables) };
        inner.subst = subst;
        let f = inner.compile_body(&param_objs, &fsig.params, &result_objs, fsig.results.clone(), body, &captures);
        self.define_side_func(pos, id, f)?;
        if captures.is_empty() {
            let addr = self.cx.funcval_addr(id);
            self.push_addr(addr);
            self.b.set_top_kinds(&[Kind::Pointer]);
            return Ok(());
        }
        let obj = self.closure_object(pos, &name, id, &captures, &[])?;
        self.b.emit(Instr::Load(obj));
        Ok(())
    }

    /// Stores a function compiled on the side (a closure body) under `id`, or passes
    /// its errors on: the first as this construct's error, the rest recorded.
    pub(crate) fn define_side_func(&mut self, pos: Pos, id: u32, f: Result<crate::bytecode::Function, Vec<super::CompileError>>) -> CResult {
        match f {
            Ok(f) => {
                self.cx.define_func(id, f);
                Ok(())
            }
            Err(es) => {
                let mut es = es.into_iter();
                let first = es.next().unwrap_or_else(|| self.err(pos, "internal compiler error: a body failed without an error"));
                self.errors.extend(es);
                Err(first)
            }
        }
    }

    /// Allocates the closure object of function `id`: word 0 the id, then the cells of
    /// `captures`, then words of kinds `extra` for the caller to fill. Returns the slot
    /// holding its address.
    pub(crate) fn closure_object(&mut self, pos: Pos, name: &str, id: u32, captures: &[ObjId], extra: &[Kind]) -> CResult<u32> {
        let mut kinds = vec![Kind::Scalar];
        kinds.extend(captures.iter().map(|_| Kind::Pointer));
        kinds.extend_from_slice(extra);
        let ti = self.cx.custom_type(&format!("closure {name}"), &kinds);
        let obj = self.b.local(Kind::Pointer);
        self.b.set_line(self.line(pos));
        self.b.emit(Instr::Alloc(ti));
        self.b.emit(Instr::Store(obj));
        self.b.emit(Instr::Load(obj));
        self.b.push_i64(i64::from(id));
        self.b.emit(Instr::Store64(0));
        for (i, &c) in captures.iter().enumerate() {
            self.b.emit(Instr::Load(obj));
            self.var_addr_of(pos, c)?;
            self.b.emit(Instr::Store64(8 * (i as i32 + 1)));
        }
        Ok(obj)
    }

    /// Pushes the address of the cell of boxed variable `o`.
    pub(crate) fn var_addr_of(&mut self, pos: Pos, o: ObjId) -> CResult {
        match self.vars.get(&o).copied() {
            Some(super::func::VarLoc::Boxed { slot }) => {
                self.b.emit(Instr::Load(slot));
                Ok(())
            }
            _ => Err(self.err(pos, "internal compiler error: captured variable is not boxed")),
        }
    }

    /// Pushes package-level function `id` as a func value.
    pub fn static_func_value(&mut self, id: u32) {
        let addr = self.cx.funcval_addr(id);
        self.push_addr(addr);
        self.b.set_top_kinds(&[Kind::Pointer]);
    }

    /// A call of a func value: arguments, then the value, then `CallClosure`.
    pub fn call_value(&mut self, e: ExprId, fun: ExprId, args: &[ExprId], has_dots: bool) -> CResult {
        let pos = self.file.expr(e).pos;
        let ft = self.ty(fun);
        let prog = self.cx.prog;
        let Some(fsig) = prog.types.signature_of(ft).cloned() else {
            return Err(self.unimpl(pos, "calls of this kind"));
        };
        let Some(sig) = self.cx.signature(ft) else { return Err(self.err(pos, "internal compiler error: signature")) };
        // The function value is evaluated before the arguments.
        let fslot = self.b.local(Kind::Pointer);
        self.expr(fun)?;
        self.b.emit(Instr::Store(fslot));
        self.push_call_args(pos, args, &fsig, has_dots)?;
        self.b.emit(Instr::Load(fslot));
        self.b.set_line(self.line(pos));
        self.b.call_closure(&sig);
        Ok(())
    }

    /// Pushes the arguments of a call with signature `fsig`; the extra arguments of a
    /// variadic call become a new slice (`f(s...)` passes `s` itself).
    pub fn push_call_args(&mut self, pos: Pos, args: &[ExprId], fsig: &frontend::types::ty::Signature, has_dots: bool) -> CResult {
        let spread = args.len() == 1 && matches!(self.cx.prog.types.get(self.ty(args[0])), frontend::types::ty::Type::Tuple(_));
        if !fsig.variadic || has_dots {
            if spread || args.len() != fsig.params.len() {
                return self.push_args(pos, args, &fsig.params);
            }
            let hoisted = self.hoist_calls(args, &fsig.params)?;
            for ((&a, &pt), h) in args.iter().zip(&fsig.params).zip(hoisted) {
                self.push_arg(a, pt, h)?;
            }
            return Ok(());
        }
        let Some((&last, fixed)) = fsig.params.split_last() else {
            return Err(self.err(pos, "internal compiler error: variadic without parameters"));
        };
        let frontend::types::ty::Type::Slice(elem) = self.cx.prog.types.under(last) else {
            return Err(self.err(pos, "internal compiler error: variadic parameter is not a slice"));
        };
        let elem = *elem;
        // `f(g())` with g's results spread over the fixed parameters and the slice.
        if spread {
            let a = args[0];
            let nextra = self.cx.prog.types.tuple_elems(self.ty(a)).len().saturating_sub(fixed.len());
            let mut targets = fixed.to_vec();
            targets.extend(std::iter::repeat_n(elem, nextra));
            self.multi_value_to(a, &targets)?;
            let temps: Vec<(u32, u16)> = (0..nextra).map(|_| self.temp(elem)).collect();
            for &(slot, n) in temps.iter().rev() {
                if n > 0 {
                    self.b.emit(Instr::StoreSlots { slot, n });
                }
            }
            let extra: Vec<VarArg> = temps.into_iter().map(|(slot, n)| VarArg::Temp(slot, n)).collect();
            return self.push_variadic_slice(pos, last, elem, &extra);
        }
        if args.len() < fixed.len() {
            return Err(self.err(pos, "internal compiler error: argument count"));
        }
        let mut targets = fixed.to_vec();
        targets.resize(args.len(), elem);
        let hoisted = self.hoist_calls(args, &targets)?;
        let mut extra = Vec::new();
        for (i, (&a, h)) in args.iter().zip(hoisted).enumerate() {
            match (i < fixed.len(), h) {
                (true, h) => self.push_arg(a, targets[i], h)?,
                (false, Some((slot, n))) => extra.push(VarArg::Temp(slot, n)),
                (false, None) => extra.push(VarArg::Expr(a)),
            }
        }
        self.push_variadic_slice(pos, last, elem, &extra)
    }

    /// gc's order of a call's operands (`walk/order.go`): the calls and receives among
    /// the arguments run first, left to right, into temporaries, and the other operands
    /// are read after them, so `f(x, g())` passes the `x` that `g` leaves. When some
    /// argument that a call could change (anything but a constant, a function literal
    /// or a local variable held in frame slots) comes before an argument with a call,
    /// this evaluates the arguments with calls (converted to their `targets`) into
    /// temporaries and returns their slots; otherwise nothing is hoisted.
    fn hoist_calls(&mut self, args: &[ExprId], targets: &[frontend::types::ty::TypeId]) -> CResult<Vec<Option<(u32, u16)>>> {
        let calls: Vec<bool> =
            args.iter().map(|&a| frontend::types::info::has_call_or_recv(&self.file, Some(self.finfo), a)).collect();
        let mut changeable_before = false;
        let mut needed = false;
        for (&a, &call) in args.iter().zip(&calls) {
            if call && changeable_before {
                needed = true;
                break;
            }
            changeable_before |= !call && self.call_could_change(a);
        }
        if !needed {
            return Ok(vec![None; args.len()]);
        }
        let mut out = Vec::with_capacity(args.len());
        for ((&a, &t), call) in args.iter().zip(targets).zip(calls) {
            if !call {
                out.push(None);
                continue;
            }
            self.expr_to(a, t)?;
            let (slot, n) = self.temp(t);
            if n > 0 {
                self.b.emit(Instr::StoreSlots { slot, n });
            }
            out.push(Some((slot, n)));
        }
        Ok(out)
    }

    /// Pushes argument `a` converted to `t`, or loads it from the temporaries
    /// [`Self::hoist_calls`] put it in.
    fn push_arg(&mut self, a: ExprId, t: frontend::types::ty::TypeId, hoisted: Option<(u32, u16)>) -> CResult {
        match hoisted {
            Some((slot, n)) if n > 0 => self.b.emit(Instr::LoadSlots { slot, n }),
            Some(_) => {}
            None => self.expr_to(a, t)?,
        }
        Ok(())
    }

    /// Whether a call made while evaluating other operands could change the value of `e`.
    fn call_could_change(&self, e: ExprId) -> bool {
        let e = self.unparen(e);
        let constant = self.finfo.type_of(e).is_some_and(|tv| tv.value.is_some());
        !(constant || self.slot_loc(e).is_some() || matches!(self.file.expr(e).kind, ExprKind::FuncLit { .. }))
    }

    /// Pushes the slice of type `last` (elements `elem`) a variadic call passes for its
    /// extra arguments: nil for none.
    fn push_variadic_slice(&mut self, pos: Pos, last: frontend::types::ty::TypeId, elem: frontend::types::ty::TypeId, extra: &[VarArg]) -> CResult {
        if extra.is_empty() {
            self.push_zero(last);
            return Ok(());
        }
        let (tmp, n) = self.temp(last);
        self.b.push_i64(extra.len() as i64);
        self.b.emit(Instr::Dup);
        let ti = self.cx.type_id(elem);
        self.b.emit(Instr::MakeSlice(ti));
        self.b.emit(Instr::StoreSlots { slot: tmp, n });
        let size = super::layout::size_of(self.cx.prog, elem) as i64;
        for (i, a) in extra.iter().enumerate() {
            let off = i32::try_from(i as i64 * size).map_err(|_| self.unimpl(pos, "huge variadic calls"))?;
            self.b.emit(Instr::Load(tmp));
            self.b.emit(Instr::AddrOff(off));
            match *a {
                VarArg::Expr(a) => self.expr_to(a, elem)?,
                VarArg::Temp(slot, n) if n > 0 => self.b.emit(Instr::LoadSlots { slot, n }),
                VarArg::Temp(..) => {}
            }
            self.store_mem(elem)?;
        }
        self.b.emit(Instr::LoadSlots { slot: tmp, n });
        Ok(())
    }

    /// Pushes call arguments converted to the parameter types (or the results of one
    /// multi-value call).
    pub fn push_args(&mut self, pos: Pos, args: &[ExprId], params: &[frontend::types::ty::TypeId]) -> CResult {
        if args.len() == params.len() {
            for (&a, &pt) in args.iter().zip(params) {
                self.expr_to(a, pt)?;
            }
            Ok(())
        } else if let [a] = args {
            // `f(g())`: g's results, each converted to its parameter's type.
            self.multi_value_to(*a, params)
        } else {
            Err(self.err(pos, "internal compiler error: argument count"))
        }
    }

    /// `defer f(args)`: evaluates `f` and the arguments now, defers a thunk that makes
    /// the call with them (methods: the receiver is the first argument; `print` and
    /// `println`: the thunk prints the saved operands).
    pub fn defer_stmt(&mut self, pos: Pos, call: ExprId) -> CResult {
        self.call_thunk(pos, call, Instr::Defer)
    }

    /// `defer` or `go` (`op` is [`Instr::Defer`] or [`Instr::Go`]) of a call: the call's
    /// operands are evaluated now, in the calling goroutine, and `op` receives a thunk
    /// that makes the call with them.
    pub fn call_thunk(&mut self, pos: Pos, call: ExprId, op: Instr) -> CResult {
        let what = if op == Instr::Go { "go" } else { "defer" };
        let file = self.file.clone();
        let call = self.unparen(call);
        let ExprKind::Call { fun, args, has_dots, .. } = &file.expr(call).kind else {
            return Err(self.err(pos, format!("internal compiler error: {what} of a non-call")));
        };
        let fun = self.unparen(*fun);
        let prog = self.cx.prog;
        let mode = self.finfo.type_of(fun).map(|tv| tv.mode);
        if mode == Some(frontend::types::info::Mode::TypeExpr) {
            return Err(self.err(pos, "internal compiler error: defer of a conversion"));
        }
        // Evaluate now: the func value (for calls), then the argument words.
        let ctx_fn: Option<()>;
        let action;
        let arg_kinds: Vec<Kind>;
        let mark = self.b.depth().unwrap_or(0);
        if mode == Some(frontend::types::info::Mode::Builtin) {
            let b = self.finfo.uses.get(&fun).map(|&o| &prog.obj(o).kind);
            let Some(ObjKind::Builtin(b)) = b else { return Err(self.err(pos, "internal compiler error: builtin")) };
            use frontend::types::object::Builtin;
            let println = match b {
                Builtin::Println => true,
                Builtin::Print => false,
                Builtin::Panic | Builtin::Recover => {
                    let is_panic = *b == Builtin::Panic;
                    if let (true, [v]) = (is_panic, args.as_slice()) {
                        self.expr_to(*v, prog.pre.any)?;
                    }
                    let kinds = if is_panic { vec![Kind::Pointer, Kind::Pointer] } else { Vec::new() };
                    let action = if is_panic { Action::Panic } else { Action::Recover };
                    return self.finish_defer(pos, op, mark, None, kinds, action);
                }
                Builtin::Delete => {
                    let (m, kinds) = self.map_delete_operands(pos, args)?;
                    return self.finish_defer(pos, op, mark, None, kinds, Action::Delete(m));
                }
                Builtin::Copy => {
                    let [dst, src] = args.as_slice() else { return Err(self.err(pos, "internal compiler error: copy arity")) };
                    let Type::Slice(elem) = prog.types.under(self.ty(*dst)) else { return Err(self.unimpl(pos, "copy to this type")) };
                    let size = layout::size_of(prog, *elem) as i64;
                    self.copy_operands(*dst, *src)?;
                    let kinds = vec![Kind::Pointer, Kind::Scalar, Kind::Pointer, Kind::Scalar];
                    return self.finish_defer(pos, op, mark, None, kinds, Action::Copy(size));
                }
                Builtin::Close => {
                    let [c] = args.as_slice() else { return Err(self.err(pos, "internal compiler error: close arity")) };
                    self.expr(*c)?;
                    return self.finish_defer(pos, op, mark, None, vec![Kind::Pointer], Action::Close);
                }
                _ => return Err(self.unimpl(pos, &format!("{what} of builtin {}", b.name()))),
            };
            let mut kinds = Vec::new();
            let mut pk = Vec::new();
            for &a in args {
                let t = self.print_operand_type(a);
                let kind = layout::repr(prog, t).and_then(layout::print_kind);
                let Some(kind) = kind else { return Err(self.unimpl(pos, "printing this type")) };
                self.expr_to(a, t)?;
                kinds.extend(layout::words(prog, t));
                pk.push(kind);
            }
            ctx_fn = None;
            arg_kinds = kinds;
            action = Action::Print(pk, println);
        } else if let Some(sel) = self.finfo.selections.get(&fun).cloned()
            && sel.kind == frontend::types::info::SelectionKind::MethodVal
        {
            let sel = match self.is_tparam_method(fun, &sel) {
                true => self.resolve_tparam_method(fun, &sel)?.unwrap_or(sel),
                false => sel,
            };
            let Some(m) = sel.obj else { return self.iface_thunk(pos, op, mark, fun, &sel, args, *has_dots) };
            let generic = !self.cx.funcs.contains_key(&m);
            let (id, sig) = self.selected_method_func(fun, &sel, m)?;
            let fty = if generic { self.sty(sel.ty) } else { prog.obj(m).ty };
            let Some(fsig) = prog.types.signature_of(fty).cloned() else {
                return Err(self.err(pos, "internal compiler error: method signature"));
            };
            self.static_func_value(id);
            self.method_receiver(pos, fun, &sel, m)?;
            self.push_call_args(pos, args, &fsig, *has_dots)?;
            ctx_fn = Some(());
            arg_kinds = sig.params.clone();
            action = Action::Call(sig);
        } else {
            let ft = self.ty(fun);
            let Some(fsig) = prog.types.signature_of(ft).cloned() else {
                return Err(self.unimpl(pos, "defer of this call"));
            };
            let Some(sig) = self.cx.signature(ft) else { return Err(self.err(pos, "internal compiler error: signature")) };
            let static_id = match &file.expr(fun).kind {
                ExprKind::Name(_) | ExprKind::Selector { .. } => {
                    self.finfo.uses.get(&fun).copied().and_then(|o| self.cx.func_ref(o)).map(|f| f.0)
                }
                _ => None,
            };
            match static_id {
                Some(id) => self.static_func_value(id),
                None => self.expr(fun)?,
            }
            // A func value from a variable may be one reflect made, which only a call
            // instruction knows how to run: it goes through a thunk.
            let compiled = static_id.is_some() || matches!(file.expr(fun).kind, ExprKind::FuncLit { .. });
            if compiled && sig.params.is_empty() && sig.results.is_empty() {
                // Nothing to save: defer (or start) the func value itself.
                self.b.set_line(self.line(pos));
                self.emit_thunk_op(op);
                return Ok(());
            }
            self.push_call_args(pos, args, &fsig, *has_dots)?;
            ctx_fn = Some(());
            arg_kinds = sig.params.clone();
            action = Action::Call(sig);
        }
        self.finish_defer(pos, op, mark, ctx_fn, arg_kinds, action)
    }

    /// `defer`/`go` of `x.M(args)` on an interface: the itab is saved as the thunk's
    /// "function" and the data word as the receiver argument; a nil interface panics
    /// here, at the statement, as in gc.
    #[allow(clippy::too_many_arguments)]
    fn iface_thunk(
        &mut self,
        pos: Pos,
        op: Instr,
        mark: usize,
        fun: ExprId,
        sel: &frontend::types::info::Selection,
        args: &[ExprId],
        has_dots: bool,
    ) -> CResult {
        let what = if op == Instr::Go { "go" } else { "defer" };
        let prog = self.cx.prog;
        let ExprKind::Selector { x, sel: name, .. } = self.file.expr(fun).kind else {
            return Err(self.err(pos, "internal compiler error: method call without selector"));
        };
        if !sel.index.is_empty() || !prog.types.is_interface(self.ty(x)) {
            // Promoted from an embedded interface: call the method value, which checks
            // the interface for nil now, as gc does at the statement.
            let ft = self.ty(fun);
            let (Some(fsig), Some(sig)) = (prog.types.signature_of(ft).cloned(), self.cx.signature(ft)) else {
                return Err(self.err(pos, format!("internal compiler error: {what} of a method")));
            };
            self.method_value(fun, sel)?;
            self.push_call_args(pos, args, &fsig, has_dots)?;
            return self.finish_defer(pos, op, mark, Some(()), sig.params.clone(), Action::Call(sig));
        }
        let name = self.file.name(name).to_string();
        let pkg = self.current_pkg(&name);
        let Some((index, msig_t)) = super::iface::iface_method_index(prog, self.ty(x), &name, pkg) else {
            return Err(self.err(pos, "internal compiler error: unknown interface method"));
        };
        let (Some(fsig), Some(mut sig)) = (prog.types.signature_of(msig_t).cloned(), self.cx.signature(msig_t)) else {
            return Err(self.err(pos, "internal compiler error: method signature"));
        };
        sig.params.insert(0, Kind::Pointer);
        let index = u16::try_from(index).map_err(|_| self.unimpl(pos, "huge interfaces"))?;
        // [itab, data], with the itab checked against nil.
        self.expr(x)?;
        self.b.emit(Instr::Swap);
        self.b.set_line(self.line(pos));
        self.b.emit(Instr::NilCheck);
        self.b.emit(Instr::Swap);
        self.push_call_args(pos, args, &fsig, has_dots)?;
        let arg_kinds = sig.params.clone();
        self.finish_defer(pos, op, mark, Some(()), arg_kinds, Action::Iface(index, sig))
    }

    /// Hands the thunk on the stack to `op`: `go` starts it, `defer` defers it (into the
    /// enclosing frame when this is a range-over-func body).
    fn emit_thunk_op(&mut self, op: Instr) {
        if op == Instr::Go {
            self.b.emit(Instr::Go);
        } else {
            self.emit_defer();
        }
    }

    /// The rest of `defer`: the operands are on the stack (the func value first for
    /// calls); saves them in a new thunk context, defers the thunk and builds it.
    fn finish_defer(&mut self, pos: Pos, op: Instr, mark: usize, ctx_fn: Option<()>, arg_kinds: Vec<Kind>, action: Action) -> CResult {
        let what = if op == Instr::Go { "go" } else { "defer" };
        // Context: [thunk id, f (calls only), argument words...], filled from the stack.
        let base = if ctx_fn.is_some() { 2 } else { 1 };
        let mut kinds = vec![Kind::Scalar];
        if ctx_fn.is_some() {
            kinds.push(Kind::Pointer);
        }
        kinds.extend(arg_kinds.iter().copied());
        let nwords = kinds.len() - 1;
        let saved = self.b.locals(&kinds[1..]);
        if nwords > 0 {
            self.b.emit(Instr::StoreSlots { slot: saved, n: nwords as u16 });
        }
        if self.b.depth().unwrap_or(0) != mark {
            return Err(self.err(pos, "internal compiler error: defer operands"));
        }
        let ti = self.cx.custom_type("defer thunk", &kinds);
        let thunk = self.cx.reserve_func();
        let ctx = self.b.local(Kind::Pointer);
        self.b.set_line(self.line(pos));
        self.b.emit(Instr::Alloc(ti));
        self.b.emit(Instr::Store(ctx));
        self.b.emit(Instr::Load(ctx));
        self.b.push_i64(i64::from(thunk));
        self.b.emit(Instr::Store64(0));
        for i in 0..nwords {
            self.b.emit(Instr::Load(ctx));
            self.b.emit(Instr::Load(saved + i as u32));
            self.b.emit(Instr::Store64(8 * (i as i32 + 1)));
        }
        self.b.emit(Instr::Load(ctx));
        self.emit_thunk_op(op);
        // The thunk: push the saved words, then call or print.
        let mut tb = crate::bytecode::FunctionBuilder::new(&format!("{}.{what}wrap{}", self.name, thunk), Signature::default());
        if op == Instr::Defer {
            tb.mark_defer_wrapper();
        }
        for (i, k) in arg_kinds.iter().enumerate() {
            let off = 8 * (i as i32 + base);
            tb.emit(Instr::LoadCtx);
            tb.emit(if *k == Kind::Pointer { Instr::LoadPtr(off) } else { Instr::Load64(off) });
        }
        match action {
            Action::Call(sig) => {
                tb.emit(Instr::LoadCtx);
                tb.emit(Instr::LoadPtr(8));
                tb.call_closure(&sig);
                for _ in &sig.results {
                    tb.emit(Instr::Pop);
                }
            }
            Action::Print(kinds, println) => {
                // The operands are on the stack in order: print them from the bottom up
                // by parking them in slots first.
                let total: usize = kinds.iter().map(|k| k.words() as usize).sum();
                let first = tb.locals(&arg_kinds);
                if total > 0 {
                    tb.emit(Instr::StoreSlots { slot: first, n: total as u16 });
                }
                let mut at = first;
                for (i, k) in kinds.iter().enumerate() {
                    if i > 0 && println {
                        tb.print(crate::bytecode::PrintKind::Space);
                    }
                    let w = k.words();
                    if w > 0 {
                        tb.emit(Instr::LoadSlots { slot: at, n: w as u16 });
                    }
                    at += w;
                    tb.print(*k);
                }
                if println {
                    tb.print(crate::bytecode::PrintKind::Newline);
                }
            }
            Action::Panic => {
                tb.set_line(self.line(pos));
                tb.emit(Instr::Panic);
            }
            Action::Delete(m) => {
                let c = tb.const_word(m);
                tb.emit_runtime(Instr::MapRemove(c), arg_kinds.len(), &[]);
            }
            Action::Recover => {
                tb.emit(Instr::Recover);
                tb.emit(Instr::Pop);
                tb.emit(Instr::Pop);
            }
            Action::Close => tb.emit_runtime(Instr::ChanClose, 1, &[]),
            Action::Copy(size) => {
                let Some((id, sig)) = self.cx.native("slicecopy") else {
                    return Err(self.err(pos, "internal compiler error: no native slicecopy"));
                };
                tb.push_i64(size);
                tb.call_native(id, &sig);
                tb.emit(Instr::Pop);
            }
            Action::Iface(index, sig) => {
                tb.emit(Instr::LoadCtx);
                tb.emit(Instr::LoadPtr(8));
                tb.call_iface(index, &sig);
                for _ in &sig.results {
                    tb.emit(Instr::Pop);
                }
            }
        }
        if tb.depth().is_some() {
            tb.emit(Instr::Ret);
        }
        match tb.finish() {
            Ok(f) => self.cx.define_func(thunk, f),
            Err(e) => return Err(self.err(pos, format!("internal compiler error: {e}"))),
        }
        Ok(())
    }
}
