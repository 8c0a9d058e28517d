//! Type names as gc's *runtime* prints them (`reflect.Type.String`), which the run-time
//! messages use (`interface conversion: interface {} is struct { X int }, ...`, panic
//! values `(main.T) 0x...`). They differ from the checker's spelling in unnamed struct
//! and interface types: `struct { X int }`, `interface {}`, `interface { M() }`.

use super::iface::iface_method_list;
use frontend::types::Program;
use frontend::types::ty::{ChanDir, Type, TypeId};

/// Deeper types are cut short (the checker refuses nothing this deep in practice).
const MAX_DEPTH: u32 = 64;

/// The runtime's name of type `t`.
pub(crate) fn rt_type_string(p: &Program, t: TypeId) -> String {
    let mut out = String::new();
    write(p, t, &mut out, 0);
    out
}

fn write(p: &Program, t: TypeId, out: &mut String, depth: u32) {
    if depth > MAX_DEPTH {
        out.push_str("...");
        return;
    }
    let d = depth + 1;
    match p.types.get(t) {
        Type::Named(_) | Type::Basic(_) | Type::TypeParam(_) | Type::Union(_) | Type::Tuple(_) => {
            out.push_str(&frontend::types::typestring::type_string(p, t, None));
        }
        Type::Pointer(e) => {
            out.push('*');
            write(p, *e, out, d);
        }
        Type::Slice(e) => {
            out.push_str("[]");
            write(p, *e, out, d);
        }
        Type::Array(n, e) => {
            out.push_str(&format!("[{n}]"));
            write(p, *e, out, d);
        }
        Type::Map(k, v) => {
            out.push_str("map[");
            write(p, *k, out, d);
            out.push(']');
            write(p, *v, out, d);
        }
        Type::Chan(dir, e) => {
            out.push_str(match dir {
                ChanDir::Both => "chan ",
                ChanDir::Send => "chan<- ",
                ChanDir::Recv => "<-chan ",
            });
            let paren = *dir == ChanDir::Both && matches!(p.types.get(*e), Type::Chan(ChanDir::Recv, _));
            if paren {
                out.push('(');
            }
            write(p, *e, out, d);
            if paren {
                out.push(')');
            }
        }
        Type::Struct(fields) => {
            if fields.is_empty() {
                out.push_str("struct {}");
                return;
            }
            out.push_str("struct { ");
            for (i, f) in fields.iter().enumerate() {
                if i > 0 {
                    out.push_str("; ");
                }
                if !f.embedded {
                    out.push_str(&f.name);
                    out.push(' ');
                }
                write(p, f.ty, out, d);
                if !f.tag.is_empty() {
                    out.push(' ');
                    out.push_str(&frontend::types::constant::quote(&f.tag));
                }
            }
            out.push_str(" }");
        }
        Type::Signature(_) => {
            out.push_str("func");
            write_signature(p, t, out, d);
        }
        Type::Interface(_) => {
            let methods = iface_method_list(p, t);
            if methods.is_empty() {
                out.push_str("interface {}");
                return;
            }
            out.push_str("interface { ");
            for (i, (name, _, sig)) in methods.iter().enumerate() {
                if i > 0 {
                    out.push_str("; ");
                }
                out.push_str(name);
                write_signature(p, *sig, out, d);
            }
            out.push_str(" }");
        }
    }
}

/// `(params) results` of a signature type.
fn write_signature(p: &Program, t: TypeId, out: &mut String, depth: u32) {
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
            write(p, elem, out, depth);
        } else {
            write(p, pt, out, depth);
        }
    }
    out.push(')');
    match sig.results.as_slice() {
        [] => {}
        [r] => {
            out.push(' ');
            write(p, *r, out, depth);
        }
        rs => {
            out.push_str(" (");
            for (i, &r) in rs.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write(p, r, out, depth);
            }
            out.push(')');
        }
    }
}
