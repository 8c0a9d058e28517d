//! Channels, `select` and `go` statements.
//!
//! A channel operation pushes its operands and emits one runtime instruction
//! (`MakeChan`, `ChanSend`, `ChanRecv`, `ChanClose`) whose type operand is the *word
//! image* of the element type — a compiler-made type-table entry with one 8-byte word
//! per operand-stack word of the element and their pointer kinds — so the VM copies
//! words without knowing Go types, and a buffer of pointerful elements is scanned
//! precisely.
//!
//! `select` follows the spec's order: every case's channel operand and every value to
//! send is evaluated once, in source order, into frame slots; `Select` then picks a
//! ready case (or `default`, or blocks) and leaves the index of the chosen case (and a
//! receive's `ok`); a receive's value lands in the case's slots. Then the clause's
//! statement runs with its receive replaced by a load of those slots (`select_recvs`),
//! so `v, ok := <-c`, `a[i] = <-c` and conversions on assignment compile as anywhere
//! else, with the left sides evaluated after the receive as in gc.

use super::func::{CResult, FuncCompiler, Target};
use crate::bytecode::{Instr, Kind, SELECT_HAS_DEFAULT};
use frontend::syntax::Pos;
use frontend::syntax::ast::{Block, CommClause, ExprId, ExprKind, StmtKind, UnOp};
use frontend::types::ty::{BasicKind, Type, TypeId, TypeTable};

/// One communication case of a `select`, after its operands were evaluated.
struct SelectCase {
    /// Index of its clause.
    clause: usize,
    /// The slot holding the channel.
    chan: u32,
    send: bool,
    /// First slot of the value to send or the value received, and its word count.
    value: u32,
    n: u16,
    /// A receive: the receive expression.
    recv: Option<ExprId>,
}

/// A receive the `Select` instruction already performed: where its results are.
#[derive(Clone, Copy, Debug)]
pub(crate) struct DoneRecv {
    value: u32,
    n: u16,
    ok: u32,
}

impl FuncCompiler<'_, '_> {
    /// The element type of channel type `t`.
    fn chan_elem_of(&self, pos: Pos, t: TypeId) -> CResult<TypeId> {
        match self.cx.prog.types.under(t) {
            Type::Chan(_, elem) => Ok(*elem),
            _ => Err(self.err(pos, "internal compiler error: not a channel")),
        }
    }

    /// The type-table index of the word image of element type `elem`.
    fn chan_elem_type(&mut self, elem: TypeId) -> u32 {
        if let Some(&i) = self.cx.chan_elems.get(&elem) {
            return i;
        }
        let kinds = super::layout::words(self.cx.prog, elem);
        let name = format!("chan elem {}", frontend::types::typestring::type_string(self.cx.prog, elem, None));
        let i = self.cx.custom_type(&name, &kinds);
        self.cx.chan_elems.insert(elem, i);
        i
    }

    /// `make(chan T[, size])`.
    pub fn make_chan(&mut self, e: ExprId, args: &[ExprId]) -> CResult {
        let pos = self.file.expr(e).pos;
        let elem = self.chan_elem_of(pos, self.ty(e))?;
        match args.get(1) {
            Some(&size) => self.expr_to(size, TypeTable::basic(BasicKind::Int))?,
            None => self.b.emit(Instr::Const(0)),
        }
        let ti = self.chan_elem_type(elem);
        self.b.set_line(self.line(pos));
        self.b.emit_runtime(Instr::MakeChan(ti), 1, &[Kind::Pointer]);
        Ok(())
    }

    /// `ch <- value`.
    pub fn send_stmt(&mut self, pos: Pos, ch: ExprId, value: ExprId) -> CResult {
        let elem = self.chan_elem_of(pos, self.ty(ch))?;
        self.expr(ch)?;
        self.expr_to(value, elem)?;
        let ti = self.chan_elem_type(elem);
        let n = super::layout::words(self.cx.prog, elem).len();
        self.b.set_line(self.line(pos));
        self.b.emit_runtime(Instr::ChanSend(ti), 1 + n, &[]);
        Ok(())
    }

    /// `<-ch` (the receive expression `e`), with its `ok` result if `comma_ok`.
    pub fn recv_expr(&mut self, e: ExprId, comma_ok: bool) -> CResult {
        let e = self.unparen(e);
        let pos = self.file.expr(e).pos;
        if let Some(done) = self.select_recvs.get(&e).copied() {
            if done.n > 0 {
                self.b.emit(Instr::LoadSlots { slot: done.value, n: done.n });
            }
            if comma_ok {
                self.b.emit(Instr::Load(done.ok));
            }
            return Ok(());
        }
        let ExprKind::Unary { op: UnOp::Recv, x } = self.file.expr(e).kind else {
            return Err(self.err(pos, "internal compiler error: not a receive"));
        };
        let elem = self.chan_elem_of(pos, self.ty(x))?;
        self.expr(x)?;
        let ti = self.chan_elem_type(elem);
        let mut kinds = super::layout::words(self.cx.prog, elem);
        kinds.push(Kind::Scalar);
        self.b.set_line(self.line(pos));
        self.b.emit_runtime(Instr::ChanRecv(ti), 1, &kinds);
        if !comma_ok {
            self.b.emit(Instr::Pop);
        }
        Ok(())
    }

    /// `close(ch)`.
    pub fn close_chan(&mut self, e: ExprId, args: &[ExprId]) -> CResult {
        let pos = self.file.expr(e).pos;
        let [c] = args else { return Err(self.err(pos, "internal compiler error: close arity")) };
        self.expr(*c)?;
        self.b.set_line(self.line(pos));
        self.b.emit_runtime(Instr::ChanClose, 1, &[]);
        Ok(())
    }

    /// `len(ch)` / `cap(ch)`: words 0 and 1 of the header (gc's `qcount`, `dataqsiz`),
    /// 0 for a nil channel.
    pub fn chan_len_cap(&mut self, x: ExprId, len: bool) -> CResult {
        let c = self.b.local(Kind::Pointer);
        self.expr(x)?;
        self.b.emit(Instr::Store(c));
        let nil = self.b.new_label();
        let end = self.b.new_label();
        self.b.emit(Instr::Load(c));
        self.b.branch(Instr::JumpIfNot(0), nil);
        // A timer channel (Go 1.23's synchronous ones) has length and capacity 0.
        self.b.emit(Instr::Load(c));
        self.b.emit(Instr::Load64(runtime::chan::HCHAN_TIMER_OFF as _));
        self.b.branch(Instr::JumpIf(0), nil);
        self.b.emit(Instr::Load(c));
        self.b.emit(Instr::Load64(if len { 0 } else { 8 }));
        self.b.branch(Instr::Jump(0), end);
        self.b.bind(nil);
        self.b.emit(Instr::Const(0));
        self.b.bind(end);
        self.b.set_top_kinds(&[Kind::Scalar]);
        Ok(())
    }

    /// `for v := range ch`: receive until the channel is closed and drained.
    pub fn range_chan(
        &mut self,
        label: Option<String>,
        key: Option<ExprId>,
        define: bool,
        x: ExprId,
        elem: TypeId,
        body: &Block,
    ) -> CResult {
        let pos = self.file.expr(x).pos;
        let c = self.b.local(Kind::Pointer);
        self.expr(x)?;
        self.b.emit(Instr::Store(c));
        let ti = self.chan_elem_type(elem);
        let mut kinds = super::layout::words(self.cx.prog, elem);
        kinds.push(Kind::Scalar);
        let top = self.b.new_label();
        let done = self.b.new_label();
        let end = self.b.new_label();
        self.b.bind(top);
        self.b.emit(Instr::Load(c));
        self.b.set_line(self.line(pos));
        self.b.emit_runtime(Instr::ChanRecv(ti), 1, &kinds);
        self.b.branch(Instr::JumpIfNot(0), done);
        match key.filter(|&k| !self.is_blank(k)) {
            Some(k) => self.range_var(k, elem, define)?,
            None => self.pop_value(elem),
        }
        self.targets.push(Target { label, brk: end, cont: Some(top) });
        let r = self.block(&body.stmts);
        self.targets.pop();
        r?;
        self.b.branch(Instr::Jump(0), top);
        self.b.bind(done);
        self.pop_value(elem);
        self.b.bind(end);
        Ok(())
    }

    /// `go f(args)`.
    pub fn go_stmt(&mut self, pos: Pos, call: ExprId) -> CResult {
        self.call_thunk(pos, call, Instr::Go)
    }

    /// A `select` statement (see the module docs).
    pub fn select_stmt(&mut self, label: Option<String>, clauses: &[CommClause]) -> CResult {
        let file = self.file.clone();
        let mut cases = Vec::new();
        let mut default = None;
        // Phase 1: channel operands and sent values, in source order.
        for (k, cl) in clauses.iter().enumerate() {
            let Some(comm) = cl.comm else {
                default = Some(k);
                continue;
            };
            let (ch, send_value, recv) = match &file.stmt(comm).kind {
                StmtKind::Send { ch, value } => (*ch, Some(*value), None),
                StmtKind::Expr(e) => (self.recv_operand(*e)?, None, Some(self.unparen(*e))),
                StmtKind::Assign { rhs, .. } if rhs.len() == 1 => {
                    (self.recv_operand(rhs[0])?, None, Some(self.unparen(rhs[0])))
                }
                _ => return Err(self.err(cl.pos, "internal compiler error: select case")),
            };
            let elem = self.chan_elem_of(cl.pos, self.ty(ch))?;
            let chan = self.b.local(Kind::Pointer);
            self.expr(ch)?;
            self.b.emit(Instr::Store(chan));
            let (value, n) = self.temp(elem);
            if let Some(v) = send_value {
                self.expr_to(v, elem)?;
                if n > 0 {
                    self.b.emit(Instr::StoreSlots { slot: value, n });
                }
            }
            cases.push(SelectCase { clause: k, chan, send: send_value.is_some(), value, n, recv });
        }
        // Phase 2: the choice.
        let n = u16::try_from(cases.len())
            .ok()
            .filter(|&n| n < SELECT_HAS_DEFAULT)
            .ok_or_else(|| self.unimpl(clauses.first().map_or(Pos(0), |c| c.pos), "select with this many cases"))?;
        for c in &cases {
            self.b.emit(Instr::Load(c.chan));
            self.b.push_i64((i64::from(c.value) << 1) | i64::from(c.send));
        }
        let op = n | if default.is_some() { SELECT_HAS_DEFAULT } else { 0 };
        if let Some(cl) = clauses.first() {
            self.b.set_line(self.line(cl.pos));
        }
        self.b.emit_runtime(Instr::Select(op), 2 * usize::from(n), &[Kind::Scalar, Kind::Scalar]);
        let index = self.b.local(Kind::Scalar);
        let ok = self.b.local(Kind::Scalar);
        self.b.emit(Instr::Store(ok));
        self.b.emit(Instr::Store(index));
        // Phase 3: the chosen clause.
        let end = self.b.new_label();
        self.targets.push(Target { label, brk: end, cont: None });
        let r = self.select_clauses(clauses, &cases, default, index, ok, end);
        self.targets.pop();
        r?;
        self.b.bind(end);
        Ok(())
    }

    /// The channel operand of a receive case's expression `e` (`<-ch`).
    fn recv_operand(&self, e: ExprId) -> CResult<ExprId> {
        let u = self.unparen(e);
        match self.file.expr(u).kind {
            ExprKind::Unary { op: UnOp::Recv, x } => Ok(x),
            _ => Err(self.err(self.file.expr(e).pos, "internal compiler error: select receive")),
        }
    }

    /// Dispatches on the chosen case.
    fn select_clauses(
        &mut self,
        clauses: &[CommClause],
        cases: &[SelectCase],
        default: Option<usize>,
        index: u32,
        ok: u32,
        end: crate::bytecode::Label,
    ) -> CResult {
        let file = self.file.clone();
        for (i, case) in cases.iter().enumerate() {
            let Some(cl) = clauses.get(case.clause) else { continue };
            let next = self.b.new_label();
            self.b.emit(Instr::Load(index));
            self.b.push_i64(i as i64);
            self.b.branch(Instr::BrNe(0), next);
            if let (Some(e), Some(comm)) = (case.recv, cl.comm)
                && let StmtKind::Assign { .. } = file.stmt(comm).kind
            {
                self.select_recvs.insert(e, DoneRecv { value: case.value, n: case.n, ok });
                let r = self.stmt(comm);
                self.select_recvs.remove(&e);
                r?;
            }
            self.block(&cl.body)?;
            self.b.branch(Instr::Jump(0), end);
            self.b.bind(next);
        }
        if let Some(cl) = default.and_then(|k| clauses.get(k)) {
            self.block(&cl.body)?;
        }
        Ok(())
    }
}
