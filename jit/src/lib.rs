//! The JIT of mvm: hot loops to native code through Cranelift, with exits back to the
//! interpreter.
//!
//! # How the parts fit
//!
//! The interpreter counts taken back-edges per loop header (`interp::vm::jit`). When a
//! header gets hot it calls [`interp::vm::jit::Jit::compile`] (the [`interp::vm::jit::Jit`] trait), which
//! goes through the stages, one module each:
//!
//! 1. [`region`] — *selection*: the loop's bytecode (`header..=back_edge`) in basic
//!    blocks, every instruction lowered to the base instructions of its opcode-table
//!    expansion, with the operand-stack depth at each block; instructions the code
//!    generator does not compile become exits.
//! 2. [`codegen`] — *code generation*: the blocks to a Cranelift function over
//!    `Variable`s for frame slots and operand-stack positions (Cranelift builds the
//!    SSA form), with a guard for every check the interpreter makes (nil page, index,
//!    division by zero, negative shift) and the preemption budget on back-edges.
//!    Cranelift's own passes (its e-graph GVN, constant folding, LICM of pure values,
//!    redundant-load elimination) optimize it.
//! 3. exits — every way out of compiled code writes the slots it changed and the
//!    operand stack back into the VM frame and returns the resume pc, so the
//!    interpreter carries on as if it had run the loop itself (see [`codegen`]).
//!
//! Not everything hot is compiled: compile time must be earned. `Jit::needed_heat`
//! estimates a region's native code size before compiling it and asks for heat in
//! proportion (a large region waits: [`NotCompiled::Later`]); callees are compiled with
//! a region only when the interpreter has called them; oversized regions, regions that
//! exit at every entry and functions that failed once are refused for good.
//!
//! Compiled code is entered as `extern "C" fn(ctx, fp) -> u32` at the loop header and
//! returns an exit number. A loop that keeps exiting after few iterations (a call or
//! allocation on its hot path) costs more than it saves, so [`interp::vm::jit::Jit::exited`] stops
//! entering it after [`BLACKLIST_ENTRIES`] such entries.
//!
//! This is a loop (region) compiler, not yet a tracing JIT: it compiles every path of
//! the loop rather than a recorded one, and it stops at calls. Recording, an IR of its
//! own with snapshots, side traces and function traces are the next stages (see
//! `docs/ARCHITECTURE.md`, "JIT").
//!
//! # Controls
//!
//! `MVM_JIT_THRESHOLD=n` compiles a loop when its header has been reached by `n`
//! back-edges (1: at the first opportunity, for differential testing);
//! `MVM_JIT_LOG=1` prints trace events (compiled, refused and why, blacklisted) and
//! statistics at exit on stderr.

pub mod codegen;
pub mod region;

use codegen::{ExitInfo, ExitKind};
use cranelift_codegen::ir::UserFuncName;
use cranelift_codegen::settings::{self, Configurable};
use cranelift_frontend::FunctionBuilderContext;
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::{Linkage, Module, default_libcall_names};
use interp::bytecode::{Instr, Program};
use interp::vm::jit::{Compiled, EntryFn, Heat, HotLoop, NotCompiled};
use std::time::{Duration, Instant};

/// A stopwatch of the CPU time this thread uses (so that compile times in reports do
/// not grow with the machine's load), or of wall time where there is no such clock.
#[derive(Clone, Copy, Debug)]
struct CpuClock {
    cpu: Option<Duration>,
    wall: Instant,
}

impl CpuClock {
    fn now() -> CpuClock {
        CpuClock { cpu: thread_cpu(), wall: Instant::now() }
    }

    fn elapsed(&self) -> Duration {
        match (self.cpu, thread_cpu()) {
            (Some(a), Some(b)) => b.saturating_sub(a),
            _ => self.wall.elapsed(),
        }
    }
}

/// The CPU time the calling thread has used.
#[cfg(unix)]
fn thread_cpu() -> Option<Duration> {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid timespec to write.
    let r = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    (r == 0).then(|| Duration::new(u64::try_from(ts.tv_sec).unwrap_or(0), u32::try_from(ts.tv_nsec).unwrap_or(0)))
}

#[cfg(not(unix))]
fn thread_cpu() -> Option<Duration> {
    None
}

/// The default heat at which a loop is compiled.
pub const DEFAULT_THRESHOLD: u32 = 56;

/// Entries after which a loop that averages fewer than [`BLACKLIST_MIN_ITERATIONS`]
/// iterations per entry, and whose entries end mostly at an instruction the JIT does
/// not compile, is no longer entered.
pub const BLACKLIST_ENTRIES: u64 = 64;

/// See [`BLACKLIST_ENTRIES`].
pub const BLACKLIST_MIN_ITERATIONS: u64 = 4;

/// Entries during which exits at interface calls without a compiled target do not
/// count towards blacklisting.
pub const DISPATCH_GRACE: u64 = 1024;

/// A callee of a region being compiled is compiled with it when the interpreter has
/// called it at least `1 / WARM_FRACTION` of the heat it needs to be compiled on its
/// own (and at least once).
pub const WARM_FRACTION: u32 = 4;

/// Heat a region needs per byte of native code per bytecode instruction (see
/// `Jit::needed_heat`).
pub const HEAT_PER_BYTE: usize = 160;

/// Bytecode instructions below which a function without loops that is not recursive
/// is not entered from the interpreter (see `compile_function`).
pub const WORTH_ENTERING: usize = 16;

/// How much less heat (outer back-edges) a loop that contains loops needs than its size
/// says (see `Jit::needed_heat`).
pub const NESTED_HEAT_DIVISOR: u64 = 16;

/// How deep the warm callees of a region are compiled with it.
pub const MAX_CALLEE_DEPTH: u32 = 3;

/// The largest region compiled, in base instructions: compile time grows faster
/// than the code, and the huge functions of the standard library (`fmt`'s
/// `doPrintf`) are rarely where a program's time goes.
pub const MAX_REGION_OPS: usize = 3000;

/// The most slot stores a region's exits may need (estimated as its instructions
/// times the slots an exit writes back: a function's exits write its whole frame),
/// since code size and compile time grow as exits times slots.
pub const MAX_EXIT_STORES: usize = 40_000;

/// Refuses regions too large to be worth compiling (see [`MAX_REGION_OPS`]), and
/// those that would exit at every entry.
fn check_size(f: &interp::bytecode::Function, region: &region::Region) -> Result<(), String> {
    if region.always_exits() {
        return Err("every entry would exit before its first branch".into());
    }
    let ops = region.ops();
    if ops > MAX_REGION_OPS {
        return Err(format!("too large: {ops} base instructions (at most {MAX_REGION_OPS})"));
    }
    // Exit points: every step may exit (checks, calls), and each exit of a function
    // region writes the whole frame.
    let slots = if region.kind == region::RegionKind::Function { f.frame_size as usize } else { region.slots() };
    let stores = region.steps() * slots;
    if stores > MAX_EXIT_STORES {
        return Err(format!("too large: {} steps × {slots} slots to write back at exits", region.steps()));
    }
    Ok(())
}

/// Settings from the environment.
#[derive(Clone, Copy, Debug)]
pub struct JitConfig {
    /// Back-edges to a header before its loop is compiled.
    pub threshold: u32,
    /// Log events and statistics to stderr.
    pub log: bool,
}

impl JitConfig {
    /// `MVM_JIT_THRESHOLD` and `MVM_JIT_LOG`.
    pub fn from_env() -> JitConfig {
        let threshold = std::env::var("MVM_JIT_THRESHOLD")
            .ok()
            .and_then(|v| v.trim().parse::<u32>().ok())
            .unwrap_or(DEFAULT_THRESHOLD)
            .max(1);
        let log = std::env::var_os("MVM_JIT_LOG").is_some_and(|v| !v.is_empty() && v != "0");
        JitConfig { threshold, log }
    }
}

/// Per compiled loop: what it is and how it did.
#[derive(Debug)]
struct LoopStats {
    name: String,
    header: u32,
    exits: Vec<ExitInfo>,
    exit_counts: Vec<u64>,
    entries: u64,
    iterations: u64,
    /// Entries that ended at an unsupported instruction or a failed check.
    side_exits: u64,
    compile_time: Duration,
    code_bytes: usize,
    /// The size [`region::Region::estimated_bytes`] predicted.
    estimated_bytes: usize,
    blacklisted: bool,
    /// The function, for a function region.
    function: Option<u32>,
}

/// Totals over a run, for reports.
#[derive(Clone, Copy, Debug, Default)]
pub struct Totals {
    /// Loops compiled.
    pub compiled: usize,
    /// Loops refused (not compilable).
    pub refused: usize,
    /// Compiled loops no longer entered.
    pub blacklisted: usize,
    /// Time spent compiling.
    pub compile_time: Duration,
    /// Native code bytes.
    pub code_bytes: usize,
    /// Entries into compiled code.
    pub entries: u64,
    /// Exits taken, other than leaving the loop normally.
    pub side_exits: u64,
}

/// The JIT: a Cranelift module holding every compiled loop of one program run.
pub struct Jit {
    module: Option<JITModule>,
    ctx: cranelift_codegen::Context,
    fctx: FunctionBuilderContext,
    config: JitConfig,
    loops: Vec<LoopStats>,
    refused: usize,
    /// Compiled functions: their Cranelift id (for direct calls) and entry.
    functions: std::collections::HashMap<u32, (cranelift_module::FuncId, Compiled)>,
    /// Functions being compiled (a callee among them is not compiled first).
    in_progress: Vec<u32>,
    /// Functions that did not compile (not tried again).
    refused_fns: std::collections::HashSet<u32>,
    /// Times the interpreter asked to compile a region not hot enough yet for its
    /// size, by function and header (`u32::MAX` for a whole function).
    asked: std::collections::HashMap<(u32, u32), (u64, u64)>,
    /// The heat each function needs to be compiled (for callees, computed once).
    callee_needs: std::collections::HashMap<u32, u64>,
    /// Functions compiled code wanted to call and found not compiled: compiled at the
    /// threshold whatever their size.
    wanted: std::collections::HashSet<u32>,
    /// One row per function of the program (see [`codegen::FnRow`]); allocated once,
    /// at the first compilation, and never moved: compiled code has its address.
    fn_table: Box<[codegen::FnRow]>,
    /// Inline caches of compiled code (see `codegen::Env::sites`).
    sites: Vec<Box<[u64; 4]>>,
}

impl Jit {
    /// A JIT for the host machine.
    pub fn new(config: JitConfig) -> Result<Jit, String> {
        let mut flags = settings::builder();
        // Functions with many results return the ones past the registers through memory;
        // the IR verifier is a debugging aid that costs compile time (debug builds
        // keep it).
        for (k, v) in [("use_colocated_libcalls", "false"), ("is_pic", "false"), ("opt_level", "speed"), ("enable_multi_ret_implicit_sret", "true"), ("enable_verifier", if cfg!(debug_assertions) { "true" } else { "false" })] {
            flags.set(k, v).map_err(|e| format!("cranelift setting {k}: {e}"))?;
        }
        let isa = cranelift_native::builder()
            .map_err(|e| format!("host machine not supported: {e}"))?
            .finish(settings::Flags::new(flags))
            .map_err(|e| format!("cranelift: {e}"))?;
        let module = JITModule::new(JITBuilder::with_isa(isa, default_libcall_names()));
        let ctx = module.make_context();
        Ok(Jit {
            module: Some(module),
            ctx,
            fctx: FunctionBuilderContext::new(),
            config,
            loops: Vec::new(),
            refused: 0,
            functions: std::collections::HashMap::new(),
            in_progress: Vec::new(),
            refused_fns: std::collections::HashSet::new(),
            asked: std::collections::HashMap::new(),
            callee_needs: std::collections::HashMap::new(),
            wanted: std::collections::HashSet::new(),
            fn_table: Box::new([]),
            sites: Vec::new(),
        })
    }

    /// The settings.
    pub fn config(&self) -> JitConfig {
        self.config
    }

    /// Totals so far.
    pub fn totals(&self) -> Totals {
        let mut t = Totals { compiled: self.loops.len(), refused: self.refused, ..Totals::default() };
        for l in &self.loops {
            t.compile_time += l.compile_time;
            t.code_bytes += l.code_bytes;
            t.entries += l.entries;
            t.blacklisted += usize::from(l.blacklisted);
            for (e, n) in l.exits.iter().zip(&l.exit_counts) {
                if e.kind != ExitKind::LoopExit {
                    t.side_exits += n;
                }
            }
        }
        t
    }

    /// A report of every compiled loop (for `MVM_JIT_LOG`).
    pub fn report(&self) -> String {
        let t = self.totals();
        let mut out = format!(
            "jit: {} loops compiled ({} refused, {} blacklisted), {:.2} ms of CPU compiling ({:.3} ms per region), {} bytes of code, {} entries, {} side exits\n",
            t.compiled,
            t.refused,
            t.blacklisted,
            t.compile_time.as_secs_f64() * 1e3,
            t.compile_time.as_secs_f64() * 1e3 / t.compiled.max(1) as f64,
            t.code_bytes,
            t.entries,
            t.side_exits
        );
        for (i, l) in self.loops.iter().enumerate() {
            out.push_str(&format!(
                "jit: loop {i} {}@{}: {} entries, {} iterations, {} bytes{}\n",
                l.name,
                l.header,
                l.entries,
                l.iterations,
                l.code_bytes,
                if l.blacklisted { ", blacklisted" } else { "" }
            ));
            for (e, n) in l.exits.iter().zip(&l.exit_counts) {
                if *n > 0 {
                    out.push_str(&format!("jit:   exit to pc {} ({:?}): {n}\n", e.pc, e.kind));
                }
            }
        }
        out
    }

    fn log(&self, msg: impl FnOnce() -> String) {
        if self.config.log {
            eprintln!("jit: {}", msg());
        }
    }

    /// The heat (back-edges to a loop's header, or calls of a function) at which a
    /// region is worth compiling: at least the threshold, and more for large regions.
    /// Compiling costs about half a microsecond per byte of native code (measured on
    /// the standard library's functions), and interpreting one bytecode instruction
    /// about 3 ns; a region is compiled once the
    /// interpreter has spent about as long running it as compiling it would take (the
    /// ski-rental rule: never more than twice the better of the two choices), that is
    /// when its heat reaches about `HEAT_PER_BYTE ×` its native bytes per instruction.
    /// With the threshold forced to 1 (testing), everything compiles at once.
    fn needed_heat(&self, f: &interp::bytecode::Function, region: &region::Region) -> u64 {
        let threshold = u64::from(self.config.threshold);
        if threshold <= 1 {
            return 1;
        }
        let slots = if region.kind == region::RegionKind::Function { f.frame_size as usize } else { region.slots() };
        let bytes = region.estimated_bytes(slots) as u64;
        let steps = region.steps().max(1) as u64;
        let mut needed = bytes * HEAT_PER_BYTE as u64 / steps;
        if region.kind == region::RegionKind::Loop && region.has_inner_loop() {
            // Each unit of an outer loop's heat runs its inner loops too, a
            // number of times that the heat does not tell.
            needed /= NESTED_HEAT_DIVISOR;
        }
        threshold.max(needed)
    }

    /// Counts one more request (at every `threshold` of heat) to compile the region
    /// keyed `key`: whether it is hot enough now, or `None` when its needed heat is not
    /// known yet (see [`Jit::first_ask`]).
    fn ask(&mut self, key: (u32, u32)) -> Option<bool> {
        let threshold = u64::from(self.config.threshold);
        let (asks, needed) = self.asked.get_mut(&key)?;
        *asks += 1;
        Some(*asks * threshold >= *needed)
    }

    /// The first request for `key`, whose region needs `needed` heat: whether that is
    /// reached already.
    fn first_ask(&mut self, key: (u32, u32), needed: u64) -> bool {
        self.asked.insert(key, (1, needed));
        u64::from(self.config.threshold) >= needed
    }

    /// The heat function `c` needs to be compiled on its own (cached).
    fn callee_needed(&mut self, program: &Program, c: u32) -> Option<u64> {
        if let Some(&n) = self.callee_needs.get(&c) {
            return Some(n);
        }
        let cf = program.function(c)?;
        let n = match region::select_function(program, cf) {
            Ok(r) => self.needed_heat(cf, &r),
            Err(_) => u64::MAX,
        };
        self.callee_needs.insert(c, n);
        Some(n)
    }

    fn compile_loop(&mut self, program: &Program, hot: HotLoop, heat: Heat<'_>) -> Result<(Compiled, LoopStats), NotCompiled> {
        let key = (hot.func, hot.header);
        let known = self.ask(key);
        if known == Some(false) {
            return Err(NotCompiled::Later);
        }
        let f = program.function(hot.func).ok_or("no such function".to_string())?;
        let region = region::select(program, f, hot.header, hot.back_edge, hot.depth)?;
        check_size(f, &region)?;
        if known.is_none() {
            let needed = self.needed_heat(f, &region);
            if !self.first_ask(key, needed) {
                return Err(NotCompiled::Later);
            }
        }
        if !self.in_progress.contains(&hot.func) {
            self.in_progress.push(hot.func);
            self.compile_callees(program, hot.func, &region, heat, 0);
            self.in_progress.pop();
        }
        let start = CpuClock::now();
        let r = self.define(program, hot.func, None, &region, start)?;
        Ok(r)
    }

    /// Compiles the functions that `region` of `func` calls statically and that the
    /// interpreter has called (warm ones: a call the region has never made, such as an
    /// error path, is not worth its compile time), so that calls to them from compiled
    /// code are direct. Failures only mean that those calls go through the table of
    /// compiled functions, which a later compilation fills in.
    fn compile_callees(&mut self, program: &Program, func: u32, region: &region::Region, heat: Heat<'_>, depth: u32) {
        let mut callees: Vec<u32> = region
            .blocks
            .values()
            .flat_map(|b| b.steps.iter())
            .filter_map(|s| match s {
                region::Step::Ops { ops, .. } => Some(ops),
                region::Step::Exit { .. } => None,
            })
            .flatten()
            .filter_map(|i| if let Instr::Call(c) = i { Some(*c) } else { None })
            .filter(|&c| heat.calls(c) > 0)
            .collect();
        callees.sort_unstable();
        callees.dedup();
        for c in callees {
            if c != func && !self.functions.contains_key(&c) && !self.refused_fns.contains(&c) {
                let Some(needed) = self.callee_needed(program, c) else { continue };
                if u64::from(heat.calls(c)) * u64::from(WARM_FRACTION) < needed {
                    continue;
                }
                match self.compile_fn(program, c, heat, depth + 1, false) {
                    Ok((c, Some(stats))) => {
                        self.log(|| {
                            format!(
                                "compiled callee {} {} ({} exits, {} bytes (estimated {}), {:.3} ms)",
                                c.id,
                                stats.name,
                                stats.exits.len(),
                                stats.code_bytes,
                                stats.estimated_bytes,
                                stats.compile_time.as_secs_f64() * 1e3
                            )
                        });
                        self.loops.push(stats);
                    }
                    Ok(_) => {}
                    Err(e) => {
                        let name = program.function(c).map_or("?", |f| f.name.as_str());
                        self.log(|| format!("callee {name} not compiled: {e}"));
                    }
                }
            }
        }
    }

    /// Compiles function `func` whole (and, first, the warm functions it calls, up to
    /// a small depth), or returns the entry it already has.
    fn compile_fn(&mut self, program: &Program, func: u32, heat: Heat<'_>, depth: u32, gate: bool) -> Result<(Compiled, Option<LoopStats>), NotCompiled> {
        if let Some(&(_, c)) = self.functions.get(&func) {
            return Ok((c, None));
        }
        if self.refused_fns.contains(&func) {
            return Err(NotCompiled::Never("refused before".into()));
        }
        if self.in_progress.contains(&func) || depth > MAX_CALLEE_DEPTH {
            // Not a property of the function: it may compile from elsewhere.
            return Err(NotCompiled::Never("recursive or too deep to compile".into()));
        }
        let r = self.compile_fn_body(program, func, heat, depth, gate);
        if let Err(NotCompiled::Never(_)) = r {
            // Compiling it again would fail again: remember.
            self.refused_fns.insert(func);
        }
        r
    }

    /// See [`Jit::compile_fn`]; `gate`: only if hot enough for its size (the
    /// interpreter's request; callees are checked by their caller).
    fn compile_fn_body(&mut self, program: &Program, func: u32, heat: Heat<'_>, depth: u32, gate: bool) -> Result<(Compiled, Option<LoopStats>), NotCompiled> {
        let key = (func, u32::MAX);
        let gate = gate && !self.wanted.contains(&func);
        let known = if gate { self.ask(key) } else { Some(true) };
        if known == Some(false) {
            return Err(NotCompiled::Later);
        }
        let f = program.function(func).ok_or("no such function".to_string())?;
        if f.code.iter().any(|i| matches!(i, Instr::LoadCtx)) {
            return Err(NotCompiled::Never("a closure body (compiled functions are entered by static calls)".into()));
        }
        let region = region::select_function(program, f)?;
        check_size(f, &region)?;
        if known.is_none() {
            let needed = self.needed_heat(f, &region);
            if !self.first_ask(key, needed) {
                return Err(NotCompiled::Later);
            }
        }
        // Callees first, so that calls to them are direct.
        self.in_progress.push(func);
        self.compile_callees(program, func, &region, heat, depth);
        self.in_progress.pop();
        let start = CpuClock::now();
        let module = self.module.as_mut().ok_or("no module".to_string())?;
        let mut sig = module.make_signature();
        codegen::fn_signature(&mut sig, f.sig.params.len(), f.sig.results.len());
        let name = format!("fn{}_{}", func, self.loops.len());
        let id = module.declare_function(&name, Linkage::Local, &sig).map_err(|e| NotCompiled::Never(format!("declare: {e}")))?;
        let (c, stats) = self.define(program, func, Some(id), &region, start)?;
        self.functions.insert(func, (id, c));
        Ok((c, Some(stats)))
    }

    /// Generates, defines and finalizes the code of `region` of function `func` (as
    /// the declared `own` function when given: a function region, which may call
    /// itself).
    fn define(
        &mut self,
        program: &Program,
        func: u32,
        own: Option<cranelift_module::FuncId>,
        region: &region::Region,
        start: CpuClock,
    ) -> Result<(Compiled, LoopStats), String> {
        let f = program.function(func).ok_or("no such function")?;
        let module = self.module.as_mut().ok_or("no module")?;
        module.clear_context(&mut self.ctx);
        match own {
            Some(_) => codegen::fn_signature(&mut self.ctx.func.signature, f.sig.params.len(), f.sig.results.len()),
            None => codegen::signature(&mut self.ctx.func.signature),
        }
        let index = self.loops.len();
        let id = match own {
            Some(id) => id,
            None => {
                let name = format!("loop{index}");
                module.declare_function(&name, Linkage::Local, &self.ctx.func.signature).map_err(|e| format!("declare: {e}"))?
            }
        };
        let mut callees = std::collections::HashMap::new();
        let mut table_calls = std::collections::HashSet::new();
        for i in &f.code {
            if let Instr::Call(c) = *i {
                let target = if own.is_some() && c == func { Some(id) } else { self.functions.get(&c).map(|&(id, _)| id) };
                match target {
                    Some(t) => {
                        callees.entry(c).or_insert_with(|| module.declare_func_in_func(t, &mut self.ctx.func));
                    }
                    None if !self.refused_fns.contains(&c) => {
                        table_calls.insert(c);
                    }
                    None => {}
                }
            }
        }
        if self.fn_table.is_empty() {
            self.fn_table = vec![[0; 4]; program.functions().len()].into_boxed_slice();
        }
        let fn_table = self.fn_table.as_ptr() as u64;
        let env = codegen::Env { program, f, func_id: func, callees, table_calls, fn_table, sites: Default::default() };
        let exits = codegen::build(&mut self.ctx.func, &mut self.fctx, &env, region, module.target_config());
        self.sites.extend(env.sites.into_inner());
        let exits = exits?;
        self.ctx.func.name = UserFuncName::user(0, id.as_u32());
        if std::env::var_os("MVM_JIT_DUMP").is_some() {
            eprintln!("{}", self.ctx.func.display());
        }
        module.define_function(id, &mut self.ctx).map_err(|e| format!("cranelift: {e:?}"))?;
        let mut code_bytes = self.ctx.compiled_code().map_or(0, |c| c.code_buffer().len());
        module.clear_context(&mut self.ctx);
        // A function is entered from the interpreter through a trampoline.
        let entry_id = match own {
            None => id,
            Some(_) => {
                codegen::signature(&mut self.ctx.func.signature);
                let tid = module
                    .declare_function(&format!("entry{index}"), Linkage::Local, &self.ctx.func.signature)
                    .map_err(|e| format!("declare: {e}"))?;
                let callee = module.declare_func_in_func(id, &mut self.ctx.func);
                let target = module.target_config();
                codegen::build_trampoline(&mut self.ctx.func, &mut self.fctx, callee, f.sig.params.len(), f.sig.results.len(), target);
                self.ctx.func.name = UserFuncName::user(0, tid.as_u32());
                module.define_function(tid, &mut self.ctx).map_err(|e| format!("cranelift: {e:?}"))?;
                code_bytes += self.ctx.compiled_code().map_or(0, |c| c.code_buffer().len());
                module.clear_context(&mut self.ctx);
                tid
            }
        };
        module.finalize_definitions().map_err(|e| format!("finalize: {e}"))?;
        let ptr = module.get_finalized_function(entry_id);
        if own.is_some()
            && let Some(row) = self.fn_table.get_mut(func as usize)
        {
            let need = (f.frame_words() + interp::vm::stack::FRAME_RECORD_WORDS) as u64 * 8;
            *row = [
                module.get_finalized_function(id) as u64,
                codegen::sig_word(f.sig.params.len(), f.sig.results.len()),
                u64::from(f.frame_size) * 8,
                need,
            ];
        }
        // SAFETY: the function was built with the signature `(i64, i64) -> i32` under
        // the host's default calling convention, which is `extern "C"`'s.
        let entry: EntryFn = unsafe { std::mem::transmute::<*const u8, EntryFn>(ptr) };
        let stats = LoopStats {
            name: f.name.clone(),
            header: if own.is_some() { u32::MAX } else { region.header },
            exit_counts: vec![0; exits.len()],
            exits,
            entries: 0,
            iterations: 0,
            side_exits: 0,
            compile_time: start.elapsed(),
            code_bytes,
            estimated_bytes: region.estimated_bytes(if own.is_some() { f.frame_size as usize } else { region.slots() }),
            blacklisted: false,
            function: own.map(|_| func),
        };
        Ok((Compiled { entry, id: index as u32 }, stats))
    }
}

impl interp::vm::jit::Jit for Jit {
    fn compile(&mut self, program: &Program, hot: HotLoop, heat: Heat<'_>) -> Result<Compiled, NotCompiled> {
        match self.compile_loop(program, hot, heat) {
            Ok((c, stats)) => {
                self.log(|| {
                    format!(
                        "compiled loop {} {}@{}..{} ({} exits, {} bytes (estimated {}), {:.3} ms)",
                        c.id,
                        stats.name,
                        hot.header,
                        hot.back_edge,
                        stats.exits.len(),
                        stats.code_bytes,
                        stats.estimated_bytes,
                        stats.compile_time.as_secs_f64() * 1e3
                    )
                });
                self.loops.push(stats);
                Ok(c)
            }
            Err(NotCompiled::Later) => Err(NotCompiled::Later),
            Err(e) => {
                self.refused += 1;
                let name = program.function(hot.func).map_or("?", |f| f.name.as_str());
                self.log(|| format!("refused loop {name}@{}..{}: {e}", hot.header, hot.back_edge));
                Err(e)
            }
        }
    }

    fn compile_function(&mut self, program: &Program, func: u32, heat: Heat<'_>) -> Result<Compiled, NotCompiled> {
        let name = program.function(func).map_or("?", |f| f.name.as_str()).to_string();
        match self.compile_fn(program, func, heat, 0, true) {
            Ok((c, stats)) => {
                if let Some(stats) = stats {
                    self.log(|| format!("compiled function {} {name} ({} exits, {} bytes (estimated {}), {:.3} ms)", c.id, stats.exits.len(), stats.code_bytes, stats.estimated_bytes, stats.compile_time.as_secs_f64() * 1e3));
                    self.loops.push(stats);
                }
                // A leaf without loops runs a handful of instructions: entering native
                // code from the interpreter costs about as much as interpreting it
                // (measured on iface-dispatch's methods), and so does a short
                // function that only calls another (a method wrapper: the
                // interpreter enters the callee if that is worth it). Compiled callers
                // still call them directly or through the table.
                let worth = program.function(func).is_some_and(|f| {
                    let calls = f.code.iter().any(|i| matches!(i, Instr::Call(_) | Instr::CallIface { .. }));
                    let recursive = f.code.iter().any(|i| *i == Instr::Call(func));
                    let loops = f.code.iter().any(|i| i.branch_offset().is_some_and(|o| o < 0));
                    loops || recursive || (calls && f.code.len() >= WORTH_ENTERING)
                });
                if !worth {
                    return Err(NotCompiled::Never("a leaf without loops: left to the interpreter when it calls it".into()));
                }
                Ok(c)
            }
            Err(NotCompiled::Later) => Err(NotCompiled::Later),
            Err(e) => {
                self.refused += 1;
                self.log(|| format!("refused function {name}: {e}"));
                Err(e)
            }
        }
    }

    fn exited(&mut self, id: u32, exit: u32, iterations: u64, wanted: Option<u32>) -> bool {
        let log = self.config.log;
        if let Some(w) = wanted {
            self.wanted.insert(w);
        }
        let Some(l) = self.loops.get_mut(id as usize) else { return false };
        l.entries += 1;
        l.iterations += iterations;
        if let Some(c) = l.exit_counts.get_mut(exit as usize) {
            *c += 1;
        }
        // Leaving the loop normally after a few iterations is still native speed; what
        // costs is an exit before an instruction the JIT does not compile, on the
        // loop's hot path, which sends every iteration back to the interpreter.
        // An interface call whose target is not compiled yet may be soon (the
        // interpreter compiles hot methods): such exits count only later.
        // A callee that exited to the interpreter sends this code back too (counted
        // after the same grace: its own callees may not be compiled yet).
        let kind = l.exits.get(exit as usize).map(|e| e.kind);
        if matches!(kind, Some(ExitKind::Unsupported | ExitKind::Check | ExitKind::SlowPath))
            || (kind == Some(ExitKind::Dispatch) && l.entries > DISPATCH_GRACE)
            || (exit == interp::vm::jit::STATUS_INNER_EXIT && l.entries > DISPATCH_GRACE)
        {
            l.side_exits += 1;
        }
        if l.entries >= BLACKLIST_ENTRIES
            && l.side_exits * 2 > l.entries
            && l.iterations < l.entries * BLACKLIST_MIN_ITERATIONS
        {
            l.blacklisted = true;
            // Interface calls stop calling it too (direct calls from compiled code
            // keep it: they were linked when it was compiled).
            if let Some(func) = l.function
                && let Some(row) = self.fn_table.get_mut(func as usize)
            {
                *row = [0; 4];
            }
            if log {
                eprintln!("jit: blacklisted loop {id} {}@{}: {} iterations in {} entries", l.name, l.header, l.iterations, l.entries);
            }
            return false;
        }
        true
    }
}

impl Drop for Jit {
    fn drop(&mut self) {
        if let Some(m) = self.module.take() {
            // SAFETY: the VM that ran this code is gone (it owns the JIT), so no compiled
            // function can be running or entered again.
            unsafe { m.free_memory() };
        }
    }
}
