//! The types generic code will need, interned before compiling.
//!
//! The compiler reads the type table immutably; a type that only exists after
//! substitution (`[]int` in an instance of a function written with `[]T`) is a *miss*,
//! which costs a whole compilation round (see `package::compile_with_strings`). Each
//! round uncovers one more level of instances calling instances, so a program using
//! `slices` and `maps` took eight rounds.
//!
//! This pass walks the instances the way compiling them would, at the level of types
//! only: from every concrete instance the checker recorded, it substitutes the type
//! arguments into each type the generic body mentions (the types of its expressions
//! and local variables), interns the results, and follows the instances the body
//! instantiates and the methods of every new instance of a generic type, until nothing
//! new appears. Compiling then rarely misses, and a miss still costs only a round.

use super::subst::{MAX_ARG_NESTING, intern, nesting};
use frontend::syntax::Pos;
use frontend::syntax::ast::ExprId;
use frontend::types::object::ObjKind;
use frontend::types::ty::{Type, TypeId};
use frontend::types::{FileId, Info, ObjId, Program};
use std::collections::{HashMap, HashSet};

/// Bound on the instances walked (the compiler bounds instantiation cycles the same way).
const MAX_WALKED: usize = 20_000;

/// What a generic function's body mentions.
#[derive(Default)]
struct Body {
    /// Types of its expressions and local variables (deduplicated).
    types: Vec<TypeId>,
    /// Instances it creates: (generic object, type arguments in its own type parameters).
    instances: Vec<(ObjId, Vec<TypeId>)>,
}

/// Interns the types the instances of generic code reachable from the program's
/// concrete instances will use.
pub(crate) fn pre_intern(prog: &mut Program, info: &Info) {
    let spans = decl_spans(prog);
    let mut bodies: HashMap<ObjId, Body> = HashMap::new();
    let mut seen: HashSet<(ObjId, Vec<TypeId>)> = HashSet::new();
    let mut work: Vec<(ObjId, Vec<TypeId>)> = info.instances.iter().filter(|(_, targs)| targs.iter().all(|&t| concrete(prog, t))).cloned().collect();
    // Methods of every concrete instance of a generic type the checker made.
    let mut named_seen = prog.types.len();
    push_methods(prog, 0, &mut work);
    while let Some((obj, targs)) = work.pop() {
        if seen.len() > MAX_WALKED || !seen.insert((obj, targs.clone())) {
            continue;
        }
        if targs.iter().any(|&t| nesting(&prog.types, t, 0) > MAX_ARG_NESTING) {
            continue;
        }
        let ObjKind::Func(fi) = &prog.obj(obj).kind else { continue };
        if fi.tparams.len() != targs.len() {
            continue;
        }
        let map: HashMap<TypeId, TypeId> = fi.tparams.iter().copied().zip(targs.iter().copied()).collect();
        let body = bodies.entry(obj).or_insert_with(|| body_of(prog, info, &spans, obj));
        let (types, instances) = (body.types.clone(), body.instances.clone());
        for t in types {
            intern(&mut prog.types, t, &map, 0);
        }
        for (o, ta) in instances {
            let ta: Vec<TypeId> = ta.iter().map(|&t| intern(&mut prog.types, t, &map, 0)).collect();
            if ta.iter().all(|&t| concrete(prog, t)) {
                work.push((o, ta));
            }
        }
        // New instances of generic types bring their methods.
        push_methods(prog, named_seen, &mut work);
        named_seen = prog.types.len();
    }
}

/// Queues, for every concrete instance of a generic type with an id from `from` on,
/// each of its methods with the instance's type arguments.
fn push_methods(prog: &Program, from: usize, work: &mut Vec<(ObjId, Vec<TypeId>)>) {
    for i in from..prog.types.len() {
        let t = TypeId(i as u32);
        let Some(n) = prog.types.named(t) else { continue };
        if n.origin.is_none() || !n.targs.iter().all(|&a| concrete(prog, a)) {
            continue;
        }
        for &m in &n.methods {
            work.push((m, n.targs.clone()));
        }
    }
}

/// Whether `t` mentions no type parameter.
fn concrete(prog: &Program, t: TypeId) -> bool {
    fn walk(prog: &Program, t: TypeId, depth: u32) -> bool {
        if depth > 64 {
            return false;
        }
        let d = depth + 1;
        match prog.types.get(t) {
            Type::TypeParam(_) => false,
            Type::Basic(_) => true,
            Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) | Type::Chan(_, e) => walk(prog, *e, d),
            Type::Map(k, v) => walk(prog, *k, d) && walk(prog, *v, d),
            Type::Struct(fields) => fields.iter().all(|f| walk(prog, f.ty, d)),
            Type::Signature(s) => s.params.iter().chain(&s.results).all(|&x| walk(prog, x, d)),
            Type::Tuple(xs) => xs.iter().all(|&x| walk(prog, x, d)),
            Type::Interface(i) => i.methods.iter().all(|m| walk(prog, m.sig, d)) && i.embeddeds.iter().all(|&e| walk(prog, e, d)),
            Type::Union(terms) => terms.iter().all(|x| walk(prog, x.ty, d)),
            Type::Named(_) => prog.types.named(t).is_none_or(|n| n.targs.iter().all(|&a| walk(prog, a, d))),
        }
    }
    walk(prog, t, 0)
}

/// Per file, the start of each top-level declaration, sorted: a declaration spans from
/// its start to the next one's.
fn decl_spans(prog: &Program) -> HashMap<FileId, Vec<Pos>> {
    let mut out = HashMap::new();
    for (i, f) in prog.files.iter().enumerate() {
        let mut starts: Vec<Pos> = f.top_decls().map(|(_, d)| d.pos).collect();
        starts.sort();
        out.insert(FileId(i as u32), starts);
    }
    out
}

/// The types and instances the body of generic function `obj` mentions.
fn body_of(prog: &Program, info: &Info, spans: &HashMap<FileId, Vec<Pos>>, obj: ObjId) -> Body {
    let mut body = Body::default();
    let Some(at) = prog.obj(obj).pos else { return body };
    let (Some(file), Some(fi), Some(starts)) = (prog.files.get(at.file.0 as usize), info.file(at.file), spans.get(&at.file)) else {
        return body;
    };
    // The declaration holding the function's name.
    let k = starts.partition_point(|&p| p <= at.pos);
    let lo = if k == 0 { at.pos } else { starts[k - 1] };
    let hi = starts.get(k).copied();
    let inside = |p: Pos| p >= lo && hi.is_none_or(|h| p < h);
    let mut set: HashSet<TypeId> = HashSet::new();
    set.insert(prog.obj(obj).ty);
    for (i, tv) in fi.types.iter().enumerate() {
        if let Some(tv) = tv
            && let Some(e) = file.exprs.get(i)
            && inside(e.pos)
        {
            set.insert(tv.ty);
        }
    }
    for (&p, &o) in fi.defs.iter().chain(&fi.implicits) {
        if inside(p) {
            set.insert(prog.obj(o).ty);
        }
    }
    for (&e, inst) in &fi.instances {
        if inside(file.expr(ExprId::from_index(e.index())).pos) {
            body.instances.push((inst.obj, inst.targs.clone()));
        }
    }
    body.types = set.into_iter().collect();
    body
}
