//! Interfaces: type descriptors, itabs, conversions to interfaces, method calls
//! through itabs, and comma-ok type assertions.
//!
//! An interface value is two words. For an empty interface the first is the dynamic
//! type's *descriptor*, for any other interface an *itab*; nil is `0, 0`. The data word
//! holds a pointer-shaped value (pointer, map, chan, func) itself, any other value in a
//! fresh heap cell (as gc does).
//!
//! Both live in static memory built by the compiler, one per type (and per interface
//! and type pair), so identity of types is identity of addresses:
//! - descriptor: `[size, layout index in the program's type table, reflect kind,
//!   indirect (1 if the data word points to a cell), name ptr, name len, alg]` (the name
//!   as gc prints types, `main.T`; the alg, 0 for an uncomparable type, as
//!   `runtime::alg` reads it);
//! - itab: `[interface descriptor, type descriptor, 0, fun...]`, `fun[i]` being the id of
//!   the function implementing the interface's `i`-th method (methods sorted by name),
//!   at byte offset `24 + 8*i` as [`Instr::CallIface`] reads it. A value-receiver method
//!   of a type stored in a cell is reached through a wrapper that loads the value.

use super::func::{CResult, FuncCompiler};
use super::layout::{self, Repr};
use super::package::Ctx;
use crate::bytecode::{FunctionBuilder, Instr, Kind, Signature};
use frontend::syntax::Pos;
use frontend::syntax::ast::ExprId;
use frontend::types::ObjId;
use frontend::types::object::ObjKind;
use frontend::types::ty::{Type, TypeId};

/// gc's `reflect.Kind` of a type (for descriptors).
fn reflect_kind(ctx: &Ctx<'_>, t: TypeId) -> u64 {
    use frontend::types::ty::BasicKind as B;
    match ctx.prog.types.under(t) {
        Type::Basic(k) => match k {
            B::Bool => 1,
            B::Int => 2,
            B::Int8 => 3,
            B::Int16 => 4,
            B::Int32 => 5,
            B::Int64 => 6,
            B::Uint => 7,
            B::Uint8 => 8,
            B::Uint16 => 9,
            B::Uint32 => 10,
            B::Uint64 => 11,
            B::Uintptr => 12,
            B::Float32 => 13,
            B::Float64 => 14,
            B::Complex64 => 15,
            B::Complex128 => 16,
            B::String => 24,
            B::UnsafePointer => 26,
            _ => 0,
        },
        Type::Array(..) => 17,
        Type::Chan(..) => 18,
        Type::Signature(_) => 19,
        Type::Interface(_) => 20,
        Type::Map(..) => 21,
        Type::Pointer(_) => 22,
        Type::Slice(_) => 23,
        Type::Struct(_) => 25,
        _ => 0,
    }
}

/// Whether values of `t` are stored in a cell rather than in the data word.
pub(crate) fn indirect(ctx: &Ctx<'_>, t: TypeId) -> bool {
    layout::repr(ctx.prog, t) != Some(Repr::Ptr)
}

/// The methods of interface type `t` in itab order: (name, signature), sorted by name.
pub(crate) fn iface_methods(ctx: &Ctx<'_>, t: TypeId) -> Vec<(String, TypeId)> {
    let mut out: Vec<(String, TypeId)> = Vec::new();
    collect_methods(ctx, t, &mut out, 0);
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

fn collect_methods(ctx: &Ctx<'_>, t: TypeId, out: &mut Vec<(String, TypeId)>, depth: u32) {
    if depth > 50 {
        return;
    }
    if let Type::Interface(i) = ctx.prog.types.under(t) {
        for m in &i.methods {
            out.push((m.name.to_string(), m.sig));
        }
        for &e in &i.embeddeds {
            collect_methods(ctx, e, out, depth + 1);
        }
    }
}

impl Ctx<'_> {
    /// The address of the descriptor of type `t`.
    pub fn descriptor(&mut self, t: TypeId) -> u64 {
        if let Some(&a) = self.descs.get(&t) {
            return a;
        }
        let name = frontend::types::typestring::type_string(self.prog, t, None);
        let name_addr = self.string_addr(name.as_bytes());
        let words = vec![
            layout::size_of(self.prog, t),
            u64::from(self.type_id(t)),
            reflect_kind(self, t),
            u64::from(indirect(self, t)),
            name_addr,
            name.len() as u64,
            // Word 6: how values of the type compare and hash (0: not comparable).
            self.alg_addr(t).unwrap_or(0),
        ];
        let b: Box<[u64]> = words.into_boxed_slice();
        let a = b.as_ptr() as u64;
        self.data.funcvals.push(b);
        self.descs.insert(t, a);
        a
    }

    /// The method `name` of concrete type `t` (for `*N`, the methods of `N`), if it is
    /// declared directly on the type; with whether its receiver is a pointer.
    fn method_of(&self, t: TypeId, name: &str) -> Option<(ObjId, bool)> {
        let prog = self.prog;
        let base = match prog.types.get(t) {
            Type::Pointer(elem) => *elem,
            _ => t,
        };
        let named = prog.types.named(base)?;
        named.methods.iter().find_map(|&m| match &prog.obj(m).kind {
            ObjKind::Func(fi) if &*prog.obj(m).name == name => Some((m, fi.ptr_recv)),
            _ => None,
        })
    }
}

impl FuncCompiler<'_, '_> {
    /// The itab for concrete type `t` in interface `i`, or an error if a method is
    /// promoted or generic (not supported yet).
    pub(crate) fn itab(&mut self, pos: Pos, i: TypeId, t: TypeId) -> CResult<u64> {
        if let Some(&a) = self.cx.itabs.get(&(i, t)) {
            return Ok(a);
        }
        let methods = iface_methods(self.cx, i);
        let mut words = vec![self.cx.descriptor(i), self.cx.descriptor(t), 0];
        let boxed = indirect(self.cx, t);
        for (name, _) in &methods {
            let Some((m, ptr_recv)) = self.cx.method_of(t, name) else {
                let id = self.promoted_wrapper(pos, t, name)?;
                words.push(u64::from(id));
                continue;
            };
            let Some((id, sig)) = self.cx.method_func(m, t) else {
                return Err(self.err(pos, "internal compiler error: method of an instance"));
            };
            // A value in a cell, or a pointer's pointee, reaches a value-receiver method
            // through a wrapper that loads the receiver.
            let id = match self.cx.prog.types.get(t) {
                Type::Pointer(elem) if !ptr_recv => self.value_wrapper(pos, m, id, &sig, *elem)?,
                _ if boxed => self.value_wrapper(pos, m, id, &sig, t)?,
                _ => id,
            };
            words.push(u64::from(id));
        }
        let b: Box<[u64]> = words.into_boxed_slice();
        let a = b.as_ptr() as u64;
        self.cx.data.funcvals.push(b);
        self.cx.itabs.insert((i, t), a);
        Ok(a)
    }

    /// The itab entry for method `name` that concrete type `t` gets from an embedded
    /// field: a wrapper that takes the data word (the struct's address), walks to the
    /// embedded field and calls the method with the receiver it declares.
    fn promoted_wrapper(&mut self, pos: Pos, t: TypeId, name: &str) -> CResult<u32> {
        let prog = self.cx.prog;
        let base = match prog.types.get(t) {
            Type::Pointer(elem) => *elem,
            _ => t,
        };
        // Breadth-first through embedded fields: the shallowest method wins.
        let mut level: Vec<(TypeId, Vec<(i64, bool)>)> = vec![(base, Vec::new())];
        for _ in 0..8 {
            let mut next = Vec::new();
            for (st, path) in &level {
                let Type::Struct(fields) = prog.types.under(*st) else { continue };
                let offs = frontend::types::sizes::offsets_of(prog, *st);
                for (f, o) in fields.iter().zip(offs) {
                    if !f.embedded {
                        continue;
                    }
                    let (ft, is_ptr) = match prog.types.get(f.ty) {
                        Type::Pointer(elem) => (*elem, true),
                        _ => (f.ty, false),
                    };
                    let mut p = path.clone();
                    p.push((o.unwrap_or(0), is_ptr));
                    if let Some((m, ptr_recv)) = self.cx.method_of(ft, name) {
                        return self.build_promoted(pos, m, ptr_recv, ft, &p);
                    }
                    if prog.types.is_interface(ft) && iface_methods(self.cx, ft).iter().any(|(n, _)| n == name) {
                        return self.build_promoted_iface(pos, ft, &p, name);
                    }
                    next.push((ft, p));
                }
            }
            if next.is_empty() {
                break;
            }
            level = next;
        }
        Err(self.err(pos, "internal compiler error: method not found for itab"))
    }

    fn build_promoted(&mut self, pos: Pos, m: ObjId, ptr_recv: bool, ft: TypeId, path: &[(i64, bool)]) -> CResult<u32> {
        let Some((id, sig)) = self.cx.method_func(m, ft) else {
            return Err(self.err(pos, "internal compiler error: method of an instance"));
        };
        let prog = self.cx.prog;
        let recv_words = if ptr_recv { vec![Kind::Pointer] } else { layout::words(prog, ft) };
        let rest: Vec<Kind> = sig.params.get(recv_words.len()..).unwrap_or(&[]).to_vec();
        let mut params = vec![Kind::Pointer];
        params.extend(rest.iter().copied());
        let wsig = Signature { params, results: sig.results.clone() };
        let mut b = FunctionBuilder::new(&format!("{}-promoted", prog.obj(m).name), wsig);
        b.emit(Instr::Load(0));
        for &(off, is_ptr) in path {
            b.emit(Instr::NilCheck);
            if off != 0 {
                b.emit(Instr::AddrOff(i32::try_from(off).map_err(|_| self.unimpl(pos, "huge structs"))?));
            }
            if is_ptr {
                b.emit(Instr::LoadPtr(0));
            }
        }
        if !ptr_recv {
            let Some(r) = layout::repr(prog, ft) else { return Err(self.unimpl(pos, "methods of this type")) };
            if r == (Repr::Block { size: 0 }) {
                b.emit(Instr::Pop);
            } else {
                for i in layout::load_instrs(r) {
                    b.emit(i);
                }
            }
            b.set_top_kinds(&recv_words);
        }
        if !rest.is_empty() {
            b.emit(Instr::LoadSlots { slot: 1, n: rest.len() as u16 });
        }
        b.call(id, &sig);
        b.emit(Instr::Ret);
        let f = b.finish().map_err(|e| self.err(pos, format!("internal compiler error: {e}")))?;
        let w = self.cx.reserve_func();
        self.cx.define_func(w, f);
        Ok(w)
    }

    /// A function taking the cell address in place of the receiver value of method `m`.
    fn value_wrapper(&mut self, pos: Pos, m: ObjId, id: u32, sig: &Signature, t: TypeId) -> CResult<u32> {
        if let Some(&w) = self.cx.wrappers.get(&id) {
            return Ok(w);
        }
        let prog = self.cx.prog;
        let recv_words = layout::words(prog, t);
        let rest: Vec<Kind> = sig.params.get(recv_words.len()..).unwrap_or(&[]).to_vec();
        let mut params = vec![Kind::Pointer];
        params.extend(rest.iter().copied());
        let wsig = Signature { params, results: sig.results.clone() };
        let name = format!("{}-fm", prog.obj(m).name);
        let mut b = FunctionBuilder::new(&name, wsig);
        b.emit(Instr::Load(0));
        let Some(r) = layout::repr(prog, t) else { return Err(self.unimpl(pos, "methods of this type")) };
        if r != (Repr::Block { size: 0 }) {
            for i in layout::load_instrs(r) {
                b.emit(i);
            }
        } else {
            b.emit(Instr::Pop);
        }
        b.set_top_kinds(&recv_words);
        if !rest.is_empty() {
            b.emit(Instr::LoadSlots { slot: 1, n: rest.len() as u16 });
        }
        b.call(id, sig);
        b.emit(Instr::Ret);
        let f = b.finish().map_err(|e| self.err(pos, format!("internal compiler error: {e}")))?;
        let w = self.cx.reserve_func();
        self.cx.define_func(w, f);
        self.cx.wrappers.insert(id, w);
        Ok(w)
    }

    /// Converts the value of `e` (of non-interface type `from`) to interface type `to`.
    pub fn convert_to_iface(&mut self, e: ExprId, from: TypeId, to: TypeId) -> CResult {
        let pos = self.file.expr(e).pos;
        let prog = self.cx.prog;
        let mut from = from;
        if prog.types.is_untyped(from) || prog.types.is_interface(from) {
            // An untyped constant takes its default type.
            use frontend::types::constant::Value;
            use frontend::types::ty::{BasicKind as B, TypeTable};
            let v = self.finfo.type_of(e).and_then(|tv| tv.value.clone());
            let k = match (prog.types.get(from), &v) {
                (Type::Basic(B::UntypedRune), _) => B::Int32,
                (Type::Basic(B::UntypedFloat), _) | (_, Some(Value::Rat(_) | Value::Float(_))) => B::Float64,
                (_, Some(Value::Int(_))) => B::Int,
                (_, Some(Value::Str(_))) => B::String,
                (_, Some(Value::Bool(_))) => B::Bool,
                (_, Some(Value::Complex(_))) => B::Complex128,
                _ => return Err(self.unimpl(pos, "this value in an interface")),
            };
            from = TypeTable::basic(k);
        }
        let empty = iface_methods(self.cx, to).is_empty();
        let tword = if empty { self.cx.descriptor(from) } else { self.itab(pos, to, from)? };
        self.push_addr(tword);
        if indirect(self.cx, from) {
            let cell = self.new_box(from)?;
            self.b.emit(Instr::Load(cell));
            self.expr_to(e, from)?;
            self.store_mem(from)?;
            self.b.emit(Instr::Load(cell));
        } else {
            self.expr_to(e, from)?;
        }
        self.b.set_top_kinds(&[Kind::Pointer, Kind::Pointer]);
        Ok(())
    }

    /// Converts an interface value on the stack (type `from`) to interface type `to`:
    /// only to the empty interface (or the same method set) for now.
    pub fn iface_convert_to_iface(&mut self, pos: Pos, from: TypeId, to: TypeId) -> CResult {
        let to_methods = iface_methods(self.cx, to);
        if !to_methods.is_empty() {
            if iface_methods(self.cx, from) == to_methods && from == to {
                return Ok(());
            }
            return Err(self.unimpl(pos, "conversions between non-empty interfaces"));
        }
        if iface_methods(self.cx, from).is_empty() {
            return Ok(());
        }
        // itab → its type descriptor (word 1), nil stays nil.
        let (tmp, _) = (self.b.local(Kind::Pointer), ());
        self.b.emit(Instr::Store(tmp));
        let skip = self.b.new_label();
        self.b.emit(Instr::Dup);
        self.b.branch(Instr::BrEqImm { imm: 0, off: 0 }, skip);
        self.b.emit(Instr::LoadPtr(8));
        self.b.bind(skip);
        self.b.emit(Instr::Load(tmp));
        Ok(())
    }

    /// `x.m(args)` on an interface: receiver data, arguments, itab, `CallIface`.
    pub fn iface_call(&mut self, e: ExprId, x: ExprId, name: &str, args: &[ExprId], has_dots: bool) -> CResult {
        let pos = self.file.expr(e).pos;
        let xt = self.ty(x);
        let methods = iface_methods(self.cx, xt);
        let Some(index) = methods.iter().position(|(n, _)| n == name) else {
            return Err(self.err(pos, "internal compiler error: unknown interface method"));
        };
        let msig_t = methods[index].1;
        let prog = self.cx.prog;
        let Some(fsig) = prog.types.signature_of(msig_t).cloned() else {
            return Err(self.err(pos, "internal compiler error: method signature"));
        };
        let Some(mut sig) = self.cx.signature(msig_t) else {
            return Err(self.err(pos, "internal compiler error: method signature"));
        };
        sig.params.insert(0, Kind::Pointer);
        let itab = self.b.local(Kind::Pointer);
        self.expr(x)?;
        // [itab, data] -> data on the stack, itab parked.
        self.b.emit(Instr::Swap);
        self.b.emit(Instr::Store(itab));
        self.push_call_args(pos, args, &fsig, has_dots)?;
        self.b.emit(Instr::Load(itab));
        self.b.set_line(self.line(pos));
        let index = u16::try_from(index).map_err(|_| self.unimpl(pos, "huge interfaces"))?;
        self.b.call_iface(index, &sig);
        Ok(())
    }

    /// `v, ok := x.(T)` (with `comma_ok`), or `x.(T)` for a concrete `T`: compares the
    /// dynamic type; pushes the value (zero on failure) and, with `comma_ok`, the bool.
    pub fn type_assert(&mut self, e: ExprId, x: ExprId, t: TypeId, comma_ok: bool) -> CResult {
        let pos = self.file.expr(e).pos;
        let prog = self.cx.prog;
        if prog.types.is_interface(t) {
            return Err(self.unimpl(pos, "type assertions to interface types"));
        }
        let xt = self.ty(x);
        let empty = iface_methods(self.cx, xt).is_empty();
        let want = if empty { self.cx.descriptor(t) } else { self.assert_itab(pos, xt, t) };
        let data = self.b.local(Kind::Pointer);
        let ok = self.b.local(Kind::Scalar);
        let tw = self.b.local(Kind::Pointer);
        self.expr(x)?;
        self.b.emit(Instr::Store(data));
        self.b.emit(Instr::Store(tw));
        self.b.emit(Instr::Load(tw));
        self.push_addr(want);
        self.b.emit(Instr::Eq);
        self.b.emit(Instr::Store(ok));
        let fail = self.b.new_label();
        let done = self.b.new_label();
        self.b.emit(Instr::Load(ok));
        self.b.branch(Instr::JumpIfNot(0), fail);
        self.b.emit(Instr::Load(data));
        if indirect(self.cx, t) {
            self.load_mem(t)?;
        }
        self.b.set_top_kinds(&layout::words(prog, t));
        self.b.branch(Instr::Jump(0), done);
        self.b.bind(fail);
        if comma_ok {
            self.push_zero(t);
        } else {
            self.b.emit(Instr::Load(tw));
            self.b.push_i64(i64::from(!empty));
            let iname = frontend::types::typestring::type_string(prog, xt, None);
            let wname = frontend::types::typestring::type_string(prog, t, None);
            for n in [iname, wname] {
                let a = self.cx.string_addr(n.as_bytes());
                self.push_addr(a);
                self.b.push_i64(n.len() as i64);
            }
            // Panic with the message as a string value: recoverable, and printed as gc
            // prints the runtime error.
            self.call_native(pos, "typeassertfail")?;
            let string = frontend::types::ty::TypeTable::basic(frontend::types::ty::BasicKind::String);
            let (msg, _) = self.temp(string);
            self.b.emit(Instr::StoreSlots { slot: msg, n: 2 });
            let desc = self.cx.descriptor(string);
            self.push_addr(desc);
            let cell = self.new_box(string)?;
            self.b.emit(Instr::Load(cell));
            self.b.emit(Instr::LoadSlots { slot: msg, n: 2 });
            self.store_mem(string)?;
            self.b.emit(Instr::Load(cell));
            self.b.emit(Instr::Panic);
        }
        self.b.bind(done);
        if comma_ok {
            self.b.emit(Instr::Load(ok));
        }
        Ok(())
    }
}

impl FuncCompiler<'_, '_> {
    /// `switch v := x.(type) { ... }` with concrete types and `nil` as cases: the
    /// dynamic type word is compared with each case's descriptor (or itab).
    pub fn type_switch(
        &mut self,
        label: Option<String>,
        init: Option<frontend::syntax::ast::StmtId>,
        guard: ExprId,
        clauses: &[frontend::syntax::ast::CaseClause],
    ) -> CResult {
        use frontend::syntax::ast::ExprKind;
        let pos = self.file.expr(guard).pos;
        if let Some(i) = init {
            self.block(&[i])?;
        }
        let ExprKind::TypeSwitchGuard { x, .. } = self.file.expr(guard).kind else {
            return Err(self.err(pos, "internal compiler error: type switch guard"));
        };
        let prog = self.cx.prog;
        let xt = self.ty(x);
        let empty = iface_methods(self.cx, xt).is_empty();
        let tword = self.b.local(Kind::Pointer);
        let data = self.b.local(Kind::Pointer);
        self.expr(x)?;
        self.b.emit(Instr::Store(data));
        self.b.emit(Instr::Store(tword));
        let end = self.b.new_label();
        let bodies: Vec<crate::bytecode::Label> = clauses.iter().map(|_| self.b.new_label()).collect();
        let mut default = None;
        // The type each clause's variable has (one concrete type, or x's type).
        let mut clause_types = Vec::with_capacity(clauses.len());
        for (c, &l) in clauses.iter().zip(&bodies) {
            if c.is_default {
                default = Some(l);
            }
            let mut single = None;
            for &ce in &c.cases {
                if self.is_nil(ce) {
                    self.b.emit(Instr::Load(tword));
                    self.b.branch(Instr::BrEqImm { imm: 0, off: 0 }, l);
                    continue;
                }
                let t = self.ty(ce);
                if prog.types.is_interface(t) {
                    return Err(self.unimpl(self.file.expr(ce).pos, "type switch cases of interface types"));
                }
                let want = if empty { self.cx.descriptor(t) } else { self.assert_itab(self.file.expr(ce).pos, xt, t) };
                self.b.emit(Instr::Load(tword));
                self.push_addr(want);
                self.b.branch(Instr::BrEq(0), l);
                single = Some(t);
            }
            clause_types.push(if c.cases.len() == 1 { single } else { None });
        }
        self.b.branch(Instr::Jump(0), default.unwrap_or(end));
        self.targets.push(super::func::Target { label, brk: end, cont: None });
        let mut result = Ok(());
        for ((c, &l), ct) in clauses.iter().zip(&bodies).zip(clause_types) {
            self.b.bind(l);
            if let Some(&v) = self.finfo.implicits.get(&c.pos) {
                let vt = self.obj_ty(v);
                match ct {
                    Some(t) if vt == t => {
                        self.b.emit(Instr::Load(data));
                        if indirect(self.cx, t) {
                            self.load_mem(t)?;
                        }
                        self.b.set_top_kinds(&layout::words(prog, t));
                    }
                    _ => {
                        self.b.emit(Instr::Load(tword));
                        self.b.emit(Instr::Load(data));
                    }
                }
                self.declare_var_from_top(v, vt)?;
            }
            result = self.block(&c.body);
            if result.is_err() {
                break;
            }
            self.b.branch(Instr::Jump(0), end);
        }
        self.targets.pop();
        result?;
        self.b.bind(end);
        Ok(())
    }
}
