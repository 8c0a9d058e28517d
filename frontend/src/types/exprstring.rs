//! Expressions printed back as source, shortened as gc's messages print them
//! (function literals as `func(...) {…}`, composite literals as `T{…}`).

use super::check::Checker;
use crate::syntax::ast::{ChanDir, ExprId, ExprKind, File};

impl Checker<'_> {
    /// The expression `e` of the current file as gc prints it in messages.
    pub(super) fn expr_string(&self, e: ExprId) -> String {
        let mut s = String::new();
        write_expr(&self.file, e, &mut s, 0);
        s
    }
}

const MAX_DEPTH: u32 = 50;

fn write_expr(f: &File, e: ExprId, out: &mut String, depth: u32) {
    if depth > MAX_DEPTH {
        out.push('…');
        return;
    }
    let d = depth + 1;
    match &f.expr(e).kind {
        ExprKind::Bad => out.push('_'),
        ExprKind::Name(n) => out.push_str(f.name(*n)),
        ExprKind::BasicLit { .. } => out.push_str(f.lit_text(e)),
        ExprKind::CompositeLit { typ, elems, .. } => {
            if let Some(t) = typ {
                write_expr(f, *t, out, d);
            }
            out.push_str(if elems.is_empty() { "{}" } else { "{…}" });
        }
        ExprKind::KeyValue { key, value } => {
            write_expr(f, *key, out, d);
            out.push_str(": ");
            write_expr(f, *value, out, d);
        }
        ExprKind::FuncLit { typ, .. } => {
            write_expr(f, *typ, out, d);
            out.push_str(" {…}");
        }
        ExprKind::Paren(x) => {
            out.push('(');
            write_expr(f, *x, out, d);
            out.push(')');
        }
        ExprKind::Selector { x, sel } => {
            write_expr(f, *x, out, d);
            out.push('.');
            out.push_str(f.name(*sel));
        }
        ExprKind::Index { x, indices } => {
            write_expr(f, *x, out, d);
            out.push('[');
            for (i, ix) in indices.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_expr(f, *ix, out, d);
            }
            out.push(']');
        }
        ExprKind::Slice { x, lo, hi, max, .. } => {
            write_expr(f, *x, out, d);
            out.push('[');
            if let Some(l) = lo {
                write_expr(f, *l, out, d);
            }
            out.push(':');
            if let Some(h) = hi {
                write_expr(f, *h, out, d);
            }
            if let Some(m) = max {
                out.push(':');
                write_expr(f, *m, out, d);
            }
            out.push(']');
        }
        ExprKind::TypeAssert { x, typ } => {
            write_expr(f, *x, out, d);
            out.push_str(".(");
            write_expr(f, *typ, out, d);
            out.push(')');
        }
        ExprKind::TypeSwitchGuard { lhs, x } => {
            if let Some(n) = lhs {
                out.push_str(f.name(*n));
                out.push_str(" := ");
            }
            write_expr(f, *x, out, d);
            out.push_str(".(type)");
        }
        ExprKind::Call { fun, args, has_dots, .. } => {
            write_expr(f, *fun, out, d);
            out.push('(');
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_expr(f, *a, out, d);
            }
            if *has_dots {
                out.push_str("...");
            }
            out.push(')');
        }
        ExprKind::Star(x) => {
            out.push('*');
            write_expr(f, *x, out, d);
        }
        ExprKind::Unary { op, x } => {
            out.push_str(op.as_str());
            write_expr(f, *x, out, d);
        }
        ExprKind::Binary { op, x, y } => {
            write_expr(f, *x, out, d);
            out.push(' ');
            out.push_str(op.as_str());
            out.push(' ');
            write_expr(f, *y, out, d);
        }
        ExprKind::ArrayType { len, elem } => {
            out.push('[');
            match len {
                Some(l) => write_expr(f, *l, out, d),
                None => out.push_str("..."),
            }
            out.push(']');
            write_expr(f, *elem, out, d);
        }
        ExprKind::SliceType(elem) => {
            out.push_str("[]");
            write_expr(f, *elem, out, d);
        }
        ExprKind::DotsType(elem) => {
            out.push_str("...");
            write_expr(f, *elem, out, d);
        }
        ExprKind::StructType(fields) => {
            out.push_str("struct{");
            write_fields(f, fields, out, d, "; ");
            out.push('}');
        }
        ExprKind::InterfaceType(fields) => {
            out.push_str("interface{");
            for (i, fl) in fields.iter().enumerate() {
                if i > 0 {
                    out.push_str("; ");
                }
                match fl.name {
                    Some(n) => {
                        out.push_str(f.name(n));
                        write_sig(f, fl.typ, out, d);
                    }
                    None => write_expr(f, fl.typ, out, d),
                }
            }
            out.push('}');
        }
        ExprKind::FuncType { .. } => {
            out.push_str("func");
            write_sig(f, e, out, d);
        }
        ExprKind::MapType { key, value } => {
            out.push_str("map[");
            write_expr(f, *key, out, d);
            out.push(']');
            write_expr(f, *value, out, d);
        }
        ExprKind::ChanType { dir, elem } => {
            out.push_str(match dir {
                ChanDir::Both => "chan ",
                ChanDir::Send => "chan<- ",
                ChanDir::Recv => "<-chan ",
            });
            write_expr(f, *elem, out, d);
        }
    }
}

fn write_fields(f: &File, fields: &[crate::syntax::ast::Field], out: &mut String, d: u32, sep: &str) {
    let mut i = 0;
    while i < fields.len() {
        if i > 0 {
            out.push_str(sep);
        }
        // Names sharing one type expression print as `a, b T`.
        let t = fields[i].typ;
        let mut j = i;
        let mut first = true;
        while j < fields.len() && fields[j].typ == t && fields[j].name.is_some() {
            if !first {
                out.push_str(", ");
            }
            first = false;
            if let Some(n) = fields[j].name {
                out.push_str(f.name(n));
            }
            j += 1;
        }
        if j > i {
            out.push(' ');
        } else {
            j = i + 1;
        }
        write_expr(f, t, out, d);
        i = j;
    }
}

fn write_sig(f: &File, e: ExprId, out: &mut String, d: u32) {
    let ExprKind::FuncType { params, results } = &f.expr(e).kind else { return };
    out.push('(');
    write_fields(f, params, out, d, ", ");
    out.push(')');
    if results.is_empty() {
        return;
    }
    out.push(' ');
    if results.len() == 1 && results[0].name.is_none() {
        write_expr(f, results[0].typ, out, d);
    } else {
        out.push('(');
        write_fields(f, results, out, d, ", ");
        out.push(')');
    }
}
