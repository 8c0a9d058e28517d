//! Composite literals (structs, arrays, slices, maps, with elided element types) and
//! function literals (closures: their bodies are checked in place, seeing the
//! enclosing scope).

use std::collections::HashSet;

use super::check::{Checker, Env, PendingBody};
use super::constant::Value;
use super::object::ScopeKind;
use super::operand::{OpMode, Operand};
use super::ty::{Type, TypeId};
use crate::syntax::ast::{Block, ExprId, ExprKind};

impl Checker<'_> {
    /// `T{...}`, or `{...}` with the type given by the enclosing literal (`hint`).
    pub(super) fn composite_lit(&mut self, e: ExprId, hint: Option<TypeId>) -> Operand {
        let file = self.file.clone();
        let ExprKind::CompositeLit { typ, elems, .. } = &file.expr(e).kind else { return Operand::invalid(Some(e)) };
        let pos = file.expr(e).pos;
        // An elided `&T{...}` element: the literal's value is a pointer.
        let mut elided_ptr: Option<TypeId> = None;
        let t = match typ {
            Some(te) => {
                // [...]T: length from the elements.
                if let ExprKind::ArrayType { len: None, elem } = &file.expr(*te).kind {
                    let el = self.typexpr(*elem);
                    let n = self.indexed_elems(elems, el, None);
                    let at = if el == self.invalid() { self.invalid() } else { self.prog.types.intern(Type::Array(n, el)) };
                    self.record(*te, super::info::Mode::TypeExpr, at, None);
                    return if at == self.invalid() { Operand::invalid(Some(e)) } else { Operand::value(at, Some(e)) };
                }
                self.typexpr(*te)
            }
            None => match hint {
                Some(h) => {
                    // An elided &T{...} inside a literal of pointers: the hint is *T.
                    let hc = self.core_type(h).unwrap_or(h);
                    match self.prog.types.get(hc).clone() {
                        Type::Pointer(b) => {
                            elided_ptr = Some(h);
                            b
                        }
                        _ => h,
                    }
                }
                None => {
                    self.error(pos, "invalid composite literal type: missing type");
                    for &el in elems {
                        self.expr_elem(el);
                    }
                    return Operand::invalid(Some(e));
                }
            },
        };
        if t == self.invalid() || self.prog.types.underlying(t) == self.invalid() {
            for &el in elems {
                self.expr_elem(el);
            }
            return Operand::invalid(Some(e));
        }
        let core = self.core_type(t);
        match core.map(|c| self.prog.types.get(c).clone()) {
            Some(Type::Struct(fields)) => {
                if elems.is_empty() {
                    return Operand::value(elided_ptr.unwrap_or(t), Some(e));
                }
                let keyed = matches!(file.expr(elems[0]).kind, ExprKind::KeyValue { .. });
                if keyed {
                    let mut seen = HashSet::new();
                    for &el in elems {
                        let ExprKind::KeyValue { key, value } = &file.expr(el).kind else {
                            self.error(self.start(el), "mixture of field:value and value elements in struct literal");
                            self.expr(el);
                            continue;
                        };
                        let ExprKind::Name(kn) = &file.expr(*key).kind else {
                            let s = self.expr_string(*key);
                            self.error(self.start(*key), format!("invalid field name {s} in struct literal"));
                            self.expr(*value);
                            continue;
                        };
                        let kname = file.name(*kn);
                        if kname == "_" {
                            self.error(kn.pos, "invalid field name _ in struct literal");
                            self.expr(*value);
                            continue;
                        }
                        let idx = fields.iter().position(|f| &*f.name == kname && (super::object::is_exported(kname) || f.pkg.is_none() || f.pkg == Some(self.pkg)));
                        let Some(i) = idx else {
                            let ts = self.ts(t);
                            self.error(kn.pos, format!("unknown field {kname} in struct literal of type {ts}"));
                            self.expr(*value);
                            continue;
                        };
                        if !seen.insert(i) {
                            self.error(kn.pos, format!("duplicate field name {kname} in struct literal"));
                        }
                        let ft = fields[i].ty;
                        self.record(*key, super::info::Mode::Value, ft, None);
                        let mut x = self.expr_hint(*value, Some(ft));
                        self.assignment(&mut x, Some(ft), "struct literal");
                    }
                } else {
                    for (i, &el) in elems.iter().enumerate() {
                        if matches!(file.expr(el).kind, ExprKind::KeyValue { .. }) {
                            self.error(self.start(el), "mixture of field:value and value elements in struct literal");
                            continue;
                        }
                        let Some(f) = fields.get(i) else {
                            let ts = self.ts(t);
                            self.error(self.start(el), format!("too many values in struct literal of type {ts}"));
                            self.expr(el);
                            break;
                        };
                        if f.pkg.is_some() && f.pkg != Some(self.pkg) {
                            let ts = self.ts(t);
                            self.error(self.start(el), format!("implicit assignment to unexported field {} in struct literal of type {ts}", f.name));
                        }
                        let ft = f.ty;
                        let mut x = self.expr_hint(el, Some(ft));
                        self.assignment(&mut x, Some(ft), "struct literal");
                    }
                    if elems.len() < fields.len() && !elems.is_empty() {
                        let ts = self.ts(t);
                        let rb = match &file.expr(e).kind {
                            ExprKind::CompositeLit { rbrace, .. } => *rbrace,
                            _ => pos,
                        };
                        self.error(rb, format!("too few values in struct literal of type {ts}"));
                    }
                }
            }
            Some(Type::Array(n, el)) => {
                self.indexed_elems(elems, el, Some(n));
            }
            Some(Type::Slice(el)) => {
                self.indexed_elems(elems, el, None);
            }
            Some(Type::Map(kt, vt)) => {
                let mut seen_keys: std::collections::HashMap<String, crate::syntax::Pos> = std::collections::HashMap::new();
                for &el in elems {
                    let ExprKind::KeyValue { key, value } = &file.expr(el).kind else {
                        self.error(self.start(el), "missing key in map literal");
                        self.expr(el);
                        continue;
                    };
                    let mut k = self.expr_hint(*key, Some(kt));
                    self.assignment(&mut k, Some(kt), "map literal");
                    // Constant keys must be distinct.
                    if k.mode == OpMode::Constant && !self.prog.types.is_interface(kt) {
                        let ks = k.val.to_string();
                        let kp = self.start(*key);
                        if let Some(prev) = seen_keys.get(&ks) {
                            let at = self.prog.position(super::object::SrcPos { file: self.fid, pos: *prev });
                            let s = self.expr_string(*key);
                            self.error(kp, format!("duplicate key {s} in map literal\n\t{at}: previous key"));
                        } else {
                            seen_keys.insert(ks, kp);
                        }
                    }
                    let mut v = self.expr_hint(*value, Some(vt));
                    self.assignment(&mut v, Some(vt), "map literal");
                }
            }
            _ => {
                let ts = self.ts(t);
                self.error(pos, format!("invalid composite literal type {ts}"));
                for &el in elems {
                    self.expr_elem(el);
                }
                return Operand::invalid(Some(e));
            }
        }
        Operand::value(elided_ptr.unwrap_or(t), Some(e))
    }

    /// Evaluates a literal element for side effects after an error.
    fn expr_elem(&mut self, el: ExprId) {
        match self.file.expr(el).kind.clone() {
            ExprKind::KeyValue { value, .. } => {
                self.raw_expr(value, None, true);
            }
            _ => {
                self.raw_expr(el, None, true);
            }
        }
    }

    /// Elements of an array or slice literal; returns the length they imply.
    fn indexed_elems(&mut self, elems: &[ExprId], el: TypeId, length: Option<u64>) -> u64 {
        let file = self.file.clone();
        let mut index: u64 = 0;
        let mut max: u64 = 0;
        let mut seen = HashSet::new();
        for &x in elems {
            let value = match &file.expr(x).kind {
                ExprKind::KeyValue { key, value } => {
                    match self.index_value(*key, length) {
                        Some(v) => index = v as u64,
                        None => {
                            let fid = self.fid;
                            let is_const = self.info.file(fid).and_then(|fi| fi.type_of(*key)).is_some_and(|tv| tv.value.is_some());
                            let recorded = self.info.file(fid).and_then(|fi| fi.type_of(*key)).is_some_and(|tv| tv.ty != self.invalid());
                            if !is_const && recorded {
                                let s = self.expr_string(*key);
                                self.error(self.start(*key), format!("index {s} must be integer constant"));
                            }
                        }
                    }
                    *value
                }
                _ => {
                    if let Some(n) = length
                        && index >= n
                    {
                        self.error(self.start(x), format!("array index {index} out of bounds [0:{n}]"));
                    }
                    x
                }
            };
            if !seen.insert(index) {
                self.error(self.start(x), format!("duplicate index {index} in array or slice literal"));
            }
            let mut v = self.expr_hint(value, Some(el));
            if el != self.invalid() {
                self.assignment(&mut v, Some(el), "array or slice literal");
            }
            index += 1;
            max = max.max(index);
        }
        max
    }

    /// A function literal: its signature, and its body checked now (closures see the
    /// enclosing function's variables).
    pub(super) fn func_lit(&mut self, e: ExprId, typ: ExprId, body: &Block) -> Operand {
        let fscope = self.prog.new_scope(Some(self.scope()), ScopeKind::Func);
        let saved_scope = self.env.scope;
        self.env.scope = Some(fscope);
        let (sig, _, results) = self.func_type(typ, true);
        self.env.scope = saved_scope;
        let saved_env: Env = self.env.clone();
        let pb = PendingBody { file: self.fid, func: super::object::ObjId(u32::MAX), sig, scope: fscope, body: body.clone(), decl_obj: self.env.decl_obj };
        self.closure_body(&pb, results.clone());
        self.env = saved_env;
        Operand { mode: OpMode::Value, ty: sig, val: Value::Unknown, expr: Some(e), id: None }
    }
}
