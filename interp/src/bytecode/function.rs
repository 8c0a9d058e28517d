//! Function objects, stack maps and the linked [`Program`].

use super::instr::Instr;
use std::fmt;

/// Index of a function in its [`Program`].
pub type FuncId = u32;

/// What a frame slot or operand word holds, as far as the collector is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// An integer, float, bool, length, or a `uintptr`: never traced.
    Scalar,
    /// A pointer (possibly interior, possibly nil, possibly outside the heap): traced.
    Pointer,
}

/// The word layout of a function's parameters and results: one [`Kind`] per word
/// (a string parameter is `[Pointer, Scalar]`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Signature {
    /// Parameter words, receiver first; they become slots `0..params.len()`.
    pub params: Vec<Kind>,
    /// Result words, in order; they replace the arguments on the caller's stack.
    pub results: Vec<Kind>,
}

impl Signature {
    /// A signature whose words are all scalars (handy for numeric code).
    pub fn scalars(params: usize, results: usize) -> Signature {
        Signature { params: vec![Kind::Scalar; params], results: vec![Kind::Scalar; results] }
    }
}

/// A set of word indices, as a bitmap.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WordSet {
    bits: Vec<u64>,
}

impl WordSet {
    /// The set of indices `i` where `kinds[i]` is a pointer.
    pub fn pointers(kinds: &[Kind]) -> WordSet {
        let mut set = WordSet { bits: vec![0; kinds.len().div_ceil(64)] };
        for (i, k) in kinds.iter().enumerate() {
            if *k == Kind::Pointer {
                set.bits[i / 64] |= 1 << (i % 64);
            }
        }
        set
    }

    /// Whether `i` is in the set.
    pub fn contains(&self, i: usize) -> bool {
        self.bits.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    /// The indices in the set, ascending.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.bits.iter().enumerate().flat_map(|(wi, &w)| {
            (0..64).filter(move |b| w & (1u64 << b) != 0).map(move |b| wi * 64 + b)
        })
    }
}

/// The pointer words live at one safepoint, beyond the function's slots.
///
/// Frame slots have one static [`Kind`] each for the whole function
/// ([`Function::slot_pointers`]; a pointer slot is zeroed at entry, so it always holds a
/// valid pointer or nil). A stack map adds the operand-stack words that are live across
/// the safepoint: at a call, the words *below* the arguments (the arguments belong to
/// the callee's frame from then on).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StackMap {
    /// The safepoint's instruction index.
    pub pc: u32,
    /// Operand words live across the safepoint (counted from the bottom of the operand stack).
    pub depth: u32,
    /// Which of those `depth` words hold pointers.
    pub pointers: WordSet,
}

/// A line-table entry: instructions from `pc` on come from source line `line`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineEntry {
    /// First instruction of the run.
    pub pc: u32,
    /// 1-based source line.
    pub line: u32,
}

/// A compiled function: code, constants, frame layout and collector metadata. Built and
/// verified by [`FunctionBuilder`](super::FunctionBuilder), so the interpreter can rely on
/// its invariants (slots in range, stack depth bounded by `max_stack`, branches inside
/// the code, no fall-through off the end).
#[derive(Clone, Debug)]
pub struct Function {
    /// Qualified name as gc prints it in tracebacks (`main.fib`, `main.(*T).M`).
    pub name: String,
    /// Source file, for tracebacks (may be empty).
    pub file: String,
    /// Parameter and result words.
    pub sig: Signature,
    /// The code.
    pub code: Vec<Instr>,
    /// Constant pool for [`Instr::ConstWord`].
    pub consts: Vec<u64>,
    /// Number of frame slots (parameters first, then locals).
    pub frame_size: u32,
    /// Maximum operand-stack depth above the slots.
    pub max_stack: u32,
    /// Which frame slots hold pointers.
    pub slot_pointers: WordSet,
    /// One map per safepoint, sorted by `pc`.
    pub stack_maps: Vec<StackMap>,
    /// Source lines, sorted by `pc`.
    pub lines: Vec<LineEntry>,
    /// A `defer` thunk: the function it calls counts as the deferred call, so
    /// `recover()` works there (gc's `deferwrap` functions are the same).
    pub defer_wrapper: bool,
    /// A method wrapper the compiler made (value in a cell, promotion): `recover()` in
    /// the method it calls looks through it, as through gc's wrapper functions.
    pub method_wrapper: bool,
    /// Static call sites as `(pc, callee, param words, result words)`: what the builder
    /// assumed about each callee, for [`Program::link`] to check.
    pub(crate) static_calls: Vec<(u32, FuncId, u32, u32)>,
    /// Where its argument and result words live in an ABI0 frame, for functions that
    /// reflect may call (those with a Go signature; `None` for internal ones).
    pub frame: Option<Box<runtime::abi::FramePlan>>,
}

impl Function {
    /// The stack map at `pc`, if `pc` is a safepoint.
    pub fn stack_map(&self, pc: u32) -> Option<&StackMap> {
        self.stack_maps.binary_search_by_key(&pc, |m| m.pc).ok().and_then(|i| self.stack_maps.get(i))
    }

    /// The source line of instruction `pc` (0 if unknown).
    pub fn line(&self, pc: u32) -> u32 {
        match self.lines.binary_search_by_key(&pc, |e| e.pc) {
            Ok(i) => self.lines.get(i).map_or(0, |e| e.line),
            Err(0) => 0,
            Err(i) => self.lines.get(i - 1).map_or(0, |e| e.line),
        }
    }

    /// Where the function resumes after a deferred call it made recovered a panic: its
    /// [`Instr::Landing`], if it has one.
    pub fn recover_pc(&self) -> Option<u32> {
        self.code.iter().position(|i| *i == Instr::Landing).map(|pc| pc as u32)
    }

    /// Words of the frame: slots plus the deepest operand stack.
    pub fn frame_words(&self) -> usize {
        self.frame_size as usize + self.max_stack as usize
    }
}

/// Layout of a type the runtime allocates ([`Instr::Alloc`], [`Instr::MakeSlice`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeLayout {
    /// gc's type string (`main.T`, `[]int`), for messages.
    pub name: String,
    /// Size in bytes.
    pub size: u64,
    /// Alignment in bytes.
    pub align: u64,
    /// Which 8-byte words of a value hold pointers (the collector's bitmap).
    pub pointers: WordSet,
}

/// A native function bound to [`Instr::CallNative`]: it reads its argument words and
/// writes its result words (at most as many as the signature says). It may allocate
/// through `cx` (allocation inside a native never collects: the VM collects, if due,
/// before the call, so earlier results of the same call need no rooting).
pub type NativeFn = runtime::native::NativeFn;

/// A native function with its signature.
#[derive(Clone)]
pub struct Native {
    /// Name, for tracebacks and the disassembler.
    pub name: String,
    /// Argument and result words.
    pub sig: Signature,
    /// The implementation.
    pub func: NativeFn,
}

impl fmt::Debug for Native {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Native").field("name", &self.name).field("sig", &self.sig).finish()
    }
}

/// Why a set of functions does not link into a [`Program`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkError {
    /// The function in which the problem was found.
    pub function: String,
    /// The instruction index.
    pub pc: u32,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}+{}: {}", self.function, self.pc, self.message)
    }
}

impl std::error::Error for LinkError {}

/// A linked program: functions that call each other by index, natives and types.
#[derive(Debug)]
pub struct Program {
    /// Unique per linked program, so that state made for one is never run on another.
    id: u64,
    functions: Vec<Function>,
    natives: Vec<Native>,
    types: Vec<TypeLayout>,
    /// Itabs, static and built at run time (see [`super::itab`]).
    itabs: super::itab::ItabCache,
    /// The compiled run-time support code the VM calls.
    support: super::itab::RuntimeSupport,
    /// The type descriptors' module and what `reflect.typelinks` returns.
    reflect: ReflectData,
}

/// The static data reflect reaches through natives: the module region of the type
/// descriptors (see `compile::rtype`) and `typelinks`' two slices, built once.
#[derive(Debug, Default)]
pub struct ReflectData {
    /// The module's start and length in bytes.
    pub module: (u64, u64),
    /// `[]unsafe.Pointer{module start}`'s backing array.
    sections: Box<[u64; 1]>,
    /// `[][]int32{offsets}`'s backing array (one slice header).
    offsets_header: Box<[u64; 3]>,
    /// The offsets of the unnamed composite types, sorted by their strings (read only
    /// through `offsets_header`, which points into it).
    #[expect(dead_code, reason = "kept alive for the slice header that points into it")]
    offsets: Box<[i32]>,
}

impl ReflectData {
    /// The data of a module at `base` of `len` bytes with `typelinks` offsets.
    pub fn new(base: u64, len: u64, typelinks: Vec<i32>) -> ReflectData {
        let offsets = typelinks.into_boxed_slice();
        let n = offsets.len() as u64;
        let offsets_header = Box::new([offsets.as_ptr() as u64, n, n]);
        ReflectData { module: (base, len), sections: Box::new([base]), offsets_header, offsets }
    }

    /// `typelinks()`' results: the words of `sections []unsafe.Pointer` and `offset
    /// [][]int32` (static memory, never written).
    pub fn typelinks(&self) -> ([u64; 3], [u64; 3]) {
        ([self.sections.as_ptr() as u64, 1, 1], [self.offsets_header.as_ptr() as u64, 1, 1])
    }
}

impl Program {
    /// Sets the reflect data (after linking).
    pub fn set_reflect(&mut self, r: ReflectData) {
        self.reflect = r;
    }

    /// The reflect data.
    pub fn reflect(&self) -> &ReflectData {
        &self.reflect
    }

    /// Links functions, natives and types, checking every static reference: call targets
    /// exist and have the signature the call site was built with, type indices exist.
    pub fn link(
        functions: Vec<Function>,
        natives: Vec<Native>,
        types: Vec<TypeLayout>,
    ) -> Result<Program, LinkError> {
        for f in &functions {
            for &(pc, callee, np, nr) in &f.static_calls {
                let err = |message: String| LinkError { function: f.name.clone(), pc, message };
                let Some(c) = functions.get(callee as usize) else {
                    return Err(err(format!("call of undefined function {callee}")));
                };
                if c.sig.params.len() != np as usize || c.sig.results.len() != nr as usize {
                    return Err(err(format!(
                        "call of {} with {np} argument and {nr} result words; it has {} and {}",
                        c.name,
                        c.sig.params.len(),
                        c.sig.results.len()
                    )));
                }
            }
        }
        for f in &functions {
            for (pc, ins) in f.code.iter().enumerate() {
                let pc = pc as u32;
                let err = |message: String| LinkError { function: f.name.clone(), pc, message };
                match *ins {
                    Instr::CallNative(id) => match natives.get(id as usize) {
                        None => return Err(err(format!("call of undefined native {id}"))),
                        Some(n) if n.sig.results.len() > 64 => {
                            return Err(err(format!("native {} has too many results", n.name)));
                        }
                        Some(_) => {}
                    },
                    Instr::Alloc(t)
                    | Instr::MakeSlice(t)
                    | Instr::GrowSlice(t)
                    | Instr::MakeChan(t)
                    | Instr::ChanSend(t)
                    | Instr::ChanRecv(t)
                        if types.get(t as usize).is_none() =>
                    {
                        return Err(err(format!("undefined type {t}")));
                    }
                    _ => {}
                }
            }
        }
        if functions.len() > u32::MAX as usize {
            return Err(LinkError {
                function: String::new(),
                pc: 0,
                message: "too many functions".into(),
            });
        }
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let id = NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(Program { id, functions, natives, types, itabs: Default::default(), support: Default::default(), reflect: ReflectData::default() })
    }

    /// This program's unique identity.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// Function `id`.
    pub fn function(&self, id: FuncId) -> Option<&Function> {
        self.functions.get(id as usize)
    }

    /// All functions, indexed by [`FuncId`].
    pub fn functions(&self) -> &[Function] {
        &self.functions
    }

    /// Native `id`.
    pub fn native(&self, id: u32) -> Option<&Native> {
        self.natives.get(id as usize)
    }

    /// Type `id`.
    pub fn type_layout(&self, id: u32) -> Option<&TypeLayout> {
        self.types.get(id as usize)
    }

    /// The program's itabs.
    pub fn itabs(&self) -> &super::itab::ItabCache {
        &self.itabs
    }

    /// The run-time support code the VM calls (set by the compiler after linking).
    pub fn support(&self) -> &super::itab::RuntimeSupport {
        &self.support
    }

    /// Sets the run-time support code; a function id out of range is ignored.
    pub fn set_support(&mut self, support: super::itab::RuntimeSupport) {
        let ok = support.preprint.is_none_or(|f| self.functions.get(f as usize).is_some_and(|f| f.sig.params.is_empty() && f.sig.results.len() == 3));
        let mut support = if ok { support } else { super::itab::RuntimeSupport { preprint: None, ..support } };
        let tp_ok = support.timerproc.is_none_or(|f| self.functions.get(f as usize).is_some_and(|f| f.sig.params.is_empty() && f.sig.results.is_empty()));
        if !tp_ok {
            support.timerproc = None;
        }
        self.support = support;
    }

    /// The number of entries in the type table.
    pub fn type_count(&self) -> usize {
        self.types.len()
    }

    /// The function whose name is `name`.
    pub fn find(&self, name: &str) -> Option<FuncId> {
        self.functions.iter().position(|f| f.name == name).map(|i| i as FuncId)
    }
}

