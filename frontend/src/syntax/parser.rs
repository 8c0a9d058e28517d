//! The parser: tokens → [`ast::File`], recursive descent shaped like gc's parser.
//!
//! Following gc's structure closely is deliberate: its error messages, its recovery
//! (skipping to a follow set, with statement keywords as synchronization points
//! inside functions) and its resolution of the grammar's ambiguities (composite
//! literal vs block after `if x {`, type parameter list vs array length in
//! `type T[P any] ...`, embedded instantiated types) are what Go programmers see
//! and what the `$GOROOT/test` error tests expect.
//!
//! Robustness: every loop consumes a token or stops, recovery never skips EOF,
//! nesting deeper than [`MAX_DEPTH`] is reported once and ends the parse (so no
//! input can overflow the stack), and parsing stops after the error limit
//! ([`super::MAX_ERRORS`] by default).

use super::ast::*;
use super::branches;
use super::pos::{LineTable, Pos};
use super::print;
use super::scanner::Scanner;
use super::token::{tokstring, Op, Tok, TokSet};
use super::{Error, Options};

/// The deepest nesting of expressions, types and statements the parser accepts
/// (one level per parenthesis, unary operator, nested type, block or composite
/// literal). Real code stays far below it; a hostile input that exceeds it gets one
/// error. Measured cost: at most ~2.5 KB of stack per level in a debug build and
/// ~0.7 KB in a release build, so 500 levels fit in a 2 MB test thread.
pub const MAX_DEPTH: u32 = 500;

/// How deep the helpers that walk a finished subtree (type-element and
/// type-parameter analysis) follow operator chains before giving up. Operator
/// chains (`a | b | c ...`) are built by a loop, not by recursion, so their depth is
/// not bounded by [`MAX_DEPTH`].
const WALK_LIMIT: u32 = 200;

/// Statement keywords: where recovery inside a function body stops skipping.
const STOPSET: TokSet = Tok::Break.bit()
    | Tok::Const.bit()
    | Tok::Continue.bit()
    | Tok::Defer.bit()
    | Tok::Fallthrough.bit()
    | Tok::For.bit()
    | Tok::Go.bit()
    | Tok::Goto.bit()
    | Tok::If.bit()
    | Tok::Return.bit()
    | Tok::Select.bit()
    | Tok::Switch.bit()
    | Tok::Type.bit()
    | Tok::Var.bit();

/// A parameter while its list is being parsed: gc fills in missing names and
/// types only once the whole list is known.
#[derive(Clone, Copy)]
struct PField {
    pos: Pos,
    name: Option<Name>,
    typ: Option<ExprId>,
}

/// What `simple_stmt` found: a statement, or a range clause (only after `for`).
enum Simple {
    Stmt(StmtId),
    Range { pos: Pos, lhs: Vec<ExprId>, define: bool, x: ExprId },
}

/// The decl kind parsed by `append_group`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum DeclTok {
    Import,
    Const,
    Type,
    Var,
}

struct Parser<'a> {
    name: &'a str,
    s: Scanner<'a>,
    src: &'a [u8],
    header_only: bool,
    max_errors: usize,
    exprs: Vec<Expr>,
    stmts: Vec<Stmt>,
    decls: Vec<Decl>,
    errors: Vec<Error>,
    /// Every error reported, including those the per-line rules dropped (gc's
    /// `errcnt`, which decides whether a function body gets branch checks).
    raw_errors: usize,
    lines: LineTable,
    /// Line of the last reported syntax error (gc reports one per line).
    last_syntax_line: u32,
    /// Line and text of the last other error (gc drops an identical one on the same line).
    last_other: (u32, String),
    /// Function nesting (recovery uses the statement stopset when > 0).
    fnest: i32,
    /// Expression nesting: < 0 in control clause headers, where `{` opens the block.
    xnest: i32,
    depth: u32,
    /// Set once the parse must end (too deep, too many errors): the token stream
    /// then reads as EOF.
    aborted: bool,
    pragma_start: usize,
    groups: u32,
}

/// Parses `src` as the file `name`.
pub fn parse(name: &str, src: &[u8], opts: Options) -> (File, Vec<Error>) {
    if src.len() >= u32::MAX as usize {
        // Positions are u32 offsets.
        let file = File { name: name.to_string(), ..File::default() };
        return (file, vec![Error { pos: Pos(0), msg: "file too large".into() }]);
    }
    let mut p = Parser {
        name,
        s: Scanner::new(src),
        src,
        header_only: opts.header_only,
        max_errors: opts.max_errors.max(1),
        exprs: Vec::with_capacity(src.len() / 12),
        stmts: Vec::with_capacity(src.len() / 40),
        decls: Vec::new(),
        errors: Vec::new(),
        raw_errors: 0,
        lines: LineTable::new(src),
        last_syntax_line: 0,
        last_other: (0, String::new()),
        fnest: 0,
        xnest: 0,
        depth: 0,
        aborted: false,
        pragma_start: 0,
        groups: 0,
    };
    p.next();
    let (package_pos, package_name, top) = p.file();
    let eof = Pos(p.s.pos);
    let mut lines = std::mem::take(&mut p.lines);
    for d in std::mem::take(&mut p.s.line_directives) {
        lines.add_directive(d);
    }
    let mut errors = std::mem::take(&mut p.errors);
    errors.sort_by_key(|e| e.pos);
    errors.truncate(opts.max_errors.max(1));
    let file = File {
        name: name.to_string(),
        src: src.into(),
        lines,
        package_pos,
        package_name,
        decls: top,
        exprs: p.exprs,
        stmts: p.stmts,
        all_decls: p.decls,
        directives: std::mem::take(&mut p.s.directives),
        comments: std::mem::take(&mut p.s.comments),
        eof,
        header_only: opts.header_only,
    };
    (file, errors)
}

impl<'a> Parser<'a> {
    // ---- tokens and errors ----

    fn next(&mut self) {
        if self.aborted {
            self.s.tok = Tok::Eof;
            return;
        }
        self.s.next();
        if !self.s.errors.is_empty() {
            for (pos, msg) in std::mem::take(&mut self.s.errors) {
                self.error_at(pos, msg);
            }
        }
    }

    fn tok(&self) -> Tok {
        self.s.tok
    }

    fn pos(&self) -> Pos {
        Pos(self.s.pos)
    }

    fn is_op(&self, op: Op) -> bool {
        self.s.tok == Tok::Operator && self.s.op == op
    }

    fn got(&mut self, t: Tok) -> bool {
        if self.tok() == t {
            self.next();
            true
        } else {
            false
        }
    }

    fn want(&mut self, t: Tok) {
        if !self.got(t) {
            self.syntax_error(&format!("expected {}", tokstring(t)));
            self.advance(&[]);
        }
    }

    fn got_assign(&mut self) -> bool {
        match self.tok() {
            Tok::Define => {
                self.syntax_error("expected =");
                self.next();
                true
            }
            Tok::Assign => {
                self.next();
                true
            }
            _ => false,
        }
    }

    fn error_at(&mut self, pos: Pos, msg: String) {
        self.raw_errors += 1;
        if self.errors.len() >= self.max_errors {
            self.aborted = true;
            return;
        }
        let (line, _) = self.lines.raw_position(pos);
        if msg.starts_with("syntax error") {
            if line == self.last_syntax_line {
                return;
            }
            self.last_syntax_line = line;
        } else {
            if self.last_other.0 == line && self.last_other.1 == msg {
                return;
            }
            self.last_other = (line, msg.clone());
        }
        self.errors.push(Error { pos, msg });
        if self.errors.len() >= self.max_errors {
            self.aborted = true;
        }
    }

    fn syntax_error_at(&mut self, pos: Pos, msg: &str) {
        if self.tok() == Tok::Eof && !self.errors.is_empty() {
            return;
        }
        let msg = if msg.is_empty() {
            String::new()
        } else if msg.starts_with("in ") || msg.starts_with("at ") || msg.starts_with("after ") {
            format!(" {msg}")
        } else if msg.starts_with("expected ") {
            format!(", {msg}")
        } else {
            self.error_at(pos, format!("syntax error: {msg}"));
            return;
        };
        let tok = match self.tok() {
            Tok::Name => format!("name {}", self.tok_text()),
            Tok::Semi => self.s.semi_lit.to_string(),
            Tok::Literal => format!("literal {}", self.tok_text()),
            Tok::Operator => self.s.op.as_str().to_string(),
            Tok::AssignOp => format!("{}=", self.s.op.as_str()),
            Tok::IncOp => format!("{0}{0}", self.s.op.as_str()),
            t => tokstring(t),
        };
        self.error_at(pos, format!("syntax error: unexpected {tok}{msg}"));
    }

    fn syntax_error(&mut self, msg: &str) {
        self.syntax_error_at(self.pos(), msg);
    }

    fn error(&mut self, msg: &str) {
        self.error_at(self.pos(), msg.to_string());
    }

    fn tok_text(&self) -> String {
        let b = self.src.get(self.s.pos as usize..self.s.end as usize).unwrap_or(&[]);
        String::from_utf8_lossy(b).into_owned()
    }

    /// Skips tokens until one in `follow` (or a statement keyword inside a function,
    /// or EOF); with an empty `follow`, skips exactly one token.
    fn advance(&mut self, follow: &[Tok]) {
        let mut set: TokSet = Tok::Eof.bit();
        if !follow.is_empty() {
            if self.fnest > 0 {
                set |= STOPSET;
            }
            for t in follow {
                set |= t.bit();
            }
        }
        while set & self.tok().bit() == 0 {
            self.next();
            if follow.is_empty() {
                break;
            }
        }
    }

    /// Enters one nesting level; false (after reporting once) when too deep.
    fn enter(&mut self) -> bool {
        self.depth += 1;

        if self.depth > MAX_DEPTH {
            if !self.aborted {
                self.error_at(self.pos(), "syntax error: nesting too deep".into());
                self.aborted = true;
                self.s.tok = Tok::Eof;
            }
            return false;
        }
        true
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    // ---- node construction ----

    fn expr_at(&mut self, pos: Pos, kind: ExprKind) -> ExprId {
        self.exprs.push(Expr { pos, kind });
        ExprId::from_index(self.exprs.len() - 1)
    }

    fn stmt_at(&mut self, pos: Pos, kind: StmtKind) -> StmtId {
        self.stmts.push(Stmt { pos, kind });
        StmtId::from_index(self.stmts.len() - 1)
    }

    fn decl_at(&mut self, pos: Pos, group: Option<GroupId>, pragmas: Pragmas, kind: DeclKind) -> DeclId {
        self.decls.push(Decl { pos, group, pragmas, kind });
        DeclId::from_index(self.decls.len() - 1)
    }

    fn kind(&self, id: ExprId) -> &ExprKind {
        &self.exprs[id.index()].kind
    }

    fn epos(&self, id: ExprId) -> Pos {
        self.exprs[id.index()].pos
    }

    fn bad_expr(&mut self) -> ExprId {
        self.expr_at(self.pos(), ExprKind::Bad)
    }

    fn name_expr(&mut self, n: Name) -> ExprId {
        self.expr_at(n.pos, ExprKind::Name(n))
    }

    fn unparen(&self, mut x: ExprId) -> ExprId {
        while let ExprKind::Paren(inner) = *self.kind(x) {
            x = inner;
        }
        x
    }

    fn take_pragma(&mut self) -> Pragmas {
        let end = self.s.directives.len();
        let start = self.pragma_start.min(end);
        self.pragma_start = end;
        Pragmas { start: start as u32, end: end as u32 }
    }

    fn clear_pragma(&mut self) {
        self.pragma_start = self.s.directives.len();
    }

    fn start_pos(&self, id: ExprId) -> Pos {
        let mut id = id;
        loop {
            let e = &self.exprs[id.index()];
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
    }

    fn expr_string(&self, id: ExprId) -> String {
        print::expr_string(self.src, &self.exprs, id)
    }

    // ---- files and declarations ----

    fn file(&mut self) -> (Pos, Name, Vec<DeclId>) {
        let package_pos = self.pos();
        let mut decls = Vec::new();
        if !self.got(Tok::Package) {
            self.syntax_error("package statement must be first");
            return (package_pos, Name { pos: package_pos, len: 0 }, decls);
        }
        self.take_pragma();
        let name = self.name();
        self.want(Tok::Semi);
        if !self.errors.is_empty() {
            return (package_pos, name, decls);
        }
        let mut prev = Tok::Import;
        while self.tok() != Tok::Eof {
            if self.tok() == Tok::Import && prev != Tok::Import {
                self.syntax_error("imports must appear before other declarations");
            }
            prev = self.tok();
            if self.header_only && prev != Tok::Import {
                break;
            }
            match self.tok() {
                Tok::Import => {
                    self.next();
                    self.append_group(&mut decls, DeclTok::Import);
                }
                Tok::Const => {
                    self.next();
                    self.append_group(&mut decls, DeclTok::Const);
                }
                Tok::Type => {
                    self.next();
                    self.append_group(&mut decls, DeclTok::Type);
                }
                Tok::Var => {
                    self.next();
                    self.append_group(&mut decls, DeclTok::Var);
                }
                Tok::Func => {
                    let pos = self.pos();
                    self.next();
                    let d = self.func_decl(pos);
                    decls.push(d);
                }
                _ => {
                    let empty_func = decls.last().is_some_and(|&d| {
                        matches!(self.decls[d.index()].kind, DeclKind::Func { body: None, .. })
                    });
                    if self.tok() == Tok::Lbrace && empty_func {
                        self.syntax_error("unexpected semicolon or newline before {");
                    } else {
                        self.syntax_error("non-declaration statement outside function body");
                    }
                    self.advance(&[Tok::Import, Tok::Const, Tok::Type, Tok::Var, Tok::Func]);
                    continue;
                }
            }
            self.clear_pragma();
            if self.tok() != Tok::Eof && !self.got(Tok::Semi) {
                self.syntax_error("after top level declaration");
                self.advance(&[Tok::Import, Tok::Const, Tok::Type, Tok::Var, Tok::Func]);
            }
        }
        (package_pos, name, decls)
    }

    /// `list = [ f { sep f } [sep] ] close`; returns the position of `close`.
    /// `f` returns true to end the list early.
    fn list(&mut self, context: &str, sep: Tok, close: Tok, mut f: impl FnMut(&mut Self) -> bool) -> Pos {
        let mut done = false;
        while self.tok() != Tok::Eof && self.tok() != close && !done {
            let before = (self.s.pos, self.tok());
            done = f(self);
            if !self.got(sep) && self.tok() != close {
                self.syntax_error(&format!(
                    "in {context}; possibly missing {} or {}",
                    tokstring(sep),
                    tokstring(close)
                ));
                self.advance(&[Tok::Rparen, Tok::Rbrack, Tok::Rbrace]);
                if self.tok() != close {
                    return self.pos();
                }
            }
            if (self.s.pos, self.tok()) == before && !done {
                // No progress (only possible after errors): never loop.
                self.next();
            }
        }
        let pos = self.pos();
        self.want(close);
        pos
    }

    fn append_group(&mut self, list: &mut Vec<DeclId>, kind: DeclTok) {
        if self.tok() == Tok::Lparen {
            let g = GroupId(self.groups);
            self.groups += 1;
            self.clear_pragma();
            self.next();
            let mut iota = 0u32;
            self.list("grouped declaration", Tok::Semi, Tok::Rparen, |p| {
                let d = p.spec(kind, Some(g), iota);
                iota += 1;
                list.push(d);
                false
            });
        } else {
            let d = self.spec(kind, None, 0);
            list.push(d);
        }
    }

    fn spec(&mut self, kind: DeclTok, group: Option<GroupId>, iota: u32) -> DeclId {
        match kind {
            DeclTok::Import => self.import_decl(group),
            DeclTok::Const => self.const_decl(group, iota),
            DeclTok::Type => self.type_decl(group),
            DeclTok::Var => self.var_decl(group),
        }
    }

    fn oliteral(&mut self) -> Option<ExprId> {
        if self.tok() != Tok::Literal {
            return None;
        }
        let pos = self.pos();
        let kind = ExprKind::BasicLit { kind: self.s.kind, len: self.s.end - self.s.pos, bad: self.s.bad };
        self.next();
        Some(self.expr_at(pos, kind))
    }

    fn import_decl(&mut self, group: Option<GroupId>) -> DeclId {
        let pos = self.pos();
        let pragmas = self.take_pragma();
        let name = match self.tok() {
            Tok::Name => Some(self.name()),
            Tok::Dot => {
                let n = Name { pos: self.pos(), len: 1 };
                self.next();
                Some(n)
            }
            _ => None,
        };
        let path = match self.oliteral() {
            Some(path) => {
                if let ExprKind::BasicLit { kind, bad, len } = *self.kind(path)
                    && !bad
                    && kind != LitKind::String
                {
                    let ppos = self.epos(path);
                    self.syntax_error_at(ppos, "import path must be a string");
                    self.exprs[path.index()].kind = ExprKind::BasicLit { kind, len, bad: true };
                }
                path
            }
            None => {
                let b = self.bad_expr();
                self.syntax_error("missing import path");
                self.advance(&[Tok::Semi, Tok::Rparen]);
                b
            }
        };
        self.decl_at(pos, group, pragmas, DeclKind::Import { name, path })
    }

    fn const_decl(&mut self, group: Option<GroupId>, iota: u32) -> DeclId {
        let pos = self.pos();
        let pragmas = self.take_pragma();
        let first = self.name();
        let names = self.name_list(first);
        let mut typ = None;
        let mut values = Vec::new();
        if !matches!(self.tok(), Tok::Eof | Tok::Semi | Tok::Rparen) {
            typ = self.type_or_nil();
            if self.got_assign() {
                values = self.expr_list();
            }
        }
        self.decl_at(pos, group, pragmas, DeclKind::Const { names, typ, values, iota })
    }

    fn type_decl(&mut self, group: Option<GroupId>) -> DeclId {
        let pos = self.pos();
        let pragmas = self.take_pragma();
        let name = self.name();
        let mut tparams = Vec::new();
        let mut alias = false;
        let typ;
        if self.tok() == Tok::Lbrack {
            let lpos = self.pos();
            self.next();
            match self.tok() {
                Tok::Name => {
                    let n = self.name();
                    let mut x = self.name_expr(n);
                    if self.tok() != Tok::Lbrack {
                        self.xnest += 1;
                        let px = self.pexpr(Some(x), false);
                        x = self.binary_expr(Some(px), 0);
                        self.xnest -= 1;
                    }
                    let force = self.tok() == Tok::Comma;
                    match self.extract_name(x, force) {
                        (Some(pname), ptype) if ptype.is_some() || self.tok() != Tok::Rbrack => {
                            tparams = self.param_list(Some(pname), ptype, Tok::Rbrack, true, false);
                            alias = self.got_assign();
                            typ = self.type_or_nil();
                        }
                        _ => typ = Some(self.array_type(lpos, Some(x))),
                    }
                }
                Tok::Rbrack => {
                    self.next();
                    typ = Some(self.slice_type(lpos));
                }
                _ => typ = Some(self.array_type(lpos, None)),
            }
        } else {
            alias = self.got_assign();
            typ = self.type_or_nil();
        }
        let typ = match typ {
            Some(t) => t,
            None => {
                let b = self.bad_expr();
                self.syntax_error("in type declaration");
                self.advance(&[Tok::Semi, Tok::Rparen]);
                b
            }
        };
        self.decl_at(pos, group, pragmas, DeclKind::Type { name, tparams, alias, typ })
    }

    /// Splits `x` into a type parameter name and its constraint, as gc's extractName.
    fn extract_name(&mut self, x: ExprId, force: bool) -> (Option<Name>, Option<ExprId>) {
        self.extract_name_at(x, force, 0)
    }

    fn extract_name_at(&mut self, x: ExprId, force: bool, depth: u32) -> (Option<Name>, Option<ExprId>) {
        if depth > WALK_LIMIT {
            return (None, Some(x));
        }
        let pos = self.epos(x);
        match self.kind(x).clone() {
            ExprKind::Name(n) => return (Some(n), None),
            ExprKind::Binary { op: BinOp::Mul, x: l, y } => {
                if let ExprKind::Name(n) = *self.kind(l)
                    && (force || self.is_type_elem(y))
                {
                    let star = self.expr_at(pos, ExprKind::Star(y));
                    return (Some(n), Some(star));
                }
            }
            ExprKind::Binary { op: BinOp::Or, x: l, y } => {
                let f = force || self.is_type_elem(y);
                if let (Some(n), Some(lhs)) = self.extract_name_at(l, f, depth + 1) {
                    let op = self.expr_at(pos, ExprKind::Binary { op: BinOp::Or, x: lhs, y });
                    return (Some(n), Some(op));
                }
            }
            ExprKind::Call { fun, args, has_dots, .. } => {
                if let ExprKind::Name(n) = *self.kind(fun)
                    && args.len() == 1
                    && !has_dots
                    && (force || self.is_type_elem(args[0]))
                {
                    return (Some(n), Some(self.unparen(args[0])));
                }
            }
            _ => {}
        }
        (None, Some(x))
    }

    fn is_type_elem(&self, x: ExprId) -> bool {
        self.is_type_elem_at(x, 0)
    }

    fn is_type_elem_at(&self, x: ExprId, depth: u32) -> bool {
        if depth > WALK_LIMIT {
            return false;
        }
        let d = depth + 1;
        match self.kind(x) {
            ExprKind::ArrayType { .. }
            | ExprKind::StructType(_)
            | ExprKind::FuncType { .. }
            | ExprKind::InterfaceType(_)
            | ExprKind::SliceType(_)
            | ExprKind::MapType { .. }
            | ExprKind::ChanType { .. } => true,
            ExprKind::Star(e) => self.is_type_elem_at(*e, d),
            ExprKind::Unary { op, x } => *op == UnOp::Tilde || self.is_type_elem_at(*x, d),
            ExprKind::Binary { x, y, .. } => self.is_type_elem_at(*x, d) || self.is_type_elem_at(*y, d),
            ExprKind::Paren(e) => self.is_type_elem_at(*e, d),
            _ => false,
        }
    }

    fn var_decl(&mut self, group: Option<GroupId>) -> DeclId {
        let pos = self.pos();
        let pragmas = self.take_pragma();
        let first = self.name();
        let names = self.name_list(first);
        let mut typ = None;
        let mut values = Vec::new();
        if self.got_assign() {
            values = self.expr_list();
        } else {
            typ = Some(self.type_());
            if self.got_assign() {
                values = self.expr_list();
            }
        }
        self.decl_at(pos, group, pragmas, DeclKind::Var { names, typ, values })
    }

    /// Parses a function or method declaration after `func` (at `pos`).
    fn func_decl(&mut self, pos: Pos) -> DeclId {
        let pragmas = self.take_pragma();
        let mut recv = None;
        let mut context = "";
        if self.got(Tok::Lparen) {
            context = "method";
            let rcvr = self.param_list(None, None, Tok::Rparen, false, false);
            match rcvr.len() {
                0 => self.error("method has no receiver"),
                1 => {}
                _ => self.error("method has multiple receivers"),
            }
            recv = rcvr.into_iter().next();
        }
        let (name, tparams, typ);
        if self.tok() == Tok::Name {
            name = self.name();
            let (tp, t) = self.func_type(context);
            tparams = tp;
            typ = t;
        } else {
            name = Name { pos: self.pos(), len: 0 };
            tparams = Vec::new();
            typ = self.expr_at(self.pos(), ExprKind::FuncType { params: Vec::new(), results: Vec::new() });
            let msg = if context.is_empty() { "expected name or (" } else { "expected name" };
            self.syntax_error(msg);
            self.advance(&[Tok::Lbrace, Tok::Semi]);
        }
        let body = if self.tok() == Tok::Lbrace { Some(self.func_body()) } else { None };
        self.decl_at(pos, None, pragmas, DeclKind::Func { recv, name, tparams, typ, body })
    }

    fn func_body(&mut self) -> Block {
        self.fnest += 1;
        let errcnt = self.raw_errors;
        let b = self.block_stmt("");
        self.fnest -= 1;
        // As gc: no branch checks in a function with syntax errors (its tree is
        // incomplete and would give spurious errors).
        if errcnt == self.raw_errors && !self.aborted {
            let errs = {
                let ctx = branches::Ctx {
                    name: self.name,
                    src: self.src,
                    lines: &self.lines,
                    exprs: &self.exprs,
                    stmts: &self.stmts,
                    decls: &self.decls,
                };
                branches::check(&ctx, &b)
            };
            for e in errs {
                self.error_at(e.pos, e.msg);
            }
        }
        b
    }

    // ---- expressions ----

    fn expr(&mut self) -> ExprId {
        self.binary_expr(None, 0)
    }

    fn binary_expr(&mut self, x: Option<ExprId>, prec: u8) -> ExprId {
        let mut x = match x {
            Some(x) => x,
            None => self.unary_expr(),
        };
        while (self.tok() == Tok::Operator || self.tok() == Tok::Star) && self.s.prec > prec {
            let pos = self.pos();
            let op = self.s.op;
            let tprec = self.s.prec;
            self.next();
            let y = self.binary_expr(None, tprec);
            let bop = op.binary().unwrap_or(BinOp::Add);
            x = self.expr_at(pos, ExprKind::Binary { op: bop, x, y });
        }
        x
    }

    fn unary_expr(&mut self) -> ExprId {
        if !self.enter() {
            self.leave();
            return self.bad_expr();
        }
        let r = self.unary_expr_inner();
        self.leave();
        r
    }

    fn unary_expr_inner(&mut self) -> ExprId {
        match self.tok() {
            Tok::Operator | Tok::Star => {
                let pos = self.pos();
                let op = self.s.op;
                let un = match op {
                    Op::Mul => None,
                    Op::Add => Some(UnOp::Pos),
                    Op::Sub => Some(UnOp::Neg),
                    Op::Not => Some(UnOp::Not),
                    Op::Xor => Some(UnOp::Xor),
                    Op::Tilde => Some(UnOp::Tilde),
                    Op::And => Some(UnOp::Addr),
                    _ => return self.pexpr(None, true),
                };
                self.next();
                let mut x = self.unary_expr();
                if op == Op::And {
                    x = self.unparen(x);
                }
                return match un {
                    None => self.expr_at(pos, ExprKind::Star(x)),
                    Some(op) => self.expr_at(pos, ExprKind::Unary { op, x }),
                };
            }
            Tok::Arrow => {
                let pos = self.pos();
                self.next();
                let x = self.unary_expr();
                if matches!(self.kind(x), ExprKind::ChanType { .. }) {
                    // <-chan T: re-associate the arrow with the channel type.
                    let mut dir = ChanDir::Send;
                    let mut t = x;
                    while dir == ChanDir::Send {
                        let ExprKind::ChanType { dir: d, elem } = *self.kind(t) else { break };
                        dir = d;
                        if dir == ChanDir::Recv {
                            self.syntax_error("unexpected <-, expected chan");
                        }
                        self.exprs[t.index()].kind = ExprKind::ChanType { dir: ChanDir::Recv, elem };
                        t = elem;
                    }
                    if dir == ChanDir::Send {
                        let s = self.expr_string(t);
                        self.syntax_error(&format!("unexpected {s}, expected chan"));
                    }
                    return x;
                }
                return self.expr_at(pos, ExprKind::Unary { op: UnOp::Recv, x });
            }
            _ => {}
        }
        self.pexpr(None, true)
    }

    fn call_stmt(&mut self) -> StmtId {
        let pos = self.pos();
        let tok = self.tok();
        self.next();
        let keep = self.tok() == Tok::Lparen;
        let mut x = self.pexpr(None, keep);
        let t = self.unparen(x);
        if t != x {
            let xp = self.epos(x);
            self.error_at(xp, format!("expression in {} must not be parenthesized", tok.as_str()));
            x = t;
        }
        let kind = if tok == Tok::Go { StmtKind::Go(x) } else { StmtKind::Defer(x) };
        self.stmt_at(pos, kind)
    }

    fn operand(&mut self, keep_parens: bool) -> ExprId {
        match self.tok() {
            Tok::Name => {
                let n = self.name();
                self.name_expr(n)
            }
            Tok::Literal => self.oliteral().unwrap_or_else(|| self.bad_expr()),
            Tok::Lparen => {
                let pos = self.pos();
                self.next();
                self.xnest += 1;
                let x = self.expr();
                self.xnest -= 1;
                self.want(Tok::Rparen);
                if keep_parens || self.tok() == Tok::Lbrace {
                    self.expr_at(pos, ExprKind::Paren(x))
                } else {
                    x
                }
            }
            Tok::Func => {
                let pos = self.pos();
                self.next();
                let (_, ftyp) = self.func_type("function type");
                if self.tok() == Tok::Lbrace {
                    self.xnest += 1;
                    let body = self.func_body();
                    self.xnest -= 1;
                    self.expr_at(pos, ExprKind::FuncLit { typ: ftyp, body })
                } else {
                    ftyp
                }
            }
            Tok::Lbrack | Tok::Chan | Tok::Map | Tok::Struct | Tok::Interface => self.type_(),
            _ => {
                let x = self.bad_expr();
                self.syntax_error("expected expression");
                self.advance(&[Tok::Rparen, Tok::Rbrack, Tok::Rbrace]);
                x
            }
        }
    }

    fn pexpr(&mut self, x: Option<ExprId>, keep_parens: bool) -> ExprId {
        let mut x = match x {
            Some(x) => x,
            None => self.operand(keep_parens),
        };
        loop {
            let pos = self.pos();
            match self.tok() {
                Tok::Dot => {
                    self.next();
                    match self.tok() {
                        Tok::Name => {
                            let sel = self.name();
                            x = self.expr_at(pos, ExprKind::Selector { x, sel });
                        }
                        Tok::Lparen => {
                            self.next();
                            if self.got(Tok::Type) {
                                x = self.expr_at(pos, ExprKind::TypeSwitchGuard { lhs: None, x });
                            } else {
                                let typ = self.type_();
                                x = self.expr_at(pos, ExprKind::TypeAssert { x, typ });
                            }
                            self.want(Tok::Rparen);
                        }
                        _ => {
                            self.syntax_error("expected name or (");
                            self.advance(&[Tok::Semi, Tok::Rparen]);
                        }
                    }
                }
                Tok::Lbrack => {
                    self.next();
                    let mut first = None;
                    if self.tok() != Tok::Colon {
                        let (list, comma) = if self.tok() == Tok::Rbrack {
                            self.syntax_error("expected operand");
                            (vec![self.bad_expr()], false)
                        } else {
                            self.type_list(false)
                        };
                        if comma || self.tok() == Tok::Rbrack {
                            self.want(Tok::Rbrack);
                            x = self.expr_at(pos, ExprKind::Index { x, indices: list });
                            continue;
                        }
                        first = list.first().copied();
                    }
                    if !self.got(Tok::Colon) {
                        self.syntax_error("expected comma, : or ]");
                        self.advance(&[Tok::Comma, Tok::Colon, Tok::Rbrack]);
                    }
                    self.xnest += 1;
                    let mut hi = None;
                    let mut max = None;
                    let mut full = false;
                    if self.tok() != Tok::Colon && self.tok() != Tok::Rbrack {
                        hi = Some(self.expr());
                    }
                    if self.tok() == Tok::Colon {
                        full = true;
                        if hi.is_none() {
                            self.error("middle index required in 3-index slice");
                            hi = Some(self.bad_expr());
                        }
                        self.next();
                        if self.tok() != Tok::Rbrack {
                            max = Some(self.expr());
                        } else {
                            self.error("final index required in 3-index slice");
                            max = Some(self.bad_expr());
                        }
                    }
                    self.xnest -= 1;
                    self.want(Tok::Rbrack);
                    x = self.expr_at(pos, ExprKind::Slice { x, lo: first, hi, max, full });
                }
                Tok::Lparen => {
                    self.next();
                    let (args, has_dots, rparen) = self.arg_list();
                    x = self.expr_at(pos, ExprKind::Call { fun: x, args, has_dots, rparen });
                }
                Tok::Lbrace => {
                    let t = self.unparen(x);
                    let complit_ok = match self.kind(t) {
                        ExprKind::Name(_) | ExprKind::Selector { .. } => self.xnest >= 0,
                        ExprKind::Index { .. } => self.xnest >= 0 && !self.is_value(t),
                        ExprKind::ArrayType { .. }
                        | ExprKind::SliceType(_)
                        | ExprKind::StructType(_)
                        | ExprKind::MapType { .. } => true,
                        _ => false,
                    };
                    if !complit_ok {
                        break;
                    }
                    if t != x {
                        self.syntax_error("cannot parenthesize type in composite literal");
                    }
                    x = self.complit_expr(Some(x));
                }
                _ => break,
            }
        }
        x
    }

    fn is_value(&self, x: ExprId) -> bool {
        // Recursion only through parens and index operands, both depth-checked
        // when they were parsed.
        match self.kind(x) {
            ExprKind::BasicLit { .. }
            | ExprKind::CompositeLit { .. }
            | ExprKind::FuncLit { .. }
            | ExprKind::Slice { .. }
            | ExprKind::TypeAssert { .. }
            | ExprKind::TypeSwitchGuard { .. }
            | ExprKind::Call { .. }
            | ExprKind::Unary { .. }
            | ExprKind::Binary { .. } => true,
            ExprKind::Paren(e) => self.is_value(*e),
            ExprKind::Index { x, indices } => {
                self.is_value(*x) || (indices.len() == 1 && self.is_value(indices[0]))
            }
            _ => false,
        }
    }

    fn bare_complit_expr(&mut self) -> ExprId {
        if self.tok() == Tok::Lbrace {
            if !self.enter() {
                self.leave();
                return self.bad_expr();
            }
            let r = self.complit_expr(None);
            self.leave();
            return r;
        }
        self.expr()
    }

    fn complit_expr(&mut self, typ: Option<ExprId>) -> ExprId {
        let pos = self.pos();
        self.xnest += 1;
        self.want(Tok::Lbrace);
        let mut elems = Vec::new();
        let mut nkeys = 0;
        let rbrace = self.list("composite literal", Tok::Comma, Tok::Rbrace, |p| {
            let mut e = p.bare_complit_expr();
            if p.tok() == Tok::Colon {
                let cpos = p.pos();
                p.next();
                let value = p.bare_complit_expr();
                e = p.expr_at(cpos, ExprKind::KeyValue { key: e, value });
                nkeys += 1;
            }
            elems.push(e);
            false
        });
        self.xnest -= 1;
        self.expr_at(pos, ExprKind::CompositeLit { typ, elems, nkeys, rbrace })
    }

    // ---- types ----

    fn type_(&mut self) -> ExprId {
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let b = self.bad_expr();
                self.syntax_error("expected type");
                self.advance(&[Tok::Comma, Tok::Colon, Tok::Semi, Tok::Rparen, Tok::Rbrack, Tok::Rbrace]);
                b
            }
        }
    }

    fn type_or_nil(&mut self) -> Option<ExprId> {
        if !self.enter() {
            self.leave();
            return Some(self.bad_expr());
        }
        let r = self.type_or_nil_inner();
        self.leave();
        r
    }

    fn type_or_nil_inner(&mut self) -> Option<ExprId> {
        let pos = self.pos();
        Some(match self.tok() {
            Tok::Star => {
                self.next();
                let t = self.type_();
                self.expr_at(pos, ExprKind::Star(t))
            }
            Tok::Arrow => {
                self.next();
                self.want(Tok::Chan);
                let elem = self.chan_elem();
                self.expr_at(pos, ExprKind::ChanType { dir: ChanDir::Recv, elem })
            }
            Tok::Func => {
                self.next();
                self.func_type("function type").1
            }
            Tok::Lbrack => {
                self.next();
                if self.got(Tok::Rbrack) {
                    return Some(self.slice_type(pos));
                }
                self.array_type(pos, None)
            }
            Tok::Chan => {
                self.next();
                let dir = if self.got(Tok::Arrow) { ChanDir::Send } else { ChanDir::Both };
                let elem = self.chan_elem();
                self.expr_at(pos, ExprKind::ChanType { dir, elem })
            }
            Tok::Map => {
                self.next();
                self.want(Tok::Lbrack);
                let key = self.type_();
                self.want(Tok::Rbrack);
                let value = self.type_();
                self.expr_at(pos, ExprKind::MapType { key, value })
            }
            Tok::Struct => self.struct_type(),
            Tok::Interface => self.interface_type(),
            Tok::Name => self.qualified_name(None),
            Tok::Lparen => {
                self.next();
                let t = self.type_();
                self.want(Tok::Rparen);
                t
            }
            _ => return None,
        })
    }

    fn type_instance(&mut self, typ: ExprId) -> ExprId {
        let pos = self.pos();
        self.want(Tok::Lbrack);
        let indices = if self.tok() == Tok::Rbrack {
            self.syntax_error("expected type argument list");
            vec![self.bad_expr()]
        } else {
            self.type_list(true).0
        };
        self.want(Tok::Rbrack);
        self.expr_at(pos, ExprKind::Index { x: typ, indices })
    }

    /// Parses `[tparams](params) results` after `func` or a name; type parameters
    /// are an error when `context` is not empty.
    fn func_type(&mut self, context: &str) -> (Vec<Field>, ExprId) {
        let pos = self.pos();
        let mut tparams = Vec::new();
        if self.got(Tok::Lbrack) {
            if !context.is_empty() {
                self.syntax_error_at(pos, &format!("{context} must have no type parameters"));
            }
            if self.tok() == Tok::Rbrack {
                self.syntax_error("empty type parameter list");
                self.next();
            } else {
                tparams = self.param_list(None, None, Tok::Rbrack, true, false);
            }
        }
        self.want(Tok::Lparen);
        let params = self.param_list(None, None, Tok::Rparen, false, true);
        let results = self.func_result();
        (tparams, self.expr_at(pos, ExprKind::FuncType { params, results }))
    }

    fn array_type(&mut self, pos: Pos, len: Option<ExprId>) -> ExprId {
        let mut len = len;
        if len.is_none() && !self.got(Tok::DotDotDot) {
            self.xnest += 1;
            len = Some(self.expr());
            self.xnest -= 1;
        }
        if self.tok() == Tok::Comma {
            self.syntax_error("unexpected comma; expected ]");
            self.next();
        }
        self.want(Tok::Rbrack);
        let elem = self.type_();
        self.expr_at(pos, ExprKind::ArrayType { len, elem })
    }

    fn slice_type(&mut self, pos: Pos) -> ExprId {
        let elem = self.type_();
        self.expr_at(pos, ExprKind::SliceType(elem))
    }

    fn chan_elem(&mut self) -> ExprId {
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let b = self.bad_expr();
                self.syntax_error("missing channel element type");
                b
            }
        }
    }

    fn struct_type(&mut self) -> ExprId {
        let pos = self.pos();
        self.want(Tok::Struct);
        self.want(Tok::Lbrace);
        let mut fields = Vec::new();
        self.list("struct type", Tok::Semi, Tok::Rbrace, |p| {
            p.field_decl(&mut fields);
            false
        });
        self.expr_at(pos, ExprKind::StructType(fields))
    }

    fn interface_type(&mut self) -> ExprId {
        let pos = self.pos();
        self.want(Tok::Interface);
        self.want(Tok::Lbrace);
        let mut elems = Vec::new();
        self.list("interface type", Tok::Semi, Tok::Rbrace, |p| {
            let mut f = None;
            if p.tok() == Tok::Name {
                f = Some(p.method_decl());
            }
            let f = match f {
                Some(f) if f.name.is_some() => f,
                other => p.embedded_elem(other),
            };
            elems.push(Field { pos: f.pos, name: f.name, typ: f.typ.unwrap_or_else(|| p.bad_expr()), tag: None });
            false
        });
        self.expr_at(pos, ExprKind::InterfaceType(elems))
    }

    fn func_result(&mut self) -> Vec<Field> {
        if self.got(Tok::Lparen) {
            return self.param_list(None, None, Tok::Rparen, false, false);
        }
        let pos = self.pos();
        match self.type_or_nil() {
            Some(typ) => vec![Field { pos, name: None, typ, tag: None }],
            None => Vec::new(),
        }
    }

    fn field_decl(&mut self, fields: &mut Vec<Field>) {
        let pos = self.pos();
        match self.tok() {
            Tok::Name => {
                let name = self.name();
                if matches!(self.tok(), Tok::Dot | Tok::Literal | Tok::Semi | Tok::Rbrace) {
                    let typ = self.qualified_name(Some(name));
                    let tag = self.oliteral();
                    fields.push(Field { pos, name: None, typ, tag });
                    return;
                }
                let names = self.name_list(name);
                let typ;
                if names.len() == 1 && self.tok() == Tok::Lbrack {
                    let t = self.array_or_targs();
                    if let ExprKind::Index { indices, .. } = self.kind(t).clone() {
                        let nx = self.name_expr(name);
                        self.exprs[t.index()].kind = ExprKind::Index { x: nx, indices };
                        let tag = self.oliteral();
                        fields.push(Field { pos, name: None, typ: t, tag });
                        return;
                    }
                    typ = t;
                } else {
                    typ = self.type_();
                }
                let tag = self.oliteral();
                for n in names {
                    fields.push(Field { pos: n.pos, name: Some(n), typ, tag });
                }
            }
            Tok::Star => {
                self.next();
                let typ = if self.tok() == Tok::Lparen {
                    self.syntax_error("cannot parenthesize embedded type");
                    self.next();
                    let t = self.qualified_name(None);
                    self.got(Tok::Rparen);
                    t
                } else {
                    self.qualified_name(None)
                };
                let tag = self.oliteral();
                let star = self.expr_at(pos, ExprKind::Star(typ));
                fields.push(Field { pos, name: None, typ: star, tag });
            }
            Tok::Lparen => {
                self.syntax_error("cannot parenthesize embedded type");
                self.next();
                let typ = if self.tok() == Tok::Star {
                    let spos = self.pos();
                    self.next();
                    let t = self.qualified_name(None);
                    self.expr_at(spos, ExprKind::Star(t))
                } else {
                    self.qualified_name(None)
                };
                self.got(Tok::Rparen);
                let tag = self.oliteral();
                fields.push(Field { pos, name: None, typ, tag });
            }
            _ => {
                self.syntax_error("expected field name or embedded type");
                self.advance(&[Tok::Semi, Tok::Rbrace]);
            }
        }
    }

    /// After a name: `[n]E` (array type) or `[T1, T2]` (type arguments, returned as
    /// an `Index` whose `x` the caller fills in).
    fn array_or_targs(&mut self) -> ExprId {
        let pos = self.pos();
        self.want(Tok::Lbrack);
        if self.got(Tok::Rbrack) {
            return self.slice_type(pos);
        }
        let (n, comma) = self.type_list(false);
        self.want(Tok::Rbrack);
        if !comma
            && let Some(elem) = self.type_or_nil()
        {
            let len = n.first().copied();
            return self.expr_at(pos, ExprKind::ArrayType { len, elem });
        }
        let placeholder = self.expr_at(pos, ExprKind::Bad);
        self.expr_at(pos, ExprKind::Index { x: placeholder, indices: n })
    }

    fn method_decl(&mut self) -> PField {
        let pos = self.pos();
        let name = self.name();
        const CONTEXT: &str = "interface method";
        match self.tok() {
            Tok::Lparen => {
                let (_, t) = self.func_type(CONTEXT);
                PField { pos, name: Some(name), typ: Some(t) }
            }
            Tok::Lbrack => {
                let lpos = self.pos();
                self.next();
                if self.tok() == Tok::Rbrack {
                    let rpos = self.pos();
                    self.next();
                    if self.tok() == Tok::Lparen {
                        self.error_at(rpos, "empty type parameter list".into());
                        let (_, t) = self.func_type(CONTEXT);
                        return PField { pos, name: Some(name), typ: Some(t) };
                    }
                    self.error_at(rpos, "empty type argument list".into());
                    let t = self.name_expr(name);
                    return PField { pos, name: None, typ: Some(t) };
                }
                let list = self.param_list(None, None, Tok::Rbrack, false, false);
                if list.is_empty() {
                    if self.tok() == Tok::Lparen {
                        let (_, t) = self.func_type(CONTEXT);
                        return PField { pos, name: Some(name), typ: Some(t) };
                    }
                    let t = self.name_expr(name);
                    return PField { pos, name: None, typ: Some(t) };
                }
                if list[0].name.is_some() {
                    let (_, t) = self.func_type(CONTEXT);
                    self.error_at(lpos, "interface method must have no type parameters".into());
                    return PField { pos, name: Some(name), typ: Some(t) };
                }
                let x = self.name_expr(name);
                let indices = list.iter().map(|f| f.typ).collect();
                let t = self.expr_at(lpos, ExprKind::Index { x, indices });
                PField { pos, name: None, typ: Some(t) }
            }
            _ => {
                let t = self.qualified_name(Some(name));
                PField { pos, name: None, typ: Some(t) }
            }
        }
    }

    fn embedded_elem(&mut self, f: Option<PField>) -> PField {
        let mut f = match f {
            Some(f) => f,
            None => {
                let pos = self.pos();
                let t = self.embedded_term();
                PField { pos, name: None, typ: Some(t) }
            }
        };
        while self.is_op(Op::Or) {
            let pos = self.pos();
            self.next();
            let x = f.typ.unwrap_or_else(|| self.bad_expr());
            let y = self.embedded_term();
            f.typ = Some(self.expr_at(pos, ExprKind::Binary { op: BinOp::Or, x, y }));
        }
        f
    }

    fn embedded_term(&mut self) -> ExprId {
        if self.is_op(Op::Tilde) {
            let pos = self.pos();
            self.next();
            let x = self.type_();
            return self.expr_at(pos, ExprKind::Unary { op: UnOp::Tilde, x });
        }
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let b = self.bad_expr();
                self.syntax_error("expected ~ term or type");
                self.advance(&[Tok::Operator, Tok::Semi, Tok::Rparen, Tok::Rbrack, Tok::Rbrace]);
                b
            }
        }
    }

    fn param_decl_or_nil(&mut self, name: Option<Name>, follow: Tok) -> Option<PField> {
        let type_sets_ok = follow == Tok::Rbrack;
        let mut pos = self.pos();
        if let Some(n) = name {
            pos = n.pos;
        } else if type_sets_ok && self.is_op(Op::Tilde) {
            return Some(self.embedded_elem(None));
        }
        let mut f = PField { pos, name: None, typ: None };
        if self.tok() == Tok::Name || name.is_some() {
            let name = match name {
                Some(n) => n,
                None => self.name(),
            };
            if self.tok() == Tok::Lbrack {
                let t = self.array_or_targs();
                if let ExprKind::Index { indices, .. } = self.kind(t).clone() {
                    let nx = self.name_expr(name);
                    self.exprs[t.index()].kind = ExprKind::Index { x: nx, indices };
                } else {
                    f.name = Some(name);
                }
                f.typ = Some(t);
                if type_sets_ok && self.is_op(Op::Or) {
                    f = self.embedded_elem(Some(f));
                }
                return Some(f);
            }
            if self.tok() == Tok::Dot {
                let nx = self.name_expr(name);
                f.typ = Some(self.qualified_name_from(nx));
                if type_sets_ok && self.is_op(Op::Or) {
                    f = self.embedded_elem(Some(f));
                }
                return Some(f);
            }
            if type_sets_ok && self.is_op(Op::Or) {
                f.typ = Some(self.name_expr(name));
                return Some(self.embedded_elem(Some(f)));
            }
            f.name = Some(name);
        }
        if self.tok() == Tok::DotDotDot {
            let dpos = self.pos();
            self.next();
            match self.type_or_nil() {
                Some(elem) => f.typ = Some(self.expr_at(dpos, ExprKind::DotsType(elem))),
                None => {
                    f.typ = Some(self.bad_expr());
                    self.syntax_error("... is missing type");
                }
            }
            return Some(f);
        }
        if type_sets_ok && self.is_op(Op::Tilde) {
            f.typ = self.embedded_elem(None).typ;
            return Some(f);
        }
        f.typ = self.type_or_nil();
        if type_sets_ok && self.is_op(Op::Or) && f.typ.is_some() {
            f = self.embedded_elem(Some(f));
        }
        if f.name.is_some() || f.typ.is_some() {
            return Some(f);
        }
        self.syntax_error(&format!("expected {}", tokstring(follow)));
        self.advance(&[Tok::Comma, follow]);
        None
    }

    /// Parses a parameter list after its opening `(` or `[`, completing names and
    /// types as gc does (in `a, b int` both get `int`; in `(int, string)` the
    /// names are types).
    fn param_list(
        &mut self,
        name: Option<Name>,
        typ: Option<ExprId>,
        close: Tok,
        require_names: bool,
        dddok: bool,
    ) -> Vec<Field> {
        let mut list: Vec<PField> = Vec::new();
        if let (Some(n), Some(t)) = (name, typ)
            && self.tok() == close
        {
            self.next();
            return vec![Field { pos: n.pos, name: Some(n), typ: t, tag: None }];
        }
        let mut named = 0;
        let mut typed = 0;
        let mut name = name;
        let mut typ = typ;
        let end = self.list("parameter list", Tok::Comma, close, |p| {
            let par = match (typ, name) {
                (Some(t), Some(n)) => Some(PField { pos: n.pos, name: Some(n), typ: Some(t) }),
                _ => p.param_decl_or_nil(name, close),
            };
            name = None;
            typ = None;
            if let Some(par) = par {
                if par.name.is_some() && par.typ.is_some() {
                    named += 1;
                }
                if par.typ.is_some() {
                    typed += 1;
                }
                list.push(par);
            }
            false
        });
        if list.is_empty() {
            return Vec::new();
        }
        if named == 0 && !require_names {
            for par in &mut list {
                if let Some(n) = par.name.take() {
                    par.typ = Some(self.name_expr(n));
                }
            }
        } else if named != list.len() {
            let mut err_pos: Option<Pos> = None;
            let mut typ: Option<ExprId> = None;
            for i in (0..list.len()).rev() {
                let par = list[i];
                if let Some(t) = par.typ {
                    typ = Some(t);
                    if par.name.is_none() {
                        let sp = self.start_pos(t);
                        err_pos = Some(sp);
                        list[i].name = Some(Name { pos: sp, len: 0 });
                    }
                } else if typ.is_some() {
                    list[i].typ = typ;
                } else {
                    let np = par.name.map(|n| n.pos).unwrap_or(par.pos);
                    err_pos = Some(np);
                    list[i].typ = Some(self.expr_at(np, ExprKind::Bad));
                }
            }
            if let Some(mut ep) = err_pos {
                let msg;
                if named == typed {
                    ep = end;
                    msg = if require_names { "missing type constraint" } else { "missing parameter type" }.to_string();
                } else if require_names {
                    msg = if list.len() == 1 {
                        "missing type parameter name or invalid array length".to_string()
                    } else {
                        "missing type parameter name".to_string()
                    };
                } else {
                    msg = "missing parameter name".to_string();
                }
                self.syntax_error_at(ep, &msg);
            }
        }
        let mut first = true;
        let n = list.len();
        let mut out = Vec::with_capacity(n);
        for (i, f) in list.into_iter().enumerate() {
            let mut typ = f.typ.unwrap_or_else(|| self.expr_at(f.pos, ExprKind::Bad));
            if let ExprKind::DotsType(elem) = *self.kind(typ)
                && (!dddok || i + 1 < n)
            {
                if first {
                    first = false;
                    let tp = self.epos(typ);
                    let msg = if dddok { "can only use ... with final parameter" } else { "invalid use of ..." };
                    self.error_at(tp, msg.into());
                }
                typ = elem;
            }
            out.push(Field { pos: f.pos, name: f.name, typ, tag: None });
        }
        out
    }

    // ---- statements ----

    fn simple_stmt(&mut self, lhs: Option<Vec<ExprId>>, keyword: Option<Tok>) -> Simple {
        if keyword == Some(Tok::For) && self.tok() == Tok::Range {
            return self.range_clause(Vec::new(), false);
        }
        let lhs = match lhs {
            Some(l) => l,
            None => self.expr_list(),
        };
        if lhs.len() == 1 && self.tok() != Tok::Assign && self.tok() != Tok::Define {
            let x = lhs[0];
            let pos = self.pos();
            return Simple::Stmt(match self.tok() {
                Tok::AssignOp => {
                    let op = self.s.op.binary().unwrap_or(BinOp::Add);
                    self.next();
                    let rhs = self.expr();
                    self.stmt_at(pos, StmtKind::Assign { op: AssignOp::Op(op), lhs, rhs: vec![rhs] })
                }
                Tok::IncOp => {
                    let inc = self.s.op == Op::Add;
                    self.next();
                    self.stmt_at(pos, StmtKind::IncDec { x, inc })
                }
                Tok::Arrow => {
                    self.next();
                    let value = self.expr();
                    self.stmt_at(pos, StmtKind::Send { ch: x, value })
                }
                _ => {
                    let p = self.epos(x);
                    self.stmt_at(p, StmtKind::Expr(x))
                }
            });
        }
        match self.tok() {
            Tok::Assign | Tok::Define => {
                let pos = self.pos();
                let define = self.tok() == Tok::Define;
                self.next();
                if keyword == Some(Tok::For) && self.tok() == Tok::Range {
                    return self.range_clause(lhs, define);
                }
                let rhs = self.expr_list();
                if rhs.len() == 1
                    && keyword == Some(Tok::Switch)
                    && define
                    && lhs.len() == 1
                    && let ExprKind::TypeSwitchGuard { lhs: None, x } = *self.kind(rhs[0])
                    && let ExprKind::Name(n) = *self.kind(lhs[0])
                {
                    self.exprs[rhs[0].index()].kind = ExprKind::TypeSwitchGuard { lhs: Some(n), x };
                    let gp = self.epos(rhs[0]);
                    return Simple::Stmt(self.stmt_at(gp, StmtKind::Expr(rhs[0])));
                }
                let op = if define { AssignOp::Define } else { AssignOp::Assign };
                Simple::Stmt(self.stmt_at(pos, StmtKind::Assign { op, lhs, rhs }))
            }
            _ => {
                self.syntax_error("expected := or = or comma");
                self.advance(&[Tok::Semi, Tok::Rbrace]);
                let x = lhs[0];
                let p = self.epos(x);
                Simple::Stmt(self.stmt_at(p, StmtKind::Expr(x)))
            }
        }
    }

    fn range_clause(&mut self, lhs: Vec<ExprId>, define: bool) -> Simple {
        let pos = self.pos();
        self.next();
        let x = self.expr();
        Simple::Range { pos, lhs, define, x }
    }

    fn simple_as_stmt(&mut self, s: Simple) -> StmtId {
        match s {
            Simple::Stmt(id) => id,
            Simple::Range { pos, x, .. } => {
                // Only reachable after `for`; callers build the Range statement.
                self.syntax_error_at(pos, "unexpected range");
                self.stmt_at(pos, StmtKind::Expr(x))
            }
        }
    }

    fn labeled_stmt(&mut self, label: Name) -> Option<StmtId> {
        let pos = self.pos();
        self.want(Tok::Colon);
        if self.tok() == Tok::Rbrace {
            let e = self.stmt_at(self.pos(), StmtKind::Empty);
            return Some(self.stmt_at(pos, StmtKind::Labeled { label, stmt: e }));
        }
        match self.stmt_or_nil() {
            Some(s) => Some(self.stmt_at(pos, StmtKind::Labeled { label, stmt: s })),
            None => {
                self.syntax_error_at(pos, "missing statement after label");
                None
            }
        }
    }

    fn block_stmt(&mut self, context: &str) -> Block {
        let pos = self.pos();
        if !self.got(Tok::Lbrace) {
            self.syntax_error(&format!("expected {{ after {context}"));
            self.advance(&[Tok::Name, Tok::Rbrace]);
            let rbrace = self.pos();
            if self.got(Tok::Rbrace) {
                return Block { pos, stmts: Vec::new(), rbrace };
            }
        }
        let stmts = self.stmt_list();
        let rbrace = self.pos();
        self.want(Tok::Rbrace);
        Block { pos, stmts, rbrace }
    }

    fn decl_stmt(&mut self, kind: DeclTok) -> StmtId {
        let pos = self.pos();
        self.next();
        let mut list = Vec::new();
        self.append_group(&mut list, kind);
        self.stmt_at(pos, StmtKind::Decl(list))
    }

    fn for_stmt(&mut self) -> StmtId {
        let pos = self.pos();
        let (init, cond, post, range) = self.header(Tok::For);
        let body = self.block_stmt("for clause");
        if let Some(Simple::Range { lhs, define, x, .. }) = range {
            if let Some(&extra) = lhs.get(2) {
                let p = self.epos(extra);
                self.error_at(p, "range clause permits at most two iteration variables".into());
            }
            let key = lhs.first().copied();
            let value = lhs.get(1).copied();
            return self.stmt_at(pos, StmtKind::Range { key, value, define, x, body });
        }
        self.stmt_at(pos, StmtKind::For { init, cond, post, body })
    }

    /// Parses the header of `if`, `for` or `switch`: `[init ;] cond` or a range clause.
    #[allow(clippy::type_complexity)]
    fn header(&mut self, keyword: Tok) -> (Option<StmtId>, Option<ExprId>, Option<StmtId>, Option<Simple>) {
        self.want(keyword);
        let mut init: Option<Simple> = None;
        let mut cond: Option<ExprId> = None;
        let mut post: Option<StmtId> = None;
        if self.tok() == Tok::Lbrace {
            if keyword == Tok::If {
                self.syntax_error("missing condition in if statement");
                cond = Some(self.bad_expr());
            }
            return (None, cond, None, None);
        }
        let outer = self.xnest;
        self.xnest = -1;
        if self.tok() != Tok::Semi {
            if self.got(Tok::Var) {
                self.syntax_error(&format!("var declaration not allowed in {} initializer", keyword.as_str()));
            }
            let s = self.simple_stmt(None, Some(keyword));
            if matches!(s, Simple::Range { .. }) {
                self.xnest = outer;
                return (None, None, None, Some(s));
            }
            init = Some(s);
        }
        let mut cond_stmt: Option<StmtId> = None;
        let mut semi: Option<(Pos, &'static str)> = None;
        let mut init_id: Option<StmtId> = None;
        if self.tok() != Tok::Lbrace {
            if let Some(s) = init.take() {
                init_id = Some(self.simple_as_stmt(s));
            }
            if self.tok() == Tok::Semi {
                semi = Some((self.pos(), self.s.semi_lit));
                self.next();
            } else {
                self.want(Tok::Lbrace);
                if self.tok() != Tok::Lbrace {
                    self.advance(&[Tok::Lbrace, Tok::Rbrace]);
                }
            }
            if keyword == Tok::For {
                let mut skip = false;
                if self.tok() != Tok::Semi {
                    if self.tok() == Tok::Lbrace {
                        self.syntax_error("expected for loop condition");
                        skip = true;
                    } else {
                        let s = self.simple_stmt(None, None);
                        cond_stmt = Some(self.simple_as_stmt(s));
                    }
                }
                if !skip {
                    self.want(Tok::Semi);
                    if self.tok() != Tok::Lbrace {
                        let s = self.simple_stmt(None, None);
                        let id = self.simple_as_stmt(s);
                        if let StmtKind::Assign { op: AssignOp::Define, .. } = self.stmts[id.index()].kind {
                            let p = self.stmts[id.index()].pos;
                            self.syntax_error_at(p, "cannot declare in post statement of for loop");
                        }
                        post = Some(id);
                    }
                }
            } else if self.tok() != Tok::Lbrace {
                let s = self.simple_stmt(None, Some(keyword));
                cond_stmt = Some(self.simple_as_stmt(s));
            }
        } else if let Some(s) = init.take() {
            cond_stmt = Some(self.simple_as_stmt(s));
        }
        match cond_stmt {
            None => {
                if keyword == Tok::If
                    && let Some((spos, lit)) = semi
                {
                    if lit != "semicolon" {
                        self.syntax_error_at(spos, &format!("unexpected {lit}, expected {{ after if clause"));
                    } else {
                        self.syntax_error_at(spos, "missing condition in if statement");
                    }
                    cond = Some(self.expr_at(spos, ExprKind::Bad));
                }
            }
            Some(id) => {
                let st = self.stmts[id.index()].clone();
                if let StmtKind::Expr(x) = st.kind {
                    cond = Some(x);
                } else {
                    let s = match &st.kind {
                        StmtKind::Assign { op: AssignOp::Assign, lhs, rhs } => format!(
                            "assignment {} = {}",
                            self.emphasize_list(lhs),
                            self.emphasize_list(rhs)
                        ),
                        _ => print::stmt_string(self.src, &self.exprs, &self.stmts, id),
                    };
                    self.syntax_error_at(st.pos, &format!("cannot use {s} as value"));
                }
            }
        }
        self.xnest = outer;
        (init_id, cond, post, None)
    }

    fn emphasize_list(&self, l: &[ExprId]) -> String {
        if l.len() == 1 {
            let s = self.expr_string(l[0]);
            if matches!(self.kind(l[0]), ExprKind::Binary { .. }) {
                return format!("({s})");
            }
            return s;
        }
        l.iter().map(|&e| self.expr_string(e)).collect::<Vec<_>>().join(", ")
    }

    fn if_stmt(&mut self) -> StmtId {
        if !self.enter() {
            self.leave();
            return self.stmt_at(self.pos(), StmtKind::Bad);
        }
        let pos = self.pos();
        let (init, cond, _, _) = self.header(Tok::If);
        let then = self.block_stmt("if clause");
        let mut els = None;
        if self.got(Tok::Else) {
            match self.tok() {
                Tok::If => els = Some(self.if_stmt()),
                Tok::Lbrace => {
                    let b = self.block_stmt("");
                    els = Some(self.stmt_at(b.pos, StmtKind::Block(b)));
                }
                _ => {
                    self.syntax_error("else must be followed by if or statement block");
                    self.advance(&[Tok::Name, Tok::Rbrace]);
                }
            }
        }
        let cond = cond.unwrap_or_else(|| self.expr_at(pos, ExprKind::Bad));
        self.leave();
        self.stmt_at(pos, StmtKind::If { init, cond, then, els })
    }

    fn switch_stmt(&mut self) -> StmtId {
        let pos = self.pos();
        let (init, tag, _, _) = self.header(Tok::Switch);
        let (clauses, rbrace) = self.clause_block("switch", Self::case_clause);
        if let Some(t) = tag
            && matches!(self.kind(t), ExprKind::TypeSwitchGuard { .. })
        {
            return self.stmt_at(pos, StmtKind::TypeSwitch { init, guard: t, clauses, rbrace });
        }
        self.stmt_at(pos, StmtKind::Switch { init, tag, clauses, rbrace })
    }

    fn select_stmt(&mut self) -> StmtId {
        let pos = self.pos();
        self.want(Tok::Select);
        let (clauses, rbrace) = self.clause_block("select", Self::comm_clause);
        self.stmt_at(pos, StmtKind::Select { clauses, rbrace })
    }

    /// The `{ case ...: ... }` body of a switch or select (`what`): its clauses and the
    /// position of the closing brace. A clause that consumes nothing is skipped a token
    /// at a time, so broken input always makes progress.
    fn clause_block<T>(&mut self, what: &str, mut clause: impl FnMut(&mut Self) -> T) -> (Vec<T>, Pos) {
        if !self.got(Tok::Lbrace) {
            self.syntax_error(&format!("missing {{ after {what} clause"));
            self.advance(&[Tok::Case, Tok::Default, Tok::Rbrace]);
        }
        let mut clauses = Vec::new();
        while self.tok() != Tok::Eof && self.tok() != Tok::Rbrace {
            let before = self.s.pos;
            clauses.push(clause(self));
            if self.s.pos == before && self.tok() != Tok::Eof {
                self.next();
            }
        }
        let rbrace = self.pos();
        self.want(Tok::Rbrace);
        (clauses, rbrace)
    }

    fn case_clause(&mut self) -> CaseClause {
        let pos = self.pos();
        let mut cases = Vec::new();
        let mut is_default = false;
        match self.tok() {
            Tok::Case => {
                self.next();
                cases = self.expr_list();
            }
            Tok::Default => {
                self.next();
                is_default = true;
            }
            _ => {
                self.syntax_error("expected case or default or }");
                self.advance(&[Tok::Colon, Tok::Case, Tok::Default, Tok::Rbrace]);
            }
        }
        let colon = self.pos();
        self.want(Tok::Colon);
        let body = self.stmt_list();
        CaseClause { pos, cases, is_default, colon, body }
    }

    fn comm_clause(&mut self) -> CommClause {
        let pos = self.pos();
        let mut comm = None;
        match self.tok() {
            Tok::Case => {
                self.next();
                let s = self.simple_stmt(None, None);
                comm = Some(self.simple_as_stmt(s));
            }
            Tok::Default => self.next(),
            _ => {
                self.syntax_error("expected case or default or }");
                self.advance(&[Tok::Colon, Tok::Case, Tok::Default, Tok::Rbrace]);
            }
        }
        let colon = self.pos();
        self.want(Tok::Colon);
        let body = self.stmt_list();
        CommClause { pos, comm, colon, body }
    }

    fn stmt_or_nil(&mut self) -> Option<StmtId> {
        if !self.enter() {
            self.leave();
            return None;
        }
        let r = self.stmt_or_nil_inner();
        self.leave();
        r
    }

    fn stmt_or_nil_inner(&mut self) -> Option<StmtId> {
        if self.tok() == Tok::Name {
            self.clear_pragma();
            let lhs = self.expr_list();
            if lhs.len() == 1
                && self.tok() == Tok::Colon
                && let ExprKind::Name(label) = *self.kind(lhs[0])
            {
                return self.labeled_stmt(label);
            }
            let s = self.simple_stmt(Some(lhs), None);
            return Some(self.simple_as_stmt(s));
        }
        match self.tok() {
            Tok::Var => return Some(self.decl_stmt(DeclTok::Var)),
            Tok::Const => return Some(self.decl_stmt(DeclTok::Const)),
            Tok::Type => return Some(self.decl_stmt(DeclTok::Type)),
            _ => {}
        }
        self.clear_pragma();
        let pos = self.pos();
        match self.tok() {
            Tok::Lbrace => {
                let b = self.block_stmt("");
                Some(self.stmt_at(pos, StmtKind::Block(b)))
            }
            Tok::Operator | Tok::Star => match self.s.op {
                Op::Add | Op::Sub | Op::Mul | Op::And | Op::Xor | Op::Not => {
                    let s = self.simple_stmt(None, None);
                    Some(self.simple_as_stmt(s))
                }
                _ => None,
            },
            Tok::Literal
            | Tok::Func
            | Tok::Lparen
            | Tok::Lbrack
            | Tok::Struct
            | Tok::Map
            | Tok::Chan
            | Tok::Interface
            | Tok::Arrow => {
                let s = self.simple_stmt(None, None);
                Some(self.simple_as_stmt(s))
            }
            Tok::For => Some(self.for_stmt()),
            Tok::Switch => Some(self.switch_stmt()),
            Tok::Select => Some(self.select_stmt()),
            Tok::If => Some(self.if_stmt()),
            Tok::Fallthrough => {
                self.next();
                Some(self.stmt_at(pos, StmtKind::Branch { kind: BranchKind::Fallthrough, label: None }))
            }
            Tok::Break | Tok::Continue => {
                let kind = if self.tok() == Tok::Break { BranchKind::Break } else { BranchKind::Continue };
                self.next();
                let label = if self.tok() == Tok::Name { Some(self.name()) } else { None };
                Some(self.stmt_at(pos, StmtKind::Branch { kind, label }))
            }
            Tok::Go | Tok::Defer => Some(self.call_stmt()),
            Tok::Goto => {
                self.next();
                let label = Some(self.name());
                Some(self.stmt_at(pos, StmtKind::Branch { kind: BranchKind::Goto, label }))
            }
            Tok::Return => {
                self.next();
                let mut results = Vec::new();
                if self.tok() != Tok::Semi && self.tok() != Tok::Rbrace {
                    results = self.expr_list();
                }
                Some(self.stmt_at(pos, StmtKind::Return(results)))
            }
            Tok::Semi => Some(self.stmt_at(pos, StmtKind::Empty)),
            _ => None,
        }
    }

    fn stmt_list(&mut self) -> Vec<StmtId> {
        let mut l = Vec::new();
        while !matches!(self.tok(), Tok::Eof | Tok::Rbrace | Tok::Case | Tok::Default) {
            let s = self.stmt_or_nil();
            self.clear_pragma();
            let Some(s) = s else { break };
            l.push(s);
            if !self.got(Tok::Semi) && self.tok() != Tok::Rbrace {
                self.syntax_error("at end of statement");
                self.advance(&[Tok::Semi, Tok::Rbrace, Tok::Case, Tok::Default]);
                self.got(Tok::Semi);
            }
        }
        l
    }

    fn arg_list(&mut self) -> (Vec<ExprId>, bool, Pos) {
        self.xnest += 1;
        let mut list = Vec::new();
        let mut has_dots = false;
        let rparen = self.list("argument list", Tok::Comma, Tok::Rparen, |p| {
            list.push(p.expr());
            has_dots = p.got(Tok::DotDotDot);
            has_dots
        });
        self.xnest -= 1;
        (list, has_dots, rparen)
    }

    // ---- common productions ----

    fn name(&mut self) -> Name {
        if self.tok() == Tok::Name {
            let n = Name { pos: self.pos(), len: self.s.end - self.s.pos };
            self.next();
            return n;
        }
        let n = Name { pos: self.pos(), len: 0 };
        self.syntax_error("expected name");
        self.advance(&[]);
        n
    }

    fn name_list(&mut self, first: Name) -> Vec<Name> {
        let mut l = vec![first];
        while self.got(Tok::Comma) {
            l.push(self.name());
        }
        l
    }

    fn qualified_name(&mut self, name: Option<Name>) -> ExprId {
        let x = match name {
            Some(n) => self.name_expr(n),
            None if self.tok() == Tok::Name => {
                let n = self.name();
                self.name_expr(n)
            }
            None => {
                let n = Name { pos: self.pos(), len: 0 };
                self.syntax_error("expected name");
                self.advance(&[Tok::Dot, Tok::Semi, Tok::Rbrace]);
                self.name_expr(n)
            }
        };
        self.qualified_name_from(x)
    }

    fn qualified_name_from(&mut self, mut x: ExprId) -> ExprId {
        if self.tok() == Tok::Dot {
            let pos = self.pos();
            self.next();
            let sel = self.name();
            x = self.expr_at(pos, ExprKind::Selector { x, sel });
        }
        if self.tok() == Tok::Lbrack {
            x = self.type_instance(x);
        }
        x
    }

    fn expr_list(&mut self) -> Vec<ExprId> {
        let x = self.expr();
        let mut l = vec![x];
        while self.got(Tok::Comma) {
            l.push(self.expr());
        }
        l
    }

    /// `typeList = arg { "," arg } [ "," ]`; the first element may be an
    /// expression unless `strict`. Returns the elements and whether a comma was seen.
    fn type_list(&mut self, strict: bool) -> (Vec<ExprId>, bool) {
        self.xnest += 1;
        let x = if strict { self.type_() } else { self.expr() };
        let mut list = vec![x];
        let mut comma = false;
        if self.got(Tok::Comma) {
            comma = true;
            if let Some(t) = self.type_or_nil() {
                list.push(t);
                while self.got(Tok::Comma) {
                    match self.type_or_nil() {
                        Some(t) => list.push(t),
                        None => break,
                    }
                }
            }
        }
        self.xnest -= 1;
        (list, comma)
    }
}
