//! Method sets, and the functions that call a method through a receiver of another
//! shape: an interface's data word (itab entries), a value or a pointer (method
//! expressions), an embedded field (promoted methods), an embedded interface.
//!
//! A method set is computed the way the spec defines it: breadth-first through embedded
//! fields, the shallowest name wins, two at the same depth cancel out, and a field
//! hides deeper methods of its name. Pointer-receiver methods belong to the set of `*T`,
//! or of `T` when reached through an embedded pointer.
//!
//! Each wrapper is made once per (receiver shape, type, method) and cached; when the
//! method already takes the receiver in the wanted shape, its own id is used.

use super::iface::iface_method_list;
use super::layout::{self, Repr};
use super::package::Ctx;
use crate::bytecode::{FuncId, FunctionBuilder, Instr, Kind, Signature};
use frontend::types::ObjId;
use frontend::types::object::{ObjKind, PkgId, is_exported};
use frontend::types::ty::{Type, TypeId};
use std::collections::HashSet;

/// What a method of a method set calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MTarget {
    /// A declared method.
    Declared {
        /// The method.
        obj: ObjId,
        /// It has a pointer receiver.
        ptr_recv: bool,
    },
    /// The `index`-th method (itab order) of an embedded interface field of type `iface`.
    Iface { iface: TypeId, index: u16 },
}

/// One method of a method set.
#[derive(Clone, Debug)]
pub(crate) struct MEntry {
    /// The name.
    pub name: String,
    /// The package of an unexported name.
    pub pkg: Option<PkgId>,
    /// The signature (without receiver).
    pub sig: TypeId,
    /// Indices of the embedded fields leading to the receiver (empty: declared on the type).
    pub path: Vec<usize>,
    /// What it calls.
    pub target: MTarget,
}

/// How a wrapper receives its receiver.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Recv {
    /// One pointer word: the address of a value of the base type (an interface's data
    /// word for a type kept in a cell, a `*T` in an interface, `(*T).m`).
    Addr,
    /// The base type's value words (`T.m`, or a pointer-shaped type in an interface).
    Value,
}

/// The method set of `t` (a pointer `*N` gives `N`'s value and pointer methods), sorted
/// by (name, package). Empty for interfaces (their methods are reached through itabs).
pub(crate) fn method_set(prog: &frontend::types::Program, t: TypeId) -> Vec<MEntry> {
    let (base, is_ptr) = match prog.types.get(t) {
        Type::Pointer(e) => (*e, true),
        _ => (t, false),
    };
    if prog.types.is_interface(base) || (is_ptr && matches!(prog.types.under(base), Type::Pointer(_))) {
        return Vec::new();
    }
    type Key = (String, Option<PkgId>);
    let key = |name: &str, pkg: Option<PkgId>| -> Key { (name.to_string(), if is_exported(name) { None } else { pkg }) };
    let mut out = Vec::new();
    let mut seen: HashSet<Key> = HashSet::new();
    let mut visited: HashSet<TypeId> = HashSet::new();
    let mut level: Vec<(TypeId, Vec<usize>, bool)> = vec![(base, Vec::new(), false)];
    for _depth in 0..64 {
        // Candidates at this depth: Some(entry, through a pointer) for methods, None for fields.
        let mut cands: Vec<(Key, Option<(MEntry, bool)>)> = Vec::new();
        let mut next = Vec::new();
        for (ty, path, via_ptr) in &level {
            if !visited.insert(*ty) {
                continue;
            }
            if let Some(n) = prog.types.named(*ty) {
                for &m in &n.methods {
                    let o = prog.obj(m);
                    let ObjKind::Func(fi) = &o.kind else { continue };
                    // An instance's method has its receiver's type arguments in its
                    // signature (invalid until interned: the round that compiles the
                    // method's instance records the miss; see `generic`).
                    let sig = match n.targs.is_empty() {
                        true => o.ty,
                        false => super::generic::instance_sig(prog, o.ty, &fi.tparams, &n.targs),
                    };
                    let e = MEntry {
                        name: o.name.to_string(),
                        pkg: o.pkg,
                        sig,
                        path: path.clone(),
                        target: MTarget::Declared { obj: m, ptr_recv: fi.ptr_recv },
                    };
                    cands.push((key(&o.name, o.pkg), Some((e, *via_ptr))));
                }
            }
            match prog.types.under(*ty) {
                Type::Struct(fields) => {
                    for (i, f) in fields.iter().enumerate() {
                        cands.push((key(&f.name, f.pkg), None));
                        if f.embedded {
                            let (ft, p) = match prog.types.get(f.ty) {
                                Type::Pointer(e) => (*e, true),
                                _ => (f.ty, false),
                            };
                            let mut np = path.clone();
                            np.push(i);
                            next.push((ft, np, *via_ptr || p));
                        }
                    }
                }
                Type::Interface(_) if !path.is_empty() => {
                    for (index, (name, pkg, sig)) in iface_method_list(prog, *ty).into_iter().enumerate() {
                        let Ok(index) = u16::try_from(index) else { break };
                        let e = MEntry { name: name.clone(), pkg, sig, path: path.clone(), target: MTarget::Iface { iface: *ty, index } };
                        cands.push((key(&name, pkg), Some((e, *via_ptr))));
                    }
                }
                _ => {}
            }
        }
        let mut i = 0;
        while i < cands.len() {
            let k = cands[i].0.clone();
            if seen.contains(&k) {
                i += 1;
                continue;
            }
            let same: Vec<&Option<(MEntry, bool)>> = cands[i..].iter().filter(|c| c.0 == k).map(|c| &c.1).collect();
            if let [Some((e, via_ptr))] = same.as_slice() {
                let ptr_only = matches!(e.target, MTarget::Declared { ptr_recv: true, .. });
                if !ptr_only || is_ptr || *via_ptr {
                    out.push(e.clone());
                }
            }
            seen.insert(k);
            i += 1;
        }
        if next.is_empty() {
            break;
        }
        level = next;
    }
    out.sort_by(|a, b| (&a.name, a.pkg.map(|p| p.0)).cmp(&(&b.name, b.pkg.map(|p| p.0))));
    out
}

impl Ctx<'_> {
    /// The function of method `e` of `base`'s method set taking its receiver as `recv`.
    pub fn method_fn(&mut self, recv: Recv, base: TypeId, e: &MEntry) -> Result<FuncId, String> {
        // `Value` of a pointer `*N` is `Addr` of `N`.
        let (recv, base) = match (recv, self.prog.types.get(base)) {
            (Recv::Value, Type::Pointer(elem)) => (Recv::Addr, *elem),
            _ => (recv, base),
        };
        let direct = match (e.path.is_empty(), e.target, recv) {
            (true, MTarget::Declared { obj, ptr_recv: true }, Recv::Addr) => Some(obj),
            (true, MTarget::Declared { obj, ptr_recv: false }, Recv::Value) => Some(obj),
            _ => None,
        };
        if let Some(obj) = direct {
            return self.method_func(obj, base).map(|f| f.0).ok_or_else(|| "method of a generic type".to_string());
        }
        let key = (recv, base, e.name.clone(), e.pkg);
        if let Some(&f) = self.method_wrappers.get(&key) {
            return Ok(f);
        }
        let f = self.build_method_wrapper(recv, base, e)?;
        self.method_wrappers.insert(key, f);
        Ok(f)
    }

    fn build_method_wrapper(&mut self, recv: Recv, base: TypeId, e: &MEntry) -> Result<FuncId, String> {
        let prog = self.prog;
        let msig = self.signature(e.sig).ok_or("method signature")?;
        let recv_words = match recv {
            Recv::Addr => vec![Kind::Pointer],
            Recv::Value => layout::words(prog, base),
        };
        let nrecv = recv_words.len();
        let mut params = recv_words.clone();
        params.extend(msig.params.iter().copied());
        let wsig = Signature { params, results: msig.results.clone() };
        let tname = frontend::types::typestring::type_string(prog, base, None);
        let mut b = FunctionBuilder::new(&format!("{tname}.{}-fm", e.name), wsig);
        b.mark_method_wrapper();
        let big = |_| "structs too large".to_string();
        if e.path.is_empty() {
            // A value method called through a pointer: a nil pointer faults on the
            // load, as gc 1.26's wrappers do.
            let MTarget::Declared { ptr_recv: false, .. } = e.target else { return Err("bad method wrapper".into()) };
            if recv != Recv::Addr {
                return Err("bad method wrapper".into());
            }
            b.emit(Instr::Load(0));
            b.emit(Instr::NilCheck);
            emit_load(&mut b, prog, base)?;
        } else {
            match recv {
                Recv::Addr => b.emit(Instr::Load(0)),
                Recv::Value => {
                    // Walking needs an address: a copy of the value in a fresh cell.
                    let ti = self.type_id(base);
                    let cell = b.local(Kind::Pointer);
                    b.emit(Instr::Alloc(ti));
                    b.emit(Instr::Store(cell));
                    b.emit(Instr::Load(cell));
                    if nrecv > 0 {
                        b.emit(Instr::LoadSlots { slot: 0, n: nrecv as u16 });
                    }
                    let r = layout::repr(prog, base).ok_or("receiver type")?;
                    if r == (Repr::Block { size: 0 }) {
                        b.emit(Instr::Pop);
                    } else {
                        for i in layout::store_instrs(r) {
                            b.emit(i);
                        }
                    }
                    b.emit(Instr::Load(cell));
                }
            }
            let mut cur = base;
            for &i in &e.path {
                let Type::Struct(fields) = prog.types.under(cur) else { return Err("embedded field of a non-struct".into()) };
                let f = fields.get(i).ok_or("bad field index")?;
                let off = frontend::types::sizes::offsets_of(prog, cur).get(i).copied().flatten().unwrap_or(0);
                b.emit(Instr::NilCheck);
                if off != 0 {
                    b.emit(Instr::AddrOff(i32::try_from(off).map_err(big)?));
                }
                cur = f.ty;
                if let Type::Pointer(elem) = prog.types.under(cur) {
                    b.emit(Instr::LoadPtr(0));
                    cur = *elem;
                }
            }
            match e.target {
                MTarget::Declared { ptr_recv: true, .. } => {}
                MTarget::Declared { ptr_recv: false, .. } => {
                    b.emit(Instr::NilCheck);
                    emit_load(&mut b, prog, cur)?;
                }
                MTarget::Iface { .. } => {
                    b.emit(Instr::NilCheck);
                    b.emit(Instr::Dup);
                    b.emit(Instr::LoadPtr(8));
                    b.emit(Instr::Swap);
                    b.emit(Instr::LoadPtr(0));
                    // [data, itab]: the itab waits in a slot while the arguments go on.
                    let itab = b.local(Kind::Pointer);
                    b.emit(Instr::Store(itab));
                    let nrest = msig.params.len();
                    if nrest > 0 {
                        b.emit(Instr::LoadSlots { slot: nrecv as u32, n: nrest as u16 });
                    }
                    b.emit(Instr::Load(itab));
                    let MTarget::Iface { index, .. } = e.target else { return Err("bad target".into()) };
                    let mut isig = msig.clone();
                    isig.params.insert(0, Kind::Pointer);
                    b.call_iface(index, &isig);
                    b.emit(Instr::Ret);
                    let mut f = b.finish().map_err(|e| e.to_string())?;
                    f.frame = Some(Box::new(layout::method_frame_plan(prog, (recv == Recv::Value).then_some(base), e.sig)));
                    let id = self.reserve_func();
                    self.define_func(id, f);
                    return Ok(id);
                }
            }
        }
        let MTarget::Declared { obj, .. } = e.target else { return Err("bad target".into()) };
        let holder = super::generic::method_holder(&prog.types, base, &e.path);
        let (id, sig) = self.method_func(obj, holder).ok_or("method of a generic type")?;
        let nrest = msig.params.len();
        if nrest > 0 {
            b.emit(Instr::LoadSlots { slot: nrecv as u32, n: nrest as u16 });
        }
        b.call(id, &sig);
        b.emit(Instr::Ret);
        let mut f = b.finish().map_err(|e| e.to_string())?;
        f.frame = Some(Box::new(layout::method_frame_plan(prog, (recv == Recv::Value).then_some(base), e.sig)));
        let w = self.reserve_func();
        self.define_func(w, f);
        Ok(w)
    }

    /// The function implementing method `name` (with package `pkg` for unexported
    /// names) for dynamic type `t` in an itab, if `t` has it.
    pub fn itab_fn(&mut self, t: TypeId, name: &str, pkg: Option<PkgId>) -> Result<FuncId, String> {
        let (recv, base) = itab_recv(self, t);
        let exported = is_exported(name);
        let e = method_set(self.prog, t)
            .into_iter()
            .find(|e| e.name == name && (exported || e.pkg == pkg))
            .ok_or_else(|| format!("missing method {name}"))?;
        self.method_fn(recv, base, &e)
    }
}

/// How an itab entry of dynamic type `t` receives the data word, and of which base type.
pub(crate) fn itab_recv(cx: &Ctx<'_>, t: TypeId) -> (Recv, TypeId) {
    match cx.prog.types.get(t) {
        Type::Pointer(elem) => (Recv::Addr, *elem),
        _ if super::iface::indirect(cx, t) => (Recv::Addr, t),
        _ => (Recv::Value, t),
    }
}

/// `[addr] -> [value words]` for type `t`.
fn emit_load(b: &mut FunctionBuilder, prog: &frontend::types::Program, t: TypeId) -> Result<(), String> {
    let r = layout::repr(prog, t).ok_or("receiver type")?;
    if r == (Repr::Block { size: 0 }) {
        b.emit(Instr::Pop);
    } else {
        for i in layout::load_instrs(r) {
            b.emit(i);
        }
    }
    b.set_top_kinds(&layout::words(prog, t));
    Ok(())
}
