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
    /// back-edges and calls down and exits before it would reach zero.
    pub budget: u64,
    /// The running call's closure context (`LoadCtx`).
    pub closure: u64,
    /// Where the interpreter resumes: an instruction of function `exit_func`...
    pub exit_pc: u32,
    /// ...with this many words on the operand stack (written back by the exit)...
    pub exit_depth: u32,
    /// Back-edges taken inside compiled loop code during this entry.
    pub iterations: u64,
    /// ...in the frame at this word index of the stack (a compiled function that
    /// called another one may exit in the callee's frame).
    pub exit_fp: u64,
    /// The function of the frame to resume.
    pub exit_func: u32,
    /// Calls compiled code may still nest on the native stack before it exits instead.
    pub native_depth: u32,
    /// The address of the goroutine stack's word 0 (frame indices are relative to it).
    pub stack_base: u64,
    /// The address just past the stack: a compiled call exits when the callee's frame
    /// would not fit (the interpreter grows the stack).
    pub stack_end: u64,
    /// [`jit_alloc`], for compiled allocation.
    pub alloc_fn: u64,
    /// The [`AllocEnv`] to pass it.
    pub alloc_env: u64,
    /// A function compiled code wanted to call but found no native code for (an
    /// interface call's target, a callee not compiled yet), or `u64::MAX`: the JIT
    /// compiles it as soon as the interpreter finds it warm.
    pub wanted: u64,
}

/// What compiled code needs to allocate: the heap and the program's types.
pub struct AllocEnv<'a> {
    /// The VM's heap.
    pub heap: &'a mut dyn super::heap::Heap,
    /// The program (type layouts).
    pub program: &'a Program,
}

/// Allocates one zeroed object of type `t` for compiled code, or returns 0 when it
/// cannot without the interpreter: a collection is due (the interpreter collects at
/// the allocation, with every root in the frames), an unknown type, or no memory.
/// It never collects, so compiled code holds no root across it that the collector
/// would have to find.
///
/// # Safety
///
/// `env` must point at a live [`AllocEnv`].
pub unsafe extern "C" fn jit_alloc(env: *mut AllocEnv<'_>, t: u32) -> u64 {
    // SAFETY: the caller's contract.
    let env = unsafe { &mut *env };
    if env.heap.collection_due() {
        return 0;
    }
    let Some(layout) = env.program.type_layout(t) else { return 0 };
    match env.heap.alloc(t, layout, 1) {
        Ok(p) => p as u64,
        Err(_) => 0,
    }
}

/// `runtime.getitab(type descriptor, interface descriptor, site cache)` for compiled
/// code (a JIT intrinsic: it neither allocates on the Go heap nor collects, so compiled
/// code calls it directly): the itab, or 0 when the type (or nil) does not implement
/// the interface; a successful lookup fills the site's `[descriptor, itab]` cache, as
/// the native does.
///
/// # Safety
///
/// `itabs` must be the running program's itab cache, `td` 0 or a type descriptor,
/// `iface` an interface descriptor and `cache` 0 or a site cache of that program.
pub unsafe extern "C" fn jit_getitab(itabs: *const crate::bytecode::itab::ItabCache, td: u64, iface: u64, cache: u64) -> u64 {
    if td == 0 {
        return 0;
    }
    // SAFETY: the caller's contract.
    let itab = unsafe { (*itabs).get(iface, td) }.unwrap_or(0);
    if cache != 0 && itab != 0 {
        // SAFETY: a site cache is a static two-word block of the compiled program.
        unsafe {
            let c = cache as *mut u64;
            *c = td;
            *c.add(1) = itab;
        }
    }
    itab
}

/// [`jit_getitab`] behind a call site's inline cache in compiled code: two
/// `[descriptor, itab or 0]` entries, the newest first (a failed lookup is cached too:
/// a type switch or `x.(I)` with `ok` sees the same few types again and again).
///
/// # Safety
///
/// As [`jit_getitab`]'s; `site` must point at the site's four words.
pub unsafe extern "C" fn jit_getitab_site(itabs: *const crate::bytecode::itab::ItabCache, td: u64, iface: u64, cache: u64, site: *mut [u64; 4]) -> u64 {
    // SAFETY: the caller's contract.
    let itab = unsafe { jit_getitab(itabs, td, iface, cache) };
    // SAFETY: the caller's contract.
    let s = unsafe { &mut *site };
    *s = [td, itab, s[0], s[1]];
    itab
}

/// What an intrinsic returns when the native would have failed: compiled code exits
/// before the call, and the interpreter runs the native, which reports the error.
pub const INTRINSIC_FAILED: u64 = u64::MAX;

/// The bytes of `ptr, len`, if they are a valid string or array (as the natives check).
///
/// # Safety
/// `ptr` must point at `len` readable bytes when it is not 0.
unsafe fn bytes_at<'a>(ptr: u64, len: u64) -> Option<&'a [u8]> {
    if len == 0 {
        return Some(&[]);
    }
    if ptr == 0 || len > isize::MAX as u64 {
        return None;
    }
    // SAFETY: the caller's contract.
    Some(unsafe { std::slice::from_raw_parts(ptr as *const u8, len as usize) })
}

/// `runtime.memmove(dst, src, n)`: 0, or [`INTRINSIC_FAILED`].
///
/// # Safety
/// As the native's: `dst` and `src` are the bases of live objects of `n` bytes.
pub unsafe extern "C" fn jit_memmove(dst: u64, src: u64, n: u64) -> u64 {
    if n == 0 {
        return 0;
    }
    if dst == 0 || src == 0 || n > isize::MAX as u64 {
        return INTRINSIC_FAILED;
    }
    // SAFETY: the caller's contract.
    unsafe { std::ptr::copy(src as *const u8, dst as *mut u8, n as usize) };
    0
}

/// `runtime.slicecopy(dst ptr, dst len, src ptr, src len, width)`: the elements
/// copied, or [`INTRINSIC_FAILED`].
///
/// # Safety
/// As the native's.
pub unsafe extern "C" fn jit_slicecopy(dp: u64, dl: u64, sp: u64, sl: u64, width: u64) -> u64 {
    let n = dl.min(sl);
    let Some(bytes) = n.checked_mul(width) else { return INTRINSIC_FAILED };
    // SAFETY: the caller's contract.
    if unsafe { jit_memmove(dp, sp, bytes) } == INTRINSIC_FAILED {
        return INTRINSIC_FAILED;
    }
    n
}

/// `runtime.memclr(p, n)`: 0, or [`INTRINSIC_FAILED`].
///
/// # Safety
/// As the native's.
pub unsafe extern "C" fn jit_memclr(p: u64, n: u64) -> u64 {
    if n == 0 {
        return 0;
    }
    if p == 0 || n > isize::MAX as u64 {
        return INTRINSIC_FAILED;
    }
    // SAFETY: the caller's contract.
    unsafe { std::ptr::write_bytes(p as *mut u8, 0, n as usize) };
    0
}

/// `runtime.eqstring(a ptr, a len, b ptr, b len)`: 1 or 0, or [`INTRINSIC_FAILED`].
///
/// # Safety
/// Both must be valid strings.
pub unsafe extern "C" fn jit_eqstring(p1: u64, l1: u64, p2: u64, l2: u64) -> u64 {
    if l1 != l2 {
        return 0;
    }
    // SAFETY: the caller's contract.
    match unsafe { (bytes_at(p1, l1), bytes_at(p2, l2)) } {
        (Some(a), Some(b)) => u64::from(a == b),
        _ => INTRINSIC_FAILED,
    }
}

/// `runtime.cmpstring(a ptr, a len, b ptr, b len)`: -1, 0 or 1 (as words), or 2 for a
/// failure.
///
/// # Safety
/// Both must be valid strings.
pub unsafe extern "C" fn jit_cmpstring(p1: u64, l1: u64, p2: u64, l2: u64) -> u64 {
    // SAFETY: the caller's contract.
    match unsafe { (bytes_at(p1, l1), bytes_at(p2, l2)) } {
        (Some(a), Some(b)) => a.cmp(b) as i64 as u64,
        _ => 2,
    }
}

/// The native functions compiled code runs as intrinsics: natives that neither
/// allocate on the Go heap nor collect, park or panic (a failure is reported by the
/// native when the interpreter runs it), so that compiled code calls them directly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Intrinsic {
    /// `runtime.getitab`: [`jit_getitab`] (behind an inline cache).
    GetItab,
    /// `runtime.memmove`: [`jit_memmove`].
    Memmove,
    /// `runtime.slicecopy`: [`jit_slicecopy`].
    SliceCopy,
    /// `runtime.memclr`: [`jit_memclr`].
    Memclr,
    /// `runtime.eqstring`: [`jit_eqstring`].
    EqString,
    /// `runtime.cmpstring`: [`jit_cmpstring`].
    CmpString,
}

impl Intrinsic {
    /// The function's address, its argument words, whether it has a result the
    /// native has too, and the word it returns on failure (`None`: it cannot fail).
    /// (`GetItab` is called as [`jit_getitab_site`], with two more arguments.)
    pub fn call(self) -> (usize, usize, bool, Option<u64>) {
        match self {
            Intrinsic::GetItab => (jit_getitab_site as *const () as usize, 5, true, None),
            Intrinsic::Memmove => (jit_memmove as *const () as usize, 3, false, Some(INTRINSIC_FAILED)),
            Intrinsic::SliceCopy => (jit_slicecopy as *const () as usize, 5, true, Some(INTRINSIC_FAILED)),
            Intrinsic::Memclr => (jit_memclr as *const () as usize, 2, false, Some(INTRINSIC_FAILED)),
            Intrinsic::EqString => (jit_eqstring as *const () as usize, 4, true, Some(INTRINSIC_FAILED)),
            Intrinsic::CmpString => (jit_cmpstring as *const () as usize, 4, true, Some(2)),
        }
    }
}

/// The intrinsic standing for native `id` of `program`, if there is one.
pub fn intrinsic(program: &Program, id: u32) -> Option<Intrinsic> {
    match program.native(id)?.name.as_str() {
        "runtime.getitab" => Some(Intrinsic::GetItab),
        "runtime.memmove" => Some(Intrinsic::Memmove),
        "runtime.slicecopy" => Some(Intrinsic::SliceCopy),
        "runtime.memclr" => Some(Intrinsic::Memclr),
        "runtime.eqstring" => Some(Intrinsic::EqString),
        "runtime.cmpstring" => Some(Intrinsic::CmpString),
        _ => None,
    }
}

/// What compiled code returns besides an exit number: a compiled function returned
/// normally, its results at `fp[0..]`.
pub const STATUS_RETURNED: u32 = u32::MAX;
/// A compiled function it called exited to the interpreter in a deeper frame: every
/// frame down to it has been written back, and the context says where to resume.
pub const STATUS_INNER_EXIT: u32 = u32::MAX - 1;

/// Native calls compiled code may nest before it leaves the rest to the interpreter
/// (the native stack is the main thread's, a few MB).
pub const NATIVE_DEPTH: u32 = 2000;

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
    /// [`super::JitCtx::exit_fp`].
    pub const EXIT_FP: i32 = 32;
    /// [`super::JitCtx::exit_func`].
    pub const EXIT_FUNC: i32 = 40;
    /// [`super::JitCtx::native_depth`].
    pub const NATIVE_DEPTH: i32 = 44;
    /// [`super::JitCtx::stack_base`].
    pub const STACK_BASE: i32 = 48;
    /// [`super::JitCtx::stack_end`].
    pub const STACK_END: i32 = 56;
    /// [`super::JitCtx::alloc_fn`].
    pub const ALLOC_FN: i32 = 64;
    /// [`super::JitCtx::alloc_env`].
    pub const ALLOC_ENV: i32 = 72;
    /// [`super::JitCtx::wanted`].
    pub const WANTED: i32 = 80;
}

const _: () = assert!(std::mem::offset_of!(JitCtx, budget) == ctx_offsets::BUDGET as usize);
const _: () = assert!(std::mem::offset_of!(JitCtx, closure) == ctx_offsets::CLOSURE as usize);
const _: () = assert!(std::mem::offset_of!(JitCtx, exit_pc) == ctx_offsets::EXIT_PC as usize);
const _: () = assert!(std::mem::offset_of!(JitCtx, exit_depth) == ctx_offsets::EXIT_DEPTH as usize);
const _: () = assert!(std::mem::offset_of!(JitCtx, iterations) == ctx_offsets::ITERATIONS as usize);
const _: () = assert!(std::mem::offset_of!(JitCtx, exit_fp) == ctx_offsets::EXIT_FP as usize);
const _: () = assert!(std::mem::offset_of!(JitCtx, exit_func) == ctx_offsets::EXIT_FUNC as usize);
const _: () = assert!(std::mem::offset_of!(JitCtx, native_depth) == ctx_offsets::NATIVE_DEPTH as usize);
const _: () = assert!(std::mem::offset_of!(JitCtx, stack_base) == ctx_offsets::STACK_BASE as usize);
const _: () = assert!(std::mem::offset_of!(JitCtx, stack_end) == ctx_offsets::STACK_END as usize);
const _: () = assert!(std::mem::offset_of!(JitCtx, alloc_fn) == ctx_offsets::ALLOC_FN as usize);
const _: () = assert!(std::mem::offset_of!(JitCtx, alloc_env) == ctx_offsets::ALLOC_ENV as usize);
const _: () = assert!(std::mem::offset_of!(JitCtx, wanted) == ctx_offsets::WANTED as usize);

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

/// How often the interpreter has entered each function by a static call (counted
/// only until the function is compiled or refused), for the JIT to decide which
/// callees of a hot region are worth compiling with it: a callee the region never
/// called (an error path) is not.
#[derive(Clone, Copy, Debug)]
pub struct Heat<'a> {
    functions: &'a [u32],
}

impl Heat<'_> {
    /// Heat of no function (for tests and callers without counters).
    pub const NONE: Heat<'static> = Heat { functions: &[] };

    /// Static calls of `func` counted so far; `u32::MAX` for a function that got hot
    /// (compiled or refused).
    pub fn calls(&self, func: FuncId) -> u32 {
        match self.functions.get(func as usize) {
            None => 0,
            Some(&c) if c & COMPILED != 0 => u32::MAX,
            Some(&c) => c,
        }
    }
}

/// Why the JIT did not compile a loop or function.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotCompiled {
    /// It cannot be compiled, or is not worth it: the interpreter runs it for good.
    Never(String),
    /// Not hot enough yet for what it would cost to compile (a large region must earn
    /// its compile time): ask again when it has been reached the threshold's number of
    /// times again.
    Later,
}

impl std::fmt::Display for NotCompiled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotCompiled::Never(why) => f.write_str(why),
            NotCompiled::Later => f.write_str("not hot enough yet"),
        }
    }
}

impl From<String> for NotCompiled {
    fn from(why: String) -> NotCompiled {
        NotCompiled::Never(why)
    }
}

/// The JIT, as the interpreter sees it.
pub trait Jit {
    /// Compiles the loop `hot` of `program`, or says why not (the loop is then left to
    /// the interpreter for good, or until it is hot again).
    fn compile(&mut self, program: &Program, hot: HotLoop, heat: Heat<'_>) -> Result<Compiled, NotCompiled>;

    /// Compiles function `func` whole, to be entered at its first instruction by a
    /// static call (closure context 0), or says why not.
    fn compile_function(&mut self, program: &Program, func: FuncId, heat: Heat<'_>) -> Result<Compiled, NotCompiled>;

    /// Compiled code `id` returned with exit number `exit` after `iterations` back-edges,
    /// having `wanted` to call a function that had no native code;
    /// the JIT keeps its statistics (and may log). Returns false when the loop should not
    /// be entered any more (it exits too early too often to pay for its entry).
    fn exited(&mut self, id: u32, exit: u32, iterations: u64, wanted: Option<FuncId>) -> bool;
}

/// Counter values: below [`COMPILED`] a heat count; `COMPILED | i` is compiled loop i;
/// [`NEVER`] a loop that is left to the interpreter.
const COMPILED: u32 = 1 << 31;
const NEVER: u32 = u32::MAX;

/// What the interpreter does after consulting the JIT.
pub(crate) enum BackEdge {
    /// Go on interpreting where it was.
    Interpret,
    /// Compiled code ran and exited: resume function `func` at `pc` in the frame at
    /// word index `fp`, with `depth` operand words.
    Resume { func: u32, fp: usize, pc: u32, depth: u32 },
    /// A compiled function returned; its results are at its `fp`.
    Returned,
}

/// The JIT's state inside the VM.
pub(crate) struct JitState<'p> {
    jit: Box<dyn Jit + 'p>,
    threshold: u32,
    /// Per function (indexed by id, allocated on its first back-edge), per pc.
    counters: Vec<Vec<u32>>,
    loops: Vec<Compiled>,
    /// Per function: entry heat, or compiled (`COMPILED | index into loops`), or NEVER.
    functions: Vec<u32>,
    /// `MVM_JIT_TRACE`: print every entry into compiled code and where it exited.
    trace: bool,
}

impl<'p> JitState<'p> {
    pub(crate) fn new(jit: Box<dyn Jit + 'p>, threshold: u32) -> JitState<'p> {
        JitState {
            jit,
            threshold: threshold.clamp(1, COMPILED - 1),
            counters: Vec::new(),
            loops: Vec::new(),
            functions: Vec::new(),
            trace: std::env::var_os("MVM_JIT_TRACE").is_some(),
        }
    }

    /// A taken back-edge from `back_edge` to `header` of `func`, with the frame at `fp`
    /// (word index `fp_index` of the stack `base..end`) and `depth` operand words;
    /// `budget` is the interpreter's preemption budget.
    ///
    /// # Safety
    ///
    /// `fp` must be the frame of a running call of `func` whose operand stack has `depth`
    /// words, with the goroutine's state as the interpreter keeps it at `header`, and
    /// `base..end` the goroutine's stack.
    #[allow(clippy::too_many_arguments)]
    pub(crate) unsafe fn back_edge(
        &mut self,
        program: &Program,
        hot: HotLoop,
        fp: *mut u64,
        closure: u64,
        stack: (*mut u64, *mut u64),
        alloc: *mut AllocEnv<'_>,
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
            match self.jit.compile(program, hot, Heat { functions: &self.functions }) {
                Ok(compiled) => {
                    self.loops.push(compiled);
                    let i = self.loops.len() - 1;
                    *c = COMPILED | i as u32;
                    i
                }
                Err(NotCompiled::Later) => {
                    *c = 0;
                    return BackEdge::Interpret;
                }
                Err(NotCompiled::Never(_)) => {
                    *c = NEVER;
                    return BackEdge::Interpret;
                }
            }
        };
        let Some(compiled) = self.loops.get(index).copied() else { return BackEdge::Interpret };
        // SAFETY: as this function's.
        let (r, keep) = unsafe { self.enter(compiled, hot.func, fp, closure, stack, alloc, budget) };
        if !keep && let Some(c) = self.counters.get_mut(f).and_then(|c| c.get_mut(hot.header as usize)) {
            *c = NEVER;
        }
        r
    }

    /// A static call entered `func`, whose frame (arguments in place, record written,
    /// other slots zeroed) is at `fp`: counts its heat, compiles it when hot, and runs
    /// its compiled code if there is some.
    ///
    /// # Safety
    ///
    /// `fp` must be the new frame of `func` as the interpreter's call makes it, and
    /// `base..end` the goroutine's stack, `alloc` a live allocation environment.
    pub(crate) unsafe fn call(
        &mut self,
        program: &Program,
        func: FuncId,
        fp: *mut u64,
        stack: (*mut u64, *mut u64),
        alloc: *mut AllocEnv<'_>,
        budget: &mut u64,
    ) -> BackEdge {
        let f = func as usize;
        if self.functions.len() <= f {
            self.functions.resize(program.functions().len().max(f + 1), 0);
        }
        let Some(c) = self.functions.get_mut(f) else { return BackEdge::Interpret };
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
            let r = self.jit.compile_function(program, func, Heat { functions: &self.functions });
            let Some(c) = self.functions.get_mut(f) else { return BackEdge::Interpret };
            match r {
                Ok(compiled) => {
                    self.loops.push(compiled);
                    let i = self.loops.len() - 1;
                    *c = COMPILED | i as u32;
                    i
                }
                Err(NotCompiled::Later) => {
                    *c = 0;
                    return BackEdge::Interpret;
                }
                Err(NotCompiled::Never(_)) => {
                    *c = NEVER;
                    return BackEdge::Interpret;
                }
            }
        };
        let Some(compiled) = self.loops.get(index).copied() else { return BackEdge::Interpret };
        // SAFETY: as this function's.
        let (r, keep) = unsafe { self.enter(compiled, func, fp, 0, stack, alloc, budget) };
        if !keep && let Some(c) = self.functions.get_mut(f) {
            *c = NEVER;
        }
        r
    }

    /// Runs compiled code; returns what to do next and whether to keep entering it.
    ///
    /// # Safety
    ///
    /// As [`JitState::back_edge`]'s.
    #[allow(clippy::too_many_arguments)]
    unsafe fn enter(
        &mut self,
        compiled: Compiled,
        func: FuncId,
        fp: *mut u64,
        closure: u64,
        (base, end): (*mut u64, *mut u64),
        alloc: *mut AllocEnv<'_>,
        budget: &mut u64,
    ) -> (BackEdge, bool) {
        let fp_index = (fp as usize - base as usize) / 8;
        let mut ctx = JitCtx {
            budget: *budget,
            closure,
            exit_pc: 0,
            exit_depth: 0,
            iterations: 0,
            exit_fp: fp_index as u64,
            exit_func: func,
            native_depth: NATIVE_DEPTH,
            stack_base: base as u64,
            stack_end: end as u64,
            alloc_fn: jit_alloc as *const () as usize as u64,
            alloc_env: alloc as u64,
            wanted: u64::MAX,
        };
        // SAFETY: the caller vouches for the frame and the stack; the code was compiled
        // for this function and writes back every value it changed before returning.
        let status = unsafe { (compiled.entry)(&mut ctx, fp) };
        if self.trace {
            eprintln!("jit: entered {} (function {func}, fp {fp_index}): status {status:#x}, resume function {} pc {} fp {} depth {}", compiled.id, ctx.exit_func, ctx.exit_pc, ctx.exit_fp, ctx.exit_depth);
        }
        *budget = ctx.budget;
        let wanted = u32::try_from(ctx.wanted).ok();
        let keep = self.jit.exited(compiled.id, status, ctx.iterations, wanted);
        if status == STATUS_RETURNED {
            return (BackEdge::Returned, keep);
        }
        let r = BackEdge::Resume { func: ctx.exit_func, fp: ctx.exit_fp as usize, pc: ctx.exit_pc, depth: ctx.exit_depth };
        (r, keep)
    }
}
