//! Type sets of interfaces: the flattened method set plus, for constraints, the set
//! of permitted types (a list of terms; `None` means every type) and `comparable`.

use std::sync::Arc;

use super::check::Checker;
use super::ty::{Method, Term, Type, TypeId};

/// The type set of an interface.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TypeSet {
    /// All methods, embedded ones included, sorted by name.
    pub methods: Vec<Method>,
    /// The permitted types; `None` for all types.
    pub terms: Option<Vec<Term>>,
    /// Only comparable types (the interface embeds `comparable`).
    pub comparable: bool,
}

impl TypeSet {
    /// A type set with no type restriction (a basic interface).
    pub fn is_all(&self) -> bool {
        self.terms.is_none() && !self.comparable
    }
}

impl Checker<'_> {
    /// The type set of interface `t` (cached).
    pub(super) fn typeset(&mut self, t: TypeId) -> Arc<TypeSet> {
        if let Some(ts) = self.typesets.get(&t) {
            return ts.clone();
        }
        let ts = Arc::new(self.compute_typeset(t, 0));
        self.typesets.insert(t, ts.clone());
        ts
    }

    /// The type set of a type parameter's constraint.
    pub(super) fn typeset_of_tparam(&mut self, t: TypeId) -> Arc<TypeSet> {
        let b = self.prog.types.type_param(t).and_then(|p| p.bound).unwrap_or(self.prog.pre.any);
        self.typeset(b)
    }

    fn compute_typeset(&mut self, t: TypeId, depth: u32) -> TypeSet {
        if depth > 32 {
            return TypeSet::default();
        }
        if t == self.prog.pre.comparable {
            return TypeSet { methods: vec![], terms: None, comparable: true };
        }
        let u = self.prog.types.underlying(t);
        if u == self.prog.types.underlying(self.prog.pre.comparable) {
            return TypeSet { methods: vec![], terms: None, comparable: true };
        }
        let Type::Interface(iface) = self.prog.types.get(u).clone() else {
            return TypeSet::default();
        };
        let mut methods: Vec<Method> = iface.methods.clone();
        let mut terms: Option<Vec<Term>> = None;
        let mut comparable = false;
        for e in iface.embeddeds {
            let (emethods, eterms, ecomp) = if e == self.prog.pre.comparable {
                (vec![], None, true)
            } else {
                match self.prog.types.get(e).clone() {
                    Type::Union(ts) => (vec![], Some(self.expand_terms(&ts, depth)), false),
                    _ if self.prog.types.is_interface(e) => {
                        let s = self.compute_typeset(e, depth + 1);
                        (s.methods, s.terms, s.comparable)
                    }
                    _ => (vec![], Some(vec![Term { tilde: false, ty: e }]), false),
                }
            };
            for m in emethods {
                if !methods.iter().any(|x| x.name == m.name && x.pkg == m.pkg) {
                    methods.push(m);
                }
            }
            comparable |= ecomp;
            terms = match (terms, eterms) {
                (None, x) => x,
                (x, None) => x,
                (Some(a), Some(b)) => Some(self.intersect_terms(&a, &b)),
            };
        }
        methods.sort_by(|a, b| a.name.cmp(&b.name).then(a.pkg.cmp(&b.pkg)));
        TypeSet { methods, terms, comparable }
    }

    /// Terms of a union, with embedded interfaces' terms inlined.
    fn expand_terms(&mut self, ts: &[Term], depth: u32) -> Vec<Term> {
        let mut out = Vec::new();
        for term in ts {
            if !term.tilde && self.prog.types.is_interface(term.ty) {
                let s = self.compute_typeset(term.ty, depth + 1);
                match s.terms {
                    Some(inner) => out.extend(inner),
                    None => return vec![Term { tilde: true, ty: self.prog.pre.any }],
                }
            } else {
                out.push(*term);
            }
        }
        out
    }

    /// The intersection of two term lists.
    fn intersect_terms(&mut self, a: &[Term], b: &[Term]) -> Vec<Term> {
        let mut out = Vec::new();
        for x in a {
            for y in b {
                if let Some(t) = self.intersect_term(*x, *y) {
                    out.push(t);
                }
            }
        }
        out
    }

    fn intersect_term(&mut self, x: Term, y: Term) -> Option<Term> {
        let (ux, uy) = (self.prog.types.underlying(x.ty), self.prog.types.underlying(y.ty));
        match (x.tilde, y.tilde) {
            (true, true) => self.identical(ux, uy).then_some(x),
            (true, false) => self.identical(ux, uy).then_some(y),
            (false, true) => self.identical(ux, uy).then_some(x),
            (false, false) => self.identical(x.ty, y.ty).then_some(x),
        }
    }

    /// Whether type `t` is in the term list.
    pub(super) fn in_terms(&mut self, t: TypeId, terms: &[Term]) -> bool {
        terms.iter().any(|term| {
            if term.tilde {
                let (ut, uterm) = (self.prog.types.underlying(t), self.prog.types.underlying(term.ty));
                self.identical(ut, uterm)
            } else {
                self.identical(t, term.ty)
            }
        })
    }
}
