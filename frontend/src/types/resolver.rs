//! Collecting package-level objects: file scopes with their imports, and one object
//! per declared name, each remembering its declaration ([`DeclInfo`]) so it can be
//! checked on demand, in any order, as uses are met.

use std::collections::HashMap;
use std::sync::Arc;

use super::check::{Checker, DeclInfo, DeclKindInfo};
use super::object::{FileId, FuncInfo, ObjKind, PkgId, ScopeKind, SrcPos};
use crate::syntax::ast::{DeclKind, ExprId, ExprKind, GroupId};
use crate::syntax::lit;

impl Checker<'_> {
    /// Creates file scopes and package-level objects for `files`.
    pub(super) fn collect_objects_with(&mut self, files: &[FileId], imports: &HashMap<String, PkgId>) {
        let pkg_scope = self.prog.package(self.pkg).scope;
        for &fid in files {
            self.set_file(fid);
            let file_scope = self.prog.new_scope(Some(pkg_scope), ScopeKind::File);
            let file = self.file.clone();
            // The type and values of the last const spec with values, per group.
            let mut last_const: Option<(Option<GroupId>, Option<ExprId>, Vec<ExprId>)> = None;
            for (did, d) in file.top_decls() {
                match &d.kind {
                    DeclKind::Import { name, path } => {
                        let Some(ipath) = lit::string_value(file.lit_text(*path)).and_then(|b| String::from_utf8(b).ok()) else {
                            continue;
                        };
                        let pkg = if ipath == "unsafe" {
                            Some(self.prog.pre.unsafe_pkg)
                        } else {
                            imports.get(&ipath).copied()
                        };
                        let Some(pkg) = pkg else {
                            self.error(file.expr(*path).pos, format!("could not import {ipath} (package not loaded)"));
                            continue;
                        };
                        if !self.prog.package(self.pkg).imports.contains(&pkg) {
                            self.prog.packages[self.pkg.0 as usize].imports.push(pkg);
                        }
                        let local = name.map(|n| file.name(n).to_string());
                        let pos = file.expr(*path).pos;
                        match local.as_deref() {
                            Some("_") => {}
                            Some(".") => {
                                let src_scope = self.prog.package(pkg).scope;
                                let names: Vec<_> = self.prog.scope(src_scope).names.iter().map(|(k, v)| (k.clone(), *v)).collect();
                                for (n, o) in names {
                                    if super::object::is_exported(&n) {
                                        // Dot-imported objects keep their identity; only the
                                        // file scope's table gets an entry.
                                        self.prog.scopes[file_scope.0 as usize].names.insert(n, o);
                                    }
                                }
                                self.dot_imports.push((fid, pkg, pos, false));
                            }
                            _ => {
                                let lname = local.clone().unwrap_or_else(|| self.prog.package(pkg).name.to_string());
                                let at = name.map(|n| n.pos).unwrap_or(pos);
                                let o = self.prog.new_object(
                                    &lname,
                                    ObjKind::PkgName { pkg, used: false },
                                    self.invalid(),
                                    Some(self.pkg),
                                    Some(SrcPos { file: fid, pos: at }),
                                );
                                if self.prog.insert(file_scope, o).is_err() {
                                    self.error(at, format!("{lname} redeclared in this block"));
                                } else {
                                    self.file_imports.push((fid, o, pos));
                                }
                                if let Some(n) = name {
                                    self.record_def(n.pos, o);
                                }
                            }
                        }
                    }
                    DeclKind::Const { names, typ, values, iota } => {
                        let (typ, values, inherited) = if values.is_empty() && typ.is_none() {
                            match &last_const {
                                Some((g, t, v)) if *g == d.group && d.group.is_some() => (*t, v.clone(), true),
                                _ => (None, Vec::new(), false),
                            }
                        } else {
                            last_const = Some((d.group, *typ, values.clone()));
                            (*typ, values.clone(), false)
                        };
                        for (i, n) in names.iter().enumerate() {
                            let o = self.declare_pkg_obj(fid, *n, ObjKind::Const(super::constant::Value::Unknown));
                            let init = values.get(i).copied();
                            self.objmap.insert(
                                o,
                                DeclInfo { file: fid, scope: file_scope, kind: DeclKindInfo::Const { typ, init, iota: *iota, inherited } },
                            );
                        }
                    }
                    DeclKind::Var { names, typ, values } => {
                        let objs: Vec<_> = names
                            .iter()
                            .map(|n| self.declare_pkg_obj(fid, *n, ObjKind::Var { field: false, embedded: false, global: true, used: false }))
                            .collect();
                        for &o in &objs {
                            self.objmap.insert(
                                o,
                                DeclInfo { file: fid, scope: file_scope, kind: DeclKindInfo::Var { lhs: objs.clone(), typ: *typ, values: values.clone() } },
                            );
                        }
                    }
                    DeclKind::Type { name, .. } => {
                        let o = self.declare_pkg_obj(fid, *name, ObjKind::TypeName { alias: false });
                        self.objmap.insert(o, DeclInfo { file: fid, scope: file_scope, kind: DeclKindInfo::Type { decl: did } });
                    }
                    DeclKind::Func { recv, name, body, .. } => {
                        let fname = file.name(*name).to_string();
                        let info = FuncInfo { no_body: body.is_none(), ..FuncInfo::default() };
                        let pos = SrcPos { file: fid, pos: name.pos };
                        let o = self.prog.new_object(&fname, ObjKind::Func(info), self.invalid(), Some(self.pkg), Some(pos));
                        self.record_def(name.pos, o);
                        let decl = did;
                        self.objmap.insert(o, DeclInfo { file: fid, scope: file_scope, kind: DeclKindInfo::Func { decl } });
                        if let Some(r) = recv {
                            let base = receiver_base_name(&file, r.typ);
                            match base {
                                Some(b) => self.methods_by_base.entry(Arc::from(b)).or_default().push(o),
                                None => self.pkg_objs.push(o),
                            }
                            continue;
                        }
                        if fname == "init" {
                            self.pkg_info.init_funcs.push(o);
                            self.prog.obj_mut(o).parent = Some(pkg_scope);
                            self.pkg_objs.push(o);
                            continue;
                        }
                        if let Err(prev) = self.prog.insert(pkg_scope, o) {
                            self.redeclared(name.pos, &fname, prev);
                        }
                        self.pkg_objs.push(o);
                    }
                }
            }
        }
    }

    /// Creates and declares a package-level object.
    fn declare_pkg_obj(&mut self, fid: FileId, n: crate::syntax::ast::Name, kind: ObjKind) -> super::object::ObjId {
        let name = self.file.name(n).to_string();
        let o = self.prog.new_object(&name, kind, self.invalid(), Some(self.pkg), Some(SrcPos { file: fid, pos: n.pos }));
        self.record_def(n.pos, o);
        let pkg_scope = self.prog.package(self.pkg).scope;
        if name == "init" && !matches!(self.prog.obj(o).kind, ObjKind::Func(_)) {
            self.error(n.pos, "cannot declare init - must be func");
        } else if name == "main" && &*self.prog.package(self.pkg).name == "main" && !matches!(self.prog.obj(o).kind, ObjKind::Func(_)) {
            self.error(n.pos, "cannot declare main - must be func");
        }
        if let Err(prev) = self.prog.insert(pkg_scope, o) {
            self.redeclared(n.pos, &name, prev);
        }
        self.pkg_objs.push(o);
        o
    }

    /// Reports a redeclaration as gc does, pointing at the earlier declaration.
    pub(super) fn redeclared(&mut self, pos: crate::syntax::Pos, name: &str, prev: super::object::ObjId) {
        let other = self.prog.obj(prev).pos.map(|p| self.prog.position(p));
        let msg = match other {
            Some(o) => format!("{name} redeclared in this block\n\t{o}: other declaration of {name}"),
            None => format!("{name} redeclared in this block"),
        };
        self.error(pos, msg);
    }

    /// Checks that no package-level name collides with a file-scope import name.
    pub(super) fn check_import_conflicts(&mut self) {
        let pkg_scope = self.prog.package(self.pkg).scope;
        let imports = self.file_imports.clone();
        for (_, o, _) in imports {
            let name = self.prog.obj(o).name.clone();
            if let Some(other) = self.prog.lookup_local(pkg_scope, &name) {
                let Some(p) = self.prog.obj(other).pos else { continue };
                let prev = self.set_file(p.file);
                self.error(p.pos, format!("{name} already declared through import of package"));
                self.restore_file(prev);
            }
        }
    }
}

/// The name of a receiver's base type: `T`, `*T`, `T[P]`, `*T[P]`, in parentheses or not.
pub(super) fn receiver_base_name(file: &crate::syntax::ast::File, mut e: ExprId) -> Option<String> {
    for _ in 0..16 {
        match &file.expr(e).kind {
            ExprKind::Name(n) => return Some(file.name(*n).to_string()),
            ExprKind::Star(x) | ExprKind::Paren(x) => e = *x,
            ExprKind::Index { x, .. } => e = *x,
            _ => return None,
        }
    }
    None
}
