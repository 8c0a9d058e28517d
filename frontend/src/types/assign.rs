//! Assignability and assignments (`=`, `:=`, `op=`), with gc's wording
//! (`cannot use x (variable of type int) as string value in assignment`).

use super::check::Checker;
use super::object::ObjKind;
use super::operand::{OpMode, Operand};
use super::ty::{BasicKind, ChanDir, Type, TypeId, TypeTable};
use crate::syntax::ast::{AssignOp, ExprId, ExprKind};

impl Checker<'_> {
    /// Checks that `x` can be assigned to a `t` (or, with `t == None`, gives an untyped
    /// `x` its default type); converts untyped operands. `context` names the place for
    /// the message ("assignment", "argument to f", "return statement", ...).
    pub(super) fn assignment(&mut self, x: &mut Operand, t: Option<TypeId>, context: &str) {
        if x.mode == OpMode::Invalid {
            return;
        }
        if self.is_generic_func_operand(x) {
            self.instantiate_from_target(x, t);
            if x.mode == OpMode::Invalid {
                return;
            }
        }
        match x.mode {
            OpMode::Constant | OpMode::Variable | OpMode::MapIndex | OpMode::Value | OpMode::CommaOk | OpMode::Nil => {}
            _ => {
                let d = self.describe(x);
                self.error(x.expr.map(|e| self.start(e)).unwrap_or_default(), format!("cannot assign {d} to variable in {context}"));
                x.mode = OpMode::Invalid;
                return;
            }
        }
        if self.prog.types.is_untyped(x.ty) {
            let target = match t {
                None => {
                    if x.is_nil() {
                        let pos = x.expr.map(|e| self.start(e)).unwrap_or_default();
                        self.error(pos, format!("use of untyped nil in {context}"));
                        x.mode = OpMode::Invalid;
                        return;
                    }
                    self.default_type(x.ty)
                }
                Some(t) if self.prog.types.is_interface(t) && !self.prog.types.is_type_param(t) => {
                    if x.is_nil() {
                        // nil is assignable to any interface.
                        return;
                    }
                    self.default_type(x.ty)
                }
                Some(t) => t,
            };
            self.convert_untyped_ctx(x, target, context);
            if x.mode == OpMode::Invalid {
                return;
            }
        }
        let Some(t) = t else { return };
        if t == self.invalid() {
            return;
        }
        if let Err(why) = self.assignable_to(x, t) {
            let d = self.describe(x);
            let ts = self.ts(t);
            let msg = if why.is_empty() { format!("cannot use {d} as {ts} value in {context}") } else { format!("cannot use {d} as {ts} value in {context}: {why}") };
            self.error(x.expr.map(|e| self.start(e)).unwrap_or_default(), msg);
            x.mode = OpMode::Invalid;
        }
    }

    /// Instantiates a generic function value from the function type it is assigned to
    /// (reverse type inference), or reports that it needs instantiation.
    fn instantiate_from_target(&mut self, x: &mut Operand, t: Option<TypeId>) {
        let Some(obj) = x.id else { return };
        let tparams = match &self.prog.obj(obj).kind {
            ObjKind::Func(fi) => fi.tparams.clone(),
            _ => return,
        };
        let mut map = std::collections::HashMap::new();
        let ok = match t {
            Some(t) if self.prog.types.signature_of(t).is_some() => {
                let unified = self.unify(x.ty, t, &mut map, &tparams, 0);
                if unified {
                    self.infer_from_cores(&tparams, &mut map);
                }
                unified && tparams.iter().all(|p| map.contains_key(p))
            }
            _ => false,
        };
        let Some(e) = x.expr else { return };
        if !ok {
            let s = self.expr_string(e);
            self.error(self.start(e), format!("cannot use generic function {s} without instantiation"));
            x.mode = OpMode::Invalid;
            return;
        }
        let targs: Vec<TypeId> = tparams.iter().filter_map(|p| map.get(p).copied()).collect();
        let inst = self.subst(x.ty, &map);
        self.record_instance(e, obj, targs, inst);
        let fid = self.fid;
        self.info.file_mut(fid).record_type(e, inst);
        x.ty = inst;
    }

    /// [`Self::convert_untyped`] with the message naming the assignment context.
    fn convert_untyped_ctx(&mut self, x: &mut Operand, target: TypeId, context: &str) {
        let before = self.errors.len();
        self.convert_untyped(x, target);
        if self.errors.len() > before
            && let Some(last) = self.errors.last_mut()
        {
            last.msg = last.msg.replace("value in assignment", &format!("value in {context}"));
        }
    }

    /// Whether `x` is assignable to `t`; the error string explains (may be empty).
    pub(super) fn assignable_to(&mut self, x: &mut Operand, t: TypeId) -> Result<(), String> {
        let v = x.ty;
        if v == self.invalid() || t == self.invalid() {
            return Ok(());
        }
        if self.identical(v, t) {
            return Ok(());
        }
        if self.prog.types.is_untyped(v) {
            if x.is_nil() {
                return if self.has_nil(t) { Ok(()) } else { Err(String::new()) };
            }
            // Untyped constants must be representable (checked by convert_untyped).
            let mut y = x.clone();
            y.expr = None;
            self.silent += 1;
            self.convert_untyped(&mut y, t);
            self.silent -= 1;
            return if y.mode == OpMode::Invalid { Err(String::new()) } else { Ok(()) };
        }
        let (vu, tu) = (self.prog.types.underlying(v), self.prog.types.underlying(t));
        let v_tp = self.prog.types.is_type_param(v);
        let t_tp = self.prog.types.is_type_param(t);
        // Identical underlying types, at least one of them not a named type.
        if !v_tp && !t_tp && self.identical(vu, tu) && (!self.prog.types.has_name(v) || !self.prog.types.has_name(t)) {
            return Ok(());
        }
        // T is an interface (not a type parameter) and V implements it.
        if self.prog.types.is_interface(t) && !t_tp {
            return match self.missing_method(v, t) {
                None => Ok(()),
                Some(why) => Err(format!("{} does not implement {} {why}", self.ts(v), self.ts(t))),
            };
        }
        if self.prog.types.is_interface(v) && !v_tp && !self.prog.types.is_interface(t) {
            // A helpful hint, as gc gives: need a type assertion.
            if self.missing_method(t, v).is_none() {
                return Err("need type assertion".into());
            }
        }
        // Bidirectional channel to a channel type with identical element type.
        if let (Type::Chan(ChanDir::Both, ve), Type::Chan(_, te)) = (self.prog.types.get(vu).clone(), self.prog.types.get(tu).clone())
            && !v_tp
            && !t_tp
            && self.identical(ve, te)
            && (!self.prog.types.has_name(v) || !self.prog.types.has_name(t))
        {
            return Ok(());
        }
        // Type parameters: every type in the set must be assignable.
        if t_tp && !self.prog.types.has_name(v) {
            let ts = self.typeset_of_tparam(t);
            if let Some(terms) = ts.terms.clone()
                && !terms.is_empty()
            {
                for term in terms {
                    let mut y = x.clone();
                    y.ty = v;
                    if self.assignable_to(&mut y, term.ty).is_err() {
                        return Err(String::new());
                    }
                }
                return Ok(());
            }
        }
        if v_tp && !self.prog.types.has_name(t) {
            let ts = self.typeset_of_tparam(v);
            if let Some(terms) = ts.terms.clone()
                && !terms.is_empty()
            {
                for term in terms {
                    let mut y = x.clone();
                    y.ty = term.ty;
                    if self.assignable_to(&mut y, t).is_err() {
                        return Err(String::new());
                    }
                }
                return Ok(());
            }
        }
        Err(String::new())
    }

    /// An assignment statement.
    pub(super) fn assign_stmt(&mut self, pos: crate::syntax::Pos, op: AssignOp, lhs: &[ExprId], rhs: &[ExprId]) {
        match op {
            AssignOp::Define => self.short_var_decl(pos, lhs, rhs),
            AssignOp::Assign => self.assign_vars(lhs, rhs),
            AssignOp::Op(bop) => {
                if lhs.len() != 1 || rhs.len() != 1 {
                    self.error(pos, format!("assignment operation {}= requires single-valued expressions", bop.as_str()));
                    return;
                }
                // x op= y is x = x op y with x evaluated once.
                let mut x = self.binary_assign(pos, bop, lhs[0], rhs[0]);
                if x.mode == OpMode::Invalid {
                    return;
                }
                self.assign_var(lhs[0], &mut x, "assignment");
            }
        }
    }

    /// `lhs = rhs` for lists of equal length, or `a, b = f()`.
    fn assign_vars(&mut self, lhs: &[ExprId], rhs: &[ExprId]) {
        if lhs.len() == rhs.len() {
            let mut rs = Vec::new();
            for &r in rhs {
                self.generic_value_ok = true;
                rs.push(self.expr(r));
            }
            for (l, mut r) in lhs.iter().zip(rs) {
                if r.mode == OpMode::Invalid {
                    self.lhs_var(*l);
                    continue;
                }
                self.assign_var(*l, &mut r, "assignment");
            }
            return;
        }
        if rhs.len() == 1 {
            let x = self.expr_multi(rhs[0]);
            if x.mode == OpMode::Invalid {
                for &l in lhs {
                    self.lhs_var(l);
                }
                return;
            }
            let types = self.prog.types.tuple_elems(x.ty);
            let comma_ok = matches!(x.mode, OpMode::CommaOk | OpMode::MapIndex) && lhs.len() == 2;
            if types.len() == lhs.len() && matches!(self.prog.types.get(x.ty), Type::Tuple(_)) || comma_ok {
                let types = if comma_ok {
                    self.record_comma_ok(rhs[0], x.ty);
                    vec![x.ty, TypeTable::basic(BasicKind::UntypedBool)]
                } else {
                    types
                };
                for (l, t) in lhs.iter().zip(types) {
                    // Messages name the multi-valued expression, as gc's do.
                    let mut op = Operand::value(t, Some(rhs[0]));
                    self.assign_var(*l, &mut op, "assignment");
                }
                return;
            }
            self.assignment_mismatch(lhs.len(), rhs[0], &x);
            for &l in lhs {
                self.lhs_var(l);
            }
            return;
        }
        let pos = self.start(rhs[0]);
        self.error(pos, format!("assignment mismatch: {} variable{} but {} value{}", lhs.len(), super::decl::plural(lhs.len()), rhs.len(), super::decl::plural(rhs.len())));
        for &r in rhs {
            self.expr(r);
        }
        for &l in lhs {
            self.lhs_var(l);
        }
    }

    /// Reports a count mismatch between variables and a multi-valued expression.
    pub(super) fn assignment_mismatch(&mut self, vars: usize, r: ExprId, x: &Operand) {
        let vals = if matches!(self.prog.types.get(x.ty), Type::Tuple(_)) { self.prog.types.tuple_elems(x.ty).len() } else { 1 };
        let is_call = matches!(self.file.expr(super::expr::unparen(&self.file, r)).kind, ExprKind::Call { .. });
        let msg = if is_call {
            let s = self.expr_string(r);
            format!("assignment mismatch: {vars} variable{} but {s} returns {vals} value{}", super::decl::plural(vars), super::decl::plural(vals))
        } else {
            format!("assignment mismatch: {vars} variable{} but {vals} value{}", super::decl::plural(vars), super::decl::plural(vals))
        };
        self.error(self.start(r), msg);
    }

    /// Evaluates an assignment's left-hand side; returns its type (None for `_`).
    pub(super) fn lhs_var(&mut self, l: ExprId) -> Option<TypeId> {
        let file = self.file.clone();
        let inner = super::expr::unparen(&file, l);
        if let ExprKind::Name(n) = &file.expr(inner).kind {
            let name = file.name(*n);
            if name == "_" {
                self.record(l, super::info::Mode::Variable, self.invalid(), None);
                return None;
            }
            // Assigning to a local variable does not count as a use.
            let scope = self.scope();
            if let Some((o, _)) = self.prog.lookup(scope, name)
                && let ObjKind::Var { used, global: false, .. } = self.prog.obj(o).kind.clone()
            {
                let x = self.expr(l);
                if let ObjKind::Var { used: u, .. } = &mut self.prog.obj_mut(o).kind {
                    *u = used;
                }
                return (x.mode != OpMode::Invalid).then_some(x.ty);
            }
        }
        let x = self.expr(l);
        // An assigned indirection is a variable, not a bit cast read.
        let fid = self.fid;
        self.info.file_mut(fid).bitcasts.remove(&inner);
        match x.mode {
            OpMode::Invalid => None,
            OpMode::Variable | OpMode::MapIndex => Some(x.ty),
            _ => {
                let s = self.expr_string(l);
                let msg = if let ExprKind::Selector { x: base, .. } = &file.expr(inner).kind
                    && self.is_map_index_struct(*base)
                {
                    format!("cannot assign to struct field {s} in map")
                } else {
                    format!("cannot assign to {s} (neither addressable nor a map index expression)")
                };
                self.error(self.start(l), msg);
                None
            }
        }
    }

    fn is_map_index_struct(&self, e: ExprId) -> bool {
        let fid = self.fid;
        self.info.file(fid).and_then(|f| f.type_of(super::expr::unparen(&self.file, e))).is_some_and(|tv| tv.mode == super::info::Mode::MapIndex)
    }

    /// Assigns `x` to the variable expression `l`.
    pub(super) fn assign_var(&mut self, l: ExprId, x: &mut Operand, context: &str) {
        let t = self.lhs_var(l);
        match t {
            None => {
                // `_ = x`: x needs a type.
                if self.prog.types.is_untyped(x.ty) {
                    self.assignment(x, None, "assignment to _ identifier");
                }
            }
            Some(t) => self.assignment(x, Some(t), context),
        }
    }

    /// `lhs := rhs`.
    fn short_var_decl(&mut self, pos: crate::syntax::Pos, lhs: &[ExprId], rhs: &[ExprId]) {
        let file = self.file.clone();
        let scope = self.scope();
        let mut new_objs = Vec::new();
        let mut targets: Vec<Option<super::object::ObjId>> = Vec::new();
        let mut any_new = false;
        let mut seen = std::collections::HashSet::new();
        for &l in lhs {
            let ExprKind::Name(n) = &file.expr(l).kind else {
                let s = self.expr_string(l);
                self.error(self.start(l), format!("non-name {s} on left side of :="));
                self.expr(l);
                targets.push(None);
                continue;
            };
            let name = file.name(*n).to_string();
            if name != "_" && !seen.insert(name.clone()) {
                self.error(n.pos, format!("{name} repeated on left side of :="));
                targets.push(None);
                continue;
            }
            if name != "_"
                && let Some(o) = self.prog.lookup_local(scope, &name)
            {
                // Redeclared: assigned, not declared.
                self.record_use(l, o);
                targets.push(Some(o));
                continue;
            }
            let o = self.new_local(*n, ObjKind::Var { field: false, embedded: false, global: false, used: false });
            if name != "_" {
                any_new = true;
            }
            new_objs.push((*n, o));
            targets.push(Some(o));
        }
        if !any_new {
            self.error(pos, "no new variables on left side of :=");
        }
        // Evaluate the right side before the new variables are in scope.
        let new_set: std::collections::HashSet<_> = new_objs.iter().map(|(_, o)| *o).collect();
        if lhs.len() == rhs.len() {
            for (i, &r) in rhs.iter().enumerate() {
                match targets.get(i).copied().flatten() {
                    Some(o) if new_set.contains(&o) => self.init_var(o, None, r, "assignment"),
                    Some(o) => {
                        let mut x = self.expr(r);
                        let t = self.prog.obj(o).ty;
                        self.assignment(&mut x, Some(t), "assignment");
                    }
                    None => {
                        self.expr(r);
                    }
                }
            }
        } else if rhs.len() == 1 {
            let objs: Vec<super::object::ObjId> = targets.iter().map(|t| t.unwrap_or(super::object::ObjId(u32::MAX))).collect();
            if objs.iter().any(|o| o.0 == u32::MAX) {
                self.expr_multi(rhs[0]);
            } else {
                // Existing variables keep their types; new ones take the values' types.
                self.init_vars_tuple(&objs, None, rhs[0]);
            }
        } else {
            self.error(pos, format!("assignment mismatch: {} variable{} but {} value{}", lhs.len(), super::decl::plural(lhs.len()), rhs.len(), super::decl::plural(rhs.len())));
            for &r in rhs {
                self.expr(r);
            }
        }
        for (n, o) in new_objs {
            if self.name_str(n) != "_" {
                self.declare_local(n, o);
                self.unused_candidates.push(o);
            }
        }
    }

    /// Evaluates `l op r` for an op-assignment.
    fn binary_assign(&mut self, pos: crate::syntax::Pos, op: crate::syntax::ast::BinOp, l: ExprId, r: ExprId) -> Operand {
        // `x op= y` reads x: it counts as a use (as in gc).
        self.binary_operands(op, l, r, pos)
    }
}
