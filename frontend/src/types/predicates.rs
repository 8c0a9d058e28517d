//! Type predicates: identity, comparability, nil-ability, default and core types.

use super::check::Checker;
use super::ty::{BasicKind, Type, TypeId, TypeTable};

impl Checker<'_> {
    /// Type identity. Interned types compare by id; the structural walk is only needed
    /// for interfaces with embedded elements (and types containing them).
    pub(super) fn identical(&mut self, a: TypeId, b: TypeId) -> bool {
        self.identical_depth(a, b, 0)
    }

    fn identical_depth(&mut self, a: TypeId, b: TypeId, depth: u32) -> bool {
        if a == b {
            return true;
        }
        if depth > 64 {
            return false;
        }
        let (ta, tb) = (self.prog.types.get(a).clone(), self.prog.types.get(b).clone());
        let d = depth + 1;
        match (&ta, &tb) {
            (Type::Pointer(x), Type::Pointer(y)) | (Type::Slice(x), Type::Slice(y)) => self.identical_depth(*x, *y, d),
            (Type::Array(n, x), Type::Array(m, y)) => n == m && self.identical_depth(*x, *y, d),
            (Type::Map(k1, v1), Type::Map(k2, v2)) => self.identical_depth(*k1, *k2, d) && self.identical_depth(*v1, *v2, d),
            (Type::Chan(d1, x), Type::Chan(d2, y)) => d1 == d2 && self.identical_depth(*x, *y, d),
            (Type::Struct(f1), Type::Struct(f2)) => {
                f1.len() == f2.len()
                    && f1.iter().zip(f2.iter()).all(|(x, y)| x.name == y.name && x.pkg == y.pkg && x.embedded == y.embedded && x.tag == y.tag)
                    && f1.iter().zip(f2.iter()).map(|(x, y)| (x.ty, y.ty)).collect::<Vec<_>>().into_iter().all(|(x, y)| self.identical_depth(x, y, d))
            }
            (Type::Signature(s1), Type::Signature(s2)) => {
                s1.variadic == s2.variadic
                    && s1.params.len() == s2.params.len()
                    && s1.results.len() == s2.results.len()
                    && s1.params.iter().zip(s2.params.iter()).all(|(x, y)| self.identical_depth(*x, *y, d))
                    && s1.results.iter().zip(s2.results.iter()).all(|(x, y)| self.identical_depth(*x, *y, d))
            }
            (Type::Tuple(x), Type::Tuple(y)) => x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| self.identical_depth(*p, *q, d)),
            (Type::Interface(_), Type::Interface(_)) => {
                let (sa, sb) = (self.typeset(a), self.typeset(b));
                if sa.comparable != sb.comparable || sa.methods.len() != sb.methods.len() {
                    return false;
                }
                if sa.terms != sb.terms {
                    return false;
                }
                sa.methods
                    .iter()
                    .zip(sb.methods.iter())
                    .map(|(x, y)| (x.name == y.name && x.pkg == y.pkg, x.sig, y.sig))
                    .collect::<Vec<_>>()
                    .into_iter()
                    .all(|(same, x, y)| same && self.identical_depth(x, y, d))
            }
            (Type::Union(x), Type::Union(y)) => x == y,
            (Type::Named(_), Type::Named(_)) => {
                // Instances of the same generic type with identical arguments.
                let (na, nb) = (self.prog.types.named(a).cloned(), self.prog.types.named(b).cloned());
                match (na, nb) {
                    (Some(na), Some(nb)) if na.origin.is_some() && na.origin == nb.origin && na.targs.len() == nb.targs.len() => {
                        na.targs.iter().zip(nb.targs.iter()).all(|(x, y)| self.identical_depth(*x, *y, d))
                    }
                    _ => false,
                }
            }
            _ => false,
        }
    }

    /// Whether values of type `t` can be compared with `==`. With `dynamic`, interfaces
    /// (which may panic at run time) count as comparable in type sets.
    pub(super) fn comparable(&mut self, t: TypeId, _dynamic: bool) -> bool {
        self.comparable_depth(t, 0)
    }

    fn comparable_depth(&mut self, t: TypeId, depth: u32) -> bool {
        if depth > 64 {
            return true;
        }
        if self.prog.types.is_type_param(t) {
            let ts = self.typeset_of_tparam(t);
            return ts.comparable || ts.terms.as_ref().is_some_and(|terms| !terms.is_empty() && terms.clone().iter().all(|term| self.comparable_depth(term.ty, depth + 1)));
        }
        match self.prog.types.under(t).clone() {
            Type::Basic(k) => k != BasicKind::UntypedNil,
            Type::Pointer(_) | Type::Chan(..) | Type::Interface(_) => true,
            Type::Struct(fields) => fields.iter().all(|f| self.comparable_depth(f.ty, depth + 1)),
            Type::Array(_, e) => self.comparable_depth(e, depth + 1),
            _ => false,
        }
    }

    /// Whether `nil` is a value of type `t`.
    pub(super) fn has_nil(&mut self, t: TypeId) -> bool {
        if self.prog.types.is_type_param(t) {
            let ts = self.typeset_of_tparam(t);
            return ts.terms.as_ref().is_some_and(|terms| !terms.is_empty() && terms.clone().iter().all(|term| self.has_nil(term.ty)));
        }
        matches!(
            self.prog.types.under(t),
            Type::Pointer(_) | Type::Slice(_) | Type::Map(..) | Type::Chan(..) | Type::Signature(_) | Type::Interface(_) | Type::Basic(BasicKind::UnsafePointer)
        )
    }

    /// The default type of an untyped type (itself for typed types).
    pub(super) fn default_type(&self, t: TypeId) -> TypeId {
        match self.prog.types.get(t) {
            Type::Basic(k) => TypeTable::basic(match k {
                BasicKind::UntypedBool => BasicKind::Bool,
                BasicKind::UntypedInt => BasicKind::Int,
                BasicKind::UntypedRune => BasicKind::Int32,
                BasicKind::UntypedFloat => BasicKind::Float64,
                BasicKind::UntypedComplex => BasicKind::Complex128,
                BasicKind::UntypedString => BasicKind::String,
                k => *k,
            }),
            _ => t,
        }
    }

    /// The core type: the underlying type, or for a type parameter the single
    /// underlying type shared by all types in its type set (channels may differ in
    /// direction). None if there is no core type.
    pub(super) fn core_type(&mut self, t: TypeId) -> Option<TypeId> {
        if !self.prog.types.is_type_param(t) {
            let u = self.prog.types.underlying(t);
            if let Type::Interface(_) = self.prog.types.get(u) {
                // An interface with a type set of exactly one underlying type (rare).
                let ts = self.typeset(u);
                if let Some(terms) = &ts.terms {
                    return self.single_under(&terms.clone());
                }
            }
            return Some(u);
        }
        let ts = self.typeset_of_tparam(t);
        match &ts.terms {
            Some(terms) => self.single_under(&terms.clone()),
            None => None,
        }
    }

    fn single_under(&mut self, terms: &[super::ty::Term]) -> Option<TypeId> {
        let mut cur: Option<TypeId> = None;
        for term in terms {
            let u = self.prog.types.underlying(term.ty);
            match cur {
                None => cur = Some(u),
                Some(c) => {
                    if !self.identical(c, u) {
                        // Channels with the same element type but different directions.
                        match (self.prog.types.get(c).clone(), self.prog.types.get(u).clone()) {
                            (Type::Chan(_, e1), Type::Chan(d2, e2)) if self.identical(e1, e2) => {
                                if d2 != super::ty::ChanDir::Both {
                                    cur = Some(u);
                                }
                            }
                            _ => return None,
                        }
                    }
                }
            }
        }
        cur
    }

    /// Whether `t` is a constant type (boolean, numeric or string underlying type).
    pub(super) fn is_const_type(&self, t: TypeId) -> bool {
        !self.prog.types.is_type_param(t) && self.prog.types.basic_kind(t).is_some_and(|k| k.is_const_type())
    }

    /// A predicate on the basic kind of `t`; for type parameters, true when it holds for
    /// every type in the type set.
    pub(super) fn all_basic(&mut self, t: TypeId, pred: fn(BasicKind) -> bool) -> bool {
        if self.prog.types.is_type_param(t) {
            let ts = self.typeset_of_tparam(t);
            return match &ts.terms {
                Some(terms) if !terms.is_empty() => terms.clone().iter().all(|term| self.all_basic(term.ty, pred)),
                _ => false,
            };
        }
        self.prog.types.basic_kind(t).is_some_and(pred)
    }
}
