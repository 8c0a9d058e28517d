//! Expressions: identifiers, literals, unary and binary operations, shifts and
//! comparisons, with exact constant folding and the implicit conversion of untyped
//! operands (whose recorded types are updated once their final type is known).

use super::check::Checker;
use super::constant::{self, BinOp as CBin, CmpOp, Value};
use super::object::ObjKind;
use super::operand::{OpMode, Operand};
use super::ty::{BasicKind, Type, TypeId, TypeTable};
use crate::syntax::ast::{BinOp, ExprId, ExprKind, LitKind, UnOp};

/// Largest constant shift count accepted (enough to build the smallest float64).
const SHIFT_BOUND: u64 = 1023 - 1 + 52;

/// Untyped integer constants larger than this many bits are an overflow (as gc).
const MAX_CONST_BITS: u64 = 512;

impl Checker<'_> {
    /// Evaluates a single-valued expression (not a type, not a no-value call).
    pub(super) fn expr(&mut self, e: ExprId) -> Operand {
        self.expr_hint(e, None)
    }

    /// Like [`Self::expr`] with a type hint for untyped composite literal elements.
    pub(super) fn expr_hint(&mut self, e: ExprId, hint: Option<TypeId>) -> Operand {
        let mut x = self.raw_expr(e, hint, false);
        self.exclude_types_and_novalue(&mut x);
        self.single_value(&mut x);
        x
    }

    /// Evaluates an expression that may be multi-valued (a call on the right of an
    /// assignment or in a return).
    pub(super) fn expr_multi(&mut self, e: ExprId) -> Operand {
        let mut x = self.raw_expr(e, None, false);
        self.exclude_types_and_novalue(&mut x);
        x
    }

    /// Evaluates an expression that may also be a type.
    pub(super) fn expr_or_type(&mut self, e: ExprId, allow_generic: bool) -> Operand {
        let mut x = self.raw_expr(e, None, allow_generic);
        if x.mode == OpMode::NoValue {
            let s = self.expr_string(e);
            self.error(self.start(e), format!("{s} (no value) used as value or type"));
            x.mode = OpMode::Invalid;
        }
        x
    }

    fn exclude_types_and_novalue(&mut self, x: &mut Operand) {
        let Some(e) = x.expr else { return };
        match x.mode {
            OpMode::TypeExpr => {
                let s = self.expr_string(e);
                self.error(self.start(e), format!("{s} (type) is not an expression"));
                x.mode = OpMode::Invalid;
            }
            OpMode::NoValue => {
                let s = self.expr_string(e);
                self.error(self.start(e), format!("{s} (no value) used as value"));
                x.mode = OpMode::Invalid;
            }
            OpMode::Builtin(_) => {
                let s = self.expr_string(e);
                self.error(self.start(e), format!("{s} (built-in) must be called"));
                x.mode = OpMode::Invalid;
            }
            _ => {}
        }
    }

    /// Reports a multi-valued operand used where one value is needed.
    pub(super) fn single_value(&mut self, x: &mut Operand) {
        if x.mode == OpMode::Invalid {
            return;
        }
        if let Type::Tuple(elems) = self.prog.types.get(x.ty) {
            let n = elems.len();
            if let Some(e) = x.expr {
                let s = self.expr_string(e);
                let t = self.ts(x.ty);
                let msg = if n == 0 { format!("{s} (no value) used as value") } else { format!("multiple-value {s} (value of type {t}) in single-value context") };
                self.error(self.start(e), msg);
            }
            x.mode = OpMode::Invalid;
        }
    }

    /// Evaluates any expression and records its type.
    pub(super) fn raw_expr(&mut self, e: ExprId, hint: Option<TypeId>, allow_generic: bool) -> Operand {
        // Only the outermost expression of an assignment may be a generic function value.
        let generic_value_ok = std::mem::take(&mut self.generic_value_ok);
        let mut x = self.expr_internal(e, hint, allow_generic);
        x.expr = Some(e);
        if x.mode != OpMode::Invalid && !allow_generic && !generic_value_ok && x.mode != OpMode::TypeExpr {
            // A generic function value must be instantiated (or called, which infers).
            if self.is_generic_func_operand(&x) {
                let s = self.expr_string(e);
                self.error(self.start(e), format!("cannot use generic function {s} without instantiation"));
                x.mode = OpMode::Invalid;
            }
        }
        self.record_operand(&x);
        x
    }

    /// An operand naming a generic function not yet instantiated.
    pub(super) fn is_generic_func_operand(&self, x: &Operand) -> bool {
        matches!(x.id.map(|o| &self.prog.obj(o).kind), Some(ObjKind::Func(fi)) if !fi.tparams.is_empty() && fi.recv.is_none())
            && x.mode == OpMode::Value
            && x.id.is_some_and(|o| self.prog.obj(o).ty == x.ty)
    }

    fn expr_internal(&mut self, e: ExprId, hint: Option<TypeId>, allow_generic: bool) -> Operand {
        let file = self.file.clone();
        let ex = file.expr(e);
        match &ex.kind {
            ExprKind::Bad => Operand::invalid(Some(e)),
            ExprKind::Name(n) => self.ident(e, *n),
            ExprKind::BasicLit { kind, bad, .. } => {
                if *bad {
                    return Operand::invalid(Some(e));
                }
                let (lk, bk) = match kind {
                    LitKind::Int => (constant::LitKind::Int, BasicKind::UntypedInt),
                    LitKind::Float => (constant::LitKind::Float, BasicKind::UntypedFloat),
                    LitKind::Imag => (constant::LitKind::Imag, BasicKind::UntypedComplex),
                    LitKind::Rune => (constant::LitKind::Char, BasicKind::UntypedRune),
                    LitKind::String => (constant::LitKind::String, BasicKind::UntypedString),
                };
                let text = file.lit_text(e);
                match constant::from_literal(text, lk) {
                    Ok(v) => {
                        if v.kind() == constant::Kind::Float && v.to_f64().is_some_and(f64::is_infinite) && matches!(v, Value::Float(_)) {
                            // Exponents beyond any float type are accepted as exact
                            // constants; overflow is reported when converted.
                        }
                        Operand { mode: OpMode::Constant, ty: TypeTable::basic(bk), val: v, expr: Some(e), id: None }
                    }
                    Err(_) => {
                        self.error(ex.pos, format!("malformed constant: {text}"));
                        Operand::invalid(Some(e))
                    }
                }
            }
            ExprKind::CompositeLit { .. } => self.composite_lit(e, hint),
            ExprKind::FuncLit { typ, body } => self.func_lit(e, *typ, body),
            ExprKind::Paren(x) => {
                let mut op = self.raw_expr(*x, hint, allow_generic);
                op.expr = Some(e);
                op
            }
            ExprKind::Selector { x, sel } => self.selector(e, *x, *sel),
            ExprKind::Index { x, indices } => self.index_expr(e, *x, indices, allow_generic),
            ExprKind::Slice { x, lo, hi, max, .. } => self.slice_expr(e, *x, *lo, *hi, *max),
            ExprKind::TypeAssert { x, typ } => self.type_assert(e, *x, *typ),
            ExprKind::TypeSwitchGuard { .. } => {
                self.error(ex.pos, "use of .(type) outside type switch");
                Operand::invalid(Some(e))
            }
            ExprKind::Call { fun, args, has_dots, .. } => self.call(e, *fun, args, *has_dots),
            ExprKind::Star(x) => {
                let op = self.expr_or_type(*x, false);
                match op.mode {
                    OpMode::Invalid => Operand::invalid(Some(e)),
                    OpMode::TypeExpr => {
                        let p = self.prog.types.pointer(op.ty);
                        Operand { mode: OpMode::TypeExpr, ty: p, val: Value::Unknown, expr: Some(e), id: None }
                    }
                    OpMode::Nil => {
                        self.error(ex.pos, "invalid operation: cannot indirect nil");
                        Operand::invalid(Some(e))
                    }
                    _ => {
                        let mut op = op;
                        self.single_value(&mut op);
                        if op.mode == OpMode::Invalid {
                            return Operand::invalid(Some(e));
                        }
                        match self.core_type(op.ty).map(|c| self.prog.types.get(c).clone()) {
                            Some(Type::Pointer(base)) => {
                                if base == self.invalid() {
                                    return Operand::invalid(Some(e));
                                }
                                self.note_bitcast(e, *x, base);
                                Operand { mode: OpMode::Variable, ty: base, val: Value::Unknown, expr: Some(e), id: None }
                            }
                            _ => {
                                let d = self.describe(&op);
                                self.error(ex.pos, format!("invalid operation: cannot indirect {d}"));
                                Operand::invalid(Some(e))
                            }
                        }
                    }
                }
            }
            ExprKind::Unary { op, x } => self.unary(e, *op, *x, hint),
            ExprKind::Binary { op, x, y } => self.binary(e, *op, *x, *y),
            ExprKind::KeyValue { .. } => {
                self.error(ex.pos, "unexpected key:value expression");
                Operand::invalid(Some(e))
            }
            ExprKind::ArrayType { .. }
            | ExprKind::SliceType(_)
            | ExprKind::MapType { .. }
            | ExprKind::ChanType { .. }
            | ExprKind::FuncType { .. }
            | ExprKind::StructType(_)
            | ExprKind::InterfaceType(_)
            | ExprKind::DotsType(_) => {
                let t = self.typexpr(e);
                if t == self.invalid() {
                    return Operand::invalid(Some(e));
                }
                Operand { mode: OpMode::TypeExpr, ty: t, val: Value::Unknown, expr: Some(e), id: None }
            }
        }
    }

    /// An identifier.
    fn ident(&mut self, e: ExprId, n: crate::syntax::ast::Name) -> Operand {
        let name = self.file.name(n).to_string();
        if name == "_" {
            self.error(n.pos, "cannot use _ as value");
            return Operand::invalid(Some(e));
        }
        let scope = self.scope();
        let Some((obj, _)) = self.prog.lookup(scope, &name) else {
            self.error(n.pos, format!("undefined: {name}"));
            return Operand::invalid(Some(e));
        };
        self.record_use(e, obj);
        self.use_object(e, obj)
    }

    /// The operand an object denotes (checking its declaration first if needed).
    pub(super) fn use_object(&mut self, e: ExprId, obj: super::object::ObjId) -> Operand {
        if self.objmap.contains_key(&obj) {
            self.obj_decl(obj);
            self.record_dep(obj);
        }
        self.note_dot_import_use(obj);
        let o = self.prog.obj(obj).clone();
        let mut x = Operand { mode: OpMode::Invalid, ty: o.ty, val: Value::Unknown, expr: Some(e), id: Some(obj) };
        match &o.kind {
            ObjKind::PkgName { .. } => {
                let pos = self.file.expr(e).pos;
                self.error(pos, format!("use of package {} without selector", o.name));
                if let ObjKind::PkgName { used, .. } = &mut self.prog.obj_mut(obj).kind {
                    *used = true;
                }
                return Operand::invalid(Some(e));
            }
            ObjKind::Const(v) => {
                if o.ty == self.invalid() {
                    return Operand::invalid(Some(e));
                }
                if obj == self.prog.pre.iota {
                    match &self.env.iota {
                        Some(iv) => x.val = iv.clone(),
                        None => {
                            let pos = self.file.expr(e).pos;
                            self.error(pos, "cannot use iota outside constant declaration");
                            return Operand::invalid(Some(e));
                        }
                    }
                } else {
                    x.val = v.clone();
                }
                x.mode = OpMode::Constant;
            }
            ObjKind::TypeName { .. } => {
                if o.ty == self.invalid() {
                    return Operand::invalid(Some(e));
                }
                x.mode = OpMode::TypeExpr;
            }
            ObjKind::Var { .. } => {
                self.mark_used(obj);
                if o.ty == self.invalid() {
                    return Operand::invalid(Some(e));
                }
                x.mode = OpMode::Variable;
            }
            // A function whose signature is still being checked (`func f(x f)`) is a
            // value of unknown type here: a use as a type reports "not a type".
            ObjKind::Func(_) => x.mode = OpMode::Value,
            ObjKind::Builtin(b) => {
                x.mode = OpMode::Builtin(*b);
                x.ty = self.invalid();
            }
            ObjKind::Nil => {
                x.mode = OpMode::Nil;
                x.ty = TypeTable::basic(BasicKind::UntypedNil);
            }
            ObjKind::Label { .. } => {
                let pos = self.file.expr(e).pos;
                self.error(pos, format!("undefined: {}", o.name));
                return Operand::invalid(Some(e));
            }
        }
        x
    }

    /// Marks the dot import that provided `obj` as used.
    fn note_dot_import_use(&mut self, obj: super::object::ObjId) {
        if self.dot_imports.is_empty() {
            return;
        }
        let Some(pk) = self.prog.obj(obj).pkg else { return };
        if pk == self.pkg {
            return;
        }
        let fid = self.fid;
        for d in self.dot_imports.iter_mut() {
            if d.0 == fid && d.1 == pk {
                d.3 = true;
            }
        }
    }

    // ------------------------------------------------------------------
    // Untyped conversion

    /// Converts an untyped operand to `target` (typed, or a larger untyped kind),
    /// reporting values that cannot be represented.
    pub(super) fn convert_untyped(&mut self, x: &mut Operand, target: TypeId) {
        if x.mode == OpMode::Invalid || !self.prog.types.is_untyped(x.ty) || target == self.invalid() {
            return;
        }
        if self.prog.types.is_untyped(target) {
            // Both untyped: the larger numeric kind wins.
            let (xk, tk) = (self.prog.types.basic_kind(x.ty), self.prog.types.basic_kind(target));
            if let (Some(xk), Some(tk)) = (xk, tk)
                && xk.is_numeric()
                && tk.is_numeric()
                && tk > xk
            {
                self.set_untyped_type(x, target);
            }
            return;
        }
        match self.implicit_type(x, target) {
            Ok(t) => {
                if x.mode == OpMode::Constant && t != target && !self.prog.types.is_interface(target) {
                    // already rounded
                }
                self.set_untyped_type(x, t);
            }
            Err(msg) => {
                self.error(x.expr.map(|e| self.start(e)).unwrap_or_default(), msg);
                x.mode = OpMode::Invalid;
            }
        }
    }

    /// The type an untyped operand takes when used as a `target` value; constants are
    /// checked for representability (and rounded).
    fn implicit_type(&mut self, x: &mut Operand, target: TypeId) -> Result<TypeId, String> {
        let xk = self.prog.types.basic_kind(x.ty).unwrap_or(BasicKind::Invalid);
        if self.prog.types.is_type_param(target) {
            // Every type in the type set must accept the value.
            let ts = self.typeset_of_tparam(target);
            if let Some(terms) = ts.terms.clone() {
                for term in terms {
                    let mut y = x.clone();
                    let u = self.prog.types.underlying(term.ty);
                    if self.implicit_type(&mut y, u).is_err() {
                        let d = self.describe(x);
                        return Err(format!("cannot use {d} as {} value in assignment", self.ts(target)));
                    }
                }
                return Ok(target);
            }
            if x.is_nil() {
                return Err(format!("cannot use nil as {} value in assignment", self.ts(target)));
            }
            return Err(self.cannot_convert_msg(x, target));
        }
        match self.prog.types.under(target).clone() {
            Type::Basic(tk) => {
                if x.mode == OpMode::Constant {
                    self.representable(x, target)?;
                    return Ok(target);
                }
                // Non-constant untyped values: booleans from comparisons, shifted values.
                let ok = match xk {
                    BasicKind::UntypedBool => tk.is_boolean(),
                    BasicKind::UntypedInt | BasicKind::UntypedRune | BasicKind::UntypedFloat | BasicKind::UntypedComplex => tk.is_numeric(),
                    BasicKind::UntypedString => tk.is_string(),
                    BasicKind::UntypedNil => tk == BasicKind::UnsafePointer,
                    _ => false,
                };
                if !ok {
                    return Err(self.cannot_convert_msg(x, target));
                }
                Ok(target)
            }
            Type::Interface(_) => {
                // Untyped values become their default type; nil stays nil.
                if x.is_nil() {
                    return Ok(TypeTable::basic(BasicKind::UntypedNil));
                }
                let ts = self.typeset(self.prog.types.underlying(target));
                if !ts.is_all() || !ts.methods.is_empty() {
                    // Constraint interfaces with methods: the default type must implement.
                }
                Ok(self.default_type(x.ty))
            }
            Type::Pointer(_) | Type::Signature(_) | Type::Slice(_) | Type::Map(..) | Type::Chan(..) => {
                if x.is_nil() {
                    return Ok(TypeTable::basic(BasicKind::UntypedNil));
                }
                Err(self.cannot_convert_msg(x, target))
            }
            _ => Err(self.cannot_convert_msg(x, target)),
        }
    }

    fn cannot_convert_msg(&self, x: &Operand, target: TypeId) -> String {
        let d = self.describe(x);
        format!("cannot use {d} as {} value in assignment", self.ts(target))
    }

    /// Checks that constant `x` is representable as `t` (a basic type or untyped kind)
    /// and rounds it; the error names overflow or truncation as gc does.
    pub(super) fn representable(&mut self, x: &mut Operand, t: TypeId) -> Result<(), String> {
        let Some(tk) = self.prog.types.basic_kind(t) else { return Ok(()) };
        match represent(&x.val, tk) {
            Ok(v) => {
                x.val = v;
                Ok(())
            }
            Err(why) => {
                let d = self.describe(x);
                let ts = self.ts(t);
                Err(match why {
                    Repr::Overflow if x.ty != t && self.prog.types.is_untyped(x.ty) => format!("cannot use {d} as {ts} value in assignment (overflows)"),
                    Repr::Overflow => format!("constant {} overflows {ts}", x.val),
                    Repr::Truncated if self.prog.types.is_untyped(x.ty) => format!("cannot use {d} as {ts} value in assignment (truncated)"),
                    Repr::Truncated => format!("constant {} truncated to {ts}", x.val),
                    Repr::Mismatch => format!("cannot use {d} as {ts} value in assignment"),
                })
            }
        }
    }

    /// Sets the (final) type of an untyped operand and of the untyped expressions it
    /// was computed from.
    fn set_untyped_type(&mut self, x: &mut Operand, t: TypeId) {
        x.ty = t;
        if let Some(e) = x.expr {
            self.update_expr_type(e, t, 0);
        }
    }

    /// Re-records `t` as the type of untyped expression `e` and its untyped operands.
    pub(super) fn update_expr_type(&mut self, e: ExprId, t: TypeId, depth: u32) {
        if depth > 200 {
            return;
        }
        let fid = self.fid;
        let Some(old) = self.info.file_mut(fid).type_of(e).cloned() else { return };
        if !self.prog.types.is_untyped(old.ty) {
            return;
        }
        let file = self.file.clone();
        match &file.expr(e).kind {
            ExprKind::Paren(x) => self.update_expr_type(*x, t, depth + 1),
            ExprKind::Unary { op: UnOp::Pos | UnOp::Neg | UnOp::Xor | UnOp::Not, x } => self.update_expr_type(*x, t, depth + 1),
            ExprKind::Binary { op, x, y } => {
                if matches!(op, BinOp::Eql | BinOp::Neq | BinOp::Lss | BinOp::Leq | BinOp::Gtr | BinOp::Geq) {
                    // The operands of a comparison keep their own types.
                } else if matches!(op, BinOp::Shl | BinOp::Shr) {
                    // A non-constant shift's result type is its left operand's type.
                    if old.value.is_none() && !self.prog.types.basic_kind(t).is_some_and(|k| k.is_integer() || k.is_untyped()) && !self.prog.types.is_interface(t) {
                        let s = self.expr_string(*x);
                        let ts = self.ts(t);
                        self.error(self.start(*x), format!("invalid operation: shifted operand {s} (type {ts}) must be integer"));
                    }
                    self.update_expr_type(*x, t, depth + 1);
                } else {
                    self.update_expr_type(*x, t, depth + 1);
                    self.update_expr_type(*y, t, depth + 1);
                }
            }
            _ => {}
        }
        // Interfaces receive the default type.
        let final_t = if self.prog.types.is_interface(t) { self.default_type(old.ty) } else { t };
        self.info.file_mut(fid).record_type(e, final_t);
    }

    /// Gives an untyped operand its default type (where no context determines it).
    pub(super) fn default_operand(&mut self, x: &mut Operand) {
        if x.mode == OpMode::Invalid || !self.prog.types.is_untyped(x.ty) {
            return;
        }
        if x.is_nil() {
            return;
        }
        let d = self.default_type(x.ty);
        self.convert_untyped(x, d);
    }

    /// Makes two operands' types match for a binary operation (untyped operands take the
    /// other's type).
    fn match_types(&mut self, x: &mut Operand, y: &mut Operand) {
        let xu = self.prog.types.is_untyped(x.ty);
        let yu = self.prog.types.is_untyped(y.ty);
        if xu && !yu {
            if self.can_mix(x, y) {
                self.convert_untyped(x, y.ty);
            }
        } else if yu && !xu {
            if self.can_mix(y, x) {
                self.convert_untyped(y, x.ty);
            }
        } else if xu && yu {
            let (xk, yk) = (self.prog.types.basic_kind(x.ty), self.prog.types.basic_kind(y.ty));
            if let (Some(a), Some(b)) = (xk, yk)
                && a.is_numeric()
                && b.is_numeric()
            {
                if a < b {
                    self.convert_untyped(x, y.ty);
                } else if b < a {
                    self.convert_untyped(y, x.ty);
                }
            }
        }
    }

    /// Whether untyped `x` may be converted to `y`'s type for a binary operation (else the
    /// mismatch is reported by the caller).
    fn can_mix(&mut self, x: &Operand, y: &Operand) -> bool {
        if x.is_nil() {
            return self.has_nil(y.ty);
        }
        let xk = self.prog.types.basic_kind(x.ty).unwrap_or(BasicKind::Invalid);
        if self.prog.types.is_interface(y.ty) && !self.prog.types.is_type_param(y.ty) {
            return true;
        }
        if self.prog.types.is_type_param(y.ty) {
            return true;
        }
        match self.prog.types.basic_kind(y.ty) {
            Some(yk) => {
                (xk.is_boolean() && yk.is_boolean()) || (xk.is_numeric() && yk.is_numeric()) || (xk.is_string() && yk.is_string()) || (xk == BasicKind::UntypedNil && yk == BasicKind::UnsafePointer)
            }
            None => false,
        }
    }

    // ------------------------------------------------------------------
    // Unary and binary operations

    fn unary(&mut self, e: ExprId, op: UnOp, xe: ExprId, hint: Option<TypeId>) -> Operand {
        let pos = self.file.expr(e).pos;
        match op {
            UnOp::Addr => {
                // &T{...} with an elided type inside a composite literal gets a pointer hint.
                let inner_hint = hint.and_then(|h| match self.prog.types.under(h) {
                    Type::Pointer(b) => Some(*b),
                    _ => None,
                });
                let x = self.expr_hint(xe, inner_hint);
                if x.mode == OpMode::Invalid {
                    return Operand::invalid(Some(e));
                }
                let is_lit = matches!(self.file.expr(unparen(&self.file, xe)).kind, ExprKind::CompositeLit { .. });
                if x.mode != OpMode::Variable && !is_lit {
                    let d = self.describe(&x);
                    self.error(pos, format!("invalid operation: cannot take address of {d}"));
                    return Operand::invalid(Some(e));
                }
                self.mark_addr_taken(xe);
                let p = self.prog.types.pointer(x.ty);
                Operand::value(p, Some(e))
            }
            UnOp::Recv => {
                let x = self.expr(xe);
                if x.mode == OpMode::Invalid {
                    return Operand::invalid(Some(e));
                }
                match self.core_type(x.ty).map(|c| self.prog.types.get(c).clone()) {
                    Some(Type::Chan(dir, elem)) => {
                        if dir == super::ty::ChanDir::Send {
                            let d = self.describe(&x);
                            self.error(pos, format!("invalid operation: cannot receive from send-only channel {d}"));
                            return Operand::invalid(Some(e));
                        }
                        Operand { mode: OpMode::CommaOk, ty: elem, val: Value::Unknown, expr: Some(e), id: None }
                    }
                    _ => {
                        let d = self.describe(&x);
                        self.error(pos, format!("invalid operation: cannot receive from non-channel {d}"));
                        Operand::invalid(Some(e))
                    }
                }
            }
            UnOp::Tilde => {
                self.error(pos, "cannot use ~ outside of interface or type constraint");
                self.expr(xe);
                Operand::invalid(Some(e))
            }
            UnOp::Pos | UnOp::Neg | UnOp::Not | UnOp::Xor => {
                let mut x = self.expr(xe);
                if x.mode == OpMode::Invalid {
                    return Operand::invalid(Some(e));
                }
                let ok = match op {
                    UnOp::Pos | UnOp::Neg => self.all_basic(x.ty, BasicKind::is_numeric),
                    UnOp::Not => self.all_basic(x.ty, BasicKind::is_boolean),
                    _ => self.all_basic(x.ty, BasicKind::is_integer),
                };
                if !ok {
                    let d = self.describe(&x);
                    self.error(pos, format!("invalid operation: operator {} not defined on {d}", op.as_str()));
                    return Operand::invalid(Some(e));
                }
                if x.mode == OpMode::Constant {
                    let c = match op {
                        UnOp::Pos => '+',
                        UnOp::Neg => '-',
                        UnOp::Not => '!',
                        _ => '^',
                    };
                    let k = self.prog.types.basic_kind(x.ty);
                    let unsigned_bits = k.filter(|k| k.is_unsigned()).and_then(|k| k.bits());
                    x.val = constant::unary_op(c, &x.val, unsigned_bits);
                    x.expr = Some(e);
                    if self.prog.types.is_untyped(x.ty) && !self.check_const_overflow(&mut x, if c == '^' { "unary ^" } else { "" }, pos) {
                        return Operand::invalid(Some(e));
                    }
                    if !self.prog.types.is_untyped(x.ty) {
                        let t = x.ty;
                        if let Err(_m) = self.representable(&mut x, t) {
                            let ts = self.ts(t);
                            self.error(pos, format!("constant {} overflows {ts}", x.val));
                            return Operand::invalid(Some(e));
                        }
                    }
                    return Operand { mode: OpMode::Constant, ty: x.ty, val: x.val, expr: Some(e), id: None };
                }
                Operand::value(x.ty, Some(e))
            }
        }
    }

    fn binary(&mut self, e: ExprId, op: BinOp, xe: ExprId, ye: ExprId) -> Operand {
        let pos = self.file.expr(e).pos;
        let x = self.expr(xe);
        let y = self.expr(ye);
        self.binary_ops(e, pos, op, x, y, ye)
    }

    /// `x op= y`: the operation of an assignment operator (the result is assigned to x).
    pub(super) fn binary_operands(&mut self, op: BinOp, l: ExprId, r: ExprId, pos: crate::syntax::Pos) -> Operand {
        let x = self.expr(l);
        let y = self.expr(r);
        let mut res = self.binary_ops(l, pos, op, x, y, r);
        // The result stands for x's new value, not for the expression x itself.
        res.expr = Some(r);
        if res.mode == OpMode::Constant {
            res.mode = OpMode::Value;
        }
        res
    }

    /// The operation `x op y` on evaluated operands; `e` names the result.
    fn binary_ops(&mut self, e: ExprId, pos: crate::syntax::Pos, op: BinOp, x: Operand, y: Operand, ye: ExprId) -> Operand {
        let (mut x, mut y) = (x, y);
        if x.mode == OpMode::Invalid || y.mode == OpMode::Invalid {
            return Operand::invalid(Some(e));
        }
        if matches!(op, BinOp::Shl | BinOp::Shr) {
            return self.shift(e, pos, op, x, y);
        }
        self.match_types(&mut x, &mut y);
        if x.mode == OpMode::Invalid || y.mode == OpMode::Invalid {
            return Operand::invalid(Some(e));
        }
        if matches!(op, BinOp::Eql | BinOp::Neq | BinOp::Lss | BinOp::Leq | BinOp::Gtr | BinOp::Geq) {
            return self.comparison(e, pos, op, x, y);
        }
        // Operand errors are reported at the left operand, as types2 does.
        let xpos = x.expr.map(|xe| self.start(xe)).unwrap_or(pos);
        if !self.identical(x.ty, y.ty) {
            let s = self.expr_string(e);
            let (a, b) = (self.ts(x.ty), self.ts(y.ty));
            self.error(xpos, format!("invalid operation: {s} (mismatched types {a} and {b})"));
            return Operand::invalid(Some(e));
        }
        let pred: fn(BasicKind) -> bool = match op {
            BinOp::Add => |k| k.is_numeric() || k.is_string(),
            BinOp::Sub | BinOp::Mul | BinOp::Div => BasicKind::is_numeric,
            BinOp::Rem | BinOp::And | BinOp::Or | BinOp::Xor | BinOp::AndNot => BasicKind::is_integer,
            BinOp::AndAnd | BinOp::OrOr => BasicKind::is_boolean,
            _ => |_| false,
        };
        if !self.all_basic(x.ty, pred) {
            let d = self.describe(&x);
            self.error(xpos, format!("invalid operation: operator {} not defined on {d}", op.as_str()));
            return Operand::invalid(Some(e));
        }
        if matches!(op, BinOp::Div | BinOp::Rem) && y.mode == OpMode::Constant && y.val.is_zero() && self.all_basic(x.ty, |k| k.is_integer() || k.is_float() || k.is_complex()) {
            let is_int = self.all_basic(x.ty, BasicKind::is_integer);
            if is_int || x.mode == OpMode::Constant {
                self.error(self.start(ye), "invalid operation: division by zero");
                return Operand::invalid(Some(e));
            }
        }
        if x.mode == OpMode::Constant && y.mode == OpMode::Constant {
            let is_int = self.all_basic(x.ty, BasicKind::is_integer);
            let cop = match op {
                BinOp::Add => CBin::Add,
                BinOp::Sub => CBin::Sub,
                BinOp::Mul => CBin::Mul,
                BinOp::Div if is_int => CBin::Quo,
                BinOp::Div => CBin::Div,
                BinOp::Rem => CBin::Rem,
                BinOp::And => CBin::And,
                BinOp::Or => CBin::Or,
                BinOp::Xor => CBin::Xor,
                BinOp::AndNot => CBin::AndNot,
                BinOp::AndAnd => CBin::LAnd,
                _ => CBin::LOr,
            };
            let Some(v) = constant::binary_op(&x.val, cop, &y.val) else {
                self.error(self.start(ye), "invalid operation: division by zero");
                return Operand::invalid(Some(e));
            };
            let mut r = Operand { mode: OpMode::Constant, ty: x.ty, val: v, expr: Some(e), id: None };
            if !self.check_const_overflow(&mut r, op.as_str(), pos) {
                return Operand::invalid(Some(e));
            }
            return r;
        }
        Operand::value(x.ty, Some(e))
    }

    /// Typed constants must fit their type; untyped integer constants must fit 512 bits.
    fn check_const_overflow(&mut self, x: &mut Operand, opname: &str, pos: crate::syntax::Pos) -> bool {
        if x.val.is_out_of_range() {
            self.error(pos, "constant result is not representable");
            return false;
        }
        if self.prog.types.is_untyped(x.ty) {
            if x.val.bit_len() > MAX_CONST_BITS {
                let what = match opname {
                    "+" => "addition",
                    "-" => "subtraction",
                    "*" => "multiplication",
                    "<<" => "shift",
                    "^" => "bitwise XOR",
                    "unary ^" => "bitwise complement",
                    _ => "",
                };
                let msg = if what.is_empty() { "constant overflow".to_string() } else { format!("constant {what} overflow") };
                self.error(pos, msg);
                return false;
            }
            return true;
        }
        let t = x.ty;
        if self.prog.types.basic_kind(t).is_some_and(|k| k.is_const_type()) && !self.prog.types.is_type_param(t) {
            match represent(&x.val, self.prog.types.basic_kind(t).unwrap_or(BasicKind::Invalid)) {
                Ok(v) => x.val = v,
                Err(_) => {
                    let ts = self.ts(t);
                    let s = x.val.to_string();
                    self.error(pos, format!("constant {s} overflows {ts}"));
                    return false;
                }
            }
        }
        true
    }

    fn comparison(&mut self, e: ExprId, pos: crate::syntax::Pos, op: BinOp, x: Operand, y: Operand) -> Operand {
        let pos = x.expr.map(|xe| self.start(xe)).unwrap_or(pos);
        let s = self.expr_string(e);
        let mut err: Option<String> = None;
        let assignable = self.assignable_types(&x, y.ty) || self.assignable_types(&y, x.ty);
        if !assignable {
            let (a, b) = (self.ts(x.ty), self.ts(y.ty));
            err = Some(format!("invalid operation: {s} (mismatched types {a} and {b})"));
        } else if matches!(op, BinOp::Eql | BinOp::Neq) {
            if x.is_nil() || y.is_nil() {
                let other = if x.is_nil() { &y } else { &x };
                if !other.is_nil() && !self.has_nil(other.ty) {
                    err = Some(format!("invalid operation: {s} (mismatched types {} and untyped nil)", self.ts(other.ty)));
                } else if x.is_nil() && y.is_nil() {
                    err = Some(format!("invalid operation: {s} (operator == not defined on nil)").replace("==", op.as_str()));
                }
            } else {
                for o in [&x, &y] {
                    if !self.comparable(o.ty, true) {
                        let what = match self.prog.types.under(o.ty) {
                            Type::Slice(_) => "slice can only be compared to nil".to_string(),
                            Type::Map(..) => "map can only be compared to nil".to_string(),
                            Type::Signature(_) => "func can only be compared to nil".to_string(),
                            Type::Struct(_) => format!("struct containing {} cannot be compared", self.incomparable_part(o.ty)),
                            _ => format!("operator {} not defined on {}", op.as_str(), self.describe(o)),
                        };
                        err = Some(format!("invalid operation: {s} ({what})"));
                        break;
                    }
                }
            }
        } else {
            for o in [&x, &y] {
                if !self.all_basic(o.ty, BasicKind::is_ordered) {
                    let d = self.describe(o);
                    err = Some(format!("invalid operation: {s} (operator {} not defined on {d})", op.as_str()).replace(&format!("{d})"), &format!("{})", self.kind_word(o.ty))));
                    break;
                }
            }
        }
        if let Some(m) = err {
            self.error(pos, m);
            return Operand::invalid(Some(e));
        }
        let bool_t = TypeTable::basic(BasicKind::UntypedBool);
        if x.mode == OpMode::Constant && y.mode == OpMode::Constant {
            let cop = match op {
                BinOp::Eql => CmpOp::Eq,
                BinOp::Neq => CmpOp::Ne,
                BinOp::Lss => CmpOp::Lt,
                BinOp::Leq => CmpOp::Le,
                BinOp::Gtr => CmpOp::Gt,
                _ => CmpOp::Ge,
            };
            if let Some(b) = constant::compare(&x.val, cop, &y.val) {
                return Operand { mode: OpMode::Constant, ty: bool_t, val: Value::Bool(b), expr: Some(e), id: None };
            }
        }
        // Untyped operands of a non-constant comparison take their default types.
        let (mut x, mut y) = (x, y);
        self.default_operand(&mut x);
        self.default_operand(&mut y);
        Operand::value(bool_t, Some(e))
    }

    /// The word gc uses for a type in "operator < not defined on ..." messages.
    fn kind_word(&self, t: TypeId) -> String {
        match self.prog.types.under(t) {
            Type::Basic(k) => k.name().trim_start_matches("untyped ").to_string(),
            Type::Pointer(_) => "pointer".into(),
            Type::Struct(_) => "struct".into(),
            Type::Slice(_) => "slice".into(),
            Type::Map(..) => "map".into(),
            Type::Chan(..) => "chan".into(),
            Type::Signature(_) => "func".into(),
            Type::Interface(_) => "interface".into(),
            Type::Array(..) => "array".into(),
            _ => self.ts(t),
        }
    }

    /// The first field type that makes a struct incomparable (for the message).
    fn incomparable_part(&mut self, t: TypeId) -> String {
        if let Type::Struct(fields) = self.prog.types.under(t).clone() {
            for f in fields {
                if !self.comparable(f.ty, true) {
                    return self.ts(f.ty);
                }
            }
        }
        self.ts(t)
    }

    /// Whether operand `x` could be assigned to type `t` (no error reported).
    pub(super) fn assignable_types(&mut self, x: &Operand, t: TypeId) -> bool {
        let mut y = x.clone();
        y.expr = None;
        self.assignable_to(&mut y, t).is_ok()
    }

    fn shift(&mut self, e: ExprId, pos: crate::syntax::Pos, op: BinOp, mut x: Operand, mut y: Operand) -> Operand {
        // The shift count: an integer, or an untyped constant representable as uint.
        if y.mode == OpMode::Constant {
            let Some(yv) = y.val.to_int() else {
                let d = self.describe(&y);
                self.error(self.start(y.expr.unwrap_or(e)), format!("invalid operation: shift count {d} must be integer"));
                return Operand::invalid(Some(e));
            };
            if yv.sign() < 0 {
                let d = self.describe(&y);
                self.error(self.start(y.expr.unwrap_or(e)), format!("invalid operation: negative shift count {d}"));
                return Operand::invalid(Some(e));
            }
            if self.prog.types.is_untyped(y.ty) {
                y.val = yv;
                let u = TypeTable::basic(BasicKind::Uint);
                self.convert_untyped(&mut y, u);
                if y.mode == OpMode::Invalid {
                    return Operand::invalid(Some(e));
                }
            }
        } else if self.prog.types.is_untyped(y.ty) && self.all_basic(y.ty, BasicKind::is_numeric) {
            // An untyped non-constant count (itself a shift) becomes a uint.
            let u = TypeTable::basic(BasicKind::Uint);
            self.convert_untyped(&mut y, u);
            if y.mode == OpMode::Invalid {
                return Operand::invalid(Some(e));
            }
        } else if !self.all_basic(y.ty, BasicKind::is_integer) {
            let d = self.describe(&y);
            self.error(self.start(y.expr.unwrap_or(e)), format!("invalid operation: shift count {d} must be integer"));
            return Operand::invalid(Some(e));
        }
        if x.mode == OpMode::Constant {
            if self.prog.types.is_untyped(x.ty) {
                // An untyped constant operand must be integral.
                match x.val.to_int() {
                    Some(v) => {
                        x.val = v;
                        // A constant shift gives an integer constant; a non-constant shift
                        // keeps the operand's kind, so that `1.0 << s` becomes a float64
                        // (and an error) where no context makes it an integer.
                        if y.mode == OpMode::Constant && !self.all_basic(x.ty, BasicKind::is_integer) {
                            x.ty = TypeTable::basic(BasicKind::UntypedInt);
                        }
                    }
                    None => {
                        let d = self.describe(&x);
                        self.error(self.start(x.expr.unwrap_or(e)), format!("invalid operation: shifted operand {d} must be integer"));
                        return Operand::invalid(Some(e));
                    }
                }
            }
            if y.mode == OpMode::Constant {
                if !self.all_basic(x.ty, BasicKind::is_integer) {
                    let d = self.describe(&x);
                    self.error(self.start(x.expr.unwrap_or(e)), format!("invalid operation: shifted operand {d} must be integer"));
                    return Operand::invalid(Some(e));
                }
                let s = y.val.to_u64().unwrap_or(u64::MAX);
                if s > SHIFT_BOUND {
                    let d = self.describe(&y);
                    self.error(self.start(y.expr.unwrap_or(e)), format!("invalid shift count {d}"));
                    return Operand::invalid(Some(e));
                }
                let v = constant::shift(&x.val, op == BinOp::Shl, s);
                let mut r = Operand { mode: OpMode::Constant, ty: x.ty, val: v, expr: Some(e), id: None };
                if !self.check_const_overflow(&mut r, "<<", pos) {
                    return Operand::invalid(Some(e));
                }
                return r;
            }
            if self.prog.types.is_untyped(x.ty) {
                // Non-constant shift of an untyped constant: the result's type is decided
                // by the context (recorded as untyped until then).
                return Operand { mode: OpMode::Value, ty: x.ty, val: Value::Unknown, expr: Some(e), id: None };
            }
        }
        if !self.all_basic(x.ty, BasicKind::is_integer) {
            let d = self.describe(&x);
            self.error(self.start(x.expr.unwrap_or(e)), format!("invalid operation: shifted operand {d} must be integer"));
            return Operand::invalid(Some(e));
        }
        Operand::value(x.ty, Some(e))
    }

    /// `x.(T)`.
    pub(super) fn type_assert(&mut self, e: ExprId, xe: ExprId, te: ExprId) -> Operand {
        let x = self.expr(xe);
        if x.mode == OpMode::Invalid {
            self.typexpr(te);
            return Operand::invalid(Some(e));
        }
        if !self.prog.types.is_interface(x.ty) || self.prog.types.is_type_param(x.ty) {
            let d = self.describe(&x);
            self.error(self.start(xe), format!("invalid operation: {d} is not an interface"));
            self.typexpr(te);
            return Operand::invalid(Some(e));
        }
        let t = self.typexpr(te);
        if t == self.invalid() {
            return Operand::invalid(Some(e));
        }
        if !self.prog.types.is_interface(t)
            && !self.has_type_params(t)
            && !self.has_type_params(x.ty)
            && let Some(why) = self.missing_method(t, x.ty)
        {
            let s = self.expr_string(e);
            let (ts, xs) = (self.ts(t), self.ts(x.ty));
            self.error(self.start(te), format!("impossible type assertion: {s}\n\t{ts} does not implement {xs} {why}"));
            return Operand::invalid(Some(e));
        }
        Operand { mode: OpMode::CommaOk, ty: t, val: Value::Unknown, expr: Some(e), id: None }
    }

    /// Marks the variable under `&x` (through field selectors and array indexing) as
    /// having its address taken (the compiler puts such variables on the heap).
    /// Records `e = *(*T)(unsafe.Pointer(&x))` (with pointer operand `px`) as a bit cast
    /// when `T` and the local variable `x` have basic numeric types of one size. Uses of
    /// `e` as a variable (assigned to, or addressed) withdraw it again.
    fn note_bitcast(&mut self, e: ExprId, px: ExprId, base: TypeId) {
        let file = self.file.clone();
        let fid = self.fid;
        let Some(fi) = self.info.file(fid) else { return };
        let is_type = |x: ExprId| fi.type_of(x).is_some_and(|tv| tv.mode == super::info::Mode::TypeExpr);
        // A conversion call `fun(arg)`: its argument.
        let conversion_arg = |x: ExprId| match &file.expr(unparen(&file, x)).kind {
            ExprKind::Call { fun, args, has_dots: false, .. } if args.len() == 1 && is_type(*fun) => Some((*fun, args[0])),
            _ => None,
        };
        let Some((_, up)) = conversion_arg(px) else { return };
        let Some((ufun, addr)) = conversion_arg(up) else { return };
        let unsafe_ptr = fi.type_of(ufun).map(|tv| tv.ty);
        if !unsafe_ptr.is_some_and(|t| matches!(self.prog.types.get(t), Type::Basic(BasicKind::UnsafePointer))) {
            return;
        }
        let ExprKind::Unary { op: UnOp::Addr, x: var } = file.expr(unparen(&file, addr)).kind else { return };
        let name = unparen(&file, var);
        if !matches!(file.expr(name).kind, ExprKind::Name(_)) {
            return;
        }
        let Some(&o) = fi.uses.get(&name) else { return };
        let ObjKind::Var { global: false, .. } = self.prog.obj(o).kind else { return };
        let numeric = |t: TypeId| match self.prog.types.get(t) {
            Type::Basic(k) => (k.is_integer() || k.is_float()) && !k.is_untyped(),
            _ => false,
        };
        let vt = self.prog.obj(o).ty;
        let size = |t| super::sizes::size_of(self.prog, t);
        if numeric(base) && numeric(vt) && size(base) == size(vt) {
            self.info.file_mut(fid).bitcasts.insert(e, name);
        }
    }

    fn mark_addr_taken(&mut self, e: ExprId) {
        let mut cur = e;
        // `&s[i]` of a slice and `&p.f` through a pointer address memory the variable
        // only points to: the variable itself needs no address.
        let fid = self.fid;
        let indirect = |c: &Self, x: ExprId| {
            let t = c.info.file(fid).and_then(|f| f.type_of(x)).map(|tv| tv.ty);
            t.is_some_and(|t| matches!(c.prog.types.under(t), Type::Slice(_) | Type::Pointer(_)))
        };
        for _ in 0..64 {
            match &self.file.expr(cur).kind {
                ExprKind::Paren(x) => cur = *x,
                ExprKind::Selector { x, .. } | ExprKind::Index { x, .. } if indirect(self, *x) => return,
                ExprKind::Selector { x, .. } => cur = *x,
                ExprKind::Index { x, .. } => cur = *x,
                ExprKind::Name(_) => {
                    let fid = self.fid;
                    if let Some(&o) = self.info.file_mut(fid).uses.get(&cur) {
                        self.addr_sites.push((fid, cur, o));
                    }
                    return;
                }
                ExprKind::Star(_) => {
                    // `&*(*T)(unsafe.Pointer(&x))` does address `x`.
                    self.info.file_mut(fid).bitcasts.remove(&cur);
                    return;
                }
                _ => return,
            }
        }
    }
}

/// Strips parentheses.
pub(super) fn unparen(f: &crate::syntax::ast::File, mut e: ExprId) -> ExprId {
    for _ in 0..1000 {
        match f.expr(e).kind {
            ExprKind::Paren(x) => e = x,
            _ => return e,
        }
    }
    e
}

/// Why a constant does not fit a type.
enum Repr {
    Overflow,
    Truncated,
    Mismatch,
}

/// Rounds constant `v` to basic kind `k`, or says why it cannot.
fn represent(v: &Value, k: BasicKind) -> Result<Value, Repr> {
    use BasicKind::*;
    match v {
        Value::Unknown => return Ok(v.clone()),
        Value::Bool(_) => return if k.is_boolean() { Ok(v.clone()) } else { Err(Repr::Mismatch) },
        Value::Str(_) => return if k.is_string() { Ok(v.clone()) } else { Err(Repr::Mismatch) },
        _ => {}
    }
    if !k.is_numeric() {
        return Err(Repr::Mismatch);
    }
    if k.is_integer() {
        let Some(iv) = v.to_int() else {
            // A real with a fraction, or a complex with an imaginary part.
            return Err(Repr::Truncated);
        };
        let Value::Int(i) = &iv else { return Err(Repr::Mismatch) };
        let fits = match k {
            UntypedInt | UntypedRune => true,
            Int | Int64 => constant::int_fits(i, 64, true),
            Int8 => constant::int_fits(i, 8, true),
            Int16 => constant::int_fits(i, 16, true),
            Int32 => constant::int_fits(i, 32, true),
            Uint | Uint64 | Uintptr => constant::int_fits(i, 64, false),
            Uint8 => constant::int_fits(i, 8, false),
            Uint16 => constant::int_fits(i, 16, false),
            Uint32 => constant::int_fits(i, 32, false),
            _ => false,
        };
        return if fits { Ok(iv) } else { Err(Repr::Overflow) };
    }
    if k.is_float() {
        let Some(f) = v.to_float() else { return Err(Repr::Truncated) };
        return match k {
            Float32 => f.round_float(true).ok_or(Repr::Overflow),
            Float64 => f.round_float(false).ok_or(Repr::Overflow),
            _ => Ok(f),
        };
    }
    // Complex.
    let Some((re, im)) = v.parts() else { return Err(Repr::Mismatch) };
    let f32 = k == Complex64;
    if k == UntypedComplex {
        return Ok(v.to_complex().unwrap_or(Value::Unknown));
    }
    let re = re.round_float(f32).ok_or(Repr::Overflow)?;
    let im = im.round_float(f32).ok_or(Repr::Overflow)?;
    Ok(Value::Complex(Box::new((re, im))))
}

/// Rounds constant `v` to basic kind `k` (used by conversions).
pub(super) fn represent_value(v: &Value, k: BasicKind) -> Option<Value> {
    represent(v, k).ok()
}
