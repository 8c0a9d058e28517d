//! Objects (what a name denotes), scopes, and packages.
//!
//! All three live in arenas of the [`super::Program`] and are named by small ids, so
//! the compiler's side tables can refer to them cheaply. A source position is a
//! [`SrcPos`]: a program-wide file number plus the byte offset the parser gives.

use std::collections::HashMap;
use std::sync::Arc;

use super::constant::Value;
use super::ty::TypeId;
use crate::syntax::Pos;

/// Index of an [`Object`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ObjId(pub u32);

/// Index of a [`Scope`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ScopeId(pub u32);

/// Index of a [`Package`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PkgId(pub u32);

/// Index of a source file in the program's file list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);

/// A position anywhere in the program.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SrcPos {
    /// The file.
    pub file: FileId,
    /// Byte offset in that file.
    pub pos: Pos,
}

/// The predeclared functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum Builtin {
    Append,
    Cap,
    Clear,
    Close,
    Complex,
    Copy,
    Delete,
    Imag,
    Len,
    Make,
    Max,
    Min,
    New,
    Panic,
    Print,
    Println,
    Real,
    Recover,
    // package unsafe
    Add,
    Alignof,
    Offsetof,
    Sizeof,
    Slice,
    SliceData,
    String,
    StringData,
}

impl Builtin {
    /// The name as written in Go.
    pub fn name(self) -> &'static str {
        use Builtin::*;
        match self {
            Append => "append",
            Cap => "cap",
            Clear => "clear",
            Close => "close",
            Complex => "complex",
            Copy => "copy",
            Delete => "delete",
            Imag => "imag",
            Len => "len",
            Make => "make",
            Max => "max",
            Min => "min",
            New => "new",
            Panic => "panic",
            Print => "print",
            Println => "println",
            Real => "real",
            Recover => "recover",
            Add => "Add",
            Alignof => "Alignof",
            Offsetof => "Offsetof",
            Sizeof => "Sizeof",
            Slice => "Slice",
            SliceData => "SliceData",
            String => "String",
            StringData => "StringData",
        }
    }
}

/// What an object is.
#[derive(Clone, Debug)]
pub enum ObjKind {
    /// A constant and its value (Unknown until checked).
    Const(Value),
    /// A type name (defined type, alias, or type parameter).
    TypeName {
        /// Declared with `=`.
        alias: bool,
    },
    /// A variable: package-level, local, parameter, result, or struct field.
    Var {
        /// A struct field rather than a variable.
        field: bool,
        /// An embedded struct field.
        embedded: bool,
        /// A package-level variable.
        global: bool,
        /// Set when the variable is read (for "declared and not used").
        used: bool,
    },
    /// A function or method (its type is a signature; see [`FuncInfo`]).
    Func(FuncInfo),
    /// An imported package name.
    PkgName {
        /// The imported package.
        pkg: PkgId,
        /// Set when the import is used.
        used: bool,
    },
    /// A predeclared function.
    Builtin(Builtin),
    /// The predeclared `nil`.
    Nil,
    /// A statement label.
    Label {
        /// Set when a branch refers to it.
        used: bool,
    },
}

/// Extra facts about a function object.
#[derive(Clone, Debug, Default)]
pub struct FuncInfo {
    /// The receiver variable of a method.
    pub recv: Option<ObjId>,
    /// For a method: the receiver's base defined type.
    pub recv_base: Option<TypeId>,
    /// For a method: the receiver is a pointer.
    pub ptr_recv: bool,
    /// Type parameters (of a generic function, or the receiver's type parameters).
    pub tparams: Vec<TypeId>,
    /// Parameter variables in order (names may be blank or empty).
    pub params: Vec<ObjId>,
    /// Result variables in order.
    pub results: Vec<ObjId>,
    /// Declared without a body (implemented natively or in assembly).
    pub no_body: bool,
    /// An interface method (abstract).
    pub abstract_method: bool,
}

/// A named language entity.
#[derive(Clone, Debug)]
pub struct Object {
    /// The name (may be `_`).
    pub name: Arc<str>,
    /// What it is.
    pub kind: ObjKind,
    /// Its type (Invalid until known; a type name's type is the type it denotes).
    pub ty: TypeId,
    /// The package it belongs to (None for predeclared objects).
    pub pkg: Option<PkgId>,
    /// Where it is declared (None for predeclared objects).
    pub pos: Option<SrcPos>,
    /// The scope it was declared in.
    pub parent: Option<ScopeId>,
}

impl Object {
    /// Whether the name is exported (starts with an upper-case letter).
    pub fn exported(&self) -> bool {
        is_exported(&self.name)
    }
}

/// Whether a Go identifier is exported.
pub fn is_exported(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_uppercase)
}

/// What a scope belongs to (for error wording and for `goto`/label rules).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    /// The universe.
    Universe,
    /// A package.
    Package,
    /// A file (holds its imports).
    File,
    /// A function's outermost scope (parameters and results).
    Func,
    /// Any block inside a function.
    Block,
}

/// A lexical scope.
#[derive(Clone, Debug)]
pub struct Scope {
    /// The enclosing scope.
    pub parent: Option<ScopeId>,
    /// What it belongs to.
    pub kind: ScopeKind,
    /// The names declared in it.
    pub names: HashMap<Arc<str>, ObjId>,
}

/// A Go package being (or having been) checked.
#[derive(Clone, Debug)]
pub struct Package {
    /// Import path (`main` for a command's main package, as gc's errors print it).
    pub path: Arc<str>,
    /// Package name from the package clause.
    pub name: Arc<str>,
    /// The package scope.
    pub scope: ScopeId,
    /// The packages it imports.
    pub imports: Vec<PkgId>,
    /// Checking finished (imports of a complete package are safe to use).
    pub complete: bool,
}
