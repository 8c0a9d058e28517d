//! The `unsafe` package's functions that produce code: `Add`, `Slice`, `SliceData`,
//! `String` and `StringData` (`Sizeof`, `Alignof` and `Offsetof` are constants the
//! checker folds). Pointers are plain addresses, so these are word shuffles plus gc's
//! run-time checks, which live in natives (`unsafeslice`, `unsafestring`).

use super::func::{CResult, FuncCompiler};
use super::layout;
use crate::bytecode::{Instr, Kind};
use frontend::syntax::ast::ExprId;
use frontend::types::object::Builtin;
use frontend::types::ty::{BasicKind, Type, TypeTable};

impl FuncCompiler<'_, '_> {
    /// `unsafe.Add`, `unsafe.Slice`, `unsafe.SliceData`, `unsafe.String`,
    /// `unsafe.StringData`: the call `e` with arguments `args`.
    pub fn unsafe_builtin(&mut self, e: ExprId, b: Builtin, args: &[ExprId]) -> CResult {
        let pos = self.file.expr(e).pos;
        let prog = self.cx.prog;
        match (b, args) {
            (Builtin::Add, [p, n]) => {
                self.expr(*p)?;
                self.length_operand(*n)?;
                self.b.emit(Instr::AddI64);
                self.b.set_top_kinds(&[Kind::Pointer]);
                Ok(())
            }
            (Builtin::SliceData, [s]) => {
                // The pointer word of the slice: nil for a nil slice, as gc.
                self.expr(*s)?;
                self.b.emit(Instr::Pop);
                self.b.emit(Instr::Pop);
                Ok(())
            }
            (Builtin::StringData, [s]) => {
                let st = self.ty(*s);
                let st = if prog.types.is_untyped(st) { TypeTable::basic(BasicKind::String) } else { st };
                self.expr_to(*s, st)?;
                self.b.emit(Instr::Pop);
                self.b.set_top_kinds(&[Kind::Pointer]);
                Ok(())
            }
            (Builtin::Slice, [p, n]) => {
                let Type::Slice(elem) = prog.types.under(self.ty(e)) else {
                    return Err(self.err(pos, "internal compiler error: unsafe.Slice result"));
                };
                let size = layout::size_of(prog, *elem);
                self.expr(*p)?;
                self.length_operand(*n)?;
                self.b.push_i64(size as i64);
                self.b.set_line(self.line(pos));
                self.call_native(pos, "unsafeslice")
            }
            (Builtin::String, [p, n]) => {
                self.expr(*p)?;
                self.length_operand(*n)?;
                self.b.set_line(self.line(pos));
                self.call_native(pos, "unsafestring")
            }
            _ => Err(self.err(pos, format!("internal compiler error: unsafe.{} arity", b.name()))),
        }
    }

    /// Pushes a length or offset operand as a 64-bit word: any integer type, an
    /// untyped constant as `int`. An unsigned value above `MaxInt64` comes out negative,
    /// which the natives reject as gc's `len out of range`.
    fn length_operand(&mut self, n: ExprId) -> CResult {
        let t = self.ty(n);
        let t = if self.cx.prog.types.is_untyped(t) { TypeTable::basic(BasicKind::Int) } else { t };
        self.expr_to(n, t)
    }
}
