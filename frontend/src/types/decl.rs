//! Declarations: package-level objects checked on demand (with cycle detection), and
//! local constant, variable and type declarations.

use super::check::{Checker, Color, DeclInfo, DeclKindInfo, PendingBody};
use super::constant::Value;
use super::info::Initializer;
use super::object::{FuncInfo, ObjId, ObjKind, ScopeKind, SrcPos};
use super::operand::{OpMode, Operand};
use super::ty::{Type, TypeId};
use crate::syntax::ast::{DeclId, DeclKind, ExprId, ExprKind, Field, Name};

impl Checker<'_> {
    /// Makes sure the package-level object `obj` is checked (its type known).
    pub(super) fn obj_decl(&mut self, obj: ObjId) {
        match self.colors.get(&obj) {
            Some(Color::Black) => return,
            Some(Color::Grey) => {
                self.cycle_error(obj);
                return;
            }
            None => {}
        }
        let Some(d) = self.objmap.get(&obj).cloned() else { return };
        self.colors.insert(obj, Color::Grey);
        let saved_env = std::mem::take(&mut self.env);
        let prev_file = self.set_file(d.file);
        self.env.scope = Some(d.scope);
        self.env.decl_obj = Some(obj);
        match d.kind.clone() {
            DeclKindInfo::Const { typ, init, iota, inherited } => self.const_decl(obj, typ, init, iota, inherited),
            DeclKindInfo::Var { lhs, typ, values } => self.var_decl(obj, &lhs, typ, &values, &d),
            DeclKindInfo::Type { decl } => self.type_decl(obj, decl),
            DeclKindInfo::Func { decl } => self.func_decl(obj, decl, d.scope),
        }
        self.restore_file(prev_file);
        self.env = saved_env;
        self.colors.insert(obj, Color::Black);
    }

    /// Reports a reference to an object whose declaration is still being checked.
    fn cycle_error(&mut self, obj: ObjId) {
        let o = self.prog.obj(obj).clone();
        match o.kind {
            // An alias used inside the declarations its own right-hand side needs
            // (`type F = func(T); type T interface{ m(F) }`): evaluate the right-hand side
            // once more from here; the defined types on the way already exist.
            ObjKind::TypeName { alias: true } if o.ty == self.invalid() && self.alias_reentry.insert(obj) => {
                if let Some(DeclInfo { file, scope, kind: DeclKindInfo::Type { decl } }) = self.objmap.get(&obj).cloned() {
                    let saved_env = std::mem::take(&mut self.env);
                    let prev = self.set_file(file);
                    self.env.scope = Some(scope);
                    if let DeclKind::Type { typ, tparams, .. } = self.file.decl(decl).kind.clone()
                        && tparams.is_empty()
                    {
                        let t = self.typexpr(typ);
                        if self.prog.obj(obj).ty == self.invalid() {
                            self.prog.obj_mut(obj).ty = t;
                        }
                    }
                    self.restore_file(prev);
                    self.env = saved_env;
                }
            }
            ObjKind::TypeName { alias: true } if o.ty == self.invalid() => {
                if let Some(p) = o.pos {
                    self.error_at(p, format!("invalid recursive type {}", o.name));
                }
            }
            // A type may refer to itself through pointers, slices, functions, ...; the
            // named type already exists, so the use is fine. Invalid recursive types are
            // found by `valid_type`.
            ObjKind::TypeName { .. } => {}
            ObjKind::Func(_) => {}
            _ => {
                if let Some(p) = o.pos {
                    let name = o.name.clone();
                    if self.prog.obj(obj).ty == self.invalid() {
                        self.error_at(p, format!("initialization cycle or invalid recursive reference to {name}"));
                    }
                }
            }
        }
    }

    /// `const name [typ] = init` with `iota` fixed.
    fn const_decl(&mut self, obj: ObjId, typ: Option<ExprId>, init: Option<ExprId>, iota: u32, inherited: bool) {
        let outer_iota = self.env.iota.replace(Value::int(iota));
        let t = typ.map(|t| {
            let ty = self.typexpr(t);
            if ty != self.invalid() && !self.is_const_type(ty) {
                let s = self.ts(ty);
                self.error(self.start(t), format!("invalid constant type {s}"));
                return self.invalid();
            }
            ty
        });
        let Some(init) = init else {
            if !inherited {
                let pos = self.prog.obj(obj).pos;
                if let Some(p) = pos {
                    self.error_at(p, "missing init expr for const declaration".into());
                }
            }
            self.prog.obj_mut(obj).ty = self.invalid();
            self.env.iota = outer_iota.clone();
            return;
        };
        let mut x = self.expr(init);
        if x.mode != OpMode::Invalid && x.mode != OpMode::Constant {
            let d = self.describe(&x);
            self.error(self.start(init), format!("{d} is not constant"));
            x.mode = OpMode::Invalid;
        }
        if let Some(t) = t
            && x.mode != OpMode::Invalid
        {
            self.assignment(&mut x, Some(t), "constant declaration");
        }
        let (ty, val) = if x.mode == OpMode::Constant { (x.ty, x.val.clone()) } else { (self.invalid(), Value::Unknown) };
        let o = self.prog.obj_mut(obj);
        o.ty = ty;
        o.kind = ObjKind::Const(val);
        self.env.iota = outer_iota.clone();
    }

    /// `var lhs... [typ] = values...` for the object `obj` among `lhs`.
    fn var_decl(&mut self, obj: ObjId, lhs: &[ObjId], typ: Option<ExprId>, values: &[ExprId], d: &DeclInfo) {
        let t = typ.map(|t| self.typexpr(t));
        if let Some(t) = t {
            for &o in lhs {
                self.prog.obj_mut(o).ty = t;
            }
        }
        if values.is_empty() {
            if t.is_none() {
                self.prog.obj_mut(obj).ty = self.invalid();
            }
            return;
        }
        if values.len() == lhs.len() {
            let i = lhs.iter().position(|&o| o == obj).unwrap_or(0);
            let Some(&v) = values.get(i) else { return };
            self.init_var(obj, t, v, "variable declaration");
            self.pkg_info_add_init(vec![obj], d.file, v);
            return;
        }
        if values.len() == 1 {
            // var a, b = f(): checked once for all of lhs.
            for &o in lhs {
                if o != obj {
                    self.colors.insert(o, Color::Grey);
                }
            }
            self.init_vars_tuple(lhs, t, values[0]);
            for &o in lhs {
                self.colors.insert(o, Color::Black);
            }
            self.pkg_info_add_init(lhs.to_vec(), d.file, values[0]);
            return;
        }
        let pos = self.prog.obj(lhs[0]).pos;
        if let Some(p) = pos {
            let msg = if values.len() > lhs.len() { "extra init expr" } else { "assignment mismatch" };
            let msg = format!(
                "{msg}: {} variable{} but {} value{}",
                lhs.len(),
                if lhs.len() == 1 { "" } else { "s" },
                values.len(),
                if values.len() == 1 { "" } else { "s" }
            );
            let msg = if values.len() > lhs.len() { "extra init expr".to_string() } else { msg };
            self.error_at(p, msg);
        }
        for &o in lhs {
            if self.prog.obj(o).ty == self.invalid() {
                self.prog.obj_mut(o).ty = self.invalid();
            }
        }
    }

    fn pkg_info_add_init(&mut self, lhs: Vec<ObjId>, file: super::object::FileId, rhs: ExprId) {
        self.pending_inits.push(Initializer { lhs, file, rhs });
    }

    /// Checks `var obj [t] = e`.
    pub(super) fn init_var(&mut self, obj: ObjId, t: Option<TypeId>, e: ExprId, context: &str) {
        self.generic_value_ok = t.is_some();
        let mut x = self.expr(e);
        if x.mode == OpMode::Invalid {
            if t.is_none() {
                self.prog.obj_mut(obj).ty = self.invalid();
            }
            return;
        }
        self.single_value(&mut x);
        let target = t.or_else(|| {
            let ot = self.prog.obj(obj).ty;
            (ot != self.invalid()).then_some(ot)
        });
        self.assignment(&mut x, target, context);
        if t.is_none() {
            let ty = if x.mode == OpMode::Invalid { self.invalid() } else { x.ty };
            self.prog.obj_mut(obj).ty = ty;
        }
    }

    /// Checks `var a, b [t] = f()` (one multi-valued expression).
    pub(super) fn init_vars_tuple(&mut self, lhs: &[ObjId], t: Option<TypeId>, e: ExprId) {
        let x = self.expr_multi(e);
        let types = match x.mode {
            OpMode::Invalid => {
                for &o in lhs {
                    if t.is_none() {
                        self.prog.obj_mut(o).ty = self.invalid();
                    }
                }
                return;
            }
            _ => self.prog.types.tuple_elems(x.ty),
        };
        let comma_ok = matches!(x.mode, OpMode::CommaOk | OpMode::MapIndex) && lhs.len() == 2;
        if types.len() != lhs.len() && !comma_ok {
            let vars = lhs.len();
            let vals = if matches!(self.prog.types.get(x.ty), Type::Tuple(_)) { types.len() } else { 1 };
            let call = matches!(self.file.expr(e).kind, ExprKind::Call { .. });
            let what = if call { self.expr_string(e) } else { String::new() };
            let msg = if call {
                format!("assignment mismatch: {vars} variable{} but {what} returns {vals} value{}", plural(vars), plural(vals))
            } else {
                format!("assignment mismatch: {vars} variable{} but {vals} value{}", plural(vars), plural(vals))
            };
            let pos = self.prog.obj(lhs[0]).pos;
            if let Some(p) = pos {
                self.error_at(p, msg);
            }
            for &o in lhs {
                if t.is_none() {
                    self.prog.obj_mut(o).ty = self.invalid();
                }
            }
            return;
        }
        let types = if comma_ok {
            self.record_comma_ok(e, x.ty);
            vec![x.ty, self.prog.basic(super::ty::BasicKind::UntypedBool)]
        } else {
            types
        };
        for (i, &o) in lhs.iter().enumerate() {
            let vt = types.get(i).copied().unwrap_or(self.invalid());
            let mut op = Operand { mode: OpMode::Value, ty: vt, val: Value::Unknown, expr: Some(e), id: None };
            let target = t.or_else(|| {
                let ot = self.prog.obj(o).ty;
                (ot != self.invalid()).then_some(ot)
            });
            self.assignment(&mut op, target, "assignment");
            if t.is_none() {
                self.prog.obj_mut(o).ty = if op.mode == OpMode::Invalid { self.invalid() } else { op.ty };
            }
        }
    }

    /// A type declaration (package-level or local).
    pub(super) fn type_decl(&mut self, obj: ObjId, decl: DeclId) {
        let file = self.file.clone();
        let DeclKind::Type { tparams, alias, typ, .. } = &file.decl(decl).kind else { return };
        if *alias {
            self.prog.obj_mut(obj).kind = ObjKind::TypeName { alias: true };
            if !tparams.is_empty() {
                // Generic alias: check its parameters in a scope of their own; uses
                // instantiate the aliased type by substitution.
                self.open_scope(ScopeKind::Block);
                let tps = self.declare_type_params(tparams);
                let t = self.typexpr(*typ);
                self.close_scope();
                self.generic_aliases.insert(obj, (tps, t));
                self.prog.obj_mut(obj).ty = t;
                return;
            }
            self.prog.obj_mut(obj).ty = self.invalid();
            let t = self.typexpr(*typ);
            self.prog.obj_mut(obj).ty = t;
            let name = self.prog.obj(obj).name.clone();
            if self.prog.obj(obj).parent == Some(self.prog.package(self.pkg).scope)
                && self.prog.types.named(t).is_some_and(|n| self.prog.obj(n.obj).pkg == Some(self.pkg))
                && let Some(ms) = self.methods_by_base.remove(&name)
            {
                if let Some(n) = self.prog.types.named_mut(t) {
                    n.methods.extend(ms.iter().copied());
                }
                let all = self.prog.types.named(t).map(|n| n.methods.clone()).unwrap_or_default();
                self.check_method_names(t, &all);
                for m in ms {
                    self.obj_decl(m);
                }
            }
            return;
        }
        let named = self.prog.types.new_named(obj);
        self.prog.obj_mut(obj).ty = named;
        let opened = !tparams.is_empty();
        if opened {
            self.open_scope(ScopeKind::Block);
            self.tparams_owner = Some(named);
            let tps = self.declare_type_params(tparams);
            self.tparams_owner = None;
            if let Some(n) = self.prog.types.named_mut(named) {
                n.tparams = tps;
            }
        }
        let rhs = self.typexpr(*typ);
        let under = match self.prog.types.get(rhs) {
            Type::Named(_) => self.resolve_underlying(rhs, named),
            Type::TypeParam(_) => {
                self.error(self.start(*typ), "cannot use a type parameter as RHS in type declaration");
                self.invalid()
            }
            _ => rhs,
        };
        if let Some(n) = self.prog.types.named_mut(named) {
            n.underlying = Some(if under == named { super::ty::TypeTable::INVALID } else { under });
        }
        if opened {
            self.close_scope();
        }
        self.valid_type(named);
        self.expand_pending(named);
        // Attach and check the methods declared for this type.
        let name = self.prog.obj(obj).name.clone();
        if self.prog.obj(obj).parent == Some(self.prog.package(self.pkg).scope)
            && let Some(ms) = self.methods_by_base.remove(&name)
        {
            if let Some(n) = self.prog.types.named_mut(named) {
                n.methods.extend(ms.iter().copied());
            }
            self.check_method_names(named, &ms);
            for m in ms {
                self.obj_decl(m);
            }
        }
    }

    /// Reports duplicate methods, and methods named like a field of the type.
    fn check_method_names(&mut self, named: TypeId, ms: &[ObjId]) {
        let fields: Vec<std::sync::Arc<str>> = match self.prog.types.under(named) {
            Type::Struct(fs) => fs.iter().map(|f| f.name.clone()).collect(),
            _ => vec![],
        };
        let Some(tobj) = self.prog.types.named(named).map(|n| n.obj) else { return };
        let tname = self.prog.obj(tobj).name.clone();
        let mut seen: std::collections::HashMap<std::sync::Arc<str>, SrcPos> = std::collections::HashMap::new();
        for &m in ms {
            let (name, pos) = (self.prog.obj(m).name.clone(), self.prog.obj(m).pos);
            let Some(pos) = pos else { continue };
            if &*name == "_" {
                continue;
            }
            if let Some(prev) = seen.get(&name) {
                let at = self.prog.position(*prev);
                self.error_at(pos, format!("method {tname}.{name} already declared at {at}"));
                continue;
            }
            seen.insert(name.clone(), pos);
            if fields.contains(&name) {
                self.error_at(pos, format!("field and method with the same name {name}"));
            }
        }
    }

    /// Reports a defined type that contains itself by value (through struct fields and
    /// array elements): an invalid recursive type.
    fn valid_type(&mut self, named: TypeId) {
        let Some(u) = self.prog.types.named(named).and_then(|n| n.underlying) else { return };
        let mut visiting = std::collections::HashSet::new();
        if self.contains_by_value(u, named, &mut visiting, 0) {
            let o = self.prog.types.named(named).map(|n| n.obj);
            if let Some(o) = o
                && let Some(p) = self.prog.obj(o).pos
            {
                let name = self.prog.obj(o).name.clone();
                self.error_at(p, format!("invalid recursive type {name}"));
            }
            if let Some(n) = self.prog.types.named_mut(named) {
                n.underlying = Some(super::ty::TypeTable::INVALID);
            }
        }
    }

    fn contains_by_value(&self, t: TypeId, target: TypeId, visiting: &mut std::collections::HashSet<TypeId>, depth: u32) -> bool {
        if depth > 500 {
            return false;
        }
        match self.prog.types.get(t) {
            Type::Named(_) => {
                let n = self.prog.types.named(t);
                if t == target || n.is_some_and(|n| n.origin == Some(target)) {
                    return true;
                }
                if !visiting.insert(t) {
                    return false;
                }
                match n.and_then(|n| n.underlying) {
                    Some(u) => self.contains_by_value(u, target, visiting, depth + 1),
                    None => false,
                }
            }
            Type::Array(_, e) => self.contains_by_value(*e, target, visiting, depth + 1),
            Type::Struct(fs) => fs.iter().any(|f| self.contains_by_value(f.ty, target, visiting, depth + 1)),
            _ => false,
        }
    }

    /// The underlying type of a defined type used as another's right-hand side; resolves
    /// a chain still under construction to Invalid (an invalid recursive type).
    fn resolve_underlying(&mut self, t: TypeId, this: TypeId) -> TypeId {
        // Follow the chain of defined types; reaching `this` is an invalid cycle
        // (`type A B; type B A`), reaching an incomplete one keeps the chain (resolved
        // later by `TypeTable::underlying`).
        let mut cur = t;
        for _ in 0..64 {
            if cur == this {
                let o = self.prog.types.named(this).map(|n| n.obj);
                if let Some(o) = o
                    && let Some(p) = self.prog.obj(o).pos
                {
                    let name = self.prog.obj(o).name.clone();
                    self.error_at(p, format!("invalid recursive type {name}"));
                }
                return self.invalid();
            }
            match self.prog.types.named(cur) {
                Some(n) => match n.underlying {
                    Some(u) if matches!(self.prog.types.get(u), Type::Named(_)) => cur = u,
                    Some(u) => return u,
                    None if n.origin.is_none() => return cur,
                    None => return self.prog.types.underlying(cur),
                },
                None => return cur,
            }
        }
        self.invalid()
    }

    /// Declares type parameters in the current scope; returns their types.
    pub(super) fn declare_type_params(&mut self, fields: &[Field]) -> Vec<TypeId> {
        let mut tps = Vec::new();
        for (i, f) in fields.iter().enumerate() {
            let Some(n) = f.name else { continue };
            let name = self.name_str(n).to_string();
            let o = self.prog.new_object(&name, ObjKind::TypeName { alias: false }, self.invalid(), Some(self.pkg), Some(SrcPos { file: self.fid, pos: n.pos }));
            let t = self.prog.types.new_type_param(o, i as u32);
            self.prog.obj_mut(o).ty = t;
            let s = self.scope();
            if let Err(prev) = self.prog.insert(s, o) {
                self.redeclared(n.pos, &name, prev);
            }
            self.record_def(n.pos, o);
            tps.push(t);
        }
        // Bounds may refer to any of the parameters (and to the generic type itself), so
        // they are set after declaring all.
        if let Some(owner) = self.tparams_owner.take()
            && let Some(n) = self.prog.types.named_mut(owner)
        {
            n.tparams = tps.clone();
        }
        let mut i = 0;
        for f in fields.iter() {
            if f.name.is_none() {
                continue;
            }
            let bound = self.bound(f.typ);
            if let Some(&tp) = tps.get(i)
                && let Some(p) = self.prog.types.type_param_mut(tp)
            {
                p.bound = Some(bound);
            }
            i += 1;
        }
        tps
    }

    /// A type constraint: an interface, or a type or union made into an implicit interface.
    fn bound(&mut self, e: ExprId) -> TypeId {
        let is_union_or_tilde = matches!(
            self.file.expr(e).kind,
            ExprKind::Binary { op: crate::syntax::ast::BinOp::Or, .. } | ExprKind::Unary { op: crate::syntax::ast::UnOp::Tilde, .. }
        );
        let t = if is_union_or_tilde { self.union_type(e) } else { self.typexpr(e) };
        if t == self.invalid() {
            return self.prog.pre.any;
        }
        if !is_union_or_tilde && (self.prog.types.is_interface(t)) {
            return t;
        }
        self.prog.types.intern(Type::Interface(super::ty::Interface { methods: vec![], embeddeds: vec![t], implicit: true }))
    }

    /// A function or method declaration: its signature now, its body later.
    fn func_decl(&mut self, obj: ObjId, decl: DeclId, file_scope: super::object::ScopeId) {
        let file = self.file.clone();
        let DeclKind::Func { recv, name, tparams, typ, body } = &file.decl(decl).kind else { return };
        let fscope = self.prog.new_scope(Some(file_scope), ScopeKind::Func);
        self.env.scope = Some(fscope);
        let mut info = FuncInfo { no_body: body.is_none(), ..FuncInfo::default() };
        let fname = self.name_str(*name).to_string();
        if let Some(r) = recv {
            self.receiver(r, &mut info);
        }
        if !tparams.is_empty() {
            if recv.is_some() {
                self.error(tparams[0].pos, "syntax error: method must have no type parameters");
            } else if fname == "init" || (fname == "main" && &*self.prog.package(self.pkg).name == "main") {
                self.error(name.pos, format!("func {fname} must have no type parameters"));
            }
            let tps = self.declare_type_params(tparams);
            info.tparams.extend(tps);
        }
        let (sig, params, results) = self.func_type(*typ, true);
        info.params = params;
        info.results = results;
        let sig_rec = self.prog.types.signature_of(sig).cloned();
        if recv.is_none() && (fname == "init" || (fname == "main" && &*self.prog.package(self.pkg).name == "main"))
            && let Some(s) = &sig_rec
            && (!s.params.is_empty() || !s.results.is_empty())
        {
            self.error(name.pos, format!("func {fname} must have no arguments and no return values"));
        }
        if body.is_none() && fname == "init" && recv.is_none() {
            self.error(name.pos, "missing function body");
        }
        self.prog.obj_mut(obj).ty = sig;
        if let ObjKind::Func(fi) = &mut self.prog.obj_mut(obj).kind {
            *fi = info;
        }
        if let Some(b) = body {
            self.bodies.push(PendingBody { file: self.fid, func: obj, sig, scope: fscope, body: b.clone(), decl_obj: Some(obj) });
        }
    }

    /// Declares the receiver of a method and finds its base type.
    fn receiver(&mut self, r: &Field, info: &mut FuncInfo) {
        let file = self.file.clone();
        let mut e = r.typ;
        let mut ptr = false;
        for _ in 0..8 {
            match &file.expr(e).kind {
                ExprKind::Paren(x) => e = *x,
                ExprKind::Star(x) if !ptr => {
                    ptr = true;
                    e = *x;
                }
                _ => break,
            }
        }
        // Generic receiver `T[P, Q]`: declare P, Q as the method's own type parameters
        // with the bounds of T's parameters.
        let (base_expr, rparams): (ExprId, Vec<ExprId>) = match &file.expr(e).kind {
            ExprKind::Index { x, indices } => (*x, indices.clone()),
            _ => (e, Vec::new()),
        };
        let base = match &file.expr(base_expr).kind {
            ExprKind::Name(n) => {
                let s = self.scope();
                let found = self.prog.lookup(s, file.name(*n));
                match found {
                    Some((o, _)) => {
                        self.obj_decl(o);
                        self.record_use(base_expr, o);
                        let t = self.prog.obj(o).ty;
                        if matches!(self.prog.obj(o).kind, ObjKind::TypeName { .. }) { Some(t) } else { None }
                    }
                    None => {
                        self.error(n.pos, format!("undefined: {}", file.name(*n)));
                        None
                    }
                }
            }
            _ => {
                self.error(file.start_pos(base_expr), "invalid receiver type");
                None
            }
        };
        let mut recv_ty = self.invalid();
        if let Some(bt) = base {
            let resolved = self.prog.types.named(bt).map(|n| n.tparams.clone());
            match resolved {
                Some(origin_tps) => {
                    if !origin_tps.is_empty() || !rparams.is_empty() {
                        if origin_tps.len() != rparams.len() {
                            self.error(file.start_pos(e), format!("receiver declares {} type parameters, but receiver base type declares {}", rparams.len(), origin_tps.len()));
                        }
                        let mut own = Vec::new();
                        for (i, &pe) in rparams.iter().enumerate() {
                            let pname = match &file.expr(pe).kind {
                                ExprKind::Name(n) => *n,
                                _ => {
                                    self.error(file.start_pos(pe), "receiver type parameter must be an identifier");
                                    continue;
                                }
                            };
                            let s = file.name(pname).to_string();
                            let o = self.prog.new_object(&s, ObjKind::TypeName { alias: false }, self.invalid(), Some(self.pkg), Some(SrcPos { file: self.fid, pos: pname.pos }));
                            let t = self.prog.types.new_type_param(o, i as u32);
                            self.prog.obj_mut(o).ty = t;
                            let sc = self.scope();
                            let _ = self.prog.insert(sc, o);
                            self.record_def(pname.pos, o);
                            own.push(t);
                        }
                        // Bounds: the base type's, with its parameters renamed to ours.
                        let map: std::collections::HashMap<TypeId, TypeId> = origin_tps.iter().copied().zip(own.iter().copied()).collect();
                        for (i, &tp) in own.iter().enumerate() {
                            let b = origin_tps.get(i).and_then(|&o| self.prog.types.type_param(o)).and_then(|p| p.bound);
                            let b = b.map(|b| self.subst(b, &map)).unwrap_or(self.prog.pre.any);
                            if let Some(p) = self.prog.types.type_param_mut(tp) {
                                p.bound = Some(b);
                            }
                        }
                        recv_ty = if own.len() == origin_tps.len() { self.instantiate_named(bt, own.clone()) } else { self.invalid() };
                        info.tparams = own;
                    } else {
                        recv_ty = bt;
                    }
                    // Receiver base types must be defined in this package.
                    let bobj = self.prog.types.named(bt).map(|n| n.obj);
                    if let Some(bo) = bobj
                        && self.prog.obj(bo).pkg != Some(self.pkg)
                    {
                        let s = self.ts(bt);
                        self.error(file.start_pos(base_expr), format!("cannot define new methods on non-local type {s}"));
                    }
                    info.recv_base = Some(bt);
                }
                None => {
                    if bt != self.invalid() {
                        let s = self.ts(bt);
                        let msg = if self.prog.types.is_type_param(bt) || matches!(self.prog.types.get(bt), Type::Basic(_)) {
                            format!("cannot define new methods on non-local type {s}")
                        } else {
                            format!("invalid receiver type {s}")
                        };
                        self.error(file.start_pos(base_expr), msg);
                    }
                }
            }
            if recv_ty != self.invalid() {
                let u = self.prog.types.under(recv_ty).clone();
                if matches!(u, Type::Pointer(_) | Type::Interface(_)) {
                    let s = self.ts(recv_ty);
                    self.error(file.start_pos(base_expr), format!("invalid receiver type {s} (pointer or interface type)"));
                }
            }
        }
        info.ptr_recv = ptr;
        let full = if ptr && recv_ty != self.invalid() { self.prog.types.pointer(recv_ty) } else { recv_ty };
        let rname = r.name.map(|n| self.name_str(n).to_string()).unwrap_or_else(|| "_".into());
        let pos = r.name.map(|n| n.pos).unwrap_or(r.pos);
        let o = self.prog.new_object(&rname, ObjKind::Var { field: false, embedded: false, global: false, used: true }, full, Some(self.pkg), Some(SrcPos { file: self.fid, pos }));
        let s = self.scope();
        if !rname.is_empty() {
            let _ = self.prog.insert(s, o);
        }
        if let Some(n) = r.name {
            self.record_def(n.pos, o);
        }
        info.recv = Some(o);
    }

    /// A local `const`, `var` or `type` declaration statement.
    pub(super) fn local_decl(&mut self, ids: &[DeclId]) {
        let file = self.file.clone();
        let mut last_const: Option<(Option<crate::syntax::ast::GroupId>, Option<ExprId>, Vec<ExprId>)> = None;
        for &id in ids {
            let d = file.decl(id);
            match &d.kind {
                DeclKind::Const { names, typ, values, iota } => {
                    let (typ, values, inherited) = if values.is_empty() && typ.is_none() {
                        match &last_const {
                            Some((g, t, v)) if *g == d.group && d.group.is_some() => (*t, v.clone(), true),
                            _ => (None, Vec::new(), false),
                        }
                    } else {
                        last_const = Some((d.group, *typ, values.clone()));
                        (*typ, values.clone(), false)
                    };
                    let mut objs = Vec::new();
                    for (i, n) in names.iter().enumerate() {
                        let o = self.new_local(*n, ObjKind::Const(Value::Unknown));
                        let saved = self.env.scope;
                        self.const_decl(o, typ, values.get(i).copied(), *iota, inherited);
                        self.env.scope = saved;
                        objs.push((*n, o));
                    }
                    if values.len() > names.len() && !inherited {
                        self.error(file.start_pos(values[names.len()]), "extra init expr");
                    }
                    // Constants are in scope after their spec.
                    for (n, o) in objs {
                        self.declare_local(n, o);
                    }
                }
                DeclKind::Var { names, typ, values } => {
                    let objs: Vec<ObjId> = names.iter().map(|n| self.new_local(*n, ObjKind::Var { field: false, embedded: false, global: false, used: false })).collect();
                    let t = typ.map(|t| self.typexpr(t));
                    if let Some(t) = t {
                        for &o in &objs {
                            self.prog.obj_mut(o).ty = t;
                        }
                    }
                    if values.len() == names.len() {
                        for (i, &o) in objs.iter().enumerate() {
                            self.init_var(o, t, values[i], "variable declaration");
                        }
                    } else if values.len() == 1 && names.len() > 1 {
                        self.init_vars_tuple(&objs, t, values[0]);
                    } else if !values.is_empty() {
                        for &v in values {
                            self.expr(v);
                        }
                        let msg = format!("assignment mismatch: {} variable{} but {} value{}", names.len(), plural(names.len()), values.len(), plural(values.len()));
                        self.error(names[0].pos, msg);
                    }
                    for (n, o) in names.iter().zip(objs) {
                        self.declare_local(*n, o);
                        self.unused_candidates.push(o);
                    }
                }
                DeclKind::Type { name, .. } => {
                    let o = self.new_local(*name, ObjKind::TypeName { alias: false });
                    // The type name is in scope inside its own declaration.
                    self.declare_local(*name, o);
                    self.type_decl(o, id);
                    // Local types may have methods only at package level; nothing to attach.
                }
                _ => {}
            }
        }
    }

    /// A new local object (not yet in scope).
    pub(super) fn new_local(&mut self, n: Name, kind: ObjKind) -> ObjId {
        let name = self.name_str(n).to_string();
        let o = self.prog.new_object(&name, kind, self.invalid(), Some(self.pkg), Some(SrcPos { file: self.fid, pos: n.pos }));
        self.record_def(n.pos, o);
        o
    }

    /// Puts a local object into the current scope, reporting redeclarations.
    pub(super) fn declare_local(&mut self, n: Name, o: ObjId) {
        let s = self.scope();
        if let Err(prev) = self.prog.insert(s, o) {
            let name = self.name_str(n).to_string();
            self.redeclared(n.pos, &name, prev);
        }
    }

    /// Records that `e`, a comma-ok expression, yields `(t, bool)`.
    pub(super) fn record_comma_ok(&mut self, e: ExprId, t: TypeId) {
        let b = self.prog.basic(super::ty::BasicKind::UntypedBool);
        let tup = self.prog.types.tuple(vec![t, b]);
        let fid = self.fid;
        self.info.file_mut(fid).record_type(e, tup);
    }

}

/// `"s"` when `n != 1`.
pub(super) fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
