//! The Go type checker.
//!
//! [`check_packages`] loads packages (see [`crate::loader`]) and checks them in
//! dependency order into one [`Program`] (all types, objects, scopes and packages) and
//! one [`Info`] (what the compiler needs per expression: types, constant values,
//! resolved objects, selections, generic instances, initialization order).
//!
//! The parts, one concern per module, in the manner of `go/types`:
//! - Representation: [`constant`] (exact constant values), [`ty`] (interned types),
//!   [`object`] (objects, scopes, packages, positions), [`program`] (the store),
//!   [`universe`] (predeclared names and `unsafe`), [`sizes`] (gc's memory layout),
//!   [`typestring`] (types as messages print them), [`info`] (the result tables).
//! - The checker, `impl Checker` blocks per concern: `check` (state, errors, phases),
//!   `resolver` (collecting package-level objects and imports), `decl` (declarations,
//!   checked on demand with cycle detection), `typexpr` (type expressions), `expr`
//!   (operands, operators, untyped constants), `call`, `builtins`, `index`,
//!   `selector`, `literals`, `conversion`, `assign`, `stmt` (statements, bodies,
//!   labels, missing returns, unused variables), `lookup` (fields, methods, method
//!   sets, interface satisfaction), `predicates`, `typeset` (interface type sets),
//!   `subst` (substitution and instantiation), `infer` (type inference), `initorder`,
//!   `operand` and `exprstring` (messages).
//! - [`methodset`]: method sets for the compiler's interface tables.

mod assign;
mod builtins;
mod call;
mod check;
pub mod constant;
mod conversion;
mod decl;
mod expr;
mod exprstring;
mod index;
mod infer;
pub mod info;
mod initorder;
mod literals;
mod lookup;
pub mod methodset;
pub mod object;
mod operand;
mod predicates;
pub mod program;
mod resolver;
mod selector;
pub mod sizes;
mod stmt;
mod subst;
pub mod ty;
pub mod typeset;
pub mod typestring;
mod typexpr;
mod universe;

use std::collections::HashMap;

pub use check::Diagnostic;
pub use info::Info;
pub use object::{FileId, ObjId, PkgId, ScopeId, SrcPos};
pub use program::Program;
pub use ty::{BasicKind, Type, TypeId, TypeTable};

use crate::loader::{self, Config, LoadedProgram, Request};

/// A checked program: the store, the result tables, and its packages.
#[derive(Debug)]
pub struct CheckedProgram {
    /// Types, objects, scopes, packages and files.
    pub program: Program,
    /// Per-expression results, instances, initialization order.
    pub info: Info,
    /// Every package in dependency order (each after all it imports).
    pub packages: Vec<PkgId>,
    /// The packages that were requested.
    pub roots: Vec<PkgId>,
    /// The packages of the standard library (from `$GOROOT/src` or its overlay).
    pub std: Vec<PkgId>,
}

/// Stack size of the checking thread: the checker recurses along the syntax tree, whose
/// nesting the parser bounds; this leaves ample room on any host thread.
const CHECK_STACK: usize = 512 << 20;

/// Type-checks loaded packages (in the loader's dependency order). Returns the checked
/// program and the type errors found (sorted by position within each package). Runs
/// on a thread of its own with a large stack, so deeply nested (hostile) input cannot
/// overflow the caller's stack.
pub fn check_loaded(loaded: LoadedProgram) -> (CheckedProgram, Vec<Diagnostic>) {
    let worker = std::thread::Builder::new().name("mvm-typecheck".into()).stack_size(CHECK_STACK).spawn(move || check_loaded_here(loaded));
    match worker.map(|h| h.join()) {
        Ok(Ok(r)) => r,
        // A checker bug must not take the process down: report it as an error.
        Ok(Err(_)) | Err(_) => {
            let prog = Program::new();
            let diag = Diagnostic { pos: SrcPos { file: FileId(0), pos: crate::syntax::Pos(0) }, at: "mvm".into(), msg: "internal error: the type checker failed".into() };
            (CheckedProgram { program: prog, info: Info::default(), packages: vec![], roots: vec![], std: vec![] }, vec![diag])
        }
    }
}

fn check_loaded_here(loaded: LoadedProgram) -> (CheckedProgram, Vec<Diagnostic>) {
    let mut prog = Program::new();
    let mut info = Info::default();
    let mut ids: Vec<PkgId> = Vec::new();
    let mut errors = Vec::new();
    let mut std = Vec::new();
    for lp in loaded.packages {
        let pkg = prog.new_package(&lp.path, &lp.name);
        ids.push(pkg);
        if lp.origin == crate::loader::Origin::Std {
            std.push(pkg);
        }
        let files: Vec<FileId> = lp.files.into_iter().map(|f| prog.add_file(f)).collect();
        let imports: HashMap<String, PkgId> = lp.imports.iter().filter_map(|(path, &i)| ids.get(i).map(|&p| (path.clone(), p))).collect();
        let Some(&first) = files.first() else { continue };
        let mut c = check::Checker::new(&mut prog, &mut info, pkg, lp.go_minor, first);
        c.check_files(&files, &imports);
        let mut errs = std::mem::take(&mut c.errors);
        for (i, e) in lp.soft_errors {
            let Some(&fid) = files.get(i) else { continue };
            let pos = SrcPos { file: fid, pos: e.pos };
            errs.push(Diagnostic { pos, at: prog.position(pos), msg: e.msg });
        }
        errs.sort_by_key(|a| a.pos);
        errors.extend(errs);
    }
    let roots = loaded.roots.iter().filter_map(|&i| ids.get(i).copied()).collect();
    (CheckedProgram { program: prog, info, packages: ids, roots, std }, errors)
}

/// Loads and type-checks the requested packages: the entry point of `mvm check`.
/// On failure returns the messages to print (`file:line:col: message`), loading
/// errors or type errors.
pub fn check_packages(cfg: &Config, req: &Request) -> Result<CheckedProgram, Vec<String>> {
    let loaded = loader::load(cfg, req).map_err(|errs| errs.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    let (checked, errors) = check_loaded(loaded);
    if errors.is_empty() { Ok(checked) } else { Err(errors.iter().map(ToString::to_string).collect()) }
}
