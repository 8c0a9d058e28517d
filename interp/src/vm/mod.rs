//! The interpreter: [`Vm`] runs [`Goroutine`]s over a linked [`Program`].
//!
//! A goroutine is a VM stack ([`stack`] describes frames and growth) plus a saved state
//! (function, pc, frame pointer, stack pointer, closure context). [`Vm::run`] executes
//! one goroutine until it returns, panics, dies of a fatal error, blocks on a channel,
//! or uses up its preemption budget (counted at calls and back-edges) — then it can be
//! resumed: there is no Rust recursion per Go call and no native stack per goroutine.
//! [`Vm::run_main`] is the scheduler's driver ([`sched`]); channel operations and `go`
//! are in `chan`.
//!
//! Deferred calls, panics and `recover` run in the dispatch loop (deferred calls on top
//! of the stack, as gc); maps are in `map`, the printing of panic values in `panicval`,
//! natives' services in [`NativeCx`]. Unrecovered panics and fatal errors come back as a
//! [`Stop`] carrying gc's report text and exit status; printing it and exiting is the
//! caller's job.

mod arith;
mod chan;
mod exec;
pub mod heap;
pub mod jit;
mod map;
mod native;
mod panicval;
mod reflectcall;
pub mod sched;
pub mod stack;

pub use native::{NativeCx, NativeError};

use crate::bytecode::{FuncId, Instr, Program};
use exec::Trap;
use heap::Heap;
use sched::{Creator, Resume, Sched, WaitReason};
use runtime::errors::RuntimeError;
use runtime::panic::{self as report, PanicRecord, PanicValue, TraceFrame};
use stack::{ENTRY_FUNC, FRAME_RECORD_WORDS, Stack, pack_func_fp, unpack_func_fp};
use std::fmt;
use std::io::Write;

/// Interpreter settings.
#[derive(Clone, Debug)]
pub struct VmConfig {
    /// The stack size at which a goroutine dies of `stack overflow` (gc: 1 GB).
    pub max_stack_bytes: u64,
    /// Calls plus taken back-edges a goroutine may execute per [`Vm::run`] before it
    /// yields; `u64::MAX` runs to completion.
    pub budget: u64,
    /// How many frames a traceback shows before eliding the rest (gc: 100).
    pub max_trace_frames: usize,
    /// Makes the scheduler count executed instructions (see [`Vm::executed`]); slower.
    pub count_instructions: bool,
    /// The Go installation the program's std came from (`runtime.GOROOT`).
    pub goroot: String,
    /// Its version (`runtime.Version`).
    pub go_version: String,
    /// The program's arguments, its name first (`os.Args`).
    pub args: Vec<String>,
}

impl Default for VmConfig {
    fn default() -> VmConfig {
        VmConfig {
            max_stack_bytes: stack::DEFAULT_MAX_STACK_BYTES,
            budget: u64::MAX,
            max_trace_frames: 100,
            count_instructions: false,
            goroot: String::new(),
            go_version: String::new(),
            args: Vec::new(),
        }
    }
}

/// A malformed program or a missing feature: never a Go-level panic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VmError {
    /// A closure or itab word that is not a function with the call site's word counts.
    BadCallTarget(u64),
    /// An undefined type index.
    BadType(u32),
    /// An entry call with the wrong number of argument words.
    BadEntry(String),
    /// A native function failed.
    Native(String, String),
    /// A function or instruction mvm does not provide yet (`mvm: not implemented
    /// yet: <what>`, exit status 2).
    Unimplemented(String),
    /// The heap could not satisfy an allocation.
    OutOfMemory,
}

impl fmt::Display for VmError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VmError::BadCallTarget(w) => write!(f, "call of a bad function value {w:#x}"),
            VmError::BadType(t) => write!(f, "undefined type {t}"),
            VmError::BadEntry(s) => write!(f, "bad entry call: {s}"),
            VmError::Native(name, msg) => write!(f, "native {name}: {msg}"),
            VmError::Unimplemented(what) => write!(f, "not implemented yet: {what}"),
            VmError::OutOfMemory => write!(f, "out of memory"),
        }
    }
}

impl std::error::Error for VmError {}

/// Why a goroutine (and with it, for now, the program) stopped abnormally.
#[derive(Clone, Debug)]
pub enum Stop {
    /// An unrecovered panic.
    Panic {
        /// The run-time error, if the runtime raised it (`None` for `panic(v)`).
        error: Option<RuntimeError>,
        /// What gc would print on stderr.
        report: String,
    },
    /// A fatal error (stack overflow, out of memory).
    Fatal {
        /// What gc would print on stderr.
        report: String,
    },
    /// The program is malformed or uses something not implemented.
    Error(VmError),
    /// The program asked to exit with this status (`os.Exit`).
    Exit(i32),
}

impl Stop {
    /// The text to print on stderr.
    pub fn report(&self) -> String {
        match self {
            Stop::Panic { report, .. } | Stop::Fatal { report } => report.clone(),
            Stop::Error(VmError::Unimplemented(what)) => format!("mvm: not implemented yet: {what}\n"),
            Stop::Error(e) => format!("mvm: {e}\n"),
            Stop::Exit(_) => String::new(),
        }
    }

    /// The process exit status: 2 as gc for panics and fatal errors, 3 for mvm's own
    /// failures (so that they are never mistaken for a Go panic).
    pub fn exit_code(&self) -> i32 {
        match self {
            Stop::Panic { .. } | Stop::Fatal { .. } | Stop::Error(VmError::Unimplemented(_)) => 2,
            Stop::Error(_) => 3,
            Stop::Exit(code) => *code,
        }
    }
}

/// What [`Vm::run`] ended with.
#[derive(Clone, Debug)]
pub enum Status {
    /// The goroutine's function returned these result words.
    Returned(Vec<u64>),
    /// The budget ran out; run it again to continue.
    Yielded,
    /// It parked on a channel operation; a partner's operation makes it runnable again
    /// (only the scheduler, [`Vm::run_main`], can wake it).
    Blocked,
    /// It stopped abnormally.
    Stopped(Stop),
    /// It ended by `runtime.Goexit` after running its deferred calls.
    Goexited,
}

/// Per-function data the dispatch loop reads on calls, laid out for it.
#[derive(Debug)]
pub(crate) struct Meta {
    id: u32,
    code: *const Instr,
    consts: *const u64,
    nparams: usize,
    nresults: usize,
    frame_size: usize,
    /// Words a frame needs from its `fp`: slots, record, operand stack.
    need: usize,
    /// The recovery landing, or `u32::MAX`.
    recover_pc: u32,
    /// See [`crate::bytecode::Function::defer_wrapper`].
    defer_wrapper: bool,
    /// A frame `recover` looks through (gc's wrapper frames): a method wrapper, or
    /// one of reflect's frames between a call of a func value reflect made and the
    /// function it runs.
    recover_transparent: bool,
}

/// A goroutine: its VM stack and where it stands.
#[derive(Debug)]
pub struct Goroutine {
    /// gc's goroutine id (1 for main), shown in tracebacks.
    pub id: u64,
    stack: Stack,
    func: u32,
    pc: u32,
    fp: usize,
    sp: usize,
    ctx: u64,
    finished: bool,
    /// The identity of the program it was made for: running it on another is refused.
    program: u64,
    /// Pending deferred calls of all frames, oldest first.
    defers: Vec<DeferRecord>,
    /// Its slot in the scheduler's table.
    slot: u32,
    /// Why it is parked, if it is.
    wait: Option<WaitReason>,
    /// How it continues after being woken.
    resume: Resume,
    /// A received value handed over while it was parked (see [`Resume::Recv`]).
    wake_buf: Vec<u64>,
    /// Its entries in channel wait queues while parked.
    sudogs: Vec<u32>,
    /// The `go` statement that started it.
    creator: Option<Creator>,
    /// The panics in progress, oldest first (gc's `_panic` chain).
    panics: Vec<PanicState>,
    /// The panic whose value's `Error()`/`String()` is running before the report
    /// (see `panicval`), and that call's closure context.
    preprint: Option<usize>,
    preprint_ctx: [u64; 3],
    /// Calls of func values made by reflect in progress, oldest first (see
    /// `reflectcall`).
    reflect_calls: Vec<reflectcall::PendingCall>,
    /// The runtime's own goroutine (the timer goroutine): left out of traces and
    /// counts, never preempted.
    system: bool,
}

/// A deferred call: the frame that deferred it and the func value to call.
#[derive(Clone, Copy, Debug)]
pub(crate) struct DeferRecord {
    fp: usize,
    func: u32,
    closure: u64,
}

/// A panic's value.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum PanicPayload {
    /// Raised by the runtime.
    Runtime(RuntimeError),
    /// `panic(v)`: the interface words.
    Value(u64, u64),
    /// `runtime.Goexit`: runs the deferred calls like a panic, but `recover()` does not
    /// see it, and once they are done the goroutine ends normally.
    Goexit,
}

impl PanicPayload {
    /// The interface value `recover()` returns.
    fn words(&self) -> (u64, u64) {
        match self {
            PanicPayload::Runtime(_) => (crate::bytecode::RUNTIME_ERROR_TYPE, 0),
            PanicPayload::Value(t, d) => (*t, *d),
            PanicPayload::Goexit => (0, 0),
        }
    }
}

/// One panic in progress.
#[derive(Clone, Debug)]
pub(crate) struct PanicState {
    value: PanicPayload,
    recovered: bool,
    /// The function, instruction and frame where it was raised.
    site_func: u32,
    site_pc: u32,
    site_fp: usize,
    /// The deferred call it is running, and that call's frame (`recover` works there).
    running: Option<DeferRecord>,
    defer_fp: Option<usize>,
    /// The interface words `recover()` returned for it (a run-time error's Go value).
    eface: Option<(u64, u64)>,
    /// Its value's `preprint` ran, and the text it gave (see `panicval`).
    preprinted: bool,
    printed: Option<String>,
}

impl PanicState {
    fn new(value: PanicPayload, site_func: u32, site_pc: u32, site_fp: usize) -> PanicState {
        PanicState {
            value,
            recovered: false,
            site_func,
            site_pc,
            site_fp,
            running: None,
            defer_fp: None,
            eface: None,
            preprinted: false,
            printed: None,
        }
    }
}

impl Goroutine {
    /// Removes and returns the newest deferred call of the frame at `fp`. Usually the
    /// last record; but a range-over-func body defers into its enclosing (deeper) frame,
    /// so records of deeper frames may lie above this frame's.
    fn take_defer_of(&mut self, fp: usize) -> Option<DeferRecord> {
        let i = self.defers.iter().rposition(|d| d.fp == fp)?;
        Some(self.defers.remove(i))
    }

    /// Removes and returns the deferred call a panic runs next: the newest one of the
    /// topmost frame that has any (see [`Goroutine::take_defer_of`]).
    fn take_defer_for_panic(&mut self) -> Option<DeferRecord> {
        let top = self.defers.iter().map(|d| d.fp).max()?;
        self.take_defer_of(top)
    }

    /// A goroutine that will call `func` with the argument words `args`.
    pub fn new(program: &Program, id: u64, func: FuncId, args: &[u64]) -> Result<Goroutine, VmError> {
        let f = program.function(func).ok_or_else(|| VmError::BadEntry(format!("no function {func}")))?;
        if f.sig.params.len() != args.len() {
            return Err(VmError::BadEntry(format!(
                "{} takes {} argument words, got {}",
                f.name,
                f.sig.params.len(),
                args.len()
            )));
        }
        let need = f.frame_words() + FRAME_RECORD_WORDS;
        Ok(Goroutine::with_stack(program, id, func, args, 0, stack::INITIAL_STACK_WORDS.max(need)))
    }

    /// A goroutine calling function `func` (checked: it exists and takes and returns
    /// nothing) with closure context `ctx`, on a stack of `words` words at least.
    fn for_closure(program: &Program, id: u64, func: FuncId, ctx: u64, words: usize) -> Goroutine {
        let need = program.function(func).map_or(0, |f| f.frame_words() + FRAME_RECORD_WORDS);
        Goroutine::with_stack(program, id, func, &[], ctx, words.max(need).next_power_of_two())
    }

    fn with_stack(program: &Program, id: u64, func: FuncId, args: &[u64], ctx: u64, words: usize) -> Goroutine {
        let rec = program.function(func).map_or(0, |f| f.frame_size as usize);
        let mut stack = Stack::new(words.max(rec + FRAME_RECORD_WORDS + args.len()));
        let w = stack.words_mut();
        w[..args.len()].copy_from_slice(args);
        w[rec + 1] = pack_func_fp(ENTRY_FUNC, 0);
        Goroutine {
            id,
            stack,
            func,
            pc: 0,
            fp: 0,
            sp: rec + FRAME_RECORD_WORDS,
            ctx,
            finished: false,
            program: program.id(),
            defers: Vec::new(),
            panics: Vec::new(),
            // Not in the scheduler's table until `Sched::insert`: a goroutine run by
            // hand with `Vm::run` can block, but nothing will wake it.
            slot: u32::MAX,
            wait: None,
            resume: Resume::Retry,
            wake_buf: Vec::new(),
            sudogs: Vec::new(),
            creator: None,
            system: false,
            preprint: None,
            preprint_ctx: [0; 3],
            reflect_calls: Vec::new(),
        }
    }

    /// The current stack size in bytes.
    pub fn stack_bytes(&self) -> usize {
        self.stack.len() * 8
    }
}

/// The interpreter for one program.
pub struct Vm<'p> {
    program: &'p Program,
    metas: Vec<Meta>,
    config: VmConfig,
    heap: Box<dyn Heap + 'p>,
    out: Box<dyn Write + 'p>,
    /// Instructions executed by [`Vm::run_counted`] so far.
    executed: u64,
    /// Under [`Vm::run_counted`], the instructions executed in each function (by id).
    executed_by_func: Vec<u64>,
    /// The budget of one [`Vm::run`]: the configured one, or the scheduler's slice.
    slice: u64,
    /// The budget the last run had left when it stopped.
    slice_left: u64,
    /// Goroutines other than the running one, run queues, wait-queue entries.
    sched: Sched,
    /// The VM-private type index of channel headers (after the program's types).
    hchan_ty: u32,
    hchan_layout: crate::bytecode::TypeLayout,
    /// The JIT, when one is installed ([`Vm::set_jit`]).
    jit: Option<jit::JitState<'p>>,
    /// Layouts of the types reflect built, by descriptor address: their type index
    /// (after `hchan_ty`) and layout.
    dyn_types: std::collections::HashMap<u64, (u32, crate::bytecode::TypeLayout)>,
    /// Names and types reflect made, by `add_reflect_off` id (-1 first).
    reflect_offs: Vec<u64>,
    reflect_off_ids: std::collections::HashMap<u64, i32>,
    /// Layouts of reflect call frames, by which words hold pointers (see `reflectcall`).
    frame_types: std::collections::HashMap<Vec<bool>, (u32, crate::bytecode::TypeLayout)>,
}

impl<'p> Vm<'p> {
    /// A VM for `program` allocating from `heap` and printing (`print`, panics' own
    /// output is the caller's) to `out`, normally stderr.
    pub fn new(program: &'p Program, heap: Box<dyn Heap + 'p>, out: Box<dyn Write + 'p>, config: VmConfig) -> Vm<'p> {
        let metas = program
            .functions()
            .iter()
            .enumerate()
            .map(|(id, f)| Meta {
                id: id as u32,
                code: f.code.as_ptr(),
                consts: f.consts.as_ptr(),
                nparams: f.sig.params.len(),
                nresults: f.sig.results.len(),
                frame_size: f.frame_size as usize,
                need: f.frame_words() + FRAME_RECORD_WORDS,
                recover_pc: f.recover_pc().unwrap_or(u32::MAX),
                defer_wrapper: f.defer_wrapper,
                recover_transparent: f.method_wrapper || reflectcall::WRAPPERS.contains(&f.name.as_str()),
            })
            .collect();
        let config = VmConfig { max_stack_bytes: config.max_stack_bytes.min(stack::MAX_STACK_BYTES), ..config };
        let hchan_ty = program.type_count() as u32;
        let hchan_layout = chan::hchan_layout();
        let slice = config.budget;
        Vm {
            program,
            metas,
            config,
            heap,
            out,
            executed: 0,
            executed_by_func: Vec::new(),
            slice,
            slice_left: slice,
            sched: Sched::new(),
            hchan_ty,
            hchan_layout,
            jit: None,
            dyn_types: Default::default(),
            reflect_offs: Vec::new(),
            reflect_off_ids: Default::default(),
            frame_types: Default::default(),
        }
    }

    /// The program.
    pub fn program(&self) -> &'p Program {
        self.program
    }

    /// Installs a JIT: loops whose header is reached `threshold` times by a back-edge
    /// are compiled by it, and run as native code from then on (see [`jit`]).
    pub fn set_jit(&mut self, jit: Box<dyn jit::Jit + 'p>, threshold: u32) {
        self.jit = Some(jit::JitState::new(jit, threshold));
    }

    /// Runs `g` until it returns, stops, or yields.
    pub fn run(&mut self, g: &mut Goroutine) -> Status {
        self.run_impl::<false>(g)
    }

    /// [`Vm::run`], counting executed instructions (see [`Vm::executed`]); slower.
    pub fn run_counted(&mut self, g: &mut Goroutine) -> Status {
        if self.executed_by_func.is_empty() {
            self.executed_by_func = vec![0; self.program.functions().len()];
        }
        self.run_impl::<true>(g)
    }

    /// Instructions executed under [`Vm::run_counted`] (by the scheduler, with
    /// [`VmConfig::count_instructions`]).
    pub fn executed(&self) -> u64 {
        self.executed
    }

    /// The functions that executed the most instructions under [`Vm::run_counted`],
    /// at most `n`, most first: (name, instructions).
    pub fn hottest_functions(&self, n: usize) -> Vec<(&str, u64)> {
        let mut v: Vec<(&str, u64)> = self
            .executed_by_func
            .iter()
            .enumerate()
            .filter(|(_, c)| **c > 0)
            .filter_map(|(id, &c)| Some((self.program.function(id as u32)?.name.as_str(), c)))
            .collect();
        v.sort_by(|a, b| b.1.cmp(&a.1));
        v.truncate(n);
        v
    }

    /// The scheduler (goroutine counts).
    pub fn sched(&self) -> &Sched {
        &self.sched
    }

    fn run_impl<const COUNT: bool>(&mut self, g: &mut Goroutine) -> Status {
        if g.finished || g.program != self.program.id() {
            return Status::Stopped(Stop::Error(VmError::BadEntry("goroutine is not runnable".into())));
        }
        if let Err(e) = sched::apply_resume(g) {
            return Status::Stopped(Stop::Error(e));
        }
        // SAFETY: `g` was made by `Goroutine::new` for a program with these functions
        // and has only been run by this VM kind since (see exec's safety argument).
        let trap = unsafe {
            if !COUNT && self.jit.is_some() { exec::run::<false, true>(self, g) } else { exec::run::<COUNT, false>(self, g) }
        };
        match trap {
            Trap::Done => {
                g.finished = true;
                let n = self.program.function(g.func).map_or(0, |f| f.sig.results.len());
                let words = g.stack.words();
                Status::Returned(words.get(g.fp..g.fp + n).map(<[u64]>::to_vec).unwrap_or_default())
            }
            Trap::Yield => Status::Yielded,
            Trap::Block => Status::Blocked,
            Trap::Goexit => {
                g.finished = true;
                Status::Goexited
            }
            other => {
                g.finished = true;
                Status::Stopped(self.stop(g, other))
            }
        }
    }

    /// Turns a trap into the report gc would print.
    fn stop(&mut self, g: &Goroutine, trap: Trap) -> Stop {
        let _ = self.out.flush();
        match trap {
            Trap::Runtime(e) => {
                // Not reached from the loop (it raises these as panics); kept total.
                let frames = self.traceback(g, self.config.max_trace_frames).0;
                let value = PanicValue::Error(e.message());
                let report = report::fatal_panic_report(&[PanicRecord::new(value)], e.signal_addr(), g.id, &frames);
                Stop::Panic { error: Some(e), report }
            }
            Trap::Panicking => {
                let frames = self.traceback(g, self.config.max_trace_frames).0;
                let mut chain: Vec<PanicRecord> = g
                    .panics
                    .iter()
                    .map(|p| PanicRecord { recovered: p.recovered, ..PanicRecord::new(panicval::describe(p)) })
                    .collect();
                // gc's preprintpanics: a recovered panic raised again with the same value
                // prints once, as "[recovered, repanicked]".
                for i in 1..g.panics.len() {
                    if g.panics[i - 1].recovered && g.panics[i - 1].value == g.panics[i].value {
                        chain[i - 1].repanicked = true;
                    }
                }
                let signal = g.panics.iter().rev().find_map(|p| match &p.value {
                    PanicPayload::Runtime(e) => e.signal_addr(),
                    PanicPayload::Value(..) | PanicPayload::Goexit => None,
                });
                let error = match g.panics.last().map(|p| &p.value) {
                    Some(PanicPayload::Runtime(e)) => Some(e.clone()),
                    _ => None,
                };
                let mut report = report::fatal_panic_report(&chain, signal, g.id, &frames);
                report.push_str(&self.created_by(g));
                Stop::Panic { error, report }
            }
            Trap::Overflow => {
                let (frames, elided) = self.traceback(g, self.config.max_trace_frames);
                let base = g.stack.words().as_ptr() as u64;
                let top = base + g.stack.len() as u64 * 8;
                let sp = base + g.sp as u64 * 8;
                let report = report::stack_overflow_report(
                    self.config.max_stack_bytes,
                    sp,
                    (base, top),
                    g.id,
                    &frames,
                    elided,
                );
                Stop::Fatal { report }
            }
            Trap::Fatal(msg) => {
                let frames = self.traceback(g, self.config.max_trace_frames).0;
                Stop::Fatal { report: report::fatal_error_report(&msg, g.id, &frames) }
            }
            Trap::Vm(VmError::OutOfMemory) => {
                let frames = self.traceback(g, self.config.max_trace_frames).0;
                Stop::Fatal { report: report::fatal_error_report("runtime: out of memory", g.id, &frames) }
            }
            Trap::Vm(e) => Stop::Error(e),
            Trap::Exit(code) => Stop::Exit(code),
            Trap::Done | Trap::Yield | Trap::Block | Trap::Goexit => Stop::Error(VmError::BadEntry("not a stop".into())),
        }
    }

    /// The frames of `g`, innermost first, at most `max` of them, and how many more
    /// there are.
    pub fn traceback(&self, g: &Goroutine, max: usize) -> (Vec<TraceFrame>, usize) {
        let mut frames = Vec::new();
        let mut elided = 0;
        for (func, pc, _) in FrameWalk::new(&self.metas, g) {
            let Some(f) = self.program.function(func) else { break };
            if f.name.contains(".gowrap") {
                // gc shows a goroutine's function, not the thunk of its `go` statement.
                continue;
            }
            if frames.len() < max {
                frames.push(TraceFrame { function: f.name.clone(), file: f.file.clone(), line: f.line(pc), pc, has_args: !f.sig.params.is_empty() });
            } else {
                elided += 1;
            }
        }
        (frames, elided)
    }
}

/// Walks a stopped goroutine's frames from the innermost out, yielding (function, pc of
/// the current instruction — the call, in callers —, frame pointer).
struct FrameWalk<'a> {
    metas: &'a [Meta],
    words: &'a [u64],
    g: &'a Goroutine,
    next: Option<(u32, u32, usize)>,
}

impl<'a> FrameWalk<'a> {
    fn new(metas: &'a [Meta], g: &'a Goroutine) -> FrameWalk<'a> {
        FrameWalk { metas, words: g.stack.words(), g, next: Some((g.func, g.pc, g.fp)) }
    }
}

impl Iterator for FrameWalk<'_> {
    type Item = (u32, u32, usize);

    fn next(&mut self) -> Option<(u32, u32, usize)> {
        let cur @ (func, _, fp) = self.next.take()?;
        let meta = self.metas.get(func as usize)?;
        let rec = fp + meta.frame_size;
        if let (Some(&ret), Some(&w)) = (self.words.get(rec), self.words.get(rec + 1)) {
            let (caller, caller_fp) = unpack_func_fp(w);
            // Frame pointers strictly decrease outward, so the walk ends; the entry
            // frame's caller is ENTRY_FUNC, which has no meta.
            if ret == exec::UNWIND_STUB.as_ptr() as u64 || ret == exec::PREPRINT_STUB.as_ptr() as u64 {
                // A deferred call run by a panic: its caller stands at the panic's site.
                if let Some(p) = self.g.panics.iter().rev().find(|p| p.site_fp == caller_fp && p.site_func == caller)
                    && caller_fp < fp
                {
                    self.next = Some((caller, p.site_pc, caller_fp));
                }
            } else if ret == reflectcall::MAKEFUNC_STUB.as_ptr() as u64 {
                // A call of a func value reflect made: its caller stands at the call.
                if let Some(p) = reflectcall::pending_for(self.g, caller, caller_fp)
                    && caller_fp < fp
                {
                    self.next = Some((caller, p.call_pc, caller_fp));
                }
            } else if let Some(code) = self.metas.get(caller as usize).map(|m| m.code as u64)
                && caller_fp < fp
                && ret > code
            {
                let ret_pc = ((ret - code) / std::mem::size_of::<Instr>() as u64) as u32;
                self.next = Some((caller, ret_pc - 1, caller_fp));
            }
        }
        Some(cur)
    }
}

/// Reports the root words of every goroutine: `g` (the running one, outside the
/// table) and all those in the scheduler's table. Channel buffers need no scanning
/// here: they hang off channel headers on the Go heap; values parked senders offer
/// stay on their stacks, and values handed to parked receivers are in their
/// `wake_buf`s.
fn scan_roots(program: &Program, metas: &[Meta], sched: &Sched, g: &Goroutine, report: &mut dyn FnMut(u64)) {
    scan_stack(program, metas, g, report);
    for other in sched.all_goroutines() {
        scan_stack(program, metas, other, report);
    }
    // Go timers the runtime holds (armed, or fired and not yet run).
    for t in sched.timers.roots() {
        report(t);
    }
}

/// Reports every root word of `g`: pending deferred calls, panic values, a value
/// received while parked, each frame's pointer slots, and the operand words its stack
/// map at the current safepoint marks.
fn scan_stack(program: &Program, metas: &[Meta], g: &Goroutine, report: &mut dyn FnMut(u64)) {
    for &w in &g.wake_buf {
        report(w);
    }
    // The closure context: a goroutine that has not started yet holds its func value
    // only here, and a frame's callers keep theirs in its record.
    report(g.ctx);
    for d in &g.defers {
        report(d.closure);
    }
    for p in &g.panics {
        let (typ, data) = p.eface.unwrap_or_else(|| p.value.words());
        report(typ);
        report(data);
    }
    for c in &g.reflect_calls {
        report(c.frame);
    }
    let words = g.stack.words();
    for (func, pc, fp) in FrameWalk::new(metas, g) {
        let Some(f) = program.function(func) else { break };
        if let Some(&caller_ctx) = words.get(fp + f.frame_size as usize + 2) {
            report(caller_ctx);
        }
        for slot in f.slot_pointers.iter() {
            if let Some(&w) = words.get(fp + slot) {
                report(w);
            }
        }
        if let Some(map) = f.stack_map(pc) {
            let base = fp + f.frame_size as usize + FRAME_RECORD_WORDS;
            for i in map.pointers.iter() {
                if let Some(&w) = words.get(base + i) {
                    report(w);
                }
            }
        }
    }
}
