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
//!
//! `continue` is `return true` from the body. Not supported yet (compile errors):
//! `defer` in the body, `goto` out of it, and `break`/`continue` to statements enclosing
//! the loop.

use super::closure::captures_of;
use super::func::{CResult, FuncCompiler};
use crate::bytecode::{Instr, Kind};
use frontend::syntax::Pos;
use frontend::syntax::ast::{Block, ExprId, ExprKind, StmtKind};
use frontend::types::ObjId;
use frontend::types::ty::{BasicKind, TypeId, TypeTable};

const READY: i32 = 0;
const DONE: i32 = 1;
const RETURN_VALUES: i32 = 2;
const RETURN_BARE: i32 = 3;
const EXITED: i32 = 4;

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
        if self.defers_in(body) {
            return Err(self.unimpl(pos, "defer in the body of a range-over-func loop"));
        }
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
        let Some(mut inner) = FuncCompiler::new(self.cx, &name, yield_words, file_id) else { return Err(no_tables) };
        inner.subst = subst;
        inner.rangefunc_setup = Some(RangeFuncSetup { captures: captures.len(), results: result_types.len(), assigns, pos });
        inner.rangefunc = Some(RangeFuncBody { state: 0, results: Vec::new(), result_types: result_types.clone(), label, span: (body.pos.offset(), body.rbrace.offset()) });
        let bool_t = TypeTable::basic(BasicKind::Bool);
        match inner.compile_body(&param_objs, &ysig.params, &[], vec![bool_t], body, &captures) {
            Ok(f) => self.cx.define_func(id, f),
            Err(mut es) => {
                let first = es.remove(0);
                self.errors.append(&mut es);
                return Err(first);
            }
        }

        // The closure object: id, captured cells, state cell, result cells.
        let mut kinds = vec![Kind::Scalar];
        kinds.extend(std::iter::repeat_n(Kind::Pointer, captures.len() + 1 + results.len()));
        let ti = self.cx.custom_type(&format!("closure {name}"), &kinds);
        let obj = self.b.local(Kind::Pointer);
        self.b.set_line(self.line(pos));
        self.b.emit(Instr::Alloc(ti));
        self.b.emit(Instr::Store(obj));
        self.b.emit(Instr::Load(obj));
        self.b.push_i64(i64::from(id));
        self.b.emit(Instr::Store64(0));
        let mut off = 8;
        for &c in &captures {
            self.b.emit(Instr::Load(obj));
            self.var_addr_of(pos, c)?;
            self.b.emit(Instr::Store64(off));
            off += 8;
        }
        for &cell in std::iter::once(&state).chain(&results) {
            self.b.emit(Instr::Load(obj));
            self.b.emit(Instr::Load(cell));
            self.b.emit(Instr::Store64(off));
            off += 8;
        }

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
        if let Some(rf) = &mut self.rangefunc {
            rf.state = state;
            rf.results = cells;
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
        if label.is_some() && label != rf.label.as_deref() {
            return Err(self.unimpl(pos, "break or continue out of a range-over-func loop to an enclosing statement"));
        }
        if is_break {
            let state = rf.state;
            self.set_state(state, DONE);
            self.b.emit(Instr::Const(0));
        } else {
            self.b.emit(Instr::Const(1));
        }
        self.b.emit(Instr::Ret);
        Ok(true)
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

    /// Refuses a `goto` from a range-over-func body to a label outside it.
    pub fn range_func_goto(&self, pos: Pos, label: &str) -> CResult {
        let Some(rf) = &self.rangefunc else { return Ok(()) };
        let inside = self.file.stmts.iter().any(|s| match &s.kind {
            StmtKind::Labeled { label: l, .. } => {
                self.file.name(*l) == label && rf.span.0 < s.pos.offset() && s.pos.offset() < rf.span.1
            }
            _ => false,
        });
        if inside { Ok(()) } else { Err(self.unimpl(pos, "goto out of a range-over-func loop")) }
    }

    fn set_state(&mut self, state: u32, v: i32) {
        self.b.emit(Instr::Load(state));
        self.b.push_i64(i64::from(v));
        self.b.emit(Instr::Store64(0));
    }

}
