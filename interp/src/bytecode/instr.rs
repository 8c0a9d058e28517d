//! The instruction set: one fixed 8-byte [`Instr`] per operation.
//!
//! # Encoding
//!
//! An instruction is a Rust enum whose discriminant is the opcode and whose payload is at
//! most 6 bytes (a `u32` plus a `u16`, or an `i32`, ...), so every instruction is exactly
//! 8 bytes (checked at compile time below). Fixed-size words make the program counter a
//! plain index (branch offsets count instructions, jump targets need no decoding, any
//! index is an instruction boundary and so a resume point for the JIT), and the dispatch
//! loop's `match` compiles to one bounds-free jump table on the first byte, with the
//! operands read from the same 8-byte load. A variable-length byte encoding would be
//! about 40% smaller but costs a decode step per operand and makes "is this PC an
//! instruction boundary" a question; a 16-byte or boxed encoding doubles cache traffic.
//!
//! # Values
//!
//! The operand stack and the frame slots hold untagged 64-bit words; the compiler knows
//! every type. Scalars are kept in a *canonical* form: signed integers sign-extended to
//! 64 bits, unsigned integers zero-extended, `bool` as 0/1, `float64` as its bits,
//! `float32` as its bits in the low half (high half zero). Integer arithmetic is done on
//! 64-bit words; after an operation that can leave the range of a narrower type the
//! compiler emits the matching `SExt*`/`ZExt*` (Go's wraparound), or uses the fused
//! `*I32` forms for `int32`. Division, comparison and right shifts of canonical values
//! need no extension (the only overflow, `MinInt/-1`, wraps back under `SExt`).
//!
//! Multi-word values occupy consecutive words in Go's memory order: a string is
//! `ptr, len`, a slice `ptr, len, cap`, an interface `itab|type, data`, a complex
//! number `re, im`. A struct or array held in frame slots occupies `ceil(size/8)` slots
//! containing its exact Go memory image (fields at their gc offsets), so copying between
//! memory and frame is a block copy; a struct is pushed with `LoadSlots`/`LoadBlock`.
//!
//! # Conventions
//!
//! *Branch offsets* are relative to the instruction after the branch (`0` falls
//! through). *Stores* take the address below the value (`[addr, value]`: the address
//! is pushed first). Every memory access first checks its base address against the nil
//! page (below 4096) and panics with gc's nil-dereference error, so `p.f` on a nil `p`
//! needs no separate check; [`Instr::NilCheck`] is for code that forms an address
//! without loading through it. *Calls*: the arguments become the callee's first slots
//! in place and its results replace them (see `vm::stack` for the frame layout).
//!
//! # Instruction forms
//!
//! Besides the plain stack forms there are *slot-operand forms* (`LoadAddImm`,
//! `AddSlots`, `IndexSlots`, `Br*Imm`, `Br*Slot`, `Br*SlotImm`, `Br*Slots`, `RetSlot`)
//! that read frame slots or immediates directly. Dispatch dominates an interpreter's
//! cost, so they exist to cut the number of instructions executed for the commonest
//! shapes (measured on fib: −44% instructions, −40% time; sieve: −58%, −55%). The
//! builder forms more of them by peephole from the plain forms (`Load2`, `*F64Slot`,
//! `LoadField`, `*F64Field`, `LoadIndexSlots`, `AddSlot`, `AddImm`; see
//! [`FunctionBuilder::emit`](super::FunctionBuilder::emit)), and the compiler emits the
//! stores that have no plain-form equivalent order (`StoreField`, `StoreIndexSlots`).

/// One bytecode instruction. Stack effects are written `[inputs] -> [outputs]`, top of
/// stack last.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Instr {
    /// Does nothing (padding left by patched code).
    Nop,

    // ---- constants and operand-stack shuffling
    /// `[] -> [v]`: push the immediate, sign-extended to 64 bits.
    Const(i32),
    /// `[] -> [w]`: push word `index` of the function's constant pool.
    ConstWord(u32),
    /// `[a] -> []`.
    Pop,
    /// `[a] -> [a, a]`.
    Dup,
    /// `[a, b] -> [b, a]`.
    Swap,

    // ---- frame slots (slot 0 is the first parameter)
    /// `[] -> [slot]`.
    Load(u32),
    /// `[v] -> []`: `slot = v`.
    Store(u32),
    /// `[] -> [a, b]`: two `Load`s in one (a peephole form).
    Load2 { a: u16, b: u16 },
    /// `[] -> [slot, slot+1, ..., slot+n-1]`: push a multi-word value.
    LoadSlots { slot: u32, n: u16 },
    /// `[w0 .. wn-1] -> []`: store a multi-word value into `slot..slot+n`.
    StoreSlots { slot: u32, n: u16 },
    /// `[] -> []`: `slot = slot + imm` (64-bit wrapping; `i++`, `i -= 2` on word-sized ints).
    AddSlotImm { slot: u32, imm: i16 },
    /// `[] -> [ctx]`: the closure context of the running call (the func value's
    /// pointer: word 0 is the code, captured variables follow), or 0 for a static call.
    LoadCtx,

    // ---- 64-bit integer arithmetic (wrapping; operands and results canonical words)
    /// `[a, b] -> [a + b]`.
    AddI64,
    /// `[a, b] -> [a - b]`.
    SubI64,
    /// `[a, b] -> [a * b]`.
    MulI64,
    /// `[a, b] -> [a / b]` signed; panics on `b == 0`; `MinInt64 / -1 == MinInt64`.
    DivI64,
    /// `[a, b] -> [a % b]` signed; panics on `b == 0`; `MinInt64 % -1 == 0`.
    RemI64,
    /// `[a, b] -> [a / b]` unsigned; panics on `b == 0`.
    DivU64,
    /// `[a, b] -> [a % b]` unsigned; panics on `b == 0`.
    RemU64,
    /// `[a] -> [-a]`.
    NegI64,
    /// `[a, b] -> [a & b]`.
    And,
    /// `[a, b] -> [a | b]`.
    Or,
    /// `[a, b] -> [a ^ b]`.
    Xor,
    /// `[a, b] -> [a &^ b]`.
    AndNot,
    /// `[a] -> [^a]`.
    Not,
    /// `[a, s] -> [a << s]`; `s` is unsigned, `s >= 64` gives 0 (Go's rule).
    Shl,
    /// `[a, s] -> [a >> s]` arithmetic; `s >= 64` gives 0 or -1.
    ShrI64,
    /// `[a, s] -> [a >> s]` logical; `s >= 64` gives 0.
    ShrU64,
    /// `[s] -> [s]`: panics with "negative shift amount" if the signed count is negative.
    CheckShift,
    /// `[a] -> [a + imm]`.
    AddImm(i32),

    // ---- width fixing (Go's wraparound for narrow integer types)
    /// `[a] -> [sign-extend low 8 bits]`.
    SExt8,
    /// `[a] -> [sign-extend low 16 bits]`.
    SExt16,
    /// `[a] -> [sign-extend low 32 bits]`.
    SExt32,
    /// `[a] -> [zero-extend low 8 bits]`.
    ZExt8,
    /// `[a] -> [zero-extend low 16 bits]`.
    ZExt16,
    /// `[a] -> [zero-extend low 32 bits]`.
    ZExt32,

    // ---- fused 32-bit signed arithmetic (`int32`, `rune`): result sign-extended
    /// `[a, b] -> [int32(a + b)]`.
    AddI32,
    /// `[a, b] -> [int32(a - b)]`.
    SubI32,
    /// `[a, b] -> [int32(a * b)]`.
    MulI32,

    // ---- integer comparisons: `[a, b] -> [0 or 1]`
    /// `a == b` (also for pointers, bools, and single-word equality).
    Eq,
    /// `a != b`.
    Ne,
    /// `a < b` signed.
    LtI64,
    /// `a <= b` signed.
    LeI64,
    /// `a > b` signed.
    GtI64,
    /// `a >= b` signed.
    GeI64,
    /// `a < b` unsigned.
    LtU64,
    /// `a <= b` unsigned.
    LeU64,
    /// `a > b` unsigned.
    GtU64,
    /// `a >= b` unsigned.
    GeU64,
    /// `[a] -> [a == 0]` (logical not of a bool).
    Eqz,

    // ---- floating point (IEEE 754, as Go)
    /// `[a, b] -> [a + b]` float64.
    AddF64,
    /// `[a, b] -> [a - b]` float64.
    SubF64,
    /// `[a, b] -> [a * b]` float64.
    MulF64,
    /// `[a] -> [√a]` float64 (IEEE square root: `math.Sqrt`, which gc also compiles to
    /// one instruction).
    SqrtF64,
    /// `[a, b] -> [a / b]` float64.
    DivF64,
    /// `[a] -> [-a]` float64 (flips the sign bit, as Go).
    NegF64,
    /// `[a, b] -> [a == b]` float64.
    EqF64,
    /// `[a, b] -> [a != b]` float64 (true when either is NaN).
    NeF64,
    /// `[a, b] -> [a < b]` float64.
    LtF64,
    /// `[a, b] -> [a <= b]` float64.
    LeF64,
    /// `[a, b] -> [a > b]` float64.
    GtF64,
    /// `[a, b] -> [a >= b]` float64.
    GeF64,
    /// `[a, b] -> [a + b]` float32.
    AddF32,
    /// `[a, b] -> [a - b]` float32.
    SubF32,
    /// `[a, b] -> [a * b]` float32.
    MulF32,
    /// `[a, b] -> [a / b]` float32.
    DivF32,
    /// `[a] -> [-a]` float32.
    NegF32,
    /// `[a, b] -> [a == b]` float32.
    EqF32,
    /// `[a, b] -> [a != b]` float32.
    NeF32,
    /// `[a, b] -> [a < b]` float32.
    LtF32,
    /// `[a, b] -> [a <= b]` float32.
    LeF32,
    /// `[a, b] -> [a > b]` float32.
    GtF32,
    /// `[a, b] -> [a >= b]` float32.
    GeF32,
    /// `[re1, im1, re2, im2] -> [re, im]`: complex128 multiplication.
    MulC128,
    /// `[re1, im1, re2, im2] -> [re, im]`: complex128 division as gc's `complex128div`.
    DivC128,

    // ---- conversions (float→int as gc on amd64: NaN and out-of-range give MinInt64)
    /// int64 → float64.
    I64ToF64,
    /// uint64 → float64.
    U64ToF64,
    /// float64 → int64.
    F64ToI64,
    /// float64 → uint64.
    F64ToU64,
    /// int64 → float32.
    I64ToF32,
    /// uint64 → float32.
    U64ToF32,
    /// float32 → int64.
    F32ToI64,
    /// float32 → uint64.
    F32ToU64,
    /// float32 → float64.
    F32ToF64,
    /// float64 → float32 (rounding to nearest).
    F64ToF32,

    // ---- control flow (offsets relative to the next instruction)
    /// Unconditional jump. A negative offset is a back-edge (a safepoint).
    Jump(i32),
    /// `[c] -> []`: jump if `c != 0`.
    JumpIf(i32),
    /// `[c] -> []`: jump if `c == 0`.
    JumpIfNot(i32),
    /// `[a, b] -> []`: jump if `a == b`.
    BrEq(i32),
    /// `[a, b] -> []`: jump if `a != b`.
    BrNe(i32),
    /// `[a, b] -> []`: jump if `a < b` signed.
    BrLtI64(i32),
    /// `[a, b] -> []`: jump if `a <= b` signed.
    BrLeI64(i32),
    /// `[a, b] -> []`: jump if `a > b` signed.
    BrGtI64(i32),
    /// `[a, b] -> []`: jump if `a >= b` signed.
    BrGeI64(i32),
    /// `[a, b] -> []`: jump if `a < b` unsigned.
    BrLtU64(i32),
    /// `[a, b] -> []`: jump if `a >= b` unsigned.
    BrGeU64(i32),

    // ---- slot-operand forms: the operations above with a frame slot or a small
    // immediate as an operand, so that the commonest statement shapes (`i < n`,
    // `n - 1`, `j += i`, `s[i]`) cost one dispatch instead of three or four. Dispatch
    // (an unpredictable indirect jump) dominates an interpreter's time, so the number
    // of instructions executed is the figure to shrink. The compiler uses them whenever
    // the operands are slots below 65536; they are ordinary instructions, not
    // profile-driven superinstructions.
    /// `[] -> [slot + imm]`.
    LoadAddImm { slot: u32, imm: i16 },
    /// `[a] -> [a + slot]`.
    AddSlot(u32),
    /// `[] -> []`: `dst = a + b` on slots (64-bit wrapping).
    AddSlots { dst: u16, a: u16, b: u16 },
    /// `[] -> [ptr + index*size]`: the bounds-checked element address of the slice or
    /// string whose `ptr, len` are in slots `slice`, `slice+1`, at the index in slot
    /// `index`; panics as [`Instr::Index`].
    IndexSlots { slice: u16, index: u16, size: u16 },
    /// `[] -> [s[i]]`: the element of `width` bytes (1, 2, 4 or 8; sign-extended when
    /// `signed`, else zero-extended) at index slot `index` of the slice or string whose
    /// `ptr, len` are in slots `slice`, `slice+1`; panics as [`Instr::Index`]. A peephole
    /// form of `IndexSlots` and a load.
    LoadIndexSlots { slice: u16, index: u16, width: u8, signed: bool },
    /// [`Instr::LoadIndexSlots`] of a pointer element.
    LoadIndexSlotsPtr { slice: u16, index: u16 },
    /// `[] -> [base + index*size]` for the pointer in slot `base` and the index in slot
    /// `index`, unchecked: a `range` loop's element, always inside the array it
    /// iterates.
    ElemAddr { base: u16, index: u16, size: u16 },
    /// `[] -> []`: `s[i] = imm` for the slice whose `ptr, len` are in slots `slice`,
    /// `slice+1` and the index in slot `index`, with elements of `width` bytes (1, 2, 4
    /// or 8; the immediate sign-extended, then truncated); panics as [`Instr::Index`].
    /// The sieve's inner loop (`composite[j] = true`) is this, an add and a branch.
    StoreIndexSlotsImm { slice: u16, index: u16, imm: i8, width: u8 },
    /// `[v] -> []`: `s[i] = v` as [`Instr::StoreIndexSlotsImm`] with the value from
    /// the stack (the low `width` bytes of the word). The index is checked after `v`
    /// was computed, as gc orders it.
    StoreIndexSlots { slice: u16, index: u16, width: u8 },
    /// `[a] -> [a + slot]` on `float64`.
    AddF64Slot(u32),
    /// `[a] -> [a - slot]` on `float64`.
    SubF64Slot(u32),
    /// `[a] -> [a * slot]` on `float64`.
    MulF64Slot(u32),
    /// `[a] -> [a / slot]` on `float64`.
    DivF64Slot(u32),
    /// `[a] -> [a + f]` on `float64`, `f` the word at `off` from the pointer in `slot`
    /// (panics on a nil pointer like [`Instr::Load64`]).
    AddF64Field { slot: u16, off: i32 },
    /// `[a] -> [a - f]`, as [`Instr::AddF64Field`].
    SubF64Field { slot: u16, off: i32 },
    /// `[a] -> [a * f]`, as [`Instr::AddF64Field`].
    MulF64Field { slot: u16, off: i32 },
    /// `[a] -> [a / f]`, as [`Instr::AddF64Field`].
    DivF64Field { slot: u16, off: i32 },
    /// `[] -> [slot a + slot b]` on `float64` (the other three alike).
    AddF64Slots { a: u16, b: u16 },
    /// `[] -> [slot a - slot b]`.
    SubF64Slots { a: u16, b: u16 },
    /// `[] -> [slot a * slot b]` (`x*x`).
    MulF64Slots { a: u16, b: u16 },
    /// `[] -> [slot a / slot b]`.
    DivF64Slots { a: u16, b: u16 },
    /// `[] -> [slot a * f]`, `f` the `float64` at `off` from the pointer in slot `p`.
    MulF64SlotField { a: u16, p: u16, off: u16 },
    /// `[] -> [p.f - q.f]`: the `float64` fields at `off` of the pointers in slots `p`
    /// and `q` (`a.x - b.x`).
    SubF64Fields { p: u16, q: u16, off: u16 },
    /// `[x, y] -> []`: store `x + y` at `off` from the pointer in `slot` (the end of
    /// `p.f += e`).
    AddF64StoreField { slot: u16, off: i32 },
    /// `[x, y] -> []`: store `x - y` at `off` from the pointer in `slot`.
    SubF64StoreField { slot: u16, off: i32 },
    /// `[] -> [w]`: the 64-bit scalar word at `off` from the pointer in `slot` (`p.f`
    /// through a pointer variable; panics on a nil pointer like [`Instr::Load64`]).
    LoadField { slot: u16, off: i32 },
    /// `[] -> [w]`: as [`Instr::LoadField`] for a word that is a pointer.
    LoadFieldPtr { slot: u16, off: i32 },
    /// `[v] -> []`: store the 64-bit word `v` at `off` from the pointer in `slot`
    /// (`p.f = v`; the nil check comes after `v` is computed, as gc orders it).
    StoreField { slot: u16, off: i32 },
    /// `[a] -> []`: jump if `a < imm` (signed).
    BrLtImm { imm: i16, off: i32 },
    /// `[a] -> []`: jump if `a <= imm` (signed).
    BrLeImm { imm: i16, off: i32 },
    /// `[a] -> []`: jump if `a > imm` (signed).
    BrGtImm { imm: i16, off: i32 },
    /// `[a] -> []`: jump if `a >= imm` (signed).
    BrGeImm { imm: i16, off: i32 },
    /// `[a] -> []`: jump if `a == imm`.
    BrEqImm { imm: i16, off: i32 },
    /// `[a] -> []`: jump if `a != imm`.
    BrNeImm { imm: i16, off: i32 },
    /// `[a] -> []`: jump if `a < slot` (signed).
    BrLtSlot { slot: u16, off: i32 },
    /// `[a] -> []`: jump if `a <= slot` (signed).
    BrLeSlot { slot: u16, off: i32 },
    /// `[a] -> []`: jump if `a > slot` (signed).
    BrGtSlot { slot: u16, off: i32 },
    /// `[a] -> []`: jump if `a >= slot` (signed).
    BrGeSlot { slot: u16, off: i32 },
    /// `[a] -> []`: jump if `a == slot`.
    BrEqSlot { slot: u16, off: i32 },
    /// `[a] -> []`: jump if `a != slot`.
    BrNeSlot { slot: u16, off: i32 },
    /// `[a] -> []`: jump if `a < slot` (unsigned).
    BrLtUSlot { slot: u16, off: i32 },
    /// `[a] -> []`: jump if `a >= slot` (unsigned).
    BrGeUSlot { slot: u16, off: i32 },

    /// `[] -> []`: jump if `slot < imm` (signed).
    BrLtSlotImm { slot: u16, imm: i8, off: i32 },
    /// `[] -> []`: jump if `slot <= imm` (signed).
    BrLeSlotImm { slot: u16, imm: i8, off: i32 },
    /// `[] -> []`: jump if `slot > imm` (signed).
    BrGtSlotImm { slot: u16, imm: i8, off: i32 },
    /// `[] -> []`: jump if `slot >= imm` (signed).
    BrGeSlotImm { slot: u16, imm: i8, off: i32 },
    /// `[] -> []`: jump if `slot == imm`.
    BrEqSlotImm { slot: u16, imm: i8, off: i32 },
    /// `[] -> []`: jump if `slot != imm`.
    BrNeSlotImm { slot: u16, imm: i8, off: i32 },
    /// `[] -> []`: jump if `slot a < slot b` (signed). The offset is 16 bits:
    /// [`FunctionBuilder::branch`](super::FunctionBuilder::branch) accepts it only for
    /// backward branches in range (loop back-edges).
    BrLtSlots { a: u16, b: u16, off: i16 },
    /// `[] -> []`: jump if `slot a <= slot b` (signed). The offset is 16 bits:
    /// [`FunctionBuilder::branch`](super::FunctionBuilder::branch) accepts it only for
    /// backward branches in range (loop back-edges).
    BrLeSlots { a: u16, b: u16, off: i16 },
    /// `[] -> []`: jump if `slot a > slot b` (signed). The offset is 16 bits:
    /// [`FunctionBuilder::branch`](super::FunctionBuilder::branch) accepts it only for
    /// backward branches in range (loop back-edges).
    BrGtSlots { a: u16, b: u16, off: i16 },
    /// `[] -> []`: jump if `slot a >= slot b` (signed). The offset is 16 bits:
    /// [`FunctionBuilder::branch`](super::FunctionBuilder::branch) accepts it only for
    /// backward branches in range (loop back-edges).
    BrGeSlots { a: u16, b: u16, off: i16 },
    /// `[] -> []`: jump if `slot a == slot b`. The offset is 16 bits:
    /// [`FunctionBuilder::branch`](super::FunctionBuilder::branch) accepts it only for
    /// backward branches in range (loop back-edges).
    BrEqSlots { a: u16, b: u16, off: i16 },
    /// `[] -> []`: jump if `slot a != slot b`. The offset is 16 bits:
    /// [`FunctionBuilder::branch`](super::FunctionBuilder::branch) accepts it only for
    /// backward branches in range (loop back-edges).
    BrNeSlots { a: u16, b: u16, off: i16 },
    /// `[] -> (caller)`: return the single word in `slot` (`return x`).
    RetSlot(u32),

    // ---- memory: `[addr] -> [value]`, `[addr, value] -> []`; operand = byte offset
    /// Load a sign-extended byte.
    Load8S(i32),
    /// Load a zero-extended byte.
    Load8U(i32),
    /// Load a sign-extended 16-bit value.
    Load16S(i32),
    /// Load a zero-extended 16-bit value.
    Load16U(i32),
    /// Load a sign-extended 32-bit value.
    Load32S(i32),
    /// Load a zero-extended 32-bit value (also float32 bits).
    Load32U(i32),
    /// Load a 64-bit scalar word.
    Load64(i32),
    /// Load a 64-bit word that is a pointer (the distinction feeds the stack maps).
    LoadPtr(i32),
    /// Store the low byte.
    Store8(i32),
    /// Store the low 16 bits.
    Store16(i32),
    /// Store the low 32 bits.
    Store32(i32),
    /// Store a 64-bit word.
    Store64(i32),
    /// `[addr] -> [w0 .. w(ceil(size/8)-1)]`: read exactly `size` bytes (the last
    /// word zero-padded) — a struct or array value.
    LoadBlock(u32),
    /// `[addr, w0 .. ] -> []`: write exactly `size` bytes from the words.
    StoreBlock(u32),
    /// `[dst, src] -> []`: copy `size` bytes, as `memmove`.
    CopyBlock(u32),
    /// `[addr] -> []`: zero `size` bytes.
    ZeroBlock(u32),
    /// `[p] -> [p + off]`: field address (no check; see [`Instr::NilCheck`]).
    AddrOff(i32),
    /// `[p] -> [p]`: panic with the nil-dereference error if `p` is nil.
    NilCheck,
    /// `[base, i, len] -> [base + i*size]`: bounds-checked element address;
    /// panics `index out of range [i] with length len` unless `0 <= i < len`.
    Index(u32),
    /// [`Instr::Index`] for an index of unsigned type (reported as unsigned: a huge
    /// `uint` index is not printed as a negative number).
    IndexU(u32),
    /// `[x, y] -> [x]`: a bounds check that panics with gc's `boundsError` of the given
    /// code (`runtime::errors::BoundsCode` as a byte) unless it holds, compared as
    /// unsigned words: `x < y` for the index code, `x <= y` for every other code
    /// (slice bounds `[:x]` against len/cap, `[x:y]`, the three-index forms, and the
    /// slice-to-array conversion with `x` the array length and `y` the slice length).
    /// `signed` says whether `x` has a signed type, so that a negative one is reported.
    Bounds { code: u8, signed: bool },

    // ---- calls. A call's arguments are the top `nparams` words (the callee's first
    // slots, in place); its results replace them.
    /// Static call of function `id`.
    Call(u32),
    /// `[args.., f] -> [results..]`: call a func value (closure pointer; nil panics).
    /// The word counts are the call site's; the VM checks them against the callee.
    CallClosure { params: u16, results: u16 },
    /// `[recv_data, args.., itab] -> [results..]`: call method `method` of an interface
    /// through its itab (`fun[method]` at byte offset `24 + 8*method`, as gc's
    /// `abi.ITab`; the entry holds a [`FuncId`](super::FuncId)). `params` counts the
    /// receiver word. A nil itab panics with the nil-dereference error.
    CallIface { method: u16, params: u16, results: u16 },
    /// `[args..] -> [results..]`: call native function `id` of the program's table.
    CallNative(u32),
    /// `[results..] -> (caller)`: return the top `nresults` words.
    Ret,

    // ---- builtins implemented in the VM
    /// `[value words] -> []`: `print` of one operand of the given kind
    /// (see [`PrintKind`]); `PrintSpace`/`PrintNewline` take no operand.
    Print(PrintKind),

    // ---- runtime operations. Operands index the program's type table. Those marked
    // *reserved* have a fixed encoding but no implementation yet: running them stops
    // the goroutine with `VmError::Unimplemented`.
    /// `[] -> [p]`: allocate a zeroed object of type `t`.
    Alloc(u32),
    /// `[len, cap] -> [ptr, len, cap]`: `make([]T, len, cap)` with elem type `t`;
    /// panics `makeslice: len out of range` / `cap out of range`.
    MakeSlice(u32),
    /// `[ptr, len, cap, n] -> [ptr', len+n, cap']`: make room for `n` more elements of
    /// type `t` (`append`): if `len+n` fits the capacity the slice is only lengthened,
    /// else a new array with gc's growth (`runtime::slice::grow_cap`) receives the old
    /// elements. The caller then stores the new elements at `len..len+n`.
    GrowSlice(u32),
    /// `[size] -> [c]`: `make(chan T, size)` with `t` the element type; panics
    /// `makechan: size out of range` (see `runtime::chan` for the channel's layout).
    MakeChan(u32),
    /// `[c, value..] -> []`: send a value of element type `t` (its words). It may block:
    /// the goroutine parks *at* this instruction and resumes after it once a receiver
    /// took the value, or re-executes it after a `close` (and then panics).
    ChanSend(u32),
    /// `[c] -> [value.., ok]`: receive a value of element type `t`, and whether it came
    /// from a send (false: closed and drained). May block as [`Instr::ChanSend`].
    ChanRecv(u32),
    /// `[c] -> []`: `close(c)`; wakes every parked receiver and sender.
    ChanClose,
    /// `[c0, d0, .., c(n-1), d(n-1)] -> [index, ok]`: `select` over `n` cases, the
    /// operand being `n | SELECT_HAS_DEFAULT` if there is a `default`. Case i is a
    /// channel (nil: never ready) and a descriptor `slot << 1 | is_send`: a send takes
    /// its value from the frame slots at `slot`, a receive stores its value there. One
    /// ready case is chosen uniformly at random; `index` is its number (`n` for
    /// `default`) and `ok` is a receive's second result. Blocks as [`Instr::ChanSend`].
    Select(u16),
    /// `[f] -> []`: defer a call of the func value `f`, which takes no arguments and
    /// returns nothing (the compiler wraps `defer g(x)` into a closure that captured the
    /// evaluated `g` and `x`, as gc does). A nil `f` panics when the call would run.
    Defer,
    /// `[] -> [token]`: this frame's identity (function id and frame index), for
    /// [`Instr::DeferAt`].
    FrameToken,
    /// `[f, token] -> []`: [`Instr::Defer`] on behalf of the frame `token` names: a
    /// range-over-func loop body (a closure) defers into its enclosing function.
    DeferAt,
    /// `[] -> []`: run this frame's deferred calls, newest first, then continue (the
    /// compiler emits it before every return of a function that defers; it re-executes
    /// itself after each deferred call, so no Rust recursion is involved).
    RunDefers,
    /// `[type, data] -> !`: `panic(v)` with an interface value: runs deferred calls
    /// (newest first, on top of the stack, as gc) until one recovers; the frame that
    /// deferred the recovering call then resumes at its [`Instr::Landing`].
    Panic,
    /// `[] -> [type, data]`: `recover()`: the current panic's value if called directly by
    /// a deferred call that a panic is running, else nil. A panic raised by the runtime
    /// is a run-time error: recovered as a value of gc's runtime error type of its class
    /// (see `bytecode::itab::RuntimeSupport`); in a program without that support, as
    /// the type word [`RUNTIME_ERROR_TYPE`] with its data word 0.
    Recover,
    /// No-op marking where the function resumes when a deferred call it made recovers a
    /// panic (at most one per function, with an empty operand stack). The code there
    /// finishes the function as gc does: `RunDefers` for the remaining deferred calls,
    /// then return the named result variables (or zero values). Without a landing, a
    /// recovered function returns zero words as its results.
    Landing,
    /// Internal: continues a panic after a deferred call returns. Deferred calls run by
    /// a panic return to a VM-owned stub holding this instruction; the builder refuses it.
    Unwind,

    // --- Panic printing (interfaces and methods) ---
    /// Internal: `[kind, ptr, len] -> !`: where the run-time support's `preprint` call
    /// (an unrecovered panic value's `Error()` / `String()`) returns to; records the
    /// text and goes on with the next value or the report. The builder refuses it.
    PanicPrinted,

    // ---- goroutines
    /// `[f] -> []`: `go`: start a goroutine calling the func value `f`, which takes no
    /// arguments and returns nothing (the compiler wraps `go g(x)` into a thunk as for
    /// `defer`). A nil `f` is gc's fatal error `go of nil func value`.
    Go,
    // ---- maps and type-directed equality (`vm::map` runs them over `runtime::map` and
    // `runtime::alg`). Operand `c` indexes the function's constant pool, whose word there
    // is the address of the static `runtime::map::MapType` of the map's type (for
    // `EqWords`, of the operands' alg). Keys and values are their canonical words; the
    // VM hashes and stores their memory images.
    /// `[hint] -> [m]`: `make(map[K]V, hint)` (a new empty map; a safepoint).
    MapNew(u32),
    /// `[m] -> [len(m)]` (0 for a nil map).
    MapLen,
    /// `[m, key..] -> [value..]`: `m[key]`, the zero value when absent or `m` is nil.
    MapLoad(u32),
    /// `[m, key..] -> [value.., ok]`: `v, ok := m[key]`.
    MapLoadOk(u32),
    /// `[m, key.., value..] -> []`: `m[key] = value`; panics `assignment to entry in
    /// nil map` on a nil map (a safepoint: it may grow the table).
    MapStore(u32),
    /// `[m, key..] -> []`: `delete(m, key)`.
    MapRemove(u32),
    /// `[m] -> []`: `clear(m)`.
    MapClear(u32),
    /// `[m] -> []`: starts a `range` over `m` whose state (`runtime::map::Iter`) lives in
    /// the 8 frame slots from `slot` (the first 4 are pointer slots).
    MapRangeInit(u32),
    /// `[] -> [ok]`: advances the `range` in slots `slot..slot+8`; when `ok`, slots
    /// `slot+2` and `slot+3` hold the addresses of the entry's key and value.
    MapRangeNext { c: u32, slot: u16 },
    /// `[a.., b..] -> [a == b]`: two values of the same comparable type, `ceil(size/8)`
    /// words each, compared as the alg directs (floats, strings, interfaces, padding).
    EqWords(u32),
}

/// The bit of [`Instr::Select`]'s operand that says the statement has a `default`.
pub const SELECT_HAS_DEFAULT: u16 = 1 << 15;

/// The type word `recover()` yields for a run-time error (see [`Instr::Recover`]).
pub const RUNTIME_ERROR_TYPE: u64 = 1;

/// What a [`Instr::Print`] prints, and so how many words it pops.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrintKind {
    /// A signed integer (1 word).
    Int,
    /// An unsigned integer (1 word).
    Uint,
    /// A float64 (1 word).
    F64,
    /// A float32 (1 word).
    F32,
    /// A complex128 (2 words).
    C128,
    /// A complex64 (2 words of float32 bits).
    C64,
    /// A bool (1 word).
    Bool,
    /// A string (2 words: ptr, len).
    String,
    /// A pointer, chan, map, func or unsafe.Pointer, in hex (1 word).
    Pointer,
    /// A slice as `[len/cap]0xptr` (3 words).
    Slice,
    /// An interface as `(0xtype,0xdata)` (2 words).
    Iface,
    /// The space `println` puts between operands (no word).
    Space,
    /// The newline ending `println` (no word).
    Newline,
}

impl PrintKind {
    /// How many operand words this kind consumes.
    pub fn words(self) -> u32 {
        match self {
            PrintKind::Space | PrintKind::Newline => 0,
            PrintKind::C128 | PrintKind::C64 | PrintKind::String | PrintKind::Iface => 2,
            PrintKind::Slice => 3,
            _ => 1,
        }
    }
}

// The dispatch loop and the instruction cache footprint rely on this.
const _: () = assert!(std::mem::size_of::<Instr>() == 8);

impl Instr {
    /// The branch offset of a jump or conditional branch.
    pub fn branch_offset(&self) -> Option<i32> {
        match *self {
            Instr::Jump(o)
            | Instr::JumpIf(o)
            | Instr::JumpIfNot(o)
            | Instr::BrEq(o)
            | Instr::BrNe(o)
            | Instr::BrLtI64(o)
            | Instr::BrLeI64(o)
            | Instr::BrGtI64(o)
            | Instr::BrGeI64(o)
            | Instr::BrLtU64(o)
            | Instr::BrGeU64(o)
            | Instr::BrLtImm { off: o, .. }
            | Instr::BrLeImm { off: o, .. }
            | Instr::BrGtImm { off: o, .. }
            | Instr::BrGeImm { off: o, .. }
            | Instr::BrEqImm { off: o, .. }
            | Instr::BrNeImm { off: o, .. }
            | Instr::BrLtSlot { off: o, .. }
            | Instr::BrLeSlot { off: o, .. }
            | Instr::BrGtSlot { off: o, .. }
            | Instr::BrGeSlot { off: o, .. }
            | Instr::BrEqSlot { off: o, .. }
            | Instr::BrNeSlot { off: o, .. }
            | Instr::BrLtUSlot { off: o, .. }
            | Instr::BrGeUSlot { off: o, .. }
            | Instr::BrLtSlotImm { off: o, .. }
            | Instr::BrLeSlotImm { off: o, .. }
            | Instr::BrGtSlotImm { off: o, .. }
            | Instr::BrGeSlotImm { off: o, .. }
            | Instr::BrEqSlotImm { off: o, .. }
            | Instr::BrNeSlotImm { off: o, .. } => Some(o),
            Instr::BrLtSlots { off, .. }
            | Instr::BrLeSlots { off, .. }
            | Instr::BrGtSlots { off, .. }
            | Instr::BrGeSlots { off, .. }
            | Instr::BrEqSlots { off, .. }
            | Instr::BrNeSlots { off, .. } => Some(i32::from(off)),
            _ => None,
        }
    }

    /// The same branch with another offset (used when patching labels).
    pub(crate) fn with_branch_offset(self, off: i32) -> Instr {
        match self {
            Instr::Jump(_) => Instr::Jump(off),
            Instr::JumpIf(_) => Instr::JumpIf(off),
            Instr::JumpIfNot(_) => Instr::JumpIfNot(off),
            Instr::BrEq(_) => Instr::BrEq(off),
            Instr::BrNe(_) => Instr::BrNe(off),
            Instr::BrLtI64(_) => Instr::BrLtI64(off),
            Instr::BrLeI64(_) => Instr::BrLeI64(off),
            Instr::BrGtI64(_) => Instr::BrGtI64(off),
            Instr::BrGeI64(_) => Instr::BrGeI64(off),
            Instr::BrLtU64(_) => Instr::BrLtU64(off),
            Instr::BrGeU64(_) => Instr::BrGeU64(off),
            Instr::BrLtImm { imm, .. } => Instr::BrLtImm { imm, off },
            Instr::BrLeImm { imm, .. } => Instr::BrLeImm { imm, off },
            Instr::BrGtImm { imm, .. } => Instr::BrGtImm { imm, off },
            Instr::BrGeImm { imm, .. } => Instr::BrGeImm { imm, off },
            Instr::BrEqImm { imm, .. } => Instr::BrEqImm { imm, off },
            Instr::BrNeImm { imm, .. } => Instr::BrNeImm { imm, off },
            Instr::BrLtSlot { slot, .. } => Instr::BrLtSlot { slot, off },
            Instr::BrLeSlot { slot, .. } => Instr::BrLeSlot { slot, off },
            Instr::BrGtSlot { slot, .. } => Instr::BrGtSlot { slot, off },
            Instr::BrGeSlot { slot, .. } => Instr::BrGeSlot { slot, off },
            Instr::BrEqSlot { slot, .. } => Instr::BrEqSlot { slot, off },
            Instr::BrNeSlot { slot, .. } => Instr::BrNeSlot { slot, off },
            Instr::BrLtUSlot { slot, .. } => Instr::BrLtUSlot { slot, off },
            Instr::BrGeUSlot { slot, .. } => Instr::BrGeUSlot { slot, off },
            Instr::BrLtSlotImm { slot, imm, .. } => Instr::BrLtSlotImm { slot, imm, off },
            Instr::BrLeSlotImm { slot, imm, .. } => Instr::BrLeSlotImm { slot, imm, off },
            Instr::BrGtSlotImm { slot, imm, .. } => Instr::BrGtSlotImm { slot, imm, off },
            Instr::BrGeSlotImm { slot, imm, .. } => Instr::BrGeSlotImm { slot, imm, off },
            Instr::BrEqSlotImm { slot, imm, .. } => Instr::BrEqSlotImm { slot, imm, off },
            Instr::BrNeSlotImm { slot, imm, .. } => Instr::BrNeSlotImm { slot, imm, off },
            // Callers check the range first (see `short_offset`).
            Instr::BrLtSlots { a, b, .. } => Instr::BrLtSlots { a, b, off: off as i16 },
            Instr::BrLeSlots { a, b, .. } => Instr::BrLeSlots { a, b, off: off as i16 },
            Instr::BrGtSlots { a, b, .. } => Instr::BrGtSlots { a, b, off: off as i16 },
            Instr::BrGeSlots { a, b, .. } => Instr::BrGeSlots { a, b, off: off as i16 },
            Instr::BrEqSlots { a, b, .. } => Instr::BrEqSlots { a, b, off: off as i16 },
            Instr::BrNeSlots { a, b, .. } => Instr::BrNeSlots { a, b, off: off as i16 },
            other => other,
        }
    }

    /// The frame slot a slot-operand branch reads.
    pub fn branch_slot(&self) -> Option<u16> {
        match *self {
            Instr::BrLtSlot { slot, .. }
            | Instr::BrLeSlot { slot, .. }
            | Instr::BrGtSlot { slot, .. }
            | Instr::BrGeSlot { slot, .. }
            | Instr::BrEqSlot { slot, .. }
            | Instr::BrNeSlot { slot, .. }
            | Instr::BrLtUSlot { slot, .. }
            | Instr::BrGeUSlot { slot, .. }
            | Instr::BrLtSlotImm { slot, .. }
            | Instr::BrLeSlotImm { slot, .. }
            | Instr::BrGtSlotImm { slot, .. }
            | Instr::BrGeSlotImm { slot, .. }
            | Instr::BrEqSlotImm { slot, .. }
            | Instr::BrNeSlotImm { slot, .. } => Some(slot),
            _ => None,
        }
    }

    /// The two slots of a slot-slot branch (whose offset has only 16 bits).
    pub fn short_branch_slots(&self) -> Option<(u16, u16)> {
        match *self {
            Instr::BrLtSlots { a, b, .. }
            | Instr::BrLeSlots { a, b, .. }
            | Instr::BrGtSlots { a, b, .. }
            | Instr::BrGeSlots { a, b, .. }
            | Instr::BrEqSlots { a, b, .. }
            | Instr::BrNeSlots { a, b, .. } => Some((a, b)),
            _ => None,
        }
    }

    /// The constant-pool index an instruction of the maps block names, if any.
    pub fn map_const(&self) -> Option<u32> {
        match *self {
            Instr::MapNew(c)
            | Instr::MapLoad(c)
            | Instr::MapLoadOk(c)
            | Instr::MapStore(c)
            | Instr::MapRemove(c)
            | Instr::MapClear(c)
            | Instr::MapRangeNext { c, .. }
            | Instr::EqWords(c) => Some(c),
            _ => None,
        }
    }

    /// Whether execution never falls through to the next instruction.
    pub fn is_terminator(&self) -> bool {
        matches!(self, Instr::Jump(_) | Instr::Ret | Instr::RetSlot(_) | Instr::Panic | Instr::Unwind | Instr::PanicPrinted)
    }

    /// Whether the collector may run at this instruction, so that it needs a stack map:
    /// calls, allocations, runtime operations that allocate or block, and back-edges.
    pub fn is_safepoint(&self) -> bool {
        match self {
            Instr::Call(_)
            | Instr::CallClosure { .. }
            | Instr::CallIface { .. }
            | Instr::CallNative(_)
            | Instr::Alloc(_)
            | Instr::MakeSlice(_)
            | Instr::GrowSlice(_)
            | Instr::MapNew(_)
            | Instr::MapStore(_)
            | Instr::MakeChan(_)
            | Instr::ChanSend(_)
            | Instr::ChanRecv(_)
            | Instr::Select(_)
            | Instr::ChanClose
            | Instr::Go
            | Instr::Defer
            | Instr::DeferAt
            | Instr::RunDefers
            | Instr::Panic => true,
            Instr::Jump(o) => *o < 0,
            other => other.branch_offset().is_some_and(|o| o < 0),
        }
    }
}
