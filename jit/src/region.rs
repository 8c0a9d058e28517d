//! Region selection: from a hot back-edge to the loop's instructions, as base operations
//! grouped in basic blocks with known operand-stack depths.
//!
//! The region of the loop headed at `header` whose back-edge is at `back_edge` is the
//! bytecode range `header..=back_edge` (the compiler lays a loop's body out between its
//! header and its back-edge, inner loops included). Every instruction in it is lowered
//! to the base instructions of its [`Instr::expansion`]; the code generator sees only
//! those, tagged with the pc of the instruction they came from (the resume point of any
//! exit they take). An instruction the code generator does not compile becomes an
//! [`Step::Exit`]: compiled code stops before it and the interpreter runs it.

use interp::bytecode::{Function, Instr, Program};
use std::collections::BTreeMap;

/// One bytecode instruction of the region, as the code generator sees it.
#[derive(Clone, Debug)]
pub enum Step {
    /// Base instructions standing for the instruction at `pc`.
    Ops { pc: u32, ops: Vec<Instr> },
    /// Leave compiled code before the instruction at `pc` (one it does not compile).
    Exit { pc: u32 },
}

/// A basic block: the steps from `start` to the next block, entered with `depth`
/// operand words.
#[derive(Clone, Debug)]
pub struct Block {
    /// The pc of its first instruction.
    pub start: u32,
    /// Operand-stack words on entry.
    pub depth: u32,
    /// Its instructions.
    pub steps: Vec<Step>,
    /// Where control goes when the last step falls through (`None` after a jump, a
    /// terminator or an exit).
    pub fall_through: Option<u32>,
}

/// What a region is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RegionKind {
    /// A loop, entered at its header from a back-edge of the interpreter.
    Loop,
    /// A whole function, entered at pc 0 by a static call.
    Function,
}

/// A loop or function region ready for code generation.
#[derive(Clone, Debug)]
pub struct Region {
    /// Loop or function.
    pub kind: RegionKind,
    /// The loop header (the first block).
    pub header: u32,
    /// The last pc of the region.
    pub end: u32,
    /// Blocks by start pc (only those reachable from the header).
    pub blocks: BTreeMap<u32, Block>,
    /// The deepest operand stack anywhere in the region, including temporaries of
    /// expansions.
    pub max_depth: u32,
}

impl Region {
    /// Whether `pc` is inside the region.
    pub fn contains(&self, pc: u32) -> bool {
        (self.header..=self.end).contains(&pc)
    }

    fn all_steps(&self) -> impl Iterator<Item = &Step> {
        self.blocks.values().flat_map(|b| b.steps.iter())
    }

    /// Whether every entry leaves at an instruction the code generator does not
    /// compile, before any conditional branch: compiled, it would only cost its entry
    /// and exit.
    pub fn always_exits(&self) -> bool {
        let mut pc = self.header;
        let mut seen = std::collections::BTreeSet::new();
        while seen.insert(pc) {
            let Some(b) = self.blocks.get(&pc) else { return false };
            match b.steps.last() {
                Some(Step::Exit { .. }) => return true,
                Some(Step::Ops { pc: at, ops }) => match ops.last() {
                    Some(Instr::Jump(off)) => match target(*at, *off) {
                        Some(t) => pc = t,
                        None => return false,
                    },
                    Some(op) if op.branch_offset().is_some() || op.is_terminator() => return false,
                    _ => match b.fall_through {
                        Some(next) => pc = next,
                        None => return false,
                    },
                },
                None => return false,
            }
        }
        false
    }

    /// Whether a loop region contains another loop (a backward branch to a header
    /// after its own).
    pub fn has_inner_loop(&self) -> bool {
        self.all_steps().any(|s| match s {
            Step::Ops { pc, ops } => ops.iter().any(|op| {
                op.branch_offset().is_some_and(|off| off < 0 && target(*pc, off).is_some_and(|t| t > self.header && self.contains(t)))
            }),
            Step::Exit { .. } => false,
        })
    }

    /// Bytecode instructions (steps) in the reachable blocks.
    pub fn steps(&self) -> usize {
        self.all_steps().count()
    }

    /// Base instructions in the reachable blocks.
    pub fn ops(&self) -> usize {
        self.all_steps().map(|s| if let Step::Ops { ops, .. } = s { ops.len() } else { 1 }).sum()
    }

    /// An estimate of the native code's size in bytes, before compiling it (compile
    /// time is about proportional to it): a few bytes per base instruction, and per
    /// instruction that may exit (checks, calls, memory accesses, branches out) the
    /// stores that write the frame back, `slots` of them.
    pub fn estimated_bytes(&self, slots: usize) -> usize {
        let mut bytes = 0;
        for s in self.all_steps() {
            let ops = match s {
                Step::Ops { ops, .. } => ops.as_slice(),
                Step::Exit { .. } => &[],
            };
            bytes += 8 * ops.len();
            let exits: usize = match s {
                Step::Exit { .. } => 1,
                Step::Ops { ops, .. } => ops.iter().map(op_exits).sum(),
            };
            bytes += exits * (7 * slots + 40);
        }
        bytes
    }

    /// Frame slots the region writes.
    pub fn slots(&self) -> usize {
        let mut written = std::collections::BTreeSet::new();
        for s in self.all_steps() {
            let Step::Ops { ops, .. } = s else { continue };
            for op in ops {
                match *op {
                    Instr::Store(s) => {
                        written.insert(s);
                    }
                    Instr::StoreSlots { slot, n } => written.extend(slot..slot + u32::from(n)),
                    _ => {}
                }
            }
        }
        written.len()
    }
}

/// The exits the code generator makes for a base instruction (guards, calls).
fn op_exits(i: &Instr) -> usize {
    use Instr::*;
    match i {
        Call(_) | CallIface { .. } => 4,
        Load8S(_) | Load8U(_) | Load16S(_) | Load16U(_) | Load32S(_) | Load32U(_) | Load64(_) | LoadPtr(_) | Store8(_)
        | Store16(_) | Store32(_) | Store64(_) | LoadBlock(_) | StoreBlock(_) | NilCheck | Index(_) | IndexU(_)
        | Bounds { .. } | DivI64 | RemI64 | DivU64 | RemU64 | CheckShift | Alloc(_) | GrowSlice(_) => 1,
        i if i.branch_offset().is_some() => 1,
        _ => 0,
    }
}

/// Whether the code generator compiles this base instruction (see `codegen`).
pub fn supported(i: &Instr) -> bool {
    use Instr::*;
    matches!(
        i,
        Nop | Landing
            | Const(_)
            | ConstWord(_)
            | Pop
            | Dup
            | Swap
            | Load(_)
            | Store(_)
            | LoadSlots { .. }
            | StoreSlots { .. }
            | LoadCtx
            | AddI64
            | SubI64
            | MulI64
            | DivI64
            | RemI64
            | DivU64
            | RemU64
            | NegI64
            | And
            | Or
            | Xor
            | AndNot
            | Not
            | Shl
            | ShrI64
            | ShrU64
            | CheckShift
            | SExt8
            | SExt16
            | SExt32
            | ZExt8
            | ZExt16
            | ZExt32
            | AddI32
            | SubI32
            | MulI32
            | Eq
            | Ne
            | LtI64
            | LeI64
            | GtI64
            | GeI64
            | LtU64
            | LeU64
            | GtU64
            | GeU64
            | Eqz
            | AddF64
            | SubF64
            | MulF64
            | DivF64
            | SqrtF64
            | NegF64
            | EqF64
            | NeF64
            | LtF64
            | LeF64
            | GtF64
            | GeF64
            | AddF32
            | SubF32
            | MulF32
            | DivF32
            | NegF32
            | EqF32
            | NeF32
            | LtF32
            | LeF32
            | GtF32
            | GeF32
            | I64ToF64
            | U64ToF64
            | I64ToF32
            | U64ToF32
            | F32ToF64
            | F64ToF32
            | Jump(_)
            | JumpIf(_)
            | JumpIfNot(_)
            | BrEq(_)
            | BrNe(_)
            | BrLtI64(_)
            | BrLeI64(_)
            | BrGtI64(_)
            | BrGeI64(_)
            | BrLtU64(_)
            | BrGeU64(_)
            | Load8S(_)
            | Load8U(_)
            | Load16S(_)
            | Load16U(_)
            | Load32S(_)
            | Load32U(_)
            | Load64(_)
            | LoadPtr(_)
            | Store8(_)
            | Store16(_)
            | Store32(_)
            | Store64(_)
            | AddrOff(_)
            | NilCheck
            | Index(_)
            | IndexU(_)
            | Bounds { .. }
            | Alloc(_)
            | GrowSlice(_)
    ) || matches!(i, LoadBlock(size) | StoreBlock(size) if size % 8 == 0 && *size <= 128)
}

/// The base instructions of `i`, if the code generator compiles all of them. Static
/// calls and returns are compiled in function regions (the code generator decides per
/// callee whether to call compiled code or exit).
fn lower(program: &Program, i: &Instr, kind: RegionKind) -> Option<Vec<Instr>> {
    let ops = match i.expansion() {
        Some(e) => e.as_slice().to_vec(),
        None => vec![*i],
    };
    let ok = |op: &Instr| match op {
        Instr::Call(_) | Instr::CallIface { .. } => true,
        Instr::CallNative(id) => interp::vm::jit::intrinsic(program, *id).is_some(),
        Instr::Ret => kind == RegionKind::Function,
        other => supported(other),
    };
    ops.iter().all(ok).then_some(ops)
}

/// Words popped and pushed by a base instruction of a region: the table's effect, or
/// for a static call the callee's signature (a return ends its block, so 0).
fn effect(program: &Program, op: &Instr) -> Option<(u32, u32)> {
    match *op {
        Instr::Call(id) => {
            let c = program.function(id)?;
            Some((c.sig.params.len() as u32, c.sig.results.len() as u32))
        }
        Instr::Ret => Some((0, 0)),
        Instr::CallNative(id) => {
            let n = program.native(id)?;
            Some((n.sig.params.len() as u32, n.sig.results.len() as u32))
        }
        _ => Some((op.pops()?, op.pushes()?.words())),
    }
}

/// The whole of function `f` as one region, entered at pc 0 with an empty stack.
pub fn select_function(program: &Program, f: &Function) -> Result<Region, String> {
    let end = u32::try_from(f.code.len()).map_err(|_| "function too long")?.checked_sub(1).ok_or("empty function")?;
    build(program, f, 0, end, 0, RegionKind::Function)
}

/// The pc a branch at `pc` with offset `off` goes to, if it is a valid index.
fn target(pc: u32, off: i32) -> Option<u32> {
    u32::try_from(i64::from(pc) + 1 + i64::from(off)).ok()
}

/// Selects and decodes the loop region `header..=back_edge` of `f`, entered with
/// `depth` operand words at the header.
pub fn select(program: &Program, f: &Function, header: u32, back_edge: u32, depth: u32) -> Result<Region, String> {
    if back_edge < header || back_edge as usize >= f.code.len() {
        return Err(format!("bad loop {header}..{back_edge}"));
    }
    build(program, f, header, back_edge, depth, RegionKind::Loop)
}

fn build(program: &Program, f: &Function, header: u32, end: u32, depth: u32, kind: RegionKind) -> Result<Region, String> {
    let inside = |pc: u32| (header..=end).contains(&pc);
    // Block leaders: the header, branch targets inside, and the instruction after each
    // branch or terminator.
    let mut leaders = std::collections::BTreeSet::new();
    leaders.insert(header);
    for pc in header..=end {
        let i = &f.code[pc as usize];
        if let Some(off) = i.branch_offset() {
            if let Some(t) = target(pc, off).filter(|&t| inside(t)) {
                leaders.insert(t);
            }
            if pc < end {
                leaders.insert(pc + 1);
            }
        } else if i.is_terminator() && pc < end {
            leaders.insert(pc + 1);
        }
    }
    // Walk reachable blocks from the header, computing entry depths.
    let mut blocks = BTreeMap::new();
    let mut work = vec![(header, depth)];
    let mut max_depth = depth;
    while let Some((start, d)) = work.pop() {
        if let Some(b) = blocks.get(&start) {
            let b: &Block = b;
            if b.depth != d {
                return Err(format!("operand stack {d} and {} at {start}", b.depth));
            }
            continue;
        }
        let mut block = Block { start, depth: d, steps: Vec::new(), fall_through: None };
        let mut depth = i64::from(d);
        let mut pc = start;
        loop {
            let i = f.code[pc as usize];
            let Some(ops) = lower(program, &i, kind) else {
                block.steps.push(Step::Exit { pc });
                break;
            };
            for op in &ops {
                let (pops, pushes) = effect(program, op).ok_or_else(|| format!("{op:?} at {pc}: no stack effect"))?;
                depth -= i64::from(pops);
                if depth < 0 {
                    return Err(format!("operand stack underflow at {pc}"));
                }
                depth += i64::from(pushes);
                max_depth = max_depth.max(depth as u32);
            }
            let after = depth as u32;
            block.steps.push(Step::Ops { pc, ops });
            if let Some(off) = i.branch_offset() {
                let t = target(pc, off).ok_or_else(|| format!("bad branch at {pc}"))?;
                if inside(t) {
                    work.push((t, after));
                }
                if i.is_terminator() {
                    break;
                }
            } else if i.is_terminator() {
                break;
            }
            if pc == end {
                // Falls out of the region: an exit to pc + 1 (the code generator makes it).
                block.fall_through = Some(pc + 1);
                break;
            }
            pc += 1;
            if leaders.contains(&pc) {
                block.fall_through = Some(pc);
                work.push((pc, after));
                break;
            }
        }
        blocks.insert(start, block);
    }
    Ok(Region { kind, header, end, blocks, max_depth: max_depth + 8 })
}
