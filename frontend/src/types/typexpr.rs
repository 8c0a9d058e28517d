//! Type expressions: from AST to [`TypeId`] (struct, interface and function types,
//! qualified and generic type names, array lengths).

use std::collections::HashSet;
use std::sync::Arc;

use super::check::Checker;
use super::info::Mode;
use super::object::{ObjId, ObjKind, SrcPos};
use super::operand::OpMode;
use super::ty::{ChanDir, Field, Interface, Method, Term, Type, TypeId};
use crate::syntax::ast::{self, BinOp, ExprId, ExprKind, UnOp};

impl Checker<'_> {
    /// Evaluates `e` as a type; reports and returns Invalid if it is not one.
    pub(super) fn typexpr(&mut self, e: ExprId) -> TypeId {
        let t = self.typexpr_inner(e, false);
        self.record(e, Mode::TypeExpr, t, None);
        t
    }

    /// Like [`Self::typexpr`] but a generic type may be left uninstantiated (for the
    /// function part of an index expression).
    pub(super) fn generic_type(&mut self, e: ExprId) -> TypeId {
        let t = self.typexpr_inner(e, true);
        self.record(e, Mode::TypeExpr, t, None);
        t
    }

    fn typexpr_inner(&mut self, e: ExprId, allow_generic: bool) -> TypeId {
        let file = self.file.clone();
        let ex = file.expr(e);
        match &ex.kind {
            ExprKind::Bad => self.invalid(),
            ExprKind::Name(_) | ExprKind::Selector { .. } => {
                let x = self.expr_or_type(e, true);
                match x.mode {
                    OpMode::TypeExpr => {
                        if !allow_generic && self.is_generic_type(x.ty) {
                            let s = self.expr_string(e);
                            self.error(self.start(e), format!("cannot use generic type {s} without instantiation"));
                            return self.invalid();
                        }
                        x.ty
                    }
                    OpMode::Invalid => self.invalid(),
                    _ => {
                        let s = self.expr_string(e);
                        self.error(self.start(e), format!("{s} is not a type"));
                        self.invalid()
                    }
                }
            }
            ExprKind::Paren(x) => self.typexpr_inner(*x, allow_generic),
            ExprKind::Index { x, indices } => {
                let base = self.generic_type(*x);
                if base == self.invalid() {
                    return base;
                }
                self.instantiate_type_expr(e, base, indices)
            }
            ExprKind::Star(x) => {
                let t = self.typexpr(*x);
                if t == self.invalid() {
                    return t;
                }
                self.prog.types.pointer(t)
            }
            ExprKind::ArrayType { len, elem } => {
                let Some(len) = len else {
                    self.error(ex.pos, "invalid use of [...] array (outside a composite literal)");
                    self.typexpr(*elem);
                    return self.invalid();
                };
                let n = self.array_length(*len);
                let el = self.typexpr(*elem);
                match n {
                    Some(n) if el != self.invalid() => self.prog.types.intern(Type::Array(n, el)),
                    _ => self.invalid(),
                }
            }
            ExprKind::SliceType(elem) => {
                let el = self.typexpr(*elem);
                if el == self.invalid() {
                    return el;
                }
                self.prog.types.slice(el)
            }
            ExprKind::MapType { key, value } => {
                let k = self.typexpr(*key);
                let v = self.typexpr(*value);
                if k == self.invalid() || v == self.invalid() {
                    return self.invalid();
                }
                self.delayed_map_key_check(k, *key);
                self.prog.types.intern(Type::Map(k, v))
            }
            ExprKind::ChanType { dir, elem } => {
                let el = self.typexpr(*elem);
                if el == self.invalid() {
                    return el;
                }
                if super::sizes::size_of(self.prog, el).is_some_and(|s| s >= 1 << 16) {
                    self.error(self.start(*elem), "channel element type too large (>64kB)");
                }
                let d = match dir {
                    ast::ChanDir::Both => ChanDir::Both,
                    ast::ChanDir::Send => ChanDir::Send,
                    ast::ChanDir::Recv => ChanDir::Recv,
                };
                self.prog.types.intern(Type::Chan(d, el))
            }
            ExprKind::FuncType { .. } => {
                let (sig, _, _) = self.func_type(e, false);
                sig
            }
            ExprKind::StructType(fields) => self.struct_type(fields),
            ExprKind::InterfaceType(elems) => self.interface_type(elems),
            ExprKind::DotsType(_) => {
                self.error(ex.pos, "invalid use of ...");
                self.invalid()
            }
            ExprKind::Unary { op: UnOp::Tilde, .. } | ExprKind::Binary { op: BinOp::Or, .. } => {
                let s = self.expr_string(e);
                self.error(self.start(e), format!("cannot use {s} as value or type outside a type constraint"));
                self.invalid()
            }
            _ => {
                let x = self.expr_or_type(e, true);
                if x.mode == OpMode::TypeExpr {
                    return x.ty;
                }
                if x.mode != OpMode::Invalid {
                    let s = self.expr_string(e);
                    self.error(self.start(e), format!("{s} is not a type"));
                }
                self.invalid()
            }
        }
    }

    /// A generic defined type, or a generic alias, not yet instantiated.
    pub(super) fn is_generic_type(&self, t: TypeId) -> bool {
        self.prog.types.named(t).is_some_and(|n| !n.tparams.is_empty() && n.targs.is_empty())
    }

    /// Checks an array length: a non-negative constant integer representable as `int`.
    fn array_length(&mut self, e: ExprId) -> Option<u64> {
        let x = self.expr(e);
        if x.mode == OpMode::Invalid {
            return None;
        }
        if x.mode != OpMode::Constant {
            let s = self.expr_string(e);
            if x.mode == OpMode::TypeExpr {
                self.error(self.start(e), format!("invalid array length {s}"));
            } else {
                self.error(self.start(e), format!("array length {s} (value of type {}) must be constant", self.ts(x.ty)));
            }
            return None;
        }
        let is_int = self.prog.types.basic_kind(x.ty).is_some_and(|k| k.is_integer() || k.is_untyped() && k.is_numeric());
        if is_int && let Some(v) = x.val.to_int() {
            if let Some(n) = v.to_i64()
                && n >= 0
            {
                return Some(n as u64);
            }
            let s = self.expr_string(e);
            self.error(self.start(e), format!("invalid array length {s} (untyped int constant {})", x.val));
            return None;
        }
        let s = self.expr_string(e);
        self.error(self.start(e), format!("array length {s} (value of type {}) must be integer", self.ts(x.ty)));
        None
    }

    /// Map keys must be comparable; checked once the key type is complete.
    fn delayed_map_key_check(&mut self, k: TypeId, e: ExprId) {
        if self.prog.types.underlying(k) == self.invalid() || self.prog.types.is_type_param(k) {
            // Still being declared (e.g. a recursive type): checked at the end.
            self.delayed_keys.push((self.fid, k, e));
            return;
        }
        if !self.comparable(k, false) {
            let s = self.ts(k);
            self.error(self.start(e), format!("invalid map key type {s}"));
        }
    }

    /// Checks map key types whose comparability could not be decided at their use.
    pub(super) fn check_delayed_keys(&mut self) {
        let keys = std::mem::take(&mut self.delayed_keys);
        for (fid, k, e) in keys {
            let prev = self.set_file(fid);
            if (self.prog.types.underlying(k) != self.invalid() || self.prog.types.is_type_param(k)) && !self.comparable(k, false) {
                let s = self.ts(k);
                self.error(self.start(e), format!("invalid map key type {s}"));
            }
            self.restore_file(prev);
        }
    }

    /// A function type. With `declare`, parameters and results are declared as variables
    /// in the current scope (a function declaration or literal); returns the signature
    /// and the parameter and result objects.
    pub(super) fn func_type(&mut self, e: ExprId, declare: bool) -> (TypeId, Vec<ObjId>, Vec<ObjId>) {
        let file = self.file.clone();
        let ExprKind::FuncType { params, results } = &file.expr(e).kind else {
            return (self.invalid(), vec![], vec![]);
        };
        let mut variadic = false;
        let mut ptypes = Vec::new();
        let mut pobjs = Vec::new();
        let n = params.len();
        // All types first: parameter names are in scope only in the body, so a
        // parameter named like a package does not hide it from later parameter types.
        for (i, f) in params.iter().enumerate() {
            let (te, dots) = match &file.expr(f.typ).kind {
                ExprKind::DotsType(inner) => (*inner, true),
                _ => (f.typ, false),
            };
            let mut t = self.typexpr(te);
            if dots {
                if i + 1 != n {
                    self.error(file.expr(f.typ).pos, "can only use ... with final parameter in list");
                } else {
                    variadic = true;
                }
                if t != self.invalid() {
                    t = self.prog.types.slice(t);
                }
                self.record(f.typ, Mode::TypeExpr, t, None);
            }
            ptypes.push(t);
        }
        // Parameter and result names must be unique (also in function types).
        let mut names = HashSet::new();
        for f in params.iter().chain(results.iter()) {
            if let Some(n) = f.name {
                let s = file.name(n);
                if s != "_" && !names.insert(s) && !declare {
                    self.error(n.pos, format!("{s} redeclared in this block"));
                }
            }
        }
        let mut rtypes = Vec::new();
        let mut robjs = Vec::new();
        for f in results {
            let t = self.typexpr(f.typ);
            rtypes.push(t);
        }
        if declare {
            for (f, &t) in params.iter().zip(ptypes.iter()) {
                pobjs.push(self.declare_param(f, t));
            }
            for (f, &t) in results.iter().zip(rtypes.iter()) {
                robjs.push(self.declare_param(f, t));
            }
        }
        let sig = self.prog.types.signature(ptypes, rtypes, variadic);
        self.record(e, Mode::TypeExpr, sig, None);
        (sig, pobjs, robjs)
    }

    fn declare_param(&mut self, f: &ast::Field, t: TypeId) -> ObjId {
        let name = f.name.map(|n| self.name_str(n).to_string()).unwrap_or_default();
        let pos = f.name.map(|n| n.pos).unwrap_or(f.pos);
        let o = self.prog.new_object(&name, ObjKind::Var { field: false, embedded: false, global: false, used: true }, t, Some(self.pkg), Some(SrcPos { file: self.fid, pos }));
        if let Some(n) = f.name {
            self.record_def(n.pos, o);
            if !name.is_empty() && name != "_" {
                let s = self.scope();
                if let Err(prev) = self.prog.insert(s, o) {
                    self.redeclared(n.pos, &name, prev);
                }
            }
        }
        o
    }

    fn struct_type(&mut self, fields: &[ast::Field]) -> TypeId {
        let file = self.file.clone();
        let mut out = Vec::new();
        let mut seen: HashSet<Arc<str>> = HashSet::new();
        for f in fields {
            let t = self.typexpr(f.typ);
            let tag: Arc<str> = match f.tag {
                Some(tg) => super::constant::from_literal(file.lit_text(tg), super::constant::LitKind::String)
                    .ok()
                    .and_then(|v| v.as_bytes().map(|b| Arc::from(String::from_utf8_lossy(b))))
                    .unwrap_or_else(|| Arc::from("")),
                None => Arc::from(""),
            };
            let (name, embedded, pos) = match f.name {
                Some(n) => (Arc::from(file.name(n)), false, n.pos),
                None => {
                    let Some(n) = self.embedded_field_name(f.typ) else {
                        self.error(file.start_pos(f.typ), "invalid embedded field type");
                        continue;
                    };
                    self.check_embedded_type(t, f.typ);
                    (n, true, f.pos)
                }
            };
            if &*name != "_" && !seen.insert(name.clone()) {
                self.error(pos, format!("{name} redeclared"));
                continue;
            }
            let pkg = if super::object::is_exported(&name) { None } else { Some(self.pkg) };
            let o = self.prog.new_object(&name, ObjKind::Var { field: true, embedded, global: false, used: true }, t, Some(self.pkg), Some(SrcPos { file: self.fid, pos }));
            if let Some(n) = f.name {
                self.record_def(n.pos, o);
            }
            out.push(Field { name, pkg, ty: t, embedded, tag });
        }
        self.prog.types.intern(Type::Struct(out))
    }

    /// The implicit name of an embedded field: the type name without package or pointer.
    fn embedded_field_name(&self, mut e: ExprId) -> Option<Arc<str>> {
        for _ in 0..8 {
            match &self.file.expr(e).kind {
                ExprKind::Name(n) => return Some(Arc::from(self.file.name(*n))),
                ExprKind::Selector { sel, .. } => return Some(Arc::from(self.file.name(*sel))),
                ExprKind::Star(x) | ExprKind::Paren(x) => e = *x,
                ExprKind::Index { x, .. } => e = *x,
                _ => return None,
            }
        }
        None
    }

    /// An embedded field must be a type name T or a pointer *T to a non-pointer,
    /// non-interface type name.
    fn check_embedded_type(&mut self, t: TypeId, e: ExprId) {
        if t == self.invalid() {
            return;
        }
        let (base, is_ptr) = match self.prog.types.get(t) {
            Type::Pointer(b) => (*b, true),
            _ => (t, false),
        };
        if self.prog.types.is_type_param(base) {
            self.error(self.start(e), "embedded field type cannot be a (pointer to a) type parameter");
            return;
        }
        if !is_ptr && matches!(self.prog.types.under(base), Type::Pointer(_)) {
            self.error(self.start(e), "embedded field type cannot be a pointer");
            return;
        }
        if is_ptr {
            match self.prog.types.under(base) {
                Type::Pointer(_) => self.error(self.start(e), "embedded field type cannot be a pointer"),
                Type::Interface(_) => self.error(self.start(e), "embedded field type cannot be a pointer to an interface"),
                _ => {}
            }
        }
    }

    fn interface_type(&mut self, elems: &[ast::Field]) -> TypeId {
        let file = self.file.clone();
        let mut methods: Vec<Method> = Vec::new();
        let mut embeddeds = Vec::new();
        let mut seen: HashSet<Arc<str>> = HashSet::new();
        for f in elems {
            match f.name {
                Some(n) => {
                    let name: Arc<str> = Arc::from(file.name(n));
                    let (sig, _, _) = self.func_type(f.typ, false);
                    if &*name == "_" {
                        self.error(n.pos, "methods must have a unique non-blank name");
                        continue;
                    }
                    if !seen.insert(name.clone()) {
                        self.error(n.pos, format!("duplicate method {name}"));
                        continue;
                    }
                    let pkg = if super::object::is_exported(&name) { None } else { Some(self.pkg) };
                    let o = self.prog.new_object(&name, ObjKind::Func(super::object::FuncInfo { abstract_method: true, ..Default::default() }), sig, Some(self.pkg), Some(SrcPos { file: self.fid, pos: n.pos }));
                    self.record_def(n.pos, o);
                    methods.push(Method { name, pkg, sig });
                }
                None => {
                    let t = match &file.expr(f.typ).kind {
                        ExprKind::Binary { op: BinOp::Or, .. } | ExprKind::Unary { op: UnOp::Tilde, .. } => self.union_type(f.typ),
                        _ => self.typexpr(f.typ),
                    };
                    if t != self.invalid() {
                        embeddeds.push(t);
                    }
                }
            }
        }
        methods.sort_by(|a, b| a.name.cmp(&b.name).then(a.pkg.cmp(&b.pkg)));
        self.prog.types.intern(Type::Interface(Interface { methods, embeddeds, implicit: false }))
    }

    /// A union `A | ~B | ...` (or a single `~T`) in a constraint.
    pub(super) fn union_type(&mut self, e: ExprId) -> TypeId {
        let mut terms_e = Vec::new();
        let mut stack = vec![e];
        // Unions are left-nested binary trees; flatten in source order.
        let mut guard = 0;
        while let Some(x) = stack.pop() {
            guard += 1;
            if guard > 10_000 {
                break;
            }
            match &self.file.expr(x).kind {
                ExprKind::Binary { op: BinOp::Or, x: l, y: r } => {
                    stack.push(*r);
                    stack.push(*l);
                }
                ExprKind::Paren(inner) if matches!(self.file.expr(*inner).kind, ExprKind::Binary { op: BinOp::Or, .. }) => stack.push(*inner),
                _ => terms_e.push(x),
            }
        }
        let mut terms = Vec::new();
        for te in terms_e {
            let (inner, tilde) = match &self.file.expr(te).kind {
                ExprKind::Unary { op: UnOp::Tilde, x } => (*x, true),
                _ => (te, false),
            };
            let t = self.typexpr(inner);
            if t == self.invalid() {
                continue;
            }
            if tilde && self.prog.types.underlying(t) != t {
                let s = self.ts(t);
                self.error(self.start(te), format!("invalid use of ~ ({s} is not the underlying type of {s})").replace(&format!("({s} is not the underlying type of {s})"), &format!("(underlying type of {s} is {})", self.ts(self.prog.types.underlying(t)))));
                continue;
            }
            if self.prog.types.is_type_param(t) && terms.len() + 1 > 1 {
                // A type parameter may not be a union term with others.
            }
            terms.push(Term { tilde, ty: t });
        }
        if terms.is_empty() {
            return self.invalid();
        }
        if terms.len() == 1 && !terms[0].tilde {
            return terms[0].ty;
        }
        self.prog.types.intern(Type::Union(terms))
    }
}
