//! The interpreter: [`Vm`] runs [`Goroutine`]s over a linked [`Program`].
//!
//! A goroutine is a VM stack ([`stack`] describes frames and growth) plus a saved state
//! (function, pc, frame pointer, stack pointer, closure context). [`Vm::run`] executes
//! one goroutine until it returns, panics, dies of a fatal error, or uses up its
//! preemption budget (counted at calls and back-edges) — then it can be resumed, which
//! is what a scheduler needs: there is no Rust recursion per Go call and no native
//! stack per goroutine. [`Vm::run_main`] is the one-goroutine driver.
//!
//! Unrecovered panics and fatal errors come back as a [`Stop`] carrying gc's report text
//! and exit status; printing it and exiting is the caller's job. `defer`/`recover` are
//! reserved instructions for now, so every panic is unrecovered.

mod arith;
mod exec;
pub mod heap;
mod native;
pub mod stack;

pub use native::{NativeCx, NativeError};

use crate::bytecode::{FuncId, Instr, Program};
use exec::Trap;
use heap::Heap;
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
}

impl Default for VmConfig {
    fn default() -> VmConfig {
        VmConfig { max_stack_bytes: stack::DEFAULT_MAX_STACK_BYTES, budget: u64::MAX, max_trace_frames: 100 }
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
    /// An instruction whose runtime support is not built yet.
    Unimplemented(Instr),
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
            VmError::Unimplemented(i) => write!(f, "instruction {i:?} is not implemented yet"),
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
}

impl Stop {
    /// The text to print on stderr.
    pub fn report(&self) -> String {
        match self {
            Stop::Panic { report, .. } | Stop::Fatal { report } => report.clone(),
            Stop::Error(e) => format!("mvm: {e}\n"),
        }
    }

    /// The process exit status: 2 as gc for panics and fatal errors, 3 for mvm's own
    /// failures (so that they are never mistaken for a Go panic).
    pub fn exit_code(&self) -> i32 {
        match self {
            Stop::Panic { .. } | Stop::Fatal { .. } => 2,
            Stop::Error(_) => 3,
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
    /// It stopped abnormally.
    Stopped(Stop),
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
    /// The panics in progress, oldest first (gc's `_panic` chain).
    panics: Vec<PanicState>,
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
}

impl PanicPayload {
    /// The interface value `recover()` returns.
    fn words(&self) -> (u64, u64) {
        match self {
            PanicPayload::Runtime(_) => (crate::bytecode::RUNTIME_ERROR_TYPE, 0),
            PanicPayload::Value(t, d) => (*t, *d),
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
}

impl PanicState {
    fn new(value: PanicPayload, site_func: u32, site_pc: u32, site_fp: usize) -> PanicState {
        PanicState { value, recovered: false, site_func, site_pc, site_fp, running: None, defer_fp: None }
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
        let mut stack = Stack::new(stack::INITIAL_STACK_WORDS.max(need));
        let words = stack.words_mut();
        words[..args.len()].copy_from_slice(args);
        let rec = f.frame_size as usize;
        words[rec + 1] = pack_func_fp(ENTRY_FUNC, 0);
        Ok(Goroutine {
            id,
            stack,
            func,
            pc: 0,
            fp: 0,
            sp: rec + FRAME_RECORD_WORDS,
            ctx: 0,
            finished: false,
            program: program.id(),
            defers: Vec::new(),
            panics: Vec::new(),
        })
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
            })
            .collect();
        let config = VmConfig { max_stack_bytes: config.max_stack_bytes.min(stack::MAX_STACK_BYTES), ..config };
        Vm { program, metas, config, heap, out, executed: 0 }
    }

    /// The program.
    pub fn program(&self) -> &'p Program {
        self.program
    }

    /// Runs `g` until it returns, stops, or yields.
    pub fn run(&mut self, g: &mut Goroutine) -> Status {
        self.run_impl::<false>(g)
    }

    /// [`Vm::run`], counting executed instructions (see [`Vm::executed`]); slower.
    pub fn run_counted(&mut self, g: &mut Goroutine) -> Status {
        self.run_impl::<true>(g)
    }

    /// Instructions executed under [`Vm::run_counted`].
    pub fn executed(&self) -> u64 {
        self.executed
    }

    /// Runs `func` with `args` on a fresh goroutine 1 to completion.
    pub fn run_main(&mut self, func: FuncId, args: &[u64]) -> Result<Vec<u64>, Stop> {
        let mut g = Goroutine::new(self.program, 1, func, args).map_err(Stop::Error)?;
        loop {
            match self.run(&mut g) {
                Status::Returned(r) => return Ok(r),
                Status::Yielded => {}
                Status::Stopped(s) => return Err(s),
            }
        }
    }

    fn run_impl<const COUNT: bool>(&mut self, g: &mut Goroutine) -> Status {
        if g.finished || g.program != self.program.id() {
            return Status::Stopped(Stop::Error(VmError::BadEntry("goroutine is not runnable".into())));
        }
        // SAFETY: `g` was made by `Goroutine::new` for a program with these functions
        // and has only been run by this VM kind since (see exec's safety argument).
        let trap = unsafe { exec::run::<COUNT>(self, g) };
        match trap {
            Trap::Done => {
                g.finished = true;
                let n = self.program.function(g.func).map_or(0, |f| f.sig.results.len());
                let words = g.stack.words();
                Status::Returned(words.get(g.fp..g.fp + n).map(<[u64]>::to_vec).unwrap_or_default())
            }
            Trap::Yield => Status::Yielded,
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
                    .map(|p| PanicRecord { recovered: p.recovered, ..PanicRecord::new(describe(&p.value)) })
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
                    PanicPayload::Value(..) => None,
                });
                let error = match g.panics.last().map(|p| &p.value) {
                    Some(PanicPayload::Runtime(e)) => Some(e.clone()),
                    _ => None,
                };
                let report = report::fatal_panic_report(&chain, signal, g.id, &frames);
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
            Trap::Vm(VmError::OutOfMemory) => {
                let frames = self.traceback(g, self.config.max_trace_frames).0;
                Stop::Fatal { report: report::fatal_error_report("runtime: out of memory", g.id, &frames) }
            }
            Trap::Vm(e) => Stop::Error(e),
            Trap::Done | Trap::Yield => Stop::Error(VmError::BadEntry("not a stop".into())),
        }
    }

    /// The frames of `g`, innermost first, at most `max` of them, and how many more
    /// there are.
    pub fn traceback(&self, g: &Goroutine, max: usize) -> (Vec<TraceFrame>, usize) {
        let mut frames = Vec::new();
        let mut elided = 0;
        for (func, pc, _) in FrameWalk::new(&self.metas, g) {
            let Some(f) = self.program.function(func) else { break };
            if frames.len() < max {
                frames.push(TraceFrame { function: f.name.clone(), file: f.file.clone(), line: f.line(pc), pc });
            } else {
                elided += 1;
            }
        }
        (frames, elided)
    }
}

/// How a panic value prints. User values are described by their type word only until
/// runtime type descriptors exist.
fn describe(value: &PanicPayload) -> PanicValue {
    match value {
        PanicPayload::Runtime(e) => PanicValue::Error(e.message()),
        // Go 1.21+: panic(nil) panics with a *runtime.PanicNilError.
        PanicPayload::Value(0, _) => {
            PanicValue::Error("panic called with nil argument (use GODEBUG=panicnil=1 to override)".into())
        }
        PanicPayload::Value(typ, data) => PanicValue::Other { type_name: format!("type@{typ:#x}"), data: *data },
    }
}

/// Walks a stopped goroutine's frames from the innermost out, yielding (function, pc of
/// the current instruction — the call, in callers —, frame pointer).
struct FrameWalk<'a> {
    metas: &'a [Meta],
    words: &'a [u64],
    panics: &'a [PanicState],
    next: Option<(u32, u32, usize)>,
}

impl<'a> FrameWalk<'a> {
    fn new(metas: &'a [Meta], g: &'a Goroutine) -> FrameWalk<'a> {
        FrameWalk { metas, words: g.stack.words(), panics: &g.panics, next: Some((g.func, g.pc, g.fp)) }
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
            if ret == exec::UNWIND_STUB.as_ptr() as u64 {
                // A deferred call run by a panic: its caller stands at the panic's site.
                if let Some(p) = self.panics.iter().rev().find(|p| p.site_fp == caller_fp && p.site_func == caller)
                    && caller_fp < fp
                {
                    self.next = Some((caller, p.site_pc, caller_fp));
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

/// Reports every root word of `g`: pending deferred calls, panic values, each frame's
/// pointer slots, and the operand words its stack map at the current safepoint marks.
fn scan_stack(program: &Program, metas: &[Meta], g: &Goroutine, report: &mut dyn FnMut(u64)) {
    for d in &g.defers {
        report(d.closure);
    }
    for p in &g.panics {
        let (typ, data) = p.value.words();
        report(typ);
        report(data);
    }
    let words = g.stack.words();
    for (func, pc, fp) in FrameWalk::new(metas, g) {
        let Some(f) = program.function(func) else { break };
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
