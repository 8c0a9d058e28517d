//! Statements. The operand stack is empty between statements, so every label a
//! statement binds sees an empty stack.

use super::func::{CResult, FuncCompiler, Target, VarLoc};
use super::layout::{self, Repr};
use crate::bytecode::{Instr, Kind, Label};
use frontend::syntax::Pos;
use frontend::syntax::ast::{AssignOp, BinOp, Block, BranchKind, CaseClause, DeclKind, ExprId, ExprKind, StmtId, StmtKind, UnOp};
use frontend::types::ObjId;
use frontend::types::object::Builtin;
use frontend::types::ty::{BasicKind, Type, TypeId, TypeTable};

impl FuncCompiler<'_, '_> {
    /// Compiles a statement list.
    pub fn block(&mut self, stmts: &[StmtId]) -> CResult {
        for &s in stmts {
            // Dead code after a `panic`, `return` or jump: simple statements are not
            // compiled (they hold no labels, so nothing can jump into them; compiling
            // them would start expressions from a made-up empty operand stack).
            let simple = matches!(
                self.file.stmt(s).kind,
                StmtKind::Expr(_) | StmtKind::Send { .. } | StmtKind::Assign { .. } | StmtKind::IncDec { .. }
                    | StmtKind::Go(_) | StmtKind::Defer(_) | StmtKind::Return(_)
            );
            if simple && self.b.depth().is_none() {
                continue;
            }
            self.stmt(s)?;
        }
        Ok(())
    }

    pub(super) fn stmt(&mut self, s: StmtId) -> CResult {
        self.stmt_inner(s)?;
        // Statements leave the operand stack empty: anything else is a compiler bug,
        // reported rather than run.
        match self.b.depth() {
            Some(0) | None => Ok(()),
            Some(d) => {
                let pos = self.file.stmt(s).pos;
                Err(self.err(pos, format!("internal compiler error: {d} words left on the operand stack")))
            }
        }
    }

    fn stmt_inner(&mut self, s: StmtId) -> CResult {
        let file = self.file.clone();
        let st = file.stmt(s);
        let pos = st.pos;
        let label = self.pending_label.take();
        self.b.set_line(self.line(pos));
        match &st.kind {
            StmtKind::Empty | StmtKind::Bad => Ok(()),
            StmtKind::Labeled { label, stmt } => {
                let name = file.name(*label).to_string();
                let l = self.goto_label(&name);
                self.b.bind(l);
                self.pending_label = Some(name);
                self.stmt(*stmt)
            }
            StmtKind::Block(b) => self.block(&b.stmts),
            StmtKind::Expr(e) => {
                self.expr(*e)?;
                let t = self.ty(*e);
                self.pop_value(t);
                Ok(())
            }
            StmtKind::Decl(decls) => {
                for &d in decls {
                    if let DeclKind::Var { names, values, .. } = &file.decl(d).kind {
                        let objs: Vec<Option<ObjId>> = names.iter().map(|n| self.finfo.defs.get(&n.pos).copied()).collect();
                        self.define(pos, &objs, values)?;
                    }
                }
                Ok(())
            }
            StmtKind::Assign { op, lhs, rhs } => match op {
                AssignOp::Define => {
                    let objs: Vec<Option<ObjId>> = lhs
                        .iter()
                        .map(|&l| match file.expr(l).kind {
                            ExprKind::Name(n) => self.finfo.defs.get(&n.pos).copied(),
                            _ => None,
                        })
                        .collect();
                    // Names already declared are plain assignments.
                    let mut all_new = true;
                    for o in &objs {
                        all_new &= o.is_some();
                    }
                    if all_new {
                        return self.define(pos, &objs, rhs);
                    }
                    self.assign(pos, lhs, rhs, &objs)
                }
                AssignOp::Assign => self.assign(pos, lhs, rhs, &vec![None; lhs.len()]),
                AssignOp::Op(op) => {
                    let ([l], [r]) = (lhs.as_slice(), rhs.as_slice()) else {
                        return Err(self.err(pos, "internal compiler error: op-assignment arity"));
                    };
                    self.op_assign(pos, *l, *op, Some(*r))
                }
            },
            StmtKind::IncDec { x, inc } => self.op_assign(pos, *x, if *inc { BinOp::Add } else { BinOp::Sub }, None),
            StmtKind::Return(results) => self.ret(pos, results),
            StmtKind::Branch { kind, label } => {
                let name = label.map(|l| file.name(l).to_string());
                self.branch_stmt(pos, *kind, name)
            }
            StmtKind::If { init, cond, then, els } => {
                if let Some(i) = init {
                    self.stmt(*i)?;
                }
                let else_l = self.b.new_label();
                self.cond_branch(*cond, else_l, false)?;
                self.block(&then.stmts)?;
                match els {
                    Some(els) => {
                        let end = self.b.new_label();
                        self.b.branch(Instr::Jump(0), end);
                        self.b.bind(else_l);
                        self.stmt(*els)?;
                        self.b.bind(end);
                    }
                    None => self.b.bind(else_l),
                }
                Ok(())
            }
            StmtKind::For { init, cond, post, body } => self.for_stmt(label, *init, *cond, *post, body),
            StmtKind::Range { key, value, define, x, body } => self.range(pos, label, *key, *value, *define, *x, body),
            StmtKind::Switch { init, tag, clauses, .. } => self.switch(label, *init, *tag, clauses),
            StmtKind::TypeSwitch { init, guard, clauses, .. } => self.type_switch(label, *init, *guard, clauses),
            StmtKind::Select { clauses, .. } => self.select_stmt(label, clauses),
            StmtKind::Go(call) => self.go_stmt(pos, *call),
            StmtKind::Defer(call) => self.defer_stmt(pos, *call),
            StmtKind::Send { ch, value } => self.send_stmt(pos, *ch, *value),
        }
    }

    /// The `goto` target of label `name` (created on first mention).
    pub fn goto_label(&mut self, name: &str) -> Label {
        if let Some(&l) = self.goto_labels.get(name) {
            return l;
        }
        let l = self.b.new_label();
        self.goto_labels.insert(name.to_string(), l);
        l
    }

    /// `var a, b = x, y` / `a, b := x, y` where every name is new.
    fn define(&mut self, pos: Pos, objs: &[Option<ObjId>], values: &[ExprId]) -> CResult {
        let types: Vec<TypeId> = objs.iter().map(|o| o.map_or(TypeTable::INVALID, |o| self.obj_ty(o))).collect();
        if values.is_empty() {
            for (o, &t) in objs.iter().zip(&types) {
                if let Some(o) = o {
                    self.declare_var(*o, t)?;
                }
            }
            return Ok(());
        }
        if let ([Some(o)], [v], [t]) = (objs, values, types.as_slice())
            && self.is_composite(*v)
            && self.ty(self.unparen(*v)) == *t
            && self.must_box(*o, *t)
        {
            // Built in place in the variable's cell.
            let slot = self.new_box(*t)?;
            self.composite_into(self.unparen(*v), slot)?;
            self.vars.insert(*o, VarLoc::Boxed { slot });
            return Ok(());
        }
        if values.len() == objs.len() {
            for (&v, &t) in values.iter().zip(&types) {
                self.expr_to(v, t)?;
            }
        } else if let [v] = values {
            self.multi_value_to(*v, &types)?;
        } else {
            return Err(self.err(pos, "internal compiler error: declaration arity"));
        }
        for (o, &t) in objs.iter().zip(&types).rev() {
            match o {
                Some(o) => self.declare_var_from_top(*o, t)?,
                None => self.pop_value(t),
            }
        }
        Ok(())
    }

    /// Whether `e` is used in its `v, ok` form (type assertion, map index, receive).
    fn is_comma_ok(&self, e: ExprId) -> bool {
        self.finfo.type_of(e).is_some_and(|tv| tv.mode == frontend::types::info::Mode::CommaOk)
    }

    /// Pushes the `n` values of the right side `e` of a multi-value assignment: a call's
    /// results, or the value and success of a comma-ok expression.
    pub fn multi_value(&mut self, e: ExprId, n: usize) -> CResult {
        if n == 2 && self.is_map_index(e) {
            return self.map_index(e, true);
        }
        if n == 2 && self.is_comma_ok(e) {
            let u = self.unparen(e);
            return match self.file.expr(u).kind {
                ExprKind::TypeAssert { x, .. } => {
                    // The checker records `(T, untyped bool)` for the comma-ok form.
                    let t = self.cx.prog.types.tuple_elems(self.ty(u)).first().copied().unwrap_or(TypeTable::INVALID);
                    self.type_assert(u, x, t, true)
                }
                _ => self.recv_expr(u, true),
            };
        }
        self.expr(e)
    }

    /// `lhs... = rhs...` (and `:=` redeclaring some names: `objs[i]` is the new object).
    fn assign(&mut self, pos: Pos, lhs: &[ExprId], rhs: &[ExprId], objs: &[Option<ObjId>]) -> CResult {
        let prog = self.cx.prog;
        // The type each value is converted to; `_` takes the value's own type.
        let rhs_types: Vec<TypeId> = match rhs {
            [r] if lhs.len() > 1 => prog.types.tuple_elems(self.ty(*r)),
            _ => rhs.iter().map(|&r| self.ty(r)).collect(),
        };
        let types: Vec<TypeId> = lhs
            .iter()
            .zip(objs)
            .enumerate()
            .map(|(i, (&l, o))| match o {
                Some(o) => self.obj_ty(*o),
                None if self.is_blank(l) => rhs_types.get(i).copied().unwrap_or(TypeTable::INVALID),
                None => {
                    // A name redeclared by `:=` has no recorded expression type.
                    let named = match self.file.expr(self.unparen(l)).kind {
                        ExprKind::Name(_) => self.finfo.uses.get(&self.unparen(l)).map(|&o| self.obj_ty(o)),
                        _ => None,
                    };
                    match named {
                        Some(t) => t,
                        None if self.ty(l) != TypeTable::INVALID => self.ty(l),
                        None => rhs_types.get(i).copied().unwrap_or(TypeTable::INVALID),
                    }
                }
            })
            .collect();
        if let ([l], [r]) = (lhs, rhs)
            && objs.first().is_some_and(Option::is_none)
            && !self.is_blank(*l)
            && !matches!(self.file.expr(self.unparen(*l)).kind, ExprKind::Name(_))
        {
            if self.is_map_index(*l) {
                return self.map_assign(*l, *r);
            }
            // One memory location: address first, then the value (the common `a[i] = v`).
            let t = types[0];
            if self.store_index_imm(*l, *r, t) {
                return Ok(());
            }
            // gc computes the value before it checks the left side's pointer for nil
            // or its index against the length. The forms below keep that order. A
            // variable held in a slot cannot change while the value is computed (one a
            // closure could assign lives in a heap cell).
            // `p.f = v`: the value, then one store through the slot.
            if let Some((slot, off)) = self.slot_field(*l) {
                self.expr_to(*r, t)?;
                self.b.emit(Instr::StoreField { slot, off });
                return Ok(());
            }
            // `s[i] = v`: the value, then one checked store.
            if self.store_index_slots(*l, *r, t)? {
                return Ok(());
            }
            // A value without calls changes nothing: it may go first whenever the left
            // side's operands are plain variables, whose evaluation cannot panic.
            if self.plain_lhs_operands(*l) && !frontend::types::info::has_call_or_recv(&self.file, Some(self.finfo), *r) {
                self.expr_to(*r, t)?;
                return self.store_top_to_lhs(*l, t);
            }
            // `s[i] = f()` of a slice: s and i first, then the value, then the check.
            if self.index_after_value(*l, *r, t)? {
                return Ok(());
            }
            // Otherwise the left side's operands come first; an indirection's nil check
            // is left to the store where that is safe.
            self.lazy_nil_check = true;
            self.addr(*l)?;
            self.expr_to(*r, t)?;
            return self.store_mem(t);
        }
        // Phase one (several left sides): the operands of index expressions and
        // indirections on the left are evaluated before the right side.
        let mut addrs: Vec<Option<u32>> = vec![None; lhs.len()];
        let mut map_lhs = vec![None; lhs.len()];
        if lhs.len() > 1 {
            for (i, (&l, o)) in lhs.iter().zip(objs).enumerate() {
                let u = self.unparen(l);
                if o.is_some() || self.is_blank(l) || matches!(self.file.expr(u).kind, ExprKind::Name(_)) {
                    continue;
                }
                if self.is_map_index(l) {
                    map_lhs[i] = Some(self.map_lhs(l)?);
                    continue;
                }
                let slot = self.b.local(Kind::Pointer);
                self.addr(l)?;
                self.b.emit(Instr::Store(slot));
                if let Some(a) = addrs.get_mut(i) {
                    *a = Some(slot);
                }
            }
        }
        if rhs.len() == lhs.len() {
            for (&r, &t) in rhs.iter().zip(&types) {
                self.expr_to(r, t)?;
            }
        } else if let [r] = rhs {
            self.multi_value_to(*r, &types)?;
        } else {
            return Err(self.err(pos, "internal compiler error: assignment arity"));
        }
        if let ([l], [o], [t]) = (lhs, objs, types.as_slice()) {
            return match o {
                Some(o) => self.declare_var_from_top(*o, *t),
                None => self.store_top_to_lhs(*l, *t),
            };
        }
        // Several: park the values, then assign left to right (`a, a = 1, 2` leaves 2).
        let mut temps = Vec::with_capacity(types.len());
        for &t in &types {
            temps.push(self.temp(t));
        }
        for &(slot, n) in temps.iter().rev() {
            if n > 0 {
                self.b.emit(Instr::StoreSlots { slot, n });
            }
        }
        for (((((&l, o), &t), &(slot, n)), addr), ml) in lhs.iter().zip(objs).zip(&types).zip(&temps).zip(&addrs).zip(&map_lhs) {
            if let Some(ml) = ml {
                self.map_lhs_push(ml);
                if n > 0 {
                    self.b.emit(Instr::LoadSlots { slot, n });
                }
                self.map_lhs_store(ml);
                continue;
            }
            if let Some(a) = addr {
                self.b.emit(Instr::Load(*a));
            }
            if n > 0 {
                self.b.emit(Instr::LoadSlots { slot, n });
            }
            match (o, addr) {
                (_, Some(_)) => self.store_mem(t)?,
                (Some(o), None) => self.declare_var_from_top(*o, t)?,
                (None, None) => self.store_top_to_lhs(l, t)?,
            }
        }
        Ok(())
    }

    pub fn is_blank(&self, l: ExprId) -> bool {
        matches!(self.file.expr(l).kind, ExprKind::Name(n) if self.file.name(n) == "_")
    }

    /// The frame slots (first, count) of the local variable that `e` names, when it is
    /// held in slots rather than a heap cell. The other slot queries build on it.
    pub fn slot_loc(&self, e: ExprId) -> Option<(u32, u16)> {
        let e = self.unparen(e);
        let ExprKind::Name(_) = self.file.expr(e).kind else { return None };
        match self.vars.get(self.finfo.uses.get(&e)?)? {
            VarLoc::Slots { first, n } => Some((*first, *n)),
            _ => None,
        }
    }

    /// The single slot of a one-word local variable that `e` names.
    pub fn slot_var(&self, e: ExprId) -> Option<u32> {
        match self.slot_loc(e)? {
            (first, 1) => Some(first),
            _ => None,
        }
    }

    /// The slot holding the length (`len`) or capacity of the string or slice variable
    /// `x` when its header is in frame slots.
    pub fn len_cap_slot(&self, x: ExprId, len: bool) -> Option<u32> {
        let (first, n) = self.slot_loc(x)?;
        let word = match (self.cx.prog.types.under(self.ty(x)), len) {
            (Type::Basic(BasicKind::String), true) | (Type::Slice(_), true) => 1,
            (Type::Slice(_), false) => 2,
            _ => return None,
        };
        (word < n).then_some(first + u32::from(word))
    }

    /// The frame slot an integer operand reads directly: a one-word local variable, or
    /// `len`/`cap` of a string or slice variable held in slots.
    fn word_slot(&self, e: ExprId) -> Option<u32> {
        if let Some(s) = self.slot_var(e) {
            return Some(s);
        }
        let e = self.unparen(e);
        let ExprKind::Call { fun, args, .. } = &self.file.expr(e).kind else { return None };
        let [x] = args.as_slice() else { return None };
        let o = self.finfo.uses.get(&self.unparen(*fun))?;
        match &self.cx.prog.obj(*o).kind {
            frontend::types::object::ObjKind::Builtin(b) if matches!(b, Builtin::Len | Builtin::Cap) => self.len_cap_slot(*x, *b == Builtin::Len),
            _ => None,
        }
    }

    /// `p.f` for a one-slot pointer variable `p` and a one-word field (scalar or
    /// pointer) at a constant offset, through embedded structs held by value: the slot
    /// and the offset, for [`Instr::LoadField`] and [`Instr::StoreField`].
    pub fn slot_field(&self, e: ExprId) -> Option<(u16, i32)> {
        let (slot, off, t) = self.slot_field_any(e)?;
        match layout::repr(self.cx.prog, t)? {
            Repr::Int { bits: 64, .. } | Repr::F64 | Repr::Ptr => Some((slot, off)),
            _ => None,
        }
    }

    /// `p.f` for a one-slot pointer variable `p`, a field of any type at a constant
    /// offset (through embedded structs held by value): the slot, the offset and the
    /// field's type, so that words of it load with [`Instr::LoadField`].
    pub fn slot_field_any(&self, e: ExprId) -> Option<(u16, i32, TypeId)> {
        let e = self.unparen(e);
        let ExprKind::Selector { x, .. } = self.file.expr(e).kind else { return None };
        let sel = self.finfo.selections.get(&e)?;
        if sel.kind != frontend::types::info::SelectionKind::Field {
            return None;
        }
        let slot = u16::try_from(self.slot_var(x)?).ok()?;
        let prog = self.cx.prog;
        let Type::Pointer(mut cur) = *prog.types.under(self.ty(x)) else { return None };
        let mut off = 0i64;
        for &i in &sel.index {
            // An embedded pointer on the way ends the match: it would need a load.
            let Type::Struct(fields) = prog.types.under(cur) else { return None };
            off += frontend::types::sizes::offsets_of(prog, cur).get(i).copied().flatten()?;
            cur = fields.get(i)?.ty;
        }
        Some((slot, i32::try_from(off).ok()?, cur))
    }

    /// Pushes the data pointer and the length of the string or slice `x` when they can be
    /// read without the rest of its header: a variable in slots, or a field through a
    /// pointer in a slot. Returns whether it did.
    pub fn push_ptr_len(&mut self, x: ExprId) -> bool {
        let is_header = |c: &Self, t: TypeId| matches!(c.cx.prog.types.under(t), Type::Slice(_) | Type::Basic(BasicKind::String));
        if let Some(len) = self.len_cap_slot(x, true) {
            self.b.emit(Instr::Load(len - 1));
            self.b.emit(Instr::Load(len));
            return true;
        }
        match self.slot_field_any(x) {
            Some((slot, off, t)) if is_header(self, t) && off.checked_add(8).is_some() => {
                self.b.emit(Instr::LoadFieldPtr { slot, off });
                self.b.emit(Instr::LoadField { slot, off: off + 8 });
                true
            }
            _ => false,
        }
    }

    /// `s[i] = v` for a slice `s`: the operands `s` and `i` into slots, then the value,
    /// then the bounds-checked store, in gc's order (the value's panic comes before the
    /// index's). Returns whether `l` was such an index.
    fn index_after_value(&mut self, l: ExprId, r: ExprId, t: TypeId) -> CResult<bool> {
        let ExprKind::Index { x, indices } = &self.file.expr(self.unparen(l)).kind else { return Ok(false) };
        let ([i], Type::Slice(elem)) = (indices.as_slice(), self.cx.prog.types.under(self.ty(*x))) else { return Ok(false) };
        let (x, i, size) = (*x, *i, layout::size_of(self.cx.prog, *elem));
        let Ok(size) = u32::try_from(size) else { return Ok(false) };
        let (p, n, k) = (self.b.local(Kind::Pointer), self.b.local(Kind::Scalar), self.b.local(Kind::Scalar));
        self.expr(x)?;
        self.b.emit(Instr::Pop);
        self.b.emit(Instr::Store(n));
        self.b.emit(Instr::Store(p));
        self.expr_to(i, TypeTable::basic(BasicKind::Int))?;
        self.b.emit(Instr::Store(k));
        self.expr_to(r, t)?;
        let (tmp, words) = self.temp(t);
        if words > 0 {
            self.b.emit(Instr::StoreSlots { slot: tmp, n: words });
        }
        self.b.emit(Instr::Load(p));
        self.b.emit(Instr::Load(k));
        self.b.emit(Instr::Load(n));
        self.b.set_line(self.line(self.file.expr(l).pos));
        let index = if self.signed_index(i) { Instr::Index(size) } else { Instr::IndexU(size) };
        self.b.emit(index);
        if words > 0 {
            self.b.emit(Instr::LoadSlots { slot: tmp, n: words });
        }
        self.store_mem(t)?;
        Ok(true)
    }

    /// Whether evaluating the operands of the left side `l` cannot panic: `x.f` (also
    /// through embedded fields) and `*x` for a variable `x`, and `x[i]` of a variable
    /// with a variable or constant index. (The indirection and the index check come
    /// with the store.)
    fn plain_lhs_operands(&self, l: ExprId) -> bool {
        let is_var = |c: &Self, e: ExprId| {
            let e = c.unparen(e);
            matches!(c.file.expr(e).kind, ExprKind::Name(_)) && c.finfo.uses.get(&e).is_some_and(|o| c.vars.contains_key(o) || c.cx.globals.contains_key(o))
        };
        let is_const = |c: &Self, e: ExprId| c.finfo.type_of(e).is_some_and(|tv| tv.value.is_some());
        let mut cur = self.unparen(l);
        for _ in 0..64 {
            match &self.file.expr(cur).kind {
                ExprKind::Selector { x, .. } => {
                    let field = self.finfo.selections.get(&cur).is_some_and(|s| s.kind == frontend::types::info::SelectionKind::Field);
                    if !field {
                        return false;
                    }
                    if matches!(self.cx.prog.types.under(self.ty(*x)), Type::Pointer(_)) {
                        return is_var(self, *x);
                    }
                    cur = self.unparen(*x);
                }
                ExprKind::Star(x) => return is_var(self, *x),
                ExprKind::Index { x, indices } => {
                    return matches!(indices.as_slice(), [i] if is_var(self, *i) || is_const(self, *i)) && is_var(self, *x);
                }
                ExprKind::Name(_) => return is_var(self, cur),
                _ => return false,
            }
        }
        false
    }

    /// Stores the value on top of the stack (of type `t`) into the left side `l`.
    pub fn store_top_to_lhs(&mut self, l: ExprId, t: TypeId) -> CResult {
        let pos = self.file.expr(l).pos;
        if self.is_blank(l) {
            // `_ = x`: the value's own words.
            self.pop_value(t);
            return Ok(());
        }
        let u = self.unparen(l);
        if self.is_map_index(u) {
            return self.map_store_top(u, t);
        }
        if let ExprKind::Name(_) = self.file.expr(u).kind {
            let Some(&o) = self.finfo.uses.get(&u) else { return Err(self.err(pos, "internal compiler error: unresolved name")) };
            let loc = match self.vars.get(&o).copied() {
                Some(l) => l,
                None => match self.cx.globals.get(&o) {
                    Some(&addr) => VarLoc::Global { addr },
                    None => return Err(self.unimpl(pos, "variables of enclosing functions (closures)")),
                },
            };
            return self.store_top_to(loc, t);
        }
        if layout::words(self.cx.prog, t).len() == 1 {
            self.addr(l)?;
            self.b.emit(Instr::Swap);
            return self.store_mem(t);
        }
        let (tmp, n) = self.temp(t);
        if n > 0 {
            self.b.emit(Instr::StoreSlots { slot: tmp, n });
        }
        self.addr(l)?;
        if n > 0 {
            self.b.emit(Instr::LoadSlots { slot: tmp, n });
        }
        self.store_mem(t)
    }

    /// `x op= y`, or `x++`/`x--` when `y` is `None`.
    fn op_assign(&mut self, pos: Pos, x: ExprId, op: BinOp, y: Option<ExprId>) -> CResult {
        if self.is_map_index(x) {
            return self.map_op_assign(pos, x, op, y);
        }
        let t = self.ty(x);
        let r = self.repr_at(x, t)?;
        // `i++`, `i += 3` on a word-sized integer in a slot: one instruction.
        if let Some(slot) = self.slot_var(x)
            && let Repr::Int { bits: 64, .. } = r
            && matches!(op, BinOp::Add | BinOp::Sub)
        {
            let k = match y {
                None => Some(1i64),
                Some(y) => self.finfo.type_of(y).and_then(|tv| tv.value.as_ref()).and_then(|v| v.to_i64()),
            };
            if let Some(k) = k {
                let k = if op == BinOp::Sub { k.checked_neg() } else { Some(k) };
                if let Some(imm) = k.and_then(|k| i16::try_from(k).ok()) {
                    self.b.emit(Instr::AddSlotImm { slot, imm });
                    return Ok(());
                }
            }
        }
        // `j += i` with both in slots: one instruction.
        if let (Some(dst), Some(y), Repr::Int { bits: 64, .. }, BinOp::Add) = (self.slot_var(x), y, r, op)
            && let Some(b) = self.slot_var(y)
            && let (Ok(dst), Ok(b)) = (u16::try_from(dst), u16::try_from(b))
        {
            self.b.emit(Instr::AddSlots { dst, a: dst, b });
            return Ok(());
        }
        let in_slots = self.slot_loc(x).is_some();
        let field = self.slot_field(x);
        // `s[i] op= v` with s and i in slots: load the element (one checked load), then
        // one checked store.
        let elem_store = if in_slots || field.is_some() { None } else { self.index_slots_store(x, t) };
        if in_slots || elem_store.is_some() {
            self.expr(x)?;
        } else if let Some((slot, off)) = field {
            self.b.emit(Instr::LoadField { slot, off });
        } else {
            self.addr(x)?;
            self.b.emit(Instr::Dup);
            self.load_mem(t)?;
        }
        self.op_assign_operation(pos, op, r, t, y)?;
        if in_slots {
            self.store_top_to_lhs(x, t)
        } else if let Some(store) = elem_store {
            self.b.emit(store);
            Ok(())
        } else if let Some((slot, off)) = field {
            self.b.emit(Instr::StoreField { slot, off });
            Ok(())
        } else {
            self.store_mem(t)
        }
    }

    /// `[x] -> [x op y]` for `x op= y` (`x` of type `t`, class `r`), or `[x] -> [x ± 1]`
    /// for `x++`/`x--` when `y` is `None`.
    pub fn op_assign_operation(&mut self, pos: Pos, op: BinOp, r: Repr, t: TypeId, y: Option<ExprId>) -> CResult {
        match y {
            Some(y) if matches!(op, BinOp::Shl | BinOp::Shr) => {
                self.expr(y)?;
                self.shift(pos, op, r, self.ty(y))
            }
            Some(y) => {
                self.expr_to(y, t)?;
                self.arith(pos, op, r)
            }
            None => {
                match r {
                    Repr::Int { .. } => self.b.emit(Instr::Const(1)),
                    Repr::F64 => self.b.push_i64(1f64.to_bits() as i64),
                    Repr::F32 => self.b.push_i64(i64::from(1f32.to_bits())),
                    Repr::C128 => {
                        self.b.push_i64(1f64.to_bits() as i64);
                        self.b.emit(Instr::Const(0));
                    }
                    Repr::C64 => {
                        self.b.push_i64(i64::from(1f32.to_bits()));
                        self.b.emit(Instr::Const(0));
                    }
                    _ => return Err(self.unimpl(pos, "++ and -- on this type")),
                }
                self.arith(pos, op, r)
            }
        }
    }

    /// `[x, s] -> [x << s]` or `>>` for a shift count of type `st`.
    pub fn shift(&mut self, pos: Pos, op: BinOp, r: Repr, st: TypeId) -> CResult {
        if let Some(Repr::Int { signed: true, .. }) = layout::repr(self.cx.prog, st) {
            self.b.emit(Instr::CheckShift);
        }
        let Repr::Int { signed, .. } = r else { return Err(self.unimpl(pos, "shifts of this type")) };
        if op == BinOp::Shl {
            self.b.emit(Instr::Shl);
            self.wrap(r);
        } else {
            self.b.emit(if signed { Instr::ShrI64 } else { Instr::ShrU64 });
        }
        Ok(())
    }

    fn ret(&mut self, pos: Pos, results: &[ExprId]) -> CResult {
        let types = self.result_types.clone();
        if self.rangefunc.is_some() {
            // Inside a range-over-func body: the enclosing function returns.
            let types = self.outer_result_types();
            if results.is_empty() {
                return self.bare_return(pos);
            }
            self.push_return_values(pos, results, &types)?;
            return self.return_values_on_stack();
        }
        if self.has_defer {
            // Results are stored where deferred calls (and a recovery) can see them.
            if !results.is_empty() {
                self.push_return_values(pos, results, &types)?;
                for (&loc, &t) in self.result_locs.clone().iter().zip(&types).rev() {
                    self.store_top_to(loc, t)?;
                }
            }
            self.b.emit(Instr::RunDefers);
            self.load_results()?;
            self.b.emit(Instr::Ret);
            return Ok(());
        }
        if results.is_empty() {
            for (&r, &t) in self.results.clone().iter().zip(&types) {
                let Some(loc) = self.vars.get(&r).copied() else {
                    return Err(self.err(pos, "internal compiler error: result variable"));
                };
                self.load_var(loc, t)?;
            }
        } else if let ([r], [t]) = (results, types.as_slice())
            && let Some(slot) = self.slot_var(*r)
            && layout::words(self.cx.prog, *t).len() == 1
            && self.ty(*r) == *t
        {
            self.b.emit(Instr::RetSlot(slot));
            return Ok(());
        } else {
            self.push_return_values(pos, results, &types)?;
        }
        self.b.emit(Instr::Ret);
        Ok(())
    }

    /// Pushes the values of `return results` as `types`.
    fn push_return_values(&mut self, pos: Pos, results: &[ExprId], types: &[TypeId]) -> CResult {
        if results.len() == types.len() {
            for (&r, &t) in results.iter().zip(types) {
                self.expr_to(r, t)?;
            }
        } else if let [r] = results {
            self.multi_value_to(*r, types)?;
        } else {
            return Err(self.err(pos, "internal compiler error: return arity"));
        }
        Ok(())
    }

    /// Returns the result values on the stack (the enclosing function's results inside
    /// a range-over-func body).
    pub fn return_values_on_stack(&mut self) -> CResult {
        if self.range_func_return(false)? {
            return Ok(());
        }
        if self.has_defer {
            let types = self.result_types.clone();
            for (&loc, &t) in self.result_locs.clone().iter().zip(&types).rev() {
                self.store_top_to(loc, t)?;
            }
            self.b.emit(Instr::RunDefers);
            self.load_results()?;
        }
        self.b.emit(Instr::Ret);
        Ok(())
    }

    /// `return` without values: the named results (or none).
    pub fn bare_return(&mut self, pos: Pos) -> CResult {
        if self.range_func_return(true)? {
            return Ok(());
        }
        self.ret(pos, &[])
    }

    fn branch_stmt(&mut self, pos: Pos, kind: BranchKind, label: Option<String>) -> CResult {
        let find = |targets: &[Target], want_cont: bool| -> Option<Label> {
            targets.iter().rev().find_map(|t| {
                let label_ok = match &label {
                    Some(l) => t.label.as_deref() == Some(l.as_str()),
                    None => !want_cont || t.cont.is_some(),
                };
                if !label_ok {
                    return None;
                }
                if want_cont { t.cont } else { Some(t.brk) }
            })
        };
        let target = match kind {
            BranchKind::Break => find(&self.targets, false),
            BranchKind::Continue => find(&self.targets, true),
            BranchKind::Goto => {
                if let Some(l) = label.as_deref()
                    && self.range_func_goto(l)?
                {
                    return Ok(());
                }
                label.as_deref().map(|l| self.goto_label(l))
            }
            BranchKind::Fallthrough => self.fallthrough,
        };
        let Some(l) = target else {
            if matches!(kind, BranchKind::Break | BranchKind::Continue)
                && self.range_func_branch(pos, kind == BranchKind::Break, label.as_deref())?
            {
                return Ok(());
            }
            return Err(self.err(pos, "internal compiler error: branch without a target"));
        };
        self.b.branch(Instr::Jump(0), l);
        Ok(())
    }

    /// Emits a jump to `label` taken when `cond` evaluates to `when`.
    pub fn cond_branch(&mut self, cond: ExprId, label: Label, when: bool) -> CResult {
        let file = self.file.clone();
        let has_value = self.finfo.type_of(cond).is_some_and(|tv| tv.value.is_some());
        match &file.expr(cond).kind {
            ExprKind::Paren(x) => return self.cond_branch(*x, label, when),
            ExprKind::Unary { op: UnOp::Not, x } if !has_value => return self.cond_branch(*x, label, !when),
            ExprKind::Binary { op: BinOp::AndAnd, x, y } if !has_value => {
                if when {
                    let skip = self.b.new_label();
                    self.cond_branch(*x, skip, false)?;
                    self.cond_branch(*y, label, true)?;
                    self.b.bind(skip);
                } else {
                    self.cond_branch(*x, label, false)?;
                    self.cond_branch(*y, label, false)?;
                }
                return Ok(());
            }
            ExprKind::Binary { op: BinOp::OrOr, x, y } if !has_value => {
                if when {
                    self.cond_branch(*x, label, true)?;
                    self.cond_branch(*y, label, true)?;
                } else {
                    let skip = self.b.new_label();
                    self.cond_branch(*x, skip, true)?;
                    self.cond_branch(*y, label, false)?;
                    self.b.bind(skip);
                }
                return Ok(());
            }
            ExprKind::Binary { op, x, y }
                if !has_value && matches!(op, BinOp::Eql | BinOp::Neq | BinOp::Lss | BinOp::Leq | BinOp::Gtr | BinOp::Geq) =>
            {
                let ot = if self.cx.prog.types.is_untyped(self.ty(*x)) { self.ty(*y) } else { self.ty(*x) };
                // A concrete operand compared with an interface compares interfaces.
                let mixed = self.cx.prog.types.is_interface(self.ty(*x)) || self.cx.prog.types.is_interface(self.ty(*y));
                if !mixed
                    && let Some(r @ (Repr::Int { .. } | Repr::Bool | Repr::Ptr)) = layout::repr(self.cx.prog, ot)
                {
                    let op = if when { *op } else { negate(*op) };
                    return self.int_branch(op, *x, *y, ot, r, label);
                }
            }
            _ => {}
        }
        self.expr(cond)?;
        self.b.branch(if when { Instr::JumpIf(0) } else { Instr::JumpIfNot(0) }, label);
        Ok(())
    }

    /// A fused compare-and-branch on integers: `if x op y goto label`.
    fn int_branch(&mut self, op: BinOp, x: ExprId, y: ExprId, t: TypeId, r: Repr, label: Label) -> CResult {
        let signed = !matches!(r, Repr::Int { signed: false, .. });
        let yconst = self.finfo.type_of(y).and_then(|tv| tv.value.as_ref()).and_then(|v| {
            if signed { v.to_i64() } else { v.to_u64().and_then(|u| i64::try_from(u).ok()) }
        });
        let xslot = self.word_slot(x).and_then(|s| u16::try_from(s).ok()).filter(|_| self.ty(x) == t || signed);
        let yslot = self.word_slot(y).and_then(|s| u16::try_from(s).ok());
        let eq_or_signed = signed || matches!(op, BinOp::Eql | BinOp::Neq);
        // slot op small constant
        if eq_or_signed
            && let (Some(slot), Some(k)) = (xslot, yconst)
            && let Ok(imm) = i8::try_from(k)
        {
            let i = match op {
                BinOp::Lss => Instr::BrLtSlotImm { slot, imm, off: 0 },
                BinOp::Leq => Instr::BrLeSlotImm { slot, imm, off: 0 },
                BinOp::Gtr => Instr::BrGtSlotImm { slot, imm, off: 0 },
                BinOp::Geq => Instr::BrGeSlotImm { slot, imm, off: 0 },
                BinOp::Eql => Instr::BrEqSlotImm { slot, imm, off: 0 },
                _ => Instr::BrNeSlotImm { slot, imm, off: 0 },
            };
            self.b.branch(i, label);
            return Ok(());
        }
        // slot op slot, backwards (loop conditions)
        if eq_or_signed
            && let (Some(a), Some(b)) = (xslot, yslot)
            && self.b.fits_short_backward(label)
        {
            let i = match op {
                BinOp::Lss => Instr::BrLtSlots { a, b, off: 0 },
                BinOp::Leq => Instr::BrLeSlots { a, b, off: 0 },
                BinOp::Gtr => Instr::BrGtSlots { a, b, off: 0 },
                BinOp::Geq => Instr::BrGeSlots { a, b, off: 0 },
                BinOp::Eql => Instr::BrEqSlots { a, b, off: 0 },
                _ => Instr::BrNeSlots { a, b, off: 0 },
            };
            self.b.branch(i, label);
            return Ok(());
        }
        self.expr_to(x, t)?;
        if eq_or_signed
            && let Some(k) = yconst
            && let Ok(imm) = i16::try_from(k)
        {
            let i = match op {
                BinOp::Lss => Instr::BrLtImm { imm, off: 0 },
                BinOp::Leq => Instr::BrLeImm { imm, off: 0 },
                BinOp::Gtr => Instr::BrGtImm { imm, off: 0 },
                BinOp::Geq => Instr::BrGeImm { imm, off: 0 },
                BinOp::Eql => Instr::BrEqImm { imm, off: 0 },
                _ => Instr::BrNeImm { imm, off: 0 },
            };
            self.b.branch(i, label);
            return Ok(());
        }
        if let Some(slot) = yslot
            && (eq_or_signed || matches!(op, BinOp::Lss | BinOp::Geq))
        {
            let i = match (op, signed) {
                (BinOp::Lss, true) => Instr::BrLtSlot { slot, off: 0 },
                (BinOp::Leq, _) => Instr::BrLeSlot { slot, off: 0 },
                (BinOp::Gtr, _) => Instr::BrGtSlot { slot, off: 0 },
                (BinOp::Geq, true) => Instr::BrGeSlot { slot, off: 0 },
                (BinOp::Lss, false) => Instr::BrLtUSlot { slot, off: 0 },
                (BinOp::Geq, false) => Instr::BrGeUSlot { slot, off: 0 },
                (BinOp::Eql, _) => Instr::BrEqSlot { slot, off: 0 },
                _ => Instr::BrNeSlot { slot, off: 0 },
            };
            self.b.branch(i, label);
            return Ok(());
        }
        self.expr_to(y, t)?;
        let i = match (op, signed) {
            (BinOp::Eql, _) => Instr::BrEq(0),
            (BinOp::Neq, _) => Instr::BrNe(0),
            (BinOp::Lss, true) => Instr::BrLtI64(0),
            (BinOp::Leq, true) => Instr::BrLeI64(0),
            (BinOp::Gtr, true) => Instr::BrGtI64(0),
            (BinOp::Geq, true) => Instr::BrGeI64(0),
            (BinOp::Lss, false) => Instr::BrLtU64(0),
            (BinOp::Geq, false) => Instr::BrGeU64(0),
            (BinOp::Gtr, false) => {
                self.b.emit(Instr::Swap);
                Instr::BrLtU64(0)
            }
            _ => {
                self.b.emit(Instr::Swap);
                Instr::BrGeU64(0)
            }
        };
        self.b.branch(i, label);
        Ok(())
    }

    fn for_stmt(&mut self, label: Option<String>, init: Option<StmtId>, cond: Option<ExprId>, post: Option<StmtId>, body: &Block) -> CResult {
        if let Some(i) = init {
            self.stmt(i)?;
        }
        // Go 1.22: a loop variable whose address escapes is fresh per iteration; copy
        // its cell before the post statement.
        let boxed: Vec<(u32, TypeId)> = match init.map(|i| &self.file.stmt(i).kind) {
            Some(StmtKind::Assign { op: AssignOp::Define, lhs, .. }) => lhs
                .iter()
                .filter_map(|&l| match self.file.expr(l).kind {
                    ExprKind::Name(n) => self.finfo.defs.get(&n.pos).copied(),
                    _ => None,
                })
                .filter_map(|o| match self.vars.get(&o) {
                    Some(VarLoc::Boxed { slot }) => Some((*slot, self.obj_ty(o))),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        let body_l = self.b.new_label();
        let cont_l = self.b.new_label();
        let cond_l = self.b.new_label();
        let end_l = self.b.new_label();
        if cond.is_some() {
            self.b.branch(Instr::Jump(0), cond_l);
        }
        self.b.bind(body_l);
        self.targets.push(Target { label, brk: end_l, cont: Some(cont_l) });
        let r = self.block(&body.stmts);
        self.targets.pop();
        r?;
        self.b.bind(cont_l);
        for (slot, t) in boxed {
            let ti = self.cx.type_id(t);
            self.b.emit(Instr::Alloc(ti));
            self.b.emit(Instr::Dup);
            self.b.emit(Instr::Load(slot));
            self.load_mem(t)?;
            self.store_mem(t)?;
            self.b.emit(Instr::Store(slot));
        }
        if let Some(p) = post {
            self.stmt(p)?;
        }
        self.b.bind(cond_l);
        match cond {
            Some(c) => self.cond_branch(c, body_l, true)?,
            None => self.b.branch(Instr::Jump(0), body_l),
        }
        self.b.bind(end_l);
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn range(&mut self, pos: Pos, label: Option<String>, key: Option<ExprId>, value: Option<ExprId>, define: bool, x: ExprId, body: &Block) -> CResult {
        let prog = self.cx.prog;
        let xt = self.ty(x);
        if let Type::Map(..) = prog.types.under(xt) {
            return self.range_map(pos, label, key, value, define, x, body);
        }
        let int = TypeTable::basic(BasicKind::Int);
        // What is iterated: a count, and for arrays and slices the element address.
        enum Src {
            Count,
            Elems { base: u32, elem: TypeId, size: u64 },
            /// A string's ptr slot (its length is the count); the decoded rune and the
            /// index of the next one.
            Runes { ptr: u32, rune: u32, next: u32 },
        }
        let n_slot = self.b.local(Kind::Scalar);
        let src = match prog.types.under(xt) {
            Type::Basic(k) if k.is_integer() => {
                self.expr_to(x, if prog.types.is_untyped(xt) { int } else { xt })?;
                self.b.emit(Instr::Store(n_slot));
                Src::Count
            }
            Type::Array(n, elem) => {
                let (elem, n) = (*elem, *n);
                let base = self.b.local(Kind::Pointer);
                if value.is_some() {
                    // The range expression is evaluated once, as a copy.
                    let cell = self.new_box(xt)?;
                    self.b.emit(Instr::Load(cell));
                    self.expr(x)?;
                    self.store_mem(xt)?;
                    self.b.emit(Instr::Load(cell));
                    self.b.emit(Instr::Store(base));
                } else if frontend::types::info::has_call_or_recv(&self.file, Some(self.finfo), x) {
                    // Only the length is needed, but it is not constant: the operand
                    // is evaluated for its effects (spec: "len(x) is constant ...").
                    self.expr(x)?;
                    self.pop_value(xt);
                }
                self.b.push_i64(n as i64);
                self.b.emit(Instr::Store(n_slot));
                Src::Elems { base, elem, size: layout::size_of(prog, elem) }
            }
            Type::Pointer(p) if matches!(prog.types.under(*p), Type::Array(..)) => {
                let Type::Array(n, elem) = prog.types.under(*p) else { return Err(self.unimpl(pos, "range over this type")) };
                let (elem, n) = (*elem, *n);
                let base = self.b.local(Kind::Pointer);
                self.expr(x)?;
                self.b.emit(Instr::Store(base));
                self.b.push_i64(n as i64);
                self.b.emit(Instr::Store(n_slot));
                Src::Elems { base, elem, size: layout::size_of(prog, elem) }
            }
            Type::Slice(elem) => {
                let elem = *elem;
                let base = self.b.local(Kind::Pointer);
                self.expr(x)?;
                self.b.emit(Instr::Pop);
                self.b.emit(Instr::Store(n_slot));
                self.b.emit(Instr::Store(base));
                Src::Elems { base, elem, size: layout::size_of(prog, elem) }
            }
            Type::Chan(_, elem) => return self.range_chan(label, key, define, x, *elem, body),
            Type::Basic(k) if k.is_string() => {
                let ptr = self.b.local(Kind::Pointer);
                self.expr(x)?;
                self.b.emit(Instr::Store(n_slot));
                self.b.emit(Instr::Store(ptr));
                let rune = self.b.local(Kind::Scalar);
                let next = self.b.local(Kind::Scalar);
                Src::Runes { ptr, rune, next }
            }
            Type::Signature(_) => return self.range_func(pos, label, key, value, define, x, body),
            _ => return Err(self.unimpl(pos, "range over this type")),
        };
        let i_slot = self.b.local(Kind::Scalar);
        self.b.emit(Instr::Const(0));
        self.b.emit(Instr::Store(i_slot));
        let body_l = self.b.new_label();
        let cont_l = self.b.new_label();
        let cond_l = self.b.new_label();
        let end_l = self.b.new_label();
        self.b.branch(Instr::Jump(0), cond_l);
        self.b.bind(body_l);
        // The iteration variables.
        let key_t = match &src {
            Src::Count => if prog.types.is_untyped(xt) { int } else { xt },
            Src::Elems { .. } | Src::Runes { .. } => int,
        };
        if let Src::Runes { ptr, rune, next } = src {
            self.b.emit(Instr::Load(ptr));
            self.b.emit(Instr::Load(n_slot));
            self.b.emit(Instr::Load(i_slot));
            self.call_native(pos, "decoderune")?;
            self.b.emit(Instr::Store(next));
            self.b.emit(Instr::Store(rune));
        }
        // `for k, x[k] = range ...` assigns as `k, x[k] = key, value`: the value's
        // target is evaluated before the key is assigned.
        let value_t = match &src {
            Src::Runes { .. } => Some(TypeTable::basic(BasicKind::Int32)),
            Src::Elems { elem, .. } => Some(*elem),
            Src::Count => None,
        };
        let value_addr = match (key.filter(|&k| !self.is_blank(k)), value.filter(|&v| !self.is_blank(v))) {
            (Some(_), Some(v))
                if !define
                    && !matches!(self.file.expr(self.unparen(v)).kind, ExprKind::Name(_))
                    && self.is_addressable(v)
                    && value_t == Some(self.ty(v)) =>
            {
                let a = self.b.local(Kind::Pointer);
                self.addr(v)?;
                self.b.emit(Instr::Store(a));
                Some(a)
            }
            _ => None,
        };
        if let Some(k) = key.filter(|&k| !self.is_blank(k)) {
            // A key variable the body never changes (nor captures, nor addresses) is the
            // counter itself: no copy per iteration.
            match self.defined_var(k).filter(|&o| define && !self.must_box(o, key_t) && !assigns(&self.file, self.finfo, &body.stmts, o)) {
                Some(o) => {
                    self.vars.insert(o, VarLoc::Slots { first: i_slot, n: 1 });
                }
                None => {
                    self.b.emit(Instr::Load(i_slot));
                    self.range_var(k, key_t, define)?;
                }
            }
        }
        if let Some(a) = value_addr {
            self.b.emit(Instr::Load(a));
        }
        if let (Some(v), Src::Runes { rune, .. }) = (value.filter(|&v| !self.is_blank(v)), &src) {
            self.b.emit(Instr::Load(*rune));
            let rune_t = TypeTable::basic(BasicKind::Int32);
            match value_addr {
                Some(_) => self.store_mem(rune_t)?,
                None => self.range_var(v, rune_t, define)?,
            }
        }
        if let (Some(v), Src::Elems { base, elem, size }) = (value.filter(|&v| !self.is_blank(v)), &src) {
            let (base, elem, size) = (*base, *elem, *size);
            match (u16::try_from(base), u16::try_from(i_slot), u16::try_from(size)) {
                (Ok(base), Ok(index), Ok(size)) => self.b.emit(Instr::ElemAddr { base, index, size }),
                _ => {
                    self.b.emit(Instr::Load(base));
                    self.b.emit(Instr::Load(i_slot));
                    self.b.push_i64(size as i64);
                    self.b.emit(Instr::MulI64);
                    self.b.emit(Instr::AddI64);
                    self.b.set_top_kinds(&[Kind::Pointer]);
                }
            }
            self.load_mem(elem)?;
            match value_addr {
                Some(_) => self.store_mem(elem)?,
                None => self.range_var(v, elem, define)?,
            }
        }
        self.targets.push(Target { label, brk: end_l, cont: Some(cont_l) });
        let r = self.block(&body.stmts);
        self.targets.pop();
        r?;
        self.b.bind(cont_l);
        match src {
            Src::Runes { next, .. } => {
                self.b.emit(Instr::Load(next));
                self.b.emit(Instr::Store(i_slot));
            }
            _ => self.b.emit(Instr::AddSlotImm { slot: i_slot, imm: 1 }),
        }
        self.b.bind(cond_l);
        match (u16::try_from(i_slot), u16::try_from(n_slot)) {
            (Ok(a), Ok(b)) if self.b.fits_short_backward(body_l) => {
                self.b.branch(Instr::BrLtSlots { a, b, off: 0 }, body_l);
            }
            _ => {
                self.b.emit(Instr::Load(i_slot));
                self.b.emit(Instr::Load(n_slot));
                self.b.branch(Instr::BrLtI64(0), body_l);
            }
        }
        self.b.bind(end_l);
        Ok(())
    }

    /// The variable the name `e` declares (`:=`, `range`), if any.
    fn defined_var(&self, e: ExprId) -> Option<ObjId> {
        let ExprKind::Name(n) = self.file.expr(e).kind else { return None };
        self.finfo.defs.get(&n.pos).copied()
    }

    /// Stores the value on top of the stack into a range variable (declared per
    /// iteration with `:=`).
    pub fn range_var(&mut self, e: ExprId, t: TypeId, define: bool) -> CResult {
        if define {
            let ExprKind::Name(n) = self.file.expr(e).kind else {
                return Err(self.err(self.file.expr(e).pos, "internal compiler error: range variable"));
            };
            match self.finfo.defs.get(&n.pos).copied() {
                Some(o) => match self.vars.get(&o).copied() {
                    // Declared on an earlier compile of this body? (never: bodies compile once)
                    Some(loc @ VarLoc::Slots { .. }) => self.store_top_to(loc, t),
                    _ => self.declare_var_from_top(o, t),
                },
                None => {
                    self.pop_value(t);
                    Ok(())
                }
            }
        } else {
            // `for k, v = range` into variables of interface type converts the values.
            let lt = self.ty(e);
            if lt != t && self.cx.prog.types.is_interface(lt) && !self.cx.prog.types.is_interface(t) {
                self.convert_top(self.file.expr(e).pos, t, lt)?;
                return self.store_top_to_lhs(e, lt);
            }
            self.store_top_to_lhs(e, t)
        }
    }

    /// The word of case `e`, a constant, against a switch tag of integer type `t`
    /// (the tag's word is sign- or zero-extended as `t` says).
    fn int_case_constant(&self, e: ExprId, t: TypeId) -> Option<i64> {
        let Some(Repr::Int { signed, .. }) = layout::repr(self.cx.prog, t) else { return None };
        let v = self.finfo.type_of(e)?.value.as_ref()?;
        if signed { v.to_i64() } else { v.to_u64().map(|u| u as i64) }
    }

    fn switch(&mut self, label: Option<String>, init: Option<StmtId>, tag: Option<ExprId>, clauses: &[CaseClause]) -> CResult {
        if let Some(i) = init {
            self.stmt(i)?;
        }
        let end = self.b.new_label();
        let tag_info = match tag {
            Some(t) => {
                let ty = self.ty(t);
                let ty = if self.cx.prog.types.is_untyped(ty) {
                    match layout::repr(self.cx.prog, ty) {
                        Some(Repr::Bool) => TypeTable::basic(BasicKind::Bool),
                        Some(Repr::F64) => TypeTable::basic(BasicKind::Float64),
                        Some(Repr::Str) => TypeTable::basic(BasicKind::String),
                        Some(Repr::Int { bits: 32, .. }) => TypeTable::basic(BasicKind::Int32),
                        _ => TypeTable::basic(BasicKind::Int),
                    }
                } else {
                    ty
                };
                self.expr_to(t, ty)?;
                let (slot, n) = self.temp(ty);
                self.b.emit(Instr::StoreSlots { slot, n });
                Some((slot, n, ty))
            }
            None => None,
        };
        let bodies: Vec<Label> = clauses.iter().map(|_| self.b.new_label()).collect();
        let mut default = None;
        for (c, &l) in clauses.iter().zip(&bodies) {
            if c.is_default {
                default = Some(l);
            }
            for &e in &c.cases {
                // An integer tag against a constant: one fused compare-and-branch.
                if let Some((slot, 1, ty)) = tag_info
                    && let Some(k) = self.int_case_constant(e, ty)
                {
                    match (u16::try_from(slot), i8::try_from(k)) {
                        (Ok(slot), Ok(imm)) => self.b.branch(Instr::BrEqSlotImm { slot, imm, off: 0 }, l),
                        _ => {
                            self.b.emit(Instr::Load(slot));
                            self.b.push_i64(k);
                            self.b.branch(Instr::BrEq(0), l);
                        }
                    }
                    continue;
                }
                match tag_info {
                    Some((slot, _, ty))
                        if self.is_nil(e) && matches!(layout::repr(self.cx.prog, ty), Some(Repr::Slice | Repr::Ptr | Repr::Iface)) =>
                    {
                        // `case nil`: the first word decides.
                        self.b.emit(Instr::Load(slot));
                        self.b.emit(Instr::Const(0));
                        self.b.emit(Instr::Eq);
                        self.b.branch(Instr::JumpIf(0), l);
                    }
                    Some((slot, n, ty)) if !self.cx.prog.types.is_interface(ty) && self.cx.prog.types.is_interface(self.ty(e)) => {
                        // `switch v { case i: }` with an interface case compares as interfaces.
                        let it = self.ty(e);
                        self.tag_to_iface(self.file.expr(e).pos, slot, n, ty, it)?;
                        self.expr(e)?;
                        self.compare(self.file.expr(e).pos, BinOp::Eql, it)?;
                        self.b.branch(Instr::JumpIf(0), l);
                    }
                    Some((slot, n, ty)) => {
                        self.b.emit(Instr::LoadSlots { slot, n });
                        self.expr_to(e, ty)?;
                        self.compare(self.file.expr(e).pos, BinOp::Eql, ty)?;
                        self.b.branch(Instr::JumpIf(0), l);
                    }
                    // `switch { case i: }` with an interface `i` is `true == i`.
                    None if self.cx.prog.types.is_interface(self.ty(e)) => {
                        let bool_t = TypeTable::basic(BasicKind::Bool);
                        let (slot, n) = self.temp(bool_t);
                        self.b.emit(Instr::Const(1));
                        self.b.emit(Instr::StoreSlots { slot, n });
                        let it = self.ty(e);
                        self.tag_to_iface(self.file.expr(e).pos, slot, n, bool_t, it)?;
                        self.expr(e)?;
                        self.compare(self.file.expr(e).pos, BinOp::Eql, it)?;
                        self.b.branch(Instr::JumpIf(0), l);
                    }
                    None => self.cond_branch(e, l, true)?,
                }
            }
        }
        self.b.branch(Instr::Jump(0), default.unwrap_or(end));
        self.targets.push(Target { label, brk: end, cont: None });
        let saved = self.fallthrough;
        let mut result = Ok(());
        for (i, c) in clauses.iter().enumerate() {
            let Some(&l) = bodies.get(i) else { break };
            self.b.bind(l);
            self.fallthrough = bodies.get(i + 1).copied();
            result = self.block(&c.body);
            if result.is_err() {
                break;
            }
            self.b.branch(Instr::Jump(0), end);
        }
        self.fallthrough = saved;
        self.targets.pop();
        result?;
        self.b.bind(end);
        Ok(())
    }
}

/// The comparison that is true exactly when `op` is false (integers only: no NaN).
fn negate(op: BinOp) -> BinOp {
    match op {
        BinOp::Eql => BinOp::Neq,
        BinOp::Neq => BinOp::Eql,
        BinOp::Lss => BinOp::Geq,
        BinOp::Leq => BinOp::Gtr,
        BinOp::Gtr => BinOp::Leq,
        _ => BinOp::Lss,
    }
}

/// Switch tags compared with interface-typed cases.
impl FuncCompiler<'_, '_> {
    /// Pushes the value of type `t` in slots `slot..slot+n` converted to interface
    /// type `it` (a switch tag compared with an interface case).
    pub fn tag_to_iface(&mut self, pos: frontend::syntax::Pos, slot: u32, n: u16, t: TypeId, it: TypeId) -> CResult {
        let desc = if super::iface::iface_methods(self.cx, it).is_empty() { self.cx.descriptor(t) } else { self.itab(pos, it, t)? };
        self.push_addr(desc);
        if super::iface::indirect(self.cx, t) {
            let cell = self.new_box(t)?;
            self.b.emit(crate::bytecode::Instr::Load(cell));
            if n > 0 {
                self.b.emit(crate::bytecode::Instr::LoadSlots { slot, n });
            }
            self.store_mem(t)?;
            self.b.emit(crate::bytecode::Instr::Load(cell));
        } else if n > 0 {
            self.b.emit(crate::bytecode::Instr::LoadSlots { slot, n });
        }
        self.b.set_top_kinds(&[crate::bytecode::Kind::Pointer, crate::bytecode::Kind::Pointer]);
        Ok(())
    }
}

/// Whether a statement of `stmts` (nested ones included, function literals not) assigns
/// to variable `o`: `=`, `op=`, `++`/`--`, or `range` with `=`. (A `:=` in a nested
/// block declares a new variable.)
fn assigns(file: &frontend::syntax::ast::File, fi: &frontend::types::info::FileInfo, stmts: &[StmtId], o: ObjId) -> bool {
    let names_o = |e: &ExprId| {
        let mut e = *e;
        while let ExprKind::Paren(x) = file.expr(e).kind {
            e = x;
        }
        matches!(file.expr(e).kind, ExprKind::Name(_)) && fi.uses.get(&e) == Some(&o)
    };
    let mut work: Vec<StmtId> = stmts.to_vec();
    while let Some(s) = work.pop() {
        match &file.stmt(s).kind {
            StmtKind::Assign { op, lhs, .. } if *op != AssignOp::Define && lhs.iter().any(names_o) => return true,
            StmtKind::IncDec { x, .. } if names_o(x) => return true,
            StmtKind::Range { key, value, define, body, .. } => {
                if !define && key.iter().chain(value.iter()).any(names_o) {
                    return true;
                }
                work.extend(&body.stmts);
            }
            StmtKind::Labeled { stmt, .. } => work.push(*stmt),
            StmtKind::Block(b) => work.extend(&b.stmts),
            StmtKind::If { init, then, els, .. } => {
                work.extend(init.iter().chain(els.iter()));
                work.extend(&then.stmts);
            }
            StmtKind::For { init, post, body, .. } => {
                work.extend(init.iter().chain(post.iter()));
                work.extend(&body.stmts);
            }
            StmtKind::Switch { init, clauses, .. } | StmtKind::TypeSwitch { init, clauses, .. } => {
                work.extend(init.iter());
                for c in clauses {
                    work.extend(&c.body);
                }
            }
            StmtKind::Select { clauses, .. } => {
                for c in clauses {
                    work.extend(c.comm.iter());
                    work.extend(&c.body);
                }
            }
            _ => {}
        }
    }
    false
}
