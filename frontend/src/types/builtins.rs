//! The predeclared functions and those of package `unsafe`: argument rules, result
//! types, and the constant results (`len` of constant strings and of arrays,
//! `unsafe.Sizeof` and friends, `min`/`max`/`real`/`imag`/`complex` of constants).

use super::check::Checker;
use super::constant::{self, Value};
use super::object::Builtin;
use super::operand::{OpMode, Operand};
use super::ty::{BasicKind, ChanDir, Type, TypeId, TypeTable};
use crate::syntax::ast::{ExprId, ExprKind};

impl Checker<'_> {
    /// A call of builtin `b`.
    pub(super) fn builtin(&mut self, e: ExprId, b: Builtin, args: &[ExprId], has_dots: bool) -> Operand {
        let name = b.name();
        let call_pos = self.file.expr(e).pos;
        // f(g()) where g returns several values: the values are the arguments.
        if args.len() == 1
            && !has_dots
            && matches!(
                b,
                Builtin::Append | Builtin::Complex | Builtin::Copy | Builtin::Print | Builtin::Println | Builtin::Min | Builtin::Max | Builtin::Delete | Builtin::Add | Builtin::Slice | Builtin::String
            )
            && matches!(self.file.expr(super::expr::unparen(&self.file, args[0])).kind, ExprKind::Call { .. })
        {
            let x = self.expr_multi(args[0]);
            if x.mode == OpMode::Invalid {
                return Operand::invalid(Some(e));
            }
            if let Type::Tuple(elems) = self.prog.types.get(x.ty).clone() {
                return self.builtin_spread(e, b, &elems);
            }
        }
        let (min, variadic) = arity(b);
        if has_dots && b != Builtin::Append {
            self.error(call_pos, format!("invalid operation: invalid use of ... with built-in {name}"));
            for &a in args {
                self.raw_expr(a, None, true);
            }
            return Operand::invalid(Some(e));
        }
        if args.len() < min || (!variadic && args.len() > min.max(max_args(b))) {
            let what = if args.len() < min { "not enough" } else { "too many" };
            let s = self.expr_string(e);
            self.error(call_pos, format!("{what} arguments for {s} (expected {}, found {})", min.max(if args.len() < min { min } else { max_args(b) }), args.len()));
            for &a in args {
                self.raw_expr(a, None, true);
            }
            return Operand::invalid(Some(e));
        }
        let int = TypeTable::basic(BasicKind::Int);
        let novalue = Operand { mode: OpMode::NoValue, ty: self.invalid(), val: Value::Unknown, expr: Some(e), id: None };
        match b {
            Builtin::Len | Builtin::Cap => {
                let x = self.expr(args[0]);
                if x.mode == OpMode::Invalid {
                    return Operand::invalid(Some(e));
                }
                // A constant string's length, or an array's (if the operand has no calls or receives).
                if b == Builtin::Len && x.mode == OpMode::Constant && let Some(s) = x.val.as_bytes() {
                    return Operand { mode: OpMode::Constant, ty: int, val: Value::int(s.len() as i64), expr: Some(e), id: None };
                }
                let t = match self.prog.types.under(x.ty).clone() {
                    Type::Pointer(p) => match self.prog.types.under(p) {
                        Type::Array(..) => p,
                        _ => x.ty,
                    },
                    _ => x.ty,
                };
                if let Type::Array(n, _) = self.prog.types.under(t).clone()
                    && !self.prog.types.is_type_param(t)
                {
                    if !self.has_call_or_recv(args[0]) {
                        return Operand { mode: OpMode::Constant, ty: int, val: Value::int(n as i64), expr: Some(e), id: None };
                    }
                    return Operand::value(int, Some(e));
                }
                let ok = self.all_under(x.ty, &mut |c, t| match c.prog.types.under(t) {
                    Type::Basic(k) => b == Builtin::Len && k.is_string(),
                    Type::Slice(_) | Type::Chan(..) => true,
                    Type::Map(..) => b == Builtin::Len,
                    Type::Array(..) => true,
                    Type::Pointer(p) => matches!(c.prog.types.under(*p), Type::Array(..)),
                    _ => false,
                });
                if !ok {
                    let d = self.describe(&x);
                    self.error(self.start(args[0]), format!("invalid argument: {d} for built-in {name}"));
                    return Operand::invalid(Some(e));
                }
                Operand::value(int, Some(e))
            }
            Builtin::Append => {
                if has_dots && args.len() == 1 {
                    self.expr(args[0]);
                    self.error(self.start(args[0]), "cannot use ... on first argument to append");
                    return Operand::invalid(Some(e));
                }
                let mut ops = vec![self.expr(args[0])];
                let s = ops[0].clone();
                if s.mode == OpMode::Invalid {
                    for &a in &args[1..] {
                        self.expr(a);
                    }
                    return Operand::invalid(Some(e));
                }
                if s.is_nil() {
                    self.error(self.start(args[0]), "first argument to append must be a typed slice; have untyped nil");
                    return Operand::invalid(Some(e));
                }
                let Some(Type::Slice(elem)) = self.core_type(s.ty).map(|c| self.prog.types.get(c).clone()) else {
                    let d = self.describe(&s);
                    self.error(self.start(args[0]), format!("invalid argument: {d} (not a slice)"));
                    return Operand::invalid(Some(e));
                };
                if has_dots && args.len() == 2 {
                    // append(s, t...) — also append([]byte, string...).
                    let mut y = self.expr(args[1]);
                    if y.mode == OpMode::Invalid {
                        return Operand::invalid(Some(e));
                    }
                    let is_bytes = self.prog.types.basic_kind(elem) == Some(BasicKind::Uint8);
                    if is_bytes && (self.all_basic(y.ty, BasicKind::is_string) || self.is_bytestring_param(y.ty)) {
                        if self.prog.types.is_untyped(y.ty) {
                            let st = TypeTable::basic(BasicKind::String);
                            self.convert_untyped(&mut y, st);
                        }
                        return Operand::value(s.ty, Some(e));
                    }
                    let st = self.core_type(s.ty).unwrap_or(s.ty);
                    self.assignment(&mut y, Some(st), "argument to append");
                    return Operand::value(s.ty, Some(e));
                }
                for &a in &args[1..] {
                    let mut x = self.expr_hint(a, Some(elem));
                    self.assignment(&mut x, Some(elem), "argument to append");
                    ops.push(x);
                }
                Operand::value(s.ty, Some(e))
            }
            Builtin::Clear => {
                let x = self.expr(args[0]);
                if x.mode == OpMode::Invalid {
                    return Operand::invalid(Some(e));
                }
                let ok = self.all_under(x.ty, &mut |c, t| matches!(c.prog.types.under(t), Type::Map(..) | Type::Slice(_)));
                if !ok {
                    let d = self.describe(&x);
                    self.error(self.start(args[0]), format!("invalid argument: {d} (argument must be (or constrained by) map or slice)"));
                    return Operand::invalid(Some(e));
                }
                novalue
            }
            Builtin::Close => {
                let x = self.expr(args[0]);
                if x.mode == OpMode::Invalid {
                    return Operand::invalid(Some(e));
                }
                let all_chans = self.all_under(x.ty, &mut |c, t| matches!(c.prog.types.under(t), Type::Chan(d, _) if *d != ChanDir::Recv));
                match self.core_type(x.ty).map(|c| self.prog.types.get(c).clone()) {
                    _ if all_chans && self.prog.types.is_type_param(x.ty) => novalue,
                    Some(Type::Chan(dir, _)) => {
                        if dir == ChanDir::Recv {
                            let d = self.describe(&x);
                            self.error(self.start(args[0]), format!("invalid operation: cannot close receive-only channel {d}"));
                            return Operand::invalid(Some(e));
                        }
                        novalue
                    }
                    _ => {
                        let d = self.describe(&x);
                        self.error(self.start(args[0]), format!("invalid operation: cannot close non-channel {d}"));
                        Operand::invalid(Some(e))
                    }
                }
            }
            Builtin::Complex => {
                let mut x = self.expr(args[0]);
                let mut y = self.expr(args[1]);
                if x.mode == OpMode::Invalid || y.mode == OpMode::Invalid {
                    return Operand::invalid(Some(e));
                }
                // Untyped operands convert to the other's type, or to float if both are untyped.
                let (xu, yu) = (self.prog.types.is_untyped(x.ty), self.prog.types.is_untyped(y.ty));
                if xu && !yu {
                    self.convert_untyped(&mut x, y.ty);
                } else if yu && !xu {
                    self.convert_untyped(&mut y, x.ty);
                } else if xu && yu {
                    if x.mode == OpMode::Constant && y.mode == OpMode::Constant {
                        let (Some(re), Some(im)) = (x.val.to_float(), y.val.to_float()) else {
                            self.error(call_pos, "invalid operation: complex arguments must be real");
                            return Operand::invalid(Some(e));
                        };
                        let v = Value::Complex(Box::new((re, im)));
                        return Operand { mode: OpMode::Constant, ty: TypeTable::basic(BasicKind::UntypedComplex), val: v, expr: Some(e), id: None };
                    }
                    let f = TypeTable::basic(BasicKind::Float64);
                    self.convert_untyped(&mut x, f);
                    self.convert_untyped(&mut y, f);
                }
                if x.mode == OpMode::Invalid || y.mode == OpMode::Invalid {
                    return Operand::invalid(Some(e));
                }
                if !self.identical(x.ty, y.ty) {
                    let s = self.expr_string(e);
                    self.error(call_pos, format!("invalid operation: {s} (mismatched types {} and {})", self.ts(x.ty), self.ts(y.ty)));
                    return Operand::invalid(Some(e));
                }
                let rt = match self.prog.types.basic_kind(x.ty) {
                    Some(BasicKind::Float32) => BasicKind::Complex64,
                    Some(BasicKind::Float64) => BasicKind::Complex128,
                    Some(BasicKind::UntypedFloat) => BasicKind::UntypedComplex,
                    _ => {
                        self.error(self.start(args[0]), format!("invalid argument: arguments have type {}, expected floating-point", self.ts(x.ty)));
                        return Operand::invalid(Some(e));
                    }
                };
                if x.mode == OpMode::Constant && y.mode == OpMode::Constant {
                    let v = Value::Complex(Box::new((x.val.clone(), y.val.clone())));
                    return Operand { mode: OpMode::Constant, ty: TypeTable::basic(rt), val: v, expr: Some(e), id: None };
                }
                Operand::value(TypeTable::basic(rt), Some(e))
            }
            Builtin::Real | Builtin::Imag => {
                let mut x = self.expr(args[0]);
                if x.mode == OpMode::Invalid {
                    return Operand::invalid(Some(e));
                }
                if self.prog.types.is_untyped(x.ty) {
                    if x.mode == OpMode::Constant {
                        let Some((re, im)) = x.val.parts() else {
                            let d = self.describe(&x);
                            self.error(self.start(args[0]), format!("invalid argument: {d} must be of complex type"));
                            return Operand::invalid(Some(e));
                        };
                        let v = if b == Builtin::Real { re } else { im };
                        return Operand { mode: OpMode::Constant, ty: TypeTable::basic(BasicKind::UntypedFloat), val: v, expr: Some(e), id: None };
                    }
                    let c = TypeTable::basic(BasicKind::Complex128);
                    self.convert_untyped(&mut x, c);
                }
                let rt = match self.prog.types.basic_kind(x.ty) {
                    Some(BasicKind::Complex64) => BasicKind::Float32,
                    Some(BasicKind::Complex128) => BasicKind::Float64,
                    _ => {
                        let d = self.describe(&x);
                        self.error(self.start(args[0]), format!("invalid argument: {d} must be of complex type"));
                        return Operand::invalid(Some(e));
                    }
                };
                if x.mode == OpMode::Constant
                    && let Some((re, im)) = x.val.parts()
                {
                    let v = if b == Builtin::Real { re } else { im };
                    return Operand { mode: OpMode::Constant, ty: TypeTable::basic(rt), val: v, expr: Some(e), id: None };
                }
                Operand::value(TypeTable::basic(rt), Some(e))
            }
            Builtin::Copy => {
                let x = self.expr(args[0]);
                let mut y = self.expr(args[1]);
                if x.mode == OpMode::Invalid || y.mode == OpMode::Invalid {
                    return Operand::invalid(Some(e));
                }
                let dst = self.core_type(x.ty).map(|c| self.prog.types.get(c).clone());
                let Some(Type::Slice(de)) = dst else {
                    let d = self.describe(&x);
                    self.error(call_pos, format!("invalid argument: copy expects slice arguments; found {d} and {}", self.describe(&y)));
                    return Operand::invalid(Some(e));
                };
                if self.all_basic(y.ty, BasicKind::is_string) && self.prog.types.basic_kind(de) == Some(BasicKind::Uint8) {
                    if self.prog.types.is_untyped(y.ty) {
                        let st = TypeTable::basic(BasicKind::String);
                        self.convert_untyped(&mut y, st);
                    }
                    return Operand::value(int, Some(e));
                }
                let src = self.core_type(y.ty).map(|c| self.prog.types.get(c).clone());
                match src {
                    Some(Type::Slice(se)) if self.identical(de, se) => Operand::value(int, Some(e)),
                    Some(Type::Slice(se)) => {
                        let s = self.expr_string(e);
                        self.error(call_pos, format!("invalid argument: arguments to copy {s} have different element types {} and {}", self.ts(de), self.ts(se)));
                        Operand::invalid(Some(e))
                    }
                    _ => {
                        let d = self.describe(&y);
                        self.error(call_pos, format!("invalid argument: copy expects slice arguments; found {} and {d}", self.describe(&x)));
                        Operand::invalid(Some(e))
                    }
                }
            }
            Builtin::Delete => {
                let m = self.expr(args[0]);
                let mut k = self.expr(args[1]);
                if m.mode == OpMode::Invalid || k.mode == OpMode::Invalid {
                    return Operand::invalid(Some(e));
                }
                let key_type = self.core_type(m.ty).map(|c| self.prog.types.get(c).clone()).or_else(|| self.common_map_key(m.ty).map(|k| Type::Map(k, k)));
                match key_type {
                    Some(Type::Map(kt, _)) => {
                        self.assignment(&mut k, Some(kt), "argument to delete");
                        novalue
                    }
                    _ => {
                        let d = self.describe(&m);
                        self.error(self.start(args[0]), format!("invalid argument: {d} is not a map"));
                        Operand::invalid(Some(e))
                    }
                }
            }
            Builtin::Make => {
                let t = self.typexpr(args[0]);
                if t == self.invalid() {
                    for &a in &args[1..] {
                        self.expr(a);
                    }
                    return Operand::invalid(Some(e));
                }
                let (min_sizes, max_sizes) = match self.core_type(t).map(|c| self.prog.types.get(c).clone()) {
                    Some(Type::Slice(_)) => (1, 2),
                    Some(Type::Map(..)) | Some(Type::Chan(..)) => (0, 1),
                    _ => {
                        let s = self.expr_string(args[0]);
                        self.error(self.start(args[0]), format!("invalid argument: cannot make {s}; type must be slice, map, or channel"));
                        for &a in &args[1..] {
                            self.expr(a);
                        }
                        return Operand::invalid(Some(e));
                    }
                };
                let n = args.len() - 1;
                if n < min_sizes || n > max_sizes {
                    let s = self.expr_string(e);
                    let msg = if n < min_sizes {
                        format!("invalid operation: {s} expects {} arguments; found {}", min_sizes + 1, args.len())
                    } else {
                        format!("invalid operation: {s} expects {} or {} arguments; found {}", min_sizes + 1, max_sizes + 1, args.len())
                    };
                    self.error(call_pos, msg);
                    return Operand::invalid(Some(e));
                }
                let mut consts = Vec::new();
                for &a in &args[1..] {
                    if let Some(v) = self.size_arg(a, "make") {
                        consts.push(v);
                    }
                }
                if consts.len() == 2 && consts[0] > consts[1] {
                    self.error(self.start(args[1]), "invalid argument: length and capacity swapped");
                    return Operand::invalid(Some(e));
                }
                Operand::value(t, Some(e))
            }
            Builtin::New => {
                // new(T) or, since Go 1.26, new(expr).
                let x = self.expr_or_type(args[0], false);
                match x.mode {
                    OpMode::Invalid => Operand::invalid(Some(e)),
                    OpMode::Builtin(_) => {
                        let s = self.expr_string(args[0]);
                        self.error(self.start(args[0]), format!("{s} (built-in) must be called"));
                        Operand::invalid(Some(e))
                    }
                    OpMode::TypeExpr => {
                        let p = self.prog.types.pointer(x.ty);
                        Operand::value(p, Some(e))
                    }
                    _ => {
                        let mut x = x;
                        self.single_value(&mut x);
                        if x.mode == OpMode::Invalid {
                            return Operand::invalid(Some(e));
                        }
                        if x.is_nil() {
                            self.error(self.start(args[0]), "use of untyped nil in argument to new");
                            return Operand::invalid(Some(e));
                        }
                        self.default_operand(&mut x);
                        let p = self.prog.types.pointer(x.ty);
                        Operand::value(p, Some(e))
                    }
                }
            }
            Builtin::Panic => {
                let mut x = self.expr(args[0]);
                let any = self.prog.pre.any;
                self.assignment(&mut x, Some(any), "argument to panic");
                novalue
            }
            Builtin::Print | Builtin::Println => {
                for &a in args {
                    let mut x = self.expr(a);
                    if x.mode == OpMode::Invalid {
                        continue;
                    }
                    if x.is_nil() {
                        self.error(self.start(a), "use of untyped nil in argument to built-in print");
                        continue;
                    }
                    self.default_operand(&mut x);
                }
                novalue
            }
            Builtin::Recover => Operand::value(self.prog.pre.any, Some(e)),
            Builtin::Max | Builtin::Min => self.min_max(e, b, args),
            Builtin::Sizeof | Builtin::Alignof => {
                let mut x = self.expr(args[0]);
                if x.mode == OpMode::Invalid {
                    return Operand::invalid(Some(e));
                }
                self.default_operand(&mut x);
                let uptr = TypeTable::basic(BasicKind::Uintptr);
                if self.has_type_params(x.ty) {
                    return Operand::value(uptr, Some(e));
                }
                let v = if b == Builtin::Sizeof { super::sizes::size_of(self.prog, x.ty) } else { Some(super::sizes::align_of(self.prog, x.ty)) };
                match v {
                    Some(v) => Operand { mode: OpMode::Constant, ty: uptr, val: Value::int(v), expr: Some(e), id: None },
                    // Sizes that depend on type parameters are not constant.
                    None => Operand::value(uptr, Some(e)),
                }
            }
            Builtin::Offsetof => self.offsetof(e, args[0]),
            Builtin::Add => {
                let mut p = self.expr(args[0]);
                let up = TypeTable::basic(BasicKind::UnsafePointer);
                self.assignment(&mut p, Some(up), "argument to unsafe.Add");
                self.size_arg_any(args[1]);
                Operand::value(up, Some(e))
            }
            Builtin::Slice => {
                let p = self.expr(args[0]);
                self.size_arg_any(args[1]);
                if p.mode == OpMode::Invalid {
                    return Operand::invalid(Some(e));
                }
                match self.prog.types.under(p.ty).clone() {
                    Type::Pointer(elem) => {
                        let s = self.prog.types.slice(elem);
                        Operand::value(s, Some(e))
                    }
                    _ => {
                        let d = self.describe(&p);
                        self.error(self.start(args[0]), format!("invalid argument: {d} is not a pointer"));
                        Operand::invalid(Some(e))
                    }
                }
            }
            Builtin::SliceData => {
                let s = self.expr(args[0]);
                if s.mode == OpMode::Invalid {
                    return Operand::invalid(Some(e));
                }
                match self.prog.types.under(s.ty).clone() {
                    Type::Slice(elem) => {
                        let p = self.prog.types.pointer(elem);
                        Operand::value(p, Some(e))
                    }
                    _ => {
                        let d = self.describe(&s);
                        self.error(self.start(args[0]), format!("invalid argument: {d} is not a slice"));
                        Operand::invalid(Some(e))
                    }
                }
            }
            Builtin::String => {
                let mut p = self.expr(args[0]);
                let bp = self.prog.types.pointer(TypeTable::basic(BasicKind::Uint8));
                self.assignment(&mut p, Some(bp), "argument to unsafe.String");
                self.size_arg_any(args[1]);
                Operand::value(TypeTable::basic(BasicKind::String), Some(e))
            }
            Builtin::StringData => {
                let mut s = self.expr(args[0]);
                let st = TypeTable::basic(BasicKind::String);
                self.assignment(&mut s, Some(st), "argument to unsafe.StringData");
                let bp = self.prog.types.pointer(TypeTable::basic(BasicKind::Uint8));
                Operand::value(bp, Some(e))
            }
        }
    }

    /// A builtin applied to the results of a multi-valued call (checked loosely: the
    /// usual rules on the result types).
    fn builtin_spread(&mut self, e: ExprId, b: Builtin, elems: &[TypeId]) -> Operand {
        let novalue = Operand { mode: OpMode::NoValue, ty: self.invalid(), val: Value::Unknown, expr: Some(e), id: None };
        let first = elems.first().copied().unwrap_or(self.invalid());
        let exact = match b {
            Builtin::Complex | Builtin::Copy | Builtin::Delete | Builtin::Add | Builtin::Slice | Builtin::String => Some(2),
            _ => None,
        };
        if let Some(n) = exact
            && elems.len() != n
        {
            let s = self.expr_string(e);
            let what = if elems.len() < n { "not enough" } else { "too many" };
            self.error(self.file.expr(e).pos, format!("{what} arguments for {s} (expected {n}, found {})", elems.len()));
            return Operand::invalid(Some(e));
        }
        match b {
            Builtin::Print | Builtin::Println | Builtin::Delete => novalue,
            Builtin::Append | Builtin::Min | Builtin::Max => Operand::value(first, Some(e)),
            Builtin::Copy => Operand::value(TypeTable::basic(BasicKind::Int), Some(e)),
            Builtin::Add => Operand::value(TypeTable::basic(BasicKind::UnsafePointer), Some(e)),
            Builtin::String => Operand::value(TypeTable::basic(BasicKind::String), Some(e)),
            Builtin::Slice => match self.prog.types.under(first).clone() {
                Type::Pointer(el) => {
                    let s = self.prog.types.slice(el);
                    Operand::value(s, Some(e))
                }
                _ => Operand::invalid(Some(e)),
            },
            Builtin::Complex => {
                let rt = match self.prog.types.basic_kind(first) {
                    Some(BasicKind::Float32) => BasicKind::Complex64,
                    _ => BasicKind::Complex128,
                };
                Operand::value(TypeTable::basic(rt), Some(e))
            }
            _ => Operand::invalid(Some(e)),
        }
    }

    /// `min(x, y, ...)` / `max(...)`: ordered operands of one type; constant if all are.
    fn min_max(&mut self, e: ExprId, b: Builtin, args: &[ExprId]) -> Operand {
        let mut ops: Vec<Operand> = args.iter().map(|&a| self.expr(a)).collect();
        if ops.iter().any(|x| x.mode == OpMode::Invalid) {
            return Operand::invalid(Some(e));
        }
        // Find a typed operand to convert the untyped ones to.
        let typed = ops.iter().find(|x| !self.prog.types.is_untyped(x.ty)).map(|x| x.ty);
        match typed {
            Some(t) => {
                for x in ops.iter_mut() {
                    if self.prog.types.is_untyped(x.ty) {
                        self.convert_untyped(x, t);
                    }
                }
            }
            None => {
                let maxk = ops.iter().filter_map(|x| self.prog.types.basic_kind(x.ty)).max().unwrap_or(BasicKind::UntypedInt);
                let t = TypeTable::basic(maxk);
                for x in ops.iter_mut() {
                    self.convert_untyped(x, t);
                }
            }
        }
        if ops.iter().any(|x| x.mode == OpMode::Invalid) {
            return Operand::invalid(Some(e));
        }
        let t = ops[0].ty;
        for x in &ops {
            if !self.identical(x.ty, t) {
                self.error(self.file.expr(e).pos, format!("invalid argument: mismatched types {} (previous argument) and {} (type of {})", self.ts(t), self.ts(x.ty), x.expr.map(|x| self.expr_string(x)).unwrap_or_default()));
                return Operand::invalid(Some(e));
            }
            if !self.all_basic(x.ty, BasicKind::is_ordered) {
                let d = self.describe(x);
                self.error(x.expr.map(|x| self.start(x)).unwrap_or_default(), format!("invalid argument: {d} cannot be ordered"));
                return Operand::invalid(Some(e));
            }
        }
        if ops.iter().all(|x| x.mode == OpMode::Constant) {
            let mut best = ops[0].val.clone();
            for x in &ops[1..] {
                let better = if b == Builtin::Min { constant::compare(&x.val, constant::CmpOp::Lt, &best) } else { constant::compare(&x.val, constant::CmpOp::Gt, &best) };
                if better == Some(true) {
                    best = x.val.clone();
                }
            }
            return Operand { mode: OpMode::Constant, ty: t, val: best, expr: Some(e), id: None };
        }
        Operand::value(t, Some(e))
    }

    /// `unsafe.Offsetof(x.f)`.
    fn offsetof(&mut self, e: ExprId, arg: ExprId) -> Operand {
        let inner = super::expr::unparen(&self.file, arg);
        let ExprKind::Selector { x, sel } = self.file.expr(inner).kind.clone() else {
            let s = self.expr_string(arg);
            self.error(self.start(arg), format!("invalid argument: {s} is not a selector expression"));
            self.expr(arg);
            return Operand::invalid(Some(e));
        };
        let base = self.expr(x);
        if base.mode == OpMode::Invalid {
            return Operand::invalid(Some(e));
        }
        let name = self.file.name(sel).to_string();
        let uptr = TypeTable::basic(BasicKind::Uintptr);
        let base_t = match self.prog.types.get(base.ty).clone() {
            Type::Pointer(p) => p,
            _ => base.ty,
        };
        match self.lookup(base_t, &name, Some(self.pkg)) {
            Ok(super::lookup::Found { kind: super::lookup::FoundKind::Field(ft), index, indirect }) => {
                self.record(inner, super::info::Mode::Variable, ft, None);
                self.record(arg, super::info::Mode::Variable, ft, None);
                // The compiler computes offsets that depend on type parameters per instance.
                let sel = super::info::Selection { kind: super::info::SelectionKind::Field, recv: base.ty, obj: None, index: index.clone(), indirect, ty: ft };
                self.info.file_mut(self.fid).selections.insert(inner, sel);
                if indirect && index.len() > 1 {
                    let s = self.expr_string(arg);
                    self.error(self.start(arg), format!("invalid argument: field {name} is embedded via a pointer in {s}"));
                    return Operand::invalid(Some(e));
                }
                // Sum offsets along the path.
                let mut t = base.ty;
                if let Type::Pointer(p) = self.prog.types.get(t).clone() {
                    t = p;
                }
                let mut total: i64 = 0;
                let mut variable = false;
                for &i in &index {
                    let offs = super::sizes::offsets_of(self.prog, t);
                    match offs.get(i).copied().flatten() {
                        Some(o) => total += o,
                        None => variable = true,
                    }
                    let Type::Struct(fields) = self.prog.types.under(t).clone() else { break };
                    t = fields.get(i).map(|f| f.ty).unwrap_or(t);
                    if let Type::Pointer(p) = self.prog.types.get(t).clone() {
                        t = p;
                    }
                }
                if variable || self.has_type_params(base.ty) {
                    // An offset that depends on type parameters is not constant.
                    return Operand::value(uptr, Some(e));
                }
                Operand { mode: OpMode::Constant, ty: uptr, val: Value::int(total), expr: Some(e), id: None }
            }
            _ => {
                let s = self.expr_string(arg);
                self.error(self.start(arg), format!("invalid argument: {s} is a method value"));
                Operand::invalid(Some(e))
            }
        }
    }

    /// A size argument of `make`: a non-negative integer (constant values returned).
    fn size_arg(&mut self, a: ExprId, what: &str) -> Option<i64> {
        let mut x = self.expr(a);
        if x.mode == OpMode::Invalid {
            return None;
        }
        if x.mode == OpMode::Constant && self.prog.types.is_untyped(x.ty) {
            let Some(v) = x.val.to_int() else {
                let d = self.describe(&x);
                self.error(self.start(a), format!("{d} truncated to int"));
                return None;
            };
            if v.sign() < 0 {
                let s = self.expr_string(a);
                self.error(self.start(a), format!("invalid argument: index {s} (constant of type int) must not be negative"));
                return None;
            }
            x.val = v;
            let int = TypeTable::basic(BasicKind::Int);
            self.convert_untyped(&mut x, int);
            return x.val.to_i64();
        }
        if !self.all_basic(x.ty, BasicKind::is_integer) && !(self.prog.types.is_untyped(x.ty)) {
            let d = self.describe(&x);
            self.error(self.start(a), format!("cannot convert {d} to type int (in {what})"));
            return None;
        }
        if self.prog.types.is_untyped(x.ty) {
            let int = TypeTable::basic(BasicKind::Int);
            self.convert_untyped(&mut x, int);
        }
        if x.mode == OpMode::Constant {
            if x.val.sign() < 0 {
                let s = self.expr_string(a);
                self.error(self.start(a), format!("invalid argument: index {s} (constant of type {}) must not be negative", self.ts(x.ty)));
                return None;
            }
            if x.val.to_i64().is_none() {
                let s = self.expr_string(a);
                self.error(self.start(a), format!("invalid argument: {what} size argument {s} too large (overflows int)"));
                return None;
            }
            return x.val.to_i64();
        }
        None
    }

    fn size_arg_any(&mut self, a: ExprId) {
        let mut x = self.expr(a);
        if x.mode == OpMode::Invalid {
            return;
        }
        if self.prog.types.is_untyped(x.ty) {
            let int = TypeTable::basic(BasicKind::Int);
            self.convert_untyped(&mut x, int);
        } else if !self.all_basic(x.ty, BasicKind::is_integer) {
            let d = self.describe(&x);
            self.error(self.start(a), format!("cannot use {d} as int value in argument"));
        }
    }

    /// Whether expression `e` contains a (non-constant) call or a receive: then `len` of
    /// an array is not constant (see [`super::info::has_call_or_recv`]).
    fn has_call_or_recv(&self, e: ExprId) -> bool {
        super::info::has_call_or_recv(&self.file, self.info.file(self.fid), e)
    }

    /// Whether a predicate holds for `t`'s underlying type, or for every type in a type
    /// parameter's type set.
    fn all_under(&mut self, t: TypeId, f: &mut dyn FnMut(&mut Self, TypeId) -> bool) -> bool {
        if self.prog.types.is_type_param(t) {
            let ts = self.typeset_of_tparam(t);
            return match ts.terms.clone() {
                Some(terms) if !terms.is_empty() => terms.iter().all(|term| f(self, term.ty)),
                _ => false,
            };
        }
        f(self, t)
    }

    /// The key type shared by every map type in a type parameter's set.
    fn common_map_key(&mut self, t: TypeId) -> Option<TypeId> {
        if !self.prog.types.is_type_param(t) {
            return None;
        }
        let terms = self.typeset_of_tparam(t).terms.clone()?;
        let mut key = None;
        for term in terms {
            let Type::Map(k, _) = self.prog.types.under(term.ty).clone() else { return None };
            match key {
                None => key = Some(k),
                Some(prev) if self.identical(prev, k) => {}
                Some(_) => return None,
            }
        }
        key
    }

    /// Whether `t` mentions a type parameter (its size is then not a constant).
    pub(super) fn has_type_params(&mut self, t: TypeId) -> bool {
        self.has_tparams_depth(t, 0)
    }

    fn has_tparams_depth(&mut self, t: TypeId, depth: u32) -> bool {
        if depth > 32 {
            return false;
        }
        match self.prog.types.get(t).clone() {
            Type::TypeParam(_) => true,
            Type::Named(_) => self.prog.types.named(t).map(|n| n.targs.clone()).unwrap_or_default().iter().any(|&a| self.has_tparams_depth(a, depth + 1)),
            Type::Array(_, e) | Type::Pointer(e) | Type::Slice(e) | Type::Chan(_, e) => self.has_tparams_depth(e, depth + 1),
            Type::Map(k, v) => self.has_tparams_depth(k, depth + 1) || self.has_tparams_depth(v, depth + 1),
            Type::Struct(fs) => fs.iter().any(|f| self.has_tparams_depth(f.ty, depth + 1)),
            Type::Signature(s) => s.params.iter().chain(s.results.iter()).any(|&p| self.has_tparams_depth(p, depth + 1)),
            Type::Interface(i) => i.methods.iter().any(|m| self.has_tparams_depth(m.sig, depth + 1)) || i.embeddeds.iter().any(|&x| self.has_tparams_depth(x, depth + 1)),
            Type::Tuple(v) => v.iter().any(|&p| self.has_tparams_depth(p, depth + 1)),
            _ => false,
        }
    }
}

/// Minimum argument count and whether more are allowed.
fn arity(b: Builtin) -> (usize, bool) {
    use Builtin::*;
    match b {
        Append => (1, true),
        Cap | Clear | Close | Imag | Len | Panic | Real | Alignof | Offsetof | Sizeof | SliceData | StringData => (1, false),
        Complex | Copy | Delete | Add | Slice | String => (2, false),
        Make => (1, true),
        Max | Min => (1, true),
        New => (1, false),
        Print | Println => (0, true),
        Recover => (0, false),
    }
}

fn max_args(b: Builtin) -> usize {
    arity(b).0
}
