//! Index, slice and instantiation expressions: `a[i]` on arrays, slices, strings,
//! maps and pointers to arrays; `a[lo:hi:max]`; `F[T]` and `List[int]`.

use std::collections::HashMap;

use super::check::Checker;
use super::constant::Value;
use super::object::ObjKind;
use super::operand::{OpMode, Operand};
use super::ty::{BasicKind, Type, TypeId, TypeTable};
use crate::syntax::ast::ExprId;

impl Checker<'_> {
    /// `x[indices]`: an index expression or an instantiation.
    pub(super) fn index_expr(&mut self, e: ExprId, xe: ExprId, indices: &[ExprId], allow_generic: bool) -> Operand {
        let pos = self.file.expr(e).pos;
        let x = self.raw_expr(xe, None, true);
        match x.mode {
            OpMode::Invalid => {
                for &i in indices {
                    self.raw_expr(i, None, true);
                }
                return Operand::invalid(Some(e));
            }
            OpMode::TypeExpr => {
                let t = self.instantiate_type_expr(e, x.ty, indices);
                if t == self.invalid() {
                    return Operand::invalid(Some(e));
                }
                return Operand { mode: OpMode::TypeExpr, ty: t, val: Value::Unknown, expr: Some(e), id: None };
            }
            _ => {}
        }
        // A generic function: explicit (possibly partial) instantiation.
        if let Some(o) = x.id
            && let ObjKind::Func(fi) = &self.prog.obj(o).kind
            && !fi.tparams.is_empty()
            && fi.recv.is_none()
            && self.prog.obj(o).ty == x.ty
        {
            let tparams = fi.tparams.clone();
            let targs: Vec<TypeId> = indices.iter().map(|&i| self.typexpr(i)).collect();
            if targs.iter().any(|&t| t == self.invalid()) {
                return Operand::invalid(Some(e));
            }
            if targs.len() > tparams.len() {
                let s = self.expr_string(xe);
                self.error(self.start(indices[tparams.len()]), format!("got {} type arguments but {s} has {} type parameters", targs.len(), tparams.len()));
                return Operand::invalid(Some(e));
            }
            let mut targs = targs;
            if targs.len() < tparams.len() {
                // The constraints' core types may determine the rest (`f2[byte]` with
                // `B interface{ []A }`).
                let mut map: HashMap<TypeId, TypeId> = tparams.iter().copied().zip(targs.iter().copied()).collect();
                self.infer_from_cores(&tparams, &mut map);
                if tparams.iter().all(|t| map.contains_key(t)) {
                    targs = tparams.iter().map(|t| self.subst(map[t], &map)).collect();
                }
            }
            if targs.len() < tparams.len() {
                // Partial: the call infers the rest.
                if !allow_generic {
                    let s = self.expr_string(xe);
                    self.error(pos, format!("cannot use generic function {s} without instantiation"));
                    return Operand::invalid(Some(e));
                }
                self.partial_targs.insert((self.fid, e), targs);
                return Operand { mode: OpMode::Value, ty: x.ty, val: Value::Unknown, expr: Some(e), id: Some(o) };
            }
            let map: HashMap<TypeId, TypeId> = tparams.iter().copied().zip(targs.iter().copied()).collect();
            let inst = self.subst(x.ty, &map);
            if !self.verify_targs(e, &tparams, &targs) {
                return Operand::invalid(Some(e));
            }
            self.record_instance(e, o, targs, inst);
            return Operand::value(inst, Some(e));
        }
        let mut x = x;
        self.single_value(&mut x);
        if x.mode == OpMode::Invalid {
            return Operand::invalid(Some(e));
        }
        if indices.len() != 1 {
            self.error(pos, "invalid operation: more than one index");
            for &i in indices {
                self.expr(i);
            }
            return Operand::invalid(Some(e));
        }
        let ie = indices[0];
        // Strings (and constant strings) give bytes.
        let core = self.core_type(x.ty);
        let mut under = core.map(|c| self.prog.types.get(c).clone());
        if under.is_none() && self.is_bytestring_param(x.ty) {
            under = Some(Type::Basic(BasicKind::String));
        }
        // A type parameter without a core type is indexable if every type in its set is,
        // with one element type.
        if under.is_none()
            && let Some(el) = self.common_index_elem(x.ty)
        {
            self.index_value(ie, None);
            let mode = if x.mode == OpMode::Variable || !self.all_under_string_free(x.ty) { OpMode::Value } else { OpMode::Variable };
            let mode = if x.mode == OpMode::Variable { OpMode::Variable } else { mode };
            return Operand { mode, ty: el, val: Value::Unknown, expr: Some(e), id: None };
        }
        let (elem, length, mode) = match under {
            Some(Type::Basic(k)) if k.is_string() => {
                let len = x.val.as_bytes().map(|s| s.len() as u64);
                (TypeTable::basic(BasicKind::Uint8), len, OpMode::Value)
            }
            Some(Type::Array(n, el)) => (el, Some(n), if x.mode == OpMode::Variable { OpMode::Variable } else { OpMode::Value }),
            Some(Type::Pointer(p)) => match self.prog.types.under(p).clone() {
                Type::Array(n, el) => (el, Some(n), OpMode::Variable),
                _ => {
                    let d = self.describe(&x);
                    self.error(pos, format!("invalid operation: cannot index {d}"));
                    self.expr(ie);
                    return Operand::invalid(Some(e));
                }
            },
            Some(Type::Slice(el)) => (el, None, OpMode::Variable),
            Some(Type::Map(k, v)) => {
                let mut key = self.expr(ie);
                self.assignment(&mut key, Some(k), "map index");
                return Operand { mode: OpMode::MapIndex, ty: v, val: Value::Unknown, expr: Some(e), id: None };
            }
            _ => {
                let d = self.describe(&x);
                self.error(pos, format!("invalid operation: cannot index {d}"));
                self.expr(ie);
                return Operand::invalid(Some(e));
            }
        };
        // Indexing a constant string yields a byte value, not a constant.
        self.index_value(ie, length);
        Operand { mode, ty: elem, val: Value::Unknown, expr: Some(e), id: None }
    }

    /// Checks an index (an integer, non-negative, below `length` when that is known);
    /// returns a constant index's value.
    pub(super) fn index_value(&mut self, ie: ExprId, length: Option<u64>) -> Option<i64> {
        let mut x = self.expr(ie);
        if x.mode == OpMode::Invalid {
            return None;
        }
        if x.mode == OpMode::Constant && self.prog.types.is_untyped(x.ty) {
            if x.val.to_int().is_none() {
                let d = self.describe(&x);
                self.error(self.start(ie), format!("invalid argument: index {d} truncated to int"));
                return None;
            }
            let int = TypeTable::basic(BasicKind::Int);
            self.convert_untyped(&mut x, int);
            if x.mode == OpMode::Invalid {
                return None;
            }
        }
        if !self.all_basic(x.ty, BasicKind::is_integer) {
            let d = self.describe(&x);
            self.error(self.start(ie), format!("invalid argument: index {d} must be integer"));
            return None;
        }
        if self.prog.types.is_untyped(x.ty) {
            let int = TypeTable::basic(BasicKind::Int);
            self.convert_untyped(&mut x, int);
        }
        if x.mode == OpMode::Constant {
            let v = x.val.to_i64();
            if x.val.sign() < 0 {
                let d = self.describe(&x);
                self.error(self.start(ie), format!("invalid argument: index {d} must not be negative"));
                return None;
            }
            if let (Some(v), Some(n)) = (v, length)
                && v as u64 >= n
            {
                let s = self.expr_string(ie);
                self.error(self.start(ie), format!("invalid argument: index {s} out of bounds [0:{n}]"));
                return None;
            }
            return v;
        }
        None
    }

    /// `x[lo:hi:max]`.
    pub(super) fn slice_expr(&mut self, e: ExprId, xe: ExprId, lo: Option<ExprId>, hi: Option<ExprId>, max: Option<ExprId>) -> Operand {
        let pos = self.file.expr(e).pos;
        let mut x = self.expr(xe);
        if x.mode == OpMode::Invalid {
            for i in [lo, hi, max].into_iter().flatten() {
                self.expr(i);
            }
            return Operand::invalid(Some(e));
        }
        let core = self.core_type(x.ty);
        let mut under = core.map(|c| self.prog.types.get(c).clone());
        if under.is_none() && self.is_bytestring_param(x.ty) {
            under = Some(Type::Basic(BasicKind::String));
        }
        let (result, length) = match under {
            Some(Type::Basic(k)) if k.is_string() => {
                if max.is_some() {
                    self.error(pos, "invalid operation: 3-index slice of string");
                    return Operand::invalid(Some(e));
                }
                let len = x.val.as_bytes().map(|s| s.len() as u64);
                // Slicing an untyped string constant yields a string.
                let t = if self.prog.types.is_untyped(x.ty) {
                    let st = TypeTable::basic(BasicKind::String);
                    self.convert_untyped(&mut x, st);
                    st
                } else {
                    x.ty
                };
                (t, len)
            }
            Some(Type::Array(n, el)) => {
                if x.mode != OpMode::Variable {
                    let d = self.describe(&x);
                    self.error(pos, format!("invalid operation: {d} (slice of unaddressable value)"));
                    return Operand::invalid(Some(e));
                }
                (self.prog.types.slice(el), Some(n))
            }
            Some(Type::Pointer(p)) => match self.prog.types.under(p).clone() {
                Type::Array(n, el) => (self.prog.types.slice(el), Some(n)),
                _ => {
                    let d = self.describe(&x);
                    self.error(pos, format!("cannot slice {d}"));
                    return Operand::invalid(Some(e));
                }
            },
            Some(Type::Slice(_)) => (x.ty, None),
            _ => {
                let d = self.describe(&x);
                self.error(pos, format!("cannot slice {d}"));
                return Operand::invalid(Some(e));
            }
        };
        let cap = length.map(|n| n + 1);
        let mut consts: Vec<i64> = Vec::new();
        for i in [lo, hi, max].into_iter().flatten() {
            if let Some(v) = self.index_value(i, cap) {
                if let Some(&prev) = consts.last()
                    && v < prev
                {
                    self.error(self.start(i), format!("invalid slice indices: {v} < {prev}"));
                }
                consts.push(v);
            }
        }
        Operand::value(result, Some(e))
    }

    /// Whether a type parameter's set has only slices and pointers to arrays (whose
    /// elements are addressable even when the operand is not).
    fn all_under_string_free(&mut self, t: TypeId) -> bool {
        let ts = self.typeset_of_tparam(t);
        ts.terms.clone().is_some_and(|terms| {
            terms.iter().all(|term| matches!(self.prog.types.under(term.ty), Type::Slice(_) | Type::Pointer(_)))
        })
    }

    /// The element type shared by every (indexable) type in a type parameter's set.
    fn common_index_elem(&mut self, t: TypeId) -> Option<TypeId> {
        if !self.prog.types.is_type_param(t) {
            return None;
        }
        let ts = self.typeset_of_tparam(t);
        let terms = ts.terms.clone()?;
        let mut elem: Option<TypeId> = None;
        for term in terms {
            let el = match self.prog.types.under(term.ty).clone() {
                Type::Basic(k) if k.is_string() => TypeTable::basic(BasicKind::Uint8),
                Type::Array(_, el) | Type::Slice(el) => el,
                Type::Pointer(p) => match self.prog.types.under(p).clone() {
                    Type::Array(_, el) => el,
                    _ => return None,
                },
                _ => return None,
            };
            match elem {
                None => elem = Some(el),
                Some(prev) if self.identical(prev, el) => {}
                Some(_) => return None,
            }
        }
        elem
    }

    /// A type parameter whose type set holds only strings and byte slices (indexable
    /// and sliceable although it has no core type).
    pub(super) fn is_bytestring_param(&mut self, t: TypeId) -> bool {
        if !self.prog.types.is_type_param(t) {
            return false;
        }
        let ts = self.typeset_of_tparam(t);
        let Some(terms) = ts.terms.clone() else { return false };
        !terms.is_empty()
            && terms.iter().all(|term| match self.prog.types.under(term.ty) {
                Type::Basic(k) => k.is_string(),
                Type::Slice(e) => self.prog.types.basic_kind(*e) == Some(BasicKind::Uint8),
                _ => false,
            })
    }

    /// Instantiates generic type `base` with the type arguments in `indices`.
    pub(super) fn instantiate_type_expr(&mut self, e: ExprId, base: TypeId, indices: &[ExprId]) -> TypeId {
        // A generic alias: substitute into the aliased type.
        if let Some(obj) = self.alias_obj_for(e)
            && let Some((tps, target)) = self.generic_aliases.get(&obj).cloned()
        {
            {
                let targs: Vec<TypeId> = indices.iter().map(|&i| self.typexpr(i)).collect();
                if targs.len() != tps.len() {
                    let s = self.ts(base);
                    self.error(self.file.expr(e).pos, format!("not enough type arguments for type {s}: have {}, want {}", targs.len(), tps.len()));
                    return self.invalid();
                }
                let map: HashMap<TypeId, TypeId> = tps.iter().copied().zip(targs).collect();
                return self.subst(target, &map);
            }
        }
        let Some(n) = self.prog.types.named(base).cloned() else {
            let s = self.ts(base);
            self.error(self.file.expr(e).pos, format!("{s} is not a generic type"));
            return self.invalid();
        };
        if n.tparams.is_empty() || !n.targs.is_empty() {
            let s = self.ts(base);
            self.error(self.file.expr(e).pos, format!("{s} is not a generic type"));
            return self.invalid();
        }
        let targs: Vec<TypeId> = indices.iter().map(|&i| self.typexpr(i)).collect();
        if targs.iter().any(|&t| t == self.invalid()) {
            return self.invalid();
        }
        if targs.len() != n.tparams.len() {
            let s = self.ts(base);
            let what = if targs.len() < n.tparams.len() { "not enough" } else { "too many" };
            self.error(self.file.expr(e).pos, format!("{what} type arguments for type {s}: have {}, want {}", targs.len(), n.tparams.len()));
            return self.invalid();
        }
        let inst = self.instantiate_named(base, targs.clone());
        // Constraints are verified once the type's declaration is complete (bounds may
        // refer to the type being declared).
        self.delayed_verify.push((self.fid, e, n.tparams.clone(), targs.clone()));
        let obj = n.obj;
        self.record_instance(e, obj, targs, inst);
        inst
    }

    /// The generic alias object an instantiation `A[...]` names, if any.
    fn alias_obj_for(&self, e: ExprId) -> Option<super::object::ObjId> {
        let crate::syntax::ast::ExprKind::Index { x, .. } = &self.file.expr(e).kind else { return None };
        let x = super::expr::unparen(&self.file, *x);
        let fid = self.fid;
        let o = *self.info.file(fid)?.uses.get(&x)?;
        self.generic_aliases.contains_key(&o).then_some(o)
    }

    /// Verifies type arguments of type instantiations recorded while declarations were
    /// incomplete.
    pub(super) fn check_delayed_verify(&mut self) {
        let list = std::mem::take(&mut self.delayed_verify);
        for (fid, e, tparams, targs) in list {
            let prev = self.set_file(fid);
            self.verify_targs(e, &tparams, &targs);
            self.restore_file(prev);
        }
    }
}
