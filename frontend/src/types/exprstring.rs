//! Expressions quoted in messages, shortened as gc quotes them (function and
//! composite literal bodies as `{…}`): the parser's printer does the work.

use super::check::Checker;
use crate::syntax::ast::ExprId;

impl Checker<'_> {
    /// The expression `e` of the current file as gc prints it in messages.
    pub(super) fn expr_string(&self, e: ExprId) -> String {
        crate::syntax::print::expr(&self.file, e)
    }
}
