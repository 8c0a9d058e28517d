//! Token kinds and operators, as gc's scanner produces them.
//!
//! Operators are grouped as gc groups them (one `Operator` token with an [`Op`] and
//! a precedence), which keeps the parser's binary-expression loop small and makes
//! error messages print the operator the way gc does.

/// A token kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Tok {
    /// End of input.
    Eof,
    /// An identifier.
    Name,
    /// A basic literal.
    Literal,
    /// A unary or binary operator other than `*` (see [`Op`]).
    Operator,
    /// `op=`
    AssignOp,
    /// `++` or `--`
    IncOp,
    /// `=`
    Assign,
    /// `:=`
    Define,
    /// `<-`
    Arrow,
    /// `*`
    Star,
    /// `(`
    Lparen,
    /// `[`
    Lbrack,
    /// `{`
    Lbrace,
    /// `)`
    Rparen,
    /// `]`
    Rbrack,
    /// `}`
    Rbrace,
    /// `,`
    Comma,
    /// `;`, or a newline or EOF turned into one
    Semi,
    /// `:`
    Colon,
    /// `.`
    Dot,
    /// `...`
    DotDotDot,
    /// `break`
    Break,
    /// `case`
    Case,
    /// `chan`
    Chan,
    /// `const`
    Const,
    /// `continue`
    Continue,
    /// `default`
    Default,
    /// `defer`
    Defer,
    /// `else`
    Else,
    /// `fallthrough`
    Fallthrough,
    /// `for`
    For,
    /// `func`
    Func,
    /// `go`
    Go,
    /// `goto`
    Goto,
    /// `if`
    If,
    /// `import`
    Import,
    /// `interface`
    Interface,
    /// `map`
    Map,
    /// `package`
    Package,
    /// `range`
    Range,
    /// `return`
    Return,
    /// `select`
    Select,
    /// `struct`
    Struct,
    /// `switch`
    Switch,
    /// `type`
    Type,
    /// `var`
    Var,
}

impl Tok {
    /// The token as gc's `token.String` prints it.
    pub fn as_str(self) -> &'static str {
        use Tok::*;
        match self {
            Eof => "EOF",
            Name => "name",
            Literal => "literal",
            Operator => "op",
            AssignOp => "op=",
            IncOp => "opop",
            Assign => "=",
            Define => ":=",
            Arrow => "<-",
            Star => "*",
            Lparen => "(",
            Lbrack => "[",
            Lbrace => "{",
            Rparen => ")",
            Rbrack => "]",
            Rbrace => "}",
            Comma => ",",
            Semi => ";",
            Colon => ":",
            Dot => ".",
            DotDotDot => "...",
            Break => "break",
            Case => "case",
            Chan => "chan",
            Const => "const",
            Continue => "continue",
            Default => "default",
            Defer => "defer",
            Else => "else",
            Fallthrough => "fallthrough",
            For => "for",
            Func => "func",
            Go => "go",
            Goto => "goto",
            If => "if",
            Import => "import",
            Interface => "interface",
            Map => "map",
            Package => "package",
            Range => "range",
            Return => "return",
            Select => "select",
            Struct => "struct",
            Switch => "switch",
            Type => "type",
            Var => "var",
        }
    }

    /// Whether this is a keyword.
    pub fn is_keyword(self) -> bool {
        (self as u8) >= (Tok::Break as u8)
    }

    /// The bit of this token in a [`TokSet`].
    pub const fn bit(self) -> u64 {
        1u64 << (self as u8)
    }

    /// The keyword spelled `s`, if any.
    pub fn keyword(s: &[u8]) -> Option<Tok> {
        use Tok::*;
        Some(match s {
            b"break" => Break,
            b"case" => Case,
            b"chan" => Chan,
            b"const" => Const,
            b"continue" => Continue,
            b"default" => Default,
            b"defer" => Defer,
            b"else" => Else,
            b"fallthrough" => Fallthrough,
            b"for" => For,
            b"func" => Func,
            b"go" => Go,
            b"goto" => Goto,
            b"if" => If,
            b"import" => Import,
            b"interface" => Interface,
            b"map" => Map,
            b"package" => Package,
            b"range" => Range,
            b"return" => Return,
            b"select" => Select,
            b"struct" => Struct,
            b"switch" => Switch,
            b"type" => Type,
            b"var" => Var,
            _ => return None,
        })
    }
}

/// A set of tokens, one bit each (there are fewer than 64 kinds).
pub type TokSet = u64;

/// The word gc uses for a token in "expected X" messages.
pub fn tokstring(t: Tok) -> String {
    match t {
        Tok::Comma => "comma".into(),
        Tok::Semi => "semicolon or newline".into(),
        t if t.is_keyword() => format!("keyword {}", t.as_str()),
        t => t.as_str().into(),
    }
}

/// An operator carried by [`Tok::Operator`], [`Tok::AssignOp`], [`Tok::IncOp`] and [`Tok::Star`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Op {
    /// No operator.
    None,
    /// `!`
    Not,
    /// `<-`
    Recv,
    /// `~`
    Tilde,
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
    /// `|`
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

impl Op {
    /// The operator as written.
    pub fn as_str(self) -> &'static str {
        use Op::*;
        match self {
            None => "",
            Not => "!",
            Recv => "<-",
            Tilde => "~",
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

    /// The AST binary operator, if this is one.
    pub fn binary(self) -> Option<super::ast::BinOp> {
        use super::ast::BinOp as B;
        Some(match self {
            Op::OrOr => B::OrOr,
            Op::AndAnd => B::AndAnd,
            Op::Eql => B::Eql,
            Op::Neq => B::Neq,
            Op::Lss => B::Lss,
            Op::Leq => B::Leq,
            Op::Gtr => B::Gtr,
            Op::Geq => B::Geq,
            Op::Add => B::Add,
            Op::Sub => B::Sub,
            Op::Or => B::Or,
            Op::Xor => B::Xor,
            Op::Mul => B::Mul,
            Op::Div => B::Div,
            Op::Rem => B::Rem,
            Op::And => B::And,
            Op::AndNot => B::AndNot,
            Op::Shl => B::Shl,
            Op::Shr => B::Shr,
            _ => return Option::None,
        })
    }
}

/// Precedence of `||`.
pub const PREC_OROR: u8 = 1;
/// Precedence of `&&`.
pub const PREC_ANDAND: u8 = 2;
/// Precedence of comparisons.
pub const PREC_CMP: u8 = 3;
/// Precedence of `+ - | ^`.
pub const PREC_ADD: u8 = 4;
/// Precedence of `* / % & &^ << >>`.
pub const PREC_MUL: u8 = 5;
