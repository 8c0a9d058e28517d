//! Label and branch checks of one function body, as gc's parser does them (gc, not
//! the type checker, reports these): undefined, duplicate and unused labels,
//! `goto` into a block or over a variable declaration, `break`/`continue` outside
//! a loop or with a label of the wrong statement, misplaced `fallthrough`.
//!
//! The parser runs this on each function body (including function literals) that
//! parsed without errors, as gc does, so that broken code gets no follow-on errors.

use std::collections::HashMap;

use super::ast::*;
use super::pos::{LineTable, Pos};
use super::print;
use super::Error;

/// The parts of a file the check reads (the parser calls it before the [`File`]
/// exists).
pub(crate) struct Ctx<'a> {
    pub name: &'a str,
    pub src: &'a [u8],
    pub lines: &'a LineTable,
    pub exprs: &'a [Expr],
    pub stmts: &'a [Stmt],
    pub decls: &'a [Decl],
}

struct BlockInfo {
    parent: Option<usize>,
    start: Pos,
    lstmt: Option<StmtId>,
}

struct Label {
    block: usize,
    lstmt: StmtId,
    name: Name,
    used: bool,
}

#[derive(Clone, Copy)]
struct Targets {
    breaks: Option<StmtId>,
    continues: Option<StmtId>,
    case_index: Option<usize>,
}

/// A forward `goto`: its label name (text) and position.
#[derive(Clone)]
struct Fwd {
    name: String,
    pos: Pos,
}

struct Checker<'a> {
    c: &'a Ctx<'a>,
    blocks: Vec<BlockInfo>,
    labels: Vec<Label>,
    by_name: HashMap<&'a str, usize>,
    errors: Vec<Error>,
}

/// Checks the labels and branches of one function body.
pub(crate) fn check(c: &Ctx<'_>, body: &Block) -> Vec<Error> {
    let mut k = Checker { c, blocks: Vec::new(), labels: Vec::new(), by_name: HashMap::new(), errors: Vec::new() };
    let none = Targets { breaks: None, continues: None, case_index: None };
    let fwd = k.block(None, none, None, body.pos, &body.stmts);
    for f in fwd {
        match k.by_name.get(f.name.as_str()).copied() {
            Some(l) => {
                k.labels[l].used = true;
                let start = k.blocks[k.labels[l].block].start;
                let at = k.pos_string(start);
                k.err(f.pos, format!("goto {} jumps into block starting at {at}", f.name));
            }
            None => k.err(f.pos, format!("label {} not defined", f.name)),
        }
    }
    let unused: Vec<Name> = k.labels.iter().filter(|l| !l.used).map(|l| l.name).collect();
    for n in unused {
        let s = k.name(n).to_string();
        k.err(n.pos, format!("label {s} defined and not used"));
    }
    k.errors.sort_by_key(|e| e.pos);
    k.errors
}

impl<'a> Checker<'a> {
    fn err(&mut self, pos: Pos, msg: String) {
        self.errors.push(Error { pos, msg });
    }

    fn name(&self, n: Name) -> &'a str {
        let s = n.pos.offset();
        self.c.src.get(s..s + n.len as usize).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or("_")
    }

    fn pos_string(&self, pos: Pos) -> String {
        self.c.lines.position(self.c.name, pos).to_string()
    }

    fn stmt(&self, id: StmtId) -> &'a Stmt {
        &self.c.stmts[id.index()]
    }

    fn declare(&mut self, block: usize, lstmt: StmtId, name: Name) -> usize {
        let text = self.name(name);
        if let Some(&alt) = self.by_name.get(text) {
            let at = self.pos_string(self.labels[alt].name.pos);
            self.err(name.pos, format!("label {text} already defined at {at}"));
            return alt;
        }
        self.labels.push(Label { block, lstmt, name, used: false });
        self.by_name.insert(text, self.labels.len() - 1);
        self.labels.len() - 1
    }

    fn goto_target(&mut self, mut b: Option<usize>, name: &str) -> bool {
        let Some(&l) = self.by_name.get(name) else { return false };
        self.labels[l].used = true;
        while let Some(bi) = b {
            if self.labels[l].block == bi {
                return true;
            }
            b = self.blocks[bi].parent;
        }
        false
    }

    /// The labeled statement an enclosing `break L`/`continue L` names:
    /// `Ok(Some)` if found among the enclosing blocks, `Ok(None)` if the label
    /// exists elsewhere (invalid), `Err` if it is not defined.
    fn enclosing_target(&mut self, mut b: Option<usize>, name: &str) -> Result<Option<StmtId>, ()> {
        let Some(&l) = self.by_name.get(name) else { return Err(()) };
        self.labels[l].used = true;
        let lstmt = self.labels[l].lstmt;
        while let Some(bi) = b {
            if self.blocks[bi].lstmt == Some(lstmt) {
                return Ok(Some(lstmt));
            }
            b = self.blocks[bi].parent;
        }
        Ok(None)
    }

    fn block(
        &mut self,
        parent: Option<usize>,
        ctxt: Targets,
        lstmt: Option<StmtId>,
        start: Pos,
        body: &[StmtId],
    ) -> Vec<Fwd> {
        self.blocks.push(BlockInfo { parent, start, lstmt });
        let b = self.blocks.len() - 1;
        let mut var_decl: Option<(Pos, String)> = None;
        let mut fwd_gotos: Vec<Fwd> = Vec::new();
        // Forward gotos seen before the latest variable declaration.
        let mut bad_gotos: Vec<Pos> = Vec::new();

        let mut n = body.len();
        while n > 0 && matches!(self.stmt(body[n - 1]).kind, StmtKind::Empty) {
            n -= 1;
        }
        let list = &body[..n];
        for (index, &sid) in list.iter().enumerate() {
            let mut lstmt_here: Option<StmtId> = None;
            let mut cur = sid;
            // Unwrap labels (a label may label another labeled statement).
            loop {
                let s = self.stmt(cur);
                let StmtKind::Labeled { label, stmt } = s.kind else { break };
                let name = self.name(label);
                if name != "_" {
                    let l = self.declare(b, cur, label);
                    let mut kept = Vec::new();
                    for f in fwd_gotos.drain(..) {
                        if f.name == name {
                            self.labels[l].used = true;
                            if let Some((vpos, vname)) = &var_decl
                                && bad_gotos.contains(&f.pos)
                            {
                                let at = self.pos_string(*vpos);
                                let msg = format!("goto {name} jumps over declaration of {vname} at {at}");
                                self.err(f.pos, msg);
                            }
                        } else {
                            kept.push(f);
                        }
                    }
                    fwd_gotos = kept;
                    lstmt_here = Some(cur);
                }
                cur = stmt;
            }
            let s = self.stmt(cur);
            let inner = |ctxt: Targets| Targets { case_index: None, ..ctxt };
            match &s.kind {
                StmtKind::Decl(decls) => {
                    for &d in decls {
                        if let DeclKind::Var { names, .. } = &self.c.decls[d.index()].kind {
                            let pos = self.c.decls[d.index()].pos;
                            let first = names.first().map(|&n| self.name(n).to_string()).unwrap_or_default();
                            var_decl = Some((pos, first));
                            bad_gotos = fwd_gotos.iter().map(|f| f.pos).collect();
                            break;
                        }
                    }
                }
                StmtKind::Assign { op: AssignOp::Define, lhs, .. } => {
                    let names = lhs.iter().map(|&e| print::expr_string(self.c.src, self.c.exprs, e)).collect::<Vec<_>>();
                    var_decl = Some((s.pos, names.join(", ")));
                    bad_gotos = fwd_gotos.iter().map(|f| f.pos).collect();
                }
                StmtKind::Branch { kind, label: None } => match kind {
                    BranchKind::Break => {
                        if ctxt.breaks.is_none() {
                            self.err(s.pos, "break is not in a loop, switch, or select".into());
                        }
                    }
                    BranchKind::Continue => {
                        if ctxt.continues.is_none() {
                            self.err(s.pos, "continue is not in a loop".into());
                        }
                    }
                    BranchKind::Fallthrough => {
                        let mut msg = Some("fallthrough statement out of place");
                        if let Some(t) = ctxt.breaks {
                            match &self.stmt(t).kind {
                                StmtKind::TypeSwitch { .. } => msg = Some("cannot fallthrough in type switch"),
                                StmtKind::Switch { clauses, .. } => {
                                    if let Some(ci) = ctxt.case_index
                                        && index + 1 == list.len()
                                    {
                                        msg = if ci + 1 == clauses.len() {
                                            Some("cannot fallthrough final case in switch")
                                        } else {
                                            None
                                        };
                                    }
                                }
                                _ => {}
                            }
                        }
                        if let Some(m) = msg {
                            self.err(s.pos, m.into());
                        }
                    }
                    BranchKind::Goto => {}
                },
                StmtKind::Branch { kind, label: Some(label) } => {
                    let name = self.name(*label);
                    match kind {
                        BranchKind::Break => match self.enclosing_target(Some(b), name) {
                            Ok(Some(t)) => {
                                if !self.is_loop_or_switch(t, true) {
                                    self.err(label.pos, format!("invalid break label {name}"));
                                }
                            }
                            Ok(None) => self.err(label.pos, format!("invalid break label {name}")),
                            Err(()) => self.err(label.pos, format!("break label not defined: {name}")),
                        },
                        BranchKind::Continue => match self.enclosing_target(Some(b), name) {
                            Ok(Some(t)) => {
                                if !self.is_loop_or_switch(t, false) {
                                    self.err(label.pos, format!("invalid continue label {name}"));
                                }
                            }
                            Ok(None) => self.err(label.pos, format!("invalid continue label {name}")),
                            Err(()) => self.err(label.pos, format!("continue label not defined: {name}")),
                        },
                        BranchKind::Goto => {
                            if !self.goto_target(Some(b), name) {
                                fwd_gotos.push(Fwd { name: name.to_string(), pos: label.pos });
                            }
                        }
                        BranchKind::Fallthrough => {}
                    }
                }
                StmtKind::Block(blk) => {
                    let f = self.block(Some(b), inner(ctxt), lstmt_here, blk.pos, &blk.stmts);
                    fwd_gotos.extend(f);
                }
                StmtKind::If { then, els, .. } => {
                    let f = self.block(Some(b), inner(ctxt), lstmt_here, then.pos, &then.stmts);
                    fwd_gotos.extend(f);
                    if let Some(e) = els {
                        let epos = self.stmt(*e).pos;
                        let f = self.block(Some(b), inner(ctxt), lstmt_here, epos, &[*e]);
                        fwd_gotos.extend(f);
                    }
                }
                StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
                    let t = Targets { breaks: Some(cur), continues: Some(cur), case_index: None };
                    let f = self.block(Some(b), t, lstmt_here, body.pos, &body.stmts);
                    fwd_gotos.extend(f);
                }
                StmtKind::Switch { clauses, .. } | StmtKind::TypeSwitch { clauses, .. } => {
                    for (i, cc) in clauses.iter().enumerate() {
                        let t = Targets { breaks: Some(cur), continues: ctxt.continues, case_index: Some(i) };
                        let f = self.block(Some(b), t, lstmt_here, cc.pos, &cc.body);
                        fwd_gotos.extend(f);
                    }
                }
                StmtKind::Select { clauses, .. } => {
                    for cc in clauses {
                        let t = Targets { breaks: Some(cur), continues: ctxt.continues, case_index: None };
                        let f = self.block(Some(b), t, lstmt_here, cc.pos, &cc.body);
                        fwd_gotos.extend(f);
                    }
                }
                _ => {}
            }
        }
        fwd_gotos
    }

    /// Whether the labeled statement `l` labels a valid `break` target (a loop,
    /// switch or select) or, when `!brk`, a valid `continue` target (a loop).
    fn is_loop_or_switch(&self, l: StmtId, brk: bool) -> bool {
        let StmtKind::Labeled { stmt, .. } = self.stmt(l).kind else { return false };
        match self.stmt(stmt).kind {
            StmtKind::For { .. } | StmtKind::Range { .. } => true,
            StmtKind::Switch { .. } | StmtKind::TypeSwitch { .. } | StmtKind::Select { .. } => brk,
            _ => false,
        }
    }
}
