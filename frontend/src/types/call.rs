//! Calls: conversions written as calls, builtins, function and method calls with
//! variadic arguments and `f(g())` spreading, and generic function calls (type
//! arguments inferred by [`super::infer`], then checked against their constraints).

use std::collections::HashMap;

use super::check::Checker;
use super::info::Instance;
use super::object::ObjKind;
use super::operand::{OpMode, Operand};
use super::ty::{Type, TypeId};
use crate::syntax::ast::{ExprId, ExprKind};

impl Checker<'_> {
    /// `fun(args)`.
    pub(super) fn call(&mut self, e: ExprId, fun: ExprId, args: &[ExprId], has_dots: bool) -> Operand {
        let pos = self.file.expr(e).pos;
        let f = self.raw_expr(fun, None, true);
        match f.mode {
            OpMode::Invalid => {
                for &a in args {
                    self.raw_expr(a, None, true);
                }
                Operand::invalid(Some(e))
            }
            OpMode::TypeExpr => {
                let t = f.ty;
                if self.is_generic_type(t) {
                    let s = self.expr_string(fun);
                    self.error(self.start(fun), format!("cannot use generic type {s} without instantiation"));
                    return Operand::invalid(Some(e));
                }
                match args.len() {
                    0 => {
                        let ts = self.ts(t);
                        self.error(self.file.expr(e).pos, format!("missing argument in conversion to {ts}"));
                        Operand::invalid(Some(e))
                    }
                    1 => {
                        if has_dots {
                            self.error(self.start(args[0]), format!("invalid use of ... in conversion to {}", self.ts(t)));
                        }
                        let x = self.expr(args[0]);
                        self.conversion(e, x, t)
                    }
                    _ => {
                        for &a in args {
                            self.expr(a);
                        }
                        let ts = self.ts(t);
                        self.error(self.start(args[args.len() - 1]), format!("too many arguments in conversion to {ts}"));
                        Operand::invalid(Some(e))
                    }
                }
            }
            OpMode::Builtin(b) => self.builtin(e, b, args, has_dots),
            // A function used within its own signature: already reported.
            _ if f.ty == self.invalid() || self.prog.types.underlying(f.ty) == self.invalid() => {
                for &a in args {
                    self.raw_expr(a, None, true);
                }
                Operand::invalid(Some(e))
            }
            _ => {
                let Some(core) = self.core_type(f.ty) else {
                    let d = self.describe(&f);
                    self.error(pos, format!("invalid operation: cannot call non-function {d}"));
                    return Operand::invalid(Some(e));
                };
                let Type::Signature(sig) = self.prog.types.get(core).clone() else {
                    let d = self.describe(&f);
                    self.error(pos, format!("invalid operation: cannot call non-function {d}"));
                    for &a in args {
                        self.raw_expr(a, None, true);
                    }
                    return Operand::invalid(Some(e));
                };
                let mut operands = self.call_args(args, has_dots);
                // A generic function (not yet instantiated): infer its type arguments.
                let mut sig = sig;
                let generic = f.id.and_then(|o| match &self.prog.obj(o).kind {
                    ObjKind::Func(fi) if !fi.tparams.is_empty() && fi.recv.is_none() && self.prog.obj(o).ty == f.ty => Some((o, fi.tparams.clone())),
                    _ => None,
                });
                if let Some((obj, tparams)) = generic {
                    let given = self.partial_targs.remove(&(self.fid, fun)).unwrap_or_default();
                    let Some(targs) = self.infer_call(e, fun, &tparams, &sig, &operands, &given, has_dots) else {
                        return Operand::invalid(Some(e));
                    };
                    let map: HashMap<TypeId, TypeId> = tparams.iter().copied().zip(targs.iter().copied()).collect();
                    let inst = self.subst(core, &map);
                    if !self.verify_targs(fun, &tparams, &targs) {
                        return Operand::invalid(Some(e));
                    }
                    self.record_instance(fun, obj, targs, inst);
                    let fid = self.fid;
                    let inner = super::expr::unparen(&self.file, fun);
                    self.info.file_mut(fid).record_type(inner, inst);
                    if let Type::Signature(s) = self.prog.types.get(inst).clone() {
                        sig = s;
                    }
                }
                self.instantiate_func_args(&sig, &mut operands, has_dots);
                let fname = self.expr_string(fun);
                self.pass_args(e, &fname, &sig, operands, has_dots, args);
                match sig.results.len() {
                    0 => Operand { mode: OpMode::NoValue, ty: self.invalid(), val: super::constant::Value::Unknown, expr: Some(e), id: None },
                    1 => Operand::value(sig.results[0], Some(e)),
                    _ => {
                        let t = self.prog.types.tuple(sig.results.clone());
                        Operand::value(t, Some(e))
                    }
                }
            }
        }
    }

    /// Evaluates call arguments; a single multi-valued call is spread.
    pub(super) fn call_args(&mut self, args: &[ExprId], has_dots: bool) -> Vec<Operand> {
        if args.len() == 1 && !has_dots {
            let x = self.expr_multi(args[0]);
            if x.mode != OpMode::Invalid
                && let Type::Tuple(elems) = self.prog.types.get(x.ty).clone()
            {
                return elems.into_iter().map(|t| Operand { mode: OpMode::Value, ty: t, val: super::constant::Value::Unknown, expr: None, id: None }).collect();
            }
            return vec![x];
        }
        args.iter()
            .map(|&a| {
                // Generic functions may be passed uninstantiated: the parameter type
                // decides their type arguments (see `instantiate_func_args`).
                let mut x = self.raw_expr(a, None, true);
                if x.mode == OpMode::TypeExpr || x.mode == OpMode::NoValue || matches!(x.mode, OpMode::Builtin(_)) {
                    let mut y = self.expr(a);
                    y.expr = Some(a);
                    return y;
                }
                self.single_value(&mut x);
                x
            })
            .collect()
    }

    /// Instantiates generic function arguments from their parameter types.
    fn instantiate_func_args(&mut self, sig: &super::ty::Signature, operands: &mut [Operand], has_dots: bool) {
        let np = sig.params.len();
        for (i, x) in operands.iter_mut().enumerate() {
            if x.mode == OpMode::Invalid || !self.is_generic_func_operand(x) {
                continue;
            }
            let p = if sig.variadic && !has_dots && i + 1 >= np {
                match self.prog.types.get(sig.params[np - 1]) {
                    Type::Slice(e) => *e,
                    _ => continue,
                }
            } else {
                match sig.params.get(i) {
                    Some(&p) => p,
                    None => continue,
                }
            };
            let Some(obj) = x.id else { continue };
            let tparams = match &self.prog.obj(obj).kind {
                ObjKind::Func(fi) => fi.tparams.clone(),
                _ => continue,
            };
            let mut map: HashMap<TypeId, TypeId> = HashMap::new();
            let unified = self.unify(x.ty, p, &mut map, &tparams, 0);
            if unified {
                self.infer_from_cores(&tparams, &mut map);
            }
            let ok = unified && tparams.iter().all(|t| map.contains_key(t));
            let Some(e) = x.expr else { continue };
            if !ok {
                let s = self.expr_string(e);
                self.error(self.start(e), format!("cannot use generic function {s} without instantiation"));
                x.mode = OpMode::Invalid;
                continue;
            }
            let targs: Vec<TypeId> = tparams.iter().filter_map(|t| map.get(t).copied()).collect();
            let inst = self.subst(x.ty, &map);
            self.record_instance(e, obj, targs, inst);
            let fid = self.fid;
            self.info.file_mut(fid).record_type(e, inst);
            x.ty = inst;
        }
    }

    /// Checks argument count and assignability against a signature.
    fn pass_args(&mut self, call: ExprId, fname: &str, sig: &super::ty::Signature, mut operands: Vec<Operand>, has_dots: bool, args: &[ExprId]) {
        if operands.iter().any(|x| x.mode == OpMode::Invalid) {
            return;
        }
        let np = sig.params.len();
        let context = format!("argument to {fname}");
        if has_dots {
            if !sig.variadic {
                let last = args.last().copied().unwrap_or(call);
                self.error(self.start(last), format!("cannot use ... in call to non-variadic {fname}"));
                return;
            }
            if operands.len() != np {
                self.arg_count_error(call, fname, sig, &operands, operands.len() < np);
                return;
            }
            for (i, x) in operands.iter_mut().enumerate() {
                let t = sig.params[i];
                self.assignment(x, Some(t), &context);
            }
            return;
        }
        let fixed = if sig.variadic { np.saturating_sub(1) } else { np };
        if operands.len() < fixed || (!sig.variadic && operands.len() > np) {
            self.arg_count_error(call, fname, sig, &operands, operands.len() < fixed);
            return;
        }
        let elem = if sig.variadic {
            match self.prog.types.get(sig.params[np - 1]) {
                Type::Slice(e) => Some(*e),
                _ => None,
            }
        } else {
            None
        };
        for (i, x) in operands.iter_mut().enumerate() {
            let t = if i < fixed { sig.params[i] } else { elem.unwrap_or(self.invalid()) };
            self.assignment(x, Some(t), &context);
        }
    }

    fn arg_count_error(&mut self, call: ExprId, fname: &str, sig: &super::ty::Signature, operands: &[Operand], not_enough: bool) {
        let have = operands.iter().map(|x| if self.prog.types.is_untyped(x.ty) && x.mode == OpMode::Constant { "number".to_string() } else { self.ts(x.ty) }).collect::<Vec<_>>().join(", ");
        let t = self.prog.types.signature(sig.params.clone(), vec![], sig.variadic);
        let want = self.ts(t).trim_start_matches("func").to_string();
        let msg = format!(
            "{} arguments in call to {fname}\n\thave ({have})\n\twant {want}",
            if not_enough { "not enough" } else { "too many" }
        );
        let pos = match &self.file.expr(call).kind {
            ExprKind::Call { rparen, args, .. } => {
                if not_enough {
                    *rparen
                } else {
                    args.get(sig.params.len()).map(|a| self.start(*a)).unwrap_or(*rparen)
                }
            }
            _ => self.file.expr(call).pos,
        };
        self.error(pos, msg);
    }

    /// Records a generic instantiation at `e` (the function or type expression).
    pub(super) fn record_instance(&mut self, e: ExprId, obj: super::object::ObjId, targs: Vec<TypeId>, ty: TypeId) {
        let fid = self.fid;
        let inner = super::expr::unparen(&self.file, e);
        // Record at the identifier (for `pkg.F` the selector).
        let at = match &self.file.expr(inner).kind {
            ExprKind::Index { x, .. } => super::expr::unparen(&self.file, *x),
            _ => inner,
        };
        self.info.file_mut(fid).instances.insert(at, Instance { obj, targs: targs.clone(), ty });
        if self.instance_set.insert((obj, targs.clone())) {
            self.info.instances.push((obj, targs));
        }
    }

    /// Checks type arguments against their (substituted) constraints.
    pub(super) fn verify_targs(&mut self, at: ExprId, tparams: &[TypeId], targs: &[TypeId]) -> bool {
        let map: HashMap<TypeId, TypeId> = tparams.iter().copied().zip(targs.iter().copied()).collect();
        for (i, &tp) in tparams.iter().enumerate() {
            let Some(&ta) = targs.get(i) else { return false };
            let bound = self.prog.types.type_param(tp).and_then(|p| p.bound).unwrap_or(self.prog.pre.any);
            let b = self.subst(bound, &map);
            if let Err(why) = self.implements(ta, b) {
                let pos = self.start(at);
                let msg = why.replace(" does not implement ", " does not satisfy ");
                self.error(pos, msg);
                return false;
            }
        }
        true
    }
}
