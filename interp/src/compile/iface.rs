//! Interfaces: type descriptors, static itabs, conversions to interfaces, and method
//! calls through itabs.
//!
//! An interface value is two words. For an empty interface the first is the dynamic
//! type's *descriptor*, for any other interface an *itab*; nil is `0, 0`. The data word
//! holds a pointer-shaped value (pointer, map, chan, func) itself, any other value in a
//! fresh heap cell (as gc does).
//!
//! Both live in static memory built by the compiler, one per type (and per interface
//! and type pair), so identity of types is identity of addresses. They have gc's
//! layout (`abi.Type`, `abi.ITab`; see `rtype`): `fun[i]` implements the interface's
//! `i`-th method in gc's order, at byte offset `24 + 8*i` where [`Instr::CallIface`]
//! reads it. Each function takes the data word as its receiver: the method itself, or
//! a wrapper from `methods` (loading a value from its cell, walking embedded fields).
//!
//! The itabs of conversions the compiler sees are made here; the VM makes the others
//! from the descriptors' method tables (see `assert`).

use super::func::{CResult, FuncCompiler};
use super::package::Ctx;
use crate::bytecode::{Instr, Kind};
use frontend::syntax::Pos;
use frontend::syntax::ast::ExprId;
use frontend::types::object::{PkgId, is_exported};
use frontend::types::ty::{Type, TypeId};

/// Whether values of `t` are stored in a cell rather than in the data word (gc's
/// rule: only one-pointer-word types are direct).
pub(crate) fn indirect(ctx: &Ctx<'_>, t: TypeId) -> bool {
    !super::rtype::is_direct_iface(ctx.prog, t)
}

/// The methods of interface type `t` in itab order: (name, signature), in gc's order
/// (see `rtype::sym_order`).
pub(crate) fn iface_methods(ctx: &Ctx<'_>, t: TypeId) -> Vec<(String, TypeId)> {
    iface_method_list(ctx.prog, t).into_iter().map(|(n, _, s)| (n, s)).collect()
}

/// The methods of interface type `t` in itab order, with the package of unexported
/// names: (name, package, signature), sorted by name.
pub(crate) fn iface_method_list(prog: &frontend::types::Program, t: TypeId) -> Vec<(String, Option<PkgId>, TypeId)> {
    let mut out = Vec::new();
    collect_methods(prog, t, &mut out, 0);
    // Unexported names of different packages are different methods.
    out.sort_by(|a, b| super::rtype::sym_order(prog, (&a.0, a.1), (&b.0, b.1)).then_with(|| a.1.map(|p| p.0).cmp(&b.1.map(|p| p.0))));
    out.dedup_by(|a, b| a.0 == b.0 && (a.1 == b.1 || is_exported(&a.0)));
    out
}

/// The itab index of method `name` of interface `t` as named in package `pkg`, and the
/// method's signature.
pub(crate) fn iface_method_index(prog: &frontend::types::Program, t: TypeId, name: &str, pkg: Option<PkgId>) -> Option<(usize, TypeId)> {
    let methods = iface_method_list(prog, t);
    let exported = frontend::types::object::is_exported(name);
    methods
        .iter()
        .position(|(n, p, _)| n == name && (exported || *p == pkg))
        .or_else(|| methods.iter().position(|(n, _, _)| n == name))
        .map(|i| (i, methods[i].2))
}

fn collect_methods(prog: &frontend::types::Program, t: TypeId, out: &mut Vec<(String, Option<PkgId>, TypeId)>, depth: u32) {
    if depth > 50 {
        return;
    }
    if let Type::Interface(i) = prog.types.under(t) {
        for m in &i.methods {
            out.push((m.name.to_string(), m.pkg, m.sig));
        }
        for &e in &i.embeddeds {
            collect_methods(prog, e, out, depth + 1);
        }
    }
}

impl FuncCompiler<'_, '_> {
    /// The static itab for concrete type `t` in interface `i` (the run-time itab cache
    /// is seeded with it, so it is the only one for the pair).
    pub fn itab(&mut self, pos: Pos, i: TypeId, t: TypeId) -> CResult<u64> {
        if let Some(&a) = self.cx.itabs.get(&(i, t)) {
            return Ok(a);
        }
        let a = self.cx.emit_itab(i, t).map_err(|e| self.unimpl(pos, &format!("interfaces of this type ({e})")))?;
        self.cx.itabs.insert((i, t), a);
        Ok(a)
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

    /// The package an unexported method name written in this function belongs to.
    pub fn current_pkg(&self, name: &str) -> Option<PkgId> {
        if frontend::types::object::is_exported(name) {
            return None;
        }
        super::package::file_pkg(self.cx.prog, self.cx.info, self.file_id)
    }

    /// `x.m(args)` on an interface: receiver data, arguments, itab, `CallIface`.
    pub fn iface_call(&mut self, e: ExprId, x: ExprId, name: &str, args: &[ExprId], has_dots: bool) -> CResult {
        self.expr(x)?;
        let xt = self.ty(x);
        self.iface_call_pushed(e, xt, name, args, has_dots)
    }

    /// The rest of an interface method call whose receiver `[itab, data]` (of
    /// interface type `xt`) is on the stack.
    pub fn iface_call_pushed(&mut self, e: ExprId, xt: TypeId, name: &str, args: &[ExprId], has_dots: bool) -> CResult {
        let pos = self.file.expr(e).pos;
        let pkg = self.current_pkg(name);
        let Some((index, msig_t)) = iface_method_index(self.cx.prog, xt, name, pkg) else {
            return Err(self.err(pos, "internal compiler error: unknown interface method"));
        };
        let prog = self.cx.prog;
        let Some(fsig) = prog.types.signature_of(msig_t).cloned() else {
            return Err(self.err(pos, "internal compiler error: method signature"));
        };
        let Some(mut sig) = self.cx.signature(msig_t) else {
            return Err(self.err(pos, "internal compiler error: method signature"));
        };
        sig.params.insert(0, Kind::Pointer);
        let itab = self.b.local(Kind::Pointer);
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
}
