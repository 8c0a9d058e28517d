//! The checker's core: per-package state, error reporting, the file context, and the
//! order of the phases (collect objects, check package-level declarations, check
//! function bodies, report unused imports, compute the initialization order).
//!
//! The other checker modules add `impl Checker` blocks for their concern.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::constant::Value;
use super::info::{Info, Mode, PackageInfo, TypeAndValue};
use super::object::{FileId, ObjId, ObjKind, PkgId, ScopeId, SrcPos};
use super::program::Program;
use super::ty::TypeId;
use super::typestring::type_string;
use crate::syntax::Pos;
use crate::syntax::ast::{Block, DeclId, ExprId, File};

/// A type error: where, and gc's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The position.
    pub pos: SrcPos,
    /// `file:line:col`, resolved when the error was reported.
    pub at: String,
    /// The message.
    pub msg: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.at, self.msg)
    }
}

/// How a package-level object is declared, for checking it on demand.
#[derive(Clone, Debug)]
pub(super) struct DeclInfo {
    /// The file holding the declaration.
    pub file: FileId,
    /// The file scope (imports) the declaration sees.
    pub scope: ScopeId,
    /// What to check.
    pub kind: DeclKindInfo,
}

/// The declaration forms.
#[derive(Clone, Debug)]
pub(super) enum DeclKindInfo {
    /// A constant: its type and value expressions (possibly inherited from an earlier
    /// spec of the group), and `iota`.
    Const { typ: Option<ExprId>, init: Option<ExprId>, iota: u32, inherited: bool },
    /// Variables declared together; `index` is this variable's position among `lhs`.
    Var { lhs: Vec<ObjId>, typ: Option<ExprId>, values: Vec<ExprId> },
    /// A type declaration.
    Type { decl: DeclId },
    /// A function or method declaration.
    Func { decl: DeclId },
}

/// Progress of a package-level object's check (for cycle detection).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Color {
    /// Being checked: meeting it again means a cycle.
    Grey,
    /// Checked.
    Black,
}

/// A function body waiting to be checked once all package-level declarations are.
#[derive(Clone, Debug)]
pub(super) struct PendingBody {
    pub file: FileId,
    pub func: ObjId,
    pub sig: TypeId,
    pub scope: ScopeId,
    pub body: Block,
    /// For function literals: the enclosing package-level declaration (for dependencies).
    pub decl_obj: Option<ObjId>,
}

/// The per-function (or per-initializer) context.
#[derive(Clone, Debug, Default)]
pub(super) struct Env {
    /// The current scope.
    pub scope: Option<ScopeId>,
    /// The value of `iota` inside a constant declaration.
    pub iota: Option<Value>,
    /// The signature of the enclosing function.
    pub sig: Option<TypeId>,
    /// The enclosing function's result variables.
    pub results: Vec<ObjId>,
    /// The package-level object whose declaration is being checked (dependencies are
    /// recorded against it, for the initialization order).
    pub decl_obj: Option<ObjId>,
}

/// The checker for one package.
pub(super) struct Checker<'a> {
    pub prog: &'a mut Program,
    pub info: &'a mut Info,
    pub pkg: PkgId,
    /// Language version (minor number) of this package.
    pub go_minor: u32,
    pub errors: Vec<Diagnostic>,
    /// Error positions already reported (one error per position).
    reported: HashSet<SrcPos>,
    /// The file whose nodes are being checked.
    pub fid: FileId,
    pub file: Arc<File>,
    pub env: Env,
    pub objmap: HashMap<ObjId, DeclInfo>,
    pub colors: HashMap<ObjId, Color>,
    /// Package-level objects in declaration order.
    pub pkg_objs: Vec<ObjId>,
    /// Method declarations by receiver base type name, attached when the type is declared.
    pub methods_by_base: HashMap<Arc<str>, Vec<ObjId>>,
    pub bodies: Vec<PendingBody>,
    /// For each package-level object: the package-level objects its declaration uses.
    pub deps: HashMap<ObjId, Vec<ObjId>>,
    /// Imports (PkgName objects) per file, to report unused ones.
    pub file_imports: Vec<(FileId, ObjId, Pos)>,
    /// Dot-imported packages per file scope, to report unused dot imports.
    pub dot_imports: Vec<(FileId, PkgId, Pos, bool)>,
    /// Cached interface type sets.
    pub typesets: HashMap<TypeId, Arc<super::typeset::TypeSet>>,
    /// Instances expanded so far in the current expansion (bounds runaway recursion).
    pub expand_depth: u32,
    pub pkg_info: PackageInfo,
    /// Local variables declared in the current function body (checked for use at its end).
    pub unused_candidates: Vec<ObjId>,
    /// Explicit type arguments of a partial instantiation `F[int]` awaiting inference in a call.
    pub partial_targs: HashMap<(FileId, ExprId), Vec<TypeId>>,
    /// Instantiations already listed in [`Info::instances`].
    pub instance_set: HashSet<(ObjId, Vec<TypeId>)>,
    /// Type instantiations whose constraints are verified after the declarations.
    pub delayed_verify: Vec<(FileId, ExprId, Vec<TypeId>, Vec<TypeId>)>,
    /// Map key types whose comparability is decided after the declarations.
    pub delayed_keys: Vec<(FileId, TypeId, ExprId)>,
    /// Generic aliases: their type parameters and aliased type.
    pub generic_aliases: HashMap<ObjId, (Vec<TypeId>, TypeId)>,
    /// Package-level variable initializations in declaration order.
    pub pending_inits: Vec<super::info::Initializer>,
    /// Instances of generic types created before their origin's declaration completed.
    pub pending_instances: HashMap<TypeId, Vec<TypeId>>,
    /// Every `&x` of a variable: the file, the name expression and the variable. The
    /// variables become [`Info::addr_taken`] once the package is checked, except where
    /// the `&x` belongs to a bit cast ([`FileInfo::bitcasts`]).
    pub addr_sites: Vec<(FileId, ExprId, ObjId)>,
    /// The generic type whose type parameters are being declared.
    pub tparams_owner: Option<TypeId>,
    /// While positive, errors are counted in `silent_errors` instead of reported (for
    /// trial checks such as "would this conversion work").
    pub silent: u32,
    pub silent_errors: u32,
    /// The next expression evaluated may be an uninstantiated generic function: its
    /// context (an assignment to a function-typed target) infers the type arguments.
    pub generic_value_ok: bool,
    /// Aliases whose right-hand side was re-evaluated during a cycle (at most once).
    pub alias_reentry: HashSet<ObjId>,
}

impl<'a> Checker<'a> {
    pub fn new(prog: &'a mut Program, info: &'a mut Info, pkg: PkgId, go_minor: u32, first_file: FileId) -> Checker<'a> {
        let file = prog.file(first_file).clone();
        Checker {
            prog,
            info,
            pkg,
            go_minor,
            errors: Vec::new(),
            reported: HashSet::new(),
            fid: first_file,
            file,
            env: Env::default(),
            objmap: HashMap::new(),
            colors: HashMap::new(),
            pkg_objs: Vec::new(),
            methods_by_base: HashMap::new(),
            bodies: Vec::new(),
            deps: HashMap::new(),
            file_imports: Vec::new(),
            dot_imports: Vec::new(),
            typesets: HashMap::new(),
            expand_depth: 0,
            pkg_info: PackageInfo { pkg: Some(pkg), ..PackageInfo::default() },
            unused_candidates: Vec::new(),
            partial_targs: HashMap::new(),
            instance_set: HashSet::new(),
            delayed_verify: Vec::new(),
            delayed_keys: Vec::new(),
            generic_aliases: HashMap::new(),
            pending_inits: Vec::new(),
            pending_instances: HashMap::new(),
            addr_sites: Vec::new(),
            tparams_owner: None,
            silent: 0,
            silent_errors: 0,
            generic_value_ok: false,
            alias_reentry: HashSet::new(),
        }
    }

    /// Switches the file context; returns the previous one for [`Self::restore_file`].
    pub fn set_file(&mut self, f: FileId) -> FileId {
        let prev = self.fid;
        if f != self.fid {
            self.fid = f;
            self.file = self.prog.file(f).clone();
        }
        prev
    }

    /// Restores a file context saved by [`Self::set_file`].
    pub fn restore_file(&mut self, f: FileId) {
        self.set_file(f);
    }

    /// Reports an error at `pos` in the current file.
    pub fn error(&mut self, pos: Pos, msg: impl Into<String>) {
        let sp = SrcPos { file: self.fid, pos };
        self.error_at(sp, msg.into());
    }

    /// Reports an error at a program position (one per position).
    pub fn error_at(&mut self, sp: SrcPos, msg: String) {
        if self.silent > 0 {
            self.silent_errors += 1;
            return;
        }
        if !self.reported.insert(sp) {
            return;
        }
        let at = self.prog.position(sp);
        self.errors.push(Diagnostic { pos: sp, at, msg });
    }

    /// The leftmost position of an expression (where types2 reports most errors).
    pub fn start(&self, e: ExprId) -> Pos {
        self.file.start_pos(e)
    }

    /// Formats a type for a message, qualified relative to this package.
    pub fn ts(&self, t: TypeId) -> String {
        type_string(self.prog, t, Some(self.pkg))
    }

    /// The name text of an AST name in the current file.
    pub fn name_str(&self, n: crate::syntax::ast::Name) -> &str {
        self.file.name(n)
    }

    /// Records the type and value of an expression.
    pub fn record(&mut self, e: ExprId, mode: Mode, ty: TypeId, value: Option<Value>) {
        let fid = self.fid;
        self.info.file_mut(fid).record(e, TypeAndValue { mode, ty, value });
    }

    /// Records that identifier expression `e` denotes `obj`.
    pub fn record_use(&mut self, e: ExprId, obj: ObjId) {
        let fid = self.fid;
        self.info.file_mut(fid).uses.insert(e, obj);
    }

    /// Records that the name at `pos` declares `obj`.
    pub fn record_def(&mut self, pos: Pos, obj: ObjId) {
        let fid = self.fid;
        self.info.file_mut(fid).defs.insert(pos, obj);
    }

    /// The current scope.
    pub fn scope(&self) -> ScopeId {
        self.env.scope.unwrap_or(self.prog.package(self.pkg).scope)
    }

    /// Opens a block scope.
    pub fn open_scope(&mut self, kind: super::object::ScopeKind) -> ScopeId {
        let s = self.prog.new_scope(Some(self.scope()), kind);
        self.env.scope = Some(s);
        s
    }

    /// Closes the current scope, returning to its parent, and reports its unused variables.
    pub fn close_scope(&mut self) {
        let s = self.scope();
        self.env.scope = self.prog.scope(s).parent;
    }

    /// Records a dependency of the package-level declaration being checked on `obj`.
    pub fn record_dep(&mut self, obj: ObjId) {
        if let Some(d) = self.env.decl_obj
            && self.objmap.contains_key(&obj)
        {
            self.deps.entry(d).or_default().push(obj);
        }
    }

    /// Marks a variable used.
    pub fn mark_used(&mut self, obj: ObjId) {
        if let ObjKind::Var { used, .. } = &mut self.prog.obj_mut(obj).kind {
            *used = true;
        }
    }

    /// Runs all phases for the package.
    pub fn check_files(&mut self, files: &[FileId], imports: &HashMap<String, PkgId>) {
        self.collect_objects_with(files, imports);
        self.check_import_conflicts();
        self.package_objects();
        self.check_delayed_verify();
        self.check_delayed_keys();
        self.process_bodies();
        self.unused_imports();
        self.init_order();
        let info = std::mem::take(&mut self.pkg_info);
        self.info.packages.insert(self.pkg, info);
        let sites = std::mem::take(&mut self.addr_sites);
        let files: HashSet<FileId> = sites.iter().map(|s| s.0).collect();
        let cast_names: HashSet<(FileId, ExprId)> = files
            .into_iter()
            .filter_map(|f| self.info.file(f).map(|fi| (f, fi)))
            .flat_map(|(f, fi)| fi.bitcasts.values().map(move |&y| (f, y)))
            .collect();
        for (f, x, o) in sites {
            if !cast_names.contains(&(f, x)) {
                self.info.addr_taken.insert(o);
            }
        }
        self.prog.packages[self.pkg.0 as usize].complete = true;
    }

    /// Checks every package-level object in source order.
    fn package_objects(&mut self) {
        let objs = self.pkg_objs.clone();
        for o in objs {
            self.obj_decl(o);
        }
        // Methods whose receiver base type is not declared in this package.
        let leftover: Vec<(Arc<str>, Vec<ObjId>)> = self.methods_by_base.drain().collect();
        for (_, ms) in leftover {
            for m in ms {
                self.obj_decl(m);
            }
        }
    }

    /// Checks queued function bodies (function literals inside them queue more).
    fn process_bodies(&mut self) {
        let mut i = 0;
        while i < self.bodies.len() {
            let b = self.bodies[i].clone();
            self.func_body(&b);
            i += 1;
        }
        self.bodies.clear();
    }

    /// Reports imports that no identifier used.
    fn unused_imports(&mut self) {
        let imports = std::mem::take(&mut self.file_imports);
        for (fid, obj, pos) in imports {
            let (used, pkg) = match &self.prog.obj(obj).kind {
                ObjKind::PkgName { used, pkg } => (*used, *pkg),
                _ => continue,
            };
            if !used {
                let path = self.prog.package(pkg).path.clone();
                let pname = self.prog.package(pkg).name.clone();
                let local = self.prog.obj(obj).name.clone();
                let msg = if *local == *pname {
                    format!("{:?} imported and not used", &*path)
                } else {
                    format!("{:?} imported as {} and not used", &*path, local)
                };
                let prev = self.set_file(fid);
                self.error(pos, msg);
                self.restore_file(prev);
            }
        }
        let dots = std::mem::take(&mut self.dot_imports);
        for (fid, pkg, pos, used) in dots {
            if !used {
                let path = self.prog.package(pkg).path.clone();
                let prev = self.set_file(fid);
                self.error(pos, format!("{:?} imported and not used", &*path));
                self.restore_file(prev);
            }
        }
    }

    /// Shorthand for the invalid type.
    pub fn invalid(&self) -> TypeId {
        super::ty::TypeTable::INVALID
    }
}
