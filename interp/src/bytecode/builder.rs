//! [`FunctionBuilder`]: how the compiler (and the tests) produce verified [`Function`]s.
//!
//! The builder tracks the operand stack as a list of word [`Kind`]s while code is emitted:
//! that verifies the code (no underflow, same depth on every edge into a label, slots
//! and constants in range, no fall-through off the end) and yields, for free, the
//! frame's `max_stack` and a precise [`StackMap`] at every safepoint. Pointer-ness comes
//! from typed instructions (`LoadPtr`, `AddrOff`, `Index`, `Alloc`, ...), from slot kinds,
//! and from call signatures; [`FunctionBuilder::set_top_kinds`] covers the rest (a struct
//! pushed with `LoadBlock`).
//!
//! Errors are sticky: the first one is kept and returned by [`FunctionBuilder::finish`], so
//! emitting code needs no `?` at every instruction.

use super::function::{FuncId, Function, Kind, LineEntry, Signature, StackMap, WordSet};
use super::instr::{Instr, PrintKind, Push};
use std::fmt;

/// A jump target, created by [`FunctionBuilder::new_label`] and placed by
/// [`FunctionBuilder::bind`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label(u32);

/// Why a function could not be built: a compiler bug, reported instead of crashing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildError {
    /// The function being built.
    pub function: String,
    /// The index of the offending instruction.
    pub pc: u32,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "building {} at {}: {}", self.function, self.pc, self.message)
    }
}

impl std::error::Error for BuildError {}

#[derive(Clone, Debug)]
struct LabelState {
    pc: Option<u32>,
    /// Operand-stack kinds on entry, known from the first edge or the binding.
    stack: Option<Vec<Kind>>,
}

/// Builds one [`Function`]. Parameters are slots `0..params`; [`FunctionBuilder::local`]
/// adds more slots.
#[derive(Debug)]
pub struct FunctionBuilder {
    name: String,
    file: String,
    sig: Signature,
    code: Vec<Instr>,
    consts: Vec<u64>,
    slots: Vec<Kind>,
    labels: Vec<LabelState>,
    /// The pc of the label bound last: labels are bound at the end of the code, and the
    /// peepholes never drop an instruction a label points past, so it is the only pc at
    /// the end that can carry a label.
    last_bound: Option<u32>,
    /// Branches to patch: (pc of the branch, label).
    fixups: Vec<(u32, Label)>,
    /// The operand stack at the current point, or `None` when it is unreachable.
    stack: Option<Vec<Kind>>,
    max_stack: usize,
    stack_maps: Vec<StackMap>,
    lines: Vec<LineEntry>,
    static_calls: Vec<(u32, FuncId, u32, u32)>,
    defer_wrapper: bool,
    method_wrapper: bool,
    error: Option<BuildError>,
}

/// Frame and operand-stack limits, so that every index fits the instruction operands.
const MAX_WORDS: usize = 1 << 28;

impl FunctionBuilder {
    /// Starts a function named `name` (as gc prints it, `main.fib`) with signature `sig`.
    pub fn new(name: &str, sig: Signature) -> FunctionBuilder {
        FunctionBuilder {
            name: name.to_string(),
            file: String::new(),
            slots: sig.params.clone(),
            sig,
            code: Vec::new(),
            consts: Vec::new(),
            labels: Vec::new(),
            last_bound: None,
            fixups: Vec::new(),
            stack: Some(Vec::new()),
            max_stack: 0,
            stack_maps: Vec::new(),
            lines: Vec::new(),
            static_calls: Vec::new(),
            defer_wrapper: false,
            method_wrapper: false,
            error: None,
        }
    }

    /// Marks the function as a `defer` thunk (see [`Function::defer_wrapper`]).
    pub fn mark_defer_wrapper(&mut self) {
        self.defer_wrapper = true;
    }

    /// Marks the function as a method wrapper (see [`Function::method_wrapper`]).
    pub fn mark_method_wrapper(&mut self) {
        self.method_wrapper = true;
    }

    /// Sets the source file shown in tracebacks.
    pub fn set_file(&mut self, file: &str) {
        self.file = file.to_string();
    }

    /// Marks the following instructions as coming from source line `line`.
    pub fn set_line(&mut self, line: u32) {
        let pc = self.pc();
        if self.lines.last().is_some_and(|e| e.line == line) {
            return;
        }
        match self.lines.last_mut() {
            Some(e) if e.pc == pc => e.line = line,
            _ => self.lines.push(LineEntry { pc, line }),
        }
    }

    /// Adds a local slot holding words of `kind`; returns its index.
    pub fn local(&mut self, kind: Kind) -> u32 {
        self.locals(&[kind])
    }

    /// Adds consecutive local slots (a multi-word value); returns the first index.
    pub fn locals(&mut self, kinds: &[Kind]) -> u32 {
        let first = self.slots.len() as u32;
        if self.slots.len() + kinds.len() > MAX_WORDS {
            self.fail("frame too large".into());
            return first;
        }
        self.slots.extend_from_slice(kinds);
        first
    }

    /// The index of constant word `w` in the pool (shared between equal words).
    pub fn const_word(&mut self, w: u64) -> u32 {
        if let Some(i) = self.consts.iter().position(|&c| c == w) {
            return i as u32;
        }
        self.consts.push(w);
        (self.consts.len() - 1) as u32
    }

    /// Pushes the 64-bit constant `v`, as an immediate when it fits.
    pub fn push_i64(&mut self, v: i64) {
        match i32::try_from(v) {
            Ok(small) => self.emit(Instr::Const(small)),
            Err(_) => {
                let i = self.const_word(v as u64);
                self.emit(Instr::ConstWord(i));
            }
        }
    }

    /// A new, unbound label.
    pub fn new_label(&mut self) -> Label {
        self.labels.push(LabelState { pc: None, stack: None });
        Label((self.labels.len() - 1) as u32)
    }

    /// Places `label` at the next instruction. If the current point is unreachable and no
    /// branch to the label was seen yet, the operand stack there is taken to be empty
    /// (a loop head reached only by a later back-edge).
    pub fn bind(&mut self, label: Label) {
        let pc = self.pc();
        let Some(state) = self.labels.get(label.0 as usize).cloned() else {
            self.fail("unknown label".into());
            return;
        };
        if state.pc.is_some() {
            self.fail("label bound twice".into());
            return;
        }
        let entry = match (self.stack.take(), state.stack) {
            (Some(cur), Some(edge)) => {
                if cur != edge {
                    self.fail(format!("operand stack {cur:?} here, {edge:?} on a branch to this label"));
                }
                cur
            }
            (Some(cur), None) => cur,
            (None, Some(edge)) => edge,
            (None, None) => Vec::new(),
        };
        if let Some(l) = self.labels.get_mut(label.0 as usize) {
            l.pc = Some(pc);
            l.stack = Some(entry.clone());
        }
        self.last_bound = Some(pc);
        self.stack = Some(entry);
    }

    /// Emits a branch (`Jump`, `JumpIf`, `BrLtI64`, ...; its offset is ignored) to `label`.
    pub fn branch(&mut self, instr: Instr, label: Label) {
        if instr.branch_offset().is_none() {
            self.fail(format!("{instr:?} is not a branch"));
            return;
        }
        for &s in instr.slot_operands().as_slice() {
            self.check_slot(s);
        }
        if instr.short_branch_slots().is_some() && !self.fits_short_backward(label) {
            self.fail(format!("{instr:?} needs a bound label within 32767 instructions back"));
        }
        let pops = instr.pops().unwrap_or(0) as usize;
        let pc = self.pc();
        self.apply(instr, pops, &[]);
        let edge = self.stack.clone();
        match self.labels.get_mut(label.0 as usize) {
            None => {
                self.fail("unknown label".into());
                return;
            }
            Some(l) => match (&l.stack, edge) {
                (Some(known), Some(edge)) if *known != edge => {
                    let msg = format!("operand stack {edge:?} on a branch, {known:?} at its label");
                    self.fail(msg);
                }
                (None, edge) => l.stack = edge,
                _ => {}
            },
        }
        self.fixups.push((pc, label));
        if matches!(instr, Instr::Jump(_)) {
            self.stack = None;
        }
    }

    /// Emits an instruction with a fixed stack effect (everything except branches, calls
    /// and the runtime operations whose effect depends on a type).
    pub fn emit(&mut self, instr: Instr) {
        use Instr::*;
        use Kind::{Pointer as P, Scalar as S};
        let mut instr = self.fold_into_load(canonical(instr));
        // A fused instruction may fuse again with the one before it.
        loop {
            let fused = self.fuse_slot_operand(instr);
            if fused == instr {
                break;
            }
            instr = fused;
        }
        let slot_kind = |b: &Self, s: u32| b.slots.get(s as usize).copied();
        // Instructions whose pushed kinds depend on the context, or with extra rules;
        // everything else takes its stack effect from the opcode table.
        match instr {
            ConstWord(i) if i as usize >= self.consts.len() => self.fail(format!("constant {i} out of range")),
            Dup => match self.top(1) {
                Some(k) => self.apply(instr, 1, &[k[0], k[0]]),
                None => self.underflow(instr),
            },
            Swap => match self.top(2) {
                Some(k) => self.apply(instr, 2, &[k[1], k[0]]),
                None => self.underflow(instr),
            },
            NilCheck => match self.top(1) {
                Some(k) => self.apply(instr, 1, &[k[0]]),
                None => self.underflow(instr),
            },
            GrowSlice(_) => match self.top(4) {
                Some(k) => self.apply(instr, 4, &[k[0], S, S]),
                None => self.underflow(instr),
            },
            Load(s) => match slot_kind(self, s) {
                Some(k) => self.apply(instr, 0, &[k]),
                None => self.bad_slot(s),
            },
            Load2 { a, b } => match (slot_kind(self, u32::from(a)), slot_kind(self, u32::from(b))) {
                (Some(ka), Some(kb)) => self.apply(instr, 0, &[ka, kb]),
                _ => self.bad_slot(u32::from(a.max(b))),
            },
            LoadSlots { slot, n } => match self.slots.get(slot as usize..slot as usize + n as usize) {
                Some(kinds) => {
                    let kinds = kinds.to_vec();
                    self.apply(instr, 0, &kinds);
                }
                None => self.bad_slot(slot + n as u32),
            },
            StoreSlots { slot, n } => {
                if self.slots.len() < slot as usize + n as usize {
                    self.bad_slot(slot + n as u32);
                }
                self.apply(instr, n as usize, &[]);
            }
            LoadIndexSlots { width, .. } | StoreIndexSlotsImm { width, .. } | StoreIndexSlots { width, .. }
                if ![1, 2, 4, 8].contains(&width) =>
            {
                self.fail(format!("{instr:?}: bad width"))
            }
            Ret => {
                let n = self.sig.results.len();
                match &self.stack {
                    Some(s) if s.len() >= n => {}
                    Some(_) => self.fail(format!("return needs {n} result words")),
                    None => {}
                }
                self.push_code(instr);
                self.stack = None;
            }
            RetSlot(slot) => {
                self.check_slot(slot);
                if self.sig.results.len() != 1 {
                    self.fail("RetSlot in a function without exactly one result word".into());
                }
                self.push_code(instr);
                self.stack = None;
            }
            _ if instr.branch_offset().is_some() => self.fail(format!("{instr:?}: use branch() with a label")),
            Call(_) | CallClosure { .. } | CallIface { .. } | CallNative(_) => {
                self.fail(format!("{instr:?}: use the call methods"))
            }
            MakeChan(_) | ChanSend(_) | ChanRecv(_) | ChanClose | Select(_) | MapLoad(_) | MapLoadOk(_)
            | MapStore(_) | MapRemove(_) | MapClear(_) | EqWords(_) => {
                self.fail(format!("{instr:?}: use emit_runtime() with its stack effect"))
            }
            Landing => {
                if self.stack.as_ref().is_some_and(|s| !s.is_empty()) {
                    self.fail("the recovery landing needs an empty operand stack".into());
                }
                if self.code.contains(&Landing) {
                    self.fail("a function has at most one recovery landing".into());
                }
                self.apply(instr, 0, &[]);
            }
            Unwind => self.fail("Unwind is internal to the VM".into()),
            PanicPrinted => self.fail("PanicPrinted is internal to the VM".into()),
            MakeFuncReturn => self.fail("MakeFuncReturn is internal to the VM".into()),
            MapNew(_) => self.emit_runtime(instr, 1, &[P]),
            MapRangeInit(slot) => {
                self.check_iter_slots(slot);
                self.apply(instr, 1, &[]);
            }
            MapRangeNext { slot, .. } => {
                self.check_iter_slots(u32::from(slot));
                self.emit_runtime(instr, 0, &[S]);
            }
            _ => {
                for &s in instr.slot_operands().as_slice() {
                    self.check_slot(s);
                }
                match (instr.pops(), instr.pushes()) {
                    (Some(pops), Some(Push::Kinds(kinds))) => self.apply(instr, pops as usize, kinds),
                    (Some(pops), Some(Push::Scalars(n))) => self.apply(instr, pops as usize, &vec![S; n as usize]),
                    _ => self.fail(format!("{instr:?}: no fixed stack effect")),
                }
                if instr.is_terminator() {
                    self.stack = None;
                }
            }
        }
    }


    /// Checks that the slots of a map iterator (`runtime::map::Iter`) from `slot` exist,
    /// with pointer kinds exactly where the iterator holds pointers.
    fn check_iter_slots(&mut self, slot: u32) {
        use runtime::map::{ITER_POINTER_WORDS, ITER_WORDS};
        let kinds = self.slots.get(slot as usize..slot as usize + ITER_WORDS);
        let ok = kinds.is_some_and(|k| {
            k.iter().enumerate().all(|(i, &k)| (k == Kind::Pointer) == ITER_POINTER_WORDS.contains(&i))
        });
        if !ok {
            self.fail(format!("slots {slot}.. are not a map iterator"));
        }
    }

    /// Emits a runtime operation whose stack effect depends on types: it pops `pops`
    /// words and pushes words of the given kinds.
    pub fn emit_runtime(&mut self, instr: Instr, pops: usize, pushes: &[Kind]) {
        if let Some(c) = instr.map_const()
            && c as usize >= self.consts.len()
        {
            self.fail(format!("constant {c} out of range"));
        }
        self.apply(instr, pops, pushes);
    }

    /// Emits `print` of one value of the given kind.
    pub fn print(&mut self, kind: PrintKind) {
        self.emit(Instr::Print(kind));
    }

    /// Peephole for field loads: `[NilCheck,] [AddrOff(k),] LoadX(o)` becomes
    /// `LoadX(o + k)`, since every load checks its base against the nil page itself (and
    /// reports the faulting address base + offset, as gc's signal does). Nothing is
    /// folded across a label: a branch may land between the instructions.
    fn fold_into_load(&mut self, instr: Instr) -> Instr {
        use Instr::*;
        let (Load8S(o) | Load8U(o) | Load16S(o) | Load16U(o) | Load32S(o) | Load32U(o) | Load64(o) | LoadPtr(o)) = instr
        else {
            return instr;
        };
        if self.stack.is_none() {
            return instr;
        }
        let mut off = o;
        if let Some(&AddrOff(k)) = self.code.last()
            && !self.label_here()
            && let Some(sum) = off.checked_add(k)
        {
            off = sum;
            self.drop_last();
        }
        if let Some(&NilCheck) = self.code.last()
            && !self.label_here()
        {
            self.drop_last();
        }
        match instr {
            Load8S(_) => Load8S(off),
            Load8U(_) => Load8U(off),
            Load16S(_) => Load16S(off),
            Load16U(_) => Load16U(off),
            Load32S(_) => Load32S(off),
            Load32U(_) => Load32U(off),
            Load64(_) => Load64(off),
            _ => LoadPtr(off),
        }
    }

    /// Peephole for operands in slots and fields, which cuts dispatches in the
    /// commonest expression shapes (`p.f`, `x * y`, `a.x - b.x`, `f(x, y)`):
    /// - `Load(s)` followed by a 64-bit load, a `float64` operation or an integer add
    ///   becomes one instruction reading slot `s` itself, and the result may fuse again
    ///   (`Load(a)`, `Load(b)`, `MulF64` → `MulF64Slots {a, b}`);
    /// - `LoadField` followed by `SubF64Field` at the same offset becomes `SubF64Fields`;
    /// - a `float64` add or subtract followed by `StoreField` becomes one store;
    /// - `LoadField` followed by a `float64` operation becomes one reading the field;
    /// - `Const(k)` followed by an integer add or subtract becomes `AddImm`;
    /// - `IndexSlots` followed by a load of the element becomes `LoadIndexSlots`;
    /// - two `Load`s become a `Load2`.
    ///
    /// Nothing is fused across a label (a branch may land between the two).
    fn fuse_slot_operand(&mut self, instr: Instr) -> Instr {
        use Instr::*;
        let Some(&last) = self.code.last() else { return instr };
        if self.stack.is_none() || self.label_here() {
            return instr;
        }
        // `Load2 {a, b}` is `Load(a)` then `Load(b)`: the second can fuse on.
        let (s, keep) = match last {
            IndexSlots { slice, index, size } => {
                let fused = match (instr, size) {
                    (Load8U(0), 1) => LoadIndexSlots { slice, index, width: 1, signed: false },
                    (Load8S(0), 1) => LoadIndexSlots { slice, index, width: 1, signed: true },
                    (Load16U(0), 2) => LoadIndexSlots { slice, index, width: 2, signed: false },
                    (Load16S(0), 2) => LoadIndexSlots { slice, index, width: 2, signed: true },
                    (Load32U(0), 4) => LoadIndexSlots { slice, index, width: 4, signed: false },
                    (Load32S(0), 4) => LoadIndexSlots { slice, index, width: 4, signed: true },
                    (Load64(0), 8) => LoadIndexSlots { slice, index, width: 8, signed: false },
                    (LoadPtr(0), 8) => LoadIndexSlotsPtr { slice, index },
                    _ => return instr,
                };
                self.replace_last_operand(None);
                return fused;
            }
            Const(k) => {
                let imm = match instr {
                    AddI64 => Some(k),
                    SubI64 => k.checked_neg(),
                    _ => None,
                };
                let Some(imm) = imm else { return instr };
                self.replace_last_operand(None);
                return AddImm(imm);
            }
            Load(s) => (s, None),
            Load2 { a, b } => (u32::from(b), Some(Load(u32::from(a)))),
            LoadField { slot, off } => {
                let fused = match instr {
                    AddF64 => AddF64Field { slot, off },
                    SubF64 => SubF64Field { slot, off },
                    MulF64 => MulF64Field { slot, off },
                    DivF64 => DivF64Field { slot, off },
                    SubF64Field { slot: q, off: o } if o == off => match u16::try_from(off) {
                        Ok(off) => SubF64Fields { p: slot, q, off },
                        Err(_) => return instr,
                    },
                    _ => return instr,
                };
                self.replace_last_operand(None);
                return fused;
            }
            // `x op y` then the store of `p.f op= e`: one instruction (it pops both).
            AddF64 | SubF64 => {
                let StoreField { slot, off } = instr else { return instr };
                self.drop_last();
                if let Some(stack) = &mut self.stack {
                    // The fused store pops the two operands the dropped op would have
                    // replaced by its result.
                    stack.push(Kind::Scalar);
                }
                return if last == AddF64 { AddF64StoreField { slot, off } } else { SubF64StoreField { slot, off } };
            }
            _ => return instr,
        };
        let short = u16::try_from(s).ok();
        // The 16-bit form of the instruction's own slot or offset operand, for the
        // two-operand forms.
        let other = match instr {
            AddF64Slot(b) | SubF64Slot(b) | MulF64Slot(b) | DivF64Slot(b) => u16::try_from(b).ok(),
            MulF64Field { off, .. } => u16::try_from(off).ok(),
            _ => None,
        };
        let fused = match (instr, short, other) {
            (AddF64Slot(_), Some(a), Some(b)) => AddF64Slots { a, b },
            (SubF64Slot(_), Some(a), Some(b)) => SubF64Slots { a, b },
            (MulF64Slot(_), Some(a), Some(b)) => MulF64Slots { a, b },
            (DivF64Slot(_), Some(a), Some(b)) => DivF64Slots { a, b },
            (MulF64Field { slot: p, .. }, Some(a), Some(off)) => MulF64SlotField { a, p, off },
            (AddF64Slot(_) | SubF64Slot(_) | MulF64Slot(_) | DivF64Slot(_) | MulF64Field { .. }, ..) => return instr,
            (Load64(off), Some(slot), _) => LoadField { slot, off },
            (LoadPtr(off), Some(slot), _) => LoadFieldPtr { slot, off },
            (AddF64, ..) => AddF64Slot(s),
            (SubF64, ..) => SubF64Slot(s),
            (MulF64, ..) => MulF64Slot(s),
            (DivF64, ..) => DivF64Slot(s),
            (AddI64, ..) => AddSlot(s),
            (Load(b), Some(a), _) if keep.is_none() => match u16::try_from(b) {
                Ok(b) => Load2 { a, b },
                Err(_) => return instr,
            },
            _ => return instr,
        };
        self.replace_last_operand(keep);
        fused
    }

    /// Removes the last instruction, which pushed the operand that the instruction
    /// being fused reads itself, or replaces it with `keep`, which pushes all but that
    /// operand.
    fn replace_last_operand(&mut self, keep: Option<Instr>) {
        match keep {
            Some(i) => {
                if let Some(last) = self.code.last_mut() {
                    *last = i;
                }
            }
            None => self.drop_last(),
        }
        if let Some(stack) = &mut self.stack {
            stack.pop();
        }
    }

    /// Whether a label is bound at the end of the code, where the next instruction goes
    /// (a branch may land there, so nothing before it may be fused into it).
    fn label_here(&self) -> bool {
        self.last_bound == Some(self.code.len() as u32)
    }

    /// Removes the last instruction (one without stack effect on kinds, no safepoint);
    /// line entries past the new end move to it.
    fn drop_last(&mut self) {
        self.code.pop();
        let end = self.code.len() as u32;
        for e in &mut self.lines {
            e.pc = e.pc.min(end);
        }
        // Of several entries now at the end, the last one (the newest line) counts.
        while self.lines.len() >= 2 && self.lines[self.lines.len() - 2].pc == end {
            let last = self.lines.pop();
            if let (Some(prev), Some(last)) = (self.lines.last_mut(), last) {
                *prev = last;
            }
        }
    }

    /// The signature of the function being built.
    pub fn signature(&self) -> &Signature {
        &self.sig
    }

    /// Emits a static call of `callee`, whose signature is `sig` (checked at link).
    pub fn call(&mut self, callee: FuncId, sig: &Signature) {
        let pc = self.pc();
        self.static_calls.push((pc, callee, sig.params.len() as u32, sig.results.len() as u32));
        self.apply(Instr::Call(callee), sig.params.len(), &sig.results);
    }

    /// Emits a call of the func value on top of the stack, above the arguments.
    pub fn call_closure(&mut self, sig: &Signature) {
        let (Ok(params), Ok(results)) = (u16::try_from(sig.params.len()), u16::try_from(sig.results.len()))
        else {
            self.fail("too many parameter words".into());
            return;
        };
        self.apply(Instr::CallClosure { params, results }, sig.params.len() + 1, &sig.results);
    }

    /// Emits a call of interface method `method`: the stack holds the receiver's data
    /// word, the other arguments, then the itab. `sig` includes the receiver word.
    pub fn call_iface(&mut self, method: u16, sig: &Signature) {
        let (Ok(params), Ok(results)) = (u16::try_from(sig.params.len()), u16::try_from(sig.results.len()))
        else {
            self.fail("too many parameter words".into());
            return;
        };
        let instr = Instr::CallIface { method, params, results };
        self.apply(instr, sig.params.len() + 1, &sig.results);
    }

    /// Emits a call of native `id` with signature `sig` (checked at link).
    pub fn call_native(&mut self, id: u32, sig: &Signature) {
        self.apply(Instr::CallNative(id), sig.params.len(), &sig.results);
    }

    /// Overrides the kinds of the top `kinds.len()` operand words (for values whose
    /// pointer words the instruction cannot know, such as a struct from `LoadBlock`).
    pub fn set_top_kinds(&mut self, kinds: &[Kind]) {
        match &mut self.stack {
            Some(s) if s.len() >= kinds.len() => {
                let at = s.len() - kinds.len();
                s[at..].copy_from_slice(kinds);
            }
            Some(_) => self.fail("set_top_kinds: stack too shallow".into()),
            None => {}
        }
    }

    /// Whether a branch emitted now could use a 16-bit offset to reach `label`: it must
    /// be bound already (a loop head) and at most 32767 instructions back.
    pub fn fits_short_backward(&self, label: Label) -> bool {
        match self.labels.get(label.0 as usize).and_then(|l| l.pc) {
            Some(target) => i64::from(self.pc()) + 1 - i64::from(target) <= i64::from(i16::MAX),
            None => false,
        }
    }

    /// The index the next instruction will have.
    pub fn pc(&self) -> u32 {
        self.code.len() as u32
    }

    /// Current operand-stack depth (`None` if the current point is unreachable).
    pub fn depth(&self) -> Option<usize> {
        self.stack.as_ref().map(Vec::len)
    }

    /// Verifies and returns the function.
    pub fn finish(mut self) -> Result<Function, BuildError> {
        if self.stack.is_some() {
            self.fail("control reaches the end of the function".into());
        }
        for &(pc, label) in &self.fixups {
            let target = self.labels.get(label.0 as usize).and_then(|l| l.pc);
            let Some(target) = target else {
                let function = self.name.clone();
                return Err(BuildError { function, pc, message: "branch to an unbound label".into() });
            };
            let off = i64::from(target) - i64::from(pc) - 1;
            if let Some(ins) = self.code.get_mut(pc as usize) {
                *ins = ins.with_branch_offset(off as i32);
            }
        }
        if let Some(e) = self.error {
            return Err(e);
        }
        if self.code.len() > MAX_WORDS {
            let function = self.name.clone();
            return Err(BuildError { function, pc: 0, message: "function too long".into() });
        }
        Ok(Function {
            slot_pointers: WordSet::pointers(&self.slots),
            frame_size: self.slots.len() as u32,
            max_stack: self.max_stack as u32,
            name: self.name,
            file: self.file,
            sig: self.sig,
            code: self.code,
            consts: self.consts,
            stack_maps: self.stack_maps,
            lines: self.lines,
            defer_wrapper: self.defer_wrapper,
            method_wrapper: self.method_wrapper,
            static_calls: self.static_calls,
            frame: None,
        })
    }

    /// Appends `instr`, popping `pops` words and pushing `pushes`; records the stack map
    /// if it is a safepoint. A call's map is taken after the pops (the arguments are the
    /// callee's slots by then); any other safepoint's (natives included) before them, because a runtime
    /// operation's inputs (the old array of `append`) must survive a collection it runs.
    fn apply(&mut self, instr: Instr, pops: usize, pushes: &[Kind]) {
        let pc = self.pc();
        self.push_code(instr);
        let Some(stack) = &mut self.stack else {
            // Unreachable code is kept (labels may still point past it) but not checked.
            return;
        };
        if stack.len() < pops {
            self.underflow(instr);
            return;
        }
        // A native's arguments stay on the operand stack while it runs (it may allocate),
        // so its map is taken before the pops like any runtime operation's.
        let is_call = matches!(instr, Instr::Call(_) | Instr::CallClosure { .. } | Instr::CallIface { .. });
        if instr.is_safepoint() && !is_call {
            let map = StackMap { pc, depth: stack.len() as u32, pointers: WordSet::pointers(stack) };
            self.stack_maps.push(map);
        }
        stack.truncate(stack.len() - pops);
        if is_call {
            let map = StackMap { pc, depth: stack.len() as u32, pointers: WordSet::pointers(stack) };
            self.stack_maps.push(map);
        }
        stack.extend_from_slice(pushes);
        // Inputs were counted when they were pushed.
        self.max_stack = self.max_stack.max(stack.len());
        if self.max_stack > MAX_WORDS {
            self.fail("operand stack too deep".into());
        }
    }

    fn push_code(&mut self, instr: Instr) {
        self.code.push(instr);
    }

    fn top(&self, n: usize) -> Option<Vec<Kind>> {
        let s = self.stack.as_ref()?;
        s.get(s.len().checked_sub(n)?..).map(<[Kind]>::to_vec)
    }

    fn underflow(&mut self, instr: Instr) {
        if self.stack.is_some() {
            self.fail(format!("{instr:?}: operand stack underflow"));
        }
    }

    fn check_slot(&mut self, slot: u32) {
        if slot as usize >= self.slots.len() {
            self.bad_slot(slot);
        }
    }

    fn bad_slot(&mut self, slot: u32) {
        self.fail(format!("slot {slot} out of range (frame has {})", self.slots.len()));
    }

    fn fail(&mut self, message: String) {
        if self.error.is_none() {
            let function = self.name.clone();
            self.error = Some(BuildError { function, pc: self.code.len() as u32, message });
        }
    }
}

/// The one-word forms of the multi-word slot moves, which the peepholes recognize.
fn canonical(instr: Instr) -> Instr {
    match instr {
        Instr::LoadSlots { slot, n: 1 } => Instr::Load(slot),
        Instr::StoreSlots { slot, n: 1 } => Instr::Store(slot),
        other => other,
    }
}
