//! Selector expressions: qualified identifiers `pkg.Name`, field and method
//! selections `x.f` (with automatic `&`/`*`), and method expressions `T.m`.

use super::check::Checker;
use super::constant::Value;
use super::info::{Selection, SelectionKind};
use super::lookup::{Found, FoundKind, LookupErr};
use super::object::ObjKind;
use super::operand::{OpMode, Operand};
use super::ty::{Type, TypeId};
use crate::syntax::ast::{ExprId, ExprKind, Name};

impl Checker<'_> {
    /// `x.sel`.
    pub(super) fn selector(&mut self, e: ExprId, xe: ExprId, sel: Name) -> Operand {
        let file = self.file.clone();
        let name = file.name(sel).to_string();
        // Qualified identifier?
        if let ExprKind::Name(n) = &file.expr(xe).kind {
            let scope = self.scope();
            if let Some((o, _)) = self.prog.lookup(scope, file.name(*n))
                && let ObjKind::PkgName { pkg, .. } = self.prog.obj(o).kind.clone()
            {
                if let ObjKind::PkgName { used, .. } = &mut self.prog.obj_mut(o).kind {
                    *used = true;
                }
                self.record_use(xe, o);
                let pscope = self.prog.package(pkg).scope;
                let found = self.prog.lookup_local(pscope, &name);
                let pname = self.prog.package(pkg).name.clone();
                let Some(obj) = found.filter(|_| super::object::is_exported(&name)) else {
                    let msg = if found.is_some() || (!super::object::is_exported(&name) && self.prog.lookup_local(pscope, &name).is_some()) {
                        format!("name {name} not exported by package {pname}")
                    } else {
                        format!("undefined: {pname}.{name}")
                    };
                    self.error(sel.pos, msg);
                    return Operand::invalid(Some(e));
                };
                self.record_use(e, obj);
                let mut x = self.use_object(e, obj);
                x.expr = Some(e);
                return x;
            }
        }
        let x = self.expr_or_type(xe, false);
        if x.mode == OpMode::Invalid {
            return Operand::invalid(Some(e));
        }
        if x.mode == OpMode::TypeExpr {
            return self.method_expr(e, x.ty, &name, sel);
        }
        let mut x = x;
        self.single_value(&mut x);
        if x.mode == OpMode::Invalid {
            return Operand::invalid(Some(e));
        }
        if x.is_nil() {
            self.error(sel.pos, format!("nil.{name} undefined (use of untyped nil)"));
            return Operand::invalid(Some(e));
        }
        match self.lookup(x.ty, &name, Some(self.pkg)) {
            Ok(Found { kind, index, indirect }) => match kind {
                FoundKind::Field(ft) => {
                    let mode = if x.mode == OpMode::Variable || indirect || matches!(self.prog.types.under(x.ty), Type::Pointer(_)) { OpMode::Variable } else { OpMode::Value };
                    self.record_selection(e, SelectionKind::Field, x.ty, None, index, indirect, ft);
                    Operand { mode, ty: ft, val: Value::Unknown, expr: Some(e), id: None }
                }
                FoundKind::Method(m, sig) => {
                    // A pointer method needs an addressable receiver (or a pointer).
                    let is_ptr = matches!(self.prog.types.get(x.ty), Type::Pointer(_));
                    if self.ptr_recv(m) && !is_ptr && !indirect && x.mode != OpMode::Variable {
                        self.error(sel.pos, format!("cannot call pointer method {name} on {}", self.ts(x.ty)));
                        return Operand::invalid(Some(e));
                    }
                    self.record_dep(m);
                    self.record_selection(e, SelectionKind::MethodVal, x.ty, Some(m), index, indirect, sig);
                    Operand { mode: OpMode::Value, ty: sig, val: Value::Unknown, expr: Some(e), id: Some(m) }
                }
                FoundKind::IfaceMethod(sig) => {
                    self.record_selection(e, SelectionKind::MethodVal, x.ty, None, index, indirect, sig);
                    Operand { mode: OpMode::Value, ty: sig, val: Value::Unknown, expr: Some(e), id: None }
                }
            },
            Err(LookupErr::Ambiguous) => {
                let s = self.expr_string(e);
                self.error(sel.pos, format!("ambiguous selector {s}"));
                Operand::invalid(Some(e))
            }
            Err(LookupErr::NotFound) => {
                self.missing_field_or_method(e, &x, &name, sel);
                Operand::invalid(Some(e))
            }
        }
    }

    /// Reports `x.f` where nothing named f exists, as gc words it.
    fn missing_field_or_method(&mut self, e: ExprId, x: &Operand, name: &str, sel: Name) {
        let s = self.expr_string(e);
        // Pointer to interface, or an unexported name of another package.
        if let Type::Pointer(b) = self.prog.types.get(x.ty).clone()
            && self.prog.types.is_interface(b)
        {
            let ts = self.ts(x.ty);
            self.error(sel.pos, format!("{s} undefined (type {ts} is pointer to interface, not interface)"));
            return;
        }
        let what = if self.prog.types.is_interface(x.ty) { "method" } else { "field or method" };
        // A different-case match is a common mistake that gc points out.
        let alt = if let Some(c) = name.chars().next() {
            let flipped: String = if c.is_uppercase() { c.to_lowercase().chain(name.chars().skip(1)).collect() } else { c.to_uppercase().chain(name.chars().skip(1)).collect() };
            self.lookup(x.ty, &flipped, Some(self.pkg)).ok().map(|_| flipped)
        } else {
            None
        };
        let msg = match alt {
            Some(a) => format!("{s} undefined (type {} has no {what} {name}, but does have {} {a})", self.ts(x.ty), if what == "method" { "method" } else { "field" }),
            None => format!("{s} undefined (type {} has no {what} {name})", self.ts(x.ty)),
        };
        self.error(sel.pos, msg);
    }

    /// `T.m`: a method expression, a function taking the receiver first.
    fn method_expr(&mut self, e: ExprId, t: TypeId, name: &str, sel: Name) -> Operand {
        match self.lookup(t, name, Some(self.pkg)) {
            Ok(Found { kind: FoundKind::Method(m, sig), index, indirect }) => {
                let is_ptr = matches!(self.prog.types.get(t), Type::Pointer(_));
                if self.ptr_recv(m) && !is_ptr && !indirect {
                    let ts = self.ts(t);
                    self.error(sel.pos, format!("invalid method expression {ts}.{name} (needs pointer receiver (*{ts}).{name})"));
                    return Operand::invalid(Some(e));
                }
                let Some(s) = self.prog.types.signature_of(sig).cloned() else { return Operand::invalid(Some(e)) };
                let mut params = vec![t];
                params.extend(s.params);
                let ft = self.prog.types.signature(params, s.results, s.variadic);
                self.record_dep(m);
                self.record_selection(e, SelectionKind::MethodExpr, t, Some(m), index, indirect, ft);
                Operand::value(ft, Some(e))
            }
            Ok(Found { kind: FoundKind::IfaceMethod(sig), index, indirect }) => {
                let Some(s) = self.prog.types.signature_of(sig).cloned() else { return Operand::invalid(Some(e)) };
                let mut params = vec![t];
                params.extend(s.params);
                let ft = self.prog.types.signature(params, s.results, s.variadic);
                self.record_selection(e, SelectionKind::MethodExpr, t, None, index, indirect, ft);
                Operand::value(ft, Some(e))
            }
            Ok(Found { kind: FoundKind::Field(_), .. }) | Err(LookupErr::NotFound) => {
                let ts = self.ts(t);
                self.error(sel.pos, format!("{ts}.{name} undefined (type {ts} has no method {name})"));
                Operand::invalid(Some(e))
            }
            Err(LookupErr::Ambiguous) => {
                let ts = self.ts(t);
                self.error(sel.pos, format!("ambiguous selector {ts}.{name}"));
                Operand::invalid(Some(e))
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn record_selection(&mut self, e: ExprId, kind: SelectionKind, recv: TypeId, obj: Option<super::object::ObjId>, index: Vec<usize>, indirect: bool, ty: TypeId) {
        let fid = self.fid;
        self.info.file_mut(fid).selections.insert(e, Selection { kind, recv, obj, index, indirect, ty });
    }
}
