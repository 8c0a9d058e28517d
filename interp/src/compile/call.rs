//! Calls: static calls of package-level functions, conversions, and builtins.

use super::func::{CResult, FuncCompiler};
use super::layout::{self, Repr};
use crate::bytecode::{Instr, Kind, PrintKind};
use frontend::syntax::ast::{ExprId, ExprKind};
use frontend::types::info::{Mode, Selection, SelectionKind};
use frontend::types::object::{Builtin, ObjKind};
use frontend::types::ty::{BasicKind, Type, TypeId, TypeTable};

impl FuncCompiler<'_, '_> {
    /// A call expression: a conversion, a builtin, or a function call.
    pub fn call(&mut self, e: ExprId, fun: ExprId, args: &[ExprId], has_dots: bool) -> CResult {
        let pos = self.file.expr(e).pos;
        let f = self.unparen(fun);
        let mode = self.finfo.type_of(f).map(|tv| tv.mode);
        if mode == Some(Mode::TypeExpr) {
            let [x] = args else { return Err(self.err(pos, "internal compiler error: conversion arity")) };
            return self.conversion(e, *x, self.ty(e));
        }
        if mode == Some(Mode::Builtin) {
            let b = self.finfo.uses.get(&f).map(|&o| &self.cx.prog.obj(o).kind);
            let Some(ObjKind::Builtin(b)) = b else {
                return Err(self.err(pos, "internal compiler error: unresolved builtin"));
            };
            return self.builtin(e, *b, args, has_dots);
        }
        if self.instance_at(f).is_some() {
            return self.generic_call(e, f, args, has_dots);
        }
        if let Some(sel) = self.finfo.selections.get(&f).cloned() {
            match sel.kind {
                SelectionKind::MethodVal => return self.method_call(e, f, &sel, args, has_dots),
                SelectionKind::MethodExpr => return self.method_expr_call(e, f, &sel, args, has_dots),
                SelectionKind::Field => {}
            }
        }
        let target = match &self.file.expr(f).kind {
            ExprKind::Name(_) | ExprKind::Selector { .. } => self.finfo.uses.get(&f).copied(),
            _ => None,
        };
        if let Some(o) = target
            && self.is_func_pc(o)
            && let [arg] = args
        {
            return self.func_pc(*arg);
        }
        let callee = target.and_then(|o| self.cx.func_ref(o).map(|c| (o, c)));
        let Some((obj, (id, sig))) = callee else {
            // Func values, including fields of func type (`s.f(x)`).
            return self.call_value(e, f, args, has_dots);
        };
        if let Some(&i) = self.cx.intrinsics.get(&obj) {
            let Some(fsig) = self.cx.prog.types.signature_of(self.cx.prog.obj(obj).ty).cloned() else {
                return Err(self.err(pos, "internal compiler error: intrinsic without a signature"));
            };
            self.push_call_args(pos, args, &fsig, has_dots)?;
            self.b.emit(i);
            return Ok(());
        }
        if self.try_inline(e, obj, args, has_dots, false)? {
            return Ok(());
        }
        self.call_args_and_call(e, self.cx.prog.obj(obj).ty, id, &sig, args, has_dots)
    }

    /// Whether `o` is `internal/abi.FuncPCABI0` or `FuncPCABIInternal`, which gc
    /// compiles to the address of the function named by their argument.
    fn is_func_pc(&self, o: frontend::types::ObjId) -> bool {
        let obj = self.cx.prog.obj(o);
        matches!(&*obj.name, "FuncPCABI0" | "FuncPCABIInternal")
            && obj.pkg.is_some_and(|p| &*self.cx.prog.package(p).path == "internal/abi")
    }

    /// `abi.FuncPCABI0(f)`: the code pointer of `f`, which for mvm is a function id —
    /// of the function `f` names, or in word 0 of the func value `f` evaluates to.
    fn func_pc(&mut self, arg: ExprId) -> CResult {
        let a = self.unparen(arg);
        let named = match &self.file.expr(a).kind {
            ExprKind::Name(_) | ExprKind::Selector { .. } => self.finfo.uses.get(&a).copied(),
            _ => None,
        };
        if let Some((id, _)) = named.and_then(|o| self.cx.func_ref(o)) {
            self.b.push_i64(i64::from(id));
            return Ok(());
        }
        let t = self.ty(a);
        self.expr_to(a, t)?;
        self.b.emit(Instr::LoadPtr(0));
        self.b.set_top_kinds(&[Kind::Scalar]);
        Ok(())
    }

    /// `x.m(args)` for a method `m` declared on a defined type (a static call; the
    /// receiver is passed first, as a pointer or a value as the method declares).
    fn method_call(&mut self, e: ExprId, f: ExprId, sel: &Selection, args: &[ExprId], has_dots: bool) -> CResult {
        if self.is_tparam_method(f, sel)
            && let Some(resolved) = self.resolve_tparam_method(f, sel)?
        {
            return self.method_call_sel(e, f, &resolved, args, has_dots);
        }
        self.method_call_sel(e, f, sel, args, has_dots)
    }

    fn method_call_sel(&mut self, e: ExprId, f: ExprId, sel: &Selection, args: &[ExprId], has_dots: bool) -> CResult {
        let pos = self.file.expr(e).pos;
        let prog = self.cx.prog;
        let Some(obj) = sel.obj else {
            let ExprKind::Selector { x, sel: name, .. } = self.file.expr(f).kind else {
                return Err(self.err(pos, "internal compiler error: method call without selector"));
            };
            if !sel.index.is_empty() || !prog.types.is_interface(self.ty(x)) {
                return self.promoted_iface_call(e, f, sel, args, has_dots);
            }
            let name = self.file.name(name).to_string();
            return self.iface_call(e, x, &name, args, has_dots);
        };
        let (id, sig) = self.selected_method_func(f, sel, obj)?;
        self.method_receiver(pos, f, sel, obj)?;
        if self.try_inline(e, obj, args, has_dots, true)? {
            return Ok(());
        }
        // A generic type's method: its parameter types as this receiver instantiates them.
        let fty = if self.cx.funcs.contains_key(&obj) { prog.obj(obj).ty } else { self.sty(sel.ty) };
        self.call_args_and_call(e, fty, id, &sig, args, has_dots)
    }

    /// Pushes the receiver of method `m` selected by `f` (`x.m`): the value or the
    /// pointer the method declares, through embedded fields for a promoted method.
    pub fn method_receiver(&mut self, pos: frontend::syntax::Pos, f: ExprId, sel: &Selection, m: frontend::types::ObjId) -> CResult {
        let prog = self.cx.prog;
        let ExprKind::Selector { x, .. } = self.file.expr(f).kind else {
            return Err(self.err(pos, "internal compiler error: method call without selector"));
        };
        let ObjKind::Func(fi) = &prog.obj(m).kind else {
            return Err(self.err(pos, "internal compiler error: method is not a function"));
        };
        if !sel.index.is_empty() {
            // A promoted method: the receiver is an embedded field.
            let t = self.embedded_addr(pos, x, &sel.index)?;
            if !fi.ptr_recv {
                self.b.emit(Instr::NilCheck);
                self.load_mem(t)?;
            }
            return Ok(());
        }
        let xt = self.ty(x);
        let x_is_ptr = matches!(prog.types.under(xt), Type::Pointer(_));
        match (fi.ptr_recv, x_is_ptr) {
            (true, true) | (false, false) => self.expr(x)?,
            (true, false) => self.addr(x)?,
            (false, true) => {
                let Type::Pointer(elem) = prog.types.under(xt) else { return Err(self.err(pos, "internal compiler error")) };
                let elem = *elem;
                self.expr(x)?;
                self.b.emit(Instr::NilCheck);
                self.load_mem(elem)?;
            }
        }
        Ok(())
    }

    /// Pushes the address of the embedded field reached from `x` through the field
    /// indices `path` (following embedded pointers); returns the field's (pointee) type.
    pub fn embedded_addr(&mut self, pos: frontend::syntax::Pos, x: ExprId, path: &[usize]) -> CResult<TypeId> {
        let prog = self.cx.prog;
        let mut cur = self.ty(x);
        if let Type::Pointer(elem) = prog.types.under(cur) {
            self.expr(x)?;
            cur = *elem;
        } else if self.is_addressable(x) {
            self.addr(x)?;
        } else {
            // A non-addressable value: its methods get a copy's address.
            let cell = self.new_box(cur)?;
            self.b.emit(Instr::Load(cell));
            self.expr(x)?;
            self.store_mem(cur)?;
            self.b.emit(Instr::Load(cell));
        }
        for &i in path {
            let Type::Struct(fields) = prog.types.under(cur) else {
                return Err(self.err(pos, "internal compiler error: embedded field of a non-struct"));
            };
            let Some(f) = fields.get(i) else { return Err(self.err(pos, "internal compiler error: bad field index")) };
            let off = frontend::types::sizes::offsets_of(prog, cur).get(i).copied().flatten().unwrap_or(0);
            self.b.emit(Instr::NilCheck);
            if off != 0 {
                self.b.emit(Instr::AddrOff(off as i32));
            }
            cur = f.ty;
            if let Type::Pointer(elem) = prog.types.under(cur) {
                self.b.emit(Instr::LoadPtr(0));
                cur = *elem;
            }
        }
        Ok(cur)
    }

    /// Pushes the arguments of a call of function `obj` (after any receiver) and calls it.
    /// `fty` is the callee's Go signature as the call sees it (for a method, without
    /// the receiver).
    fn call_args_and_call(&mut self, e: ExprId, fty: TypeId, id: u32, sig: &crate::bytecode::Signature, args: &[ExprId], has_dots: bool) -> CResult {
        let pos = self.file.expr(e).pos;
        let Some(fsig) = self.cx.prog.types.signature_of(fty).cloned() else {
            return Err(self.err(pos, "internal compiler error: callee without a signature"));
        };
        self.push_call_args(pos, args, &fsig, has_dots)?;
        self.b.set_line(self.line(pos));
        self.b.call(id, sig);
        Ok(())
    }

    /// `T(x)`.
    fn conversion(&mut self, e: ExprId, x: ExprId, to: TypeId) -> CResult {
        let pos = self.file.expr(e).pos;
        let from = self.ty(x);
        let prog = self.cx.prog;
        if prog.types.is_interface(to) {
            return self.expr_to(x, to);
        }
        let numeric = |r: Option<Repr>| matches!(r, Some(Repr::Int { .. } | Repr::F32 | Repr::F64 | Repr::C64 | Repr::C128));
        // A constant converted to a numeric type (in a generic body, to a type parameter's
        // argument) is the exact constant in that type, never rounded through another.
        if let Some(tv) = self.finfo.type_of(x)
            && let Some(v) = &tv.value
            && (layout::repr(prog, from) == layout::repr(prog, to)
                || numeric(layout::repr(prog, from)) && numeric(layout::repr(prog, to)))
        {
            let v = v.clone();
            return self.push_const(x, &v, to);
        }
        let (Some(rf), Some(rt)) = (layout::repr(prog, from), layout::repr(prog, to)) else {
            return Err(self.unimpl(pos, "this conversion"));
        };
        let is_bytes = |t: TypeId| matches!(prog.types.under(t), Type::Slice(e) if prog.types.basic_kind(*e) == Some(BasicKind::Uint8));
        let is_runes = |t: TypeId| matches!(prog.types.under(t), Type::Slice(e) if prog.types.basic_kind(*e) == Some(BasicKind::Int32));
        match (rf, rt) {
            (Repr::Slice, Repr::Str) if is_runes(from) => {
                self.expr(x)?;
                return self.call_native(pos, "slicerunetostring");
            }
            (Repr::Str, Repr::Slice) if is_runes(to) => {
                self.expr(x)?;
                let ti = self.cx.type_id(TypeTable::basic(BasicKind::Int32));
                self.b.push_i64(i64::from(ti));
                return self.call_native(pos, "stringtoslicerune");
            }
            (Repr::Slice, Repr::Ptr | Repr::Block { .. }) => return self.slice_to_array(x, from, to),
            (Repr::Int { .. }, Repr::Str) => {
                self.expr(x)?;
                return self.call_native(pos, "intstring");
            }
            (Repr::Slice, Repr::Str) if is_bytes(from) => {
                self.expr(x)?;
                return self.call_native(pos, "slicebytetostring");
            }
            (Repr::Str, Repr::Slice) if is_bytes(to) => {
                // A new array of len(s) bytes, then a copy.
                let (src, _) = self.temp(from);
                self.expr(x)?;
                self.b.emit(Instr::StoreSlots { slot: src, n: 2 });
                self.b.emit(Instr::Load(src + 1));
                self.b.emit(Instr::Dup);
                let Type::Slice(elem) = prog.types.under(to) else { return Err(self.unimpl(pos, "this conversion")) };
                let ti = self.cx.type_id(*elem);
                self.b.emit(Instr::MakeSlice(ti));
                let (dst, n) = self.temp(to);
                self.b.emit(Instr::StoreSlots { slot: dst, n });
                self.b.emit(Instr::Load(dst));
                self.b.emit(Instr::Load(src));
                self.b.emit(Instr::Load(src + 1));
                self.call_native(pos, "memmove")?;
                self.b.emit(Instr::LoadSlots { slot: dst, n });
                return Ok(());
            }
            _ => {}
        }
        self.expr(x)?;
        use Instr::*;
        match (rf, rt) {
            (a, b) if a == b => {}
            (Repr::Int { .. }, Repr::Int { .. }) => self.wrap(rt),
            (Repr::Int { signed, .. }, Repr::F64) => self.b.emit(if signed { I64ToF64 } else { U64ToF64 }),
            (Repr::Int { signed, .. }, Repr::F32) => self.b.emit(if signed { I64ToF32 } else { U64ToF32 }),
            (Repr::F64, Repr::Int { bits: 64, signed: false }) => self.b.emit(F64ToU64),
            (Repr::F32, Repr::Int { bits: 64, signed: false }) => self.b.emit(F32ToU64),
            (Repr::F64 | Repr::F32, Repr::Int { bits, signed }) => {
                self.b.emit(if rf == Repr::F64 { F64ToI64 } else { F32ToI64 });
                if bits < 32 || (signed && bits == 32) {
                    // gc on amd64 converts to int32 first (CVTTSD2SL): out of range gives
                    // MinInt32, which narrower types then truncate.
                    let t = self.b.local(Kind::Scalar);
                    let ok = self.b.new_label();
                    self.b.emit(Store(t));
                    self.b.emit(Load(t));
                    self.b.emit(Load(t));
                    self.b.emit(SExt32);
                    self.b.branch(BrEq(0), ok);
                    self.b.push_i64(i64::from(i32::MIN));
                    self.b.emit(Store(t));
                    self.b.bind(ok);
                    self.b.emit(Load(t));
                }
                self.wrap(rt);
            }
            (Repr::C64 | Repr::C128, Repr::C64 | Repr::C128) => self.complex_convert(rf, rt),
            (Repr::F32, Repr::F64) => self.b.emit(F32ToF64),
            (Repr::F64, Repr::F32) => self.b.emit(F64ToF32),
            (Repr::Ptr, Repr::Int { .. }) | (Repr::Int { .. }, Repr::Ptr) => {}
            _ => return Err(self.unimpl(pos, "this conversion")),
        }
        self.b.set_top_kinds(&layout::words(prog, to));
        Ok(())
    }

    /// A builtin applied to the results of one call, `print(f())` or `complex(f())`.
    fn builtin_of_call(&mut self, e: ExprId, b: Builtin, call: ExprId, types: &[TypeId]) -> CResult {
        let pos = self.file.expr(e).pos;
        let prog = self.cx.prog;
        match b {
            Builtin::Print | Builtin::Println => {
                self.expr(call)?;
                let mut temps = Vec::with_capacity(types.len());
                for &t in types {
                    temps.push(self.temp(t));
                }
                for &(slot, n) in temps.iter().rev() {
                    if n > 0 {
                        self.b.emit(Instr::StoreSlots { slot, n });
                    }
                }
                self.b.set_line(self.line(pos));
                for (k, (&t, &(slot, n))) in types.iter().zip(&temps).enumerate() {
                    if k > 0 && b == Builtin::Println {
                        self.b.print(PrintKind::Space);
                    }
                    let Some(kind) = layout::repr(prog, t).and_then(layout::print_kind) else {
                        return Err(self.unimpl(pos, "printing this type"));
                    };
                    if n > 0 {
                        self.b.emit(Instr::LoadSlots { slot, n });
                    }
                    self.b.print(kind);
                }
                if b == Builtin::Println {
                    self.b.print(PrintKind::Newline);
                }
                Ok(())
            }
            // Two floats of the component type are a complex value's two words.
            Builtin::Complex => self.expr(call),
            Builtin::Append if types.len() > 1 => {
                let t = self.ty(e);
                let Type::Slice(elem) = prog.types.under(t) else { return Err(self.unimpl(pos, "append to this type")) };
                let elem = *elem;
                let mut targets = vec![t];
                targets.resize(types.len(), elem);
                self.multi_value_to(call, &targets)?;
                self.append_stacked(pos, t, elem, types.len() - 1)
            }
            Builtin::Copy if types.len() == 2 => {
                let Type::Slice(elem) = prog.types.under(types[0]) else { return Err(self.unimpl(pos, "copy to this type")) };
                let size = layout::size_of(prog, *elem) as i64;
                self.expr(call)?;
                let (dst, dn) = self.temp(types[0]);
                let (src, sn) = self.temp(types[1]);
                self.b.emit(Instr::StoreSlots { slot: src, n: sn });
                self.b.emit(Instr::StoreSlots { slot: dst, n: dn });
                // ptr and len of each (a string's header is ptr, len too).
                for slot in [dst, dst + 1, src, src + 1] {
                    self.b.emit(Instr::Load(slot));
                }
                self.b.push_i64(size);
                self.call_native(pos, "slicecopy")
            }
            Builtin::Delete if types.len() == 2 => self.map_delete_of_call(pos, call, types[0]),
            _ => Err(self.unimpl(pos, &format!("builtin {} of a multi-value call", b.name()))),
        }
    }

    /// `[N]T(s)` or `(*[N]T)(s)`: gc's length check, then the array pointer (or the
    /// array copied out of it).
    fn slice_to_array(&mut self, x: ExprId, from: TypeId, to: TypeId) -> CResult {
        let pos = self.file.expr(x).pos;
        let prog = self.cx.prog;
        let (arr, by_ptr) = match prog.types.under(to) {
            Type::Pointer(a) => (*a, true),
            _ => (to, false),
        };
        let Type::Array(n, _) = prog.types.under(arr) else { return Err(self.unimpl(pos, "this conversion")) };
        let n = *n as i64;
        let (tmp, _) = self.temp(from);
        self.expr(x)?;
        self.b.emit(Instr::StoreSlots { slot: tmp, n: 3 });
        self.b.push_i64(n);
        self.b.emit(Instr::Load(tmp + 1));
        self.b.set_line(self.line(pos));
        self.b.emit(Instr::Bounds { code: runtime::errors::BoundsCode::Convert as u8, signed: false });
        self.b.emit(Instr::Pop);
        self.b.emit(Instr::Load(tmp));
        if !by_ptr {
            if n == 0 {
                self.b.emit(Instr::Pop);
                self.push_zero(arr);
                return Ok(());
            }
            self.load_mem(arr)?;
        }
        Ok(())
    }

    fn builtin(&mut self, e: ExprId, b: Builtin, args: &[ExprId], has_dots: bool) -> CResult {
        let pos = self.file.expr(e).pos;
        let prog = self.cx.prog;
        let tuple = match args {
            [a] => prog.types.tuple_elems(self.ty(*a)),
            _ => Vec::new(),
        };
        if tuple.len() > 1 {
            return self.builtin_of_call(e, b, args[0], &tuple);
        }
        match b {
            Builtin::Print | Builtin::Println => {
                // Every operand is evaluated before anything is printed (an operand may
                // panic); constants and variables need no staging.
                let simple = |fc: &Self, a: ExprId| {
                    fc.finfo.type_of(a).is_some_and(|tv| tv.value.is_some()) || fc.slot_var(a).is_some()
                };
                let mut staged: Vec<Option<(u32, u16)>> = Vec::with_capacity(args.len());
                for &a in args {
                    if simple(self, a) || args.len() == 1 {
                        staged.push(None);
                        continue;
                    }
                    let t = self.print_operand_type(a);
                    self.expr_to(a, t)?;
                    let (slot, n) = self.temp(t);
                    if n > 0 {
                        self.b.emit(Instr::StoreSlots { slot, n });
                    }
                    staged.push(Some((slot, n)));
                }
                self.b.set_line(self.line(pos));
                for (k, &a) in args.iter().enumerate() {
                    if k > 0 && b == Builtin::Println {
                        self.b.print(PrintKind::Space);
                    }
                    let t = self.print_operand_type(a);
                    let kind = layout::repr(prog, t).and_then(layout::print_kind);
                    let Some(kind) = kind else { return Err(self.unimpl(pos, "printing this type")) };
                    match staged.get(k).copied().flatten() {
                        Some((slot, n)) => {
                            if n > 0 {
                                self.b.emit(Instr::LoadSlots { slot, n });
                            }
                        }
                        None => self.expr_to(a, t)?,
                    }
                    self.b.print(kind);
                }
                if b == Builtin::Println {
                    self.b.print(PrintKind::Newline);
                }
                Ok(())
            }
            Builtin::Len | Builtin::Cap => {
                let [x] = args else { return Err(self.err(pos, "internal compiler error: len arity")) };
                if let Some(slot) = self.len_cap_slot(*x, b == Builtin::Len) {
                    self.b.emit(Instr::Load(slot));
                    return Ok(());
                }
                // `len(p.f)` through a pointer in a slot: one load of the word.
                if let Some((slot, off, t)) = self.slot_field_any(*x) {
                    let word = match (prog.types.under(t), b) {
                        (Type::Slice(_) | Type::Basic(BasicKind::String), Builtin::Len) => Some(8),
                        (Type::Slice(_), _) => Some(16),
                        _ => None,
                    };
                    if let Some(off) = word.and_then(|w| off.checked_add(w)) {
                        self.b.emit(Instr::LoadField { slot, off });
                        return Ok(());
                    }
                }
                let xt = self.ty(*x);
                match prog.types.under(xt) {
                    Type::Basic(_) => {
                        self.expr(*x)?;
                        self.b.emit(Instr::Swap);
                        self.b.emit(Instr::Pop);
                    }
                    Type::Slice(_) => {
                        self.expr(*x)?;
                        if b == Builtin::Len {
                            self.b.emit(Instr::Pop);
                        }
                        self.b.emit(Instr::Swap);
                        self.b.emit(Instr::Pop);
                        if b == Builtin::Cap {
                            self.b.emit(Instr::Swap);
                            self.b.emit(Instr::Pop);
                        }
                    }
                    Type::Chan(..) => return self.chan_len_cap(*x, b == Builtin::Len),
                    Type::Array(n, _) => {
                        // len of an array with calls or receives in it: evaluate, then drop.
                        self.expr(*x)?;
                        self.pop_value(xt);
                        self.b.push_i64(*n as i64);
                    }
                    Type::Pointer(p) => match prog.types.under(*p) {
                        Type::Array(n, _) => {
                            self.expr(*x)?;
                            self.b.emit(Instr::Pop);
                            self.b.push_i64(*n as i64);
                        }
                        _ => return Err(self.unimpl(pos, "len of this type")),
                    },
                    Type::Map(..) if b == Builtin::Len => self.map_len(*x)?,
                    _ => return Err(self.unimpl(pos, "len of this type")),
                }
                self.b.set_top_kinds(&[Kind::Scalar]);
                Ok(())
            }
            Builtin::New => {
                let t = self.ty(e);
                let Type::Pointer(elem) = prog.types.under(t) else {
                    return Err(self.err(pos, "internal compiler error: new without a pointer type"));
                };
                let elem = *elem;
                let ti = self.cx.type_id(elem);
                self.b.set_line(self.line(pos));
                self.b.emit(Instr::Alloc(ti));
                // Go 1.26: `new(v)` starts from the value of an expression.
                if let [a] = args
                    && self.finfo.type_of(*a).is_some_and(|tv| tv.mode != Mode::TypeExpr)
                {
                    self.b.emit(Instr::Dup);
                    self.expr_to(*a, elem)?;
                    self.store_mem(elem)?;
                }
                Ok(())
            }
            Builtin::Make if matches!(prog.types.under(self.ty(e)), Type::Chan(..)) => self.make_chan(e, args),
            Builtin::Close => self.close_chan(e, args),
            Builtin::Make => {
                let t = self.ty(e);
                if let Type::Map(..) = prog.types.under(t) {
                    return self.make_map(e, args);
                }
                let Type::Slice(elem) = prog.types.under(t) else { return Err(self.unimpl(pos, "make of this type")) };
                let int = TypeTable::basic(BasicKind::Int);
                let Some(&len) = args.get(1) else { return Err(self.err(pos, "internal compiler error: make arity")) };
                self.expr_to(len, int)?;
                match args.get(2) {
                    Some(&cap) => self.expr_to(cap, int)?,
                    None => self.b.emit(Instr::Dup),
                }
                let ti = self.cx.type_id(*elem);
                self.b.set_line(self.line(pos));
                self.b.emit(Instr::MakeSlice(ti));
                Ok(())
            }
            Builtin::Panic => {
                // The value goes in as an `interface{}` (type descriptor, data word).
                let [x] = args else { return Err(self.err(pos, "internal compiler error: panic arity")) };
                let any = prog.pre.any;
                self.expr_to(*x, any)?;
                self.b.set_line(self.line(pos));
                self.b.emit(Instr::Panic);
                Ok(())
            }
            Builtin::Min | Builtin::Max => self.min_max(e, b == Builtin::Min, args),
            Builtin::Complex => {
                let t = self.ty(e);
                self.complex_builtin(pos, t, args)
            }
            Builtin::Add | Builtin::Slice | Builtin::SliceData | Builtin::String | Builtin::StringData => {
                self.unsafe_builtin(e, b, args)
            }
            Builtin::Real | Builtin::Imag => self.complex_part(pos, b == Builtin::Imag, args),
            Builtin::Append => self.append(e, args, has_dots),
            Builtin::Copy => {
                let [dst, src] = args else { return Err(self.err(pos, "internal compiler error: copy arity")) };
                self.copy_builtin(e, *dst, *src)
            }
            Builtin::Sizeof | Builtin::Alignof | Builtin::Offsetof => self.unsafe_layout(e, b, args),
            Builtin::Recover => {
                self.b.emit(Instr::Recover);
                Ok(())
            }
            Builtin::Delete => self.map_delete(pos, args),
            Builtin::Clear if args.first().is_some_and(|&m| matches!(prog.types.under(self.ty(m)), Type::Map(..))) => {
                self.map_clear(pos, args[0])
            }
            Builtin::Clear => {
                // A slice: its elements (not the capacity beyond) become zero values.
                let [s] = args else { return Err(self.err(pos, "internal compiler error: clear arity")) };
                let Type::Slice(elem) = prog.types.under(self.ty(*s)) else {
                    return Err(self.unimpl(pos, "clear of this type"));
                };
                let size = layout::size_of(prog, *elem);
                self.expr(*s)?;
                self.b.emit(Instr::Pop);
                self.b.push_i64(size as i64);
                self.b.emit(Instr::MulI64);
                self.call_native(pos, "memclr")
            }
        }
    }

    /// The type `print` prints an operand as (untyped constants get their default type).
    pub fn print_operand_type(&self, a: ExprId) -> TypeId {
        let t = self.ty(a);
        match self.cx.prog.types.get(t) {
            Type::Basic(k) if k.is_untyped() => TypeTable::basic(match k {
                BasicKind::UntypedBool => BasicKind::Bool,
                BasicKind::UntypedRune => BasicKind::Int32,
                BasicKind::UntypedFloat => BasicKind::Float64,
                BasicKind::UntypedComplex => BasicKind::Complex128,
                BasicKind::UntypedString => BasicKind::String,
                BasicKind::UntypedNil => BasicKind::UnsafePointer,
                _ => BasicKind::Int,
            }),
            _ => t,
        }
    }

    /// `min`/`max`: integers inline; floats (gc's NaN and signed-zero rules) and
    /// strings fold pairwise through natives.
    fn min_max(&mut self, e: ExprId, min: bool, args: &[ExprId]) -> CResult {
        let pos = self.file.expr(e).pos;
        let t = self.ty(e);
        let Some((&first, rest)) = args.split_first() else { return Err(self.err(pos, "internal compiler error: min arity")) };
        let native = match layout::repr(self.cx.prog, t) {
            Some(Repr::Int { .. }) => None,
            Some(Repr::F64) => Some(if min { "fmin64" } else { "fmax64" }),
            Some(Repr::F32) => Some(if min { "fmin32" } else { "fmax32" }),
            Some(Repr::Str) => Some(if min { "minstring" } else { "maxstring" }),
            _ => return Err(self.unimpl(pos, "min and max of this type")),
        };
        if let Some(native) = native {
            self.expr_to(first, t)?;
            for &a in rest {
                self.expr_to(a, t)?;
                self.call_native(pos, native)?;
            }
            return Ok(());
        }
        let Some(Repr::Int { signed, .. }) = layout::repr(self.cx.prog, t) else {
            return Err(self.err(pos, "internal compiler error: min of non-integers"));
        };
        let acc = self.b.local(Kind::Scalar);
        self.expr_to(first, t)?;
        self.b.emit(Instr::Store(acc));
        for &a in rest {
            let keep = self.b.new_label();
            self.expr_to(a, t)?;
            self.b.emit(Instr::Dup);
            self.b.emit(Instr::Load(acc));
            let br = match (min, signed) {
                (true, true) => Instr::BrGeI64(0),
                (false, true) => Instr::BrLeI64(0),
                (true, false) => Instr::BrGeU64(0),
                (false, false) => {
                    // a <= acc  <=>  !(acc < a)
                    self.b.emit(Instr::Swap);
                    Instr::BrGeU64(0)
                }
            };
            let skip = self.b.new_label();
            self.b.branch(br, skip);
            self.b.emit(Instr::Store(acc));
            self.b.branch(Instr::Jump(0), keep);
            self.b.bind(skip);
            self.b.emit(Instr::Pop);
            self.b.bind(keep);
        }
        self.b.emit(Instr::Load(acc));
        Ok(())
    }
}
