//! Method sets, for the compiler's interface tables: every method of a type (declared
//! or promoted through embedded fields), with the path to the receiver.

use std::collections::HashSet;
use std::sync::Arc;

use super::CheckedProgram;
use super::check::Checker;
use super::lookup::{Found, FoundKind};
use super::object::{FileId, ObjId, PkgId};
use super::ty::{Type, TypeId};

/// One method of a method set.
#[derive(Clone, Debug)]
pub struct MethodEntry {
    /// The method name.
    pub name: Arc<str>,
    /// The package of an unexported name.
    pub pkg: Option<PkgId>,
    /// The declared method (None for a method of an embedded interface).
    pub obj: Option<ObjId>,
    /// Its signature as seen on this type (type arguments substituted).
    pub sig: TypeId,
    /// Field indices to the embedded field that holds the method (empty if declared on
    /// the type itself).
    pub index: Vec<usize>,
    /// A pointer is followed on the way to the receiver.
    pub indirect: bool,
}

/// The method set of `t` (for `*T`, also the pointer-receiver methods of `T`), sorted
/// by name. Interfaces give their type set's methods.
pub fn method_set(checked: &mut CheckedProgram, t: TypeId) -> Vec<MethodEntry> {
    if checked.program.files.is_empty() {
        return Vec::new();
    }
    let pkg = checked.packages.first().copied().unwrap_or(PkgId(0));
    let mut c = Checker::new(&mut checked.program, &mut checked.info, pkg, 0, FileId(0));
    c.method_set(t)
}

impl Checker<'_> {
    fn method_set(&mut self, t: TypeId) -> Vec<MethodEntry> {
        if self.prog.types.is_interface(t) {
            let u = self.prog.types.underlying(t);
            let ts = self.typeset(u);
            return ts.methods.iter().map(|m| MethodEntry { name: m.name.clone(), pkg: m.pkg, obj: None, sig: m.sig, index: vec![], indirect: false }).collect();
        }
        let is_ptr = matches!(self.prog.types.get(t), Type::Pointer(_));
        let mut out = Vec::new();
        for (name, pkg) in self.candidate_methods(t) {
            let Ok(Found { kind, index, indirect }) = self.lookup(t, &name, pkg) else { continue };
            match kind {
                FoundKind::Method(m, sig) => {
                    // Pointer-receiver methods belong to T's set only through an embedded pointer.
                    if self.ptr_recv(m) && !is_ptr && !indirect {
                        continue;
                    }
                    out.push(MethodEntry { name, pkg, obj: Some(m), sig, index, indirect });
                }
                FoundKind::IfaceMethod(sig) => out.push(MethodEntry { name, pkg, obj: None, sig, index, indirect }),
                FoundKind::Field(_) => {}
            }
        }
        out.sort_by(|a, b| a.name.cmp(&b.name));
        out
    }

    /// Names of all methods declared on `t` or on types embedded in it (at any depth).
    fn candidate_methods(&mut self, t: TypeId) -> Vec<(Arc<str>, Option<PkgId>)> {
        let mut names = Vec::new();
        let mut seen_names = HashSet::new();
        let mut seen_types = HashSet::new();
        let mut stack = vec![t];
        while let Some(cur) = stack.pop() {
            let cur = match self.prog.types.get(cur) {
                Type::Pointer(b) => *b,
                _ => cur,
            };
            if !seen_types.insert(cur) || seen_types.len() > 10_000 {
                continue;
            }
            if let Some(n) = self.prog.types.named(cur).cloned() {
                let methods = n.origin.and_then(|o| self.prog.types.named(o)).map(|o| o.methods.clone()).unwrap_or(n.methods);
                for m in methods {
                    let o = self.prog.obj(m);
                    let key = (o.name.clone(), if super::object::is_exported(&o.name) { None } else { o.pkg });
                    if seen_names.insert(key.clone()) {
                        names.push(key);
                    }
                }
            }
            match self.prog.types.under(cur).clone() {
                Type::Struct(fields) => stack.extend(fields.iter().filter(|f| f.embedded).map(|f| f.ty)),
                Type::Interface(_) => {
                    let u = self.prog.types.underlying(cur);
                    let ts = self.typeset(u);
                    for m in ts.methods.iter() {
                        let key = (m.name.clone(), m.pkg);
                        if seen_names.insert(key.clone()) {
                            names.push(key);
                        }
                    }
                }
                _ => {}
            }
        }
        names
    }
}
