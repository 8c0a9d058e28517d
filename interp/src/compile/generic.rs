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

use super::func::{CResult, FuncCompiler};
use super::layout;
use super::package::{Ctx, symbol_prefix};
use crate::bytecode::{FuncId, Signature};
use frontend::syntax::ast::{DeclId, ExprId, ExprKind};
use frontend::types::info::Selection;
use frontend::types::object::{Builtin, ObjKind};
use frontend::types::ty::{Field, Interface, Method, Signature as FnSig, Term, Type, TypeId, TypeTable};
use frontend::types::{FileId, ObjId};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Bound on the depth of a substituted type (`type T[P any] struct{ f *T[[]P] }` would
/// grow for ever).
const MAX_DEPTH: u32 = 100;

/// Bound on the number of instances of one generic function or method (an
/// instantiation cycle such as `func F[T any]() { F[*T]() }` never ends).
const MAX_INSTANCES: usize = 2000;

/// Bound on how deeply type arguments nest: deeper ones come from an instantiation
/// cycle (`F[T]` calling `F[*T]`), which gc rejects at compile time.
const MAX_ARG_NESTING: u32 = 16;

/// How deeply type constructors nest in `t` (capped just past the bound).
fn nesting(types: &TypeTable, t: TypeId, depth: u32) -> u32 {
    if depth > MAX_ARG_NESTING {
        return depth;
    }
    let d = depth + 1;
    let max = |xs: &mut dyn Iterator<Item = TypeId>| xs.map(|x| nesting(types, x, d)).max().unwrap_or(depth);
    match types.get(t) {
        Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) | Type::Chan(_, e) => nesting(types, *e, d),
        Type::Map(k, v) => max(&mut [*k, *v].into_iter()),
        Type::Struct(fields) => max(&mut fields.iter().map(|f| f.ty)),
        Type::Signature(s) => max(&mut s.params.iter().chain(&s.results).copied()),
        Type::Named(_) => match types.named(t) {
            Some(n) if n.origin.is_some() => max(&mut n.targs.iter().copied()),
            _ => depth,
        },
        _ => depth,
    }
}

/// A substitution of type arguments for type parameters, with a memo of the types
/// already substituted (empty outside generic code).
#[derive(Debug, Default)]
pub(crate) struct Subst {
    /// Type parameter → type argument.
    pub map: HashMap<TypeId, TypeId>,
    memo: RefCell<HashMap<TypeId, TypeId>>,
}

impl Subst {
    /// The substitution of `targs` for `tparams` (pairwise).
    pub fn new(tparams: &[TypeId], targs: &[TypeId]) -> Subst {
        Subst { map: tparams.iter().copied().zip(targs.iter().copied()).collect(), memo: RefCell::default() }
    }
}

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

/// `t` with `map` applied, if every type it needs is interned already.
pub(crate) fn lookup(types: &TypeTable, t: TypeId, map: &HashMap<TypeId, TypeId>, depth: u32) -> Option<TypeId> {
    if depth > MAX_DEPTH {
        return None;
    }
    let d = depth + 1;
    let sub = |x: TypeId| lookup(types, x, map, d);
    let subs = |xs: &[TypeId]| xs.iter().map(|&x| sub(x)).collect::<Option<Vec<TypeId>>>();
    let new = match types.get(t) {
        Type::Basic(_) => return Some(t),
        Type::TypeParam(_) => return Some(map.get(&t).copied().unwrap_or(t)),
        Type::Named(_) => {
            let n = types.named(t)?;
            let Some(origin) = n.origin else {
                return match local_key(types, t, map) {
                    Some(key) => types.lookup_instance(t, &key),
                    None => Some(t),
                };
            };
            let targs = subs(&n.targs)?;
            if targs == n.targs {
                return Some(t);
            }
            return types.lookup_instance(origin, &targs);
        }
        Type::Pointer(e) => Type::Pointer(sub(*e)?),
        Type::Slice(e) => Type::Slice(sub(*e)?),
        Type::Array(n, e) => Type::Array(*n, sub(*e)?),
        Type::Map(k, v) => Type::Map(sub(*k)?, sub(*v)?),
        Type::Chan(dir, e) => Type::Chan(*dir, sub(*e)?),
        Type::Struct(fields) => {
            let mut nf = Vec::with_capacity(fields.len());
            for f in fields {
                nf.push(Field { ty: sub(f.ty)?, ..f.clone() });
            }
            Type::Struct(nf)
        }
        Type::Signature(s) => Type::Signature(FnSig { params: subs(&s.params)?, results: subs(&s.results)?, variadic: s.variadic }),
        Type::Tuple(elems) => Type::Tuple(subs(elems)?),
        Type::Union(terms) => {
            let mut nt = Vec::with_capacity(terms.len());
            for x in terms {
                nt.push(Term { tilde: x.tilde, ty: sub(x.ty)? });
            }
            Type::Union(nt)
        }
        Type::Interface(i) => {
            let mut methods = Vec::with_capacity(i.methods.len());
            for m in &i.methods {
                methods.push(Method { sig: sub(m.sig)?, ..m.clone() });
            }
            Type::Interface(Interface { methods, embeddeds: subs(&i.embeddeds)?, implicit: i.implicit })
        }
    };
    if &new == types.get(t) {
        return Some(t);
    }
    types.lookup(&new)
}

/// `t` with `map` applied, interning every new type and expanding new instances of
/// generic types (their underlying type is the origin's, substituted).
pub(crate) fn intern(types: &mut TypeTable, t: TypeId, map: &HashMap<TypeId, TypeId>, depth: u32) -> TypeId {
    if depth > MAX_DEPTH {
        return TypeTable::INVALID;
    }
    let d = depth + 1;
    let ty = types.get(t).clone();
    let new = match &ty {
        Type::Basic(_) => return t,
        Type::TypeParam(_) => return map.get(&t).copied().unwrap_or(t),
        Type::Named(_) => {
            let Some(n) = types.named(t).cloned() else { return t };
            let Some(origin) = n.origin else {
                return match local_key(types, t, map) {
                    Some(key) => instantiate_local(types, t, key, map, d),
                    None => t,
                };
            };
            let targs: Vec<TypeId> = n.targs.iter().map(|&a| intern(types, a, map, d)).collect();
            if targs == n.targs {
                return t;
            }
            return instantiate(types, origin, targs, d);
        }
        Type::Pointer(e) => Type::Pointer(intern(types, *e, map, d)),
        Type::Slice(e) => Type::Slice(intern(types, *e, map, d)),
        Type::Array(n, e) => Type::Array(*n, intern(types, *e, map, d)),
        Type::Map(k, v) => Type::Map(intern(types, *k, map, d), intern(types, *v, map, d)),
        Type::Chan(dir, e) => Type::Chan(*dir, intern(types, *e, map, d)),
        Type::Struct(fields) => Type::Struct(fields.iter().map(|f| Field { ty: intern(types, f.ty, map, d), ..f.clone() }).collect()),
        Type::Signature(s) => Type::Signature(FnSig {
            params: s.params.iter().map(|&p| intern(types, p, map, d)).collect(),
            results: s.results.iter().map(|&p| intern(types, p, map, d)).collect(),
            variadic: s.variadic,
        }),
        Type::Tuple(elems) => Type::Tuple(elems.iter().map(|&p| intern(types, p, map, d)).collect()),
        Type::Union(terms) => Type::Union(terms.iter().map(|x| Term { tilde: x.tilde, ty: intern(types, x.ty, map, d) }).collect()),
        Type::Interface(i) => Type::Interface(Interface {
            methods: i.methods.iter().map(|m| Method { sig: intern(types, m.sig, map, d), ..m.clone() }).collect(),
            embeddeds: i.embeddeds.iter().map(|&e| intern(types, e, map, d)).collect(),
            implicit: i.implicit,
        }),
    };
    if new == ty { t } else { types.intern(new) }
}

/// For a type declared inside a generic function (a defined type without type
/// parameters whose underlying type mentions the function's type parameters), the key
/// of its instance under `map`: the type arguments in type parameter order. gc, too,
/// makes such a type a different type in each instance.
fn local_key(types: &TypeTable, t: TypeId, map: &HashMap<TypeId, TypeId>) -> Option<Vec<TypeId>> {
    let n = types.named(t)?;
    if !n.tparams.is_empty() || map.is_empty() {
        return None;
    }
    let mut seen = Vec::new();
    if !mentions(types, n.underlying?, map, &mut seen, 0) {
        return None;
    }
    let mut keys: Vec<(&TypeId, &TypeId)> = map.iter().collect();
    keys.sort();
    Some(keys.into_iter().map(|(_, &v)| v).collect())
}

/// Whether `t` mentions a type parameter of `map` (through local defined types too).
fn mentions(types: &TypeTable, t: TypeId, map: &HashMap<TypeId, TypeId>, seen: &mut Vec<TypeId>, depth: u32) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    let d = depth + 1;
    let mut m = |x: TypeId| mentions(types, x, map, seen, d);
    match types.get(t) {
        Type::Basic(_) => false,
        Type::TypeParam(_) => map.contains_key(&t),
        Type::Named(_) => {
            let Some(n) = types.named(t) else { return false };
            if n.origin.is_some() {
                return n.targs.clone().into_iter().any(m);
            }
            if seen.contains(&t) {
                return false;
            }
            seen.push(t);
            n.underlying.is_some_and(|u| mentions(types, u, map, seen, d))
        }
        Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) | Type::Chan(_, e) => m(*e),
        Type::Map(k, v) => m(*k) || m(*v),
        Type::Struct(fields) => fields.iter().any(|f| m(f.ty)),
        Type::Signature(s) => s.params.iter().chain(&s.results).any(|&x| m(x)),
        Type::Tuple(elems) => elems.iter().any(|&x| m(x)),
        Type::Union(terms) => terms.iter().any(|x| m(x.ty)),
        Type::Interface(i) => i.methods.iter().any(|x| m(x.sig)) || i.embeddeds.iter().any(|&x| m(x)),
    }
}

/// The instance of local type `t` for `key` (see [`local_key`]), created and
/// expanded with `map` if it is new.
fn instantiate_local(types: &mut TypeTable, t: TypeId, key: Vec<TypeId>, map: &HashMap<TypeId, TypeId>, depth: u32) -> TypeId {
    let (inst, fresh) = types.instance(t, key);
    if fresh {
        let u = types.named(t).and_then(|n| n.underlying);
        if let Some(n) = types.named_mut(inst) {
            n.underlying = Some(TypeTable::INVALID);
        }
        let u = u.map_or(TypeTable::INVALID, |u| intern(types, u, map, depth));
        if let Some(n) = types.named_mut(inst) {
            n.underlying = Some(u);
        }
    }
    inst
}

/// The instance `origin[targs]`, created and expanded if it is new.
fn instantiate(types: &mut TypeTable, origin: TypeId, targs: Vec<TypeId>, depth: u32) -> TypeId {
    let (inst, fresh) = types.instance(origin, targs.clone());
    if fresh {
        let Some(on) = types.named(origin).cloned() else { return inst };
        let map: HashMap<TypeId, TypeId> = on.tparams.iter().copied().zip(targs).collect();
        // Marked first: a recursive reference finds the instance and stops there.
        if let Some(n) = types.named_mut(inst) {
            n.underlying = Some(TypeTable::INVALID);
        }
        let u = on.underlying.map_or(TypeTable::INVALID, |u| intern(types, u, &map, depth));
        if let Some(n) = types.named_mut(inst) {
            n.underlying = Some(u);
        }
    }
    inst
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
        if let Some(f) = self.funcs.get(&m) {
            return Some(f.clone());
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
fn method_holder(types: &TypeTable, recv: TypeId, path: &[usize]) -> TypeId {
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
        if let Some(r) = self.cx.funcs.get(&m) {
            return Ok(r.clone());
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

impl FuncCompiler<'_, '_> {
    /// The itab a type assertion (or type switch case) from interface `i` to concrete
    /// type `t` compares with. In generic code `t` may not implement `i` (gc rejects
    /// that only outside generic code): the assertion then never succeeds, so it
    /// compares with a static word that is no itab.
    pub fn assert_itab(&mut self, pos: frontend::syntax::Pos, i: TypeId, t: TypeId) -> u64 {
        match self.itab(pos, i, t) {
            Ok(a) => a,
            Err(_) => {
                let never: Box<[u64]> = Box::new([0]);
                let a = never.as_ptr() as u64;
                self.cx.data.funcvals.push(never);
                a
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use frontend::types::ty::BasicKind;

    fn field(name: &str, ty: TypeId) -> Field {
        Field { name: name.into(), pkg: None, ty, embedded: false, tag: "".into() }
    }

    /// `type List[T any] struct { next *List[T]; v T }`: the generic type and its
    /// parameter.
    fn list(types: &mut TypeTable) -> (TypeId, TypeId) {
        let tp = types.new_type_param(ObjId(1), 0);
        let list = types.new_named(ObjId(2));
        let self_inst = types.instance(list, vec![tp]).0;
        let ptr = types.pointer(self_inst);
        let st = types.intern(Type::Struct(vec![field("next", ptr), field("v", tp)]));
        if let Some(n) = types.named_mut(list) {
            n.tparams = vec![tp];
            n.underlying = Some(st);
        }
        if let Some(n) = types.named_mut(self_inst) {
            n.underlying = Some(st);
        }
        (list, tp)
    }

    #[test]
    fn lookup_misses_until_interned() {
        let mut types = TypeTable::new();
        let tp = types.new_type_param(ObjId(1), 0);
        let slice_t = types.slice(tp);
        let int = TypeTable::basic(BasicKind::Int);
        let map: HashMap<TypeId, TypeId> = [(tp, int)].into();
        assert_eq!(lookup(&types, slice_t, &map, 0), None);
        let got = intern(&mut types, slice_t, &map, 0);
        assert_eq!(got, types.slice(int));
        assert_eq!(lookup(&types, slice_t, &map, 0), Some(got));
        // Types without the parameter are themselves.
        assert_eq!(lookup(&types, int, &map, 0), Some(int));
    }

    #[test]
    fn recursive_instance_expands_once() {
        let mut types = TypeTable::new();
        let (list, tp) = list(&mut types);
        let generic_inst = types.lookup_instance(list, &[tp]).unwrap_or(TypeTable::INVALID);
        let int = TypeTable::basic(BasicKind::Int);
        let map: HashMap<TypeId, TypeId> = [(tp, int)].into();
        let li = intern(&mut types, generic_inst, &map, 0);
        assert_eq!(types.lookup_instance(list, &[int]), Some(li));
        // Its underlying struct points back at the same instance and holds an int.
        let Type::Struct(fields) = types.under(li).clone() else { panic!("not a struct") };
        assert_eq!(fields[0].ty, types.pointer(li));
        assert_eq!(fields[1].ty, int);
    }

    #[test]
    fn local_types_mentioning_parameters_are_instantiated() {
        let mut types = TypeTable::new();
        let tp = types.new_type_param(ObjId(1), 0);
        let local = types.new_named(ObjId(3));
        let st = types.intern(Type::Struct(vec![field("v", tp)]));
        if let Some(n) = types.named_mut(local) {
            n.underlying = Some(st);
        }
        let (int, s) = (TypeTable::basic(BasicKind::Int), TypeTable::basic(BasicKind::String));
        let a = intern(&mut types, local, &[(tp, int)].into(), 0);
        let b = intern(&mut types, local, &[(tp, s)].into(), 0);
        assert_ne!(a, b);
        assert_ne!(a, local);
        assert_eq!(types.underlying(a), types.intern(Type::Struct(vec![field("v", int)])));
        // A local type that does not mention the parameters stays itself.
        let plain = types.new_named(ObjId(4));
        if let Some(n) = types.named_mut(plain) {
            n.underlying = Some(int);
        }
        assert_eq!(intern(&mut types, plain, &[(tp, int)].into(), 0), plain);
    }

    #[test]
    fn nesting_bounds_cycles() {
        let mut types = TypeTable::new();
        let mut t = TypeTable::basic(BasicKind::Int);
        for _ in 0..MAX_ARG_NESTING + 1 {
            t = types.pointer(t);
        }
        assert!(nesting(&types, t, 0) > MAX_ARG_NESTING);
        let p = types.pointer(TypeTable::basic(BasicKind::Int));
        assert_eq!(nesting(&types, p, 0), 1);
    }
}
