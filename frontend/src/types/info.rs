//! What the checker records for the compiler: per-expression types and constant
//! values, the object every identifier denotes, selections, instantiations, and the
//! package initialization order.
//!
//! Tables are per file and indexed by the parser's node ids ([`ExprId`]) or, for
//! declared names (which are not expressions), by the name's position.

use std::collections::HashMap;

use super::constant::Value;
use super::object::{FileId, ObjId, PkgId};
use super::ty::TypeId;
use crate::syntax::Pos;
use crate::syntax::ast::ExprId;

/// How an expression may be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A call of a function without results.
    NoValue,
    /// A predeclared function (only callable).
    Builtin,
    /// A type.
    TypeExpr,
    /// A constant (its value is in [`TypeAndValue::value`]).
    Constant,
    /// An addressable variable.
    Variable,
    /// A map index expression (assignable, not addressable).
    MapIndex,
    /// Any other value.
    Value,
    /// A value that may also be used in a `v, ok` assignment (map index, type
    /// assertion, channel receive).
    CommaOk,
}

/// The type (and value, for constants) of one expression.
#[derive(Clone, Debug)]
pub struct TypeAndValue {
    /// How the expression may be used.
    pub mode: Mode,
    /// Its type (the final type: untyped constants get the type they were converted to).
    pub ty: TypeId,
    /// The constant value, for constants.
    pub value: Option<Value>,
}

/// What a selector expression `x.f` selects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SelectionKind {
    /// A struct field.
    Field,
    /// A method value `x.m` (bound to `x`).
    MethodVal,
    /// A method expression `T.m`.
    MethodExpr,
}

/// The resolution of a selector expression (qualified identifiers are uses instead).
#[derive(Clone, Debug)]
pub struct Selection {
    /// Field, method value or method expression.
    pub kind: SelectionKind,
    /// The type of `x` (the receiver expression or type).
    pub recv: TypeId,
    /// The method object (None for fields and interface methods).
    pub obj: Option<ObjId>,
    /// Field indices through embedded fields; the last is the field's (or for a
    /// method, the embedded field holding the method's receiver).
    pub index: Vec<usize>,
    /// Pointer indirections happen along the path.
    pub indirect: bool,
    /// The type of the selection `x.f` itself.
    pub ty: TypeId,
}

/// A use of a generic function or type with its type arguments.
#[derive(Clone, Debug)]
pub struct Instance {
    /// The generic object.
    pub obj: ObjId,
    /// The type arguments (inferred or explicit).
    pub targs: Vec<TypeId>,
    /// The instantiated type (a signature or a defined type).
    pub ty: TypeId,
}

/// The checker's tables for one file.
#[derive(Clone, Debug, Default)]
pub struct FileInfo {
    /// Type and value of every checked expression, by [`ExprId::index`].
    pub types: Vec<Option<TypeAndValue>>,
    /// The object an identifier expression denotes.
    pub uses: HashMap<ExprId, ObjId>,
    /// The object a declared name introduces, by the name's position.
    pub defs: HashMap<Pos, ObjId>,
    /// Implicitly declared objects: the per-clause variables of a type switch, keyed by
    /// the clause's position.
    pub implicits: HashMap<Pos, ObjId>,
    /// Selector expressions that select fields and methods.
    pub selections: HashMap<ExprId, Selection>,
    /// Identifiers (or index expressions) that denote generic instantiations.
    pub instances: HashMap<ExprId, Instance>,
    /// Bit casts `*(*T)(unsafe.Pointer(&x))` read as values: the indirection, and the
    /// name `x` of the local variable whose bits it reinterprets (same size, both
    /// basic numeric types). Such a `&x` does not take `x`'s address, so `x` can stay in
    /// a frame slot (the idiom of `math.Float64bits`).
    pub bitcasts: HashMap<ExprId, ExprId>,
}

impl FileInfo {
    /// The recorded type and value of `e`.
    pub fn type_of(&self, e: ExprId) -> Option<&TypeAndValue> {
        self.types.get(e.index()).and_then(Option::as_ref)
    }

    pub(crate) fn record(&mut self, e: ExprId, tv: TypeAndValue) {
        let i = e.index();
        if self.types.len() <= i {
            self.types.resize(i + 1, None);
        }
        self.types[i] = Some(tv);
    }

    pub(crate) fn record_type(&mut self, e: ExprId, ty: TypeId) {
        if let Some(Some(tv)) = self.types.get_mut(e.index()) {
            tv.ty = ty;
        }
    }

}

/// One package-level variable initialization, in the order the spec prescribes.
#[derive(Clone, Debug)]
pub struct Initializer {
    /// The variables assigned (several for `var a, b = f()`).
    pub lhs: Vec<ObjId>,
    /// The file holding the initialization expression.
    pub file: FileId,
    /// The expression.
    pub rhs: ExprId,
}

/// Per-package results that are not per expression.
#[derive(Clone, Debug, Default)]
pub struct PackageInfo {
    /// The package.
    pub pkg: Option<PkgId>,
    /// Variable initializations in execution order.
    pub init_order: Vec<Initializer>,
    /// The package's `init` functions in source order.
    pub init_funcs: Vec<ObjId>,
}

/// All recorded facts of a program.
#[derive(Clone, Debug, Default)]
pub struct Info {
    /// Per-file tables, by [`FileId`] index.
    pub files: Vec<FileInfo>,
    /// Per-package results, by [`PkgId`] index (absent for `unsafe`).
    pub packages: HashMap<PkgId, PackageInfo>,
    /// Every distinct instantiation of a generic function or type that the program
    /// uses: the set the compiler must monomorphize (type arguments fully concrete for
    /// uses outside generic code; uses inside generic code are listed with their type
    /// parameters and resolved by the compiler during substitution).
    pub instances: Vec<(ObjId, Vec<TypeId>)>,
    /// Variables whose address is taken with `&` (the compiler puts them on the heap).
    pub addr_taken: std::collections::HashSet<ObjId>,
}

impl Info {
    /// The tables of file `f` (created on first use).
    pub fn file_mut(&mut self, f: FileId) -> &mut FileInfo {
        let i = f.0 as usize;
        if self.files.len() <= i {
            self.files.resize_with(i + 1, FileInfo::default);
        }
        &mut self.files[i]
    }

    /// The tables of file `f`, if any.
    pub fn file(&self, f: FileId) -> Option<&FileInfo> {
        self.files.get(f.0 as usize)
    }
}

/// Whether expression `e` of `file` contains a call (other than a conversion or a call
/// with a constant result, as `fi` records them) or a receive: then `len` of an array
/// operand is not a constant, and a `range` over it must evaluate it. Very large
/// expressions count as containing one.
pub fn has_call_or_recv(file: &crate::syntax::ast::File, fi: Option<&FileInfo>, e: ExprId) -> bool {
    use crate::syntax::ast::{ExprKind, UnOp};
    let mut stack = vec![e];
    let mut n = 0;
    while let Some(x) = stack.pop() {
        n += 1;
        if n > 10_000 {
            return true;
        }
        match &file.expr(x).kind {
            ExprKind::Call { fun, args, .. } => {
                let is_const = fi.and_then(|f| f.type_of(x)).is_some_and(|tv| tv.value.is_some());
                let is_conv = fi.and_then(|f| f.type_of(*fun)).is_some_and(|tv| tv.mode == Mode::TypeExpr);
                if !is_const && !is_conv {
                    return true;
                }
                stack.extend(args.iter().copied());
            }
            ExprKind::Unary { op: UnOp::Recv, .. } => return true,
            ExprKind::Paren(y) | ExprKind::Star(y) | ExprKind::Unary { x: y, .. } | ExprKind::Selector { x: y, .. } => {
                stack.push(*y)
            }
            ExprKind::Index { x: y, indices } => {
                stack.push(*y);
                stack.extend(indices.iter().copied());
            }
            ExprKind::Binary { x: a, y: b, .. } | ExprKind::KeyValue { key: a, value: b } => {
                stack.push(*a);
                stack.push(*b);
            }
            ExprKind::CompositeLit { elems, .. } => stack.extend(elems.iter().copied()),
            _ => {}
        }
    }
    false
}
