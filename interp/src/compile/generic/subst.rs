//! Type substitution for monomorphization: the type arguments of an instance put in
//! place of its type parameters. [`lookup`] only finds results already in the type
//! table (the compiler reads the table immutably); [`intern`] builds them, expanding new
//! instances of generic types and of types declared inside generic functions, between
//! compilation rounds.

use frontend::types::ty::{Field, Interface, Method, Signature as FnSig, Term, Type, TypeId, TypeTable};
use std::cell::RefCell;
use std::collections::HashMap;

/// Bound on the depth of a substituted type (`type T[P any] struct{ f *T[[]P] }` would
/// grow for ever).
const MAX_DEPTH: u32 = 100;

/// Bound on how deeply type arguments nest: deeper ones come from an instantiation
/// cycle (`F[T]` calling `F[*T]`), which gc rejects at compile time.
pub(crate) const MAX_ARG_NESTING: u32 = 16;

/// How deeply type constructors nest in `t` (capped just past the bound).
pub(crate) fn nesting(types: &TypeTable, t: TypeId, depth: u32) -> u32 {
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
    /// Results found so far.
    pub memo: RefCell<HashMap<TypeId, TypeId>>,
}

impl Subst {
    /// The substitution of `targs` for `tparams` (pairwise).
    pub fn new(tparams: &[TypeId], targs: &[TypeId]) -> Subst {
        Subst { map: tparams.iter().copied().zip(targs.iter().copied()).collect(), memo: RefCell::default() }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use frontend::types::ObjId;
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
