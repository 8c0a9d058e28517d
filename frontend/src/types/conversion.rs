//! Conversions `T(x)`: constant conversions (exact, with overflow and truncation
//! errors) and the non-constant rules of the spec (identical underlying types,
//! numeric, string, slice-to-array, unsafe.Pointer, type parameters).

use super::check::Checker;
use super::constant::Value;
use super::operand::{OpMode, Operand};
use super::ty::{BasicKind, Type, TypeId};
use crate::syntax::ast::ExprId;

impl Checker<'_> {
    /// Converts `x` to type `t` for the conversion expression `e`.
    pub(super) fn conversion(&mut self, e: ExprId, mut x: Operand, t: TypeId) -> Operand {
        if x.mode == OpMode::Invalid || t == self.invalid() {
            return Operand::invalid(Some(e));
        }
        let const_arg = x.mode == OpMode::Constant;
        let tk = self.prog.types.basic_kind(t).filter(|_| !self.prog.types.is_type_param(t));
        if const_arg && let Some(k) = tk.filter(|k| k.is_const_type()) {
            // Constant conversion to a basic type.
            let xk = self.prog.types.basic_kind(x.ty).unwrap_or(BasicKind::Invalid);
            let v = if k.is_string() && xk.is_integer() {
                // int → string yields the UTF-8 of that code point (or U+FFFD).
                let c = x.val.to_i64().and_then(|i| u32::try_from(i).ok()).and_then(char::from_u32).unwrap_or('\u{fffd}');
                Some(Value::string(&c.to_string()))
            } else if (k.is_numeric() && xk.is_numeric()) || (k.is_string() && xk.is_string()) || (k.is_boolean() && xk.is_boolean()) {
                if k.is_integer() && x.val.to_int().is_none() && xk.is_numeric() {
                    let d = self.describe(&x);
                    let ts = self.ts(t);
                    let msg = if x.val.kind() == super::constant::Kind::Complex && x.val.parts().is_some_and(|p| !p.1.is_zero()) {
                        format!("cannot convert {d} to type {ts}")
                    } else {
                        format!("cannot convert {d} to type {ts} (truncated)")
                    };
                    self.error(self.start(x.expr.unwrap_or(e)), msg);
                    return Operand::invalid(Some(e));
                }
                super::expr::represent_value(&x.val, k)
            } else {
                None
            };
            match v {
                Some(v) => {
                    if self.prog.types.is_untyped(x.ty) {
                        let final_t = if self.prog.types.is_interface(t) { self.default_type(x.ty) } else { t };
                        if let Some(xe) = x.expr {
                            self.update_expr_type(xe, final_t, 0);
                        }
                    }
                    return Operand { mode: OpMode::Constant, ty: t, val: v, expr: Some(e), id: None };
                }
                None => {
                    let ok_kinds = (k.is_numeric() && xk.is_numeric()) || (k.is_string() && xk.is_string()) || (k.is_boolean() && xk.is_boolean());
                    if ok_kinds {
                        let ts = self.ts(t);
                        let msg = if xk.is_integer() && k.is_integer() {
                            format!("constant {} overflows {ts}", x.val)
                        } else {
                            format!("cannot convert {} to type {ts}", self.describe(&x))
                        };
                        self.error(self.start(x.expr.unwrap_or(e)), msg);
                        return Operand::invalid(Some(e));
                    }
                }
            }
        }
        // A constant converted to a type parameter: fine if it converts to every type in
        // its type set (the result is not constant).
        if const_arg && self.prog.types.is_type_param(t) {
            let ts = self.typeset_of_tparam(t);
            if let Some(terms) = ts.terms.clone()
                && !terms.is_empty()
            {
                self.silent += 1;
                let mut ok = true;
                for term in terms {
                    let u = self.prog.types.underlying(term.ty);
                    let y = self.conversion(e, x.clone(), u);
                    ok &= y.mode != OpMode::Invalid;
                }
                self.silent -= 1;
                if ok {
                    return Operand::value(t, Some(e));
                }
            }
        }
        // Non-constant (or non-basic target) conversions.
        if self.prog.types.is_untyped(x.ty) {
            // An untyped operand converted to a non-constant type takes the type, or its
            // default type first for interfaces and type parameters.
            let target = if x.is_nil() {
                if self.has_nil(t) {
                    if let Some(xe) = x.expr {
                        self.update_expr_type(xe, t, 0);
                    }
                    return Operand::value(t, Some(e));
                }
                let ts = self.ts(t);
                self.error(self.start(x.expr.unwrap_or(e)), format!("cannot convert nil to type {ts}"));
                return Operand::invalid(Some(e));
            } else if self.prog.types.is_interface(t) || self.prog.types.is_type_param(t) || tk.is_none() {
                self.default_type(x.ty)
            } else {
                t
            };
            self.silent += 1;
            let before = self.silent_errors;
            self.convert_untyped(&mut x, target);
            self.silent -= 1;
            if self.silent_errors > before || x.mode == OpMode::Invalid {
                // Re-word as a conversion error.
                let d = self.describe(&x);
                let ts = self.ts(t);
                x.mode = OpMode::Invalid;
                self.error_conv(x.expr.unwrap_or(e), format!("cannot convert {d} to type {ts}"));
                return Operand::invalid(Some(e));
            }
        }
        if !self.convertible(&x, t) {
            let d = self.describe(&x);
            let ts = self.ts(t);
            self.error_conv(x.expr.unwrap_or(e), format!("cannot convert {d} to type {ts}"));
            return Operand::invalid(Some(e));
        }
        Operand::value(t, Some(e))
    }

    fn error_conv(&mut self, e: ExprId, msg: String) {
        let p = self.start(e);
        self.error(p, msg);
    }

    /// Whether a (typed or nil) value `x` can be converted to `t`.
    pub(super) fn convertible(&mut self, x: &Operand, t: TypeId) -> bool {
        let v = x.ty;
        let mut y = x.clone();
        y.expr = None;
        if self.assignable_to(&mut y, t).is_ok() {
            return true;
        }
        let v_tp = self.prog.types.is_type_param(v);
        let t_tp = self.prog.types.is_type_param(t);
        if v_tp || t_tp {
            // Each pair of types from the type sets must be convertible.
            let vterms = if v_tp { self.typeset_of_tparam(v).terms.clone() } else { Some(vec![super::ty::Term { tilde: false, ty: v }]) };
            let tterms = if t_tp { self.typeset_of_tparam(t).terms.clone() } else { Some(vec![super::ty::Term { tilde: false, ty: t }]) };
            let (Some(vs), Some(ts)) = (vterms, tterms) else {
                return false;
            };
            if vs.is_empty() || ts.is_empty() {
                return false;
            }
            for a in &vs {
                for b in &ts {
                    let op = Operand::value(a.ty, None);
                    if !self.convertible(&op, b.ty) {
                        return false;
                    }
                }
            }
            return true;
        }
        let (vu, tu) = (self.prog.types.underlying(v), self.prog.types.underlying(t));
        // Identical underlying types ignoring struct tags.
        if self.identical_ignore_tags(vu, tu) {
            return true;
        }
        // Unnamed pointers to types with identical underlying types (ignoring tags).
        if let (Type::Pointer(a), Type::Pointer(b)) = (self.prog.types.get(v).clone(), self.prog.types.get(t).clone()) {
            let (au, bu) = (self.prog.types.underlying(a), self.prog.types.underlying(b));
            if self.identical_ignore_tags(au, bu) {
                return true;
            }
        }
        let (vk, tk) = (self.prog.types.basic_kind(v), self.prog.types.basic_kind(t));
        if let (Some(a), Some(b)) = (vk, tk) {
            if (a.is_integer() || a.is_float()) && (b.is_integer() || b.is_float()) {
                return true;
            }
            if a.is_complex() && b.is_complex() {
                return true;
            }
            // integer → string
            if a.is_integer() && b.is_string() {
                return true;
            }
            // unsafe.Pointer ↔ uintptr / pointers
            if (a == BasicKind::Uintptr && b == BasicKind::UnsafePointer) || (a == BasicKind::UnsafePointer && b == BasicKind::Uintptr) {
                return true;
            }
        }
        if vk == Some(BasicKind::UnsafePointer) && matches!(self.prog.types.get(tu), Type::Pointer(_)) {
            return true;
        }
        if tk == Some(BasicKind::UnsafePointer) && matches!(self.prog.types.get(vu), Type::Pointer(_)) {
            return true;
        }
        // string ↔ []byte, []rune
        let is_bytes_or_runes = |p: &Self, s: TypeId| -> bool {
            match p.prog.types.get(s) {
                Type::Slice(e) => matches!(p.prog.types.basic_kind(*e), Some(BasicKind::Uint8 | BasicKind::Int32)),
                _ => false,
            }
        };
        if tk.is_some_and(|k| k.is_string()) && is_bytes_or_runes(self, vu) {
            return true;
        }
        if vk.is_some_and(|k| k.is_string()) && is_bytes_or_runes(self, tu) {
            return true;
        }
        // slice → array or pointer to array
        if let Type::Slice(se) = self.prog.types.get(vu).clone() {
            match self.prog.types.get(tu).clone() {
                Type::Array(_, ae) if self.identical(se, ae) => return true,
                Type::Pointer(p) => {
                    if let Type::Array(_, ae) = self.prog.types.under(p).clone()
                        && self.identical(se, ae)
                    {
                        return true;
                    }
                }
                _ => {}
            }
        }
        false
    }

    /// Type identity where struct tags do not matter (for conversions).
    fn identical_ignore_tags(&mut self, a: TypeId, b: TypeId) -> bool {
        if self.identical(a, b) {
            return true;
        }
        match (self.prog.types.get(a).clone(), self.prog.types.get(b).clone()) {
            (Type::Struct(f1), Type::Struct(f2)) => {
                f1.len() == f2.len()
                    && f1.iter().zip(f2.iter()).all(|(x, y)| x.name == y.name && x.pkg == y.pkg && x.embedded == y.embedded)
                    && f1.iter().zip(f2.iter()).map(|(x, y)| (x.ty, y.ty)).collect::<Vec<_>>().into_iter().all(|(x, y)| self.identical_ignore_tags(x, y))
            }
            (Type::Pointer(x), Type::Pointer(y)) | (Type::Slice(x), Type::Slice(y)) => self.identical_ignore_tags(x, y),
            (Type::Array(n, x), Type::Array(m, y)) => n == m && self.identical_ignore_tags(x, y),
            (Type::Map(k1, v1), Type::Map(k2, v2)) => self.identical_ignore_tags(k1, k2) && self.identical_ignore_tags(v1, v2),
            (Type::Chan(d1, x), Type::Chan(d2, y)) => d1 == d2 && self.identical_ignore_tags(x, y),
            (Type::Signature(s1), Type::Signature(s2)) => {
                s1.variadic == s2.variadic
                    && s1.params.len() == s2.params.len()
                    && s1.results.len() == s2.results.len()
                    && s1.params.iter().zip(&s2.params).chain(s1.results.iter().zip(&s2.results)).all(|(&x, &y)| self.identical_ignore_tags(x, y))
            }
            _ => false,
        }
    }
}
