//! Substitution of type arguments for type parameters, and instantiation of generic
//! defined types (their underlying types are expanded by substitution once the
//! generic type's own declaration is complete).

use std::collections::HashMap;

use super::check::Checker;
use super::ty::{Field, Interface, Method, Signature, Term, Type, TypeId};

/// Bound on nested expansions (`type T[P any] struct{ f *T[[]P] }` would go on forever).
const MAX_EXPANSION: u32 = 100;

impl Checker<'_> {
    /// `t` with every type parameter in `map` replaced.
    pub(super) fn subst(&mut self, t: TypeId, map: &HashMap<TypeId, TypeId>) -> TypeId {
        if map.is_empty() {
            return t;
        }
        self.subst_depth(t, map, 0)
    }

    fn subst_depth(&mut self, t: TypeId, map: &HashMap<TypeId, TypeId>, depth: u32) -> TypeId {
        if depth > 100 {
            return t;
        }
        let d = depth + 1;
        let ty = self.prog.types.get(t).clone();
        match ty {
            Type::Basic(_) => t,
            Type::TypeParam(_) => map.get(&t).copied().unwrap_or(t),
            Type::Pointer(e) => {
                let e2 = self.subst_depth(e, map, d);
                if e2 == e { t } else { self.prog.types.pointer(e2) }
            }
            Type::Slice(e) => {
                let e2 = self.subst_depth(e, map, d);
                if e2 == e { t } else { self.prog.types.slice(e2) }
            }
            Type::Array(n, e) => {
                let e2 = self.subst_depth(e, map, d);
                if e2 == e { t } else { self.prog.types.intern(Type::Array(n, e2)) }
            }
            Type::Map(k, v) => {
                let (k2, v2) = (self.subst_depth(k, map, d), self.subst_depth(v, map, d));
                if k2 == k && v2 == v { t } else { self.prog.types.intern(Type::Map(k2, v2)) }
            }
            Type::Chan(dir, e) => {
                let e2 = self.subst_depth(e, map, d);
                if e2 == e { t } else { self.prog.types.intern(Type::Chan(dir, e2)) }
            }
            Type::Struct(fields) => {
                let nf: Vec<Field> = fields.iter().map(|f| Field { ty: self.subst_depth(f.ty, map, d), ..f.clone() }).collect();
                if nf == fields { t } else { self.prog.types.intern(Type::Struct(nf)) }
            }
            Type::Signature(s) => {
                let params: Vec<TypeId> = s.params.iter().map(|&p| self.subst_depth(p, map, d)).collect();
                let results: Vec<TypeId> = s.results.iter().map(|&p| self.subst_depth(p, map, d)).collect();
                if params == s.params && results == s.results {
                    t
                } else {
                    self.prog.types.intern(Type::Signature(Signature { params, results, variadic: s.variadic }))
                }
            }
            Type::Tuple(elems) => {
                let ne: Vec<TypeId> = elems.iter().map(|&p| self.subst_depth(p, map, d)).collect();
                if ne == elems { t } else { self.prog.types.tuple(ne) }
            }
            Type::Union(terms) => {
                let nt: Vec<Term> = terms.iter().map(|x| Term { tilde: x.tilde, ty: self.subst_depth(x.ty, map, d) }).collect();
                if nt == terms { t } else { self.prog.types.intern(Type::Union(nt)) }
            }
            Type::Interface(i) => {
                let methods: Vec<Method> = i.methods.iter().map(|m| Method { sig: self.subst_depth(m.sig, map, d), ..m.clone() }).collect();
                let embeddeds: Vec<TypeId> = i.embeddeds.iter().map(|&e| self.subst_depth(e, map, d)).collect();
                if methods == i.methods && embeddeds == i.embeddeds {
                    t
                } else {
                    self.prog.types.intern(Type::Interface(Interface { methods, embeddeds, implicit: i.implicit }))
                }
            }
            Type::Named(_) => {
                let Some(n) = self.prog.types.named(t).cloned() else { return t };
                let Some(origin) = n.origin else { return t };
                let targs: Vec<TypeId> = n.targs.iter().map(|&a| self.subst_depth(a, map, d)).collect();
                if targs == n.targs {
                    return t;
                }
                self.instantiate_named(origin, targs)
            }
        }
    }

    /// The instance `origin[targs]`, expanded if the origin's declaration is complete.
    pub(super) fn instantiate_named(&mut self, origin: TypeId, targs: Vec<TypeId>) -> TypeId {
        let (inst, fresh) = self.prog.types.instance(origin, targs.clone());
        if fresh {
            let obj = self.prog.types.named(origin).map(|n| n.obj);
            if let Some(o) = obj {
                self.info.instances.push((o, targs));
            }
            self.expand_instance(inst);
        }
        inst
    }

    /// Computes an instance's underlying type by substitution, if its origin is ready.
    fn expand_instance(&mut self, inst: TypeId) {
        let Some(n) = self.prog.types.named(inst).cloned() else { return };
        let Some(origin) = n.origin else { return };
        let Some(on) = self.prog.types.named(origin).cloned() else { return };
        let Some(ou) = on.underlying else {
            self.pending_instances.entry(origin).or_default().push(inst);
            return;
        };
        if self.expand_depth > MAX_EXPANSION {
            if let Some(p) = self.prog.obj(on.obj).pos {
                let name = self.prog.obj(on.obj).name.clone();
                self.error_at(p, format!("instantiation cycle in {name}"));
            }
            if let Some(nm) = self.prog.types.named_mut(inst) {
                nm.underlying = Some(super::ty::TypeTable::INVALID);
            }
            return;
        }
        self.expand_depth += 1;
        let map: HashMap<TypeId, TypeId> = on.tparams.iter().copied().zip(n.targs.iter().copied()).collect();
        // Mark as in progress so that recursive references do not expand again.
        if let Some(nm) = self.prog.types.named_mut(inst) {
            nm.underlying = Some(super::ty::TypeTable::INVALID);
        }
        let u = self.subst(ou, &map);
        if let Some(nm) = self.prog.types.named_mut(inst) {
            nm.underlying = Some(u);
        }
        self.expand_depth -= 1;
    }

    /// Expands the instances of `origin` created before its declaration was complete.
    pub(super) fn expand_pending(&mut self, origin: TypeId) {
        if let Some(list) = self.pending_instances.remove(&origin) {
            for inst in list {
                self.expand_instance(inst);
            }
        }
    }
}
