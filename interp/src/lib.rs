//! The bytecode and the interpreter of mvm.
//!
//! - [`bytecode`]: the typed stack instruction set ([`bytecode::Instr`], fixed 8-byte
//!   instructions), function objects with frame layout, stack maps and line tables,
//!   the verifying [`bytecode::FunctionBuilder`] the compiler emits code through, the
//!   linked [`bytecode::Program`], and a disassembler.
//! - [`vm`]: the dispatch loop over frames on a per-goroutine, growable VM stack (no
//!   Rust recursion per Go call), resumable at any instruction boundary, with gc's
//!   run-time errors, panic reports and the 1 GB stack limit; allocation through a
//!   [`vm::heap::Heap`] hook, with the `gc` crate's collector scanning every
//!   goroutine's VM stack through the stack maps; the goroutine scheduler
//!   ([`vm::sched`]) with channels, `select` and deadlock detection; maps and
//!   type-directed equality (the maps block of instructions, over `runtime::map` and
//!   `runtime::alg`).
//! - `compile`: lowers the checked program from `frontend` to this bytecode.

pub mod bytecode;
/// The compiler from the checked program to bytecode (see its module docs).
pub mod compile;
pub mod vm;
