//! Code generation: a [`Region`] to a Cranelift function `extern "C" fn(ctx, fp) -> u32`.
//!
//! # Values
//!
//! Frame slots and operand-stack positions live in Cranelift `Variable`s: the slots the
//! region touches are loaded from the frame on entry, every read and write of a slot is
//! a `use_var`/`def_var`, and Cranelift's SSA construction turns them into registers and
//! phis (so slot stores forward to later loads, and nothing goes through memory while
//! the loop runs). Inside a block the operand stack is a plain list of SSA values;
//! between blocks it passes through one variable per stack position.
//!
//! # Exits
//!
//! Everything the interpreter would do differently is an exit: a check that fails (nil
//! page, index, division by zero, negative shift count: the interpreter then redoes the
//! instruction and raises the panic, so messages and tracebacks are its own), an
//! instruction the JIT does not compile (calls, allocation, channel operations: the
//! interpreter runs it), leaving the loop, and a spent preemption budget. An exit block
//! stores every slot the region writes and the operand stack as it was *before* the
//! instruction, records the resume pc and depth in the context, and returns its number.
//! A fused instruction's effects all come at the end of its expansion (see the opcode
//! table), so resuming at the fused instruction itself redoes it whole.
//!
//! No exit or check needs a garbage-collection root: compiled code neither allocates
//! nor calls anything that could collect, and every live value is back in its frame
//! slot before the interpreter runs again.

use crate::region::{Block, Region, RegionKind, Step};
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{AbiParam, Block as ClBlock, FuncRef, InstBuilder, MemFlagsData, Type, Value, types};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext, Variable};
use interp::bytecode::{Function, Instr, Program};
use interp::vm::jit::{STATUS_INNER_EXIT, STATUS_RETURNED, ctx_offsets};
use interp::vm::stack::{FRAME_RECORD_WORDS, pack_func_fp};
use std::collections::{BTreeSet, HashMap};

/// Addresses below this are the nil page (as the interpreter's checks).
const NIL_PAGE: i64 = 4096;

/// One exit of a compiled loop: where the interpreter resumes, and why.
#[derive(Clone, Debug)]
pub struct ExitInfo {
    /// The resume pc.
    pub pc: u32,
    /// What kind of exit it is (for logs).
    pub kind: ExitKind,
}

/// Why compiled code leaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExitKind {
    /// Control left the loop.
    LoopExit,
    /// An instruction the JIT does not compile.
    Unsupported,
    /// A check failed: the interpreter raises the panic.
    Check,
    /// The preemption budget ran out.
    Budget,
    /// An interface call whose target has no compiled code (yet).
    Dispatch,
    /// The slow path of an instruction whose fast path is compiled (`append` that
    /// must grow the array: the interpreter allocates).
    SlowPath,
}

/// What code generation needs to know besides the region.
pub struct Env<'a> {
    /// The program (callees' signatures and frames).
    pub program: &'a Program,
    /// The function the region belongs to, and its id.
    pub f: &'a Function,
    /// See `f`.
    pub func_id: u32,
    /// Compiled functions a static call may call directly, as references in the
    /// function being built (made with `declare_func_in_func`).
    pub callees: HashMap<u32, FuncRef>,
    /// Functions not compiled yet that a static call calls through the table of
    /// compiled functions (exiting while they have no entry); a callee in neither
    /// map is not compilable, and a call of it exits.
    pub table_calls: std::collections::HashSet<u32>,
    /// Inline-cache words the code refers to (the JIT keeps them as long as the code).
    pub sites: std::cell::RefCell<Vec<Box<[u64; 4]>>>,
    /// The address of the JIT's table of compiled functions, one [`FnRow`] per
    /// function of the program (interface calls look their target up there).
    pub fn_table: u64,
}

/// A row of the compiled-function table: the native entry (0 when not compiled), the
/// call-site word counts it takes (`params | results << 16`), its frame's slot bytes
/// and the bytes its frame needs on the VM stack.
pub type FnRow = [u64; 4];

/// The word counts of a call site as the table's second column has them.
pub fn sig_word(params: usize, results: usize) -> u64 {
    params as u64 | (results as u64) << 16
}

/// How a compiled call reaches its callee.
enum CallTarget {
    /// A static call of a compiled function.
    Direct { fref: FuncRef, frame_bytes: i64, need: i64 },
    /// Through a native entry found at run time.
    Indirect { fnptr: Value, frame_bytes: Value, need: Value },
}

/// The signature of compiled loops and of the interpreter's entries into compiled
/// functions (trampolines): `(ctx, fp) -> status`, the budget in the context.
pub fn signature(sig: &mut cranelift_codegen::ir::Signature) {
    sig.params.push(AbiParam::new(types::I64));
    sig.params.push(AbiParam::new(types::I64));
    sig.returns.push(AbiParam::new(types::I32));
}

/// The signature of a compiled function, which compiled code calls directly:
/// `(ctx, fp, budget, depth, args...) -> (status, budget, results...)`. The budget and
/// the native-call depth left travel in registers, and so do the arguments and
/// results (the frame in memory is written only when the function exits).
pub fn fn_signature(sig: &mut cranelift_codegen::ir::Signature, params: usize, results: usize) {
    // Cranelift's `tail` convention returns more values in registers than the
    // platform's C convention (which has two), and compiled functions call only each
    // other (the interpreter goes through a trampoline).
    sig.call_conv = cranelift_codegen::isa::CallConv::Tail;
    for _ in 0..4 + params {
        sig.params.push(AbiParam::new(types::I64));
    }
    sig.returns.push(AbiParam::new(types::I32));
    for _ in 0..1 + results {
        sig.returns.push(AbiParam::new(types::I64));
    }
}

/// The interpreter's entry into compiled function `callee` (with `params` argument
/// and `results` result words): a `(ctx, fp) -> status` function that loads the
/// arguments from the frame and the budget from the context, calls it, and stores the
/// budget back and, when it returned, its results at `fp[0..]`.
pub fn build_trampoline(
    func: &mut cranelift_codegen::ir::Function,
    fctx: &mut FunctionBuilderContext,
    callee: FuncRef,
    params: usize,
    results: usize,
    target: cranelift_codegen::isa::TargetFrontendConfig,
) {
    let mut b = FunctionBuilder::new(func, fctx);
    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    b.switch_to_block(entry);
    let ctx = b.block_params(entry)[0];
    let fp = b.block_params(entry)[1];
    let flags = MemFlagsData::trusted();
    let budget = b.ins().load(types::I64, flags, ctx, ctx_offsets::BUDGET);
    let depth = b.ins().iconst(types::I64, i64::from(interp::vm::jit::NATIVE_DEPTH));
    let mut args = vec![ctx, fp, budget, depth];
    for i in 0..params {
        args.push(b.ins().load(types::I64, flags, fp, slot_offset(i as u32)));
    }
    let call = b.ins().call(callee, &args);
    let rets = b.inst_results(call).to_vec();
    b.ins().store(flags, rets[1], ctx, ctx_offsets::BUDGET);
    let want = b.ins().iconst(types::I32, i64::from(STATUS_RETURNED));
    let returned = b.ins().icmp(IntCC::Equal, rets[0], want);
    let store = b.create_block();
    let done = b.create_block();
    b.ins().brif(returned, store, &[], done, &[]);
    b.switch_to_block(store);
    for i in 0..results {
        b.ins().store(flags, rets[2 + i], fp, slot_offset(i as u32));
    }
    b.ins().jump(done, &[]);
    b.switch_to_block(done);
    b.ins().return_(&[rets[0]]);
    b.seal_all_blocks();
    b.finalize(target);
}

/// Builds the body of `func` (whose signature [`signature`] made) for `region`;
/// returns the exits by number.
pub fn build(
    func: &mut cranelift_codegen::ir::Function,
    fctx: &mut FunctionBuilderContext,
    env: &Env<'_>,
    region: &Region,
    target: cranelift_codegen::isa::TargetFrontendConfig,
) -> Result<Vec<ExitInfo>, String> {
    let mut b = FunctionBuilder::new(func, fctx);
    let mut g = Gen::new(&mut b, env, region);
    let r = g.run();
    let exits = std::mem::take(&mut g.exits);
    // Finalizing also resets the builder context for the next function, so it runs
    // on errors too.
    b.seal_all_blocks();
    b.finalize(target);
    r.map(|()| exits)
}

struct Gen<'a, 'b> {
    b: &'a mut FunctionBuilder<'b>,
    env: &'a Env<'a>,
    f: &'a Function,
    region: &'a Region,
    ctx: Value,
    fp: Value,
    slots: HashMap<u32, Variable>,
    /// Slots the region writes: the exits store them back.
    written: BTreeSet<u32>,
    stack_vars: Vec<Variable>,
    budget: Variable,
    /// Native calls that may still nest (function regions get it as an argument).
    native_depth: Option<Value>,
    iterations: Variable,
    blocks: HashMap<u32, ClBlock>,
    exits: Vec<ExitInfo>,
    /// Words that are the bits of an `f64` value computed here, and that value.
    floats: HashMap<Value, Value>,
    /// Guards already made in the current block (SSA values: the same value passes the
    /// same check again): bases known not to be in the nil page, and (index, length)
    /// pairs known in bounds. Redundant-guard elimination within a block.
    non_nil: std::collections::HashSet<Value>,
    in_bounds: std::collections::HashSet<(Value, Value)>,
    /// The exit blocks of the current bytecode instruction, by resume pc, kind and
    /// operand stack: its guards share them (Cranelift's SSA construction gives a
    /// shared exit the slot values of each guard).
    exit_blocks: HashMap<(u32, ExitKind, Vec<Value>), ClBlock>,
}

/// The operand stack while generating a block.
type Stack = Vec<Value>;

impl<'a, 'b> Gen<'a, 'b> {
    fn new(b: &'a mut FunctionBuilder<'b>, env: &'a Env<'a>, region: &'a Region) -> Gen<'a, 'b> {
        let entry = b.create_block();
        b.append_block_params_for_function_params(entry);
        b.switch_to_block(entry);
        let ctx = b.block_params(entry)[0];
        let fp = b.block_params(entry)[1];
        let budget = b.declare_var(types::I64);
        let iterations = b.declare_var(types::I64);
        Gen {
            b,
            env,
            f: env.f,
            region,
            ctx,
            fp,
            slots: HashMap::new(),
            written: BTreeSet::new(),
            stack_vars: Vec::new(),
            budget,
            native_depth: None,
            iterations,
            blocks: HashMap::new(),
            exits: Vec::new(),
            floats: HashMap::new(),
            non_nil: std::collections::HashSet::new(),
            in_bounds: std::collections::HashSet::new(),
            exit_blocks: HashMap::new(),
        }
    }

    /// Slots every instruction of the region names (reads and writes), and the written ones.
    fn scan_slots(&mut self) {
        // (Runs in the entry block, whose parameters a function region reads.)
        let mut used = BTreeSet::new();
        for block in self.region.blocks.values() {
            for step in &block.steps {
                let Step::Ops { ops, .. } = step else { continue };
                for op in ops {
                    match *op {
                        Instr::Load(s) => {
                            used.insert(s);
                        }
                        Instr::Store(s) => {
                            used.insert(s);
                            self.written.insert(s);
                        }
                        Instr::LoadSlots { slot, n } => used.extend(slot..slot + u32::from(n)),
                        Instr::StoreSlots { slot, n } => {
                            used.extend(slot..slot + u32::from(n));
                            self.written.extend(slot..slot + u32::from(n));
                        }
                        _ => {}
                    }
                }
            }
        }
        if self.region.kind == RegionKind::Function {
            // The whole frame: the arguments from memory, the other slots zero (as the
            // interpreter's call makes them); exits write all of it back.
            let params = self.f.sig.params.len() as u32;
            let entry = self.b.current_block().expect("the entry block");
            let args = self.b.block_params(entry).to_vec();
            for s in 0..self.f.frame_size {
                let v = self.b.declare_var(types::I64);
                let w = match args.get(4 + s as usize) {
                    Some(&a) if s < params => a,
                    _ => self.b.ins().iconst(types::I64, 0),
                };
                self.b.def_var(v, w);
                self.slots.insert(s, v);
                self.written.insert(s);
            }
            return;
        }
        for s in used {
            let v = self.b.declare_var(types::I64);
            let w = self.b.ins().load(types::I64, MemFlagsData::trusted(), self.fp, slot_offset(s));
            self.b.def_var(v, w);
            self.slots.insert(s, v);
        }
    }

    fn run(&mut self) -> Result<(), String> {
        self.scan_slots();
        for _ in 0..self.region.max_depth {
            let v = self.b.declare_var(types::I64);
            self.stack_vars.push(v);
        }
        let budget = match self.region.kind {
            RegionKind::Loop => self.b.ins().load(types::I64, MemFlagsData::trusted(), self.ctx, ctx_offsets::BUDGET),
            RegionKind::Function => {
                let entry = self.b.current_block().ok_or("no entry block")?;
                let params = self.b.block_params(entry).to_vec();
                self.native_depth = params.get(3).copied();
                *params.get(2).ok_or("no budget parameter")?
            }
        };
        self.b.def_var(self.budget, budget);
        let zero = self.b.ins().iconst(types::I64, 0);
        self.b.def_var(self.iterations, zero);
        // The operand words present at the header.
        let header = self.region.blocks.get(&self.region.header).ok_or("no header block")?;
        for i in 0..header.depth {
            let off = self.stack_offset(i);
            let w = self.b.ins().load(types::I64, MemFlagsData::trusted(), self.fp, off);
            let v = self.stack_var(i)?;
            self.b.def_var(v, w);
        }
        for &start in self.region.blocks.keys() {
            let blk = self.b.create_block();
            self.blocks.insert(start, blk);
        }
        let first = self.block(self.region.header)?;
        self.b.ins().jump(first, &[]);
        for block in self.region.blocks.values() {
            self.gen_block(block)?;
        }
        Ok(())
    }

    fn block(&self, pc: u32) -> Result<ClBlock, String> {
        self.blocks.get(&pc).copied().ok_or_else(|| format!("no block at {pc}"))
    }

    fn stack_var(&self, i: u32) -> Result<Variable, String> {
        self.stack_vars.get(i as usize).copied().ok_or_else(|| format!("operand stack deeper than {i}"))
    }

    fn stack_offset(&self, i: u32) -> i32 {
        slot_offset(self.f.frame_size + FRAME_RECORD_WORDS as u32 + i)
    }

    fn slot(&self, s: u32) -> Result<Variable, String> {
        self.slots.get(&s).copied().ok_or_else(|| format!("slot {s} not scanned"))
    }

    /// This frame's word index in the stack (for exits and callees' records; computed
    /// where needed, on cold paths).
    fn fp_index(&mut self) -> Value {
        let base = self.b.ins().load(types::I64, MemFlagsData::trusted(), self.ctx, ctx_offsets::STACK_BASE);
        let bytes = self.b.ins().isub(self.fp, base);
        self.b.ins().ushr_imm_s(bytes, 3)
    }

    /// Hands the operand stack to the next block through the stack variables.
    fn flush(&mut self, stack: &Stack) -> Result<(), String> {
        for (i, &v) in stack.iter().enumerate() {
            let var = self.stack_var(i as u32)?;
            self.b.def_var(var, v);
        }
        Ok(())
    }

    /// Emits an exit: writes back the written slots and `stack`, records `pc` and the
    /// depth, returns the exit's number. The current block ends with it.
    /// Writes this frame back: the slots the region writes and `stack` as its operand
    /// stack; and the budget (and, for loops, the iteration count) into the context.
    fn write_back(&mut self, stack: &[Value]) -> Result<(), String> {
        let written: Vec<u32> = self.written.iter().copied().collect();
        for s in written {
            let v = self.b.use_var(self.slot(s)?);
            self.b.ins().store(MemFlagsData::trusted(), v, self.fp, slot_offset(s));
        }
        for (i, &v) in stack.iter().enumerate() {
            let off = self.stack_offset(i as u32);
            self.b.ins().store(MemFlagsData::trusted(), v, self.fp, off);
        }
        if self.region.kind == RegionKind::Loop {
            let budget = self.b.use_var(self.budget);
            self.b.ins().store(MemFlagsData::trusted(), budget, self.ctx, ctx_offsets::BUDGET);
            let it = self.b.use_var(self.iterations);
            self.b.ins().store(MemFlagsData::trusted(), it, self.ctx, ctx_offsets::ITERATIONS);
        }
        Ok(())
    }

    /// Returns `status` (and, from a function, the budget and `results`, zeros when
    /// it did not return normally).
    fn leave(&mut self, status: u32, results: Option<&[Value]>) {
        let st = self.b.ins().iconst(types::I32, i64::from(status));
        match self.region.kind {
            RegionKind::Loop => {
                self.b.ins().return_(&[st]);
            }
            RegionKind::Function => {
                let budget = self.b.use_var(self.budget);
                let mut rets = vec![st, budget];
                let n = self.f.sig.results.len();
                match results {
                    Some(r) => rets.extend_from_slice(r),
                    None => {
                        let z = self.b.ins().iconst(types::I64, 0);
                        rets.extend(std::iter::repeat_n(z, n));
                    }
                }
                self.b.ins().return_(&rets);
            }
        }
    }

    fn emit_exit(&mut self, pc: u32, stack: &[Value], kind: ExitKind) -> Result<(), String> {
        let id = self.exits.len() as u32;
        self.exits.push(ExitInfo { pc, kind });
        self.write_back(stack)?;
        let fpi = self.fp_index();
        self.b.ins().store(MemFlagsData::trusted(), fpi, self.ctx, ctx_offsets::EXIT_FP);
        let func = self.b.ins().iconst(types::I32, i64::from(self.env.func_id));
        self.b.ins().store(MemFlagsData::trusted(), func, self.ctx, ctx_offsets::EXIT_FUNC);
        let pcv = self.b.ins().iconst(types::I32, i64::from(pc));
        self.b.ins().store(MemFlagsData::trusted(), pcv, self.ctx, ctx_offsets::EXIT_PC);
        let depth = self.b.ins().iconst(types::I32, stack.len() as i64);
        self.b.ins().store(MemFlagsData::trusted(), depth, self.ctx, ctx_offsets::EXIT_DEPTH);
        self.leave(id, None);
        Ok(())
    }

    /// Exits when `cond` (an i8 truth value) holds; generation goes on in the other case.
    fn guard(&mut self, cond: Value, pc: u32, stack: &[Value], kind: ExitKind) -> Result<(), String> {
        self.guard_wanting(cond, pc, stack, kind, None)
    }

    /// [`Gen::guard`], the exit telling the interpreter which function (`want`, an id)
    /// it wanted to call.
    fn guard_wanting(&mut self, cond: Value, pc: u32, stack: &[Value], kind: ExitKind, want: Option<Value>) -> Result<(), String> {
        let mut key = (pc, kind, stack.to_vec());
        key.2.extend(want);
        let cont = self.b.create_block();
        if let Some(&exit) = self.exit_blocks.get(&key) {
            self.b.ins().brif(cond, exit, &[], cont, &[]);
            self.b.switch_to_block(cont);
            return Ok(());
        }
        let exit = self.b.create_block();
        self.b.set_cold_block(exit);
        self.b.ins().brif(cond, exit, &[], cont, &[]);
        self.b.switch_to_block(exit);
        if let Some(w) = want {
            self.b.ins().store(MemFlagsData::trusted(), w, self.ctx, ctx_offsets::WANTED);
        }
        self.emit_exit(pc, stack, kind)?;
        self.exit_blocks.insert(key, exit);
        self.b.switch_to_block(cont);
        Ok(())
    }

    /// Control goes from the current point to bytecode `target` with `stack`: into a
    /// block of the region (counting a back-edge against the budget, as the
    /// interpreter does), or out through an exit.
    fn goto(&mut self, from: u32, target: u32, stack: &Stack) -> Result<(), String> {
        if !self.region.contains(target) || !self.blocks.contains_key(&target) {
            return self.emit_exit(target, stack, ExitKind::LoopExit);
        }
        self.flush(stack)?;
        if target <= from {
            let budget = self.b.use_var(self.budget);
            let budget = self.b.ins().iadd_imm_s(budget, -1);
            self.b.def_var(self.budget, budget);
            let it = self.b.use_var(self.iterations);
            let it = self.b.ins().iadd_imm_s(it, 1);
            self.b.def_var(self.iterations, it);
            let spent = self.b.ins().icmp_imm_s(IntCC::Equal, budget, 0);
            self.guard(spent, target, stack, ExitKind::Budget)?;
        }
        let blk = self.block(target)?;
        self.b.ins().jump(blk, &[]);
        Ok(())
    }

    fn gen_block(&mut self, block: &Block) -> Result<(), String> {
        let blk = self.block(block.start)?;
        self.b.switch_to_block(blk);
        self.non_nil.clear();
        self.in_bounds.clear();
        let mut stack: Stack = Vec::new();
        for i in 0..block.depth {
            let var = self.stack_var(i)?;
            stack.push(self.b.use_var(var));
        }
        for step in &block.steps {
            match step {
                Step::Exit { pc } => {
                    return self.emit_exit(*pc, &stack, ExitKind::Unsupported);
                }
                Step::Ops { pc, ops } => {
                    self.exit_blocks.clear();
                    let entry = stack.clone();
                    for op in ops {
                        if self.gen_op(*pc, op, &mut stack, &entry)? {
                            // The op ended the block (a branch or jump).
                            return Ok(());
                        }
                    }
                }
            }
        }
        match block.fall_through {
            Some(next) => {
                let last = block.steps.last().map_or(block.start, |s| match s {
                    Step::Ops { pc, .. } | Step::Exit { pc } => *pc,
                });
                self.goto(last, next, &stack)
            }
            None => Err(format!("block at {} ends without a successor", block.start)),
        }
    }

    fn pop(stack: &mut Stack) -> Result<Value, String> {
        stack.pop().ok_or_else(|| "operand stack underflow".to_string())
    }

    /// The `f64` a word holds: the float it was made from when it is the bits of one
    /// computed here (a register move between the integer and float files saved).
    fn f64(&mut self, v: Value) -> Value {
        if let Some(&f) = self.floats.get(&v) {
            return f;
        }
        self.b.ins().bitcast(types::F64, MemFlagsData::new(), v)
    }

    fn from_f64(&mut self, v: Value) -> Value {
        let w = self.b.ins().bitcast(types::I64, MemFlagsData::new(), v);
        self.floats.insert(w, v);
        w
    }

    fn f32(&mut self, v: Value) -> Value {
        let w = self.b.ins().ireduce(types::I32, v);
        self.b.ins().bitcast(types::F32, MemFlagsData::new(), w)
    }

    fn from_f32(&mut self, v: Value) -> Value {
        let w = self.b.ins().bitcast(types::I32, MemFlagsData::new(), v);
        self.b.ins().uextend(types::I64, w)
    }

    fn bool(&mut self, c: Value) -> Value {
        self.b.ins().uextend(types::I64, c)
    }

    /// The value of `v` if it is an integer constant made here (guards on constants
    /// are decided now: Cranelift folds the comparison but keeps the branch).
    fn const_of(&self, v: Value) -> Option<i64> {
        let dfg = &self.b.func.dfg;
        let cranelift_codegen::ir::ValueDef::Result(inst, 0) = dfg.value_def(v) else { return None };
        match dfg.insts[inst] {
            cranelift_codegen::ir::InstructionData::UnaryImm { opcode: cranelift_codegen::ir::Opcode::Iconst, imm } => Some(imm.bits()),
            _ => None,
        }
    }

    /// Exits at `pc` if `base` is in the nil page (unless this block checked it).
    fn nil_guard(&mut self, base: Value, pc: u32, entry: &[Value]) -> Result<(), String> {
        if self.non_nil.contains(&base) || self.const_of(base).is_some_and(|a| !(0..NIL_PAGE).contains(&a)) {
            return Ok(());
        }
        let bad = self.b.ins().icmp_imm_s(IntCC::UnsignedLessThan, base, NIL_PAGE);
        self.guard(bad, pc, entry, ExitKind::Check)?;
        self.non_nil.insert(base);
        Ok(())
    }

    /// Generates one base instruction; returns true when it ended the block.
    fn gen_op(&mut self, pc: u32, op: &Instr, stack: &mut Stack, entry: &[Value]) -> Result<bool, String> {
        use Instr::*;
        let i64t = types::I64;
        macro_rules! bin {
            (|$a:ident, $b:ident| $e:expr) => {{
                let $b = Self::pop(stack)?;
                let $a = Self::pop(stack)?;
                let r = $e;
                stack.push(r);
            }};
        }
        macro_rules! un {
            (|$a:ident| $e:expr) => {{
                let $a = Self::pop(stack)?;
                let r = $e;
                stack.push(r);
            }};
        }
        macro_rules! icmp {
            ($cc:expr) => {
                bin!(|a, b| {
                    let c = self.b.ins().icmp($cc, a, b);
                    self.bool(c)
                })
            };
        }
        macro_rules! f64bin {
            ($op:ident) => {
                bin!(|a, b| {
                    let (x, y) = (self.f64(a), self.f64(b));
                    let r = self.b.ins().$op(x, y);
                    self.from_f64(r)
                })
            };
        }
        macro_rules! f64cmp {
            ($cc:expr) => {
                bin!(|a, b| {
                    let (x, y) = (self.f64(a), self.f64(b));
                    let c = self.b.ins().fcmp($cc, x, y);
                    self.bool(c)
                })
            };
        }
        macro_rules! f32bin {
            ($op:ident) => {
                bin!(|a, b| {
                    let (x, y) = (self.f32(a), self.f32(b));
                    let r = self.b.ins().$op(x, y);
                    self.from_f32(r)
                })
            };
        }
        macro_rules! f32cmp {
            ($cc:expr) => {
                bin!(|a, b| {
                    let (x, y) = (self.f32(a), self.f32(b));
                    let c = self.b.ins().fcmp($cc, x, y);
                    self.bool(c)
                })
            };
        }
        macro_rules! load {
            ($off:expr, |$addr:ident| $e:expr) => {{
                let base = Self::pop(stack)?;
                self.nil_guard(base, pc, entry)?;
                let $addr = base;
                let r = $e;
                let _ = $off;
                stack.push(r);
            }};
        }
        macro_rules! store {
            ($off:expr, $op:ident) => {{
                let v = Self::pop(stack)?;
                let base = Self::pop(stack)?;
                self.nil_guard(base, pc, entry)?;
                self.b.ins().$op(MemFlagsData::new().with_notrap(), v, base, $off);
            }};
        }
        // A conditional branch: `$c` is the i8 condition for taking it.
        macro_rules! branch {
            ($off:expr, $c:expr) => {{
                let c = $c;
                let t = target(pc, $off)?;
                let taken = self.b.create_block();
                let not_taken = self.b.create_block();
                self.b.ins().brif(c, taken, &[], not_taken, &[]);
                self.b.switch_to_block(taken);
                self.goto(pc, t, stack)?;
                self.b.switch_to_block(not_taken);
                return Ok(false);
            }};
        }
        macro_rules! br2 {
            ($off:expr, $cc:expr) => {{
                let b = Self::pop(stack)?;
                let a = Self::pop(stack)?;
                branch!($off, self.b.ins().icmp($cc, a, b))
            }};
        }
        let mem = MemFlagsData::new().with_notrap();
        match *op {
            Nop | Landing => {}
            Const(v) => stack.push(self.b.ins().iconst(i64t, i64::from(v))),
            ConstWord(i) => {
                let w = self.f.consts.get(i as usize).copied().ok_or("constant out of range")?;
                stack.push(self.b.ins().iconst(i64t, w as i64));
            }
            Pop => {
                Self::pop(stack)?;
            }
            Dup => {
                let a = *stack.last().ok_or("underflow")?;
                stack.push(a);
            }
            Swap => {
                let n = stack.len();
                if n < 2 {
                    return Err("underflow".into());
                }
                stack.swap(n - 1, n - 2);
            }
            Load(s) => {
                let v = self.slot(s)?;
                stack.push(self.b.use_var(v));
            }
            Store(s) => {
                let v = Self::pop(stack)?;
                let var = self.slot(s)?;
                self.b.def_var(var, v);
            }
            LoadSlots { slot, n } => {
                for s in slot..slot + u32::from(n) {
                    let v = self.slot(s)?;
                    stack.push(self.b.use_var(v));
                }
            }
            StoreSlots { slot, n } => {
                for s in (slot..slot + u32::from(n)).rev() {
                    let v = Self::pop(stack)?;
                    let var = self.slot(s)?;
                    self.b.def_var(var, v);
                }
            }
            LoadCtx => stack.push(self.b.ins().load(i64t, MemFlagsData::trusted(), self.ctx, ctx_offsets::CLOSURE)),
            AddI64 => bin!(|a, b| self.b.ins().iadd(a, b)),
            SubI64 => bin!(|a, b| self.b.ins().isub(a, b)),
            MulI64 => bin!(|a, b| self.b.ins().imul(a, b)),
            DivI64 | RemI64 | DivU64 | RemU64 => {
                let b = *stack.last().ok_or("underflow")?;
                let divisor = self.const_of(b);
                if divisor.is_none_or(|d| d == 0) {
                    let zero = self.b.ins().icmp_imm_s(IntCC::Equal, b, 0);
                    self.guard(zero, pc, entry, ExitKind::Check)?;
                }
                let b = Self::pop(stack)?;
                let a = Self::pop(stack)?;
                let r = match *op {
                    DivU64 => self.b.ins().udiv(a, b),
                    RemU64 => self.b.ins().urem(a, b),
                    DivI64 if divisor.is_some_and(|d| d != -1 && d != 0) => self.b.ins().sdiv(a, b),
                    RemI64 if divisor.is_some_and(|d| d != -1 && d != 0) => self.b.ins().srem(a, b),
                    _ => {
                        // MinInt64 / -1 traps in hardware; Go wraps (and the remainder is 0).
                        let minus1 = self.b.ins().icmp_imm_s(IntCC::Equal, b, -1);
                        let one = self.b.ins().iconst(i64t, 1);
                        let safe = self.b.ins().select(minus1, one, b);
                        if *op == DivI64 {
                            let q = self.b.ins().sdiv(a, safe);
                            let neg = self.b.ins().ineg(a);
                            self.b.ins().select(minus1, neg, q)
                        } else {
                            let r = self.b.ins().srem(a, safe);
                            let zero = self.b.ins().iconst(i64t, 0);
                            self.b.ins().select(minus1, zero, r)
                        }
                    }
                };
                stack.push(r);
            }
            NegI64 => un!(|a| self.b.ins().ineg(a)),
            And => bin!(|a, b| self.b.ins().band(a, b)),
            Or => bin!(|a, b| self.b.ins().bor(a, b)),
            Xor => bin!(|a, b| self.b.ins().bxor(a, b)),
            AndNot => bin!(|a, b| self.b.ins().band_not(a, b)),
            Not => un!(|a| self.b.ins().bnot(a)),
            Shl | ShrU64 | ShrI64 => bin!(|a, s| {
                // Go: a count of 64 or more shifts everything out.
                let big = self.b.ins().icmp_imm_s(IntCC::UnsignedGreaterThanOrEqual, s, 64);
                match *op {
                    Shl => {
                        let r = self.b.ins().ishl(a, s);
                        let z = self.b.ins().iconst(i64t, 0);
                        self.b.ins().select(big, z, r)
                    }
                    ShrU64 => {
                        let r = self.b.ins().ushr(a, s);
                        let z = self.b.ins().iconst(i64t, 0);
                        self.b.ins().select(big, z, r)
                    }
                    _ => {
                        let s63 = self.b.ins().iconst(i64t, 63);
                        let s = self.b.ins().select(big, s63, s);
                        self.b.ins().sshr(a, s)
                    }
                }
            }),
            CheckShift => {
                let s = *stack.last().ok_or("underflow")?;
                if self.const_of(s).is_none_or(|c| c < 0) {
                    let neg = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, s, 0);
                    self.guard(neg, pc, entry, ExitKind::Check)?;
                }
            }
            SExt8 => un!(|a| self.sext(a, types::I8)),
            SExt16 => un!(|a| self.sext(a, types::I16)),
            SExt32 => un!(|a| self.sext(a, types::I32)),
            ZExt8 => un!(|a| self.b.ins().band_imm_s(a, 0xff)),
            ZExt16 => un!(|a| self.b.ins().band_imm_s(a, 0xffff)),
            ZExt32 => un!(|a| self.b.ins().band_imm_s(a, 0xffff_ffff)),
            AddI32 => bin!(|a, b| {
                let r = self.b.ins().iadd(a, b);
                self.sext(r, types::I32)
            }),
            SubI32 => bin!(|a, b| {
                let r = self.b.ins().isub(a, b);
                self.sext(r, types::I32)
            }),
            MulI32 => bin!(|a, b| {
                let r = self.b.ins().imul(a, b);
                self.sext(r, types::I32)
            }),
            Eq => icmp!(IntCC::Equal),
            Ne => icmp!(IntCC::NotEqual),
            LtI64 => icmp!(IntCC::SignedLessThan),
            LeI64 => icmp!(IntCC::SignedLessThanOrEqual),
            GtI64 => icmp!(IntCC::SignedGreaterThan),
            GeI64 => icmp!(IntCC::SignedGreaterThanOrEqual),
            LtU64 => icmp!(IntCC::UnsignedLessThan),
            LeU64 => icmp!(IntCC::UnsignedLessThanOrEqual),
            GtU64 => icmp!(IntCC::UnsignedGreaterThan),
            GeU64 => icmp!(IntCC::UnsignedGreaterThanOrEqual),
            Eqz => un!(|a| {
                let c = self.b.ins().icmp_imm_s(IntCC::Equal, a, 0);
                self.bool(c)
            }),
            AddF64 => f64bin!(fadd),
            SubF64 => f64bin!(fsub),
            MulF64 => f64bin!(fmul),
            DivF64 => f64bin!(fdiv),
            SqrtF64 => un!(|a| {
                let x = self.f64(a);
                let r = self.b.ins().sqrt(x);
                self.from_f64(r)
            }),
            NegF64 => un!(|a| {
                let sign = self.b.ins().iconst(i64t, i64::MIN);
                self.b.ins().bxor(a, sign)
            }),
            EqF64 => f64cmp!(FloatCC::Equal),
            NeF64 => f64cmp!(FloatCC::NotEqual),
            LtF64 => f64cmp!(FloatCC::LessThan),
            LeF64 => f64cmp!(FloatCC::LessThanOrEqual),
            GtF64 => f64cmp!(FloatCC::GreaterThan),
            GeF64 => f64cmp!(FloatCC::GreaterThanOrEqual),
            AddF32 => f32bin!(fadd),
            SubF32 => f32bin!(fsub),
            MulF32 => f32bin!(fmul),
            DivF32 => f32bin!(fdiv),
            NegF32 => un!(|a| {
                let r = self.b.ins().bxor_imm_s(a, 1 << 31);
                self.b.ins().band_imm_s(r, 0xffff_ffff)
            }),
            EqF32 => f32cmp!(FloatCC::Equal),
            NeF32 => f32cmp!(FloatCC::NotEqual),
            LtF32 => f32cmp!(FloatCC::LessThan),
            LeF32 => f32cmp!(FloatCC::LessThanOrEqual),
            GtF32 => f32cmp!(FloatCC::GreaterThan),
            GeF32 => f32cmp!(FloatCC::GreaterThanOrEqual),
            I64ToF64 => un!(|a| {
                let r = self.b.ins().fcvt_from_sint(types::F64, a);
                self.from_f64(r)
            }),
            U64ToF64 => un!(|a| {
                let r = self.b.ins().fcvt_from_uint(types::F64, a);
                self.from_f64(r)
            }),
            I64ToF32 => un!(|a| {
                let r = self.b.ins().fcvt_from_sint(types::F32, a);
                self.from_f32(r)
            }),
            U64ToF32 => un!(|a| {
                let r = self.b.ins().fcvt_from_uint(types::F32, a);
                self.from_f32(r)
            }),
            F32ToF64 => un!(|a| {
                let x = self.f32(a);
                let r = self.b.ins().fpromote(types::F64, x);
                self.from_f64(r)
            }),
            F64ToF32 => un!(|a| {
                let x = self.f64(a);
                let r = self.b.ins().fdemote(types::F32, x);
                self.from_f32(r)
            }),
            Jump(off) => {
                let t = target(pc, off)?;
                self.goto(pc, t, stack)?;
                return Ok(true);
            }
            JumpIf(off) => {
                let c = Self::pop(stack)?;
                branch!(off, self.b.ins().icmp_imm_s(IntCC::NotEqual, c, 0))
            }
            JumpIfNot(off) => {
                let c = Self::pop(stack)?;
                branch!(off, self.b.ins().icmp_imm_s(IntCC::Equal, c, 0))
            }
            BrEq(off) => br2!(off, IntCC::Equal),
            BrNe(off) => br2!(off, IntCC::NotEqual),
            BrLtI64(off) => br2!(off, IntCC::SignedLessThan),
            BrLeI64(off) => br2!(off, IntCC::SignedLessThanOrEqual),
            BrGtI64(off) => br2!(off, IntCC::SignedGreaterThan),
            BrGeI64(off) => br2!(off, IntCC::SignedGreaterThanOrEqual),
            BrLtU64(off) => br2!(off, IntCC::UnsignedLessThan),
            BrGeU64(off) => br2!(off, IntCC::UnsignedGreaterThanOrEqual),
            Load8S(off) => load!(off, |a| self.b.ins().sload8(i64t, mem, a, off)),
            Load8U(off) => load!(off, |a| self.b.ins().uload8(i64t, mem, a, off)),
            Load16S(off) => load!(off, |a| self.b.ins().sload16(i64t, mem, a, off)),
            Load16U(off) => load!(off, |a| self.b.ins().uload16(i64t, mem, a, off)),
            Load32S(off) => load!(off, |a| self.b.ins().sload32(mem, a, off)),
            Load32U(off) => load!(off, |a| self.b.ins().uload32(mem, a, off)),
            Load64(off) | LoadPtr(off) => load!(off, |a| self.b.ins().load(i64t, mem, a, off)),
            Store8(off) => store!(off, istore8),
            Store16(off) => store!(off, istore16),
            Store32(off) => store!(off, istore32),
            Store64(off) => store!(off, store),
            AddrOff(off) => un!(|a| self.b.ins().iadd_imm_s(a, i64::from(off))),
            NilCheck => {
                let a = *stack.last().ok_or("underflow")?;
                let nil = self.b.ins().icmp_imm_s(IntCC::Equal, a, 0);
                self.guard(nil, pc, entry, ExitKind::Check)?;
            }
            Index(size) | IndexU(size) => {
                let len = Self::pop(stack)?;
                let i = Self::pop(stack)?;
                let base = Self::pop(stack)?;
                if self.in_bounds.insert((i, len)) {
                    let out = self.b.ins().icmp(IntCC::UnsignedGreaterThanOrEqual, i, len);
                    self.guard(out, pc, entry, ExitKind::Check)?;
                }
                let scaled = self.b.ins().imul_imm_s(i, i64::from(size));
                stack.push(self.b.ins().iadd(base, scaled));
            }
            Bounds { code, .. } => {
                let y = Self::pop(stack)?;
                let x = *stack.last().ok_or("underflow")?;
                // Code 0 is the index check (`x < y`); every other code is `x <= y`.
                let cc = if code == 0 { IntCC::UnsignedGreaterThanOrEqual } else { IntCC::UnsignedGreaterThan };
                let bad = self.b.ins().icmp(cc, x, y);
                self.guard(bad, pc, entry, ExitKind::Check)?;
            }
            GrowSlice(_) => {
                // `append`'s room check: within capacity it is the same array with a
                // longer length; growing it (allocating, copying) is left to the
                // interpreter, which redoes the instruction.
                let n = Self::pop(stack)?;
                let cap = Self::pop(stack)?;
                let len = Self::pop(stack)?;
                let new_len = self.b.ins().iadd(len, n);
                let wrapped = self.b.ins().icmp(IntCC::SignedLessThan, new_len, len);
                let over = self.b.ins().icmp(IntCC::SignedGreaterThan, new_len, cap);
                let grow = self.b.ins().bor(wrapped, over);
                self.guard(grow, pc, entry, ExitKind::SlowPath)?;
                stack.push(new_len);
                stack.push(cap);
            }
            Alloc(ty) => {
                // The runtime allocates (never collecting); 0 means the interpreter
                // must do it (a collection is due), so the code exits before it.
                let flags = MemFlagsData::trusted();
                let f = self.b.ins().load(i64t, flags, self.ctx, ctx_offsets::ALLOC_FN);
                let env = self.b.ins().load(i64t, flags, self.ctx, ctx_offsets::ALLOC_ENV);
                let mut sig = cranelift_codegen::ir::Signature::new(self.b.func.signature.call_conv);
                sig.call_conv = cranelift_codegen::isa::CallConv::triple_default(&target_lexicon::Triple::host());
                sig.params.push(AbiParam::new(i64t));
                sig.params.push(AbiParam::new(types::I32));
                sig.returns.push(AbiParam::new(i64t));
                let sigref = self.b.import_signature(sig);
                let t32 = self.b.ins().iconst(types::I32, i64::from(ty));
                let call = self.b.ins().call_indirect(sigref, f, &[env, t32]);
                let p = self.b.inst_results(call)[0];
                let failed = self.b.ins().icmp_imm_s(IntCC::Equal, p, 0);
                self.guard(failed, pc, entry, ExitKind::Unsupported)?;
                stack.push(p);
            }
            LoadBlock(size) => {
                let a = Self::pop(stack)?;
                self.nil_guard(a, pc, entry)?;
                for i in 0..size / 8 {
                    stack.push(self.b.ins().load(i64t, mem, a, (i * 8) as i32));
                }
            }
            StoreBlock(size) => {
                let n = (size / 8) as usize;
                if stack.len() < n + 1 {
                    return Err("underflow".into());
                }
                let words = stack.split_off(stack.len() - n);
                let a = Self::pop(stack)?;
                self.nil_guard(a, pc, entry)?;
                for (i, &w) in words.iter().enumerate() {
                    self.b.ins().store(mem, w, a, (i * 8) as i32);
                }
            }
            Ret => {
                if self.region.kind != RegionKind::Function {
                    return Err("return in a loop region".into());
                }
                let n = self.f.sig.results.len();
                if stack.len() < n {
                    return Err("return without its results".into());
                }
                let results = stack.split_off(stack.len() - n);
                self.leave(STATUS_RETURNED, Some(&results));
                return Ok(true);
            }
            Call(id) => return self.gen_call(pc, id, stack, entry),
            CallNative(id) => match interp::vm::jit::intrinsic(self.env.program, id) {
                Some(interp::vm::jit::Intrinsic::GetItab) => {
                    let cache = Self::pop(stack)?;
                    let iface = Self::pop(stack)?;
                    let td = Self::pop(stack)?;
                    // A two-entry inline cache of this site (failed lookups too),
                    // the lookup on a miss.
                    let site = Box::new([1u64, 0, 1, 0]);
                    let addr = self.b.ins().iconst(i64t, &*site as *const [u64; 4] as usize as i64);
                    self.env.sites.borrow_mut().push(site);
                    let flags = MemFlagsData::trusted();
                    let done = self.b.create_block();
                    let r = self.b.append_block_param(done, i64t);
                    for entry in 0..2 {
                        let key = self.b.ins().load(i64t, flags, addr, 16 * entry);
                        let hit = self.b.ins().icmp(IntCC::Equal, key, td);
                        let found = self.b.create_block();
                        let next = self.b.create_block();
                        self.b.ins().brif(hit, found, &[], next, &[]);
                        self.b.switch_to_block(found);
                        let itab = self.b.ins().load(i64t, flags, addr, 16 * entry + 8);
                        self.b.ins().jump(done, &[itab.into()]);
                        self.b.switch_to_block(next);
                    }
                    let mut sig = cranelift_codegen::ir::Signature::new(cranelift_codegen::isa::CallConv::triple_default(&target_lexicon::Triple::host()));
                    for _ in 0..5 {
                        sig.params.push(AbiParam::new(i64t));
                    }
                    sig.returns.push(AbiParam::new(i64t));
                    let sigref = self.b.import_signature(sig);
                    let f = interp::vm::jit::jit_getitab_site as *const () as usize as i64;
                    let f = self.b.ins().iconst(i64t, f);
                    let itabs = self.b.ins().iconst(i64t, self.env.program.itabs() as *const _ as usize as i64);
                    let call = self.b.ins().call_indirect(sigref, f, &[itabs, td, iface, cache, addr]);
                    let itab = self.b.inst_results(call)[0];
                    self.b.ins().jump(done, &[itab.into()]);
                    // (The blocks before `done` dominate it: the guards made there hold.)
                    self.b.switch_to_block(done);
                    stack.push(r);
                }
                Some(other) => {
                    let (f, nargs, has_result, failed) = other.call();
                    if stack.len() < nargs {
                        return Err("intrinsic without its arguments".into());
                    }
                    let args = stack.split_off(stack.len() - nargs);
                    let mut sig = cranelift_codegen::ir::Signature::new(cranelift_codegen::isa::CallConv::triple_default(&target_lexicon::Triple::host()));
                    for _ in 0..nargs {
                        sig.params.push(AbiParam::new(i64t));
                    }
                    sig.returns.push(AbiParam::new(i64t));
                    let sigref = self.b.import_signature(sig);
                    let f = self.b.ins().iconst(i64t, f as i64);
                    let call = self.b.ins().call_indirect(sigref, f, &args);
                    let r = self.b.inst_results(call)[0];
                    if let Some(bad) = failed {
                        // Nothing happened: the interpreter runs the native, which fails.
                        let failed = self.b.ins().icmp_imm_s(IntCC::Equal, r, bad as i64);
                        self.guard(failed, pc, entry, ExitKind::Check)?;
                    }
                    if has_result {
                        stack.push(r);
                    }
                }
                None => return Err(format!("native {id} is not compiled")),
            },
            CallIface { method, params, results } => {
                return self.gen_call_iface(pc, method, params.into(), results.into(), stack, entry);
            }
            other => return Err(format!("{other:?} is not compiled")),
        }
        Ok(false)
    }

    /// A static call of `id` at `pc`: a direct native call when the callee is compiled
    /// (its frame built in the VM stack as the interpreter builds it, so that an exit
    /// inside it can resume there), otherwise an exit before the call.
    fn gen_call(&mut self, pc: u32, id: u32, stack: &mut Stack, entry: &[Value]) -> Result<bool, String> {
        let callee = self.env.program.function(id).ok_or("no callee")?;
        let (np, nr) = (callee.sig.params.len(), callee.sig.results.len());
        let frame_bytes = i64::from(slot_offset(callee.frame_size));
        let need = (callee.frame_words() + FRAME_RECORD_WORDS) as i64 * 8;
        if let Some(&fref) = self.env.callees.get(&id) {
            return self.emit_call(pc, np, nr, CallTarget::Direct { fref, frame_bytes, need }, stack, entry);
        }
        if !self.env.table_calls.contains(&id) {
            self.emit_exit(pc, entry, ExitKind::Unsupported)?;
            return Ok(true);
        }
        // Not compiled (yet): its row of the table says whether it is by now.
        let i64t = types::I64;
        let row = self.env.fn_table as i64 + i64::from(id) * std::mem::size_of::<FnRow>() as i64;
        let row = self.b.ins().iconst(i64t, row);
        let fnptr = self.b.ins().load(i64t, MemFlagsData::new().with_notrap(), row, 0);
        let none = self.b.ins().icmp_imm_s(IntCC::Equal, fnptr, 0);
        let want = self.b.ins().iconst(i64t, i64::from(id));
        self.guard_wanting(none, pc, entry, ExitKind::Dispatch, Some(want))?;
        let frame_bytes = self.b.ins().iconst(i64t, frame_bytes);
        let need = self.b.ins().iconst(i64t, need);
        self.emit_call(pc, np, nr, CallTarget::Indirect { fnptr, frame_bytes, need }, stack, entry)
    }

    /// An interface call: the target's native entry from the compiled-function table
    /// (an exit to the interpreter when it has none, or on a nil interface).
    fn gen_call_iface(&mut self, pc: u32, method: u16, np: usize, nr: usize, stack: &mut Stack, entry: &[Value]) -> Result<bool, String> {
        let i64t = types::I64;
        let flags = MemFlagsData::new().with_notrap();
        let itab = Self::pop(stack)?;
        self.nil_guard(itab, pc, entry)?;
        let id = self.b.ins().load(i64t, flags, itab, 24 + 8 * i32::from(method));
        let nfuncs = self.env.program.functions().len() as i64;
        let out = self.b.ins().icmp_imm_s(IntCC::UnsignedGreaterThanOrEqual, id, nfuncs);
        self.guard(out, pc, entry, ExitKind::Dispatch)?;
        let row = self.b.ins().imul_imm_s(id, std::mem::size_of::<FnRow>() as i64);
        let table = self.b.ins().iconst(i64t, self.env.fn_table as i64);
        let row = self.b.ins().iadd(table, row);
        let fnptr = self.b.ins().load(i64t, flags, row, 0);
        let sig = self.b.ins().load(i64t, flags, row, 8);
        let none = self.b.ins().icmp_imm_s(IntCC::Equal, fnptr, 0);
        let other = self.b.ins().icmp_imm_s(IntCC::NotEqual, sig, sig_word(np, nr) as i64);
        let bad = self.b.ins().bor(none, other);
        self.guard_wanting(bad, pc, entry, ExitKind::Dispatch, Some(id))?;
        let frame_bytes = self.b.ins().load(i64t, flags, row, 16);
        let need = self.b.ins().load(i64t, flags, row, 24);
        self.emit_call(pc, np, nr, CallTarget::Indirect { fnptr, frame_bytes, need }, stack, entry)
    }

    /// A call of compiled code with the top `np` words as arguments: its frame is laid
    /// out in the VM stack where the interpreter would put it but written only if it
    /// exits; otherwise it exits to the interpreter before the call.
    fn emit_call(&mut self, pc: u32, np: usize, nr: usize, target: CallTarget, stack: &mut Stack, entry: &[Value]) -> Result<bool, String> {
        let i64t = types::I64;
        let flags = MemFlagsData::trusted();
        if stack.len() < np {
            return Err("call without its arguments".into());
        }
        let below = stack.len() - np;
        // The entry stack has the arguments at the same place (and, for an interface
        // call, the itab above them).
        let below_entry = below.min(entry.len());
        // The interpreter makes the call when the budget would run out (it yields at
        // the callee's entry), when native calls nest too deep, or when the callee's
        // frame does not fit the stack (it grows the stack).
        let budget = self.b.use_var(self.budget);
        let low = self.b.ins().icmp_imm_s(IntCC::UnsignedLessThanOrEqual, budget, 1);
        self.guard(low, pc, entry, ExitKind::Budget)?;
        let depth = match self.native_depth {
            Some(d) => d,
            None => self.b.ins().iconst(i64t, i64::from(interp::vm::jit::NATIVE_DEPTH)),
        };
        let deep = self.b.ins().icmp_imm_s(IntCC::Equal, depth, 0);
        self.guard(deep, pc, entry, ExitKind::Unsupported)?;
        let callee_off = i64::from(self.stack_offset(below as u32));
        let new_fp = self.b.ins().iadd_imm_s(self.fp, callee_off);
        let limit = match &target {
            CallTarget::Direct { need, .. } => self.b.ins().iadd_imm_s(new_fp, *need),
            CallTarget::Indirect { need, .. } => self.b.ins().iadd(new_fp, *need),
        };
        let end = self.b.ins().load(i64t, flags, self.ctx, ctx_offsets::STACK_END);
        let full = self.b.ins().icmp(IntCC::UnsignedGreaterThan, limit, end);
        self.guard(full, pc, entry, ExitKind::Unsupported)?;
        let args = stack.split_off(below);
        let budget = self.b.ins().iadd_imm_s(budget, -1);
        let depth = self.b.ins().iadd_imm_s(depth, -1);
        let mut call_args = vec![self.ctx, new_fp, budget, depth];
        call_args.extend_from_slice(&args);
        let call = match &target {
            CallTarget::Direct { fref, .. } => self.b.ins().call(*fref, &call_args),
            CallTarget::Indirect { fnptr, .. } => {
                let mut sig = cranelift_codegen::ir::Signature::new(cranelift_codegen::isa::CallConv::Tail);
                fn_signature(&mut sig, np, nr);
                let sigref = self.b.import_signature(sig);
                self.b.ins().call_indirect(sigref, *fnptr, &call_args)
            }
        };
        let rets = self.b.inst_results(call).to_vec();
        if rets.len() != 2 + nr {
            return Err("callee signature mismatch".into());
        }
        self.b.def_var(self.budget, rets[1]);
        let want = self.b.ins().iconst(types::I32, i64::from(STATUS_RETURNED));
        let returned = self.b.ins().icmp(IntCC::Equal, rets[0], want);
        let cont = self.b.create_block();
        let inner = self.b.create_block();
        self.b.set_cold_block(inner);
        self.b.ins().brif(returned, cont, &[], inner, &[]);
        // The callee exited in its frame (or deeper): give it the record the
        // interpreter's call would have written, and write this frame back, with the
        // words below the arguments as its operand stack.
        self.b.switch_to_block(inner);
        let rec = match &target {
            CallTarget::Direct { frame_bytes, .. } => self.b.ins().iadd_imm_s(new_fp, *frame_bytes),
            CallTarget::Indirect { frame_bytes, .. } => self.b.ins().iadd(new_fp, *frame_bytes),
        };
        let ret_addr = self.f.code.as_ptr().wrapping_add(pc as usize + 1) as i64;
        let ra = self.b.ins().iconst(i64t, ret_addr);
        self.b.ins().store(flags, ra, rec, 0);
        let fpi = self.fp_index();
        let packed = self.b.ins().ishl_imm_s(fpi, 32);
        let packed = self.b.ins().bor_imm_s(packed, pack_func_fp(self.env.func_id, 0) as i64);
        self.b.ins().store(flags, packed, rec, 8);
        let closure = match self.region.kind {
            RegionKind::Function => self.b.ins().iconst(i64t, 0),
            RegionKind::Loop => self.b.ins().load(i64t, flags, self.ctx, ctx_offsets::CLOSURE),
        };
        self.b.ins().store(flags, closure, rec, 16);
        self.write_back(&entry[..below_entry])?;
        self.leave(STATUS_INNER_EXIT, None);
        self.b.switch_to_block(cont);
        stack.extend_from_slice(&rets[2..]);
        Ok(false)
    }

    fn sext(&mut self, a: Value, ty: Type) -> Value {
        let n = self.b.ins().ireduce(ty, a);
        self.b.ins().sextend(types::I64, n)
    }
}

/// The pc a branch at `pc` with offset `off` goes to.
fn target(pc: u32, off: i32) -> Result<u32, String> {
    u32::try_from(i64::from(pc) + 1 + i64::from(off)).map_err(|_| format!("bad branch at {pc}"))
}

fn slot_offset(s: u32) -> i32 {
    (s as i32).wrapping_mul(8)
}
