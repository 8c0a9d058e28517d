//! Type argument inference for generic function calls: unification of parameter and
//! argument types (typed arguments first), core-type inference from constraints
//! (`[S ~[]E, E any]`), then default types for untyped constant arguments.

use std::collections::HashMap;

use super::check::Checker;
use super::operand::{OpMode, Operand};
use super::ty::{BasicKind, Signature, Type, TypeId};
use crate::syntax::ast::ExprId;

impl Checker<'_> {
    /// Infers the type arguments of a call of a generic function; reports failure.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn infer_call(&mut self, call: ExprId, fun: ExprId, tparams: &[TypeId], sig: &Signature, args: &[Operand], given: &[TypeId], has_dots: bool) -> Option<Vec<TypeId>> {
        let mut map: HashMap<TypeId, TypeId> = HashMap::new();
        for (i, &g) in given.iter().enumerate() {
            if let Some(&tp) = tparams.get(i) {
                map.insert(tp, g);
            }
        }
        // Parameter type for each argument (variadic parameters repeat their element).
        let np = sig.params.len();
        let param_for = |i: usize, this: &Self| -> Option<TypeId> {
            if sig.variadic && !has_dots && i + 1 >= np {
                match this.prog.types.get(*sig.params.last()?) {
                    Type::Slice(e) => Some(*e),
                    _ => None,
                }
            } else {
                sig.params.get(i).copied()
            }
        };
        // 1. Typed arguments.
        for (i, a) in args.iter().enumerate() {
            if a.mode == OpMode::Invalid {
                return None;
            }
            let Some(p) = param_for(i, self) else { continue };
            if self.prog.types.is_untyped(a.ty) || self.is_generic_func_operand(a) {
                continue;
            }
            if !self.unify(p, a.ty, &mut map, tparams, 0) {
                let d = self.describe(a);
                let pos = a.expr.map(|e| self.start(e)).unwrap_or_else(|| self.start(call));
                let fname = self.expr_string(fun);
                let want = self.subst(p, &map);
                let ws = self.ts(want);
                self.error(pos, format!("in call to {fname}, type {} of {} does not match {ws}", self.ts(a.ty), d.split(" (").next().unwrap_or(&d)));
                return None;
            }
        }
        // 2. Core types of constraints.
        self.infer_from_cores(tparams, &mut map);
        // 3. Untyped constant arguments for parameters that are bare type parameters.
        let mut untyped_kind: HashMap<TypeId, BasicKind> = HashMap::new();
        for (i, a) in args.iter().enumerate() {
            let Some(p) = param_for(i, self) else { continue };
            if !self.prog.types.is_untyped(a.ty) || !tparams.contains(&p) || map.contains_key(&p) {
                continue;
            }
            if a.is_nil() {
                continue;
            }
            let k = self.prog.types.basic_kind(a.ty).unwrap_or(BasicKind::Invalid);
            let e = untyped_kind.entry(p).or_insert(k);
            if k > *e {
                *e = k;
            }
        }
        for (tp, k) in untyped_kind {
            let d = self.default_type(self.prog.basic(k));
            map.insert(tp, d);
        }
        self.infer_from_cores(tparams, &mut map);
        // Resolve bindings that mention other type parameters.
        let mut out = Vec::new();
        for &tp in tparams {
            match map.get(&tp) {
                Some(&t) => {
                    let mut t = t;
                    for _ in 0..8 {
                        let n = self.subst(t, &map);
                        if n == t {
                            break;
                        }
                        t = n;
                    }
                    out.push(t);
                }
                None => {
                    let fname = self.expr_string(fun);
                    let name = self.prog.types.type_param(tp).map(|p| self.prog.obj(p.obj).name.clone()).unwrap_or_default();
                    let declared = self.prog.types.type_param(tp).and_then(|p| self.prog.obj(p.obj).pos).map(|p| self.prog.position(p));
                    let at = match declared {
                        Some(d) => format!(" (declared at {d})"),
                        None => String::new(),
                    };
                    let pos = self.file.expr(call).pos;
                    self.error(pos, format!("in call to {fname}, cannot infer {name}{at}"));
                    return None;
                }
            }
        }
        Some(out)
    }

    /// Binds type parameters from their constraints' core types until nothing changes.
    pub(super) fn infer_from_cores(&mut self, tparams: &[TypeId], map: &mut HashMap<TypeId, TypeId>) {
        for _ in 0..tparams.len() + 1 {
            let mut changed = false;
            for &tp in tparams {
                let bound = self.prog.types.type_param(tp).and_then(|p| p.bound);
                let Some(bound) = bound else { continue };
                let ts = self.typeset(bound);
                let Some(terms) = ts.terms.clone() else { continue };
                if terms.len() != 1 {
                    continue;
                }
                let term = terms[0];
                match map.get(&tp).copied() {
                    Some(bound_to) => {
                        let before = map.len();
                        let target = if term.tilde || self.prog.types.is_type_param(bound_to) {
                            match self.core_type(bound_to) {
                                Some(c) => c,
                                None => continue,
                            }
                        } else {
                            bound_to
                        };
                        let core = if term.tilde { self.prog.types.underlying(term.ty) } else { term.ty };
                        self.unify(core, target, map, tparams, 0);
                        changed |= map.len() != before;
                    }
                    None => {
                        if !term.tilde {
                            let t = self.subst(term.ty, map);
                            if !self.mentions_any(t, tparams) {
                                map.insert(tp, t);
                                changed = true;
                            }
                        }
                    }
                }
            }
            if !changed {
                break;
            }
        }
    }

    /// Whether `t` mentions any of the type parameters.
    pub(super) fn mentions_any(&mut self, t: TypeId, tparams: &[TypeId]) -> bool {
        let probe: HashMap<TypeId, TypeId> = tparams.iter().map(|&p| (p, self.invalid())).collect();
        self.subst(t, &probe) != t
    }

    /// Unifies parameter type `p` with argument type `a`, binding type parameters.
    /// Inexact: a defined type unifies with a type literal through its underlying type.
    pub(super) fn unify(&mut self, p: TypeId, a: TypeId, map: &mut HashMap<TypeId, TypeId>, tparams: &[TypeId], depth: u32) -> bool {
        if depth > 64 {
            return true;
        }
        // (No `p == a` shortcut: a recursive call inside the generic function passes
        // arguments typed with its own parameters, which must still be bound.)
        if tparams.contains(&p) {
            match map.get(&p).copied() {
                Some(b) => {
                    if self.identical(b, a) {
                        return true;
                    }
                    // A defined type and a literal with the same structure: keep the defined type.
                    if self.prog.types.has_name(a) && !self.prog.types.has_name(b) {
                        let au = self.prog.types.underlying(a);
                        if self.unify(b, au, map, tparams, depth + 1) {
                            map.insert(p, a);
                            return true;
                        }
                    }
                    if !self.prog.types.has_name(a) && self.prog.types.has_name(b) {
                        let bu = self.prog.types.underlying(b);
                        return self.unify(bu, a, map, tparams, depth + 1);
                    }
                    // Interfaces: a value of a type implementing the interface.
                    if self.prog.types.is_interface(b) && !self.prog.types.is_type_param(b) {
                        return self.missing_method(a, b).is_none();
                    }
                    false
                }
                None => {
                    map.insert(p, a);
                    true
                }
            }
        } else {
            // A parameter type without type parameters binds nothing; assignability is
            // checked when the arguments are passed.
            if !self.mentions_any(p, tparams) {
                return true;
            }
            let d = depth + 1;
            let (tp, ta) = (self.prog.types.get(p).clone(), self.prog.types.get(a).clone());
            // A generic instance parameter (e.g. `Func2[A, B]`) and a literal argument:
            // unify through the parameter's underlying type.
            if matches!(tp, Type::Named(_)) && !matches!(ta, Type::Named(_) | Type::TypeParam(_)) {
                let pu = self.prog.types.underlying(p);
                if pu != p && !self.prog.types.is_interface(p) {
                    return self.unify(pu, a, map, tparams, d);
                }
            }
            // Named generic instance vs instance of the same origin: unify arguments.
            if let (Type::Named(_), Type::Named(_)) = (&tp, &ta) {
                let (np, na) = (self.prog.types.named(p).cloned(), self.prog.types.named(a).cloned());
                if let (Some(np), Some(na)) = (np, na)
                    && np.origin.is_some()
                    && np.origin == na.origin
                {
                    return np.targs.iter().zip(na.targs.iter()).all(|(x, y)| self.unify(*x, *y, map, tparams, d));
                }
                return self.identical(p, a);
            }
            // Inexact: compare a defined argument type by its underlying type, and a type
            // parameter argument by its core type.
            let a_struct = if matches!(ta, Type::TypeParam(_)) && !matches!(tp, Type::Interface(_)) {
                match self.core_type(a) {
                    Some(c) => self.prog.types.get(c).clone(),
                    None => return false,
                }
            } else if matches!(ta, Type::Named(_)) && !matches!(tp, Type::Named(_) | Type::Interface(_)) {
                let au = self.prog.types.underlying(a);
                self.prog.types.get(au).clone()
            } else {
                ta.clone()
            };
            match (&tp, &a_struct) {
                (Type::Pointer(x), Type::Pointer(y)) | (Type::Slice(x), Type::Slice(y)) => self.unify(*x, *y, map, tparams, d),
                (Type::Array(n, x), Type::Array(m, y)) => n == m && self.unify(*x, *y, map, tparams, d),
                (Type::Map(k1, v1), Type::Map(k2, v2)) => self.unify(*k1, *k2, map, tparams, d) && self.unify(*v1, *v2, map, tparams, d),
                (Type::Chan(_, x), Type::Chan(_, y)) => self.unify(*x, *y, map, tparams, d),
                (Type::Signature(s1), Type::Signature(s2)) => {
                    s1.params.len() == s2.params.len()
                        && s1.results.len() == s2.results.len()
                        && s1.variadic == s2.variadic
                        && s1.params.clone().iter().zip(s2.params.clone().iter()).all(|(x, y)| self.unify(*x, *y, map, tparams, d))
                        && s1.results.clone().iter().zip(s2.results.clone().iter()).all(|(x, y)| self.unify(*x, *y, map, tparams, d))
                }
                (Type::Struct(f1), Type::Struct(f2)) => {
                    f1.len() == f2.len() && f1.clone().iter().zip(f2.clone().iter()).all(|(x, y)| x.name == y.name && self.unify(x.ty, y.ty, map, tparams, d))
                }
                (Type::Interface(_), _) => {
                    // A parameter of interface type: the argument need only implement it
                    // (type parameters inside its methods are left to other arguments).
                    true
                }
                _ => self.identical(p, a),
            }
        }
    }
}
