//! Field and method lookup through embedded fields (shallowest depth wins, two at the
//! same depth are ambiguous), method sets, and interface satisfaction.

use std::collections::{HashMap, HashSet};

use super::check::Checker;
use super::object::{ObjId, ObjKind, PkgId};
use super::ty::{Type, TypeId};

/// What a lookup found.
#[derive(Clone, Debug)]
pub(super) enum FoundKind {
    /// A struct field of this type.
    Field(TypeId),
    /// A declared method (its signature with the receiver type's arguments substituted).
    Method(ObjId, TypeId),
    /// An interface method with this signature.
    IfaceMethod(TypeId),
}

/// A successful lookup.
#[derive(Clone, Debug)]
pub(super) struct Found {
    pub kind: FoundKind,
    /// Field indices to the field, or to the embedded field holding the method.
    pub index: Vec<usize>,
    /// A pointer was followed on the way.
    pub indirect: bool,
}

/// Why a lookup failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum LookupErr {
    NotFound,
    Ambiguous,
}

#[derive(Clone, Debug)]
struct Embedded {
    ty: TypeId,
    index: Vec<usize>,
    indirect: bool,
    multiples: bool,
}

impl Checker<'_> {
    /// Whether an object name matches `name` as seen from package `pkg`.
    fn name_matches(&self, obj_name: &str, obj_pkg: Option<PkgId>, name: &str, pkg: Option<PkgId>) -> bool {
        obj_name == name && (super::object::is_exported(name) || obj_pkg.is_none() || obj_pkg == pkg)
    }

    /// Looks up field or method `name` in type `t` (which may be a pointer).
    pub(super) fn lookup(&mut self, t: TypeId, name: &str, pkg: Option<PkgId>) -> Result<Found, LookupErr> {
        if name == "_" {
            return Err(LookupErr::NotFound);
        }
        // Methods of a type parameter come from its constraint.
        if self.prog.types.is_type_param(t) {
            let ts = self.typeset_of_tparam(t);
            if let Some(m) = ts.methods.iter().find(|m| self.name_matches(&m.name, m.pkg, name, pkg)) {
                return Ok(Found { kind: FoundKind::IfaceMethod(m.sig), index: vec![], indirect: false });
            }
            return Err(LookupErr::NotFound);
        }
        let (start, is_ptr) = match self.prog.types.get(t) {
            Type::Pointer(b) => (*b, true),
            // x.f for a defined pointer type: fields of the base type, never methods.
            Type::Named(_) if matches!(self.prog.types.under(t), Type::Pointer(_)) => {
                let Type::Pointer(b) = self.prog.types.under(t).clone() else { return Err(LookupErr::NotFound) };
                return match self.lookup(b, name, pkg) {
                    Ok(Found { kind: FoundKind::Field(ft), index, .. }) => Ok(Found { kind: FoundKind::Field(ft), index, indirect: true }),
                    _ => Err(LookupErr::NotFound),
                };
            }
            _ => (t, false),
        };
        // A pointer to an interface has no methods.
        if is_ptr && self.prog.types.is_interface(start) {
            return Err(LookupErr::NotFound);
        }
        let mut current = vec![Embedded { ty: start, index: vec![], indirect: is_ptr, multiples: false }];
        let mut seen: HashSet<TypeId> = HashSet::new();
        for _depth in 0..64 {
            if current.is_empty() {
                break;
            }
            let mut next: Vec<Embedded> = Vec::new();
            let mut found: Option<Found> = None;
            let mut count = 0;
            for e in &current {
                let typ = e.ty;
                if let Some(n) = self.prog.types.named(typ).cloned() {
                    if !seen.insert(typ) {
                        continue;
                    }
                    let methods = match n.origin.and_then(|o| self.prog.types.named(o)) {
                        Some(orig) => orig.methods.clone(),
                        None => n.methods.clone(),
                    };
                    if let Some(&m) = methods.iter().find(|&&m| {
                        let o = self.prog.obj(m);
                        self.name_matches(&o.name, o.pkg, name, pkg)
                    }) {
                        count += if e.multiples { 2 } else { 1 };
                        let sig = self.method_sig_for(m, typ);
                        found = Some(Found { kind: FoundKind::Method(m, sig), index: e.index.clone(), indirect: e.indirect });
                        continue;
                    }
                }
                match self.prog.types.under(typ).clone() {
                    Type::Struct(fields) => {
                        for (i, f) in fields.iter().enumerate() {
                            if self.name_matches(&f.name, f.pkg, name, pkg) {
                                count += if e.multiples { 2 } else { 1 };
                                let mut index = e.index.clone();
                                index.push(i);
                                found = Some(Found { kind: FoundKind::Field(f.ty), index, indirect: e.indirect });
                                continue;
                            }
                            if found.is_none() && f.embedded {
                                let (ft, ptr) = match self.prog.types.get(f.ty) {
                                    Type::Pointer(b) => (*b, true),
                                    _ => (f.ty, false),
                                };
                                let mut index = e.index.clone();
                                index.push(i);
                                next.push(Embedded { ty: ft, index, indirect: e.indirect || ptr, multiples: e.multiples });
                            }
                        }
                    }
                    Type::Interface(_) => {
                        let u = self.prog.types.underlying(typ);
                        let ts = self.typeset(u);
                        if let Some(m) = ts.methods.iter().find(|m| self.name_matches(&m.name, m.pkg, name, pkg)) {
                            count += if e.multiples { 2 } else { 1 };
                            found = Some(Found { kind: FoundKind::IfaceMethod(m.sig), index: e.index.clone(), indirect: e.indirect });
                        }
                    }
                    _ => {}
                }
            }
            if count > 1 {
                return Err(LookupErr::Ambiguous);
            }
            if let Some(f) = found {
                return Ok(f);
            }
            current = consolidate(next);
        }
        Err(LookupErr::NotFound)
    }

    /// A method's signature as seen on receiver type `recv` (a generic type's instance
    /// gets its type arguments substituted).
    pub(super) fn method_sig_for(&mut self, m: ObjId, recv: TypeId) -> TypeId {
        let sig = self.prog.obj(m).ty;
        let tparams = match &self.prog.obj(m).kind {
            ObjKind::Func(fi) => fi.tparams.clone(),
            _ => vec![],
        };
        let targs = self.prog.types.named(recv).map(|n| n.targs.clone()).unwrap_or_default();
        if tparams.is_empty() || tparams.len() != targs.len() {
            return sig;
        }
        let map: HashMap<TypeId, TypeId> = tparams.into_iter().zip(targs).collect();
        self.subst(sig, &map)
    }

    /// Whether method `m` has a pointer receiver.
    pub(super) fn ptr_recv(&self, m: ObjId) -> bool {
        matches!(&self.prog.obj(m).kind, ObjKind::Func(fi) if fi.ptr_recv)
    }

    /// Why `v` does not implement interface `t`, or None if it does. `v` may itself be
    /// an interface.
    pub(super) fn missing_method(&mut self, v: TypeId, t: TypeId) -> Option<String> {
        let ts = self.typeset(t);
        let v_is_iface = self.prog.types.is_interface(v);
        for m in ts.methods.iter() {
            if v_is_iface {
                let vu = self.prog.types.underlying(v);
                let vs = self.typeset(vu);
                match vs.methods.iter().find(|x| x.name == m.name && x.pkg == m.pkg) {
                    Some(x) => {
                        let xs = x.sig;
                        if !self.identical(xs, m.sig) {
                            return Some(self.wrong_type(&m.name, xs, m.sig));
                        }
                    }
                    None => return Some(format!("(missing method {})", m.name)),
                }
                continue;
            }
            match self.lookup(v, &m.name, m.pkg) {
                Ok(Found { kind: FoundKind::Method(obj, sig), indirect, .. }) => {
                    if !self.identical(sig, m.sig) {
                        return Some(self.wrong_type(&m.name, sig, m.sig));
                    }
                    let v_is_ptr = matches!(self.prog.types.get(v), Type::Pointer(_));
                    if self.ptr_recv(obj) && !v_is_ptr && !indirect {
                        return Some(format!("(method {} has pointer receiver)", m.name));
                    }
                }
                Ok(Found { kind: FoundKind::IfaceMethod(sig), .. }) => {
                    if !self.identical(sig, m.sig) {
                        return Some(self.wrong_type(&m.name, sig, m.sig));
                    }
                }
                Ok(Found { kind: FoundKind::Field(_), .. }) | Err(_) => {
                    // A method with different case is a common mistake gc points out.
                    return Some(format!("(missing method {})", m.name));
                }
            }
        }
        None
    }

    fn wrong_type(&self, name: &str, have: TypeId, want: TypeId) -> String {
        let h = self.ts(have).trim_start_matches("func").to_string();
        let w = self.ts(want).trim_start_matches("func").to_string();
        format!("(wrong type for method {name})\n\t\thave {name}{h}\n\t\twant {name}{w}")
    }

    /// Whether `v` implements `t` (an interface or constraint); the error explains why not.
    pub(super) fn implements(&mut self, v: TypeId, t: TypeId) -> Result<(), String> {
        let ts = self.typeset(t);
        if let Some(why) = self.missing_method(v, t) {
            return Err(format!("{} does not {} {} {why}", self.ts(v), verb(&ts), self.ts(t)));
        }
        if let Some(terms) = &ts.terms {
            let ok = if self.prog.types.is_type_param(v) {
                let vs = self.typeset_of_tparam(v);
                match &vs.terms {
                    Some(vt) => vt.clone().iter().all(|x| {
                        let mut ok = false;
                        for term in terms.iter() {
                            let (ux, ut) = (self.prog.types.underlying(x.ty), self.prog.types.underlying(term.ty));
                            if (term.tilde && self.identical(ux, ut)) || (!x.tilde && self.identical(x.ty, term.ty)) {
                                ok = true;
                            }
                        }
                        ok
                    }),
                    None => false,
                }
            } else {
                self.in_terms(v, &terms.clone())
            };
            if !ok {
                let list = terms.iter().map(|x| format!("{}{}", if x.tilde { "~" } else { "" }, self.ts(x.ty))).collect::<Vec<_>>().join(" | ");
                if terms.is_empty() {
                    return Err(format!("cannot satisfy {} (empty type set)", self.ts(t)));
                }
                return Err(format!("{} does not satisfy {} ({} missing in {list})", self.ts(v), self.ts(t), self.ts(v)));
            }
        }
        if ts.comparable && !self.comparable(v, false) {
            return Err(format!("{} does not satisfy comparable", self.ts(v)));
        }
        Ok(())
    }
}

fn verb(ts: &super::typeset::TypeSet) -> &'static str {
    if ts.is_all() { "implement" } else { "satisfy" }
}

/// Merges duplicate embedded types of one depth, marking them as reached more than once.
fn consolidate(list: Vec<Embedded>) -> Vec<Embedded> {
    let mut out: Vec<Embedded> = Vec::new();
    for e in list {
        if let Some(prev) = out.iter_mut().find(|x| x.ty == e.ty) {
            prev.multiples = true;
        } else {
            out.push(e);
        }
    }
    out
}
