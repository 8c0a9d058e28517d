//! The interpreter's side of the JIT: hot counters, the [`Jit`] trait the `jit` crate
//! implements, and entering compiled code.
//!
//! The interpreter knows the JIT only through [`Jit`]. With a JIT installed
//! ([`super::Vm::set_jit`]) the dispatch loop runs in its JIT instantiation, whose taken
//! back-edges call [`super::Vm::jit_back_edge`]: it counts the loop header's heat, asks
//! the JIT to compile the loop once the count reaches the threshold, and enters the
//! compiled code when there is some. Compiled code runs until it leaves the loop or
//! cannot go on (an instruction it does not compile, a failing check that must panic,
//! the preemption budget), writes the live values back into the VM frame, and tells
//! where the interpreter resumes: a pc and an operand-stack depth in the same frame.
//! Since any instruction boundary is a valid state (see `exec`), nothing else is needed.
//!
//! Without a JIT the normal instantiation of the loop runs, which has no hook at all.

use crate::bytecode::{FuncId, Program};

/// Native code for a loop, as the JIT compiled it: called with the context and the
/// frame pointer (`fp`, the address of slot 0); returns the exit number (for logs and
/// statistics) after writing where to resume into the context.
pub type EntryFn = unsafe extern "C" fn(ctx: *mut JitCtx, fp: *mut u64) -> u32;

/// What compiled code and the interpreter exchange on entry and exit (`repr(C)`: the
/// compiled code reads and writes these fields at fixed offsets).
#[repr(C)]
#[derive(Debug, Default)]
pub struct JitCtx {
    /// The preemption budget left (calls plus back-edges): compiled code counts its
    /// back-edges down and exits when it reaches zero.
    pub budget: u64,
    /// The running call's closure context (`LoadCtx`).
    pub closure: u64,
    /// Where the interpreter resumes: an instruction of the same function...
    pub exit_pc: u32,
    /// ...with this many words on the operand stack (written back by the exit).
    pub exit_depth: u32,
    /// Back-edges taken inside compiled code during this entry.
    pub iterations: u64,
}

/// Byte offsets of [`JitCtx`]'s fields, for code generators.
pub mod ctx_offsets {
    /// [`super::JitCtx::budget`].
    pub const BUDGET: i32 = 0;
    /// [`super::JitCtx::closure`].
    pub const CLOSURE: i32 = 8;
    /// [`super::JitCtx::exit_pc`].
    pub const EXIT_PC: i32 = 16;
    /// [`super::JitCtx::exit_depth`].
    pub const EXIT_DEPTH: i32 = 20;
    /// [`super::JitCtx::iterations`].
    pub const ITERATIONS: i32 = 24;
}

const _: () = assert!(std::mem::offset_of!(JitCtx, budget) == ctx_offsets::BUDGET as usize);
const _: () = assert!(std::mem::offset_of!(JitCtx, closure) == ctx_offsets::CLOSURE as usize);
const _: () = assert!(std::mem::offset_of!(JitCtx, exit_pc) == ctx_offsets::EXIT_PC as usize);
const _: () = assert!(std::mem::offset_of!(JitCtx, exit_depth) == ctx_offsets::EXIT_DEPTH as usize);
const _: () = assert!(std::mem::offset_of!(JitCtx, iterations) == ctx_offsets::ITERATIONS as usize);

/// A hot loop, as the interpreter describes it to the JIT.
#[derive(Clone, Copy, Debug)]
pub struct HotLoop {
    /// The function.
    pub func: FuncId,
    /// The loop header: the target of the back-edge.
    pub header: u32,
    /// The back-edge: the branch that jumped back to the header.
    pub back_edge: u32,
    /// Operand-stack words at the header.
    pub depth: u32,
}

/// A compiled loop: its entry and the JIT's identifier for it (for [`Jit::exited`]).
#[derive(Clone, Copy, Debug)]
pub struct Compiled {
    /// The native entry.
    pub entry: EntryFn,
    /// The JIT's number for it.
    pub id: u32,
}

/// The JIT, as the interpreter sees it.
pub trait Jit {
    /// Compiles the loop `hot` of `program`, or says why not (the loop is then left to
    /// the interpreter for good).
    fn compile(&mut self, program: &Program, hot: HotLoop) -> Result<Compiled, String>;

    /// Compiled loop `id` returned with exit number `exit` after `iterations` back-edges;
    /// the JIT keeps its statistics (and may log). Returns false when the loop should not
    /// be entered any more (it exits too early too often to pay for its entry).
    fn exited(&mut self, id: u32, exit: u32, iterations: u64) -> bool;
}

/// Counter values: below [`COMPILED`] a heat count; `COMPILED | i` is compiled loop i;
/// [`NEVER`] a loop that is left to the interpreter.
const COMPILED: u32 = 1 << 31;
const NEVER: u32 = u32::MAX;

/// What a back-edge in the JIT's loop instantiation does next.
pub(crate) enum BackEdge {
    /// Go on interpreting at the header.
    Interpret,
    /// Compiled code ran: resume at `pc` with `depth` operand words.
    Resume { pc: u32, depth: u32 },
}

/// The JIT's state inside the VM.
pub(crate) struct JitState<'p> {
    jit: Box<dyn Jit + 'p>,
    threshold: u32,
    /// Per function (indexed by id, allocated on its first back-edge), per pc.
    counters: Vec<Vec<u32>>,
    loops: Vec<Compiled>,
}

impl<'p> JitState<'p> {
    pub(crate) fn new(jit: Box<dyn Jit + 'p>, threshold: u32) -> JitState<'p> {
        JitState { jit, threshold: threshold.clamp(1, COMPILED - 1), counters: Vec::new(), loops: Vec::new() }
    }

    /// A taken back-edge from `back_edge` to `header` of `func`, with the frame at `fp`
    /// and `depth` operand words; `budget` is the interpreter's preemption budget.
    ///
    /// # Safety
    ///
    /// `fp` must be the frame of a running call of `func` whose operand stack has `depth`
    /// words, with the goroutine's state as the interpreter keeps it at `header`.
    pub(crate) unsafe fn back_edge(
        &mut self,
        program: &Program,
        hot: HotLoop,
        fp: *mut u64,
        closure: u64,
        budget: &mut u64,
    ) -> BackEdge {
        let f = hot.func as usize;
        if self.counters.len() <= f {
            self.counters.resize_with(program.functions().len().max(f + 1), Vec::new);
        }
        let Some(counters) = self.counters.get_mut(f) else { return BackEdge::Interpret };
        if counters.is_empty() {
            let len = program.function(hot.func).map_or(0, |f| f.code.len());
            counters.resize(len, 0);
        }
        let Some(c) = counters.get_mut(hot.header as usize) else { return BackEdge::Interpret };
        let state = *c;
        if state == NEVER {
            return BackEdge::Interpret;
        }
        let index = if state & COMPILED != 0 {
            (state & !COMPILED) as usize
        } else {
            if state + 1 < self.threshold {
                *c = state + 1;
                return BackEdge::Interpret;
            }
            match self.jit.compile(program, hot) {
                Ok(compiled) => {
                    self.loops.push(compiled);
                    let i = self.loops.len() - 1;
                    *c = COMPILED | i as u32;
                    i
                }
                Err(_) => {
                    *c = NEVER;
                    return BackEdge::Interpret;
                }
            }
        };
        let Some(compiled) = self.loops.get(index).copied() else { return BackEdge::Interpret };
        let mut ctx = JitCtx { budget: *budget, closure, exit_pc: hot.header, exit_depth: hot.depth, iterations: 0 };
        // SAFETY: the caller vouches for the frame; the code was compiled for this loop
        // of this function and writes back every value it changed before returning.
        let exit = unsafe { (compiled.entry)(&mut ctx, fp) };
        *budget = ctx.budget;
        if !self.jit.exited(compiled.id, exit, ctx.iterations)
            && let Some(c) = self.counters.get_mut(f).and_then(|c| c.get_mut(hot.header as usize))
        {
            *c = NEVER;
        }
        BackEdge::Resume { pc: ctx.exit_pc, depth: ctx.exit_depth }
    }
}
