//! Complex numbers: arithmetic, comparison, negation, conversions and the `complex`,
//! `real` and `imag` builtins. A complex value is two words on the stack (`re, im`,
//! each a float of the component width in canonical form), so `real`/`imag` and
//! `complex(r, i)` are pure stack shuffles; `complex128` multiplication and division are
//! instructions, the other operations natives, all over `runtime::complex` (gc's
//! division algorithm in one place).

use super::func::{CResult, FuncCompiler};
use super::layout::{self, Repr};
use crate::bytecode::Instr;
use frontend::syntax::Pos;
use frontend::syntax::ast::{BinOp, ExprId};
use frontend::types::ty::{BasicKind, TypeId, TypeTable};

impl FuncCompiler<'_, '_> {
    /// `[x.re, x.im, y.re, y.im] -> [x op y]` for a complex arithmetic operator.
    pub fn complex_arith(&mut self, pos: Pos, op: BinOp, r: Repr) -> CResult {
        let wide = r == Repr::C128;
        if wide && matches!(op, BinOp::Mul | BinOp::Div) {
            self.b.emit(if op == BinOp::Mul { Instr::MulC128 } else { Instr::DivC128 });
            return Ok(());
        }
        let native = match (op, wide) {
            (BinOp::Add, true) => "complex128add",
            (BinOp::Sub, true) => "complex128sub",
            (BinOp::Add, false) => "complex64add",
            (BinOp::Sub, false) => "complex64sub",
            (BinOp::Mul, false) => "complex64mul",
            (BinOp::Div, false) => "complex64div",
            _ => return Err(self.unimpl(pos, &format!("operator {} on complex numbers", op.as_str()))),
        };
        self.call_native(pos, native)
    }

    /// `[x.re, x.im, y.re, y.im] -> [x == y]` or `!=`.
    pub fn complex_compare(&mut self, pos: Pos, op: BinOp, r: Repr) -> CResult {
        self.call_native(pos, if r == Repr::C128 { "complex128eq" } else { "complex64eq" })?;
        if op == BinOp::Neq {
            self.b.emit(Instr::Eqz);
        }
        Ok(())
    }

    /// `[re, im] -> [-re, -im]`.
    pub fn complex_neg(&mut self, r: Repr) {
        let neg = if r == Repr::C128 { Instr::NegF64 } else { Instr::NegF32 };
        self.map_parts(neg);
    }

    /// Converts the complex value on the stack from `from` to `to` (`complex64` ↔
    /// `complex128`), part by part.
    pub fn complex_convert(&mut self, from: Repr, to: Repr) {
        match (from, to) {
            (Repr::C64, Repr::C128) => self.map_parts(Instr::F32ToF64),
            (Repr::C128, Repr::C64) => self.map_parts(Instr::F64ToF32),
            _ => {}
        }
    }

    /// `[re, im] -> [f(re), f(im)]` for a one-word float instruction `f`.
    fn map_parts(&mut self, f: Instr) {
        self.b.emit(f);
        self.b.emit(Instr::Swap);
        self.b.emit(f);
        self.b.emit(Instr::Swap);
    }

    /// `complex(re, im)` of result type `t`: both parts converted to the component type.
    pub fn complex_builtin(&mut self, pos: Pos, t: TypeId, args: &[ExprId]) -> CResult {
        let [re, im] = args else { return Err(self.err(pos, "internal compiler error: complex arity")) };
        let part = match layout::repr(self.cx.prog, t) {
            Some(Repr::C64) => BasicKind::Float32,
            _ => BasicKind::Float64,
        };
        let part = TypeTable::basic(part);
        self.expr_to(*re, part)?;
        self.expr_to(*im, part)
    }

    /// `real(c)` or `imag(c)`.
    pub fn complex_part(&mut self, pos: Pos, imag: bool, args: &[ExprId]) -> CResult {
        let [c] = args else { return Err(self.err(pos, "internal compiler error: real/imag arity")) };
        let mut ct = self.ty(*c);
        if self.cx.prog.types.is_untyped(ct) {
            ct = TypeTable::basic(BasicKind::Complex128);
        }
        self.expr_to(*c, ct)?;
        if imag {
            self.b.emit(Instr::Swap);
        }
        self.b.emit(Instr::Pop);
        Ok(())
    }
}
