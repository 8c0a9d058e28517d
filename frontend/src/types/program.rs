//! The program-wide store that the checker fills: types, objects, scopes, packages
//! and parsed files, all addressed by small ids.
//!
//! One [`Program`] holds every package of a run, checked in dependency order, so an
//! imported package's objects and types are shared, not copied.

use std::collections::HashMap;
use std::sync::Arc;

use super::constant::Value;
use super::object::{
    Builtin, FileId, ObjId, ObjKind, Object, Package, PkgId, Scope, ScopeId, ScopeKind, SrcPos,
};
use super::ty::{BasicKind, TypeId, TypeTable};
use crate::syntax::ast::File;

/// Well-known ids the checker needs often.
#[derive(Clone, Copy, Debug)]
pub struct Predeclared {
    /// The universe scope.
    pub universe: ScopeId,
    /// The `error` type.
    pub error: TypeId,
    /// The `comparable` constraint.
    pub comparable: TypeId,
    /// The empty interface `interface{}` (`any`).
    pub any: TypeId,
    /// The package `unsafe`.
    pub unsafe_pkg: PkgId,
    /// The `nil` object.
    pub nil: ObjId,
    /// The `iota` object.
    pub iota: ObjId,
}

/// Everything known about a program's packages.
#[derive(Clone, Debug)]
pub struct Program {
    /// All types.
    pub types: TypeTable,
    /// All objects.
    pub objects: Vec<Object>,
    /// All scopes.
    pub scopes: Vec<Scope>,
    /// All packages, by id.
    pub packages: Vec<Package>,
    /// Packages by import path.
    pub by_path: HashMap<Arc<str>, PkgId>,
    /// All parsed files, by [`FileId`].
    pub files: Vec<Arc<File>>,
    /// Well-known predeclared entities.
    pub pre: Predeclared,
}

impl Default for Program {
    fn default() -> Self {
        Self::new()
    }
}

impl Program {
    /// A program with the universe scope and package `unsafe` installed.
    pub fn new() -> Program {
        let mut p = Program {
            types: TypeTable::new(),
            objects: Vec::new(),
            scopes: Vec::new(),
            packages: Vec::new(),
            by_path: HashMap::new(),
            files: Vec::new(),
            pre: Predeclared {
                universe: ScopeId(0),
                error: TypeTable::INVALID,
                comparable: TypeTable::INVALID,
                any: TypeTable::INVALID,
                unsafe_pkg: PkgId(0),
                nil: ObjId(0),
                iota: ObjId(0),
            },
        };
        super::universe::install(&mut p);
        p
    }

    /// A new, empty scope.
    pub fn new_scope(&mut self, parent: Option<ScopeId>, kind: ScopeKind) -> ScopeId {
        let id = ScopeId(self.scopes.len() as u32);
        self.scopes.push(Scope { parent, kind, names: HashMap::new() });
        id
    }

    /// A new object (not yet inserted into any scope).
    pub fn new_object(&mut self, name: &str, kind: ObjKind, ty: TypeId, pkg: Option<PkgId>, pos: Option<SrcPos>) -> ObjId {
        let id = ObjId(self.objects.len() as u32);
        self.objects.push(Object { name: Arc::from(name), kind, ty, pkg, pos, parent: None });
        id
    }

    /// The object `id`.
    pub fn obj(&self, id: ObjId) -> &Object {
        &self.objects[id.0 as usize]
    }

    /// Mutable access to object `id`.
    pub fn obj_mut(&mut self, id: ObjId) -> &mut Object {
        &mut self.objects[id.0 as usize]
    }

    /// The scope `id`.
    pub fn scope(&self, id: ScopeId) -> &Scope {
        &self.scopes[id.0 as usize]
    }

    /// The package `id`.
    pub fn package(&self, id: PkgId) -> &Package {
        &self.packages[id.0 as usize]
    }

    /// Declares `obj` in `scope`; returns the object already there if the name is taken
    /// (the blank identifier is never declared and never clashes).
    pub fn insert(&mut self, scope: ScopeId, obj: ObjId) -> Result<(), ObjId> {
        let name = self.obj(obj).name.clone();
        if &*name == "_" {
            self.obj_mut(obj).parent = Some(scope);
            return Ok(());
        }
        let s = &mut self.scopes[scope.0 as usize];
        if let Some(&prev) = s.names.get(&name) {
            return Err(prev);
        }
        s.names.insert(name, obj);
        self.obj_mut(obj).parent = Some(scope);
        Ok(())
    }

    /// Looks `name` up in `scope` only.
    pub fn lookup_local(&self, scope: ScopeId, name: &str) -> Option<ObjId> {
        self.scope(scope).names.get(name).copied()
    }

    /// Looks `name` up in `scope` and its parents; returns the object and the scope
    /// where it was found.
    pub fn lookup(&self, scope: ScopeId, name: &str) -> Option<(ObjId, ScopeId)> {
        let mut cur = Some(scope);
        // Scope chains are short, but bound the walk anyway.
        for _ in 0..100_000 {
            let s = cur?;
            if let Some(&o) = self.scope(s).names.get(name) {
                return Some((o, s));
            }
            cur = self.scope(s).parent;
        }
        None
    }

    /// A new package with its package scope (a child of the universe).
    pub fn new_package(&mut self, path: &str, name: &str) -> PkgId {
        let scope = self.new_scope(Some(self.pre.universe), ScopeKind::Package);
        let id = PkgId(self.packages.len() as u32);
        self.packages.push(Package { path: Arc::from(path), name: Arc::from(name), scope, imports: Vec::new(), complete: false });
        self.by_path.insert(Arc::from(path), id);
        id
    }

    /// Adds a parsed file; returns its id.
    pub fn add_file(&mut self, f: Arc<File>) -> FileId {
        let id = FileId(self.files.len() as u32);
        self.files.push(f);
        id
    }

    /// The file `id`.
    pub fn file(&self, id: FileId) -> &Arc<File> {
        &self.files[id.0 as usize]
    }

    /// `file:line:col` for a position, as gc prints it.
    pub fn position(&self, p: SrcPos) -> String {
        match self.files.get(p.file.0 as usize) {
            Some(f) => f.position(p.pos).to_string(),
            None => "?".into(),
        }
    }

    /// The basic type `k`.
    pub fn basic(&self, k: BasicKind) -> TypeId {
        TypeTable::basic(k)
    }

    /// Declares a predeclared object in the universe or in `unsafe` (used by the universe
    /// setup).
    pub(super) fn predeclare(&mut self, scope: ScopeId, name: &str, kind: ObjKind, ty: TypeId) -> ObjId {
        let o = self.new_object(name, kind, ty, None, None);
        // Predeclared names are unique by construction; a clash would be our bug, and
        // keeping the first is harmless.
        let _ = self.insert(scope, o);
        o
    }

    /// A builtin function object.
    pub(super) fn predeclare_builtin(&mut self, scope: ScopeId, b: Builtin) -> ObjId {
        self.predeclare(scope, b.name(), ObjKind::Builtin(b), TypeTable::INVALID)
    }

    /// The constant value of a const object (Unknown for other objects).
    pub fn const_value(&self, id: ObjId) -> Value {
        match &self.obj(id).kind {
            ObjKind::Const(v) => v.clone(),
            _ => Value::Unknown,
        }
    }
}
