//! `for k, v := range f` over an iterator function (Go 1.23), compiled as gc rewrites
//! it: the loop body becomes a closure, the `yield` function, that `f` calls once per
//! element.
//!
//! The loop and its body share a *state cell* (an `int` on the heap, passed to the body
//! after its captured variables in the closure context):
//!
//! - `READY`: the body may run. It is the only state in which calling `yield` is legal;
//!   otherwise the body panics as gc's runtime does (`range function continued
//!   iteration after function for loop body returned false`, or `... after whole loop
//!   exit`).
//! - `DONE`: the body ended the loop with `break`; `yield` returned false.
//! - `RETURN_VALUES` / `RETURN_BARE`: the body executed `return`; the values (if any)
//!   are in result cells, one per result of the enclosing function, also passed in the
//!   context. After `f` returns, the loop returns them (or, inside another range-over-func
//!   body, passes them outwards the same way).
//! - `EXITED`: `f` returned.
//! - `PANIC`: the body is running (or panicked). The body sets it on entry and leaves
//!   it on every exit; if `f` returns with it still set, `f` recovered a panic of the
//!   body and did not resume it, and the loop panics as gc's runtime does.
//! - `FIRST_TARGET + 2i (+1)`: the body executed `break L` (`continue L`) for the
//!   `i`-th labeled statement enclosing the loop; after `f` returns the loop jumps there
//!   (or passes the request outwards from a body).
//!
//! `continue` is `return true` from the body. `defer` in the body defers into the
//! enclosing function's frame, identified by a frame token ([`Instr::FrameToken`],
//! [`Instr::DeferAt`]) passed in the context. `goto` to a label outside the body is
//! `FIRST_GOTO + k` for the `k`-th such label, handled like a `break L`.

use super::closure::captures_of;
use super::func::{CResult, FuncCompiler};
use crate::bytecode::{Instr, Kind};
use frontend::syntax::Pos;
use frontend::syntax::ast::{Block, BranchKind, ExprId, ExprKind, StmtKind};
use frontend::types::ObjId;
use frontend::types::ty::{BasicKind, TypeId, TypeTable};

const READY: i32 = 0;
const DONE: i32 = 1;
const RETURN_VALUES: i32 = 2;
const RETURN_BARE: i32 = 3;
const EXITED: i32 = 4;
const PANIC: i32 = 5;
/// `break` of outer target `i` is `FIRST_TARGET + 2i`, its `continue` one more.
const FIRST_TARGET: i32 = 6;
/// Not a state: what `panicrangestate` takes for a body panic `f` recovered.
const MISSING_PANIC: i32 = -1;
/// `goto` to the `k`-th label outside the body is `FIRST_GOTO + k`.
const FIRST_GOTO: i32 = 10_000;

/// What the loop tells the compiler of its body closure, used up by the prologue.
#[derive(Clone, Debug)]
pub(crate) struct RangeFuncSetup {
    /// Captured variables before the state cell in the closure context.
    captures: usize,
    /// Result cells after it.
    results: usize,
    /// `for k, v = range f`: each left-hand side, with the parameter slot and type of
    /// the value it gets.
    assigns: Vec<(ExprId, u32, TypeId)>,
    /// The loop's position (for the run-time check's line).
    pos: Pos,
}

/// What the body closure of a range-over-func loop knows about its loop.
#[derive(Clone, Debug)]
pub(crate) struct RangeFuncBody {
    /// Slot holding the address of the state cell.
    pub state: u32,
    /// Slots holding the addresses of the result cells (one per result of the
    /// enclosing function).
    pub results: Vec<u32>,
    /// The enclosing function's result types.
    pub result_types: Vec<TypeId>,
    /// The loop's label (`continue L` / `break L` naming the loop itself).
    pub label: Option<String>,
    /// The body's source span (byte offsets): `goto` may not leave it yet.
    pub span: (usize, usize),
    /// Slot holding the enclosing function's frame token ([`Instr::FrameToken`]):
    /// `defer` in the body defers into that frame.
    pub token: u32,
    /// The labeled statements enclosing the loop that `break L`/`continue L` in the
    /// body may name, with whether they take `continue`: the enclosing function's
    /// targets (innermost last), then, if it is a body too, its own loop and the
    /// targets that loop saw.
    pub outer_targets: Vec<(Option<String>, bool)>,
    /// Labels outside the body that `goto`s in it name.
    pub gotos: Vec<String>,
}

impl FuncCompiler<'_, '_> {
    /// The result types a `return` in the code being compiled produces: the real
    /// function's, also from inside range-over-func bodies.
    pub fn outer_result_types(&self) -> Vec<TypeId> {
        match &self.rangefunc {
            Some(rf) => rf.result_types.clone(),
            None => self.result_types.clone(),
        }
    }

    /// `for key, value := range x { body }` with `x` a function.
    #[allow(clippy::too_many_arguments)]
    pub fn range_func(
        &mut self,
        pos: Pos,
        label: Option<String>,
        key: Option<ExprId>,
        value: Option<ExprId>,
        define: bool,
        x: ExprId,
        body: &Block,
    ) -> CResult {
        let prog = self.cx.prog;
        let file = self.file.clone();
        let xt = self.ty(x);
        let Some(fsig) = prog.types.signature_of(xt).cloned() else { return Err(self.unimpl(pos, "range over this type")) };
        let Some(&yield_t) = fsig.params.first() else { return Err(self.err(pos, "internal compiler error: iterator signature")) };
        let Some(ysig) = prog.types.signature_of(yield_t).cloned() else {
            return Err(self.err(pos, "internal compiler error: yield signature"));
        };
        let (Some(iter_words), Some(yield_words)) = (self.cx.signature(xt), self.cx.signature(yield_t)) else {
            return Err(self.err(pos, "internal compiler error: iterator signature"));
        };

        // The iterator, then the shared cells.
        let f_slot = self.b.local(Kind::Pointer);
        self.expr(x)?;
        self.b.emit(Instr::Store(f_slot));
        let int = TypeTable::basic(BasicKind::Int);
        let state = self.new_box(int)?;
        let result_types = self.outer_result_types();
        let mut results = Vec::with_capacity(result_types.len());
        for &t in &result_types {
            results.push(self.new_box(t)?);
        }

        // The body closure: parameters are the iteration variables (`:=`) or unnamed
        // values assigned to the range's left-hand sides (`=`).
        let vars = [key, value];
        let mut param_objs: Vec<Option<ObjId>> = Vec::with_capacity(ysig.params.len());
        let mut assigns: Vec<(ExprId, u32, TypeId)> = Vec::new();
        let mut slot = 0u32;
        for (i, &t) in ysig.params.iter().enumerate() {
            let v = vars.get(i).copied().flatten().filter(|&v| !self.is_blank(v));
            let obj = match v {
                Some(v) if define => match file.expr(v).kind {
                    ExprKind::Name(n) => self.finfo.defs.get(&n.pos).copied(),
                    _ => None,
                },
                Some(v) => {
                    assigns.push((v, slot, t));
                    None
                }
                None => None,
            };
            param_objs.push(obj);
            slot += super::layout::words(prog, t).len() as u32;
        }
        let captures = captures_of(prog, &file, self.finfo, (pos.offset(), body.rbrace.offset()));
        self.closures += 1;
        let name = format!("{}-range{}", self.name.split("-range").next().unwrap_or(&self.name), self.closures);
        let id = self.cx.reserve_func();
        let no_tables = self.err(pos, "internal compiler error: no checker tables");
        let file_id = self.file_id;
        let subst = self.subst.clone();
        let local_targets = self.targets.clone();
        let mut outer_targets: Vec<(Option<String>, bool)> =
            local_targets.iter().map(|t| (t.label.clone(), t.cont.is_some())).collect();
        if let Some(rf) = &self.rangefunc {
            outer_targets.push((rf.label.clone(), true));
            outer_targets.extend(rf.outer_targets.iter().cloned());
        }
        let span = (body.pos.offset(), body.rbrace.offset());
        let gotos = self.escaping_gotos(span);
        let Some(mut inner) = FuncCompiler::new(self.cx, &name, yield_words, file_id) else { return Err(no_tables) };
        inner.subst = subst;
        inner.rangefunc_setup = Some(RangeFuncSetup { captures: captures.len(), results: result_types.len(), assigns, pos });
        inner.rangefunc = Some(RangeFuncBody {
            state: 0,
            results: Vec::new(),
            result_types: result_types.clone(),
            label,
            span,
            token: 0,
            outer_targets: outer_targets.clone(),
            gotos: gotos.clone(),
        });
        let bool_t = TypeTable::basic(BasicKind::Bool);
        let f = inner.compile_body(&param_objs, &ysig.params, &[], vec![bool_t], body, &captures);
        self.define_side_func(pos, id, f)?;

        // The closure object: id, captured cells, state cell, result cells, frame token.
        let mut extra = vec![Kind::Pointer; 1 + results.len()];
        extra.push(Kind::Scalar);
        let obj = self.closure_object(pos, &name, id, &captures, &extra)?;
        let mut off = 8 * (captures.len() as i32 + 1);
        for &cell in std::iter::once(&state).chain(&results) {
            self.b.emit(Instr::Load(obj));
            self.b.emit(Instr::Load(cell));
            self.b.emit(Instr::Store64(off));
            off += 8;
        }
        self.b.emit(Instr::Load(obj));
        match &self.rangefunc {
            Some(rf) => self.b.emit(Instr::Load(rf.token)),
            None => self.b.emit(Instr::FrameToken),
        }
        self.b.emit(Instr::Store64(off));

        // f(yield); then the loop is over, whatever the body asked for.
        self.b.emit(Instr::Load(obj));
        self.b.emit(Instr::Load(f_slot));
        self.b.call_closure(&iter_words);
        let outcome = self.b.local(Kind::Scalar);
        self.b.emit(Instr::Load(state));
        self.b.emit(Instr::Load64(0));
        self.b.emit(Instr::Store(outcome));
        self.b.emit(Instr::Load(state));
        self.b.push_i64(i64::from(EXITED));
        self.b.emit(Instr::Store64(0));
        let no_panic = self.b.new_label();
        self.b.emit(Instr::Load(outcome));
        self.b.branch(Instr::BrNeImm { imm: PANIC as i16, off: 0 }, no_panic);
        self.b.set_line(self.line(pos));
        self.b.push_i64(i64::from(MISSING_PANIC));
        self.call_native(pos, "panicrangestate")?;
        self.b.bind(no_panic);

        let not_values = self.b.new_label();
        self.b.emit(Instr::Load(outcome));
        self.b.branch(Instr::BrNeImm { imm: RETURN_VALUES as i16, off: 0 }, not_values);
        for (&cell, &t) in results.iter().zip(&result_types) {
            self.b.emit(Instr::Load(cell));
            self.load_mem(t)?;
        }
        self.return_values_on_stack()?;
        self.b.bind(not_values);
        // A bare `return` exists only where the results are named (or there are none).
        if self.rangefunc.is_some() || self.result_types.is_empty() || !self.results.is_empty() {
            let not_bare = self.b.new_label();
            self.b.emit(Instr::Load(outcome));
            self.b.branch(Instr::BrNeImm { imm: RETURN_BARE as i16, off: 0 }, not_bare);
            self.bare_return(pos)?;
            self.b.bind(not_bare);
        }
        // `break L` / `continue L` requested by the body.
        for (i, (label, has_cont)) in outer_targets.iter().enumerate() {
            if label.is_none() {
                continue;
            }
            for is_cont in [false, true] {
                if is_cont && !has_cont {
                    continue;
                }
                let code = FIRST_TARGET + 2 * i as i32 + i32::from(is_cont);
                let skip = self.b.new_label();
                self.b.emit(Instr::Load(outcome));
                self.b.branch(Instr::BrNeImm { imm: code as i16, off: 0 }, skip);
                match (local_targets.get(i), i - local_targets.len().min(i)) {
                    (Some(t), _) => {
                        let to = if is_cont { t.cont } else { Some(t.brk) };
                        let Some(to) = to else { return Err(self.err(pos, "internal compiler error: continue target")) };
                        self.b.branch(Instr::Jump(0), to);
                    }
                    (None, 0) => {
                        // The loop whose body this code is: break or continue it.
                        let Some(state) = self.rangefunc.as_ref().map(|rf| rf.state) else {
                            return Err(self.err(pos, "internal compiler error: range-over-func target"));
                        };
                        if is_cont {
                            self.range_func_next();
                        } else {
                            self.set_state(state, DONE);
                            self.b.emit(Instr::Const(0));
                            self.b.emit(Instr::Ret);
                        }
                    }
                    (None, k) => {
                        // A target beyond the enclosing body's loop: pass the request on.
                        let outer = FIRST_TARGET + 2 * (k - 1) as i32 + i32::from(is_cont);
                        let Some(state) = self.rangefunc.as_ref().map(|rf| rf.state) else {
                            return Err(self.err(pos, "internal compiler error: range-over-func target"));
                        };
                        self.set_state(state, outer);
                        self.b.emit(Instr::Const(0));
                        self.b.emit(Instr::Ret);
                    }
                }
                self.b.bind(skip);
            }
        }
        // `goto` out of the body: jump here, or pass it on if the label is outside
        // this body too.
        for (k, name) in gotos.iter().enumerate() {
            let skip = self.b.new_label();
            self.b.emit(Instr::Load(outcome));
            self.b.branch(Instr::BrNeImm { imm: (FIRST_GOTO + k as i32) as i16, off: 0 }, skip);
            if !self.range_func_goto(name)? {
                let l = self.goto_label(name);
                self.b.branch(Instr::Jump(0), l);
            }
            self.b.bind(skip);
        }
        Ok(())
    }

    /// The body closure's prologue, run by `compile_body` after the captured cells are
    /// loaded: the state and result cells from the context, the check that the loop
    /// may still run, and the assignments of `for k, v = range f`.
    pub fn range_func_prologue(&mut self) -> CResult {
        let Some(RangeFuncSetup { captures: ncaptures, results: nresults, assigns, pos }) = self.rangefunc_setup.take() else {
            return Ok(());
        };
        let mut cells = Vec::with_capacity(1 + nresults);
        for i in 0..=nresults {
            let cell = self.b.local(Kind::Pointer);
            self.b.emit(Instr::LoadCtx);
            self.b.emit(Instr::LoadPtr(8 * (ncaptures + 1 + i) as i32));
            self.b.emit(Instr::Store(cell));
            cells.push(cell);
        }
        let state = cells.remove(0);
        let token = self.b.local(Kind::Scalar);
        self.b.emit(Instr::LoadCtx);
        self.b.emit(Instr::Load64(8 * (ncaptures + 2 + nresults) as i32));
        self.b.emit(Instr::Store(token));
        if let Some(rf) = &mut self.rangefunc {
            rf.state = state;
            rf.results = cells;
            rf.token = token;
        }
        // Calling yield when the loop is over panics, as gc's runtime does.
        let ready = self.b.new_label();
        self.b.emit(Instr::Load(state));
        self.b.emit(Instr::Load64(0));
        self.b.emit(Instr::Dup);
        self.b.branch(Instr::BrEqImm { imm: READY as i16, off: 0 }, ready);
        self.b.set_line(self.line(pos));
        self.call_native(pos, "panicrangestate")?;
        self.b.emit(Instr::Const(0));
        self.b.bind(ready);
        self.b.emit(Instr::Pop);
        self.set_state(state, PANIC);
        for (l, slot, t) in assigns {
            let n = super::layout::words(self.cx.prog, t).len() as u16;
            if n > 0 {
                self.b.emit(Instr::LoadSlots { slot, n });
            }
            self.store_top_to_lhs(l, t)?;
        }
        Ok(())
    }

    /// `break` or `continue` with no target inside the body closure: one that leaves
    /// the range-over-func loop (`Ok(false)` when this is not such a body).
    pub fn range_func_branch(&mut self, pos: Pos, is_break: bool, label: Option<&str>) -> CResult<bool> {
        let Some(rf) = &self.rangefunc else { return Ok(false) };
        if let Some(l) = label
            && Some(l) != rf.label.as_deref()
        {
            let Some(i) = rf.outer_targets.iter().position(|(t, _)| t.as_deref() == Some(l)) else {
                return Err(self.err(pos, "internal compiler error: branch without a target"));
            };
            let code = FIRST_TARGET + 2 * i as i32 + i32::from(!is_break);
            let state = rf.state;
            self.set_state(state, code);
            self.b.emit(Instr::Const(0));
            self.b.emit(Instr::Ret);
            return Ok(true);
        }
        if is_break {
            let state = rf.state;
            self.set_state(state, DONE);
            self.b.emit(Instr::Const(0));
            self.b.emit(Instr::Ret);
        } else {
            self.range_func_next();
        }
        Ok(true)
    }

    /// The end of one run of a range-over-func body, by `continue` or by reaching its
    /// end: ready for the next element, `return true`.
    pub fn range_func_next(&mut self) {
        if let Some(state) = self.rangefunc.as_ref().map(|rf| rf.state) {
            self.set_state(state, READY);
        }
        self.b.emit(Instr::Const(1));
        self.b.emit(Instr::Ret);
    }

    /// `return` inside a body closure: the values (converted to the enclosing
    /// function's result types) are on the stack, or `bare` for a `return` without
    /// values in a function with named results. `Ok(false)` outside such bodies.
    pub fn range_func_return(&mut self, bare: bool) -> CResult<bool> {
        let Some(rf) = self.rangefunc.clone() else { return Ok(false) };
        if !bare {
            for (&cell, &t) in rf.results.iter().zip(&rf.result_types).rev() {
                let (tmp, n) = self.temp(t);
                if n > 0 {
                    self.b.emit(Instr::StoreSlots { slot: tmp, n });
                }
                self.b.emit(Instr::Load(cell));
                if n > 0 {
                    self.b.emit(Instr::LoadSlots { slot: tmp, n });
                }
                self.store_mem(t)?;
            }
        }
        self.set_state(rf.state, if bare { RETURN_BARE } else { RETURN_VALUES });
        self.b.emit(Instr::Const(0));
        self.b.emit(Instr::Ret);
        Ok(true)
    }

    /// Defers the func value on the stack: into the enclosing function's frame from a
    /// range-over-func body, else into this frame.
    pub fn emit_defer(&mut self) {
        match &self.rangefunc {
            Some(rf) => {
                self.b.emit(Instr::Load(rf.token));
                self.b.emit(Instr::DeferAt);
            }
            None => self.b.emit(Instr::Defer),
        }
    }

    /// `goto label` in a range-over-func body to a label outside it: ends the loop
    /// with the label's code, for the enclosing function to jump (`Ok(false)` when the
    /// label is inside, or this is no body).
    pub fn range_func_goto(&mut self, label: &str) -> CResult<bool> {
        let Some(rf) = &self.rangefunc else { return Ok(false) };
        if self.label_defined_in(label, rf.span) {
            return Ok(false);
        }
        let Some(k) = rf.gotos.iter().position(|g| g == label) else { return Ok(false) };
        let state = rf.state;
        self.set_state(state, FIRST_GOTO + k as i32);
        self.b.emit(Instr::Const(0));
        self.b.emit(Instr::Ret);
        Ok(true)
    }

    /// Whether a statement labeled `label` lies in the byte span `span`.
    fn label_defined_in(&self, label: &str, span: (usize, usize)) -> bool {
        self.file.stmts.iter().any(|s| match &s.kind {
            StmtKind::Labeled { label: l, .. } => {
                self.file.name(*l) == label && span.0 < s.pos.offset() && s.pos.offset() < span.1
            }
            _ => false,
        })
    }

    /// The labels that `goto`s in the byte span `span` name but that are not defined
    /// there.
    fn escaping_gotos(&self, span: (usize, usize)) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for s in &self.file.stmts {
            if let StmtKind::Branch { kind: BranchKind::Goto, label: Some(l) } = &s.kind
                && span.0 < s.pos.offset()
                && s.pos.offset() < span.1
            {
                let name = self.file.name(*l).to_string();
                if !self.label_defined_in(&name, span) && !out.contains(&name) {
                    out.push(name);
                }
            }
        }
        out
    }

    fn set_state(&mut self, state: u32, v: i32) {
        self.b.emit(Instr::Load(state));
        self.b.push_i64(i64::from(v));
        self.b.emit(Instr::Store64(0));
    }

}
