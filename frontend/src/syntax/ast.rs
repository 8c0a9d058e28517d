//! The abstract syntax tree of one Go source file.
//!
//! # Shape
//!
//! The node set follows gc's own `cmd/compile/internal/syntax` package (which `types2`
//! checks), so that the type checker can follow `types2` closely:
//!
//! - Types are expressions ([`ExprKind::ArrayType`], [`ExprKind::MapType`], ...): the
//!   parser cannot tell `[]T{}`-style types from values in every place, and neither
//!   can gc's parser. A `*x` is [`ExprKind::Star`] (deref or pointer type), `~T` is a
//!   [`ExprKind::Unary`] with [`UnOp::Tilde`], and a union `A | B` in a constraint is a
//!   [`ExprKind::Binary`] with [`BinOp::Or`].
//! - `a[b]` is always [`ExprKind::Index`], whether it indexes or instantiates; `a[b, c]`
//!   is an `Index` with two indices (an instantiation). The checker decides.
//! - `f(x)` is always [`ExprKind::Call`], whether it calls or converts.
//! - Declarations are flat, one [`Decl`] per spec, as in gc: `var ( a int; b int )` gives
//!   two [`DeclKind::Var`] decls with the same [`GroupId`]. Const specs carry their `iota`.
//! - Struct fields, parameters, results, type parameters and interface elements are all
//!   [`Field`]s. Names declared together (`a, b int`) get one `Field` each that share the
//!   same type [`ExprId`], so the checker can evaluate that type once.
//!
//! # Storage
//!
//! Nodes live in per-file arenas ([`File::exprs`], [`File::stmts`], [`File::decls`]) and
//! refer to each other by index ([`ExprId`], [`StmtId`], [`DeclId`]). The checker and
//! the compiler attach their results in side tables indexed by these ids (for example
//! a `Vec<TypeId>` indexed by `ExprId`), instead of mutating the tree. The ids are
//! `NonZeroU32` so that `Option<ExprId>` is 4 bytes. Walk the tree from
//! [`File::decls`]: the arenas can also hold a few nodes the parser built and then
//! replaced while resolving an ambiguity, which no tree node refers to.
//!
//! Identifiers and literals are not copied out of the source: a [`Name`] or a
//! [`ExprKind::BasicLit`] is a position and a length, and [`File::name`] /
//! [`File::lit_text`] slice the source the [`File`] owns. [`super::lit`] decodes
//! string and rune literals.
//!
//! # Positions
//!
//! Every node has a [`Pos`], a byte offset into the file, chosen as gc chooses it: the
//! position of the token "uniquely associated" with the node, usually its leftmost
//! token, but the operator for a binary expression, the `(` for a call, the `[` for an
//! index or slice, the `.` for a selector or type assertion, the `:` for a key-value
//! pair, the assignment operator for an assignment, and the `{` for a composite
//! literal. [`File::start_pos`] gives the leftmost position instead (gc's
//! `syntax.StartPos`, which `types2` uses for most of its error positions).
//! [`File::position`] resolves a `Pos` to `file:line:col`.

use std::num::NonZeroU32;

use super::pos::{LineTable, Pos, Position};

macro_rules! id_type {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(NonZeroU32);

        impl $name {
            /// The id of the arena slot `index`.
            pub fn from_index(index: usize) -> $name {
                $name(NonZeroU32::new(index as u32 + 1).unwrap_or(NonZeroU32::MIN))
            }
            /// The arena slot this id names (0-based), for side tables indexed by node.
            pub fn index(self) -> usize {
                self.0.get() as usize - 1
            }
        }
    };
}

id_type!(
    /// Index of an [`Expr`] in [`File::exprs`].
    ExprId
);
id_type!(
    /// Index of a [`Stmt`] in [`File::stmts`].
    StmtId
);
id_type!(
    /// Index of a [`Decl`] in [`File::decls`].
    DeclId
);

/// Identifies the parenthesized group (`var ( ... )`) a declaration was written in.
/// Numbered from 0 within a file; decls outside any group have `group: None`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GroupId(pub u32);

/// An identifier occurrence: its position and length in bytes. The text is
/// `file.name(n)`. The blank identifier is a `Name` whose text is `_`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Name {
    /// Position of the first byte.
    pub pos: Pos,
    /// Length in bytes.
    pub len: u32,
}

/// The kind of a basic literal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LitKind {
    /// An integer literal: `42`, `0x2a`, `0o52`, `052`, `0b101010`, `4_2`.
    Int,
    /// A floating-point literal: `1.5`, `1e9`, `.5`, `0x1p-2`.
    Float,
    /// An imaginary literal: `2i`, `1.5i`, `0x1p2i`.
    Imag,
    /// A rune literal: `'a'`, `'\n'`, `'\u00e9'`.
    Rune,
    /// An interpreted (`"..."`) or raw (`` `...` ``) string literal.
    String,
}

/// A unary operator (the operand follows it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnOp {
    /// `+x`
    Pos,
    /// `-x`
    Neg,
    /// `!x`
    Not,
    /// `^x` (bitwise complement)
    Xor,
    /// `&x` (address of)
    Addr,
    /// `<-x` (receive)
    Recv,
    /// `~T` (underlying-type term in a constraint)
    Tilde,
}

/// A binary operator, also used by op-assignments (`x += y` has [`BinOp::Add`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    /// `||`
    OrOr,
    /// `&&`
    AndAnd,
    /// `==`
    Eql,
    /// `!=`
    Neq,
    /// `<`
    Lss,
    /// `<=`
    Leq,
    /// `>`
    Gtr,
    /// `>=`
    Geq,
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `|` (also the union of a constraint)
    Or,
    /// `^`
    Xor,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `%`
    Rem,
    /// `&`
    And,
    /// `&^`
    AndNot,
    /// `<<`
    Shl,
    /// `>>`
    Shr,
}

impl BinOp {
    /// Binding strength, 1 (`||`) to 5 (`*`), as in the spec.
    pub fn precedence(self) -> u8 {
        use BinOp::*;
        match self {
            OrOr => 1,
            AndAnd => 2,
            Eql | Neq | Lss | Leq | Gtr | Geq => 3,
            Add | Sub | Or | Xor => 4,
            Mul | Div | Rem | And | AndNot | Shl | Shr => 5,
        }
    }

    /// The operator as written in Go.
    pub fn as_str(self) -> &'static str {
        use BinOp::*;
        match self {
            OrOr => "||",
            AndAnd => "&&",
            Eql => "==",
            Neq => "!=",
            Lss => "<",
            Leq => "<=",
            Gtr => ">",
            Geq => ">=",
            Add => "+",
            Sub => "-",
            Or => "|",
            Xor => "^",
            Mul => "*",
            Div => "/",
            Rem => "%",
            And => "&",
            AndNot => "&^",
            Shl => "<<",
            Shr => ">>",
        }
    }
}

impl UnOp {
    /// The operator as written in Go.
    pub fn as_str(self) -> &'static str {
        match self {
            UnOp::Pos => "+",
            UnOp::Neg => "-",
            UnOp::Not => "!",
            UnOp::Xor => "^",
            UnOp::Addr => "&",
            UnOp::Recv => "<-",
            UnOp::Tilde => "~",
        }
    }
}

/// Direction of a channel type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChanDir {
    /// `chan T`
    Both,
    /// `chan<- T`
    Send,
    /// `<-chan T`
    Recv,
}

/// A named or anonymous field, parameter, result, type parameter, or interface element.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// Position of the name, or of the type when there is no name.
    pub pos: Pos,
    /// `None` for an embedded struct field, an unnamed parameter or result, or an
    /// embedded interface element (a type, `~T`, or a union).
    pub name: Option<Name>,
    /// The type (for a type parameter: its constraint; for an interface method: a
    /// [`ExprKind::FuncType`]). Fields declared together share this id.
    pub typ: ExprId,
    /// The struct field tag (a string [`ExprKind::BasicLit`]); always `None` elsewhere.
    pub tag: Option<ExprId>,
}

/// A `{ ... }` statement list.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// Position of `{`.
    pub pos: Pos,
    /// The statements in order.
    pub stmts: Vec<StmtId>,
    /// Position of `}` (where gc reports "missing return").
    pub rbrace: Pos,
}

/// An expression (types are expressions too). `pos` is gc's position for the node;
/// see the module documentation.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// gc's position for this node.
    pub pos: Pos,
    /// What it is.
    pub kind: ExprKind,
}

/// The kinds of [`Expr`].
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// Placeholder where an expression failed to parse (an error was reported).
    Bad,
    /// An identifier, `pos` at its first byte.
    Name(Name),
    /// A literal; its text is `file.lit_text(expr)`. `bad` means the scanner reported
    /// an error in it (the checker should not report another).
    BasicLit {
        /// Which literal form.
        kind: LitKind,
        /// Length of the literal's text in bytes (it starts at the expression's `pos`).
        len: u32,
        /// The literal had a syntax error.
        bad: bool,
    },
    /// `T{a, k: v}`; `pos` is the `{`. Elements with keys are [`ExprKind::KeyValue`].
    CompositeLit {
        /// The literal's type; `None` for an elided type inside another literal.
        typ: Option<ExprId>,
        /// The elements.
        elems: Vec<ExprId>,
        /// How many elements are key-value pairs.
        nkeys: u32,
        /// Position of `}`.
        rbrace: Pos,
    },
    /// `key: value` inside a composite literal; `pos` is the `:`.
    KeyValue {
        /// The key (a field name, an index, or a map key expression).
        key: ExprId,
        /// The value.
        value: ExprId,
    },
    /// `func(params) results { body }`; `pos` is `func`.
    FuncLit {
        /// An [`ExprKind::FuncType`].
        typ: ExprId,
        /// The body.
        body: Block,
    },
    /// `(x)`; `pos` is `(`.
    Paren(ExprId),
    /// `x.sel`; `pos` is the `.`.
    Selector {
        /// The operand.
        x: ExprId,
        /// The selected name.
        sel: Name,
    },
    /// `x[i]` or an instantiation `x[T1, T2]`; `pos` is `[`.
    Index {
        /// The indexed or instantiated operand.
        x: ExprId,
        /// One index, or the type arguments (two or more means an instantiation).
        indices: Vec<ExprId>,
    },
    /// `x[lo:hi]` or `x[lo:hi:max]`; `pos` is `[`.
    Slice {
        /// The operand.
        x: ExprId,
        /// Low bound.
        lo: Option<ExprId>,
        /// High bound.
        hi: Option<ExprId>,
        /// Capacity bound (full slice expression).
        max: Option<ExprId>,
        /// Written with two colons (the parser already reported a missing hi/max).
        full: bool,
    },
    /// `x.(T)`; `pos` is the `.`.
    TypeAssert {
        /// The interface operand.
        x: ExprId,
        /// The asserted type.
        typ: ExprId,
    },
    /// `x.(type)`, only as the guard of a type switch; `pos` is the `.`.
    TypeSwitchGuard {
        /// The name bound by `v := x.(type)`, if any.
        lhs: Option<Name>,
        /// The operand.
        x: ExprId,
    },
    /// `f(args)` (a call or a conversion); `pos` is `(`.
    Call {
        /// The function or type.
        fun: ExprId,
        /// The arguments.
        args: Vec<ExprId>,
        /// The last argument is followed by `...`.
        has_dots: bool,
        /// Position of `)`.
        rparen: Pos,
    },
    /// `*x`: a dereference or a pointer type; `pos` is `*`.
    Star(ExprId),
    /// A unary operation; `pos` is the operator.
    Unary {
        /// The operator.
        op: UnOp,
        /// The operand.
        x: ExprId,
    },
    /// A binary operation (or a union in a constraint); `pos` is the operator.
    Binary {
        /// The operator.
        op: BinOp,
        /// Left operand.
        x: ExprId,
        /// Right operand.
        y: ExprId,
    },
    /// `[len]elem`, or `[...]elem` when `len` is `None`; `pos` is `[`.
    ArrayType {
        /// The length expression; `None` for `[...]T` in a composite literal.
        len: Option<ExprId>,
        /// Element type.
        elem: ExprId,
    },
    /// `[]elem`; `pos` is `[`.
    SliceType(ExprId),
    /// `...elem`, the type of a final variadic parameter; `pos` is `...`.
    DotsType(ExprId),
    /// `struct { fields }`; `pos` is `struct`.
    StructType(Vec<Field>),
    /// `interface { elems }`: methods (named fields with a FuncType) and embedded
    /// elements (unnamed fields: types, `~T` terms, unions); `pos` is `interface`.
    InterfaceType(Vec<Field>),
    /// `func(params) results`; `pos` is `func` (or the method name inside an interface).
    FuncType {
        /// Parameters; the last may have a [`ExprKind::DotsType`] type.
        params: Vec<Field>,
        /// Results.
        results: Vec<Field>,
    },
    /// `map[key]value`; `pos` is `map`.
    MapType {
        /// Key type.
        key: ExprId,
        /// Value type.
        value: ExprId,
    },
    /// `chan T`, `chan<- T`, `<-chan T`; `pos` is `chan` or `<-`.
    ChanType {
        /// Direction.
        dir: ChanDir,
        /// Element type.
        elem: ExprId,
    },
}

/// How an assignment statement assigns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AssignOp {
    /// `=`
    Assign,
    /// `:=`
    Define,
    /// `op=`, e.g. `+=` is `Op(BinOp::Add)`.
    Op(BinOp),
}

/// Which branch statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BranchKind {
    /// `break [label]`
    Break,
    /// `continue [label]`
    Continue,
    /// `goto label`
    Goto,
    /// `fallthrough`
    Fallthrough,
}

/// A `case`/`default` clause of an expression or type switch.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseClause {
    /// Position of `case` or `default`.
    pub pos: Pos,
    /// The case expressions (types in a type switch); empty for `default`.
    pub cases: Vec<ExprId>,
    /// This is the `default` clause.
    pub is_default: bool,
    /// Position of `:`.
    pub colon: Pos,
    /// The clause body.
    pub body: Vec<StmtId>,
}

/// A `case`/`default` clause of a select statement.
#[derive(Clone, Debug, PartialEq)]
pub struct CommClause {
    /// Position of `case` or `default`.
    pub pos: Pos,
    /// The send or receive statement: a [`StmtKind::Send`], a [`StmtKind::Expr`] of a
    /// receive, or a [`StmtKind::Assign`] whose right side is a receive. `None` for `default`.
    pub comm: Option<StmtId>,
    /// Position of `:`.
    pub colon: Pos,
    /// The clause body.
    pub body: Vec<StmtId>,
}

/// A statement. `pos` is gc's position for it: its first token, or the operator for
/// an assignment, `++`/`--`, or a send.
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    /// gc's position for this node.
    pub pos: Pos,
    /// What it is.
    pub kind: StmtKind,
}

/// The kinds of [`Stmt`].
#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// An empty statement (a lone `;`, or nothing before a `}` or after a label).
    Empty,
    /// A placeholder where a statement failed to parse.
    Bad,
    /// `label: stmt`; `pos` is the `:` (as gc).
    Labeled {
        /// The label.
        label: Name,
        /// The labeled statement.
        stmt: StmtId,
    },
    /// A nested block.
    Block(Block),
    /// An expression statement.
    Expr(ExprId),
    /// `ch <- value`; `pos` is `<-`.
    Send {
        /// The channel.
        ch: ExprId,
        /// The value sent.
        value: ExprId,
    },
    /// `const`, `type` or `var` declarations inside a function.
    Decl(Vec<DeclId>),
    /// `lhs = rhs`, `lhs := rhs`, `lhs op= rhs`; `pos` is the operator.
    Assign {
        /// How it assigns.
        op: AssignOp,
        /// Left-hand sides.
        lhs: Vec<ExprId>,
        /// Right-hand sides.
        rhs: Vec<ExprId>,
    },
    /// `x++` or `x--`; `pos` is the operator.
    IncDec {
        /// The operand.
        x: ExprId,
        /// `++` (else `--`).
        inc: bool,
    },
    /// `go call`.
    Go(ExprId),
    /// `defer call`.
    Defer(ExprId),
    /// `return results`.
    Return(Vec<ExprId>),
    /// `break`, `continue`, `goto`, `fallthrough`.
    Branch {
        /// Which one.
        kind: BranchKind,
        /// The label, if any.
        label: Option<Name>,
    },
    /// `if init; cond { then } else els`.
    If {
        /// Init statement.
        init: Option<StmtId>,
        /// Condition ([`ExprKind::Bad`] when missing; an error was reported).
        cond: ExprId,
        /// The then-block.
        then: Block,
        /// An [`StmtKind::If`] or a [`StmtKind::Block`].
        els: Option<StmtId>,
    },
    /// `for init; cond; post { body }` (all optional: `for {}`, `for cond {}`).
    For {
        /// Init statement.
        init: Option<StmtId>,
        /// Condition.
        cond: Option<ExprId>,
        /// Post statement.
        post: Option<StmtId>,
        /// Body.
        body: Block,
    },
    /// `for key, value := range x { body }`, `for range x {}`, also over ints and funcs.
    Range {
        /// The key (iteration variable or assignable expression).
        key: Option<ExprId>,
        /// The value.
        value: Option<ExprId>,
        /// `:=` (else `=` or nothing).
        define: bool,
        /// The ranged-over expression.
        x: ExprId,
        /// Body.
        body: Block,
    },
    /// `switch init; tag { clauses }`.
    Switch {
        /// Init statement.
        init: Option<StmtId>,
        /// The tag; `None` means `true`.
        tag: Option<ExprId>,
        /// The clauses.
        clauses: Vec<CaseClause>,
        /// Position of `}`.
        rbrace: Pos,
    },
    /// `switch init; v := x.(type) { clauses }`.
    TypeSwitch {
        /// Init statement.
        init: Option<StmtId>,
        /// The guard, an [`ExprKind::TypeSwitchGuard`].
        guard: ExprId,
        /// The clauses; their `cases` are types (or `nil`).
        clauses: Vec<CaseClause>,
        /// Position of `}`.
        rbrace: Pos,
    },
    /// `select { clauses }`.
    Select {
        /// The clauses.
        clauses: Vec<CommClause>,
        /// Position of `}`.
        rbrace: Pos,
    },
}

/// A range of [`File::directives`] (the `//go:` pragmas written right before a
/// declaration), as `start..end` indices.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Pragmas {
    /// First directive index.
    pub start: u32,
    /// One past the last directive index.
    pub end: u32,
}

impl Pragmas {
    /// The range as `usize`s, for slicing `file.directives`.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A declaration: one import, one const/var/type spec, or one function.
#[derive(Clone, Debug, PartialEq)]
pub struct Decl {
    /// Position: the first name of a spec, the path of an unnamed import, or the
    /// `func` keyword of a function (as gc).
    pub pos: Pos,
    /// The parenthesized group, if written in one.
    pub group: Option<GroupId>,
    /// The `//go:` directives written immediately before this spec or function.
    pub pragmas: Pragmas,
    /// What it declares.
    pub kind: DeclKind,
}

/// The kinds of [`Decl`].
#[derive(Clone, Debug, PartialEq)]
pub enum DeclKind {
    /// `import name "path"`.
    Import {
        /// The local name (`.`, `_`, or a name), if given.
        name: Option<Name>,
        /// The path, a string [`ExprKind::BasicLit`] (or [`ExprKind::Bad`]).
        path: ExprId,
    },
    /// `const names type = values`.
    Const {
        /// The names.
        names: Vec<Name>,
        /// The type, if given.
        typ: Option<ExprId>,
        /// The values; empty means "repeat the previous spec's type and values" (the
        /// checker finds that spec via `group`).
        values: Vec<ExprId>,
        /// The value of `iota` for this spec (its index within its group).
        iota: u32,
    },
    /// `var names type = values`.
    Var {
        /// The names.
        names: Vec<Name>,
        /// The type, if given.
        typ: Option<ExprId>,
        /// The initial values, if given.
        values: Vec<ExprId>,
    },
    /// `type name[tparams] type` or `type name[tparams] = type`.
    Type {
        /// The declared name.
        name: Name,
        /// Type parameters (empty if none).
        tparams: Vec<Field>,
        /// Declared with `=` (an alias).
        alias: bool,
        /// The type.
        typ: ExprId,
    },
    /// `func (recv) name[tparams](params) results { body }`.
    Func {
        /// The receiver, for a method.
        recv: Option<Field>,
        /// The function name.
        name: Name,
        /// Type parameters (empty if none).
        tparams: Vec<Field>,
        /// The signature, an [`ExprKind::FuncType`].
        typ: ExprId,
        /// The body; `None` for a declaration without body (assembly, linkname).
        body: Option<Block>,
    },
}

/// What kind of comment directive a [`Directive`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DirectiveKind {
    /// `//go:build expr` (only meaningful before the package clause).
    GoBuild,
    /// `// +build ...` (legacy build constraint; before the package clause).
    PlusBuild,
    /// `//go:embed patterns`.
    Embed,
    /// `//go:linkname local target`.
    Linkname,
    /// Any other `//go:name ...` pragma (`noinline`, `nosplit`, `noescape`, ...).
    Pragma,
    /// `//line` or `/*line */` (also applied to positions through the line table).
    Line,
    /// `//export name` (cgo).
    Export,
}

/// A comment that means something to the tools: a `//go:` pragma, a build
/// constraint, a `//line` directive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Directive {
    /// Position of the `//`.
    pub pos: Pos,
    /// Length of the whole comment text in bytes (from `//` to the end of line).
    pub len: u32,
    /// Which directive.
    pub kind: DirectiveKind,
}

/// A comment's extent (all comments are kept: `go test` reads `// Output:` comments
/// at the end of example functions from them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Comment {
    /// Position of `//` or `/*`.
    pub pos: Pos,
    /// Length in bytes, including the `//` or `/* */` (not the newline).
    pub len: u32,
}

/// One parsed Go source file: the tree plus what is needed to read it.
#[derive(Clone, Debug, Default)]
pub struct File {
    /// The file name given to the parser (used in positions).
    pub name: String,
    /// The source bytes (names and literals are slices of it).
    pub src: Box<[u8]>,
    /// Line starts and `//line` directives.
    pub lines: LineTable,
    /// Position of the `package` keyword.
    pub package_pos: Pos,
    /// The package name (a zero-length name if it was missing).
    pub package_name: Name,
    /// Top-level declarations in order (imports first).
    pub decls: Vec<DeclId>,
    /// The expression arena.
    pub exprs: Vec<Expr>,
    /// The statement arena.
    pub stmts: Vec<Stmt>,
    /// The declaration arena (top-level and local).
    pub all_decls: Vec<Decl>,
    /// All directives in source order.
    pub directives: Vec<Directive>,
    /// All comments in source order.
    pub comments: Vec<Comment>,
    /// Position of the end of the file.
    pub eof: Pos,
    /// Only the package clause and imports were parsed ([`super::parse_header`]).
    pub header_only: bool,
}

impl File {
    /// The expression `id`.
    pub fn expr(&self, id: ExprId) -> &Expr {
        &self.exprs[id.index()]
    }

    /// The statement `id`.
    pub fn stmt(&self, id: StmtId) -> &Stmt {
        &self.stmts[id.index()]
    }

    /// The declaration `id`.
    pub fn decl(&self, id: DeclId) -> &Decl {
        &self.all_decls[id.index()]
    }

    /// The top-level declarations, in order.
    pub fn top_decls(&self) -> impl Iterator<Item = (DeclId, &Decl)> + '_ {
        self.decls.iter().map(move |&id| (id, self.decl(id)))
    }

    /// The source bytes `pos .. pos+len` as text ("" if not valid UTF-8, which the
    /// scanner reported as an error).
    pub fn text(&self, pos: Pos, len: u32) -> &str {
        let start = pos.offset();
        let end = start.saturating_add(len as usize);
        self.src.get(start..end).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or("")
    }

    /// The text of an identifier.
    pub fn name(&self, n: Name) -> &str {
        self.text(n.pos, n.len)
    }

    /// The package name.
    pub fn package(&self) -> &str {
        self.name(self.package_name)
    }

    /// The source text of a basic literal (quotes and prefixes included), or "" if
    /// `id` is not a literal.
    pub fn lit_text(&self, id: ExprId) -> &str {
        let e = self.expr(id);
        match e.kind {
            ExprKind::BasicLit { len, .. } => self.text(e.pos, len),
            _ => "",
        }
    }

    /// The full text of a directive, e.g. `//go:linkname foo runtime.foo`.
    pub fn directive_text(&self, d: &Directive) -> &str {
        self.text(d.pos, d.len)
    }

    /// The full text of a comment, including `//` or `/* */`.
    pub fn comment_text(&self, c: &Comment) -> &str {
        self.text(c.pos, c.len)
    }

    /// The imports: (local name, path literal expression), in order.
    pub fn imports(&self) -> impl Iterator<Item = (Option<Name>, ExprId)> + '_ {
        self.top_decls().filter_map(|(_, d)| match d.kind {
            DeclKind::Import { name, path } => Some((name, path)),
            _ => None,
        })
    }

    /// The build-constraint lines (`//go:build`, `// +build`) before the package clause.
    pub fn build_constraints(&self) -> impl Iterator<Item = &Directive> + '_ {
        self.directives.iter().filter(move |d| {
            matches!(d.kind, DirectiveKind::GoBuild | DirectiveKind::PlusBuild) && d.pos < self.package_pos
        })
    }

    /// Resolves `pos` to `file:line:col` as gc prints it (honouring `//line`).
    pub fn position(&self, pos: Pos) -> Position<'_> {
        self.lines.position(&self.name, pos)
    }

    /// The leftmost position of an expression (gc's `syntax.StartPos`).
    pub fn start_pos(&self, mut id: ExprId) -> Pos {
        // The tree is acyclic, so the walk ends; the bound only guards against misuse.
        for _ in 0..self.exprs.len() + 1 {
            let e = self.expr(id);
            id = match &e.kind {
                ExprKind::CompositeLit { typ: Some(t), .. } => *t,
                ExprKind::KeyValue { key, .. } => *key,
                ExprKind::Selector { x, .. }
                | ExprKind::Index { x, .. }
                | ExprKind::Slice { x, .. }
                | ExprKind::TypeAssert { x, .. }
                | ExprKind::Binary { x, .. } => *x,
                ExprKind::TypeSwitchGuard { lhs: Some(n), .. } => return n.pos,
                ExprKind::TypeSwitchGuard { x, .. } => *x,
                ExprKind::Call { fun, .. } => *fun,
                _ => return e.pos,
            };
        }
        Pos(0)
    }

    /// Formats a syntax error as gc prints it: `file:line:col: message`.
    pub fn format_error(&self, e: &super::Error) -> String {
        format!("{}: {}", self.position(e.pos), e.msg)
    }
}
