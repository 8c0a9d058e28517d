//! The compiler driver: chooses the functions to compile, gives them ids and
//! signatures, lays out package-level variables, compiles every body and each
//! package's init function, and links the result.

use super::func::FuncCompiler;
use super::{CompileError, Compiled, StaticData, closure, generic, layout, natives};
use crate::bytecode::{FuncId, Function, Instr, Kind, Native, Program, Signature, TypeLayout, WordSet};
use frontend::syntax::ast::{DeclId, DeclKind};
use frontend::types::object::{ObjKind, PkgId};
use frontend::types::ty::{Type, TypeId};
use frontend::types::{CheckedProgram, FileId, Info, ObjId, Program as TypesProgram, SrcPos};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// A function to compile: a declared function or a package's synthetic init.
#[derive(Clone, Debug)]
enum Job {
    Func { obj: ObjId, file: FileId, decl: DeclId },
    Init { pkg: PkgId },
}

/// State shared by every function's compilation.
pub(crate) struct Ctx<'p> {
    pub prog: &'p TypesProgram,
    pub info: &'p Info,
    /// Compiled functions: id and word signature. Read them through
    /// [`Ctx::func_ref`], which marks the function as needed.
    pub funcs: HashMap<ObjId, (FuncId, Signature)>,
    /// Declared functions whose body is needed (see `compile_round`), by id, and
    /// those not compiled yet.
    reached: Vec<bool>,
    reach_queue: Vec<FuncId>,
    /// Functions with a body that a `//go:linkname` names as another package's
    /// body-less function, by that function's `pkg.name`.
    pub push_links: HashMap<String, ObjId>,
    /// Functions whose calls compile inline (see `inline`).
    pub inline: HashMap<ObjId, super::inline::Inline>,
    /// Std functions that compile to one instruction (see `stdlib`): calls of them are
    /// the instruction.
    pub intrinsics: HashMap<ObjId, Instr>,
    /// Methods marked `//go:nointerface`: left out of run-time method tables, so they
    /// satisfy no interface dynamically (gc's `GOEXPERIMENT=fieldtrack` rule; gc
    /// rejects the pragma without it).
    pub nointerface: HashSet<ObjId>,
    /// Package-level variables: their address in the static block.
    pub globals: HashMap<ObjId, u64>,
    pub data: StaticData,
    string_addrs: HashMap<Vec<u8>, u64>,
    pub types: Vec<TypeLayout>,
    type_index: HashMap<TypeId, u32>,
    /// Word images of channel element types (see `chan`).
    pub chan_elems: HashMap<TypeId, u32>,
    pub natives: Vec<Native>,
    native_index: HashMap<&'static str, u32>,
    /// Per file: the variables function literals capture.
    captured: HashMap<FileId, Rc<HashSet<ObjId>>>,
    /// Functions created while compiling (closures, defer thunks), by id minus
    /// `first_extra`; `None` while being compiled.
    pub extra: Vec<Option<Function>>,
    pub first_extra: FuncId,
    funcvals: HashMap<FuncId, u64>,
    /// Itabs by (interface, concrete type).
    pub itabs: HashMap<(TypeId, TypeId), u64>,
    /// Method wrappers by (receiver shape, base type, name, package); see `methods`.
    pub method_wrappers: HashMap<(super::methods::Recv, TypeId, String, Option<PkgId>), FuncId>,
    /// Algs (equality and hashing) by type, `None` for uncomparable types (see `alg`).
    pub algs: HashMap<TypeId, Option<u64>>,
    /// Static map-type descriptors by map type (see `maps`).
    pub map_types: HashMap<TypeId, u64>,
    /// String variables whose value the linker's `-X` set: their initializers do not run.
    pub linker_set: HashSet<ObjId>,
    /// Generic declarations and their instances.
    pub generics: generic::Generics,
}

impl<'p> Ctx<'p> {
    /// The variables that function literals in file `f` capture.
    pub fn captured_in(&mut self, f: FileId) -> Rc<HashSet<ObjId>> {
        if let Some(c) = self.captured.get(&f) {
            return c.clone();
        }
        let set = match (self.prog.files.get(f.0 as usize), self.info.file(f)) {
            (Some(file), Some(fi)) => Rc::new(closure::captured_vars(self.prog, file, fi)),
            _ => Rc::new(HashSet::new()),
        };
        self.captured.insert(f, set.clone());
        set
    }

    /// The id and signature of declared function `obj`, whose body is then needed.
    pub fn func_ref(&mut self, obj: ObjId) -> Option<(FuncId, Signature)> {
        let f = self.funcs.get(&obj).cloned()?;
        self.reach(f.0);
        Some(f)
    }

    /// Marks declared function `id` as needed.
    fn reach(&mut self, id: FuncId) {
        if let Some(r) = self.reached.get_mut(id as usize)
            && !*r
        {
            *r = true;
            self.reach_queue.push(id);
        }
    }

    /// The body of std function `obj` that no compiled code reaches: it would stop
    /// with an internal error, which would be a bug in the reachability.
    fn unreached(&mut self, name: &str, obj: ObjId) -> Function {
        let sig = self.funcs.get(&obj).map(|f| f.1.clone()).unwrap_or_default();
        let mut b = crate::bytecode::FunctionBuilder::new(name, sig.clone());
        if let Some((native, nsig)) = self.native("unreached") {
            let addr = self.string_addr(name.as_bytes());
            b.push_i64(addr as i64);
            b.set_top_kinds(&[Kind::Pointer]);
            b.push_i64(name.len() as i64);
            b.call_native(native, &nsig);
        }
        for &k in &sig.results {
            b.emit(Instr::Const(0));
            b.set_top_kinds(&[k]);
        }
        b.emit(Instr::Ret);
        b.finish().unwrap_or_else(|_| placeholder(name))
    }

    /// Reserves the id of a function compiled on the side (a closure body or a thunk).
    pub fn reserve_func(&mut self) -> FuncId {
        self.extra.push(None);
        self.first_extra + self.extra.len() as FuncId - 1
    }

    /// Stores a function compiled on the side under its reserved id.
    pub fn define_func(&mut self, id: FuncId, f: Function) {
        if let Some(slot) = id.checked_sub(self.first_extra).and_then(|i| self.extra.get_mut(i as usize)) {
            *slot = Some(f);
        }
    }

    /// The address of a static func value for function `id` (a closure without
    /// captured variables: one word, the function id).
    pub fn funcval_addr(&mut self, id: FuncId) -> u64 {
        if let Some(&a) = self.funcvals.get(&id) {
            return a;
        }
        let b: Box<[u64]> = vec![u64::from(id)].into_boxed_slice();
        let a = b.as_ptr() as u64;
        self.data.funcvals.push(b);
        self.funcvals.insert(id, a);
        a
    }

    /// A type-table entry for an object that is not a Go type (a closure context).
    pub fn custom_type(&mut self, name: &str, kinds: &[Kind]) -> u32 {
        let i = self.types.len() as u32;
        self.types.push(TypeLayout {
            name: name.to_string(),
            size: kinds.len() as u64 * 8,
            align: 8,
            pointers: WordSet::pointers(kinds),
        });
        i
    }

    /// The address of a static copy of `bytes` (shared between equal constants).
    pub fn string_addr(&mut self, bytes: &[u8]) -> u64 {
        if bytes.is_empty() {
            return 0;
        }
        if let Some(&a) = self.string_addrs.get(bytes) {
            return a;
        }
        let b: Box<[u8]> = bytes.into();
        let a = b.as_ptr() as u64;
        self.data.strings.push(b);
        self.string_addrs.insert(bytes.to_vec(), a);
        a
    }

    /// The index of `t`'s layout in the program's type table.
    pub fn type_id(&mut self, t: TypeId) -> u32 {
        if let Some(&i) = self.type_index.get(&t) {
            return i;
        }
        let p = self.prog;
        let kinds = layout::words(p, t);
        let tl = TypeLayout {
            name: frontend::types::typestring::type_string(p, t, None),
            size: layout::size_of(p, t),
            align: frontend::types::sizes::align_of(p, t).max(1) as u64,
            pointers: WordSet::pointers(&kinds),
        };
        let i = self.types.len() as u32;
        self.types.push(tl);
        self.type_index.insert(t, i);
        i
    }

    /// The index of the native `name` (registered on first use).
    pub fn native(&mut self, name: &'static str) -> Option<(u32, Signature)> {
        if let Some(&i) = self.native_index.get(name) {
            return self.natives.get(i as usize).map(|n| (i, n.sig.clone()));
        }
        let n = natives::lookup(name)?;
        let sig = n.sig.clone();
        let i = self.natives.len() as u32;
        self.natives.push(n);
        self.native_index.insert(name, i);
        Some((i, sig))
    }

    /// Registers a native bound to a Go declaration (see `runtime::native`); its index.
    pub fn add_native(&mut self, n: Native) -> u32 {
        let i = self.natives.len() as u32;
        self.natives.push(n);
        i
    }

    /// `file:line:col` of a position.
    pub fn position(&self, file: FileId, pos: frontend::syntax::Pos) -> String {
        self.prog.position(SrcPos { file, pos })
    }

    /// The word signature of a function type.
    pub fn signature(&self, t: TypeId) -> Option<Signature> {
        let s = self.prog.types.signature_of(t)?;
        let mut sig = Signature::default();
        for &p in &s.params {
            sig.params.extend(layout::words(self.prog, p));
        }
        for &r in &s.results {
            sig.results.extend(layout::words(self.prog, r));
        }
        Some(sig)
    }
}

/// The name gc gives a package's symbols in tracebacks: `main` for the main package,
/// the import path otherwise.
pub(crate) fn symbol_prefix(prog: &TypesProgram, pkg: Option<PkgId>) -> String {
    match pkg.and_then(|p| prog.packages.get(p.0 as usize)) {
        Some(p) if &*p.name == "main" => "main".into(),
        Some(p) => p.path.to_string(),
        None => String::new(),
    }
}

/// Compiles every package of `checked` (the program's and the std packages it
/// imports, with mvm's own `runtime`).
pub fn compile(checked: &CheckedProgram) -> Result<Compiled, Vec<CompileError>> {
    compile_with_strings(checked, &[])
}

/// [`compile`], with the linker's `-X importpath.name=value` settings: each names a
/// package-level string variable whose initial value becomes `value`, replacing its
/// initializer, as gc's linker does. As there, a setting naming no variable is ignored
/// and one naming a variable of another type is an error.
pub fn compile_with_strings(checked: &CheckedProgram, x_strings: &[(String, String)]) -> Result<Compiled, Vec<CompileError>> {
    let prog = &checked.program;
    let info = &checked.info;
    let user_pkgs: Vec<PkgId> = checked.packages.iter().copied().filter(|&p| p != prog.pre.unsafe_pkg).collect();
    let mut user_files: Vec<(FileId, PkgId)> = Vec::new();
    for i in 0..prog.files.len() {
        let f = FileId(i as u32);
        if let Some(p) = file_pkg(prog, info, f).filter(|p| user_pkgs.contains(p)) {
            user_files.push((f, p));
        }
    }

    // Generic code and type descriptors need types the checker never built: they are
    // interned into a copy of the program first (see `generic::prepass`), and a round
    // that still misses some interns them and compiles again.
    let mut owned = prog.clone();
    generic::prepass::pre_intern(&mut owned, info);
    for round in 0..MAX_ROUNDS {
        let t0 = std::time::Instant::now();
        let r = compile_round(checked, &owned, &user_pkgs, &user_files, x_strings);
        if std::env::var_os("MVM_TIME").is_some() {
            eprintln!("mvm: compile round {round}: {:?}", t0.elapsed());
        }
        match r {
            Round::Done(r) => return *r,
            Round::Missing(missing) => {
                for (t, s) in missing {
                    generic::intern(&mut owned.types, t, &s.map, 0);
                }
            }
        }
    }
    Err(vec![CompileError { pos: "mvm".into(), msg: "internal compiler error: generic types do not converge".into() }])
}

/// Bound on compilation rounds (each adds the types generic code needed).
const MAX_ROUNDS: usize = 64;

/// The outcome of one compilation round.
enum Round {
    /// Boxed: a compiled program is large beside the other variant.
    Done(Box<Result<Compiled, Vec<CompileError>>>),
    /// Substitutions whose types must be interned before the next round.
    Missing(Vec<(TypeId, Rc<generic::Subst>)>),
}

/// Compiles the user packages against type table `prog`.
fn compile_round(
    checked: &CheckedProgram,
    prog: &TypesProgram,
    user_pkgs: &[PkgId],
    user_files: &[(FileId, PkgId)],
    x_strings: &[(String, String)],
) -> Round {
    let info = &checked.info;
    let mut errors = Vec::new();
    let mut cx = Ctx {
        prog,
        info,
        funcs: HashMap::new(),
        globals: HashMap::new(),
        data: StaticData::default(),
        string_addrs: HashMap::new(),
        types: Vec::new(),
        type_index: HashMap::new(),
        chan_elems: HashMap::new(),
        natives: Vec::new(),
        native_index: HashMap::new(),
        captured: HashMap::new(),
        extra: Vec::new(),
        first_extra: 0,
        funcvals: HashMap::new(),
        itabs: HashMap::new(),
        method_wrappers: HashMap::new(),
        algs: HashMap::new(),
        map_types: HashMap::new(),
        linker_set: HashSet::new(),
        generics: generic::Generics::default(),
        inline: HashMap::new(),
        nointerface: HashSet::new(),
        intrinsics: HashMap::new(),
        reached: Vec::new(),
        reach_queue: Vec::new(),
        push_links: HashMap::new(),
    };

    // Functions: ids and signatures first, so that bodies can call each other.
    let mut jobs: Vec<(Job, String)> = Vec::new();
    let mut global_vars: Vec<ObjId> = Vec::new();
    let mut var_links: Vec<(ObjId, String)> = Vec::new();
    for &(fid, pkg) in user_files {
        let file = prog.file(fid);
        let Some(finfo) = info.file(fid) else { continue };
        let prefix = symbol_prefix(prog, Some(pkg));
        let mut init_count = 0usize;
        for (did, d) in file.top_decls() {
            match &d.kind {
                DeclKind::Func { recv, name, tparams, .. } => {
                    let Some(&obj) = finfo.defs.get(&name.pos) else { continue };
                    let pragmas = file.directives.get(d.pragmas.range()).unwrap_or(&[]);
                    if recv.is_some() && pragmas.iter().any(|p| file.directive_text(p).trim_end() == "//go:nointerface") {
                        cx.nointerface.insert(obj);
                    }
                    // `//go:linkname local pkg.name` on a function with a body: it is
                    // the body of `pkg.name` declared without one (gc's runtime pushes
                    // `time.Sleep` this way).
                    if recv.is_none() && matches!(&d.kind, DeclKind::Func { body: Some(_), .. }) {
                        let fname = file.name(*name);
                        for p in pragmas {
                            let words: Vec<&str> = file.directive_text(p).split_whitespace().collect();
                            if let ["//go:linkname", local, target] = words.as_slice()
                                && *local == fname
                            {
                                cx.push_links.insert(target.to_string(), obj);
                            }
                        }
                    }
                    let fname = file.name(*name);
                    if !tparams.is_empty() {
                        // Compiled per instance, on demand.
                        cx.generics.decls.insert(obj, (fid, did));
                        continue;
                    }
                    let Some(mut sig) = cx.signature(prog.obj(obj).ty) else { continue };
                    let mut method_sym = None;
                    if recv.is_some() {
                        let ObjKind::Func(fi) = &prog.obj(obj).kind else { continue };
                        let (Some(r), Some(base)) = (fi.recv, fi.recv_base) else { continue };
                        if !fi.tparams.is_empty() {
                            cx.generics.decls.insert(obj, (fid, did));
                            continue;
                        }
                        let mut params = layout::words(prog, prog.obj(r).ty);
                        params.append(&mut sig.params);
                        sig.params = params;
                        let tname = prog.types.named(base).map(|n| prog.obj(n.obj).name.to_string()).unwrap_or_default();
                        method_sym = Some(if fi.ptr_recv { format!("{prefix}.(*{tname}).{fname}") } else { format!("{prefix}.{tname}.{fname}") });
                    }
                    let id = jobs.len() as FuncId;
                    let sym = if let Some(m) = method_sym {
                        m
                    } else if fname == "init" {
                        // gc numbers init functions per package, in source order.
                        let n = info.packages.get(&pkg).and_then(|pi| pi.init_funcs.iter().position(|&o| o == obj));
                        init_count += 1;
                        format!("{prefix}.init.{}", n.unwrap_or(init_count - 1))
                    } else {
                        format!("{prefix}.{fname}")
                    };
                    if recv.is_none()
                        && let Some(super::stdlib::Replacement::Instr(i)) = super::stdlib::replacement(&prog.package(pkg).path, fname)
                    {
                        cx.intrinsics.insert(obj, i);
                    }
                    cx.funcs.insert(obj, (id, sig));
                    if let DeclKind::Func { body: Some(body), .. } = &d.kind
                        && let Some(inl) = super::inline::candidate(prog, info, fid, file, finfo, obj, body)
                    {
                        cx.inline.insert(obj, inl);
                    }
                    jobs.push((Job::Func { obj, file: fid, decl: did }, sym));
                }
                DeclKind::Var { names, .. } => {
                    let pragmas = file.directives.get(d.pragmas.range()).unwrap_or(&[]);
                    for n in names {
                        if let Some(&o) = finfo.defs.get(&n.pos) {
                            global_vars.push(o);
                            // `//go:linkname local pkg.name`: the variable is another
                            // package's (math/bits' `overflowError` is the runtime's).
                            let name = file.name(*n);
                            for p in pragmas {
                                let words: Vec<&str> = file.directive_text(p).split_whitespace().collect();
                                if let ["//go:linkname", local, target] = words.as_slice()
                                    && *local == name
                                {
                                    var_links.push((o, target.to_string()));
                                }
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let mut init_ids = Vec::new();
    for p in init_order(prog, user_pkgs) {
        let id = jobs.len() as FuncId;
        init_ids.push(id);
        jobs.push((Job::Init { pkg: p }, format!("{}.init", symbol_prefix(prog, Some(p)))));
    }

    // Package-level variables: one static block, each at its alignment.
    let mut offset = 0u64;
    let mut offsets = Vec::new();
    for &v in &global_vars {
        let t = prog.obj(v).ty;
        let align = frontend::types::sizes::align_of(prog, t).clamp(1, 8) as u64;
        offset = offset.div_ceil(align) * align;
        offsets.push(offset);
        offset += layout::size_of(prog, t);
    }
    cx.data.globals = vec![0u64; offset.div_ceil(8) as usize + 1].into_boxed_slice();
    let base = cx.data.globals.as_ptr() as u64;
    for (&v, &o) in global_vars.iter().zip(&offsets) {
        // Zero-sized variables live at `zerobase`, like zero-sized allocations.
        let zero_sized = layout::size_of(prog, prog.obj(v).ty) == 0;
        cx.globals.insert(v, if zero_sized { gc::zero_base() as u64 } else { base + o });
    }
    for (v, target) in &var_links {
        let found = target.rsplit_once('.').and_then(|(path, name)| {
            let pkg = prog.by_path.get(path)?;
            prog.lookup_local(prog.package(*pkg).scope, name)
        });
        if let Some(addr) = found.and_then(|t| cx.globals.get(&t).copied()) {
            cx.globals.insert(*v, addr);
        }
    }
    for (sym, value) in x_strings {
        let Some((path, name)) = sym.rsplit_once('.') else { continue };
        let target = global_vars.iter().zip(&offsets).find(|&(&v, _)| {
            let obj = prog.obj(v);
            // The linker knows a command's package as `main`, whatever its import path.
            &*obj.name == name
                && obj.pkg.map(|p| prog.package(p)).is_some_and(|p| &*p.path == path || (path == "main" && &*p.name == "main"))
        });
        let Some((&v, &o)) = target else { continue };
        let ty = prog.obj(v).ty;
        if !matches!(prog.types.under(ty), Type::Basic(k) if k.is_string()) {
            let t = frontend::types::typestring::type_string(prog, ty, None);
            errors.push(CompileError { pos: sym.clone(), msg: format!("cannot set with -X: not a var of type string (type:{t})") });
            continue;
        }
        let ptr = cx.string_addr(value.as_bytes());
        let word = (o / 8) as usize;
        if let Some(w) = cx.data.globals.get_mut(word..word + 2) {
            w.copy_from_slice(&[ptr, value.len() as u64]);
            cx.linker_set.insert(v);
        }
    }

    // Bodies: every function of the program's own packages, and of std those reached
    // from them (called, taken as a value, in a method set of a type that reaches an
    // interface): a fmt hello world needs a fifth of fmt's dependencies. The rest get a
    // stub that would stop with an internal error; nothing can call it.
    cx.first_extra = jobs.len() as FuncId;
    cx.reached = vec![false; jobs.len()];
    let std_files: HashSet<FileId> = user_files.iter().filter(|(_, p)| checked.std.contains(p)).map(|(f, _)| *f).collect();
    for (id, (job, _)) in jobs.iter().enumerate() {
        let user = match job {
            Job::Func { file, .. } => !std_files.contains(file),
            Job::Init { .. } => true,
        };
        if user {
            cx.reach(id as FuncId);
        }
    }
    // The runtime support's types and functions are needed by every program.
    let support = match cx.runtime_support() {
        Ok(s) => s,
        Err(e) => {
            errors.push(CompileError { pos: "mvm".into(), msg: format!("internal compiler error: runtime support: {e}") });
            Default::default()
        }
    };
    let mut bodies: Vec<Option<Function>> = vec![None; jobs.len()];
    loop {
        if let Some(id) = cx.reach_queue.pop() {
            let Some((job, sym)) = jobs.get(id as usize) else { continue };
            let result = match job {
                Job::Func { obj, file, decl } => FuncCompiler::compile_decl(&mut cx, sym, *obj, *file, *decl),
                Job::Init { pkg } => FuncCompiler::compile_init(&mut cx, sym, *pkg),
            };
            bodies[id as usize] = Some(result.unwrap_or_else(|mut es| {
                errors.append(&mut es);
                placeholder(sym)
            }));
        } else if let Some(job) = cx.generics.queue.pop() {
            // Instances of generic code, as calls found them (bodies may find more).
            match FuncCompiler::compile_instance(&mut cx, &job) {
                Ok(f) => cx.define_func(job.id, f),
                Err(mut es) => errors.append(&mut es),
            }
        } else {
            break;
        }
    }
    let mut functions: Vec<Function> = Vec::with_capacity(bodies.len());
    for (body, (job, sym)) in bodies.into_iter().zip(&jobs) {
        let f = match (body, job) {
            (Some(f), _) => f,
            (None, Job::Func { obj, .. }) => cx.unreached(sym, *obj),
            (None, Job::Init { .. }) => placeholder(sym),
        };
        functions.push(f);
    }
    let missing = std::mem::take(&mut *cx.generics.missing.borrow_mut());
    if !missing.is_empty() {
        return Round::Missing(missing);
    }

    cx.finish_rtypes();
    if let Some(e) = cx.data.module.error.take() {
        errors.push(CompileError { pos: "mvm".into(), msg: format!("internal compiler error: type descriptors: {e}") });
    }
    for (i, f) in std::mem::take(&mut cx.extra).into_iter().enumerate() {
        functions.push(f.unwrap_or_else(|| placeholder(&format!("closure{i}"))));
    }

    let main = user_pkgs
        .iter()
        .filter(|&&p| checked.roots.contains(&p) || &*prog.package(p).name == "main")
        .find_map(|&p| {
            let scope = prog.package(p).scope;
            let o = prog.lookup_local(scope, "main")?;
            matches!(prog.obj(o).kind, ObjKind::Func(_)).then_some(o)
        })
        .and_then(|o| cx.funcs.get(&o).map(|f| f.0));
    debug_assert!(main.is_none_or(|m| cx.reached.get(m as usize) == Some(&true)));
    if main.is_none() && errors.is_empty() {
        errors.push(CompileError { pos: "mvm".into(), msg: "function main is undeclared in the main package".into() });
    }
    errors.sort_by(|a, b| a.pos.cmp(&b.pos));
    errors.dedup();
    if !errors.is_empty() {
        return Round::Done(Box::new(Err(errors)));
    }
    let Some(main) = main else { return Round::Done(Box::new(Err(errors))) };
    let typelinks = cx.typelinks();
    let program = Program::link(functions, cx.natives, cx.types).map_err(|e| {
        vec![CompileError { pos: "mvm".into(), msg: format!("internal compiler error: link: {e}") }]
    });
    let mut program = match program {
        Ok(p) => p,
        Err(e) => return Round::Done(Box::new(Err(e))),
    };
    // One itab per (interface, type): the run-time cache starts with the static ones.
    for &itab in cx.itabs.values() {
        // SAFETY: a static itab of the module: its words 0 and 1 are the interface and
        // the concrete type.
        let (i, t) = unsafe { (*(itab as *const u64), *(itab as *const u64).add(1)) };
        program.itabs().seed(i, t, itab);
    }
    program.set_support(support);
    program.set_reflect(crate::bytecode::ReflectData::new(cx.data.module.base(), cx.data.module.len(), typelinks));
    Round::Done(Box::new(Ok(Compiled { program, inits: init_ids, main, data: cx.data })))
}

/// The order packages initialize in (Go 1.21+): repeatedly the first package, by
/// import path, whose imports are all initialized.
fn init_order(prog: &TypesProgram, pkgs: &[PkgId]) -> Vec<PkgId> {
    let mut order: Vec<PkgId> = Vec::with_capacity(pkgs.len());
    while order.len() < pkgs.len() {
        let next = pkgs
            .iter()
            .filter(|p| !order.contains(p))
            .filter(|p| prog.package(**p).imports.iter().all(|i| !pkgs.contains(i) || order.contains(i)))
            .min_by(|a, b| prog.package(**a).path.cmp(&prog.package(**b).path));
        // An import cycle cannot pass the loader; take the rest as they come if it did.
        let Some(&next) = next.or_else(|| pkgs.iter().find(|p| !order.contains(p))) else { break };
        order.push(next);
    }
    order
}

/// A function body that failed to compile, so that ids stay dense while the errors
/// are collected.
fn placeholder(name: &str) -> Function {
    let mut b = crate::bytecode::FunctionBuilder::new(name, Signature::default());
    b.emit(crate::bytecode::Instr::Ret);
    match b.finish() {
        Ok(f) => f,
        Err(_) => Function {
            name: name.into(),
            file: String::new(),
            sig: Signature::default(),
            code: vec![crate::bytecode::Instr::Ret],
            consts: Vec::new(),
            frame_size: 0,
            max_stack: 0,
            slot_pointers: WordSet::default(),
            stack_maps: Vec::new(),
            defer_wrapper: false,
            method_wrapper: false,
            lines: Vec::new(),
            static_calls: Vec::new(),
            frame: None,
        },
    }
}

/// The package a file belongs to, from the objects its declarations define.
pub(crate) fn file_pkg(prog: &TypesProgram, info: &Info, f: FileId) -> Option<PkgId> {
    let fi = info.file(f)?;
    let file = prog.files.get(f.0 as usize)?;
    for (_, d) in file.top_decls() {
        let name = match &d.kind {
            DeclKind::Func { name, .. } | DeclKind::Type { name, .. } => Some(*name),
            DeclKind::Var { names, .. } | DeclKind::Const { names, .. } => names.first().copied(),
            DeclKind::Import { .. } => None,
        };
        if let Some(n) = name
            && let Some(&o) = fi.defs.get(&n.pos)
            && let Some(p) = prog.obj(o).pkg
        {
            return Some(p);
        }
    }
    // A file of imports only: match by package name among the packages.
    let name = file.package();
    prog.packages.iter().position(|p| &*p.name == name).map(|i| PkgId(i as u32))
}

