//! Printing expressions and simple statements back as Go text, the way gc's
//! `syntax.String` does (its "short form": function and composite literal bodies
//! print as `{…}`). Error messages quote code this way, e.g.
//! `cannot use x := 1 as value` or, in the type checker, `x + y (mismatched types ...)`.

use super::ast::*;

/// Prints expression `id` of `file`.
pub fn expr(file: &File, id: ExprId) -> String {
    expr_string(&file.src, &file.exprs, id)
}

/// Prints expression `id`, given the source and the expression arena.
pub fn expr_string(src: &[u8], exprs: &[Expr], id: ExprId) -> String {
    let mut p = Printer { src, exprs, out: String::new(), depth: 0 };
    p.expr(id);
    p.out
}

/// Prints a simple statement (what can stand in an `if`/`for`/`switch` header).
pub fn stmt_string(src: &[u8], exprs: &[Expr], stmts: &[Stmt], id: StmtId) -> String {
    let mut p = Printer { src, exprs, out: String::new(), depth: 0 };
    let Some(s) = stmts.get(id.index()) else { return String::new() };
    match &s.kind {
        StmtKind::Expr(x) => p.expr(*x),
        StmtKind::Send { ch, value } => {
            p.expr(*ch);
            p.out.push_str(" <- ");
            p.expr(*value);
        }
        StmtKind::IncDec { x, inc } => {
            p.expr(*x);
            p.out.push_str(if *inc { "++" } else { "--" });
        }
        StmtKind::Assign { op, lhs, rhs } => {
            p.list(lhs);
            match op {
                AssignOp::Assign => p.out.push_str(" = "),
                AssignOp::Define => p.out.push_str(" := "),
                AssignOp::Op(b) => {
                    p.out.push(' ');
                    p.out.push_str(b.as_str());
                    p.out.push_str("= ");
                }
            }
            p.list(rhs);
        }
        _ => {}
    }
    p.out
}

struct Printer<'a> {
    src: &'a [u8],
    exprs: &'a [Expr],
    out: String,
    depth: u32,
}

/// Subexpressions nested deeper than this print as `…`: operator chains can be
/// arbitrarily deep, and printing must not overflow the stack.
const MAX_PRINT_DEPTH: u32 = 100;

impl Printer<'_> {
    fn text(&mut self, pos: super::Pos, len: u32) {
        let s = pos.offset();
        let b = self.src.get(s..s + len as usize).unwrap_or(&[]);
        self.out.push_str(&String::from_utf8_lossy(b));
    }

    fn name(&mut self, n: Name) {
        if n.len == 0 {
            self.out.push('_');
        } else {
            self.text(n.pos, n.len);
        }
    }

    fn list(&mut self, l: &[ExprId]) {
        for (i, &e) in l.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            self.expr(e);
        }
    }

    fn expr(&mut self, id: ExprId) {
        if self.depth >= MAX_PRINT_DEPTH {
            self.out.push('…');
            return;
        }
        self.depth += 1;
        self.expr_inner(id);
        self.depth -= 1;
    }

    fn expr_inner(&mut self, id: ExprId) {
        let Some(e) = self.exprs.get(id.index()) else { return };
        let pos = e.pos;
        match &e.kind {
            ExprKind::Bad => self.out.push_str("<bad expr>"),
            ExprKind::Name(n) => self.name(*n),
            ExprKind::BasicLit { len, .. } => self.text(pos, *len),
            ExprKind::CompositeLit { typ, elems, .. } => {
                if let Some(t) = typ {
                    self.expr(*t);
                }
                self.out.push_str(if elems.is_empty() { "{}" } else { "{…}" });
            }
            ExprKind::KeyValue { key, value } => {
                self.expr(*key);
                self.out.push_str(": ");
                self.expr(*value);
            }
            ExprKind::FuncLit { typ, body } => {
                self.expr(*typ);
                self.out.push_str(if body.stmts.is_empty() { " {}" } else { " {…}" });
            }
            ExprKind::Paren(x) => {
                self.out.push('(');
                self.expr(*x);
                self.out.push(')');
            }
            ExprKind::Selector { x, sel } => {
                self.expr(*x);
                self.out.push('.');
                self.name(*sel);
            }
            ExprKind::Index { x, indices } => {
                self.expr(*x);
                self.out.push('[');
                self.list(indices);
                self.out.push(']');
            }
            ExprKind::Slice { x, lo, hi, max, .. } => {
                self.expr(*x);
                self.out.push('[');
                if let Some(l) = lo {
                    self.expr(*l);
                }
                self.out.push(':');
                if let Some(h) = hi {
                    self.expr(*h);
                }
                if let Some(m) = max {
                    self.out.push(':');
                    self.expr(*m);
                }
                self.out.push(']');
            }
            ExprKind::TypeAssert { x, typ } => {
                self.expr(*x);
                self.out.push_str(".(");
                self.expr(*typ);
                self.out.push(')');
            }
            ExprKind::TypeSwitchGuard { lhs, x } => {
                if let Some(n) = lhs {
                    self.name(*n);
                    self.out.push_str(" := ");
                }
                self.expr(*x);
                self.out.push_str(".(type)");
            }
            ExprKind::Call { fun, args, has_dots, .. } => {
                self.expr(*fun);
                self.out.push('(');
                self.list(args);
                if *has_dots {
                    self.out.push_str("...");
                }
                self.out.push(')');
            }
            ExprKind::Star(x) => {
                self.out.push('*');
                self.expr(*x);
            }
            ExprKind::Unary { op, x } => {
                self.out.push_str(op.as_str());
                self.expr(*x);
            }
            ExprKind::Binary { op, x, y } => {
                self.expr(*x);
                self.out.push(' ');
                self.out.push_str(op.as_str());
                self.out.push(' ');
                self.expr(*y);
            }
            ExprKind::ArrayType { len, elem } => {
                self.out.push('[');
                match len {
                    Some(l) => self.expr(*l),
                    None => self.out.push_str("..."),
                }
                self.out.push(']');
                self.expr(*elem);
            }
            ExprKind::SliceType(elem) => {
                self.out.push_str("[]");
                self.expr(*elem);
            }
            ExprKind::DotsType(elem) => {
                self.out.push_str("...");
                self.expr(*elem);
            }
            ExprKind::StructType(fields) => {
                self.out.push_str("struct{");
                self.fields(fields, "; ");
                self.out.push('}');
            }
            ExprKind::InterfaceType(elems) => {
                self.out.push_str("interface{");
                for (i, f) in elems.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str("; ");
                    }
                    match f.name {
                        Some(n) => {
                            self.name(n);
                            self.signature(f.typ);
                        }
                        None => self.expr(f.typ),
                    }
                }
                self.out.push('}');
            }
            ExprKind::FuncType { .. } => {
                self.out.push_str("func");
                self.signature(id);
            }
            ExprKind::MapType { key, value } => {
                self.out.push_str("map[");
                self.expr(*key);
                self.out.push(']');
                self.expr(*value);
            }
            ExprKind::ChanType { dir, elem } => {
                if *dir == ChanDir::Recv {
                    self.out.push_str("<-");
                }
                self.out.push_str("chan");
                if *dir == ChanDir::Send {
                    self.out.push_str("<-");
                }
                self.out.push(' ');
                let paren = *dir == ChanDir::Both
                    && matches!(self.exprs.get(elem.index()).map(|e| &e.kind), Some(ExprKind::ChanType { dir: ChanDir::Recv, .. }));
                if paren {
                    self.out.push('(');
                }
                self.expr(*elem);
                if paren {
                    self.out.push(')');
                }
            }
        }
    }

    /// Prints struct fields, grouping names that share a type as gc does.
    fn fields(&mut self, fields: &[Field], sep: &str) {
        let mut i = 0;
        let mut first = true;
        while i < fields.len() {
            if !first {
                self.out.push_str(sep);
            }
            first = false;
            let f = &fields[i];
            let Some(n) = f.name else {
                self.expr(f.typ);
                self.tag(f.tag);
                i += 1;
                continue;
            };
            self.name(n);
            let mut j = i + 1;
            while j < fields.len() && fields[j].name.is_some() && fields[j].typ == f.typ {
                self.out.push_str(", ");
                if let Some(m) = fields[j].name {
                    self.name(m);
                }
                j += 1;
            }
            self.out.push(' ');
            self.expr(f.typ);
            self.tag(f.tag);
            i = j;
        }
    }

    fn tag(&mut self, tag: Option<ExprId>) {
        if let Some(t) = tag {
            self.out.push(' ');
            self.expr(t);
        }
    }

    fn params(&mut self, list: &[Field]) {
        self.out.push('(');
        for (i, f) in list.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            if let Some(n) = f.name {
                self.name(n);
                if let Some(next) = list.get(i + 1)
                    && next.name.is_some()
                    && next.typ == f.typ
                {
                    continue;
                }
                self.out.push(' ');
            }
            self.expr(f.typ);
        }
        self.out.push(')');
    }

    fn signature(&mut self, id: ExprId) {
        let Some(ExprKind::FuncType { params, results }) = self.exprs.get(id.index()).map(|e| &e.kind) else {
            return;
        };
        self.params(params);
        if !results.is_empty() {
            self.out.push(' ');
            if results.len() == 1 && results[0].name.is_none() {
                self.expr(results[0].typ);
            } else {
                self.params(results);
            }
        }
    }
}
