//! The dispatch loop.
//!
//! One `loop { match }` over 8-byte instructions; the match is a jump table on the
//! opcode byte. The loop keeps its state in locals — instruction pointer, frame pointer
//! and operand-stack pointer as raw pointers, the current function's metadata — and
//! writes it back to the [`Goroutine`] whenever it leaves (trap, return to the host,
//! preemption) or calls into the runtime (allocation may collect, and the collector
//! reads the saved state). Because the state is just (function, pc, fp, sp, ctx) and
//! every instruction leaves the stack consistent, any instruction boundary is a valid
//! resume point.
//!
//! # Safety argument
//!
//! The loop uses unchecked pointer arithmetic on the VM stack. That is sound because
//! every [`Function`](crate::bytecode::Function) was verified by the builder (slot
//! indices below `frame_size`, operand depth never below zero nor above `max_stack`,
//! branch targets inside the code, no fall-through off the end), every static
//! reference was checked by [`Program::link`](crate::bytecode::Program::link), dynamic
//! calls are checked against the callee here, and a call makes room for the callee's
//! `frame_size + FRAME_RECORD_WORDS + max_stack` words before entering it. Memory
//! instructions dereference Go addresses: like compiled Go, they trust the compiler's
//! bounds checks and `unsafe` code, and catch only the nil page.

use super::arith;
use super::reflectcall;
use super::chan::Step;
use super::stack::{ENTRY_FUNC, FRAME_RECORD_WORDS, pack_func_fp, unpack_func_fp};
use super::{DeferRecord, Goroutine, Meta, NativeCx, NativeError, PanicPayload, PanicState, Vm, VmError};
use crate::bytecode::{Instr, PrintKind};
use runtime::errors::{BoundsCode, BoundsError, RuntimeError};
use runtime::slice::grow_cap;
use std::io::Write;
use std::ptr;

/// Addresses below this are the nil page: dereferencing them is a nil-pointer panic.
const NIL_PAGE: u64 = 4096;

/// Where deferred calls run by a panic return to (see [`Instr::Unwind`]).
pub(super) static UNWIND_STUB: [Instr; 1] = [Instr::Unwind];

/// Where the `preprint` call of an unrecovered panic returns to (see `panicval`).
pub(super) static PREPRINT_STUB: [Instr; 1] = [Instr::PanicPrinted];

/// Why the loop stopped.
pub(super) enum Trap {
    /// The bottom frame returned; its results are at `fp`.
    Done,
    /// The preemption budget ran out at a back-edge or call; resume at the saved pc.
    Yield,
    /// Parked at a channel operation (the saved pc); the scheduler wakes it.
    Block,
    /// A run-time error (only between the runtime helpers and the loop, which turns it
    /// into a panic).
    Runtime(RuntimeError),
    /// A panic ran out of deferred calls without being recovered: the goroutine's panic
    /// chain and saved state describe it.
    Panicking,
    /// The stack would outgrow its limit (the saved pc is the call).
    Overflow,
    /// A fatal error with this message (gc's `throw`).
    Fatal(String),
    /// The program exits with this status (`os.Exit`).
    Exit(i32),
    /// The goroutine ran its deferred calls after `runtime.Goexit` and ends.
    Goexit,
    /// A malformed program or an unimplemented operation.
    Vm(VmError),
}

/// Runs `g` until it stops; `COUNT` makes the loop count executed instructions into
/// `vm.executed` (a separate instantiation, so the normal loop pays nothing).
///
/// # Safety
///
/// `g` must have been created for `vm`'s program by [`Goroutine::new`] and only run by
/// this function since (its saved state is then consistent with the verified code).
///
/// `JIT` makes taken back-edges consult the JIT (see `vm::jit`): counting heat,
/// compiling, entering compiled code. Another instantiation, so that the loop without a
/// JIT pays nothing for it.
pub(super) unsafe fn run<const COUNT: bool, const JIT: bool>(vm: &mut Vm<'_>, g: &mut Goroutine) -> Trap {
    let metas: *const Meta = vm.metas.as_ptr();
    let nfuncs = vm.metas.len();
    let limit = vm.config.max_stack_bytes;
    let mut budget = vm.slice.max(1);
    let mut executed: u64 = 0;

    // SAFETY (whole body): see the module docs; the saved state came from this loop.
    unsafe {
        // Only ip, sp, fp and meta are hot; everything else is reached through them or
        // `g` (the closure context lives in `g.ctx`), which keeps the hot four in registers.
        let mut meta: &Meta = &*metas.add(g.func as usize);
        let mut ip = meta.code.add(g.pc as usize);
        let mut base = g.stack.words_mut().as_mut_ptr();
        let mut stack_end = base.add(g.stack.len());
        let mut fp = base.add(g.fp);
        let mut sp = base.add(g.sp);

        // Writes the loop state back to `g`, with `pc` the instruction to resume at.
        macro_rules! save {
            ($pc:expr) => {{
                g.func = meta.id;
                g.pc = $pc as u32;
                g.fp = fp.offset_from(base) as usize;
                g.sp = sp.offset_from(base) as usize;
                // What is left of the time slice, which a goroutine woken by this
                // one may inherit (see `sched`).
                vm.slice_left = budget;
                if COUNT {
                    vm.executed += std::mem::take(&mut executed);
                }
            }};
        }
        // Stops at the current instruction (the one that was just fetched).
        macro_rules! trap {
            ($t:expr) => {{
                std::hint::cold_path();
                save!(ip.offset_from(meta.code) - 1);
                return $t;
            }};
        }
        macro_rules! push {
            ($v:expr) => {{
                let v: u64 = $v;
                *sp = v;
                sp = sp.add(1);
            }};
        }
        macro_rules! pop {
            () => {{
                sp = sp.sub(1);
                *sp
            }};
        }
        macro_rules! unary {
            (|$a:ident| $e:expr) => {{
                let t = sp.sub(1);
                let $a = *t;
                *t = $e;
            }};
        }
        macro_rules! binary {
            (|$a:ident, $b:ident| $e:expr) => {{
                sp = sp.sub(1);
                let $b = *sp;
                let t = sp.sub(1);
                let $a = *t;
                *t = $e;
            }};
        }
        macro_rules! f64op {
            (|$a:ident, $b:ident| $e:expr) => {
                binary!(|x, y| {
                    let ($a, $b) = (f64::from_bits(x), f64::from_bits(y));
                    $e
                })
            };
        }
        macro_rules! f64slot {
            ($slot:expr, |$a:ident, $b:ident| $e:expr) => {
                unary!(|x| {
                    let ($a, $b) = (f64::from_bits(x), f64::from_bits(*fp.add($slot as usize)));
                    ($e).to_bits()
                })
            };
        }
        macro_rules! f64slots {
            ($a:expr, $b:expr, |$x:ident, $y:ident| $e:expr) => {{
                let ($x, $y) = (f64::from_bits(*fp.add($a as usize)), f64::from_bits(*fp.add($b as usize)));
                ($e).to_bits()
            }};
        }
        macro_rules! f64field {
            ($slot:expr, $off:expr, |$a:ident, $b:ident| $e:expr) => {{
                let p = addr!(*fp.add($slot as usize), $off);
                let f = ptr::read_unaligned(p as *const u64);
                unary!(|x| {
                    let ($a, $b) = (f64::from_bits(x), f64::from_bits(f));
                    ($e).to_bits()
                })
            }};
        }
        macro_rules! f32op {
            (|$a:ident, $b:ident| $e:expr) => {
                binary!(|x, y| {
                    let ($a, $b) = (f32::from_bits(x as u32), f32::from_bits(y as u32));
                    $e
                })
            };
        }
        // Taken branches with a negative offset are back-edges: preemption points.
        macro_rules! jump {
            ($off:expr) => {{
                let off = $off as isize;
                // The instruction after the branch (so the branch is the one before it).
                let after_branch = ip;
                ip = ip.offset(off);
                if off < 0 {
                    budget -= 1;
                    if budget == 0 {
                        save!(ip.offset_from(meta.code));
                        return Trap::Yield;
                    }
                    if JIT {
                        jit_back_edge!(after_branch);
                    }
                }
            }};
        }
        // Resumes interpretation where compiled code exited: possibly in a deeper frame
        // (a compiled function it called), which a static call entered (context 0).
        macro_rules! jit_resume {
            ($func:expr, $fp:expr, $pc:expr, $depth:expr) => {{
                let (func, fp_idx, pc, depth): (u32, usize, u32, u32) = ($func, $fp, $pc, $depth);
                if func as usize >= nfuncs || fp_idx >= g.stack.len() {
                    trap!(Trap::Vm(VmError::BadEntry(format!("bad JIT exit: function {func} fp {fp_idx} pc {pc} depth {depth}"))));
                }
                let new_fp = base.add(fp_idx);
                if new_fp != fp {
                    g.ctx = 0;
                }
                meta = &*metas.add(func as usize);
                fp = new_fp;
                ip = meta.code.add(pc as usize);
                sp = fp.add(meta.frame_size + FRAME_RECORD_WORDS + depth as usize);
                if budget == 0 {
                    save!(pc);
                    return Trap::Yield;
                }
            }};
        }
        // A taken back-edge in the JIT instantiation: count, compile, or run compiled
        // code for the loop whose header `ip` now points at, and resume where it exits.
        macro_rules! jit_back_edge {
            ($after_branch:expr) => {{
                let program = vm.program;
                if let Some(st) = vm.jit.as_mut() {
                    let header = ip.offset_from(meta.code) as u32;
                    let back_edge = $after_branch.offset_from(meta.code) as u32 - 1;
                    let stack0 = fp.add(meta.frame_size + FRAME_RECORD_WORDS);
                    let depth = sp.offset_from(stack0) as u32;
                    let hot = super::jit::HotLoop { func: meta.id, header, back_edge, depth };
                    let mut alloc = super::jit::AllocEnv { heap: &mut *vm.heap, program };
                    match st.back_edge(program, hot, fp, g.ctx, (base, stack_end), &mut alloc, &mut budget) {
                        super::jit::BackEdge::Interpret => {}
                        super::jit::BackEdge::Resume { func, fp, pc, depth } => jit_resume!(func, fp, pc, depth),
                        super::jit::BackEdge::Returned => {
                            trap!(Trap::Vm(VmError::BadEntry("a compiled loop returned".into())));
                        }
                    }
                }
            }};
        }
        // A static call just entered `meta` in the JIT instantiation: run its compiled
        // code if it has some (compiling it when it gets hot).
        macro_rules! jit_call {
            () => {{
                let program = vm.program;
                if let Some(st) = vm.jit.as_mut() {
                    let mut alloc = super::jit::AllocEnv { heap: &mut *vm.heap, program };
                    // The record, read now: the results written at `fp` may cover it
                    // (a frame with fewer slots than results).
                    let rec = fp.add(meta.frame_size);
                    let (ret_ip, caller, caller_ctx) = (*rec as *const Instr, *rec.add(1), *rec.add(2));
                    match st.call(program, meta.id, fp, (base, stack_end), &mut alloc, &mut budget) {
                        super::jit::BackEdge::Interpret => {}
                        super::jit::BackEdge::Resume { func, fp, pc, depth } => jit_resume!(func, fp, pc, depth),
                        super::jit::BackEdge::Returned => {
                            // As `ret!`, with the results already at `fp`.
                            sp = fp.add(meta.nresults);
                            let (f, caller_fp) = unpack_func_fp(caller);
                            if f == ENTRY_FUNC {
                                save!(0);
                                return Trap::Done;
                            }
                            meta = &*metas.add(f as usize);
                            ip = ret_ip;
                            fp = base.add(caller_fp);
                            g.ctx = caller_ctx;
                        }
                    }
                }
            }};
        }
        macro_rules! cond {
            ($off:expr, |$a:ident, $b:ident| $c:expr) => {{
                sp = sp.sub(2);
                let $a = *sp;
                let $b = *sp.add(1);
                if $c {
                    jump!($off);
                }
            }};
        }
        macro_rules! cond1 {
            ($off:expr, |$a:ident| $c:expr) => {{
                sp = sp.sub(1);
                let $a = *sp;
                if $c {
                    jump!($off);
                }
            }};
        }
        // Word copies of a few words: cheaper inline than a call to memcpy/memmove.
        // Forward order is also right for overlapping moves to a lower address.
        macro_rules! copy_words {
            ($src:expr, $dst:expr, $n:expr) => {{
                let (src, dst): (*const u64, *mut u64) = ($src, $dst);
                for k in 0..$n {
                    *dst.add(k) = *src.add(k);
                }
            }};
        }
        // Returns the `$n` words at `$src` to the caller.
        macro_rules! ret {
            ($src:expr, $n:expr) => {{
                let n: usize = $n;
                // Read the record first: the results may overwrite it.
                let rec = fp.add(meta.frame_size);
                let ret_ip = *rec as *const Instr;
                let (f, caller_fp) = unpack_func_fp(*rec.add(1));
                let caller_ctx = *rec.add(2);
                copy_words!($src, fp, n);
                sp = fp.add(n);
                if f == ENTRY_FUNC {
                    save!(ip.offset_from(meta.code) - 1);
                    return Trap::Done;
                }
                meta = &*metas.add(f as usize);
                ip = ret_ip;
                fp = base.add(caller_fp);
                g.ctx = caller_ctx;
            }};
        }
        macro_rules! addr {
            ($a:expr, $off:expr) => {{
                let a: u64 = $a;
                if a < NIL_PAGE {
                    throw!(RuntimeError::NilDeref { addr: a.wrapping_add($off as i64 as u64) });
                }
                a.wrapping_add($off as i64 as u64)
            }};
        }
        macro_rules! load {
            ($off:expr, $ty:ty, $conv:expr) => {{
                let t = sp.sub(1);
                let a = addr!(*t, $off);
                let v: $ty = ptr::read_unaligned(a as *const $ty);
                *t = $conv(v);
            }};
        }
        macro_rules! store {
            ($off:expr, $ty:ty) => {{
                sp = sp.sub(2);
                let a = addr!(*sp, $off);
                ptr::write_unaligned(a as *mut $ty, *sp.add(1) as $ty);
            }};
        }
        // The address of element `i` (index in slot `$index`) of `$size` bytes of the
        // slice or string whose `ptr, len` are in slots `$slice`, `$slice + 1`, after
        // the bounds check.
        macro_rules! slot_elem {
            ($slice:expr, $index:expr, $size:expr) => {{
                let (base_ptr, len) = (*fp.add($slice as usize), *fp.add($slice as usize + 1));
                let i = *fp.add($index as usize);
                if i >= len {
                    let e = BoundsError { x: i as i64, y: len as i64, signed: true, code: BoundsCode::Index };
                    throw!(RuntimeError::Bounds(e));
                }
                base_ptr.wrapping_add(i.wrapping_mul(u64::from($size)))
            }};
        }
        // `s[i] = v` for the slice header in slots `$slice`, `$slice + 1` and the index
        // in slot `$index`: the low `$width` bytes of `$v`.
        macro_rules! store_index_slots {
            ($slice:expr, $index:expr, $width:expr, $v:expr) => {{
                let a = slot_elem!($slice, $index, $width);
                let v: u64 = $v;
                match $width {
                    1 => ptr::write_unaligned(a as *mut u8, v as u8),
                    2 => ptr::write_unaligned(a as *mut u16, v as u16),
                    4 => ptr::write_unaligned(a as *mut u32, v as u32),
                    _ => ptr::write_unaligned(a as *mut u64, v),
                }
            }};
        }
        // Enters function `$id` whose arguments are the top words of the stack.
        macro_rules! call {
            ($id:expr, $ctx:expr) => {{
                let id: usize = $id;
                let callee: &Meta = &*metas.add(id);
                let mut new_fp = sp.sub(callee.nparams);
                if new_fp.add(callee.need) > stack_end {
                    let new_fp_idx = new_fp.offset_from(base) as usize;
                    let fp_idx = fp.offset_from(base);
                    if g.stack.grow(new_fp_idx + callee.need, limit).is_err() {
                        trap!(Trap::Overflow);
                    }
                    base = g.stack.words_mut().as_mut_ptr();
                    stack_end = base.add(g.stack.len());
                    fp = base.offset(fp_idx);
                    new_fp = base.add(new_fp_idx);
                }
                let rec = new_fp.add(callee.frame_size);
                *rec = ip as u64;
                *rec.add(1) = pack_func_fp(meta.id, fp.offset_from(base) as usize);
                *rec.add(2) = g.ctx;
                for k in callee.nparams..callee.frame_size {
                    *new_fp.add(k) = 0;
                }
                fp = new_fp;
                sp = rec.add(FRAME_RECORD_WORDS);
                meta = callee;
                ip = callee.code;
                g.ctx = $ctx;
                budget -= 1;
                if budget == 0 {
                    save!(0);
                    return Trap::Yield;
                }
            }};
        }
        // Checks a dynamic call target and its word counts against the call site.
        macro_rules! dynamic_target {
            ($word:expr, $params:expr, $results:expr) => {{
                let id = $word;
                if id >= nfuncs as u64 {
                    trap!(Trap::Vm(VmError::BadCallTarget(id)));
                }
                let m: &Meta = &*metas.add(id as usize);
                if m.nparams != $params as usize || m.nresults != $results as usize {
                    trap!(Trap::Vm(VmError::BadCallTarget(id)));
                }
                id as usize
            }};
        }

        // Runs the next deferred call for the panic in progress, on top of the stack,
        // returning to the unwind stub; with none left, the goroutine dies.
        macro_rules! run_next_defer {
            () => {{
                loop {
                    let Some(d) = g.take_defer_for_panic() else {
                        // gc's preprintpanics: Error()/String() of the values first.
                        match super::panicval::next_preprint(vm.program, g) {
                            super::panicval::Preprint::Call { func, ctx } => {
                                ip = PREPRINT_STUB.as_ptr();
                                call!(func as usize, ctx);
                                break;
                            }
                            super::panicval::Preprint::Fatal(msg) => trap!(Trap::Fatal(msg)),
                            super::panicval::Preprint::Done => {}
                        }
                        let site = g.panics.last().map_or(0, |p| p.site_pc);
                        save!(site);
                        if g.panics.last().is_some_and(|p| p.value == PanicPayload::Goexit) {
                            return Trap::Goexit;
                        }
                        return Trap::Panicking;
                    };
                    let f = d.closure;
                    if f < NIL_PAGE {
                        // Calling a nil func value panics (a new panic at the same site).
                        let site = g.panics.last().map_or(0, |p| p.site_pc);
                        let site_fp = fp.offset_from(base) as usize;
                        let state = PanicState::new(PanicPayload::Runtime(RuntimeError::NilDeref { addr: 0 }), meta.id, site, site_fp);
                        g.panics.push(state);
                        continue;
                    }
                    let id = dynamic_target!(*(f as *const u64), 0, 0);
                    // The deferred call takes no arguments: its frame starts at `sp`.
                    // Recorded before the call, which may yield at the callee's entry.
                    let callee_fp = sp.offset_from(base) as usize;
                    if let Some(p) = g.panics.last_mut() {
                        p.running = Some(d);
                        p.defer_fp = Some(callee_fp);
                    }
                    ip = UNWIND_STUB.as_ptr();
                    call!(id, f);
                    break;
                }
            }};
        }
        // Starts a panic at the current instruction.
        macro_rules! raise {
            ($payload:expr) => {{
                std::hint::cold_path();
                let site = ip.offset_from(meta.code) as u32 - 1;
                let site_fp = fp.offset_from(base) as usize;
                g.panics.push(PanicState::new($payload, meta.id, site, site_fp));
                run_next_defer!();
                continue;
            }};
        }
        macro_rules! throw {
            ($e:expr) => {
                raise!(PanicPayload::Runtime($e))
            };
        }
        loop {
            // The handlers read their operands through `cur`: a copy of the instruction
            // in a local made LLVM decode every operand layout before the jump (~20%
            // slower), and so did any use of such a copy in a handler (another ~25%).
            let cur = ip;
            ip = ip.add(1);
            if COUNT {
                executed += 1;
                if let Some(c) = vm.executed_by_func.get_mut(meta.id as usize) {
                    *c += 1;
                }
            }
            match *cur {
                Instr::Nop | Instr::Landing => {}
                Instr::Const(v) => push!(v as i64 as u64),
                Instr::ConstWord(i) => push!(*meta.consts.add(i as usize)),
                Instr::Pop => sp = sp.sub(1),
                Instr::Dup => push!(*sp.sub(1)),
                Instr::Swap => {
                    let t = sp.sub(1);
                    let u = sp.sub(2);
                    ptr::swap(t, u);
                }
                Instr::Load(s) => push!(*fp.add(s as usize)),
                Instr::Load2 { a, b } => {
                    *sp = *fp.add(a as usize);
                    *sp.add(1) = *fp.add(b as usize);
                    sp = sp.add(2);
                }
                Instr::Store(s) => *fp.add(s as usize) = pop!(),
                Instr::LoadSlots { slot, n } => {
                    copy_words!(fp.add(slot as usize), sp, n as usize);
                    sp = sp.add(n as usize);
                }
                Instr::StoreSlots { slot, n } => {
                    sp = sp.sub(n as usize);
                    copy_words!(sp, fp.add(slot as usize), n as usize);
                }
                Instr::AddSlotImm { slot, imm } => {
                    let s = fp.add(slot as usize);
                    *s = (*s).wrapping_add(imm as i64 as u64);
                }
                Instr::LoadCtx => push!(g.ctx),

                Instr::AddI64 => binary!(|a, b| a.wrapping_add(b)),
                Instr::SubI64 => binary!(|a, b| a.wrapping_sub(b)),
                Instr::MulI64 => binary!(|a, b| a.wrapping_mul(b)),
                Instr::DivI64 | Instr::RemI64 | Instr::DivU64 | Instr::RemU64 => {
                    let b = pop!();
                    if b == 0 {
                        sp = sp.add(1);
                        throw!(RuntimeError::DivideByZero);
                    }
                    unary!(|a| match *cur {
                        Instr::DivI64 => (a as i64).wrapping_div(b as i64) as u64,
                        Instr::RemI64 => (a as i64).wrapping_rem(b as i64) as u64,
                        Instr::DivU64 => a / b,
                        _ => a % b,
                    })
                }
                Instr::NegI64 => unary!(|a| a.wrapping_neg()),
                Instr::And => binary!(|a, b| a & b),
                Instr::Or => binary!(|a, b| a | b),
                Instr::Xor => binary!(|a, b| a ^ b),
                Instr::AndNot => binary!(|a, b| a & !b),
                Instr::Not => unary!(|a| !a),
                Instr::Shl => binary!(|a, b| arith::shl(a, b)),
                Instr::ShrI64 => binary!(|a, b| arith::shr_signed(a, b)),
                Instr::ShrU64 => binary!(|a, b| arith::shr_unsigned(a, b)),
                Instr::CheckShift => {
                    if (*sp.sub(1) as i64) < 0 {
                        throw!(RuntimeError::NegativeShift);
                    }
                }
                Instr::AddImm(k) => unary!(|a| a.wrapping_add(k as i64 as u64)),
                Instr::SExt8 => unary!(|a| a as i8 as i64 as u64),
                Instr::SExt16 => unary!(|a| a as i16 as i64 as u64),
                Instr::SExt32 => unary!(|a| a as i32 as i64 as u64),
                Instr::ZExt8 => unary!(|a| a as u8 as u64),
                Instr::ZExt16 => unary!(|a| a as u16 as u64),
                Instr::ZExt32 => unary!(|a| a as u32 as u64),
                Instr::AddI32 => binary!(|a, b| (a as i32).wrapping_add(b as i32) as i64 as u64),
                Instr::SubI32 => binary!(|a, b| (a as i32).wrapping_sub(b as i32) as i64 as u64),
                Instr::MulI32 => binary!(|a, b| (a as i32).wrapping_mul(b as i32) as i64 as u64),

                Instr::Eq => binary!(|a, b| (a == b) as u64),
                Instr::Ne => binary!(|a, b| (a != b) as u64),
                Instr::LtI64 => binary!(|a, b| ((a as i64) < (b as i64)) as u64),
                Instr::LeI64 => binary!(|a, b| ((a as i64) <= (b as i64)) as u64),
                Instr::GtI64 => binary!(|a, b| ((a as i64) > (b as i64)) as u64),
                Instr::GeI64 => binary!(|a, b| ((a as i64) >= (b as i64)) as u64),
                Instr::LtU64 => binary!(|a, b| (a < b) as u64),
                Instr::LeU64 => binary!(|a, b| (a <= b) as u64),
                Instr::GtU64 => binary!(|a, b| (a > b) as u64),
                Instr::GeU64 => binary!(|a, b| (a >= b) as u64),
                Instr::Eqz => unary!(|a| (a == 0) as u64),

                Instr::AddF64 => f64op!(|a, b| (a + b).to_bits()),
                Instr::SubF64 => f64op!(|a, b| (a - b).to_bits()),
                Instr::MulF64 => f64op!(|a, b| (a * b).to_bits()),
                Instr::SqrtF64 => unary!(|a| f64::from_bits(a).sqrt().to_bits()),
                Instr::DivF64 => f64op!(|a, b| (a / b).to_bits()),
                Instr::NegF64 => unary!(|a| a ^ (1 << 63)),
                Instr::EqF64 => f64op!(|a, b| (a == b) as u64),
                Instr::NeF64 => f64op!(|a, b| (a != b) as u64),
                Instr::LtF64 => f64op!(|a, b| (a < b) as u64),
                Instr::LeF64 => f64op!(|a, b| (a <= b) as u64),
                Instr::GtF64 => f64op!(|a, b| (a > b) as u64),
                Instr::GeF64 => f64op!(|a, b| (a >= b) as u64),
                Instr::AddF32 => f32op!(|a, b| u64::from((a + b).to_bits())),
                Instr::SubF32 => f32op!(|a, b| u64::from((a - b).to_bits())),
                Instr::MulF32 => f32op!(|a, b| u64::from((a * b).to_bits())),
                Instr::DivF32 => f32op!(|a, b| u64::from((a / b).to_bits())),
                Instr::NegF32 => unary!(|a| (a ^ (1 << 31)) & 0xffff_ffff),
                Instr::EqF32 => f32op!(|a, b| (a == b) as u64),
                Instr::NeF32 => f32op!(|a, b| (a != b) as u64),
                Instr::LtF32 => f32op!(|a, b| (a < b) as u64),
                Instr::LeF32 => f32op!(|a, b| (a <= b) as u64),
                Instr::GtF32 => f32op!(|a, b| (a > b) as u64),
                Instr::GeF32 => f32op!(|a, b| (a >= b) as u64),
                Instr::MulC128 | Instr::DivC128 => {
                    sp = sp.sub(4);
                    let w = |i: usize| f64::from_bits(*sp.add(i));
                    let (a, b, c, d) = (w(0), w(1), w(2), w(3));
                    let (re, im) = if *cur == Instr::MulC128 {
                        runtime::complex::mul((a, b), (c, d))
                    } else {
                        runtime::complex::div((a, b), (c, d))
                    };
                    push!(re.to_bits());
                    push!(im.to_bits());
                }

                Instr::I64ToF64 => unary!(|a| (a as i64 as f64).to_bits()),
                Instr::U64ToF64 => unary!(|a| (a as f64).to_bits()),
                Instr::F64ToI64 => unary!(|a| arith::f64_to_i64(f64::from_bits(a)) as u64),
                Instr::F64ToU64 => unary!(|a| arith::f64_to_u64(f64::from_bits(a))),
                Instr::I64ToF32 => unary!(|a| u64::from((a as i64 as f32).to_bits())),
                Instr::U64ToF32 => unary!(|a| u64::from((a as f32).to_bits())),
                Instr::F32ToI64 => {
                    unary!(|a| arith::f64_to_i64(f64::from(f32::from_bits(a as u32))) as u64)
                }
                Instr::F32ToU64 => {
                    unary!(|a| arith::f64_to_u64(f64::from(f32::from_bits(a as u32))))
                }
                Instr::F32ToF64 => unary!(|a| f64::from(f32::from_bits(a as u32)).to_bits()),
                Instr::F64ToF32 => unary!(|a| u64::from((f64::from_bits(a) as f32).to_bits())),

                Instr::Jump(off) => jump!(off),
                Instr::JumpIf(off) => {
                    if pop!() != 0 {
                        jump!(off);
                    }
                }
                Instr::JumpIfNot(off) => {
                    if pop!() == 0 {
                        jump!(off);
                    }
                }
                Instr::BrEq(off) => cond!(off, |a, b| a == b),
                Instr::BrNe(off) => cond!(off, |a, b| a != b),
                Instr::BrLtI64(off) => cond!(off, |a, b| (a as i64) < (b as i64)),
                Instr::BrLeI64(off) => cond!(off, |a, b| (a as i64) <= (b as i64)),
                Instr::BrGtI64(off) => cond!(off, |a, b| (a as i64) > (b as i64)),
                Instr::BrGeI64(off) => cond!(off, |a, b| (a as i64) >= (b as i64)),
                Instr::BrLtU64(off) => cond!(off, |a, b| a < b),
                Instr::BrGeU64(off) => cond!(off, |a, b| a >= b),

                Instr::LoadAddImm { slot, imm } => {
                    push!((*fp.add(slot as usize)).wrapping_add(imm as i64 as u64))
                }
                Instr::AddSlot(slot) => unary!(|a| a.wrapping_add(*fp.add(slot as usize))),
                Instr::AddF64Slot(slot) => f64slot!(slot, |a, b| a + b),
                Instr::SubF64Slot(slot) => f64slot!(slot, |a, b| a - b),
                Instr::MulF64Slot(slot) => f64slot!(slot, |a, b| a * b),
                Instr::DivF64Slot(slot) => f64slot!(slot, |a, b| a / b),
                Instr::AddF64Slots { a, b } => push!(f64slots!(a, b, |x, y| x + y)),
                Instr::SubF64Slots { a, b } => push!(f64slots!(a, b, |x, y| x - y)),
                Instr::MulF64Slots { a, b } => push!(f64slots!(a, b, |x, y| x * y)),
                Instr::DivF64Slots { a, b } => push!(f64slots!(a, b, |x, y| x / y)),
                Instr::MulF64SlotField { a, p, off } => {
                    let f = ptr::read_unaligned(addr!(*fp.add(p as usize), off) as *const f64);
                    push!((f64::from_bits(*fp.add(a as usize)) * f).to_bits());
                }
                Instr::SubF64Fields { p, q, off } => {
                    let x = ptr::read_unaligned(addr!(*fp.add(p as usize), off) as *const f64);
                    let y = ptr::read_unaligned(addr!(*fp.add(q as usize), off) as *const f64);
                    push!((x - y).to_bits());
                }
                Instr::AddF64StoreField { slot, off } | Instr::SubF64StoreField { slot, off } => {
                    let y = f64::from_bits(pop!());
                    let x = f64::from_bits(pop!());
                    let v = if matches!(*cur, Instr::AddF64StoreField { .. }) { x + y } else { x - y };
                    let a = addr!(*fp.add(slot as usize), off);
                    ptr::write_unaligned(a as *mut f64, v);
                }
                Instr::AddF64Field { slot, off } => f64field!(slot, off, |a, b| a + b),
                Instr::SubF64Field { slot, off } => f64field!(slot, off, |a, b| a - b),
                Instr::MulF64Field { slot, off } => f64field!(slot, off, |a, b| a * b),
                Instr::DivF64Field { slot, off } => f64field!(slot, off, |a, b| a / b),
                Instr::LoadField { slot, off } | Instr::LoadFieldPtr { slot, off } => {
                    let a = addr!(*fp.add(slot as usize), off);
                    push!(ptr::read_unaligned(a as *const u64));
                }
                Instr::StoreField { slot, off } => {
                    let a = addr!(*fp.add(slot as usize), off);
                    ptr::write_unaligned(a as *mut u64, pop!());
                }
                Instr::AddSlots { dst, a, b } => {
                    *fp.add(dst as usize) = (*fp.add(a as usize)).wrapping_add(*fp.add(b as usize));
                }
                Instr::ElemAddr { base, index, size } => {
                    push!((*fp.add(base as usize)).wrapping_add((*fp.add(index as usize)).wrapping_mul(u64::from(size))));
                }
                Instr::IndexSlots { slice, index, size } => {
                    push!(slot_elem!(slice, index, size));
                }
                Instr::LoadIndexSlots { slice, index, width, signed } => {
                    let a = slot_elem!(slice, index, width);
                    push!(match (width, signed) {
                        (1, false) => u64::from(ptr::read_unaligned(a as *const u8)),
                        (1, true) => ptr::read_unaligned(a as *const i8) as i64 as u64,
                        (2, false) => u64::from(ptr::read_unaligned(a as *const u16)),
                        (2, true) => ptr::read_unaligned(a as *const i16) as i64 as u64,
                        (4, false) => u64::from(ptr::read_unaligned(a as *const u32)),
                        (4, true) => ptr::read_unaligned(a as *const i32) as i64 as u64,
                        _ => ptr::read_unaligned(a as *const u64),
                    });
                }
                Instr::LoadIndexSlotsPtr { slice, index } => {
                    push!(ptr::read_unaligned(slot_elem!(slice, index, 8u8) as *const u64));
                }
                Instr::StoreIndexSlotsImm { slice, index, imm, width } => {
                    store_index_slots!(slice, index, width, i64::from(imm) as u64);
                }
                Instr::StoreIndexSlots { slice, index, width } => {
                    let v = pop!();
                    store_index_slots!(slice, index, width, v);
                }
                Instr::BrLtImm { imm, off } => cond1!(off, |a| (a as i64) < i64::from(imm)),
                Instr::BrLeImm { imm, off } => cond1!(off, |a| (a as i64) <= i64::from(imm)),
                Instr::BrGtImm { imm, off } => cond1!(off, |a| (a as i64) > i64::from(imm)),
                Instr::BrGeImm { imm, off } => cond1!(off, |a| (a as i64) >= i64::from(imm)),
                Instr::BrEqImm { imm, off } => cond1!(off, |a| a == imm as i64 as u64),
                Instr::BrNeImm { imm, off } => cond1!(off, |a| a != imm as i64 as u64),
                Instr::BrLtSlot { slot, off } => cond1!(off, |a| (a as i64) < (*fp.add(slot as usize) as i64)),
                Instr::BrLeSlot { slot, off } => cond1!(off, |a| (a as i64) <= (*fp.add(slot as usize) as i64)),
                Instr::BrGtSlot { slot, off } => cond1!(off, |a| (a as i64) > (*fp.add(slot as usize) as i64)),
                Instr::BrGeSlot { slot, off } => cond1!(off, |a| (a as i64) >= (*fp.add(slot as usize) as i64)),
                Instr::BrEqSlot { slot, off } => cond1!(off, |a| a == *fp.add(slot as usize)),
                Instr::BrNeSlot { slot, off } => cond1!(off, |a| a != *fp.add(slot as usize)),
                Instr::BrLtUSlot { slot, off } => cond1!(off, |a| a < *fp.add(slot as usize)),
                Instr::BrGeUSlot { slot, off } => cond1!(off, |a| a >= *fp.add(slot as usize)),

                Instr::BrLtSlotImm { slot, imm, off } => {
                    if (*fp.add(slot as usize) as i64) < i64::from(imm) {
                        jump!(off);
                    }
                }
                Instr::BrLeSlotImm { slot, imm, off } => {
                    if (*fp.add(slot as usize) as i64) <= i64::from(imm) {
                        jump!(off);
                    }
                }
                Instr::BrGtSlotImm { slot, imm, off } => {
                    if (*fp.add(slot as usize) as i64) > i64::from(imm) {
                        jump!(off);
                    }
                }
                Instr::BrGeSlotImm { slot, imm, off } => {
                    if (*fp.add(slot as usize) as i64) >= i64::from(imm) {
                        jump!(off);
                    }
                }
                Instr::BrEqSlotImm { slot, imm, off } => {
                    if *fp.add(slot as usize) == imm as i64 as u64 {
                        jump!(off);
                    }
                }
                Instr::BrNeSlotImm { slot, imm, off } => {
                    if *fp.add(slot as usize) != imm as i64 as u64 {
                        jump!(off);
                    }
                }

                Instr::BrLtSlots { a, b, off } => {
                    if (*fp.add(a as usize) as i64) < (*fp.add(b as usize) as i64) {
                        jump!(off);
                    }
                }
                Instr::BrLeSlots { a, b, off } => {
                    if (*fp.add(a as usize) as i64) <= (*fp.add(b as usize) as i64) {
                        jump!(off);
                    }
                }
                Instr::BrGtSlots { a, b, off } => {
                    if (*fp.add(a as usize) as i64) > (*fp.add(b as usize) as i64) {
                        jump!(off);
                    }
                }
                Instr::BrGeSlots { a, b, off } => {
                    if (*fp.add(a as usize) as i64) >= (*fp.add(b as usize) as i64) {
                        jump!(off);
                    }
                }
                Instr::BrEqSlots { a, b, off } => {
                    if *fp.add(a as usize) == *fp.add(b as usize) {
                        jump!(off);
                    }
                }
                Instr::BrNeSlots { a, b, off } => {
                    if *fp.add(a as usize) != *fp.add(b as usize) {
                        jump!(off);
                    }
                }

                Instr::Load8S(off) => load!(off, i8, |v: i8| v as i64 as u64),
                Instr::Load8U(off) => load!(off, u8, u64::from),
                Instr::Load16S(off) => load!(off, i16, |v: i16| v as i64 as u64),
                Instr::Load16U(off) => load!(off, u16, u64::from),
                Instr::Load32S(off) => load!(off, i32, |v: i32| v as i64 as u64),
                Instr::Load32U(off) => load!(off, u32, u64::from),
                Instr::Load64(off) | Instr::LoadPtr(off) => load!(off, u64, |v: u64| v),
                Instr::Store8(off) => store!(off, u8),
                Instr::Store16(off) => store!(off, u16),
                Instr::Store32(off) => store!(off, u32),
                Instr::Store64(off) => store!(off, u64),
                Instr::LoadBlock(size) => {
                    let a = addr!(pop!(), 0);
                    let words = size.div_ceil(8) as usize;
                    *sp.add(words.saturating_sub(1)) = 0;
                    ptr::copy_nonoverlapping(a as *const u8, sp.cast::<u8>(), size as usize);
                    sp = sp.add(words);
                }
                Instr::StoreBlock(size) => {
                    let words = size.div_ceil(8) as usize;
                    sp = sp.sub(words + 1);
                    let a = addr!(*sp, 0);
                    ptr::copy_nonoverlapping(sp.add(1).cast::<u8>(), a as *mut u8, size as usize);
                }
                Instr::CopyBlock(size) => {
                    sp = sp.sub(2);
                    if size > 0 {
                        let dst = addr!(*sp, 0);
                        let src = addr!(*sp.add(1), 0);
                        ptr::copy(src as *const u8, dst as *mut u8, size as usize);
                    }
                }
                Instr::ZeroBlock(size) => {
                    let a = pop!();
                    if size > 0 {
                        let a = addr!(a, 0);
                        ptr::write_bytes(a as *mut u8, 0, size as usize);
                    }
                }
                Instr::AddrOff(off) => unary!(|a| a.wrapping_add(off as i64 as u64)),
                Instr::NilCheck => {
                    let a = *sp.sub(1);
                    if a == 0 {
                        throw!(RuntimeError::NilDeref { addr: 0 });
                    }
                }
                Instr::Index(size) | Instr::IndexU(size) => {
                    sp = sp.sub(2);
                    let (i, len) = (*sp, *sp.add(1));
                    if i >= len {
                        sp = sp.add(2);
                        let signed = matches!(*cur, Instr::Index(_));
                        let e = BoundsError { x: i as i64, y: len as i64, signed, code: BoundsCode::Index };
                        throw!(RuntimeError::Bounds(e));
                    }
                    unary!(|a| a.wrapping_add(i.wrapping_mul(u64::from(size))))
                }
                Instr::Bounds { code, signed } => {
                    let y = pop!();
                    let x = *sp.sub(1);
                    let code = BoundsCode::from_u8(code).unwrap_or(BoundsCode::Index);
                    let ok = if code == BoundsCode::Index { x < y } else { x <= y };
                    if !ok {
                        sp = sp.add(1);
                        let e = BoundsError { x: x as i64, y: y as i64, signed, code };
                        throw!(RuntimeError::Bounds(e));
                    }
                }

                Instr::Call(id) => {
                    call!(id as usize, 0);
                    if JIT {
                        jit_call!();
                    }
                }
                Instr::CallClosure { params, results } => {
                    let f = pop!();
                    if f < NIL_PAGE {
                        sp = sp.add(1);
                        throw!(RuntimeError::NilDeref { addr: f });
                    }
                    let word = *(f as *const u64);
                    if reflectcall::is_stub(vm, word) {
                        // A func value made by reflect: see `reflectcall`.
                        std::hint::cold_path();
                        let Some((plan, helper)) = reflectcall::stub_plan(vm, f, word) else {
                            trap!(Trap::Vm(VmError::BadCallTarget(word)))
                        };
                        if plan.params.len() != params as usize || plan.results.len() != results as usize {
                            trap!(Trap::Vm(VmError::BadCallTarget(word)));
                        }
                        let Ok(frame) = vm.alloc_frame(&plan) else { trap!(Trap::Vm(VmError::OutOfMemory)) };
                        let args = sp.sub(params as usize);
                        for (i, w) in plan.params.iter().enumerate() {
                            runtime::abi::store_frame_word(frame, *w, *args.add(i));
                        }
                        sp = args;
                        g.reflect_calls.push(reflectcall::PendingCall {
                            frame,
                            plan,
                            caller: meta.id,
                            caller_fp: fp.offset_from(base) as usize,
                            call_pc: (ip.offset_from(meta.code) - 1) as u32,
                            ret: ip as u64,
                        });
                        push!(f);
                        push!(frame);
                        ip = reflectcall::MAKEFUNC_STUB.as_ptr();
                        call!(helper as usize, 0);
                    } else {
                        let id = dynamic_target!(word, params, results);
                        call!(id, f);
                    }
                }
                Instr::ReflectCall => {
                    std::hint::cold_path();
                    // reflect.call's slots: frame type, func value, frame, ...
                    let (f, frame) = (*fp.add(1), *fp.add(2));
                    if f < NIL_PAGE {
                        throw!(RuntimeError::NilDeref { addr: f });
                    }
                    let word = *(f as *const u64);
                    if reflectcall::is_stub(vm, word) {
                        // Reflect calling a func value it made: its Go code runs on the
                        // frame as it is.
                        let Some((_, helper)) = reflectcall::stub_plan(vm, f, word) else {
                            trap!(Trap::Vm(VmError::BadCallTarget(word)))
                        };
                        push!(f);
                        push!(frame);
                        call!(helper as usize, 0);
                    } else {
                        if word >= nfuncs as u64 {
                            trap!(Trap::Vm(VmError::BadCallTarget(word)));
                        }
                        let callee: &Meta = &*metas.add(word as usize);
                        let Some(plan) = vm.program.function(word as u32).and_then(|f| f.frame.as_deref()) else {
                            let name = vm.program.function(word as u32).map_or(String::new(), |f| f.name.clone());
                            trap!(Trap::Vm(VmError::Unimplemented(format!("reflect.Value.Call of {name}"))))
                        };
                        if plan.params.len() != callee.nparams || plan.results.len() != callee.nresults {
                            trap!(Trap::Vm(VmError::BadCallTarget(word)));
                        }
                        // Room for the arguments, which `call!` then takes as the
                        // callee's first slots.
                        if sp.add(callee.nparams + callee.need) > stack_end {
                            let sp_idx = sp.offset_from(base) as usize;
                            let fp_idx = fp.offset_from(base);
                            if g.stack.grow(sp_idx + callee.nparams + callee.need, limit).is_err() {
                                trap!(Trap::Overflow);
                            }
                            base = g.stack.words_mut().as_mut_ptr();
                            stack_end = base.add(g.stack.len());
                            fp = base.offset(fp_idx);
                            sp = base.add(sp_idx);
                        }
                        for w in &plan.params {
                            push!(runtime::abi::load_frame_word(frame, *w));
                        }
                        call!(word as usize, f);
                    }
                }
                Instr::ReflectResults => {
                    std::hint::cold_path();
                    let (f, frame) = (*fp.add(1), *fp.add(2));
                    let word = *(f as *const u64);
                    if !reflectcall::is_stub(vm, word)
                        && let Some(plan) = vm.program.function(word as u32).and_then(|f| f.frame.as_deref())
                    {
                        sp = sp.sub(plan.results.len());
                        for (i, w) in plan.results.iter().enumerate() {
                            runtime::abi::store_frame_word(frame, *w, *sp.add(i));
                        }
                    }
                }
                Instr::MakeFuncReturn => {
                    std::hint::cold_path();
                    let Some(p) = g.reflect_calls.pop() else {
                        trap!(Trap::Vm(VmError::BadEntry("a reflect call returned twice".into())))
                    };
                    for w in &p.plan.results {
                        push!(runtime::abi::load_frame_word(p.frame, *w));
                    }
                    ip = p.ret as *const Instr;
                }
                Instr::CallIface { method, params, results } => {
                    let itab = pop!();
                    if itab < NIL_PAGE {
                        sp = sp.add(1);
                        throw!(RuntimeError::NilDeref { addr: itab });
                    }
                    let slot = (itab + 24 + 8 * u64::from(method)) as *const u64;
                    let id = dynamic_target!(ptr::read_unaligned(slot), params, results);
                    call!(id, 0);
                    if JIT {
                        jit_call!();
                    }
                }
                Instr::CallNative(id) => {
                    save!(ip.offset_from(meta.code) - 1);
                    let Some(native) = vm.program.native(id) else {
                        trap!(Trap::Vm(VmError::BadCallTarget(u64::from(id))));
                    };
                    let (np, nr) = (native.sig.params.len(), native.sig.results.len());
                    let mut results = [0u64; 64];
                    let args = std::slice::from_raw_parts(sp.sub(np), np);
                    let Some(out) = results.get_mut(..nr) else {
                        trap!(Trap::Vm(VmError::BadCallTarget(u64::from(id))));
                    };
                    if vm.heap.collection_due() {
                        vm.collect(g);
                    }
                    let outcome = (native.func)(&mut NativeCx::new(vm, g), args, out);
                    // What the native asked for after its call (its results stand).
                    let mut after = None;
                    match outcome {
                        Ok(()) => {}
                        Err(NativeError::Panic(e)) => throw!(e),
                        Err(NativeError::OutOfMemory) => trap!(Trap::Vm(VmError::OutOfMemory)),
                        Err(NativeError::Internal(msg)) => {
                            trap!(Trap::Vm(VmError::Native(native.name.clone(), msg)))
                        }
                        Err(NativeError::Unimplemented(what)) => trap!(Trap::Vm(VmError::Unimplemented(what))),
                        Err(NativeError::Fatal(msg)) => trap!(Trap::Fatal(msg)),
                        Err(NativeError::Exit(code)) => trap!(Trap::Exit(code)),
                        Err(NativeError::Goexit) => raise!(PanicPayload::Goexit),
                        Err(NativeError::Park { key, reason }) => {
                            std::hint::cold_path();
                            g.wait = Some(super::sched::WaitReason::Sync(reason));
                            vm.sched.park_on(key, g.slot);
                            trap!(Trap::Block);
                        }
                        Err(e @ (NativeError::Yield | NativeError::Collect)) => after = Some(e),
                    }
                    sp = sp.sub(np);
                    ptr::copy_nonoverlapping(out.as_ptr(), sp, nr);
                    sp = sp.add(nr);
                    match after {
                        Some(NativeError::Yield) => {
                            std::hint::cold_path();
                            save!(ip.offset_from(meta.code));
                            return Trap::Yield;
                        }
                        Some(_) => {
                            std::hint::cold_path();
                            save!(ip.offset_from(meta.code));
                            vm.collect_forced(g);
                        }
                        None => {}
                    }
                }
                Instr::Ret => {
                    let n = meta.nresults;
                    ret!(sp.sub(n), n);
                }
                Instr::RetSlot(slot) => ret!(fp.add(slot as usize), 1),

                Instr::Print(kind) => {
                    // Rare: kept out of the hot loop's register allocation.
                    std::hint::cold_path();
                    let n = kind.words() as usize;
                    sp = sp.sub(n);
                    let words = std::slice::from_raw_parts(sp, n);
                    vm.print(kind, words);
                }

                Instr::Alloc(t) => {
                    save!(ip.offset_from(meta.code) - 1);
                    match vm.alloc(g, t, 1) {
                        Ok(p) => push!(p),
                        Err(Trap::Runtime(e)) => throw!(e),
                        Err(trap) => trap!(trap),
                    }
                }
                Instr::MakeSlice(t) => {
                    // Saved with the inputs on the stack: the stack map says so.
                    save!(ip.offset_from(meta.code) - 1);
                    let (len, cap) = (*sp.sub(2) as i64, *sp.sub(1) as i64);
                    match vm.make_slice(g, t, len, cap) {
                        Ok(p) => {
                            sp = sp.sub(2);
                            push!(p);
                            push!(len as u64);
                            push!(cap as u64);
                        }
                        Err(Trap::Runtime(e)) => throw!(e),
                        Err(trap) => trap!(trap),
                    }
                }
                Instr::GrowSlice(t) => {
                    save!(ip.offset_from(meta.code) - 1);
                    let (ptr, len, cap, n) = (*sp.sub(4), *sp.sub(3) as i64, *sp.sub(2) as i64, *sp.sub(1) as i64);
                    match vm.grow_slice(g, t, ptr, len, cap, n) {
                        Ok((p, new_len, new_cap)) => {
                            sp = sp.sub(4);
                            push!(p);
                            push!(new_len as u64);
                            push!(new_cap as u64);
                        }
                        Err(Trap::Runtime(e)) => throw!(e),
                        Err(trap) => trap!(trap),
                    }
                }
                Instr::Panic => {
                    std::hint::cold_path();
                    let data = pop!();
                    let typ = pop!();
                    // A recovered run-time error panicked again (`panic(recover())`) is
                    // the same error, as in gc.
                    raise!(super::panicval::panic_payload(g, typ, data));
                }
                Instr::Defer => {
                    std::hint::cold_path();
                    let f = pop!();
                    let fp_idx = fp.offset_from(base) as usize;
                    g.defers.push(DeferRecord { fp: fp_idx, func: meta.id, closure: f });
                }
                Instr::FrameToken => {
                    std::hint::cold_path();
                    let fp_idx = fp.offset_from(base) as usize;
                    push!(pack_func_fp(meta.id, fp_idx));
                }
                Instr::DeferAt => {
                    std::hint::cold_path();
                    let token = pop!();
                    let f = pop!();
                    let (func, fp_idx) = unpack_func_fp(token);
                    g.defers.push(DeferRecord { fp: fp_idx, func, closure: f });
                }
                Instr::RunDefers => {
                    std::hint::cold_path();
                    let fp_idx = fp.offset_from(base) as usize;
                    if let Some(d) = g.take_defer_of(fp_idx) {
                        if d.closure < NIL_PAGE {
                            throw!(RuntimeError::NilDeref { addr: 0 });
                        }
                        let id = dynamic_target!(*(d.closure as *const u64), 0, 0);
                        // Return to this instruction, which then runs the next one.
                        ip = ip.sub(1);
                        call!(id, d.closure);
                    }
                }
                Instr::Recover => {
                    std::hint::cold_path();
                    let fp_idx = fp.offset_from(base) as usize;
                    // The deferred call itself, or the function a defer thunk called.
                    let (caller, caller_fp) = unpack_func_fp(*fp.add(meta.frame_size + 1));
                    // The deferred call may be a defer thunk that called this function,
                    // possibly through frames recover looks through (method wrappers,
                    // reflect's call machinery), or one of those frames itself.
                    let via_thunk = |d: usize| {
                        let (mut f, mut f_fp) = (caller, caller_fp);
                        loop {
                            let Some(m) = vm.metas.get(f as usize) else { return false };
                            if f_fp == d && (m.defer_wrapper || m.recover_transparent) {
                                return true;
                            }
                            if !m.recover_transparent {
                                return false;
                            }
                            (f, f_fp) = unpack_func_fp(*base.add(f_fp + m.frame_size + 1));
                        }
                    };
                    // In a thunk (`defer recover()`), recover() is called by the function
                    // running the thunk: it works if that function is the deferred call.
                    let is_thunk = meta.defer_wrapper;
                    let ok = |d: usize| if is_thunk { caller_fp == d } else { d == fp_idx || via_thunk(d) };
                    match g.panics.last_mut() {
                        Some(p) if !p.recovered && p.value != PanicPayload::Goexit && p.defer_fp.is_some_and(ok) => {
                            p.recovered = true;
                            let (typ, data) = super::panicval::recover_words(vm.program, &mut *vm.heap, p);
                            push!(typ);
                            push!(data);
                        }
                        _ => {
                            push!(0);
                            push!(0);
                        }
                    }
                }
                Instr::Unwind => {
                    std::hint::cold_path();
                    // A deferred call run by a panic returned: we are back in the frame
                    // that was on top when the panic started.
                    let Some(p) = g.panics.last() else {
                        trap!(Trap::Vm(VmError::BadEntry("unwind without a panic".into())));
                    };
                    ip = meta.code.add(p.site_pc as usize + 1);
                    if p.recovered {
                        let Some(d) = p.running else {
                            trap!(Trap::Vm(VmError::BadEntry("recovered panic without a deferred call".into())));
                        };
                        // The panic is over, and so is every earlier one whose deferred
                        // call ran in a frame above the one that resumes (gc's aborted
                        // panics). One whose deferred call *is* that frame stays: that
                        // call recovered it earlier and is still running.
                        g.panics.pop();
                        g.panics.retain(|q| q.defer_fp.is_some_and(|f| f <= d.fp));
                        // The frame that deferred the recovering call finishes normally.
                        meta = &*metas.add(d.func as usize);
                        fp = base.add(d.fp);
                        sp = fp.add(meta.frame_size + FRAME_RECORD_WORDS);
                        if meta.recover_pc != u32::MAX {
                            ip = meta.code.add(meta.recover_pc as usize);
                        } else {
                            let n = meta.nresults;
                            for _ in 0..n {
                                push!(0);
                            }
                            ret!(sp.sub(n), n);
                        }
                    } else {
                        run_next_defer!();
                    }
                }
                Instr::PanicPrinted => {
                    std::hint::cold_path();
                    // A `preprint` call returned its (kind, ptr, len).
                    let len = pop!();
                    let ptr = pop!();
                    let kind = pop!();
                    super::panicval::preprinted(g, kind, ptr, len);
                    run_next_defer!();
                }
                // ---- maps (see `super::map`)
                Instr::MapLen => unary!(|m| super::map::len(m)),
                Instr::MapLoad(c) | Instr::MapLoadOk(c) => {
                    let mt = super::map::map_type(*meta.consts.add(c as usize));
                    match super::map::load(mt, sp, matches!(*cur, Instr::MapLoadOk(_))) {
                        Ok(top) => sp = top,
                        Err(e) => throw!(e),
                    }
                }
                Instr::MapNew(c) | Instr::MapStore(c) => {
                    // May allocate: collect first if due (every goroutine's roots), with
                    // the inputs on the stack.
                    save!(ip.offset_from(meta.code) - 1);
                    if vm.heap.collection_due() {
                        vm.collect(g);
                    }
                    let mt = super::map::map_type(*meta.consts.add(c as usize));
                    let mut a = super::map::HeapAlloc { heap: &mut *vm.heap, program: vm.program };
                    let r = match *cur {
                        Instr::MapNew(_) => super::map::new(mt, sp, &mut a),
                        _ => super::map::store(mt, sp, &mut a),
                    };
                    match r {
                        Ok(top) => sp = top,
                        Err(runtime::map::MapError::Panic(e)) => throw!(e),
                        Err(runtime::map::MapError::OutOfMemory) => trap!(Trap::Vm(VmError::OutOfMemory)),
                    }
                }
                Instr::MapRemove(c) => {
                    let mt = super::map::map_type(*meta.consts.add(c as usize));
                    match super::map::remove(mt, sp) {
                        Ok(top) => sp = top,
                        Err(e) => throw!(e),
                    }
                }
                Instr::MapClear(c) => sp = super::map::clear(super::map::map_type(*meta.consts.add(c as usize)), sp),
                Instr::MapRangeInit(slot) => {
                    std::hint::cold_path();
                    let m = pop!();
                    super::map::range_init(fp.add(slot as usize), m);
                }
                Instr::MapRangeNext { c, slot } => {
                    let mt = super::map::map_type(*meta.consts.add(c as usize));
                    match super::map::range_next(mt, fp.add(slot as usize)) {
                        Ok(ok) => push!(u64::from(ok)),
                        Err(e) => throw!(e),
                    }
                }
                Instr::EqWords(c) => match super::map::eq_words(*meta.consts.add(c as usize), sp) {
                    Ok(top) => sp = top,
                    Err(e) => throw!(e),
                },
                // Channels and goroutines (`vm::chan`).
                Instr::MakeChan(t) => {
                    std::hint::cold_path();
                    save!(ip.offset_from(meta.code) - 1);
                    match vm.make_chan(g, t, *sp.sub(1) as i64) {
                        Ok(c) => *sp.sub(1) = c,
                        Err(Trap::Runtime(e)) => throw!(e),
                        Err(trap) => trap!(trap),
                    }
                }
                Instr::ChanSend(_) | Instr::ChanRecv(_) | Instr::ChanClose | Instr::Select(_) => {
                    std::hint::cold_path();
                    save!(ip.offset_from(meta.code) - 1);
                    let step = match *cur {
                        Instr::ChanSend(t) => vm.chan_send(g, t),
                        Instr::ChanRecv(t) => vm.chan_recv(g, t),
                        Instr::Select(n) => vm.select(g, n),
                        _ => vm.chan_close(g),
                    };
                    match step {
                        Step::Done => sp = base.add(g.sp),
                        Step::Block => return Trap::Block,
                        Step::Panic(e) => throw!(e),
                        Step::Vm(e) => trap!(Trap::Vm(e)),
                    }
                }
                Instr::Go => {
                    std::hint::cold_path();
                    let f = pop!();
                    save!(ip.offset_from(meta.code) - 1);
                    if let Err(trap) = vm.go(g, f) {
                        trap!(trap);
                    }
                }
            }
        }
    }
}

impl Vm<'_> {
    /// Formats one `print` operand to the VM's output (gc writes each piece at once,
    /// unbuffered, and ignores write errors).
    fn print(&mut self, kind: PrintKind, w: &[u64]) {
        use runtime::print as p;
        let word = |i: usize| w.get(i).copied().unwrap_or(0);
        let mut buf = Vec::with_capacity(32);
        match kind {
            PrintKind::Int => p::int(&mut buf, word(0) as i64),
            PrintKind::Uint => p::uint(&mut buf, word(0)),
            PrintKind::F64 => p::float64(&mut buf, f64::from_bits(word(0))),
            PrintKind::F32 => p::float32(&mut buf, f32::from_bits(word(0) as u32)),
            PrintKind::C128 => p::complex128(&mut buf, f64::from_bits(word(0)), f64::from_bits(word(1))),
            PrintKind::C64 => {
                p::complex64(&mut buf, f32::from_bits(word(0) as u32), f32::from_bits(word(1) as u32))
            }
            PrintKind::Bool => p::bool(&mut buf, word(0) != 0),
            PrintKind::String => {
                let (ptr, len) = (word(0), word(1) as usize);
                if len > 0 && ptr != 0 {
                    // SAFETY: a Go string header points at `len` readable bytes.
                    buf.extend_from_slice(unsafe { std::slice::from_raw_parts(ptr as *const u8, len) });
                }
            }
            PrintKind::Pointer => p::hex(&mut buf, word(0)),
            PrintKind::Slice => p::slice(&mut buf, word(0), word(1) as i64, word(2) as i64),
            PrintKind::Iface => p::iface(&mut buf, word(0), word(1)),
            PrintKind::Space => buf.push(b' '),
            PrintKind::Newline => buf.push(b'\n'),
        }
        let _ = self.out.write_all(&buf);
    }

    /// Allocates `count` values of type `t` through the heap hook, first collecting if
    /// the heap asks for it (`g`'s state must be saved: its stack is a root).
    fn alloc(&mut self, g: &Goroutine, t: u32, count: u64) -> Result<u64, Trap> {
        let Some(layout) = self.program.type_layout(t) else {
            return Err(Trap::Vm(VmError::BadType(t)));
        };
        if self.heap.collection_due() {
            self.collect(g);
        }
        match self.heap.alloc(t, layout, count) {
            Ok(p) => Ok(p as u64),
            Err(_) => Err(Trap::Vm(VmError::OutOfMemory)),
        }
    }

    /// `append`'s growth (see [`Instr::GrowSlice`]): returns the new (ptr, len, cap).
    fn grow_slice(&mut self, g: &Goroutine, t: u32, ptr: u64, len: i64, cap: i64, n: i64) -> Result<(u64, i64, i64), Trap> {
        let Some(layout) = self.program.type_layout(t) else {
            return Err(Trap::Vm(VmError::BadType(t)));
        };
        let new_len = len.wrapping_add(n);
        if new_len >= len && new_len <= cap {
            return Ok((ptr, new_len, cap));
        }
        let noscan = layout.pointers.iter().next().is_none();
        let (new_cap, _) = grow_cap(new_len, cap, layout.size, noscan).map_err(Trap::Runtime)?;
        let p = self.alloc(g, t, new_cap as u64)?;
        let bytes = (len as u64).saturating_mul(layout.size);
        if bytes > 0 && ptr != 0 {
            // SAFETY: the old array holds `len` elements; the new one has room for
            // `new_cap >= len` of them; they are distinct objects.
            unsafe { ptr::copy_nonoverlapping(ptr as *const u8, p as *mut u8, bytes as usize) };
        }
        Ok((p, new_len, new_cap))
    }

    /// `make([]T, len, cap)` with gc's checks (`runtime.makeslice`): a length or
    /// capacity that is negative, inconsistent, or whose bytes exceed gc's `maxAlloc`
    /// panics; then the array is allocated.
    fn make_slice(&mut self, g: &Goroutine, t: u32, len: i64, cap: i64) -> Result<u64, Trap> {
        /// gc's `maxAlloc` on linux/amd64.
        const MAX_ALLOC: u128 = 1 << 48;
        let size = self.program.type_layout(t).map_or(0, |l| u128::from(l.size));
        let too_big = |n: i64| n < 0 || (n as u128) * size > MAX_ALLOC;
        if too_big(cap) || len > cap || len < 0 {
            let msg = if too_big(len) { "makeslice: len out of range" } else { "makeslice: cap out of range" };
            return Err(Trap::Runtime(RuntimeError::Runtime(msg.into())));
        }
        self.alloc(g, t, cap as u64)
    }
}
