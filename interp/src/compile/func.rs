//! One function's compilation state: the builder, where each variable lives, and
//! the branch targets of the enclosing statements.

use super::layout::{self, Repr};
use super::package::{Ctx, symbol_prefix};
use super::CompileError;
use super::generic::{InstJob, Subst};
use crate::bytecode::{FuncId, Function, FunctionBuilder, Instr, Kind, Label, Signature};
use frontend::syntax::Pos;
use frontend::syntax::ast::{Block, DeclId, DeclKind, ExprId, File};
use frontend::types::info::FileInfo;
use frontend::types::object::{ObjKind, PkgId};
use frontend::types::ty::TypeId;
use frontend::types::{FileId, ObjId};
use std::collections::HashMap;
use std::sync::Arc;

/// Where a variable lives.
#[derive(Clone, Copy, Debug)]
pub(crate) enum VarLoc {
    /// In frame slots `first..first+n` (its words).
    Slots { first: u32, n: u16 },
    /// In a heap cell whose address is in slot `slot`.
    Boxed { slot: u32 },
    /// In the static block, at this address.
    Global { addr: u64 },
}

/// The targets of `break` and `continue` for one enclosing statement.
#[derive(Clone, Debug)]
pub(crate) struct Target {
    /// The statement's label, if it has one.
    pub label: Option<String>,
    /// Where `break` goes.
    pub brk: Label,
    /// Where `continue` goes (loops only).
    pub cont: Option<Label>,
}

/// Compiles one function body.
pub(crate) struct FuncCompiler<'c, 'p> {
    pub cx: &'c mut Ctx<'p>,
    pub b: FunctionBuilder,
    /// The function's name as tracebacks print it.
    pub name: String,
    pub file_id: FileId,
    pub file: Arc<File>,
    pub finfo: &'p FileInfo,
    pub vars: HashMap<ObjId, VarLoc>,
    /// Enclosing breakable statements, innermost last.
    pub targets: Vec<Target>,
    /// Where `fallthrough` goes in the switch clause being compiled.
    pub fallthrough: Option<Label>,
    /// `goto` targets by label name.
    pub goto_labels: HashMap<String, Label>,
    /// The label written on the statement being compiled next (for `L: for ...`).
    pub pending_label: Option<String>,
    /// Named result variables, in order (empty for unnamed results).
    pub results: Vec<ObjId>,
    /// The function's result types.
    pub result_types: Vec<TypeId>,
    /// Where the results are kept while deferred calls run (named results, or scratch
    /// slots in a function that defers).
    pub result_locs: Vec<VarLoc>,
    /// The function has `defer` statements.
    pub has_defer: bool,
    /// Function literals compiled so far inside this function (for their names).
    pub closures: u32,
    /// Variables of this file that some function literal captures (they are boxed).
    pub captured: std::rc::Rc<std::collections::HashSet<ObjId>>,
    /// The type arguments of the generic instance being compiled (empty otherwise).
    pub subst: std::rc::Rc<Subst>,
    /// This function is the body of a range-over-func loop.
    pub rangefunc: Option<super::rangefunc::RangeFuncBody>,
    /// Set up by the loop for the body's prologue.
    pub rangefunc_setup: Option<super::rangefunc::RangeFuncSetup>,
    /// Receives of the `select` clause being compiled, already done by the `Select`:
    /// their value and `ok` sit in these slots (see `chan`).
    pub select_recvs: HashMap<ExprId, super::chan::DoneRecv>,
    /// While an inlined body compiles: the call site's line, which its instructions
    /// carry (see `inline`).
    pub inline_line: Option<u32>,
    /// Set for the next `addr` only: the caller stores through the address after
    /// computing the value, and the store's own nil check comes in gc's order.
    pub lazy_nil_check: bool,
    pub errors: Vec<CompileError>,
}

/// The result of compiling one construct: `Err` carries an error already recorded
/// position-wise; compilation of the function stops at the first one.
pub(crate) type CResult<T = ()> = Result<T, CompileError>;

impl<'c, 'p> FuncCompiler<'c, 'p> {
    pub(crate) fn new(cx: &'c mut Ctx<'p>, name: &str, sig: Signature, file_id: FileId) -> Option<FuncCompiler<'c, 'p>> {
        let file = cx.prog.files.get(file_id.0 as usize)?.clone();
        let finfo = cx.info.file(file_id)?;
        let cx_captured = cx.captured_in(file_id);
        let mut b = FunctionBuilder::new(name, sig);
        b.set_file(&file.name);
        Some(FuncCompiler {
            cx,
            b,
            name: name.to_string(),
            file_id,
            file,
            finfo,
            vars: HashMap::new(),
            targets: Vec::new(),
            fallthrough: None,
            goto_labels: HashMap::new(),
            pending_label: None,
            results: Vec::new(),
            result_types: Vec::new(),
            result_locs: Vec::new(),
            has_defer: false,
            closures: 0,
            captured: cx_captured,
            subst: std::rc::Rc::default(),
            rangefunc: None,
            rangefunc_setup: None,
            select_recvs: HashMap::new(),
            inline_line: None,
            lazy_nil_check: false,
            errors: Vec::new(),
        })
    }

    /// Compiles a declared function.
    pub fn compile_decl(
        cx: &'c mut Ctx<'p>,
        name: &str,
        obj: ObjId,
        file_id: FileId,
        decl: DeclId,
    ) -> Result<Function, Vec<CompileError>> {
        let sig = cx.funcs.get(&obj).map(|f| f.1.clone()).unwrap_or_default();
        Self::compile_decl_in(cx, name, obj, file_id, decl, sig, std::rc::Rc::default())
    }

    /// Compiles one instance of a generic function or method.
    pub fn compile_instance(cx: &'c mut Ctx<'p>, job: &InstJob) -> Result<Function, Vec<CompileError>> {
        Self::compile_decl_in(cx, &job.name, job.obj, job.file, job.decl, job.sig.clone(), job.subst.clone())
    }

    fn compile_decl_in(
        cx: &'c mut Ctx<'p>,
        name: &str,
        obj: ObjId,
        file_id: FileId,
        decl: DeclId,
        sig: Signature,
        subst: std::rc::Rc<Subst>,
    ) -> Result<Function, Vec<CompileError>> {
        let prog = cx.prog;
        let internal = |msg: &str| vec![CompileError { pos: name.to_string(), msg: format!("internal compiler error: {msg}") }];
        let Some(mut fc) = FuncCompiler::new(cx, name, sig, file_id) else {
            return Err(internal("no checker tables for the file"));
        };
        fc.subst = subst;
        let file = fc.file.clone();
        let DeclKind::Func { body, recv, .. } = &file.decl(decl).kind else {
            return Err(internal("not a function declaration"));
        };
        // A std function mvm provides otherwise (see `stdlib`): the arguments, then the
        // instruction or a call of the alias.
        let std_path = prog.obj(obj).pkg.map(|p| prog.package(p).path.clone());
        let rep = std_path.filter(|_| recv.is_none()).and_then(|p| super::stdlib::replacement(&p, &prog.obj(obj).name));
        // A body mvm replaces by its native compiles as if there were none.
        let body = if rep == Some(super::stdlib::Replacement::Native) { &None } else { body };
        if let Some(rep) = rep.filter(|r| *r != super::stdlib::Replacement::Native) {
            let pos = file.decl(decl).pos;
            fc.b.set_line(fc.line(pos));
            let n = fc.b.signature().params.len() as u16;
            if n > 0 && rep != super::stdlib::Replacement::Empty {
                fc.b.emit(Instr::LoadSlots { slot: 0, n });
            }
            match rep {
                super::stdlib::Replacement::Empty | super::stdlib::Replacement::Native => {}
                super::stdlib::Replacement::Instr(i) => fc.b.emit(i),
                super::stdlib::Replacement::Alias(name) => {
                    let scope = prog.obj(obj).pkg.map(|p| prog.package(p).scope);
                    let target = scope.and_then(|s| prog.lookup_local(s, name)).and_then(|t| fc.cx.func_ref(t));
                    let Some((id, sig)) = target else { return Err(internal(&format!("no function {name} to stand in"))) };
                    fc.b.call(id, &sig);
                }
            }
            fc.b.emit(Instr::Ret);
            return fc.finish();
        }
        let Some(body) = body else {
            // A declaration without a body: gc has it in assembly or pulls it from its
            // runtime with a linkname. mvm binds it to the native of the same package
            // and name (`runtime::native`); calling one mvm does not have stops the
            // program with `mvm: not implemented yet: <pkg>.<func>`.
            let pos = file.decl(decl).pos;
            fc.b.set_line(fc.line(pos));
            let pkg_path = prog.obj(obj).pkg.map(|p| prog.package(p).path.to_string()).unwrap_or_default();
            let fname = prog.obj(obj).name.to_string();
            let sig = fc.b.signature().clone();
            let n = sig.params.len() as u16;
            if (pkg_path.as_str(), fname.as_str()) == ("reflect", "call") {
                // reflect.call(frametype, fn, stackArgs, ...): see `Instr::ReflectCall`.
                fc.b.emit(Instr::ReflectCall);
                fc.b.emit(Instr::ReflectResults);
                fc.b.emit(Instr::Ret);
                return fc.finish();
            }
            match runtime::native::lookup(&pkg_path, &fname).filter(|_| recv.is_none()) {
                Some(func) => {
                    let id = fc.cx.add_native(crate::bytecode::Native { name: name.to_string(), sig: sig.clone(), func });
                    if n > 0 {
                        fc.b.emit(Instr::LoadSlots { slot: 0, n });
                    }
                    fc.b.call_native(id, &sig);
                }
                None if let Some((id, tsig)) = linked_func(fc.cx, &file, decl, &fname)
                    .or_else(|| pushed_func(fc.cx, &format!("{pkg_path}.{fname}")))
                    .filter(|(_, t)| *t == sig) =>
                {
                    // `//go:linkname f pkg.g` to a Go function: a call of it.
                    if n > 0 {
                        fc.b.emit(Instr::LoadSlots { slot: 0, n });
                    }
                    fc.b.call(id, &tsig);
                }
                None => {
                    let addr = fc.cx.string_addr(name.as_bytes());
                    fc.push_addr(addr);
                    fc.b.push_i64(name.len() as i64);
                    if fc.call_native(pos, "missingbody").is_err() {
                        return Err(internal("no native missingbody"));
                    }
                    for k in sig.results.clone() {
                        fc.b.emit(Instr::Const(0));
                        fc.b.set_top_kinds(&[k]);
                    }
                }
            }
            fc.b.emit(Instr::Ret);
            return fc.finish();
        };
        let ObjKind::Func(fi) = &prog.obj(obj).kind else { return Err(internal("not a function object")) };
        fc.b.set_line(fc.line(file.decl(decl).pos));
        let params: Vec<Option<ObjId>> = fi.recv.iter().chain(&fi.params).map(|&p| Some(p)).collect();
        let param_types: Vec<TypeId> = params.iter().flatten().map(|&p| fc.obj_ty(p)).collect();
        let result_types: Vec<TypeId> = fi.results.iter().map(|&r| fc.obj_ty(r)).collect();
        let named = fi.results.iter().any(|&r| !prog.obj(r).name.is_empty());
        let results: Vec<ObjId> = if named { fi.results.clone() } else { Vec::new() };
        fc.compile_body(&params, &param_types, &results, result_types, body, &[])
    }

    /// Compiles a body: parameters in the first slots (boxed copies where needed),
    /// captured variables' cells from the closure context, named results, the
    /// statements, and the function's end (with deferred calls and the recovery landing
    /// when it defers).
    pub fn compile_body(
        mut self,
        params: &[Option<ObjId>],
        param_types: &[TypeId],
        results: &[ObjId],
        result_types: Vec<TypeId>,
        body: &Block,
        captures: &[ObjId],
    ) -> Result<Function, Vec<CompileError>> {
        let prog = self.cx.prog;
        let mut slot = 0u32;
        let mut boxed_params = Vec::new();
        for (p, &t) in params.iter().zip(param_types) {
            let n = layout::words(prog, t).len() as u16;
            if let Some(p) = *p {
                self.vars.insert(p, VarLoc::Slots { first: slot, n });
                if self.must_box(p, t) {
                    boxed_params.push((p, t, slot, n));
                }
            }
            slot += u32::from(n);
        }
        let r = self.run(|fc| {
            for (p, t, first, n) in boxed_params {
                let cell = fc.new_box(t)?;
                fc.b.emit(Instr::Load(cell));
                if n > 0 {
                    fc.b.emit(Instr::LoadSlots { slot: first, n });
                }
                fc.store_mem(t)?;
                fc.vars.insert(p, VarLoc::Boxed { slot: cell });
            }
            // A closure finds the cells of its captured variables in its context.
            for (i, &c) in captures.iter().enumerate() {
                let cell = fc.b.local(Kind::Pointer);
                fc.b.emit(Instr::LoadCtx);
                fc.b.emit(Instr::LoadPtr(8 * (i as i32 + 1)));
                fc.b.emit(Instr::Store(cell));
                fc.vars.insert(c, VarLoc::Boxed { slot: cell });
            }
            fc.range_func_prologue()?;
            // A range-over-func body's `defer`s belong to the enclosing function.
            fc.has_defer = fc.rangefunc.is_none() && fc.defers_in(body);
            fc.result_types = result_types.clone();
            if !results.is_empty() {
                fc.results = results.to_vec();
                for &r in results {
                    let t = fc.obj_ty(r);
                    let loc = fc.declare_var(r, t)?;
                    fc.result_locs.push(loc);
                }
            } else if fc.has_defer {
                // Results live in slots while deferred calls run.
                for &t in &result_types {
                    let (first, n) = fc.temp(t);
                    fc.result_locs.push(VarLoc::Slots { first, n });
                }
            }
            Ok(())
        });
        if r.is_err() {
            return Err(self.errors);
        }
        let _ = self.run(|fc| fc.block(&body.stmts));
        if self.errors.is_empty() {
            self.b.set_line(self.line(body.rbrace));
            if self.b.depth().is_some() {
                if self.result_types.is_empty() {
                    if self.has_defer {
                        self.b.emit(Instr::RunDefers);
                    }
                    self.b.emit(Instr::Ret);
                } else if self.rangefunc.is_some() {
                    // The end of a range-over-func body: on to the next element.
                    self.range_func_next();
                } else {
                    // The checker guarantees a terminating statement; this end is dead
                    // code as far as Go is concerned, but the builder wants no fall-through.
                    for t in self.result_types.clone() {
                        self.push_zero(t);
                    }
                    self.b.emit(Instr::Ret);
                }
            }
            if self.has_defer {
                // Where a recovered panic resumes: finish as a return of the results.
                // The builder sees no edge into it, so a bound label makes it reachable
                // (with an empty operand stack) before the landing.
                let landing = self.b.new_label();
                self.b.bind(landing);
                self.b.emit(Instr::Landing);
                self.b.emit(Instr::RunDefers);
                let _ = self.run(|fc| fc.load_results());
                self.b.emit(Instr::Ret);
            }
        }
        let plan = layout::frame_plan(prog, param_types, &result_types);
        self.finish().map(|mut f| {
            f.frame = Some(Box::new(plan));
            f
        })
    }

    /// Pushes the values of the result variables (zero values where there are none).
    pub fn load_results(&mut self) -> CResult {
        let types = self.result_types.clone();
        let locs = self.result_locs.clone();
        for (i, &t) in types.iter().enumerate() {
            match locs.get(i) {
                Some(&loc) => self.load_var(loc, t)?,
                None => self.push_zero(t),
            }
        }
        Ok(())
    }

    /// Compiles the synthetic init function of `pkg`: variable initializers in the
    /// checker's order, then the `init` functions.
    pub fn compile_init(cx: &'c mut Ctx<'p>, name: &str, pkg: PkgId) -> Result<Function, Vec<CompileError>> {
        let Some(pinfo) = cx.info.packages.get(&pkg) else {
            // A package without recorded results (nothing to initialize).
            let mut b = FunctionBuilder::new(name, Signature::default());
            b.emit(Instr::Ret);
            return b.finish().map_err(|e| vec![CompileError { pos: name.into(), msg: format!("internal compiler error: {e}") }]);
        };
        let first_file = pinfo.init_order.first().map(|i| i.file).or_else(|| {
            pinfo.init_funcs.first().and_then(|&o| cx.prog.obj(o).pos.map(|p| p.file))
        });
        let Some(file_id) = first_file else {
            let mut b = FunctionBuilder::new(name, Signature::default());
            b.emit(Instr::Ret);
            return b.finish().map_err(|e| vec![CompileError { pos: name.into(), msg: format!("internal compiler error: {e}") }]);
        };
        let _ = symbol_prefix;
        let Some(mut fc) = FuncCompiler::new(cx, name, Signature::default(), file_id) else {
            return Err(vec![CompileError { pos: name.into(), msg: "internal compiler error: no checker tables".into() }]);
        };
        for init in &pinfo.init_order {
            if fc.switch_file(init.file).is_none() || matches!(init.lhs.as_slice(), [o] if fc.cx.linker_set.contains(o)) {
                continue;
            }
            let r = fc.run(|fc| {
                let rhs = init.rhs;
                fc.b.set_line(fc.line(fc.file.expr(rhs).pos));
                let types: Vec<TypeId> = init.lhs.iter().map(|&o| fc.cx.prog.obj(o).ty).collect();
                if let ([o], [t]) = (init.lhs.as_slice(), types.as_slice())
                    && let Some(&addr) = fc.cx.globals.get(o)
                    && fc.is_composite(rhs)
                    && fc.ty(fc.unparen(rhs)) == *t
                {
                    // Built in place: a large array literal never crosses the stack.
                    let cell = fc.b.local(Kind::Pointer);
                    fc.push_addr(addr);
                    fc.b.emit(Instr::Store(cell));
                    let _ = t;
                    return fc.composite_into(fc.unparen(rhs), cell);
                }
                if init.lhs.len() == 1 {
                    fc.expr_to(rhs, types[0])?;
                } else {
                    // A call's results, or a comma-ok form's value and bool.
                    fc.multi_value_to(rhs, &types)?;
                }
                // Store the values right to left: the last one is on top.
                for (&o, &t) in init.lhs.iter().zip(&types).rev() {
                    let loc = VarLoc::Global { addr: fc.cx.globals.get(&o).copied().unwrap_or(0) };
                    if fc.cx.globals.contains_key(&o) {
                        fc.store_top_to(loc, t)?;
                    } else {
                        fc.pop_value(t);
                    }
                }
                Ok(())
            });
            if r.is_err() {
                return Err(fc.errors);
            }
        }
        for &f in &pinfo.init_funcs {
            if let Some((id, sig)) = fc.cx.func_ref(f) {
                fc.b.call(id, &sig);
            }
        }
        fc.b.emit(Instr::Ret);
        fc.finish()
    }

    fn switch_file(&mut self, f: FileId) -> Option<()> {
        let file = self.cx.prog.files.get(f.0 as usize)?.clone();
        self.finfo = self.cx.info.file(f)?;
        self.captured = self.cx.captured_in(f);
        self.file = file;
        self.file_id = f;
        Some(())
    }

    fn finish(self) -> Result<Function, Vec<CompileError>> {
        if !self.errors.is_empty() {
            return Err(self.errors);
        }
        let name = self.file.name.clone();
        self.b.finish().map_err(|e| vec![CompileError { pos: name, msg: format!("internal compiler error: {e}") }])
    }

    /// Runs a compilation step, recording its error.
    pub fn run(&mut self, f: impl FnOnce(&mut Self) -> CResult) -> CResult {
        let r = f(self);
        if let Err(e) = &r {
            self.errors.push(e.clone());
        }
        r
    }

    /// The source line of `pos` in the current file.
    pub fn line(&self, pos: Pos) -> u32 {
        self.inline_line.unwrap_or_else(|| self.file.position(pos).line)
    }

    /// An error at `pos`.
    pub fn err(&self, pos: Pos, msg: impl Into<String>) -> CompileError {
        CompileError { pos: self.cx.position(self.file_id, pos), msg: msg.into() }
    }

    /// The "not implemented yet" error for `what` at `pos`.
    pub fn unimpl(&self, pos: Pos, what: &str) -> CompileError {
        self.err(pos, format!("mvm: not implemented yet: {what}"))
    }

    /// Whether variable `v` of type `t` lives in a heap cell.
    pub fn must_box(&self, v: ObjId, t: TypeId) -> bool {
        self.cx.info.addr_taken.contains(&v)
            || self.captured.contains(&v)
            || matches!(layout::repr(self.cx.prog, t), Some(Repr::Block { .. }))
    }

    /// Allocates a zeroed heap cell of type `t`; returns the slot holding its address.
    pub fn new_box(&mut self, t: TypeId) -> CResult<u32> {
        let ti = self.cx.type_id(t);
        let slot = self.b.local(Kind::Pointer);
        self.b.emit(Instr::Alloc(ti));
        self.b.emit(Instr::Store(slot));
        Ok(slot)
    }

    /// Declares local variable `v` of type `t`, initialized to its zero value.
    pub fn declare_var(&mut self, v: ObjId, t: TypeId) -> CResult<VarLoc> {
        let loc = if self.must_box(v, t) {
            VarLoc::Boxed { slot: self.new_box(t)? }
        } else {
            let kinds = layout::words(self.cx.prog, t);
            let n = u16::try_from(kinds.len()).map_err(|_| self.err(Pos(0), "mvm: variable too large"))?;
            let first = self.b.locals(&kinds);
            let loc = VarLoc::Slots { first, n };
            self.push_zero(t);
            self.b.emit(Instr::StoreSlots { slot: first, n });
            loc
        };
        self.vars.insert(v, loc);
        Ok(loc)
    }

    /// Whether `e` is a composite literal (of a struct or array type) that can be built
    /// in place.
    pub fn is_composite(&self, e: ExprId) -> bool {
        let e = self.unparen(e);
        matches!(self.file.expr(e).kind, frontend::syntax::ast::ExprKind::CompositeLit { .. })
            && matches!(layout::repr(self.cx.prog, self.ty(e)), Some(Repr::Block { .. }))
    }

    /// Declares `v` and stores the value on top of the stack into it.
    pub fn declare_var_from_top(&mut self, v: ObjId, t: TypeId) -> CResult {
        if self.must_box(v, t) {
            let slot = self.new_box(t)?;
            let loc = VarLoc::Boxed { slot };
            self.vars.insert(v, loc);
            self.store_top_to(loc, t)
        } else {
            let kinds = layout::words(self.cx.prog, t);
            let n = u16::try_from(kinds.len()).map_err(|_| self.err(Pos(0), "mvm: variable too large"))?;
            let first = self.b.locals(&kinds);
            self.vars.insert(v, VarLoc::Slots { first, n });
            self.b.emit(Instr::StoreSlots { slot: first, n });
            Ok(())
        }
    }

    /// A scratch local holding a value of type `t`.
    pub fn temp(&mut self, t: TypeId) -> (u32, u16) {
        let kinds = layout::words(self.cx.prog, t);
        let first = self.b.locals(&kinds);
        (first, kinds.len() as u16)
    }

    /// Pushes the zero value of `t`.
    pub fn push_zero(&mut self, t: TypeId) {
        let kinds = layout::words(self.cx.prog, t);
        for _ in &kinds {
            self.b.emit(Instr::Const(0));
        }
        self.b.set_top_kinds(&kinds);
    }

    /// Pops a value of type `t`.
    pub fn pop_value(&mut self, t: TypeId) {
        for _ in layout::words(self.cx.prog, t) {
            self.b.emit(Instr::Pop);
        }
    }

    /// Pushes the value of the variable at `loc`.
    pub fn load_var(&mut self, loc: VarLoc, t: TypeId) -> CResult {
        match loc {
            VarLoc::Slots { first, n } => {
                if n == 1 {
                    self.b.emit(Instr::Load(first));
                } else if n > 0 {
                    self.b.emit(Instr::LoadSlots { slot: first, n });
                }
                Ok(())
            }
            VarLoc::Boxed { slot } => {
                self.b.emit(Instr::Load(slot));
                self.load_mem(t)
            }
            VarLoc::Global { addr } => {
                self.push_addr(addr);
                self.load_mem(t)
            }
        }
    }

    /// Stores the value on top of the stack into the variable at `loc`.
    pub fn store_top_to(&mut self, loc: VarLoc, t: TypeId) -> CResult {
        match loc {
            VarLoc::Slots { first, n } => {
                if n == 1 {
                    self.b.emit(Instr::Store(first));
                } else if n > 0 {
                    self.b.emit(Instr::StoreSlots { slot: first, n });
                }
                Ok(())
            }
            VarLoc::Boxed { .. } | VarLoc::Global { .. } => {
                // Memory stores want the address below the value: park the value.
                let (tmp, n) = self.temp(t);
                if n > 0 {
                    self.b.emit(Instr::StoreSlots { slot: tmp, n });
                }
                self.push_var_addr(loc);
                if n > 0 {
                    self.b.emit(Instr::LoadSlots { slot: tmp, n });
                }
                self.store_mem(t)
            }
        }
    }

    /// Pushes the address of a boxed or global variable.
    pub fn push_var_addr(&mut self, loc: VarLoc) {
        match loc {
            VarLoc::Boxed { slot } => self.b.emit(Instr::Load(slot)),
            VarLoc::Global { addr } => self.push_addr(addr),
            VarLoc::Slots { .. } => self.b.emit(Instr::Const(0)),
        }
    }

    /// Pushes a static address.
    pub fn push_addr(&mut self, addr: u64) {
        self.b.push_i64(addr as i64);
    }

    /// `[addr] -> [value]` for a value of type `t`.
    pub fn load_mem(&mut self, t: TypeId) -> CResult {
        let prog = self.cx.prog;
        let Some(r) = layout::repr(prog, t) else { return Ok(()) };
        if let Repr::Block { size: 0 } = r {
            self.b.emit(Instr::Pop);
            return Ok(());
        }
        for i in layout::load_instrs(r) {
            self.b.emit(i);
        }
        self.b.set_top_kinds(&layout::words(prog, t));
        Ok(())
    }

    /// `[addr, value] -> []` for a value of type `t`.
    pub fn store_mem(&mut self, t: TypeId) -> CResult {
        let Some(r) = layout::repr(self.cx.prog, t) else { return Ok(()) };
        if let Repr::Block { size: 0 } = r {
            self.b.emit(Instr::Pop);
            return Ok(());
        }
        for i in layout::store_instrs(r) {
            self.b.emit(i);
        }
        Ok(())
    }
}

/// The Go function that names body-less `pkg.name` in its own `//go:linkname`.
fn pushed_func(cx: &mut Ctx<'_>, target: &str) -> Option<(FuncId, Signature)> {
    let obj = *cx.push_links.get(target)?;
    cx.func_ref(obj)
}

/// The Go function a body-less declaration pulls with `//go:linkname name pkg.func`
/// (iter's `newcoro` is the runtime's), if the program compiles one.
fn linked_func(cx: &mut Ctx<'_>, file: &frontend::syntax::ast::File, decl: DeclId, name: &str) -> Option<(FuncId, Signature)> {
    let d = file.decl(decl);
    let pragmas = file.directives.get(d.pragmas.range()).unwrap_or(&[]);
    let target = pragmas.iter().find_map(|p| {
        let words: Vec<&str> = file.directive_text(p).split_whitespace().collect();
        match words.as_slice() {
            ["//go:linkname", local, target] if *local == name => Some(target.to_string()),
            _ => None,
        }
    })?;
    let (path, fname) = target.rsplit_once('.')?;
    let pkg = *cx.prog.by_path.get(path)?;
    let obj = cx.prog.lookup_local(cx.prog.package(pkg).scope, fname)?;
    let ObjKind::Func(fi) = &cx.prog.obj(obj).kind else { return None };
    if fi.no_body {
        return None;
    }
    cx.func_ref(obj)
}
