//! The universe scope (predeclared types, constants, functions, `nil`) and the
//! package `unsafe`.

use std::sync::Arc;

use super::constant::Value;
use super::object::{Builtin, ObjKind, ScopeKind};
use super::program::Program;
use super::ty::{BasicKind, Interface, Method, Type, TypeTable};

/// Fills `p` with the universe scope and the `unsafe` package.
pub(super) fn install(p: &mut Program) {
    let u = p.new_scope(None, ScopeKind::Universe);
    p.pre.universe = u;
    use BasicKind::*;
    for k in [
        Bool, Int, Int8, Int16, Int32, Int64, Uint, Uint8, Uint16, Uint32, Uint64, Uintptr, Float32, Float64,
        Complex64, Complex128, BasicKind::String,
    ] {
        p.predeclare(u, k.name(), ObjKind::TypeName { alias: false }, TypeTable::basic(k));
    }
    p.predeclare(u, "byte", ObjKind::TypeName { alias: true }, TypeTable::basic(Uint8));
    p.predeclare(u, "rune", ObjKind::TypeName { alias: true }, TypeTable::basic(Int32));

    let empty = p.types.intern(Type::Interface(Interface { methods: vec![], embeddeds: vec![], implicit: false }));
    p.pre.any = empty;
    p.predeclare(u, "any", ObjKind::TypeName { alias: true }, empty);

    // error: a defined type whose underlying interface has `Error() string`.
    let err_obj = p.predeclare(u, "error", ObjKind::TypeName { alias: false }, TypeTable::INVALID);
    let err = p.types.new_named(err_obj);
    p.obj_mut(err_obj).ty = err;
    let sig = p.types.signature(vec![], vec![TypeTable::basic(BasicKind::String)], false);
    let iface = p.types.intern(Type::Interface(Interface {
        methods: vec![Method { name: Arc::from("Error"), pkg: None, sig }],
        embeddeds: vec![],
        implicit: false,
    }));
    if let Some(n) = p.types.named_mut(err) {
        n.underlying = Some(iface);
    }
    p.pre.error = err;

    // comparable: a defined interface type; its type set is special-cased by id.
    let cmp_obj = p.predeclare(u, "comparable", ObjKind::TypeName { alias: false }, TypeTable::INVALID);
    let cmp = p.types.new_named(cmp_obj);
    p.obj_mut(cmp_obj).ty = cmp;
    // A distinct (implicit-marked) empty interface, so that `comparable`'s underlying type
    // is not the same id as `any`'s.
    let cmp_iface = p.types.intern(Type::Interface(Interface { methods: vec![], embeddeds: vec![], implicit: true }));
    if let Some(n) = p.types.named_mut(cmp) {
        n.underlying = Some(cmp_iface);
    }
    p.pre.comparable = cmp;

    let ub = TypeTable::basic(UntypedBool);
    p.predeclare(u, "true", ObjKind::Const(Value::Bool(true)), ub);
    p.predeclare(u, "false", ObjKind::Const(Value::Bool(false)), ub);
    p.pre.iota = p.predeclare(u, "iota", ObjKind::Const(Value::int(0)), TypeTable::basic(UntypedInt));
    p.pre.nil = p.predeclare(u, "nil", ObjKind::Nil, TypeTable::basic(UntypedNil));

    {
        use Builtin::*;
        for b in [Append, Cap, Clear, Close, Complex, Copy, Delete, Imag, Len, Make, Max, Min, New, Panic, Print, Println, Real, Recover] {
            p.predeclare_builtin(u, b);
        }
    }

    let unsafe_pkg = p.new_package("unsafe", "unsafe");
    p.pre.unsafe_pkg = unsafe_pkg;
    let us = p.package(unsafe_pkg).scope;
    let ptr = p.predeclare(us, "Pointer", ObjKind::TypeName { alias: false }, TypeTable::basic(UnsafePointer));
    p.obj_mut(ptr).pkg = Some(unsafe_pkg);
    for b in [Builtin::Add, Builtin::Alignof, Builtin::Offsetof, Builtin::Sizeof, Builtin::Slice, Builtin::SliceData, Builtin::String, Builtin::StringData] {
        let o = p.predeclare_builtin(us, b);
        p.obj_mut(o).pkg = Some(unsafe_pkg);
    }
    p.packages[unsafe_pkg.0 as usize].complete = true;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn universe_has_the_predeclared_names() {
        let p = Program::new();
        let u = p.pre.universe;
        for name in ["int", "byte", "rune", "error", "any", "comparable", "true", "nil", "iota", "len", "min", "clear"] {
            assert!(p.lookup_local(u, name).is_some(), "{name}");
        }
        let byte = p.lookup_local(u, "byte").unwrap();
        assert_eq!(p.obj(byte).ty, TypeTable::basic(BasicKind::Uint8));
        assert!(p.types.is_interface(p.pre.error));
        assert_ne!(p.types.underlying(p.pre.comparable), p.pre.any);
        let us = p.package(p.pre.unsafe_pkg).scope;
        assert!(p.lookup_local(us, "Sizeof").is_some());
        assert!(p.lookup_local(u, "Sizeof").is_none());
    }
}
