//! Types as gc's messages print them: `[]int`, `map[string]T`, `func(int) error`,
//! `struct{a int}`, `io.Reader` (package-qualified unless in the current package),
//! `List[int]` for instances.

use super::object::PkgId;
use super::program::Program;
use super::ty::{ChanDir, Type, TypeId};

/// Formats `t`, qualifying defined types of packages other than `current`.
pub fn type_string(p: &Program, t: TypeId, current: Option<PkgId>) -> String {
    let mut s = String::new();
    write_type(p, t, current, &mut s, 0);
    s
}

// Types are DAGs through defined types, so a modest depth bound only truncates absurd
// (hostile) nesting.
const MAX_DEPTH: u32 = 64;

fn write_type(p: &Program, t: TypeId, cur: Option<PkgId>, out: &mut String, depth: u32) {
    if depth > MAX_DEPTH {
        out.push_str("...");
        return;
    }
    let d = depth + 1;
    match p.types.get(t) {
        Type::Basic(k) => out.push_str(k.name()),
        Type::Pointer(e) => {
            out.push('*');
            write_type(p, *e, cur, out, d);
        }
        Type::Slice(e) => {
            out.push_str("[]");
            write_type(p, *e, cur, out, d);
        }
        Type::Array(n, e) => {
            out.push_str(&format!("[{n}]"));
            write_type(p, *e, cur, out, d);
        }
        Type::Map(k, v) => {
            out.push_str("map[");
            write_type(p, *k, cur, out, d);
            out.push(']');
            write_type(p, *v, cur, out, d);
        }
        Type::Chan(dir, e) => {
            out.push_str(match dir {
                ChanDir::Both => "chan ",
                ChanDir::Send => "chan<- ",
                ChanDir::Recv => "<-chan ",
            });
            // `chan (<-chan int)` needs parentheses to keep its meaning.
            let paren = *dir == ChanDir::Both && matches!(p.types.get(*e), Type::Chan(ChanDir::Recv, _));
            if paren {
                out.push('(');
            }
            write_type(p, *e, cur, out, d);
            if paren {
                out.push(')');
            }
        }
        Type::Struct(fields) => {
            out.push_str("struct{");
            for (i, f) in fields.iter().enumerate() {
                if i > 0 {
                    out.push_str("; ");
                }
                if !f.embedded {
                    out.push_str(&f.name);
                    out.push(' ');
                }
                write_type(p, f.ty, cur, out, d);
                if !f.tag.is_empty() {
                    out.push(' ');
                    out.push_str(&super::constant::quote(&f.tag));
                }
            }
            out.push('}');
        }
        Type::Signature(_) => {
            out.push_str("func");
            write_signature(p, t, cur, out, d);
        }
        Type::Interface(i) => {
            if i.methods.is_empty() && i.embeddeds.is_empty() {
                out.push_str(if t == p.pre.any { "any" } else { "interface{}" });
                return;
            }
            if i.implicit && i.methods.is_empty() && i.embeddeds.len() == 1 {
                write_type(p, i.embeddeds[0], cur, out, d);
                return;
            }
            out.push_str("interface{");
            let mut first = true;
            for m in &i.methods {
                if !first {
                    out.push_str("; ");
                }
                first = false;
                out.push_str(&m.name);
                write_signature(p, m.sig, cur, out, d);
            }
            for &e in &i.embeddeds {
                if !first {
                    out.push_str("; ");
                }
                first = false;
                write_type(p, e, cur, out, d);
            }
            out.push('}');
        }
        Type::Union(terms) => {
            for (i, term) in terms.iter().enumerate() {
                if i > 0 {
                    out.push_str(" | ");
                }
                if term.tilde {
                    out.push('~');
                }
                write_type(p, term.ty, cur, out, d);
            }
        }
        Type::Tuple(elems) => {
            out.push('(');
            for (i, &e) in elems.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_type(p, e, cur, out, d);
            }
            out.push(')');
        }
        Type::Named(_) => {
            let Some(n) = p.types.named(t) else { return };
            let o = p.obj(n.obj);
            if let Some(pk) = o.pkg
                && Some(pk) != cur
            {
                out.push_str(&p.package(pk).name);
                out.push('.');
            }
            out.push_str(&o.name);
            if !n.targs.is_empty() {
                out.push('[');
                for (i, &a) in n.targs.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    write_type(p, a, cur, out, d);
                }
                out.push(']');
            }
        }
        Type::TypeParam(_) => {
            if let Some(tp) = p.types.type_param(t) {
                out.push_str(&p.obj(tp.obj).name);
            }
        }
    }
}

/// Writes `(params) results` for a signature type.
fn write_signature(p: &Program, t: TypeId, cur: Option<PkgId>, out: &mut String, depth: u32) {
    let Type::Signature(sig) = p.types.get(t) else { return };
    out.push('(');
    for (i, &pt) in sig.params.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        if sig.variadic && i + 1 == sig.params.len() {
            out.push_str("...");
            let elem = match p.types.get(pt) {
                Type::Slice(e) => *e,
                _ => pt,
            };
            write_type(p, elem, cur, out, depth);
        } else {
            write_type(p, pt, cur, out, depth);
        }
    }
    out.push(')');
    match sig.results.len() {
        0 => {}
        1 => {
            out.push(' ');
            write_type(p, sig.results[0], cur, out, depth);
        }
        _ => {
            out.push_str(" (");
            for (i, &r) in sig.results.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_type(p, r, cur, out, depth);
            }
            out.push(')');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::ty::{BasicKind, TypeTable};

    #[test]
    fn prints_like_gc() {
        let mut p = Program::new();
        let int = TypeTable::basic(BasicKind::Int);
        let s = p.types.slice(TypeTable::basic(BasicKind::String));
        let m = p.types.intern(Type::Map(TypeTable::basic(BasicKind::String), int));
        assert_eq!(type_string(&p, m, None), "map[string]int");
        let f = p.types.signature(vec![int, s], vec![int, p.pre.error], true);
        assert_eq!(type_string(&p, f, None), "func(int, ...string) (int, error)");
        let c = p.types.intern(Type::Chan(ChanDir::Recv, int));
        let cc = p.types.intern(Type::Chan(ChanDir::Both, c));
        assert_eq!(type_string(&p, cc, None), "chan (<-chan int)");
        assert_eq!(type_string(&p, p.pre.any, None), "any");
    }
}
