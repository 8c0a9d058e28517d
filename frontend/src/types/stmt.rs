//! Statements and function bodies: blocks and scopes, assignments, control flow
//! (`if`, `for`, `range` over every rangeable kind including integers and iterator
//! functions, `switch`, type switches, `select`), `go`/`defer`, `return`, labels and
//! branches, "missing return", and "declared and not used".

use std::collections::HashMap;

use super::check::{Checker, PendingBody};
use super::constant::Value;
use super::object::{ObjId, ObjKind, ScopeKind, SrcPos};
use super::operand::{OpMode, Operand};
use super::ty::{BasicKind, ChanDir, Type, TypeId, TypeTable};
use crate::syntax::ast::{AssignOp, Block, BranchKind, CaseClause, ExprId, ExprKind, StmtId, StmtKind, UnOp};

impl Checker<'_> {
    /// Checks a function declaration's body.
    pub(super) fn func_body(&mut self, b: &PendingBody) {
        let prev = self.set_file(b.file);
        let results = match &self.prog.obj(b.func).kind {
            ObjKind::Func(fi) => fi.results.clone(),
            _ => vec![],
        };
        self.env = super::check::Env { scope: Some(b.scope), decl_obj: b.decl_obj, ..Default::default() };
        self.body(b, results);
        self.restore_file(prev);
        self.env = Default::default();
    }

    /// Checks a function literal's body in the current context.
    pub(super) fn closure_body(&mut self, b: &PendingBody, results: Vec<ObjId>) {
        let decl_obj = self.env.decl_obj;
        let iota = self.env.iota.clone();
        self.env = super::check::Env { scope: Some(b.scope), decl_obj, iota, ..Default::default() };
        self.body(b, results);
    }

    fn body(&mut self, b: &PendingBody, results: Vec<ObjId>) {
        self.env.sig = Some(b.sig);
        self.env.results = results;
        let saved_unused = std::mem::take(&mut self.unused_candidates);
        self.stmt_list(&b.body.stmts);
        let has_results = self.prog.types.signature_of(b.sig).is_some_and(|s| !s.results.is_empty());
        if has_results && !self.is_terminating_list(&b.body.stmts, "") {
            self.error(b.body.rbrace, "missing return");
        }
        self.report_unused_vars();
        self.unused_candidates = saved_unused;
    }

    /// Reports local variables declared in the body and never used.
    fn report_unused_vars(&mut self) {
        let mut list = std::mem::take(&mut self.unused_candidates);
        list.sort_by_key(|&o| self.prog.obj(o).pos);
        for o in list {
            let obj = self.prog.obj(o).clone();
            if let ObjKind::Var { used: false, .. } = obj.kind
                && &*obj.name != "_"
                && let Some(p) = obj.pos
            {
                self.error_at(p, format!("declared and not used: {}", obj.name));
            }
        }
    }

    fn stmt_list(&mut self, stmts: &[StmtId]) {
        for &s in stmts {
            self.stmt(s);
        }
    }

    fn block(&mut self, b: &Block) {
        self.open_scope(ScopeKind::Block);
        self.stmt_list(&b.stmts);
        self.close_scope();
    }

    fn stmt(&mut self, s: StmtId) {
        let file = self.file.clone();
        let st = file.stmt(s);
        let pos = st.pos;
        match &st.kind {
            StmtKind::Empty | StmtKind::Bad => {}
            StmtKind::Labeled { stmt, .. } => self.stmt(*stmt),
            StmtKind::Block(b) => self.block(b),
            StmtKind::Expr(e) => self.expr_stmt(*e),
            StmtKind::Send { ch, value } => {
                let c = self.expr(*ch);
                let mut v = self.expr(*value);
                if c.mode == OpMode::Invalid || v.mode == OpMode::Invalid {
                    return;
                }
                match self.core_type(c.ty).map(|t| self.prog.types.get(t).clone()) {
                    Some(Type::Chan(dir, elem)) => {
                        if dir == ChanDir::Recv {
                            let d = self.describe(&c);
                            self.error(pos, format!("invalid operation: cannot send to receive-only channel {d}"));
                            return;
                        }
                        self.assignment(&mut v, Some(elem), "send");
                    }
                    _ => {
                        let d = self.describe(&c);
                        self.error(pos, format!("invalid operation: cannot send to non-channel {d}"));
                    }
                }
            }
            StmtKind::Decl(ids) => self.local_decl(ids),
            StmtKind::Assign { op, lhs, rhs } => self.assign_stmt(pos, *op, lhs, rhs),
            StmtKind::IncDec { x, inc } => {
                let op = if *inc { "++" } else { "--" };
                let mut v = self.expr(*x);
                if v.mode == OpMode::Invalid {
                    return;
                }
                if !self.all_basic(v.ty, BasicKind::is_numeric) {
                    let s = self.expr_string(*x);
                    self.error(pos, format!("invalid operation: {s}{op} (non-numeric type {})", self.ts(v.ty)));
                    return;
                }
                v.mode = OpMode::Value;
                self.assign_var(*x, &mut v, "assignment");
            }
            StmtKind::Go(e) | StmtKind::Defer(e) => {
                let what = if matches!(st.kind, StmtKind::Go(_)) { "go" } else { "defer" };
                let inner = super::expr::unparen(&file, *e);
                if !matches!(file.expr(inner).kind, ExprKind::Call { .. }) {
                    self.error(self.start(*e), format!("expression in {what} must be function call"));
                    self.raw_expr(*e, None, true);
                    return;
                }
                if inner != *e {
                    self.error(self.start(*e), format!("expression in {what} must not be parenthesized"));
                }
                let x = self.raw_expr(inner, None, false);
                if x.mode == OpMode::TypeExpr || matches!(x.mode, OpMode::Constant) && self.is_conversion(inner) {
                    self.error(self.start(*e), format!("{what} requires function call, not conversion"));
                } else if self.is_builtin_not_allowed_in_stmt(inner) {
                    let s = self.expr_string(inner);
                    self.error(self.start(*e), format!("{what} discards result of {s}"));
                }
            }
            StmtKind::Return(results) => self.return_stmt(pos, results),
            // Labels and branches are checked by the parser, as gc does.
            StmtKind::Branch { .. } => {}
            StmtKind::If { init, cond, then, els } => {
                self.open_scope(ScopeKind::Block);
                if let Some(i) = init {
                    self.simple_stmt(*i);
                }
                let mut c = self.expr(*cond);
                if c.mode != OpMode::Invalid && !self.all_basic(c.ty, BasicKind::is_boolean) {
                    self.error(self.start(*cond), "non-boolean condition in if statement");
                } else {
                    self.default_operand(&mut c);
                }
                self.block(then);
                if let Some(e) = els {
                    self.stmt(*e);
                }
                self.close_scope();
            }
            StmtKind::For { init, cond, post, body } => {
                self.open_scope(ScopeKind::Block);
                if let Some(i) = init {
                    self.simple_stmt(*i);
                }
                if let Some(c) = cond {
                    let mut x = self.expr(*c);
                    if x.mode != OpMode::Invalid && !self.all_basic(x.ty, BasicKind::is_boolean) {
                        self.error(self.start(*c), "non-boolean condition in for statement");
                    } else {
                        self.default_operand(&mut x);
                    }
                }
                if let Some(p) = post {
                    if let StmtKind::Assign { op: AssignOp::Define, .. } = &file.stmt(*p).kind {
                        self.error(file.stmt(*p).pos, "cannot declare in post statement of for loop");
                    }
                    self.simple_stmt(*p);
                }
                self.block(body);
                self.close_scope();
            }
            StmtKind::Range { key, value, define, x, body } => self.range_stmt(*key, *value, *define, *x, body),
            StmtKind::Switch { init, tag, clauses, .. } => self.switch_stmt(*init, *tag, clauses),
            StmtKind::TypeSwitch { init, guard, clauses, .. } => self.type_switch_stmt(*init, *guard, clauses),
            StmtKind::Select { clauses, .. } => {
                for c in clauses {
                    self.open_scope(ScopeKind::Block);
                    if let Some(comm) = c.comm {
                        let ok = match &file.stmt(comm).kind {
                            StmtKind::Send { .. } => true,
                            StmtKind::Expr(e) => self.is_recv(*e),
                            StmtKind::Assign { rhs, op: AssignOp::Assign | AssignOp::Define, .. } => rhs.len() == 1 && self.is_recv(rhs[0]),
                            _ => false,
                        };
                        if !ok {
                            self.error(file.stmt(comm).pos, "select case must be receive, send or assign recv");
                        }
                        self.stmt(comm);
                    }
                    self.stmt_list(&c.body);
                    self.close_scope();
                }
            }
        }
    }

    fn is_recv(&self, e: ExprId) -> bool {
        matches!(self.file.expr(super::expr::unparen(&self.file, e)).kind, ExprKind::Unary { op: UnOp::Recv, .. })
    }

    fn is_conversion(&self, call: ExprId) -> bool {
        let fid = self.fid;
        if let ExprKind::Call { fun, .. } = &self.file.expr(call).kind {
            return self.info.file(fid).and_then(|f| f.type_of(*fun)).is_some_and(|tv| tv.mode == super::info::Mode::TypeExpr);
        }
        false
    }

    /// Builtins whose results must be used (they have no side effects).
    fn is_builtin_not_allowed_in_stmt(&self, call: ExprId) -> bool {
        let fid = self.fid;
        if let ExprKind::Call { fun, .. } = &self.file.expr(call).kind {
            let f = super::expr::unparen(&self.file, *fun);
            if let Some(o) = self.info.file(fid).and_then(|fi| fi.uses.get(&f))
                && let ObjKind::Builtin(b) = self.prog.obj(*o).kind
            {
                use super::object::Builtin::*;
                return matches!(b, Append | Cap | Complex | Imag | Len | Make | Max | Min | New | Real | Alignof | Offsetof | Sizeof | Add | Slice | SliceData | String | StringData);
            }
        }
        false
    }

    /// Init and post statements of if/for/switch.
    fn simple_stmt(&mut self, s: StmtId) {
        self.stmt(s);
    }

    /// An expression statement: only calls and receives may stand alone.
    fn expr_stmt(&mut self, e: ExprId) {
        let x = self.raw_expr(e, None, false);
        if x.mode == OpMode::Invalid {
            return;
        }
        let inner = super::expr::unparen(&self.file, e);
        let is_call = matches!(self.file.expr(inner).kind, ExprKind::Call { .. });
        let is_recv = self.is_recv(inner);
        let s = self.expr_string(e);
        if is_call {
            if x.mode == OpMode::TypeExpr {
                self.error(self.start(e), format!("{s} (type) is not an expression"));
            } else if self.is_conversion(inner) || self.is_builtin_not_allowed_in_stmt(inner) {
                let d = self.describe(&x);
                self.error(self.start(e), format!("{d} is not used"));
            }
            return;
        }
        if is_recv {
            return;
        }
        let d = self.describe(&x);
        self.error(self.start(e), format!("{d} is not used"));
    }

    fn return_stmt(&mut self, pos: crate::syntax::Pos, results: &[ExprId]) {
        let Some(sig) = self.env.sig.and_then(|s| self.prog.types.signature_of(s).cloned()) else { return };
        let want = sig.results.clone();
        if results.is_empty() {
            if !want.is_empty() {
                // A bare return needs named results.
                let named = self.env.results.iter().any(|&o| !self.prog.obj(o).name.is_empty());
                if !named {
                    let wt = self.prog.types.tuple(want.clone());
                    let w = self.ts(wt);
                    self.error(pos, format!("not enough return values\n\thave ()\n\twant {w}"));
                } else {
                    // Result variables shadowed in an inner scope make a bare return invalid.
                    let results_vars = self.env.results.clone();
                    for o in results_vars {
                        let name = self.prog.obj(o).name.clone();
                        if name.is_empty() || &*name == "_" {
                            continue;
                        }
                        let scope = self.scope();
                        if let Some((found, _)) = self.prog.lookup(scope, &name)
                            && found != o
                        {
                            self.error(pos, format!("result parameter {name} not in scope at return"));
                        }
                    }
                }
            }
            return;
        }
        if want.is_empty() {
            for &r in results {
                self.raw_expr(r, None, false);
            }
            self.error(self.start(results[0]), "too many return values");
            return;
        }
        let ops: Vec<Operand> = if results.len() == 1 && want.len() > 1 {
            let x = self.expr_multi(results[0]);
            if x.mode == OpMode::Invalid {
                return;
            }
            match self.prog.types.get(x.ty).clone() {
                Type::Tuple(elems) => elems.into_iter().map(|t| Operand::value(t, Some(results[0]))).collect(),
                _ => vec![x],
            }
        } else {
            results
                .iter()
                .map(|&r| {
                    self.generic_value_ok = true;
                    self.expr(r)
                })
                .collect()
        };
        if ops.iter().any(|x| x.mode == OpMode::Invalid) {
            return;
        }
        if ops.len() != want.len() {
            let have = ops.iter().map(|x| if self.prog.types.is_untyped(x.ty) && x.mode == OpMode::Constant { "number".to_string() } else { self.ts(x.ty) }).collect::<Vec<_>>().join(", ");
            let wt = self.prog.types.tuple(want.clone());
                    let w = self.ts(wt);
            let what = if ops.len() < want.len() { "not enough" } else { "too many" };
            let at = if ops.len() < want.len() { pos } else { results.get(want.len()).map(|&r| self.start(r)).unwrap_or(pos) };
            self.error(at, format!("{what} return values\n\thave ({have})\n\twant {w}"));
            return;
        }
        for (mut x, t) in ops.into_iter().zip(want) {
            self.assignment(&mut x, Some(t), "return statement");
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn range_stmt(&mut self, key: Option<ExprId>, value: Option<ExprId>, define: bool, xe: ExprId, body: &Block) {
        self.open_scope(ScopeKind::Block);
        let mut x = self.expr(xe);
        let (kt, vt, max_vars): (TypeId, TypeId, usize) = if x.mode == OpMode::Invalid {
            (self.invalid(), self.invalid(), 2)
        } else {
            let int = TypeTable::basic(BasicKind::Int);
            let core = self.core_type(x.ty);
            match core.map(|c| self.prog.types.get(c).clone()) {
                Some(Type::Basic(k)) if k.is_string() => (int, TypeTable::basic(BasicKind::Int32), 2),
                Some(Type::Basic(k)) if k.is_integer() => {
                    if self.go_minor < 22 {
                        let d = self.describe(&x);
                        self.error(self.start(xe), format!("cannot range over {d}: requires go1.22 or later"));
                    }
                    if self.prog.types.is_untyped(x.ty) {
                        // An untyped constant takes the key variable's type if it has one.
                        let target = key.and_then(|k| if define { None } else { self.peek_type(k) }).unwrap_or_else(|| self.default_type(x.ty));
                        self.convert_untyped(&mut x, target);
                    }
                    (x.ty, self.invalid(), 1)
                }
                Some(Type::Array(_, el)) => (int, el, 2),
                Some(Type::Slice(el)) => (int, el, 2),
                Some(Type::Pointer(p)) => match self.prog.types.under(p).clone() {
                    Type::Array(_, el) => (int, el, 2),
                    _ => {
                        self.cannot_range(&x, xe);
                        (self.invalid(), self.invalid(), 2)
                    }
                },
                Some(Type::Map(k, v)) => (k, v, 2),
                Some(Type::Chan(dir, el)) => {
                    if dir == ChanDir::Send {
                        let d = self.describe(&x);
                        self.error(self.start(xe), format!("cannot range over {d} (receive from send-only channel)"));
                    }
                    (el, self.invalid(), 1)
                }
                Some(Type::Signature(s)) => {
                    // Range-over-func: func(yield func(K[, V]) bool).
                    let ok = s.params.len() == 1 && s.results.is_empty();
                    let yield_sig = ok.then(|| self.prog.types.signature_of(s.params[0]).cloned()).flatten();
                    match yield_sig {
                        Some(y) if y.results.len() == 1 && self.prog.types.basic_kind(y.results[0]).is_some_and(|k| k.is_boolean()) && y.params.len() <= 2 => {
                            let k = y.params.first().copied().unwrap_or(self.invalid());
                            let v = y.params.get(1).copied().unwrap_or(self.invalid());
                            (k, v, y.params.len())
                        }
                        _ => {
                            self.cannot_range(&x, xe);
                            (self.invalid(), self.invalid(), 2)
                        }
                    }
                }
                _ => {
                    self.cannot_range(&x, xe);
                    (self.invalid(), self.invalid(), 2)
                }
            }
        };
        let vars = [key, value];
        let nvars = vars.iter().filter(|v| v.is_some()).count();
        if nvars > max_vars && x.mode != OpMode::Invalid {
            let extra = if max_vars == 0 { key } else { value };
            if let Some(e) = extra {
                let d = self.describe(&x);
                self.error(self.start(e), format!("range over {d} permits only one iteration variable"));
            }
        }
        if define {
            let mut new_objs = Vec::new();
            for (i, v) in vars.iter().enumerate() {
                let Some(v) = v else { continue };
                let t = if i == 0 { kt } else { vt };
                let file = self.file.clone();
                let ExprKind::Name(n) = &file.expr(*v).kind else {
                    let s = self.expr_string(*v);
                    self.error(self.start(*v), format!("non-name {s} on left side of :="));
                    continue;
                };
                let o = self.new_local(*n, ObjKind::Var { field: false, embedded: false, global: false, used: false });
                self.prog.obj_mut(o).ty = t;
                self.record(*v, super::info::Mode::Variable, t, None);
                new_objs.push((*n, o));
            }
            for (n, o) in new_objs {
                if self.name_str(n) != "_" {
                    self.declare_local(n, o);
                    self.unused_candidates.push(o);
                }
            }
        } else {
            for (i, v) in vars.iter().enumerate() {
                let Some(v) = v else { continue };
                let t = if i == 0 { kt } else { vt };
                let mut op = Operand::value(t, None);
                if t != self.invalid() {
                    self.assign_var(*v, &mut op, "range clause");
                } else {
                    self.lhs_var(*v);
                }
            }
        }
        self.block(body);
        self.close_scope();
    }

    /// The type of an assignable expression without reporting or recording anything.
    fn peek_type(&mut self, e: ExprId) -> Option<TypeId> {
        let file = self.file.clone();
        if let ExprKind::Name(n) = &file.expr(e).kind {
            let scope = self.scope();
            let (o, _) = self.prog.lookup(scope, file.name(*n))?;
            let t = self.prog.obj(o).ty;
            return (t != self.invalid()).then_some(t);
        }
        None
    }

    fn cannot_range(&mut self, x: &Operand, xe: ExprId) {
        let d = self.describe(x);
        self.error(self.start(xe), format!("cannot range over {d}"));
    }

    fn switch_stmt(&mut self, init: Option<StmtId>, tag: Option<ExprId>, clauses: &[CaseClause]) {
        self.open_scope(ScopeKind::Block);
        if let Some(i) = init {
            self.simple_stmt(i);
        }
        let mut x = match tag {
            Some(t) => {
                let mut x = self.expr(t);
                self.default_operand(&mut x);
                if x.mode != OpMode::Invalid && !self.comparable(x.ty, true) && !self.has_nil(x.ty) {
                    let d = self.describe(&x);
                    self.error(self.start(t), format!("cannot switch on {d}"));
                    x.mode = OpMode::Invalid;
                }
                x
            }
            None => Operand { mode: OpMode::Constant, ty: TypeTable::basic(BasicKind::Bool), val: Value::Bool(true), expr: None, id: None },
        };
        let mut seen_default = false;
        let mut seen_consts: HashMap<String, crate::syntax::Pos> = HashMap::new();
        for c in clauses {
            if c.is_default {
                if seen_default {
                    self.error(c.pos, "multiple defaults in switch");
                }
                seen_default = true;
            }
            for &ce in &c.cases {
                let mut y = self.expr(ce);
                if x.mode == OpMode::Invalid || y.mode == OpMode::Invalid {
                    continue;
                }
                // Compare as `x == y`.
                let mut xx = x.clone();
                xx.expr = tag;
                self.case_compare(&mut xx, &mut y, ce, tag.is_none());
                if y.mode == OpMode::Constant && x.mode != OpMode::Invalid && y.val.as_bool().is_none() {
                    let key = format!("{} {}", y.val, self.ts(y.ty));
                    if let Some(prev) = seen_consts.get(&key) {
                        let at = self.prog.position(SrcPos { file: self.fid, pos: *prev });
                        let s = self.expr_string(ce);
                        self.error(self.start(ce), format!("duplicate case {s} in expression switch\n\t{at}: previous case"));
                    } else {
                        seen_consts.insert(key, self.start(ce));
                    }
                }
            }
            self.open_scope(ScopeKind::Block);
            self.stmt_list(&c.body);
            self.close_scope();
        }
        self.default_operand(&mut x);
        self.close_scope();
    }

    /// Checks a switch case value against the tag (as `tag == case`).
    fn case_compare(&mut self, x: &mut Operand, y: &mut Operand, ce: ExprId, no_tag: bool) {
        if no_tag {
            let t = Operand { mode: OpMode::Constant, ty: TypeTable::basic(BasicKind::UntypedBool), val: Value::Bool(true), expr: None, id: None };
            if !self.all_basic(y.ty, BasicKind::is_boolean) && !self.assignable_types(&t, y.ty) {
                let d = self.describe(y);
                self.error(self.start(ce), format!("invalid case {} in switch (mismatched types {} and bool)", d.split(" (").next().unwrap_or(&d), self.ts(y.ty)));
                return;
            }
            self.default_operand(y);
            return;
        }
        if self.prog.types.is_untyped(y.ty) {
            self.convert_untyped(y, x.ty);
            if y.mode == OpMode::Invalid {
                return;
            }
        }
        if !y.is_nil() && !self.comparable(x.ty, true) {
            let s = self.expr_string(ce);
            let tag = x.expr.map(|t| self.expr_string(t)).unwrap_or_default();
            let what = match self.prog.types.under(x.ty) {
                Type::Slice(_) => "slice",
                Type::Map(..) => "map",
                Type::Signature(_) => "func",
                _ => "value",
            };
            self.error(self.start(ce), format!("invalid case {s} in switch on {tag} ({what} can only be compared to nil)"));
            return;
        }
        if !self.assignable_types(y, x.ty) && !self.assignable_types(x, y.ty) {
            let s = self.expr_string(ce);
            let tag = x.expr.map(|t| self.expr_string(t)).unwrap_or_default();
            self.error(self.start(ce), format!("invalid case {s} in switch on {tag} (mismatched types {} and {})", self.ts(y.ty), self.ts(x.ty)));
        }
    }

    fn type_switch_stmt(&mut self, init: Option<StmtId>, guard: ExprId, clauses: &[CaseClause]) {
        self.open_scope(ScopeKind::Block);
        if let Some(i) = init {
            self.simple_stmt(i);
        }
        let file = self.file.clone();
        let ExprKind::TypeSwitchGuard { lhs, x: xe } = file.expr(guard).kind.clone() else {
            self.close_scope();
            return;
        };
        let x = self.expr(xe);
        let valid = x.mode != OpMode::Invalid;
        if valid && (!self.prog.types.is_interface(x.ty) || self.prog.types.is_type_param(x.ty)) {
            let d = self.describe(&x);
            self.error(self.start(xe), format!("{d} is not an interface"));
        }
        self.record(guard, super::info::Mode::Value, x.ty, None);
        let mut any_used = false;
        let mut clause_objs = Vec::new();
        let mut seen_types: Vec<(TypeId, crate::syntax::Pos)> = Vec::new();
        let mut seen_default = false;
        for c in clauses {
            if c.is_default {
                if seen_default {
                    self.error(c.pos, "multiple defaults in switch");
                }
                seen_default = true;
            }
            let mut single: Option<TypeId> = None;
            for &ce in &c.cases {
                let y = self.expr_or_type(ce, false);
                match y.mode {
                    // An erroneous case makes the clause variable invalid (no follow-on errors).
                    OpMode::Invalid => single = Some(self.invalid()),
                    OpMode::Nil => {
                        let nil_t = TypeTable::basic(BasicKind::UntypedNil);
                        single = Some(nil_t);
                        if let Some(&(_, prev)) = seen_types.iter().find(|(t, _)| *t == nil_t) {
                            let at = self.prog.position(SrcPos { file: self.fid, pos: prev });
                            self.error(self.start(ce), format!("multiple nil cases in type switch (first at {at})"));
                        } else {
                            seen_types.push((nil_t, self.start(ce)));
                        }
                    }
                    OpMode::TypeExpr => {
                        single = Some(y.ty);
                        let dup = seen_types.iter().find(|(t, _)| *t == y.ty).map(|(_, p)| *p);
                        match dup {
                            Some(prev) => {
                                let at = self.prog.position(SrcPos { file: self.fid, pos: prev });
                                let ts = self.ts(y.ty);
                                self.error(self.start(ce), format!("duplicate case {ts} in type switch\n\t{at}: previous case"));
                            }
                            None => seen_types.push((y.ty, self.start(ce))),
                        }
                        if valid && self.prog.types.is_interface(x.ty) && !self.prog.types.is_interface(y.ty) && !self.has_type_params(y.ty) && !self.has_type_params(x.ty) && let Some(why) = self.missing_method(y.ty, x.ty) {
                            let s = self.expr_string(ce);
                            let xs = self.expr_string(xe);
                            self.error(self.start(ce), format!("impossible type switch case: {xs} (variable of type {}) cannot have dynamic type {s} {why}", self.ts(x.ty)));
                        }
                    }
                    _ => {
                        let s = self.expr_string(ce);
                        self.error(self.start(ce), format!("{s} is not a type"));
                        single = Some(self.invalid());
                    }
                }
            }
            self.open_scope(ScopeKind::Block);
            if let Some(name) = lhs {
                // The clause variable has the case's type if the clause lists exactly one
                // type, else the type of x.
                let t = if c.cases.len() == 1 {
                    match single {
                        Some(t) if t == TypeTable::basic(BasicKind::UntypedNil) => x.ty,
                        Some(t) => t,
                        None => x.ty,
                    }
                } else {
                    x.ty
                };
                let sname = self.name_str(name).to_string();
                let o = self.prog.new_object(&sname, ObjKind::Var { field: false, embedded: false, global: false, used: false }, t, Some(self.pkg), Some(SrcPos { file: self.fid, pos: name.pos }));
                let s = self.scope();
                if sname != "_" {
                    let _ = self.prog.insert(s, o);
                }
                let fid = self.fid;
                self.info.file_mut(fid).implicits.insert(c.pos, o);
                clause_objs.push(o);
            }
            self.stmt_list(&c.body);

            self.close_scope();
        }
        if let Some(name) = lhs {
            for o in &clause_objs {
                if matches!(self.prog.obj(*o).kind, ObjKind::Var { used: true, .. }) {
                    any_used = true;
                }
            }
            let sname = self.name_str(name).to_string();
            if !any_used && sname != "_" {
                self.error(name.pos, format!("declared and not used: {sname}"));
            }
            self.record_def(name.pos, clause_objs.first().copied().unwrap_or(ObjId(0)));
        }
        self.close_scope();
    }

    // ------------------------------------------------------------------
    // Terminating statements (spec: "Terminating statements")

    fn is_terminating_list(&self, stmts: &[StmtId], label: &str) -> bool {
        // Trailing empty statements do not count.
        let last = stmts.iter().rev().find(|&&s| !matches!(self.file.stmt(s).kind, StmtKind::Empty));
        match last {
            Some(&s) => self.is_terminating(s, label),
            None => false,
        }
    }

    fn is_terminating(&self, s: StmtId, label: &str) -> bool {
        let file = &self.file;
        match &file.stmt(s).kind {
            StmtKind::Return(_) => true,
            StmtKind::Branch { kind: BranchKind::Goto | BranchKind::Fallthrough, .. } => true,
            StmtKind::Expr(e) => self.is_panic_call(*e),
            StmtKind::Block(b) => self.is_terminating_list(&b.stmts, ""),
            StmtKind::Labeled { label, stmt } => self.is_terminating(*stmt, file.name(*label)),
            StmtKind::If { then, els: Some(e), .. } => self.is_terminating_list(&then.stmts, "") && self.is_terminating(*e, ""),
            StmtKind::For { cond, body, .. } => cond.is_none() && !self.has_break(&body.stmts, label, true),
            StmtKind::Range { .. } => false,
            StmtKind::Switch { clauses, .. } | StmtKind::TypeSwitch { clauses, .. } => {
                clauses.iter().any(|c| c.is_default)
                    && clauses.iter().all(|c| {
                        (self.is_terminating_list(&c.body, "") || self.ends_in_fallthrough(&c.body)) && !self.has_break(&c.body, label, true)
                    })
            }
            StmtKind::Select { clauses, .. } => clauses.iter().all(|c| self.is_terminating_list(&c.body, "") && !self.has_break(&c.body, label, true)),
            _ => false,
        }
    }

    fn ends_in_fallthrough(&self, stmts: &[StmtId]) -> bool {
        stmts.last().is_some_and(|&s| matches!(self.file.stmt(s).kind, StmtKind::Branch { kind: BranchKind::Fallthrough, .. }))
    }

    fn is_panic_call(&self, e: ExprId) -> bool {
        let fid = self.fid;
        let inner = super::expr::unparen(&self.file, e);
        if let ExprKind::Call { fun, .. } = &self.file.expr(inner).kind {
            let f = super::expr::unparen(&self.file, *fun);
            if let Some(o) = self.info.file(fid).and_then(|fi| fi.uses.get(&f)) {
                return matches!(self.prog.obj(*o).kind, ObjKind::Builtin(super::object::Builtin::Panic));
            }
        }
        false
    }

    /// Whether `stmts` contain a `break` that targets the enclosing statement (an
    /// unlabeled break not nested in another breakable statement, or `break label`).
    fn has_break(&self, stmts: &[StmtId], label: &str, top: bool) -> bool {
        stmts.iter().any(|&s| self.stmt_has_break(s, label, top))
    }

    fn stmt_has_break(&self, s: StmtId, label: &str, top: bool) -> bool {
        let file = &self.file;
        match &file.stmt(s).kind {
            StmtKind::Branch { kind: BranchKind::Break, label: l } => match l {
                None => top,
                Some(n) => file.name(*n) == label && !label.is_empty(),
            },
            StmtKind::Block(b) => self.has_break(&b.stmts, label, top),
            StmtKind::Labeled { stmt, .. } => self.stmt_has_break(*stmt, label, top),
            StmtKind::If { then, els, .. } => self.has_break(&then.stmts, label, top) || els.is_some_and(|e| self.stmt_has_break(e, label, top)),
            // Nested breakable statements: unlabeled breaks inside target them.
            StmtKind::For { body, .. } | StmtKind::Range { body, .. } => self.has_break(&body.stmts, label, false),
            StmtKind::Switch { clauses, .. } | StmtKind::TypeSwitch { clauses, .. } => clauses.iter().any(|c| self.has_break(&c.body, label, false)),
            StmtKind::Select { clauses, .. } => clauses.iter().any(|c| self.has_break(&c.body, label, false)),
            _ => false,
        }
    }
}
