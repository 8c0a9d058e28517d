//! Generics by monomorphization: every instantiation of a generic function or of a
//! method of a generic type is compiled as a function of its own, with the type
//! arguments substituted for the type parameters, so the bytecode never sees a type
//! parameter.
//!
//! # How
//!
//! - **One current substitution.** A [`FuncCompiler`] compiling an instance carries a
//!   [`Subst`] (type parameter → type argument); every type it takes from the checker
//!   (expression types, object types, instance type arguments) goes through
//!   [`FuncCompiler::sty`]. Outside generic code the substitution is empty and costs
//!   one branch.
//! - **Instances on demand.** A call (or func value, method value, itab entry) naming a
//!   generic function or a method of an instantiated type asks [`Ctx::instance_func`]
//!   for the function of `(object, type arguments)`: the first request reserves a
//!   function id, fixes the word signature and queues the body; the driver compiles
//!   the queue until it is empty, so instances nested inside generic bodies (with
//!   their type arguments substituted in turn) are found without a separate pass.
//! - **Types the checker never built.** Substituting can produce types nobody wrote
//!   (`[]T` becomes `[]int`). The compiler reads the type table immutably, so a
//!   substitution only *looks up* the result ([`lookup`]); a miss is recorded and
//!   answered with the invalid type. When a compilation round ends with misses, the
//!   driver interns them ([`intern`], expanding new instances of generic types) into
//!   its own copy of the program and compiles again. Rounds are few (one per level
//!   of types that only exist inside other instances) and only generic programs pay.
//! - **Names** follow gc's tracebacks: `main.Sum[...]`, `main.(*List[...]).Push`,
//!   `main.List[...].Len`.

pub(crate) mod prepass;
pub(crate) mod subst;

pub(crate) use subst::{Subst, intern};

use super::func::{CResult, FuncCompiler};
use super::layout;
use super::package::{Ctx, symbol_prefix};
use crate::bytecode::{FuncId, Signature};
use frontend::syntax::ast::{DeclId, ExprId, ExprKind};
use frontend::types::info::Selection;
use frontend::types::object::{Builtin, ObjKind};
use frontend::types::ty::{Type, TypeId, TypeTable};
use frontend::types::{FileId, ObjId};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use subst::{MAX_ARG_NESTING, lookup, nesting};

/// Bound on the number of instances of one generic function or method (an
/// instantiation cycle such as `func F[T any]() { F[*T]() }` never ends).
const MAX_INSTANCES: usize = 2000;

/// A queued instance body.
#[derive(Debug)]
pub(crate) struct InstJob {
    pub id: FuncId,
    pub obj: ObjId,
    pub file: FileId,
    pub decl: DeclId,
    pub name: String,
    pub sig: Signature,
    pub subst: Rc<Subst>,
}

/// The compiler's generics state for one compilation round.
#[derive(Debug, Default)]
pub(crate) struct Generics {
    /// Generic functions and methods of generic types: where they are declared.
    pub decls: HashMap<ObjId, (FileId, DeclId)>,
    /// Instances by (object, type arguments): function id and word signature.
    pub funcs: HashMap<(ObjId, Vec<TypeId>), (FuncId, Signature)>,
    /// Instances per object (for the cycle bound).
    counts: HashMap<ObjId, usize>,
    /// Instance bodies still to compile.
    pub queue: Vec<InstJob>,
    /// Substitutions whose result is not in the type table yet: (type, substitution).
    pub missing: RefCell<Vec<(TypeId, Rc<Subst>)>>,
    /// An instantiation cycle was cut off: the object, for the error.
    pub cycle: Option<ObjId>,
}

impl Ctx<'_> {
    /// `t` under substitution `s`; the invalid type (and a recorded miss, for the next
    /// round) if the result is not in the type table yet.
    pub fn subst_ty(&self, t: TypeId, s: &Rc<Subst>) -> TypeId {
        if s.map.is_empty() {
            return t;
        }
        if let Some(&r) = s.memo.borrow().get(&t) {
            return r;
        }
        match lookup(&self.prog.types, t, &s.map, 0) {
            Some(r) => {
                s.memo.borrow_mut().insert(t, r);
                r
            }
            None => {
                self.generics.missing.borrow_mut().push((t, s.clone()));
                TypeTable::INVALID
            }
        }
    }

    /// The function of generic function or method `obj` instantiated with `targs`
    /// (for a method, its receiver type's arguments): its id and word signature,
    /// queuing its body on first request. `None` if `obj` is not generic code this
    /// compilation knows, or the arguments are not known yet this round.
    pub fn instance_func(&mut self, obj: ObjId, targs: Vec<TypeId>) -> Option<(FuncId, Signature)> {
        if let Some(f) = self.generics.funcs.get(&(obj, targs.clone())) {
            return Some(f.clone());
        }
        if targs.contains(&TypeTable::INVALID) {
            return None;
        }
        let &(file, decl) = self.generics.decls.get(&obj)?;
        let prog = self.prog;
        let ObjKind::Func(fi) = &prog.obj(obj).kind else { return None };
        let count = self.generics.counts.entry(obj).or_default();
        *count += 1;
        if *count > MAX_INSTANCES || targs.iter().any(|&t| nesting(&prog.types, t, 0) > MAX_ARG_NESTING) {
            self.generics.cycle = Some(obj);
            return None;
        }
        let subst = Rc::new(Subst::new(&fi.tparams, &targs));
        let mut sig = self.signature(self.subst_ty(prog.obj(obj).ty, &subst))?;
        let prefix = symbol_prefix(prog, prog.obj(obj).pkg);
        let fname = &prog.obj(obj).name;
        let name = match (fi.recv, fi.recv_base) {
            (Some(r), Some(base)) => {
                let mut params = layout::words(prog, self.subst_ty(prog.obj(r).ty, &subst));
                params.append(&mut sig.params);
                sig.params = params;
                let tname = prog.types.named(base).map(|n| prog.obj(n.obj).name.to_string()).unwrap_or_default();
                if fi.ptr_recv { format!("{prefix}.(*{tname}[...]).{fname}") } else { format!("{prefix}.{tname}[...].{fname}") }
            }
            _ => format!("{prefix}.{fname}[...]"),
        };
        let id = self.reserve_func();
        self.generics.funcs.insert((obj, targs), (id, sig.clone()));
        self.generics.queue.push(InstJob { id, obj, file, decl, name, sig: sig.clone(), subst });
        Some((id, sig))
    }

    /// The function of method `m` declared on defined type `base` (an instance of a
    /// generic type, or an ordinary defined type).
    pub fn method_func(&mut self, m: ObjId, base: TypeId) -> Option<(FuncId, Signature)> {
        if let Some(f) = self.func_ref(m) {
            return Some(f);
        }
        let base = match self.prog.types.get(base) {
            Type::Pointer(e) => *e,
            _ => base,
        };
        let targs = self.prog.types.named(base)?.targs.clone();
        self.instance_func(m, targs)
    }
}

/// The defined type holding the method a selection names: the receiver's base type,
/// or for a promoted method the embedded field at the end of the selection's path.
pub(crate) fn method_holder(types: &TypeTable, recv: TypeId, path: &[usize]) -> TypeId {
    let deref = |t: TypeId| match types.get(t) {
        Type::Pointer(e) => *e,
        _ => t,
    };
    let mut cur = deref(recv);
    for &i in path {
        let Type::Struct(fields) = types.under(cur) else { return cur };
        let Some(f) = fields.get(i) else { return cur };
        cur = deref(f.ty);
    }
    cur
}

/// The signature `sig` of a method of a generic type as instance `targs` of its
/// receiver has it (`tparams` are the method's receiver type parameters); invalid if
/// that type is not in the table yet.
pub(crate) fn instance_sig(prog: &frontend::types::Program, sig: TypeId, tparams: &[TypeId], targs: &[TypeId]) -> TypeId {
    let map: HashMap<TypeId, TypeId> = tparams.iter().copied().zip(targs.iter().copied()).collect();
    lookup(&prog.types, sig, &map, 0).unwrap_or(TypeTable::INVALID)
}

/// Finds method `name` of concrete type `t` (declared on it, on its pointee, or
/// promoted through embedded fields, shallowest first): the method object (`None`
/// for a method of an embedded interface) and the path of embedded fields to its
/// receiver.
fn find_method(cx: &Ctx<'_>, t: TypeId, name: &str) -> Option<(Option<ObjId>, Vec<usize>)> {
    let prog = cx.prog;
    let types = &prog.types;
    let deref = |t: TypeId| match types.get(t) {
        Type::Pointer(e) => *e,
        _ => t,
    };
    let mut level: Vec<(TypeId, Vec<usize>)> = vec![(deref(t), Vec::new())];
    for _ in 0..16 {
        let mut next = Vec::new();
        for (cur, path) in &level {
            if let Some(n) = types.named(*cur)
                && let Some(&m) = n.methods.iter().find(|&&m| &*prog.obj(m).name == name)
            {
                return Some((Some(m), path.clone()));
            }
            if !path.is_empty()
                && let Type::Interface(_) = types.under(*cur)
                && super::iface::iface_methods(cx, *cur).iter().any(|(n, _)| n == name)
            {
                return Some((None, path.clone()));
            }
            if let Type::Struct(fields) = types.under(*cur) {
                for (i, f) in fields.iter().enumerate().filter(|(_, f)| f.embedded) {
                    let mut p = path.clone();
                    p.push(i);
                    next.push((deref(f.ty), p));
                }
            }
        }
        if next.is_empty() {
            return None;
        }
        level = next;
    }
    None
}

impl FuncCompiler<'_, '_> {
    /// `t` with the current instance's type arguments substituted.
    pub fn sty(&self, t: TypeId) -> TypeId {
        self.cx.subst_ty(t, &self.subst)
    }

    /// The type of object `o`, substituted.
    pub fn obj_ty(&self, o: ObjId) -> TypeId {
        self.sty(self.cx.prog.obj(o).ty)
    }

    /// The generic instantiation that expression `f` (a name, `pkg.F`, or `F[targs]`)
    /// denotes, with its type arguments and type substituted.
    pub fn instance_at(&self, f: ExprId) -> Option<(ObjId, Vec<TypeId>, TypeId)> {
        let f = self.unparen(f);
        let at = match self.file.expr(f).kind {
            ExprKind::Index { x, .. } => self.unparen(x),
            _ => f,
        };
        let inst = self.finfo.instances.get(&at)?;
        if !matches!(self.cx.prog.obj(inst.obj).kind, ObjKind::Func(_)) {
            return None;
        }
        let targs = inst.targs.iter().map(|&t| self.sty(t)).collect();
        Some((inst.obj, targs, self.sty(inst.ty)))
    }

    /// The function of instance `(obj, targs)`, or an error at `f`.
    fn instance_func_at(&mut self, f: ExprId, obj: ObjId, targs: Vec<TypeId>) -> CResult<(FuncId, Signature)> {
        let pos = self.file.expr(f).pos;
        match self.cx.instance_func(obj, targs) {
            Some(r) => Ok(r),
            None if self.cx.generics.cycle.is_some() => Err(self.err(pos, "instantiation cycle")),
            None => Err(self.err(pos, "internal compiler error: generic function not found")),
        }
    }

    /// A call of a generic function: `F[targs](args)` or `F(args)` with inferred
    /// type arguments.
    pub fn generic_call(&mut self, e: ExprId, f: ExprId, args: &[ExprId], has_dots: bool) -> CResult {
        let pos = self.file.expr(e).pos;
        let Some((obj, targs, ty)) = self.instance_at(f) else {
            return Err(self.err(pos, "internal compiler error: not an instantiation"));
        };
        let (id, sig) = self.instance_func_at(f, obj, targs)?;
        let Some(fsig) = self.cx.prog.types.signature_of(ty).cloned() else {
            return Err(self.err(pos, "internal compiler error: instance without a signature"));
        };
        self.push_call_args(pos, args, &fsig, has_dots)?;
        self.b.set_line(self.line(pos));
        self.b.call(id, &sig);
        Ok(())
    }

    /// A generic function instance used as a func value.
    pub fn generic_func_value(&mut self, f: ExprId) -> CResult {
        let pos = self.file.expr(f).pos;
        let Some((obj, targs, _)) = self.instance_at(f) else {
            return Err(self.err(pos, "internal compiler error: not an instantiation"));
        };
        let (id, _) = self.instance_func_at(f, obj, targs)?;
        self.static_func_value(id);
        Ok(())
    }

    /// The function a method selection calls when the method is declared on an
    /// instance of a generic type (or on any defined type).
    pub fn selected_method_func(&mut self, f: ExprId, sel: &Selection, m: ObjId) -> CResult<(FuncId, Signature)> {
        if let Some(r) = self.cx.func_ref(m) {
            return Ok(r);
        }
        let holder = method_holder(&self.cx.prog.types, self.sty(sel.recv), &sel.index);
        let targs = self.cx.prog.types.named(holder).map(|n| n.targs.clone()).unwrap_or_default();
        self.instance_func_at(f, m, targs)
    }

    /// The method selection `x.name` on an operand whose type was a type parameter:
    /// after substitution the method is a concrete type's (declared or promoted), or an
    /// interface's. Returns the resolved selection, or `None` for an interface.
    pub fn resolve_tparam_method(&mut self, f: ExprId, sel: &Selection) -> CResult<Option<Selection>> {
        let pos = self.file.expr(f).pos;
        let ExprKind::Selector { x, sel: name, .. } = self.file.expr(f).kind else {
            return Err(self.err(pos, "internal compiler error: method call without selector"));
        };
        let xt = self.ty(x);
        if self.cx.prog.types.is_interface(xt) {
            return Ok(None);
        }
        let name = self.file.name(name).to_string();
        self.resolve_tparam_method_on(pos, xt, &name, sel).map(Some)
    }

    /// The selection of method `name` of concrete type `xt` standing for `sel`.
    pub fn resolve_tparam_method_on(&self, pos: frontend::syntax::Pos, xt: TypeId, name: &str, sel: &Selection) -> CResult<Selection> {
        let Some((m, index)) = find_method(self.cx, xt, name) else {
            return Err(self.err(pos, format!("internal compiler error: method {name} not found")));
        };
        Ok(Selection { kind: sel.kind.clone(), recv: xt, obj: m, index, indirect: sel.indirect, ty: sel.ty })
    }

    /// Whether the selection `f` calls a method of a type parameter's type argument
    /// (the checker saw an interface method of the constraint).
    pub fn is_tparam_method(&self, f: ExprId, sel: &Selection) -> bool {
        if sel.obj.is_some() || self.subst.map.is_empty() {
            return false;
        }
        let ExprKind::Selector { x, .. } = self.file.expr(f).kind else { return false };
        let raw = self.finfo.type_of(x).map_or(TypeTable::INVALID, |tv| tv.ty);
        let raw = match self.cx.prog.types.get(raw) {
            Type::Pointer(e) => *e,
            _ => raw,
        };
        self.cx.prog.types.is_type_param(raw)
    }

}

impl FuncCompiler<'_, '_> {
    /// `unsafe.Sizeof`, `Alignof` and `Offsetof` of an operand whose type involves a
    /// type parameter (the checker folds the others to constants). After substitution
    /// the answer is known at compile time; the operand is not evaluated.
    pub fn unsafe_layout(&mut self, e: ExprId, b: Builtin, args: &[ExprId]) -> CResult {
        let pos = self.file.expr(e).pos;
        let prog = self.cx.prog;
        let [a] = args else { return Err(self.err(pos, "internal compiler error: unsafe builtin arity")) };
        let a = self.unparen(*a);
        let v = match b {
            Builtin::Sizeof => layout::size_of(prog, self.ty(a)) as i64,
            Builtin::Alignof => frontend::types::sizes::align_of(prog, self.ty(a)),
            _ => {
                let (Some(sel), ExprKind::Selector { x, .. }) = (self.finfo.selections.get(&a), &self.file.expr(a).kind) else {
                    return Err(self.err(pos, "internal compiler error: Offsetof without a selector"));
                };
                // The offset within the struct that holds the field directly.
                let mut cur = self.ty(*x);
                let mut off = 0i64;
                for &i in &sel.index {
                    if let Type::Pointer(elem) = prog.types.under(cur) {
                        cur = *elem;
                        off = 0;
                    }
                    let Type::Struct(fields) = prog.types.under(cur) else {
                        return Err(self.err(pos, "internal compiler error: Offsetof of a non-struct"));
                    };
                    off += frontend::types::sizes::offsets_of(prog, cur).get(i).copied().flatten().unwrap_or(0);
                    cur = fields.get(i).map_or(TypeTable::INVALID, |f| f.ty);
                }
                off
            }
        };
        self.b.push_i64(v);
        self.b.set_top_kinds(&[crate::bytecode::Kind::Scalar]);
        Ok(())
    }
}
