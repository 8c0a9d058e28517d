//! Inlining of tiny functions: a static call of a package-level function or method
//! whose body is one `return expr` of a small expression without calls is compiled as
//! that expression, with the parameters (and receiver) bound to the arguments. A call costs more than the arithmetic
//! of such a function (`func a(i, j int) float64 { return 1 / float64(...) }` in
//! spectral-norm), and gc inlines them too.
//!
//! The expression is compiled in the callee's file (its own types and uses tables);
//! its panics report the call site's line, in the caller's frame (gc shows the inlined
//! function as a frame of its own: a traceback difference only). Inlined bodies do not
//! inline further.

use super::func::{CResult, FuncCompiler, VarLoc};
use super::layout::{self, Repr};
use crate::bytecode::Instr;
use frontend::syntax::ast::{Block, ExprId, ExprKind, File, StmtKind, UnOp};
use frontend::types::info::{FileInfo, Info, Mode, SelectionKind};
use frontend::types::object::{Builtin, FileId, ObjKind};
use frontend::types::{ObjId, Program};

/// Expressions with more nodes than this are not inlined.
const MAX_NODES: usize = 40;

/// A function that calls of it compile as its result expression.
#[derive(Clone, Debug)]
pub(crate) struct Inline {
    /// The file holding the function.
    file: FileId,
    /// Its parameters (blank ones included, as the checker declared them).
    params: Vec<ObjId>,
    /// The expression it returns.
    body: ExprId,
}

/// `Some` when function or method `obj` (non-generic) declared with `body` in `file`
/// qualifies: one unnamed result, a body that is `return e` with `e` small and free of
/// calls, closures and receives, and no parameter (or receiver) whose address is taken.
pub(crate) fn candidate(prog: &Program, info: &Info, fid: FileId, file: &File, fi: &FileInfo, obj: ObjId, body: &Block) -> Option<Inline> {
    let ObjKind::Func(f) = &prog.obj(obj).kind else { return None };
    if !f.tparams.is_empty() || f.results.len() != 1 || !prog.obj(f.results[0]).name.is_empty() {
        return None;
    }
    let sig = prog.types.signature_of(prog.obj(obj).ty)?;
    let params: Vec<ObjId> = f.recv.iter().chain(&f.params).copied().collect();
    if sig.variadic || params.iter().any(|p| info.addr_taken.contains(p)) {
        return None;
    }
    let [s] = body.stmts.as_slice() else { return None };
    let StmtKind::Return(results) = &file.stmt(*s).kind else { return None };
    let [e] = results.as_slice() else { return None };
    simple(prog, file, fi, *e).then_some(Inline { file: fid, params, body: *e })
}

/// Whether `e` is small and made only of operands, operators, field selections,
/// indexing, conversions and `len`/`cap`: nothing that calls, allocates a closure,
/// receives or recovers.
fn simple(prog: &Program, file: &File, fi: &FileInfo, e: ExprId) -> bool {
    let mut stack = vec![e];
    let mut nodes = 0;
    while let Some(x) = stack.pop() {
        nodes += 1;
        if nodes > MAX_NODES {
            return false;
        }
        if fi.type_of(x).is_some_and(|tv| tv.value.is_some()) {
            continue; // a constant
        }
        match &file.expr(x).kind {
            ExprKind::Name(_) | ExprKind::BasicLit { .. } => {}
            ExprKind::Paren(y) | ExprKind::Star(y) => stack.push(*y),
            ExprKind::Unary { op, x: y } if !matches!(op, UnOp::Recv | UnOp::Addr) => stack.push(*y),
            ExprKind::Binary { x: a, y: b, .. } => stack.extend([*a, *b]),
            ExprKind::Selector { x: y, .. } => {
                let field = fi.selections.get(&x).map(|s| s.kind.clone());
                match field {
                    Some(SelectionKind::Field) => stack.push(*y),
                    Some(_) => return false,
                    None => {} // a qualified identifier
                }
            }
            ExprKind::Index { x: a, indices } if indices.len() == 1 && !fi.instances.contains_key(&x) => {
                stack.extend([*a, indices[0]]);
            }
            ExprKind::Call { fun, args, has_dots: false, .. } if args.len() == 1 => {
                let mode = fi.type_of(*fun).map(|tv| tv.mode);
                let len_cap = fi
                    .uses
                    .get(fun)
                    .is_some_and(|&o| matches!(prog.obj(o).kind, ObjKind::Builtin(Builtin::Len | Builtin::Cap)));
                if mode != Some(Mode::TypeExpr) && !len_cap {
                    return false;
                }
                stack.push(args[0]);
            }
            _ => return false,
        }
    }
    true
}

impl FuncCompiler<'_, '_> {
    /// Compiles the call `e` of function `obj` inline if it qualifies (see the module
    /// docs); returns whether it did. For a method, `recv_pushed` says that the
    /// receiver is on the stack (nothing is emitted unless the call is inlined).
    pub fn try_inline(&mut self, e: ExprId, obj: ObjId, args: &[ExprId], has_dots: bool, recv_pushed: bool) -> CResult<bool> {
        let Some(inl) = self.cx.inline.get(&obj).cloned() else { return Ok(false) };
        let nrecv = usize::from(recv_pushed);
        if self.inline_line.is_some() || has_dots || args.len() + nrecv != inl.params.len() {
            return Ok(false);
        }
        let prog = self.cx.prog;
        // Parameters are bound to slots; a struct or array one would need a heap cell
        // (its fields are addressed in memory), which costs more than the call.
        if inl.params.iter().any(|&p| !matches!(layout::repr(prog, prog.obj(p).ty), Some(r) if !matches!(r, Repr::Block { .. }))) {
            return Ok(false);
        }
        let Some(sig) = prog.types.signature_of(prog.obj(obj).ty).cloned() else { return Ok(false) };
        let (Some(file), Some(finfo)) = (prog.files.get(inl.file.0 as usize).cloned(), self.cx.info.file(inl.file)) else {
            return Ok(false);
        };
        let Some(&result_t) = sig.results.first() else { return Ok(false) };
        // The arguments, in order, into the parameters: a variable of the same type is
        // used in place (the body assigns nothing and calls nothing, so it cannot
        // change meanwhile); anything else goes to a fresh slot.
        let mut bound = Vec::with_capacity(inl.params.len());
        if recv_pushed {
            let recv = inl.params[0];
            let (slot, n) = self.temp(prog.obj(recv).ty);
            if n > 0 {
                self.b.emit(Instr::StoreSlots { slot, n });
            }
            bound.push((recv, VarLoc::Slots { first: slot, n }));
        }
        for ((&a, &p), &pt) in args.iter().zip(&inl.params[nrecv..]).zip(&sig.params) {
            let loc = match self.slot_loc(a) {
                Some((first, n)) if self.ty(a) == pt => VarLoc::Slots { first, n },
                _ => {
                    self.expr_to(a, pt)?;
                    let (slot, n) = self.temp(pt);
                    if n > 0 {
                        self.b.emit(Instr::StoreSlots { slot, n });
                    }
                    VarLoc::Slots { first: slot, n }
                }
            };
            bound.push((p, loc));
        }
        let line = self.line(self.file.expr(e).pos);
        let saved = (std::mem::replace(&mut self.file, file), std::mem::replace(&mut self.finfo, finfo), self.file_id);
        self.file_id = inl.file;
        self.inline_line = Some(line);
        for &(p, loc) in &bound {
            self.vars.insert(p, loc);
        }
        let r = self.expr_to(inl.body, result_t);
        for &(p, _) in &bound {
            self.vars.remove(&p);
        }
        self.inline_line = None;
        (self.file, self.finfo, self.file_id) = saved;
        r?;
        self.b.set_top_kinds(&layout::words(prog, result_t));
        Ok(true)
    }
}
