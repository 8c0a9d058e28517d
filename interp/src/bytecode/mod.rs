//! The bytecode: instruction set ([`Instr`]), function objects and programs
//! ([`Function`], [`Program`]), the verifying [`FunctionBuilder`] and a disassembler.

mod builder;
mod disasm;
mod function;
mod instr;
pub mod itab;

pub use builder::{BuildError, FunctionBuilder, Label};
pub use disasm::disassemble;
pub use function::{
    FuncId, Function, Kind, LineEntry, LinkError, Native, NativeFn, Program, ReflectData, Signature,
    StackMap, TypeLayout, WordSet,
};
pub use instr::{Expansion, Instr, OPCODE_NAMES, PrintKind, Push, RUNTIME_ERROR_TYPE, SELECT_HAS_DEFAULT, SlotList};
