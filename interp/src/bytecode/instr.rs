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

use super::function::Kind;

/// The opcode table's generator: from one line per opcode (its operands, stack effect
/// and properties) it makes the [`Instr`] enum and every per-opcode query, so that an
/// instruction is described in exactly one place (LuaJIT's `BCDEF` does the same).
///
/// A line reads `Name(field: T)` or `Name { a: T, b: U }` or `Name`, then
/// `=> pops -> pushes` and optional properties, in this order:
/// - `pops`: an expression over the fields giving the words popped, or `dyn` when the
///   program decides (a call's arguments, a channel's element words);
/// - `pushes`: `[S, P, ...]` the kinds of the pushed words, `(expr)` a [`Push`], or `dyn`;
/// - `slots [..]`: the frame slots the instruction reads or writes as operands;
/// - `branch f`: the field holding a relative branch offset (a negative one makes the
///   instruction a back-edge, and so a safepoint);
/// - `safepoint`: the collector may run here (calls, allocations, blocking operations);
/// - `ends`: execution never falls through;
/// - `fused [..]`: the base instructions this peephole or operand form stands for, in
///   order. The recorder of the JIT sees only base instructions. A fused form's effects
///   happen at the end of its expansion, so an exit can always resume at the fused
///   instruction itself.
macro_rules! instr_table {
    ($(
        $(#[$attr:meta])*
        $name:ident $( ( $t:ident : $tty:ty ) )? $( { $($f:ident : $fty:ty),* } )?
        => $pops:tt -> $push:tt
        $(, slots [$($slot:expr),*])?
        $(, branch $off:ident)?
        $(, safepoint $($sp:lifetime)?)?
        $(, ends $($end:lifetime)?)?
        $(, fused [$($exp:expr),*])?
        ;
    )*) => {
        /// One bytecode instruction. Stack effects are written `[inputs] -> [outputs]`,
        /// top of stack last. Generated by `instr_table!` from the table below.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Instr {
            $(
                $(#[$attr])*
                $name $( ( $tty ) )? $( { $($f : $fty),* } )?,
            )*
        }

        /// The opcode names, in opcode order.
        pub const OPCODE_NAMES: &[&str] = &[$(stringify!($name)),*];

        #[allow(unused_variables, clippy::unnecessary_cast, clippy::useless_conversion)]
        impl Instr {
            /// The opcode's name (`"AddI64"`).
            pub fn name(&self) -> &'static str {
                match *self {
                    $( Instr::$name { .. } => stringify!($name), )*
                }
            }

            /// Words popped, or `None` when the program decides (calls, returns,
            /// channel and map operations, whose word counts come from types).
            pub fn pops(&self) -> Option<u32> {
                match *self {
                    $( Instr::$name $( ($t) )? $( { $($f),* } )? => instr_table!(@pops $pops), )*
                }
            }

            /// What the instruction pushes, or `None` when the program decides.
            pub fn pushes(&self) -> Option<Push> {
                match *self {
                    $( Instr::$name $( ($t) )? $( { $($f),* } )? => instr_table!(@push $push), )*
                }
            }

            /// The frame slots the instruction names as operands (the builder checks them).
            pub fn slot_operands(&self) -> SlotList {
                match *self {
                    $( Instr::$name $( ($t) )? $( { $($f),* } )? => SlotList::new(&[$($($slot),*)?]), )*
                }
            }

            /// The branch offset of a jump or conditional branch.
            pub fn branch_offset(&self) -> Option<i32> {
                match *self {
                    $( Instr::$name $( ($t) )? $( { $($f),* } )? => instr_table!(@off $($off)?), )*
                }
            }

            /// The same branch with another offset (used when patching labels; a 16-bit
            /// offset field gets the low bits: callers check the range first).
            pub(crate) fn with_branch_offset(self, new_off: i32) -> Instr {
                match self {
                    $( Instr::$name $( ($t) )? $( { $($f),* } )? => {
                        $( let $off = new_off as _; )?
                        Instr::$name $( ($t) )? $( { $($f),* } )?
                    } )*
                }
            }

            /// Whether the collector may run at this instruction, so that it needs a
            /// stack map: calls, allocations, runtime operations that allocate or
            /// block, and back-edges.
            pub fn is_safepoint(&self) -> bool {
                let flagged = match *self {
                    $( Instr::$name { .. } => instr_table!(@flag $($($sp)? yes)?) , )*
                };
                flagged || self.branch_offset().is_some_and(|o| o < 0)
            }

            /// Whether execution never falls through to the next instruction.
            pub fn is_terminator(&self) -> bool {
                match *self {
                    $( Instr::$name { .. } => instr_table!(@flag $($($end)? yes)?), )*
                }
            }

            /// One instruction of every opcode, with zero (default) operands.
            #[cfg(test)]
            pub(crate) fn samples() -> Vec<Instr> {
                vec![$( Instr::$name $( ( { let $t: $tty = Default::default(); $t } ) )? $( { $($f: Default::default()),* } )? ),*]
            }

            /// The base instructions a fused or operand form stands for, in order
            /// (`None` for a base instruction). Branches in the expansion keep the fused
            /// branch's offset, so their target is relative to the fused instruction.
            pub fn expansion(&self) -> Option<Expansion> {
                use Instr::*;
                match *self {
                    $( Instr::$name $( ($t) )? $( { $($f),* } )? => instr_table!(@fused $([$($exp),*])?), )*
                }
            }
        }
    };
    (@pops dyn) => { None };
    (@pops $e:expr) => { Some($e as u32) };
    (@push dyn) => { None };
    (@push [$($k:ident),*]) => { Some(Push::Kinds(&[$(instr_table!(@kind $k)),*])) };
    (@push $e:expr) => { Some($e) };
    (@kind S) => { Kind::Scalar };
    (@kind P) => { Kind::Pointer };
    (@off) => { None };
    (@off $off:ident) => { Some(i32::from($off)) };
    (@flag) => { false };
    (@flag yes) => { true };
    (@fused) => { None };
    (@fused [$($exp:expr),*]) => { Some(Expansion::new(&[$($exp),*])) };
}

instr_table! {
    /// Does nothing (padding left by patched code).
    Nop => 0 -> [];

    // ---- constants and operand-stack shuffling
    /// `[] -> [v]`: push the immediate, sign-extended to 64 bits.
    Const(v: i32) => 0 -> [S];
    /// `[] -> [w]`: push word `index` of the function's constant pool.
    ConstWord(i: u32) => 0 -> [S];
    /// `[a] -> []`.
    Pop => 1 -> [];
    /// `[a] -> [a, a]`.
    Dup => 1 -> (Push::Like(2));
    /// `[a, b] -> [b, a]`.
    Swap => 2 -> (Push::Like(2));

    // ---- frame slots (slot 0 is the first parameter)
    /// `[] -> [slot]`.
    Load(s: u32) => 0 -> (Push::Like(1)), slots [s];
    /// `[v] -> []`: `slot = v`.
    Store(s: u32) => 1 -> [], slots [s];
    /// `[] -> [a, b]`: two `Load`s in one (a peephole form).
    Load2 { a: u16, b: u16 } => 0 -> (Push::Like(2)), slots [a.into(), b.into()], fused [Load(a.into()), Load(b.into())];
    /// `[] -> [slot, slot+1, ..., slot+n-1]`: push a multi-word value.
    LoadSlots { slot: u32, n: u16 } => 0 -> (Push::Like(n.into()));
    /// `[w0 .. wn-1] -> []`: store a multi-word value into `slot..slot+n`.
    StoreSlots { slot: u32, n: u16 } => (u32::from(n)) -> [];
    /// `[] -> []`: `slot = slot + imm` (64-bit wrapping; `i++`, `i -= 2` on word-sized ints).
    AddSlotImm { slot: u32, imm: i16 } => 0 -> [], slots [slot], fused [Load(slot), Const(imm.into()), AddI64, Store(slot)];
    /// `[] -> [ctx]`: the closure context of the running call (the func value's
    /// pointer: word 0 is the code, captured variables follow), or 0 for a static call.
    LoadCtx => 0 -> [P];

    // ---- 64-bit integer arithmetic (wrapping; operands and results canonical words)
    /// `[a, b] -> [a + b]`.
    AddI64 => 2 -> [S];
    /// `[a, b] -> [a - b]`.
    SubI64 => 2 -> [S];
    /// `[a, b] -> [a * b]`.
    MulI64 => 2 -> [S];
    /// `[a, b] -> [a / b]` signed; panics on `b == 0`; `MinInt64 / -1 == MinInt64`.
    DivI64 => 2 -> [S];
    /// `[a, b] -> [a % b]` signed; panics on `b == 0`; `MinInt64 % -1 == 0`.
    RemI64 => 2 -> [S];
    /// `[a, b] -> [a / b]` unsigned; panics on `b == 0`.
    DivU64 => 2 -> [S];
    /// `[a, b] -> [a % b]` unsigned; panics on `b == 0`.
    RemU64 => 2 -> [S];
    /// `[a] -> [-a]`.
    NegI64 => 1 -> [S];
    /// `[a, b] -> [a & b]`.
    And => 2 -> [S];
    /// `[a, b] -> [a | b]`.
    Or => 2 -> [S];
    /// `[a, b] -> [a ^ b]`.
    Xor => 2 -> [S];
    /// `[a, b] -> [a &^ b]`.
    AndNot => 2 -> [S];
    /// `[a] -> [^a]`.
    Not => 1 -> [S];
    /// `[a, s] -> [a << s]`; `s` is unsigned, `s >= 64` gives 0 (Go's rule).
    Shl => 2 -> [S];
    /// `[a, s] -> [a >> s]` arithmetic; `s >= 64` gives 0 or -1.
    ShrI64 => 2 -> [S];
    /// `[a, s] -> [a >> s]` logical; `s >= 64` gives 0.
    ShrU64 => 2 -> [S];
    /// `[s] -> [s]`: panics with "negative shift amount" if the signed count is negative.
    CheckShift => 1 -> [S];
    /// `[a] -> [a + imm]`.
    AddImm(k: i32) => 1 -> [S], fused [Const(k), AddI64];

    // ---- width fixing (Go's wraparound for narrow integer types)
    /// `[a] -> [sign-extend low 8 bits]`.
    SExt8 => 1 -> [S];
    /// `[a] -> [sign-extend low 16 bits]`.
    SExt16 => 1 -> [S];
    /// `[a] -> [sign-extend low 32 bits]`.
    SExt32 => 1 -> [S];
    /// `[a] -> [zero-extend low 8 bits]`.
    ZExt8 => 1 -> [S];
    /// `[a] -> [zero-extend low 16 bits]`.
    ZExt16 => 1 -> [S];
    /// `[a] -> [zero-extend low 32 bits]`.
    ZExt32 => 1 -> [S];

    // ---- fused 32-bit signed arithmetic (`int32`, `rune`): result sign-extended
    /// `[a, b] -> [int32(a + b)]`.
    AddI32 => 2 -> [S];
    /// `[a, b] -> [int32(a - b)]`.
    SubI32 => 2 -> [S];
    /// `[a, b] -> [int32(a * b)]`.
    MulI32 => 2 -> [S];

    // ---- integer comparisons: `[a, b] -> [0 or 1]`
    /// `a == b` (also for pointers, bools, and single-word equality).
    Eq => 2 -> [S];
    /// `a != b`.
    Ne => 2 -> [S];
    /// `a < b` signed.
    LtI64 => 2 -> [S];
    /// `a <= b` signed.
    LeI64 => 2 -> [S];
    /// `a > b` signed.
    GtI64 => 2 -> [S];
    /// `a >= b` signed.
    GeI64 => 2 -> [S];
    /// `a < b` unsigned.
    LtU64 => 2 -> [S];
    /// `a <= b` unsigned.
    LeU64 => 2 -> [S];
    /// `a > b` unsigned.
    GtU64 => 2 -> [S];
    /// `a >= b` unsigned.
    GeU64 => 2 -> [S];
    /// `[a] -> [a == 0]` (logical not of a bool).
    Eqz => 1 -> [S];

    // ---- floating point (IEEE 754, as Go)
    /// `[a, b] -> [a + b]` float64.
    AddF64 => 2 -> [S];
    /// `[a, b] -> [a - b]` float64.
    SubF64 => 2 -> [S];
    /// `[a, b] -> [a * b]` float64.
    MulF64 => 2 -> [S];
    /// `[a] -> [√a]` float64 (IEEE square root: `math.Sqrt`, which gc also compiles to
    /// one instruction).
    SqrtF64 => 1 -> [S];
    /// `[a, b] -> [a / b]` float64.
    DivF64 => 2 -> [S];
    /// `[a] -> [-a]` float64 (flips the sign bit, as Go).
    NegF64 => 1 -> [S];
    /// `[a, b] -> [a == b]` float64.
    EqF64 => 2 -> [S];
    /// `[a, b] -> [a != b]` float64 (true when either is NaN).
    NeF64 => 2 -> [S];
    /// `[a, b] -> [a < b]` float64.
    LtF64 => 2 -> [S];
    /// `[a, b] -> [a <= b]` float64.
    LeF64 => 2 -> [S];
    /// `[a, b] -> [a > b]` float64.
    GtF64 => 2 -> [S];
    /// `[a, b] -> [a >= b]` float64.
    GeF64 => 2 -> [S];
    /// `[a, b] -> [a + b]` float32.
    AddF32 => 2 -> [S];
    /// `[a, b] -> [a - b]` float32.
    SubF32 => 2 -> [S];
    /// `[a, b] -> [a * b]` float32.
    MulF32 => 2 -> [S];
    /// `[a, b] -> [a / b]` float32.
    DivF32 => 2 -> [S];
    /// `[a] -> [-a]` float32.
    NegF32 => 1 -> [S];
    /// `[a, b] -> [a == b]` float32.
    EqF32 => 2 -> [S];
    /// `[a, b] -> [a != b]` float32.
    NeF32 => 2 -> [S];
    /// `[a, b] -> [a < b]` float32.
    LtF32 => 2 -> [S];
    /// `[a, b] -> [a <= b]` float32.
    LeF32 => 2 -> [S];
    /// `[a, b] -> [a > b]` float32.
    GtF32 => 2 -> [S];
    /// `[a, b] -> [a >= b]` float32.
    GeF32 => 2 -> [S];
    /// `[re1, im1, re2, im2] -> [re, im]`: complex128 multiplication.
    MulC128 => 4 -> [S, S];
    /// `[re1, im1, re2, im2] -> [re, im]`: complex128 division as gc's `complex128div`.
    DivC128 => 4 -> [S, S];

    // ---- conversions (float→int as gc on amd64: NaN and out-of-range give MinInt64)
    /// int64 → float64.
    I64ToF64 => 1 -> [S];
    /// uint64 → float64.
    U64ToF64 => 1 -> [S];
    /// float64 → int64.
    F64ToI64 => 1 -> [S];
    /// float64 → uint64.
    F64ToU64 => 1 -> [S];
    /// int64 → float32.
    I64ToF32 => 1 -> [S];
    /// uint64 → float32.
    U64ToF32 => 1 -> [S];
    /// float32 → int64.
    F32ToI64 => 1 -> [S];
    /// float32 → uint64.
    F32ToU64 => 1 -> [S];
    /// float32 → float64.
    F32ToF64 => 1 -> [S];
    /// float64 → float32 (rounding to nearest).
    F64ToF32 => 1 -> [S];

    // ---- control flow (offsets relative to the next instruction)
    /// Unconditional jump. A negative offset is a back-edge (a safepoint).
    Jump(off: i32) => 0 -> [], branch off, ends;
    /// `[c] -> []`: jump if `c != 0`.
    JumpIf(off: i32) => 1 -> [], branch off;
    /// `[c] -> []`: jump if `c == 0`.
    JumpIfNot(off: i32) => 1 -> [], branch off;
    /// `[a, b] -> []`: jump if `a == b`.
    BrEq(off: i32) => 2 -> [], branch off;
    /// `[a, b] -> []`: jump if `a != b`.
    BrNe(off: i32) => 2 -> [], branch off;
    /// `[a, b] -> []`: jump if `a < b` signed.
    BrLtI64(off: i32) => 2 -> [], branch off;
    /// `[a, b] -> []`: jump if `a <= b` signed.
    BrLeI64(off: i32) => 2 -> [], branch off;
    /// `[a, b] -> []`: jump if `a > b` signed.
    BrGtI64(off: i32) => 2 -> [], branch off;
    /// `[a, b] -> []`: jump if `a >= b` signed.
    BrGeI64(off: i32) => 2 -> [], branch off;
    /// `[a, b] -> []`: jump if `a < b` unsigned.
    BrLtU64(off: i32) => 2 -> [], branch off;
    /// `[a, b] -> []`: jump if `a >= b` unsigned.
    BrGeU64(off: i32) => 2 -> [], branch off;

    // ---- slot-operand forms: the operations above with a frame slot or a small
    // immediate as an operand, so that the commonest statement shapes (`i < n`,
    // `n - 1`, `j += i`, `s[i]`) cost one dispatch instead of three or four. Dispatch
    // (an unpredictable indirect jump) dominates an interpreter's time, so the number
    // of instructions executed is the figure to shrink. The compiler uses them whenever
    // the operands are slots below 65536; they are ordinary instructions, not
    // profile-driven superinstructions.
    /// `[] -> [slot + imm]`.
    LoadAddImm { slot: u32, imm: i16 } => 0 -> [S], slots [slot], fused [Load(slot), Const(imm.into()), AddI64];
    /// `[a] -> [a + slot]`.
    AddSlot(slot: u32) => 1 -> [S], slots [slot], fused [Load(slot), AddI64];
    /// `[] -> []`: `dst = a + b` on slots (64-bit wrapping).
    AddSlots { dst: u16, a: u16, b: u16 } => 0 -> [], slots [dst.into(), a.into(), b.into()], fused [Load(a.into()), Load(b.into()), AddI64, Store(dst.into())];
    /// `[] -> [ptr + index*size]`: the bounds-checked element address of the slice or
    /// string whose `ptr, len` are in slots `slice`, `slice+1`, at the index in slot
    /// `index`; panics as [`Instr::Index`].
    IndexSlots { slice: u16, index: u16, size: u16 } => 0 -> [P], slots [slice.into(), u32::from(slice) + 1, index.into()], fused [Load(slice.into()), Load(index.into()), Load(u32::from(slice) + 1), Index(size.into())];
    /// `[] -> [s[i]]`: the element of `width` bytes (1, 2, 4 or 8; sign-extended when
    /// `signed`, else zero-extended) at index slot `index` of the slice or string whose
    /// `ptr, len` are in slots `slice`, `slice+1`; panics as [`Instr::Index`]. A peephole
    /// form of `IndexSlots` and a load.
    LoadIndexSlots { slice: u16, index: u16, width: u8, signed: bool } => 0 -> [S], slots [slice.into(), u32::from(slice) + 1, index.into()], fused [Load(slice.into()), Load(index.into()), Load(u32::from(slice) + 1), Index(width.into()), Instr::load_of_width(width, signed)];
    /// [`Instr::LoadIndexSlots`] of a pointer element.
    LoadIndexSlotsPtr { slice: u16, index: u16 } => 0 -> [P], slots [slice.into(), u32::from(slice) + 1, index.into()], fused [Load(slice.into()), Load(index.into()), Load(u32::from(slice) + 1), Index(8), LoadPtr(0)];
    /// `[] -> [base + index*size]` for the pointer in slot `base` and the index in slot
    /// `index`, unchecked: a `range` loop's element, always inside the array it
    /// iterates.
    ElemAddr { base: u16, index: u16, size: u16 } => 0 -> [P], slots [base.into(), index.into()], fused [Load(base.into()), Load(index.into()), Const(size.into()), MulI64, AddI64];
    /// `[] -> []`: `s[i] = imm` for the slice whose `ptr, len` are in slots `slice`,
    /// `slice+1` and the index in slot `index`, with elements of `width` bytes (1, 2, 4
    /// or 8; the immediate sign-extended, then truncated); panics as [`Instr::Index`].
    /// The sieve's inner loop (`composite[j] = true`) is this, an add and a branch.
    StoreIndexSlotsImm { slice: u16, index: u16, imm: i8, width: u8 } => 0 -> [], slots [slice.into(), u32::from(slice) + 1, index.into()], fused [Load(slice.into()), Load(index.into()), Load(u32::from(slice) + 1), Index(width.into()), Const(imm.into()), Instr::store_of_width(width)];
    /// `[v] -> []`: `s[i] = v` as [`Instr::StoreIndexSlotsImm`] with the value from
    /// the stack (the low `width` bytes of the word). The index is checked after `v`
    /// was computed, as gc orders it.
    StoreIndexSlots { slice: u16, index: u16, width: u8 } => 1 -> [], slots [slice.into(), u32::from(slice) + 1, index.into()], fused [Load(slice.into()), Load(index.into()), Load(u32::from(slice) + 1), Index(width.into()), Swap, Instr::store_of_width(width)];
    /// `[a] -> [a + slot]` on `float64`.
    AddF64Slot(slot: u32) => 1 -> [S], slots [slot], fused [Load(slot), AddF64];
    /// `[a] -> [a - slot]` on `float64`.
    SubF64Slot(slot: u32) => 1 -> [S], slots [slot], fused [Load(slot), SubF64];
    /// `[a] -> [a * slot]` on `float64`.
    MulF64Slot(slot: u32) => 1 -> [S], slots [slot], fused [Load(slot), MulF64];
    /// `[a] -> [a / slot]` on `float64`.
    DivF64Slot(slot: u32) => 1 -> [S], slots [slot], fused [Load(slot), DivF64];
    /// `[a] -> [a + f]` on `float64`, `f` the word at `off` from the pointer in `slot`
    /// (panics on a nil pointer like [`Instr::Load64`]).
    AddF64Field { slot: u16, off: i32 } => 1 -> [S], slots [slot.into()], fused [Load(slot.into()), Load64(off), AddF64];
    /// `[a] -> [a - f]`, as [`Instr::AddF64Field`].
    SubF64Field { slot: u16, off: i32 } => 1 -> [S], slots [slot.into()], fused [Load(slot.into()), Load64(off), SubF64];
    /// `[a] -> [a * f]`, as [`Instr::AddF64Field`].
    MulF64Field { slot: u16, off: i32 } => 1 -> [S], slots [slot.into()], fused [Load(slot.into()), Load64(off), MulF64];
    /// `[a] -> [a / f]`, as [`Instr::AddF64Field`].
    DivF64Field { slot: u16, off: i32 } => 1 -> [S], slots [slot.into()], fused [Load(slot.into()), Load64(off), DivF64];
    /// `[] -> [slot a + slot b]` on `float64` (the other three alike).
    AddF64Slots { a: u16, b: u16 } => 0 -> [S], slots [a.into(), b.into()], fused [Load(a.into()), Load(b.into()), AddF64];
    /// `[] -> [slot a - slot b]`.
    SubF64Slots { a: u16, b: u16 } => 0 -> [S], slots [a.into(), b.into()], fused [Load(a.into()), Load(b.into()), SubF64];
    /// `[] -> [slot a * slot b]` (`x*x`).
    MulF64Slots { a: u16, b: u16 } => 0 -> [S], slots [a.into(), b.into()], fused [Load(a.into()), Load(b.into()), MulF64];
    /// `[] -> [slot a / slot b]`.
    DivF64Slots { a: u16, b: u16 } => 0 -> [S], slots [a.into(), b.into()], fused [Load(a.into()), Load(b.into()), DivF64];
    /// `[] -> [slot a * f]`, `f` the `float64` at `off` from the pointer in slot `p`.
    MulF64SlotField { a: u16, p: u16, off: u16 } => 0 -> [S], slots [a.into(), p.into()], fused [Load(a.into()), Load(p.into()), Load64(off.into()), MulF64];
    /// `[] -> [p.f - q.f]`: the `float64` fields at `off` of the pointers in slots `p`
    /// and `q` (`a.x - b.x`).
    SubF64Fields { p: u16, q: u16, off: u16 } => 0 -> [S], slots [p.into(), q.into()], fused [Load(p.into()), Load64(off.into()), Load(q.into()), Load64(off.into()), SubF64];
    /// `[x, y] -> []`: store `x + y` at `off` from the pointer in `slot` (the end of
    /// `p.f += e`).
    AddF64StoreField { slot: u16, off: i32 } => 2 -> [], slots [slot.into()], fused [AddF64, Load(slot.into()), Swap, Store64(off)];
    /// `[x, y] -> []`: store `x - y` at `off` from the pointer in `slot`.
    SubF64StoreField { slot: u16, off: i32 } => 2 -> [], slots [slot.into()], fused [SubF64, Load(slot.into()), Swap, Store64(off)];
    /// `[] -> [w]`: the 64-bit scalar word at `off` from the pointer in `slot` (`p.f`
    /// through a pointer variable; panics on a nil pointer like [`Instr::Load64`]).
    LoadField { slot: u16, off: i32 } => 0 -> [S], slots [slot.into()], fused [Load(slot.into()), Load64(off)];
    /// `[] -> [w]`: as [`Instr::LoadField`] for a word that is a pointer.
    LoadFieldPtr { slot: u16, off: i32 } => 0 -> [P], slots [slot.into()], fused [Load(slot.into()), LoadPtr(off)];
    /// `[v] -> []`: store the 64-bit word `v` at `off` from the pointer in `slot`
    /// (`p.f = v`; the nil check comes after `v` is computed, as gc orders it).
    StoreField { slot: u16, off: i32 } => 1 -> [], slots [slot.into()], fused [Load(slot.into()), Swap, Store64(off)];
    /// `[a] -> []`: jump if `a < imm` (signed).
    BrLtImm { imm: i16, off: i32 } => 1 -> [], branch off, fused [Const(imm.into()), BrLtI64(off)];
    /// `[a] -> []`: jump if `a <= imm` (signed).
    BrLeImm { imm: i16, off: i32 } => 1 -> [], branch off, fused [Const(imm.into()), BrLeI64(off)];
    /// `[a] -> []`: jump if `a > imm` (signed).
    BrGtImm { imm: i16, off: i32 } => 1 -> [], branch off, fused [Const(imm.into()), BrGtI64(off)];
    /// `[a] -> []`: jump if `a >= imm` (signed).
    BrGeImm { imm: i16, off: i32 } => 1 -> [], branch off, fused [Const(imm.into()), BrGeI64(off)];
    /// `[a] -> []`: jump if `a == imm`.
    BrEqImm { imm: i16, off: i32 } => 1 -> [], branch off, fused [Const(imm.into()), BrEq(off)];
    /// `[a] -> []`: jump if `a != imm`.
    BrNeImm { imm: i16, off: i32 } => 1 -> [], branch off, fused [Const(imm.into()), BrNe(off)];
    /// `[a] -> []`: jump if `a < slot` (signed).
    BrLtSlot { slot: u16, off: i32 } => 1 -> [], slots [slot.into()], branch off, fused [Load(slot.into()), BrLtI64(off)];
    /// `[a] -> []`: jump if `a <= slot` (signed).
    BrLeSlot { slot: u16, off: i32 } => 1 -> [], slots [slot.into()], branch off, fused [Load(slot.into()), BrLeI64(off)];
    /// `[a] -> []`: jump if `a > slot` (signed).
    BrGtSlot { slot: u16, off: i32 } => 1 -> [], slots [slot.into()], branch off, fused [Load(slot.into()), BrGtI64(off)];
    /// `[a] -> []`: jump if `a >= slot` (signed).
    BrGeSlot { slot: u16, off: i32 } => 1 -> [], slots [slot.into()], branch off, fused [Load(slot.into()), BrGeI64(off)];
    /// `[a] -> []`: jump if `a == slot`.
    BrEqSlot { slot: u16, off: i32 } => 1 -> [], slots [slot.into()], branch off, fused [Load(slot.into()), BrEq(off)];
    /// `[a] -> []`: jump if `a != slot`.
    BrNeSlot { slot: u16, off: i32 } => 1 -> [], slots [slot.into()], branch off, fused [Load(slot.into()), BrNe(off)];
    /// `[a] -> []`: jump if `a < slot` (unsigned).
    BrLtUSlot { slot: u16, off: i32 } => 1 -> [], slots [slot.into()], branch off, fused [Load(slot.into()), BrLtU64(off)];
    /// `[a] -> []`: jump if `a >= slot` (unsigned).
    BrGeUSlot { slot: u16, off: i32 } => 1 -> [], slots [slot.into()], branch off, fused [Load(slot.into()), BrGeU64(off)];

    /// `[] -> []`: jump if `slot < imm` (signed).
    BrLtSlotImm { slot: u16, imm: i8, off: i32 } => 0 -> [], slots [slot.into()], branch off, fused [Load(slot.into()), Const(imm.into()), BrLtI64(off)];
    /// `[] -> []`: jump if `slot <= imm` (signed).
    BrLeSlotImm { slot: u16, imm: i8, off: i32 } => 0 -> [], slots [slot.into()], branch off, fused [Load(slot.into()), Const(imm.into()), BrLeI64(off)];
    /// `[] -> []`: jump if `slot > imm` (signed).
    BrGtSlotImm { slot: u16, imm: i8, off: i32 } => 0 -> [], slots [slot.into()], branch off, fused [Load(slot.into()), Const(imm.into()), BrGtI64(off)];
    /// `[] -> []`: jump if `slot >= imm` (signed).
    BrGeSlotImm { slot: u16, imm: i8, off: i32 } => 0 -> [], slots [slot.into()], branch off, fused [Load(slot.into()), Const(imm.into()), BrGeI64(off)];
    /// `[] -> []`: jump if `slot == imm`.
    BrEqSlotImm { slot: u16, imm: i8, off: i32 } => 0 -> [], slots [slot.into()], branch off, fused [Load(slot.into()), Const(imm.into()), BrEq(off)];
    /// `[] -> []`: jump if `slot != imm`.
    BrNeSlotImm { slot: u16, imm: i8, off: i32 } => 0 -> [], slots [slot.into()], branch off, fused [Load(slot.into()), Const(imm.into()), BrNe(off)];
    /// `[] -> []`: jump if `slot a < slot b` (signed). The offset is 16 bits:
    /// [`FunctionBuilder::branch`](super::FunctionBuilder::branch) accepts it only for
    /// backward branches in range (loop back-edges).
    BrLtSlots { a: u16, b: u16, off: i16 } => 0 -> [], slots [a.into(), b.into()], branch off, fused [Load(a.into()), Load(b.into()), BrLtI64(off.into())];
    /// `[] -> []`: jump if `slot a <= slot b` (signed). The offset is 16 bits:
    /// [`FunctionBuilder::branch`](super::FunctionBuilder::branch) accepts it only for
    /// backward branches in range (loop back-edges).
    BrLeSlots { a: u16, b: u16, off: i16 } => 0 -> [], slots [a.into(), b.into()], branch off, fused [Load(a.into()), Load(b.into()), BrLeI64(off.into())];
    /// `[] -> []`: jump if `slot a > slot b` (signed). The offset is 16 bits:
    /// [`FunctionBuilder::branch`](super::FunctionBuilder::branch) accepts it only for
    /// backward branches in range (loop back-edges).
    BrGtSlots { a: u16, b: u16, off: i16 } => 0 -> [], slots [a.into(), b.into()], branch off, fused [Load(a.into()), Load(b.into()), BrGtI64(off.into())];
    /// `[] -> []`: jump if `slot a >= slot b` (signed). The offset is 16 bits:
    /// [`FunctionBuilder::branch`](super::FunctionBuilder::branch) accepts it only for
    /// backward branches in range (loop back-edges).
    BrGeSlots { a: u16, b: u16, off: i16 } => 0 -> [], slots [a.into(), b.into()], branch off, fused [Load(a.into()), Load(b.into()), BrGeI64(off.into())];
    /// `[] -> []`: jump if `slot a == slot b`. The offset is 16 bits:
    /// [`FunctionBuilder::branch`](super::FunctionBuilder::branch) accepts it only for
    /// backward branches in range (loop back-edges).
    BrEqSlots { a: u16, b: u16, off: i16 } => 0 -> [], slots [a.into(), b.into()], branch off, fused [Load(a.into()), Load(b.into()), BrEq(off.into())];
    /// `[] -> []`: jump if `slot a != slot b`. The offset is 16 bits:
    /// [`FunctionBuilder::branch`](super::FunctionBuilder::branch) accepts it only for
    /// backward branches in range (loop back-edges).
    BrNeSlots { a: u16, b: u16, off: i16 } => 0 -> [], slots [a.into(), b.into()], branch off, fused [Load(a.into()), Load(b.into()), BrNe(off.into())];
    /// `[] -> (caller)`: return the single word in `slot` (`return x`).
    RetSlot(slot: u32) => 0 -> [], slots [slot], ends, fused [Load(slot), Ret];

    // ---- memory: `[addr] -> [value]`, `[addr, value] -> []`; operand = byte offset
    /// Load a sign-extended byte.
    Load8S(off: i32) => 1 -> [S];
    /// Load a zero-extended byte.
    Load8U(off: i32) => 1 -> [S];
    /// Load a sign-extended 16-bit value.
    Load16S(off: i32) => 1 -> [S];
    /// Load a zero-extended 16-bit value.
    Load16U(off: i32) => 1 -> [S];
    /// Load a sign-extended 32-bit value.
    Load32S(off: i32) => 1 -> [S];
    /// Load a zero-extended 32-bit value (also float32 bits).
    Load32U(off: i32) => 1 -> [S];
    /// Load a 64-bit scalar word.
    Load64(off: i32) => 1 -> [S];
    /// Load a 64-bit word that is a pointer (the distinction feeds the stack maps).
    LoadPtr(off: i32) => 1 -> [P];
    /// Store the low byte.
    Store8(off: i32) => 2 -> [];
    /// Store the low 16 bits.
    Store16(off: i32) => 2 -> [];
    /// Store the low 32 bits.
    Store32(off: i32) => 2 -> [];
    /// Store a 64-bit word.
    Store64(off: i32) => 2 -> [];
    /// `[addr] -> [w0 .. w(ceil(size/8)-1)]`: read exactly `size` bytes (the last
    /// word zero-padded) — a struct or array value.
    LoadBlock(size: u32) => 1 -> (Push::Scalars(size.div_ceil(8)));
    /// `[addr, w0 .. ] -> []`: write exactly `size` bytes from the words.
    StoreBlock(size: u32) => (1 + size.div_ceil(8)) -> [];
    /// `[dst, src] -> []`: copy `size` bytes, as `memmove`.
    CopyBlock(size: u32) => 2 -> [];
    /// `[addr] -> []`: zero `size` bytes.
    ZeroBlock(size: u32) => 1 -> [];
    /// `[p] -> [p + off]`: field address (no check; see [`Instr::NilCheck`]).
    AddrOff(off: i32) => 1 -> [P];
    /// `[p] -> [p]`: panic with the nil-dereference error if `p` is nil.
    NilCheck => 1 -> (Push::Like(1));
    /// `[base, i, len] -> [base + i*size]`: bounds-checked element address;
    /// panics `index out of range [i] with length len` unless `0 <= i < len`.
    Index(size: u32) => 3 -> [P];
    /// [`Instr::Index`] for an index of unsigned type (reported as unsigned: a huge
    /// `uint` index is not printed as a negative number).
    IndexU(size: u32) => 3 -> [P];
    /// `[x, y] -> [x]`: a bounds check that panics with gc's `boundsError` of the given
    /// code (`runtime::errors::BoundsCode` as a byte) unless it holds, compared as
    /// unsigned words: `x < y` for the index code, `x <= y` for every other code
    /// (slice bounds `[:x]` against len/cap, `[x:y]`, the three-index forms, and the
    /// slice-to-array conversion with `x` the array length and `y` the slice length).
    /// `signed` says whether `x` has a signed type, so that a negative one is reported.
    Bounds { code: u8, signed: bool } => 2 -> [S];

    // ---- calls. A call's arguments are the top `nparams` words (the callee's first
    // slots, in place); its results replace them.
    /// Static call of function `id`.
    Call(id: u32) => dyn -> dyn, safepoint;
    /// `[args.., f] -> [results..]`: call a func value (closure pointer; nil panics).
    /// The word counts are the call site's; the VM checks them against the callee.
    CallClosure { params: u16, results: u16 } => (u32::from(params) + 1) -> (Push::Like(results.into())), safepoint;
    /// `[recv_data, args.., itab] -> [results..]`: call method `method` of an interface
    /// through its itab (`fun[method]` at byte offset `24 + 8*method`, as gc's
    /// `abi.ITab`; the entry holds a [`FuncId`](super::FuncId)). `params` counts the
    /// receiver word. A nil itab panics with the nil-dereference error.
    CallIface { method: u16, params: u16, results: u16 } => (u32::from(params) + 1) -> (Push::Like(results.into())), safepoint;
    /// `[args..] -> [results..]`: call native function `id` of the program's table.
    CallNative(id: u32) => dyn -> dyn, safepoint;
    /// `[results..] -> (caller)`: return the top `nresults` words.
    Ret => dyn -> dyn, ends;
    /// `reflect.call`'s body (slots: frame type, func value, ABI0 frame, ...): calls
    /// the func value with its arguments read from the frame, as the callee's
    /// `Function::frame` plan lays them out; the results come back for
    /// [`Instr::ReflectResults`]. A func value made by `reflect.MakeFunc` is run by
    /// reflect's own Go code on the frame itself.
    ReflectCall => 0 -> [], safepoint;
    /// After [`Instr::ReflectCall`]: stores the callee's results into the frame.
    ReflectResults => 0 -> [];
    /// Internal: where a call of a func value made by `reflect.MakeFunc` (or a method
    /// value made by reflect) returns once reflect's Go code has run it: loads the
    /// results from its frame and goes on after the call. The builder refuses it.
    MakeFuncReturn => 0 -> [], ends;

    // ---- builtins implemented in the VM
    /// `[value words] -> []`: `print` of one operand of the given kind
    /// (see [`PrintKind`]); `PrintSpace`/`PrintNewline` take no operand.
    Print(kind: PrintKind) => (kind.words()) -> [];

    // ---- runtime operations. Operands index the program's type table. Those marked
    // *reserved* have a fixed encoding but no implementation yet: running them stops
    // the goroutine with `VmError::Unimplemented`.
    /// `[] -> [p]`: allocate a zeroed object of type `t`.
    Alloc(t: u32) => 0 -> [P], safepoint;
    /// `[len, cap] -> [ptr, len, cap]`: `make([]T, len, cap)` with elem type `t`;
    /// panics `makeslice: len out of range` / `cap out of range`.
    MakeSlice(t: u32) => 2 -> [P, S, S], safepoint;
    /// `[ptr, len, cap, n] -> [ptr', len+n, cap']`: make room for `n` more elements of
    /// type `t` (`append`): if `len+n` fits the capacity the slice is only lengthened,
    /// else a new array with gc's growth (`runtime::slice::grow_cap`) receives the old
    /// elements. The caller then stores the new elements at `len..len+n`.
    GrowSlice(t: u32) => 4 -> (Push::Like(3)), safepoint;
    /// `[size] -> [c]`: `make(chan T, size)` with `t` the element type; panics
    /// `makechan: size out of range` (see `runtime::chan` for the channel's layout).
    MakeChan(t: u32) => 1 -> [P], safepoint;
    /// `[c, value..] -> []`: send a value of element type `t` (its words). It may block:
    /// the goroutine parks *at* this instruction and resumes after it once a receiver
    /// took the value, or re-executes it after a `close` (and then panics).
    ChanSend(t: u32) => dyn -> dyn, safepoint;
    /// `[c] -> [value.., ok]`: receive a value of element type `t`, and whether it came
    /// from a send (false: closed and drained). May block as [`Instr::ChanSend`].
    ChanRecv(t: u32) => dyn -> dyn, safepoint;
    /// `[c] -> []`: `close(c)`; wakes every parked receiver and sender.
    ChanClose => 1 -> [], safepoint;
    /// `[c0, d0, .., c(n-1), d(n-1)] -> [index, ok]`: `select` over `n` cases, the
    /// operand being `n | SELECT_HAS_DEFAULT` if there is a `default`. Case i is a
    /// channel (nil: never ready) and a descriptor `slot << 1 | is_send`: a send takes
    /// its value from the frame slots at `slot`, a receive stores its value there. One
    /// ready case is chosen uniformly at random; `index` is its number (`n` for
    /// `default`) and `ok` is a receive's second result. Blocks as [`Instr::ChanSend`].
    Select(n: u16) => (2 * u32::from(n & !SELECT_HAS_DEFAULT)) -> [S, S], safepoint;
    /// `[f] -> []`: defer a call of the func value `f`, which takes no arguments and
    /// returns nothing (the compiler wraps `defer g(x)` into a closure that captured the
    /// evaluated `g` and `x`, as gc does). A nil `f` panics when the call would run.
    Defer => 1 -> [], safepoint;
    /// `[] -> [token]`: this frame's identity (function id and frame index), for
    /// [`Instr::DeferAt`].
    FrameToken => 0 -> [S];
    /// `[f, token] -> []`: [`Instr::Defer`] on behalf of the frame `token` names: a
    /// range-over-func loop body (a closure) defers into its enclosing function.
    DeferAt => 2 -> [], safepoint;
    /// `[] -> []`: run this frame's deferred calls, newest first, then continue (the
    /// compiler emits it before every return of a function that defers; it re-executes
    /// itself after each deferred call, so no Rust recursion is involved).
    RunDefers => 0 -> [], safepoint;
    /// `[type, data] -> !`: `panic(v)` with an interface value: runs deferred calls
    /// (newest first, on top of the stack, as gc) until one recovers; the frame that
    /// deferred the recovering call then resumes at its [`Instr::Landing`].
    Panic => 2 -> [], safepoint, ends;
    /// `[] -> [type, data]`: `recover()`: the current panic's value if called directly by
    /// a deferred call that a panic is running, else nil. A panic raised by the runtime
    /// is a run-time error: recovered as a value of gc's runtime error type of its class
    /// (see `bytecode::itab::RuntimeSupport`); in a program without that support, as
    /// the type word [`RUNTIME_ERROR_TYPE`] with its data word 0.
    Recover => 0 -> [P, P];
    /// No-op marking where the function resumes when a deferred call it made recovers a
    /// panic (at most one per function, with an empty operand stack). The code there
    /// finishes the function as gc does: `RunDefers` for the remaining deferred calls,
    /// then return the named result variables (or zero values). Without a landing, a
    /// recovered function returns zero words as its results.
    Landing => 0 -> [];
    /// Internal: continues a panic after a deferred call returns. Deferred calls run by
    /// a panic return to a VM-owned stub holding this instruction; the builder refuses it.
    Unwind => 0 -> [], ends;

    // --- Panic printing (interfaces and methods) ---
    /// Internal: `[kind, ptr, len] -> !`: where the run-time support's `preprint` call
    /// (an unrecovered panic value's `Error()` / `String()`) returns to; records the
    /// text and goes on with the next value or the report. The builder refuses it.
    PanicPrinted => 3 -> [], ends;

    // ---- goroutines
    /// `[f] -> []`: `go`: start a goroutine calling the func value `f`, which takes no
    /// arguments and returns nothing (the compiler wraps `go g(x)` into a thunk as for
    /// `defer`). A nil `f` is gc's fatal error `go of nil func value`.
    Go => 1 -> [], safepoint;
    // ---- maps and type-directed equality (`vm::map` runs them over `runtime::map` and
    // `runtime::alg`). Operand `c` indexes the function's constant pool, whose word there
    // is the address of the static `runtime::map::MapType` of the map's type (for
    // `EqWords`, of the operands' alg). Keys and values are their canonical words; the
    // VM hashes and stores their memory images.
    /// `[hint] -> [m]`: `make(map[K]V, hint)` (a new empty map; a safepoint).
    MapNew(c: u32) => 1 -> [P], safepoint;
    /// `[m] -> [len(m)]` (0 for a nil map).
    MapLen => 1 -> [S];
    /// `[m, key..] -> [value..]`: `m[key]`, the zero value when absent or `m` is nil.
    MapLoad(c: u32) => dyn -> dyn;
    /// `[m, key..] -> [value.., ok]`: `v, ok := m[key]`.
    MapLoadOk(c: u32) => dyn -> dyn;
    /// `[m, key.., value..] -> []`: `m[key] = value`; panics `assignment to entry in
    /// nil map` on a nil map (a safepoint: it may grow the table).
    MapStore(c: u32) => dyn -> dyn, safepoint;
    /// `[m, key..] -> []`: `delete(m, key)`.
    MapRemove(c: u32) => dyn -> dyn;
    /// `[m] -> []`: `clear(m)`.
    MapClear(c: u32) => 1 -> [];
    /// `[m] -> []`: starts a `range` over `m` whose state (`runtime::map::Iter`) lives in
    /// the 8 frame slots from `slot` (the first 4 are pointer slots).
    MapRangeInit(slot: u32) => 1 -> [];
    /// `[] -> [ok]`: advances the `range` in slots `slot..slot+8`; when `ok`, slots
    /// `slot+2` and `slot+3` hold the addresses of the entry's key and value.
    MapRangeNext { c: u32, slot: u16 } => 0 -> [S];
    /// `[a.., b..] -> [a == b]`: two values of the same comparable type, `ceil(size/8)`
    /// words each, compared as the alg directs (floats, strings, interfaces, padding).
    EqWords(c: u32) => dyn -> [S];

}

/// What an instruction pushes (see [`Instr::pushes`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Push {
    /// Words of these kinds.
    Kinds(&'static [Kind]),
    /// `n` scalar words (a struct or array loaded by `LoadBlock`).
    Scalars(u32),
    /// `n` words whose kinds come from the context: a slot's kind, the input's kind,
    /// a callee's results.
    Like(u32),
}

impl Push {
    /// How many words are pushed.
    pub fn words(&self) -> u32 {
        match *self {
            Push::Kinds(k) => k.len() as u32,
            Push::Scalars(n) | Push::Like(n) => n,
        }
    }
}

/// The frame slots an instruction names (at most three).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SlotList {
    slots: [u32; 3],
    len: u8,
}

impl SlotList {
    fn new(slots: &[u32]) -> SlotList {
        let mut s = SlotList { slots: [0; 3], len: 0 };
        for (d, &v) in s.slots.iter_mut().zip(slots) {
            *d = v;
            s.len += 1;
        }
        s
    }

    /// The slots.
    pub fn as_slice(&self) -> &[u32] {
        &self.slots[..usize::from(self.len)]
    }
}

/// The base instructions a fused form stands for (see [`Instr::expansion`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Expansion {
    instrs: [Instr; Expansion::MAX],
    len: u8,
}

impl Expansion {
    /// The longest expansion (`StoreIndexSlots`).
    pub const MAX: usize = 6;

    fn new(instrs: &[Instr]) -> Expansion {
        let mut e = Expansion { instrs: [Instr::Nop; Expansion::MAX], len: 0 };
        for (d, &i) in e.instrs.iter_mut().zip(instrs) {
            *d = i;
            e.len += 1;
        }
        e
    }

    /// The base instructions, in execution order.
    pub fn as_slice(&self) -> &[Instr] {
        &self.instrs[..usize::from(self.len)]
    }
}

/// The bit of [`Instr::Select`]'s operand that says the statement has a `default`.
pub const SELECT_HAS_DEFAULT: u16 = 1 << 15;

/// The type word `recover()` yields for a run-time error (see [`Instr::Recover`]).
pub const RUNTIME_ERROR_TYPE: u64 = 1;

/// What a [`Instr::Print`] prints, and so how many words it pops.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PrintKind {
    /// A signed integer (1 word).
    #[default]
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

    /// The load of an element of `width` bytes at offset 0 (sign-extended when
    /// `signed`), as `LoadIndexSlots` expands.
    pub fn load_of_width(width: u8, signed: bool) -> Instr {
        match (width, signed) {
            (1, false) => Instr::Load8U(0),
            (1, true) => Instr::Load8S(0),
            (2, false) => Instr::Load16U(0),
            (2, true) => Instr::Load16S(0),
            (4, false) => Instr::Load32U(0),
            (4, true) => Instr::Load32S(0),
            _ => Instr::Load64(0),
        }
    }

    /// The store of the low `width` bytes at offset 0.
    pub fn store_of_width(width: u8) -> Instr {
        match width {
            1 => Instr::Store8(0),
            2 => Instr::Store16(0),
            4 => Instr::Store32(0),
            _ => Instr::Store64(0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_one_name_per_opcode() {
        let samples = Instr::samples();
        assert_eq!(samples.len(), OPCODE_NAMES.len());
        for (i, s) in samples.iter().enumerate() {
            assert_eq!(s.name(), OPCODE_NAMES[i]);
        }
        assert!(Instr::AddI64.pops() == Some(2) && Instr::AddI64.pushes().map(|p| p.words()) == Some(1));
        assert!(Instr::Jump(-3).is_safepoint() && !Instr::Jump(3).is_safepoint() && Instr::Jump(3).is_terminator());
        assert_eq!(Instr::BrLtSlots { a: 1, b: 2, off: -4 }.with_branch_offset(-9).branch_offset(), Some(-9));
        assert!(Instr::Call(0).is_safepoint() && !Instr::AddI64.is_safepoint());
    }

    /// Every fused form expands to base instructions with the same net stack effect,
    /// never reaching below the words the fused form pops.
    #[test]
    fn expansions_are_base_instructions_with_the_same_stack_effect() {
        let mut fused = 0;
        for f in Instr::samples() {
            let Some(exp) = f.expansion() else { continue };
            fused += 1;
            let pops = f.pops().expect("fused forms have fixed effects");
            let pushes = f.pushes().expect("fused forms have fixed effects").words();
            let mut depth = pops as i64;
            for b in exp.as_slice() {
                assert!(b.expansion().is_none(), "{f:?} expands to the fused {b:?}");
                if *b == Instr::Ret {
                    break;
                }
                let (p, q) = (b.pops().unwrap_or(0), b.pushes().map_or(0, |p| p.words()));
                depth -= i64::from(p);
                assert!(depth >= 0, "{f:?}: {b:?} pops below the fused form's inputs");
                depth += i64::from(q);
            }
            if !f.is_terminator() {
                assert_eq!(depth, i64::from(pushes), "{f:?}: net stack effect of {exp:?}");
            }
            assert_eq!(exp.as_slice().iter().any(|b| b.branch_offset().is_some()), f.branch_offset().is_some(), "{f:?}");
        }
        assert!(fused > 50, "{fused} fused forms");
    }
}
