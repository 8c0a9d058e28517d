//! Operands: the result of evaluating an expression (mode, type, constant value), and
//! their description in messages as gc writes it (`x (variable of type int)`,
//! `1.5 (untyped float constant)`, `300 (untyped int constant 300)` when the text and
//! the value differ).

use super::check::Checker;
use super::constant::Value;
use super::info::Mode;
use super::object::{Builtin, ObjId};
use super::ty::{Type, TypeId};
use crate::syntax::ast::ExprId;

/// How an operand may be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum OpMode {
    /// An erroneous operand (already reported).
    Invalid,
    /// A call without results.
    NoValue,
    /// A builtin function.
    Builtin(Builtin),
    /// A type.
    TypeExpr,
    /// A constant.
    Constant,
    /// An addressable variable.
    Variable,
    /// A map index expression.
    MapIndex,
    /// A computed value.
    Value,
    /// A value usable in a comma-ok assignment.
    CommaOk,
    /// The predeclared `nil`.
    Nil,
}

impl OpMode {
    /// The mode recorded in [`super::info`].
    pub fn recorded(self) -> Mode {
        match self {
            OpMode::Invalid | OpMode::Value | OpMode::Nil => Mode::Value,
            OpMode::NoValue => Mode::NoValue,
            OpMode::Builtin(_) => Mode::Builtin,
            OpMode::TypeExpr => Mode::TypeExpr,
            OpMode::Constant => Mode::Constant,
            OpMode::Variable => Mode::Variable,
            OpMode::MapIndex => Mode::MapIndex,
            OpMode::CommaOk => Mode::CommaOk,
        }
    }
}

/// An evaluated expression.
#[derive(Clone, Debug)]
pub(super) struct Operand {
    /// How it may be used.
    pub mode: OpMode,
    /// Its type.
    pub ty: TypeId,
    /// Its value, for constants.
    pub val: Value,
    /// The expression, for messages and for recording final types.
    pub expr: Option<ExprId>,
    /// The object an identifier (or qualified identifier) denotes.
    pub id: Option<ObjId>,
}

impl Operand {
    /// An invalid operand for `e`.
    pub fn invalid(e: Option<ExprId>) -> Operand {
        Operand { mode: OpMode::Invalid, ty: super::ty::TypeTable::INVALID, val: Value::Unknown, expr: e, id: None }
    }

    /// A value operand.
    pub fn value(ty: TypeId, e: Option<ExprId>) -> Operand {
        Operand { mode: OpMode::Value, ty, val: Value::Unknown, expr: e, id: None }
    }

    /// Whether the operand is the predeclared nil (or an untyped nil value).
    pub fn is_nil(&self) -> bool {
        self.mode == OpMode::Nil
    }
}

impl Checker<'_> {
    /// Describes an operand as gc's messages do.
    pub(super) fn describe(&self, x: &Operand) -> String {
        if x.mode == OpMode::Nil {
            if self.prog.types.is_untyped(x.ty) || x.ty == self.invalid() {
                return "nil".into();
            }
            return format!("nil (of type {})", self.ts(x.ty));
        }
        let expr = match x.expr {
            Some(e) => self.expr_string(e),
            None => match x.mode {
                OpMode::Builtin(b) => b.name().to_string(),
                OpMode::TypeExpr => self.ts(x.ty),
                OpMode::Constant => x.val.to_string(),
                _ => String::new(),
            },
        };
        let mut buf = String::new();
        if !expr.is_empty() {
            buf.push_str(&expr);
            buf.push_str(" (");
        }
        let mut has_type = false;
        match x.mode {
            OpMode::Invalid | OpMode::NoValue | OpMode::Builtin(_) | OpMode::TypeExpr => {}
            _ => {
                if self.prog.types.is_untyped(x.ty) {
                    if let Type::Basic(k) = self.prog.types.get(x.ty) {
                        buf.push_str(k.name());
                        buf.push(' ');
                    }
                } else {
                    has_type = true;
                }
            }
        }
        buf.push_str(match x.mode {
            OpMode::Invalid => "invalid operand",
            OpMode::NoValue => "no value",
            OpMode::Builtin(_) => "built-in",
            OpMode::TypeExpr => "type",
            OpMode::Constant => "constant",
            OpMode::Variable => "variable",
            OpMode::MapIndex => "map index expression",
            OpMode::Value | OpMode::Nil => "value",
            OpMode::CommaOk => "comma, ok expression",
        });
        if x.mode == OpMode::Constant {
            let s = x.val.to_string();
            if s != expr {
                buf.push(' ');
                buf.push_str(&s);
            }
        }
        if has_type {
            if x.ty != self.invalid() {
                let mut desc = String::new();
                if self.is_generic_type(x.ty) {
                    desc.push_str("generic ");
                }
                if let Some(tp) = self.prog.types.type_param(x.ty) {
                    let b = tp.bound;
                    buf.push_str(&format!(" of type {}", self.ts(x.ty)));
                    if let Some(b) = b {
                        buf.push_str(&format!(" constrained by {}", self.ts(b)));
                    }
                } else {
                    if matches!(self.prog.types.get(x.ty), Type::Named(_)) {
                        let what = self.composite_kind(x.ty);
                        desc.push_str(&what);
                        desc.push(' ');
                    }
                    buf.push_str(&format!(" of {desc}type {}", self.ts(x.ty)));
                }
            } else {
                buf.push_str(" with invalid type");
            }
        }
        if !expr.is_empty() {
            buf.push(')');
        }
        buf
    }

    /// The kind word gc uses for a named type's structure (`struct`, `int`, ...).
    fn composite_kind(&self, t: TypeId) -> String {
        match self.prog.types.under(t) {
            Type::Basic(k) => k.name().to_string(),
            Type::Array(..) => "array".into(),
            Type::Slice(_) => "slice".into(),
            Type::Struct(_) => "struct".into(),
            Type::Pointer(_) => "pointer".into(),
            Type::Signature(_) => "func".into(),
            Type::Interface(_) => "interface".into(),
            Type::Map(..) => "map".into(),
            Type::Chan(..) => "chan".into(),
            Type::Tuple(_) => "tuple".into(),
            Type::Union(_) => "union".into(),
            _ => String::new(),
        }
    }

    /// Records the operand's type and value for its expression.
    pub(super) fn record_operand(&mut self, x: &Operand) {
        let Some(e) = x.expr else { return };
        let val = (x.mode == OpMode::Constant).then(|| x.val.clone());
        let ty = if x.mode == OpMode::Invalid { self.invalid() } else { x.ty };
        self.record(e, x.mode.recorded(), ty, val);
    }
}
