//! The compiler: from the checked program of `frontend::types` to a linked bytecode
//! [`Program`](crate::bytecode::Program).
//!
//! One module per concern, in the manner of go/types:
//! - [`layout`](crate::compile::layout): how values of each type live in words and in memory.
//! - `package` (this module's driver): which packages and functions are compiled,
//!   function ids, package-level variables, string data, and the per-package init
//!   functions.
//! - `func`: one function's frame (slot assignment for parameters, results and
//!   locals; boxed variables) and the branch targets of its statements.
//! - `stmt`, `expr`, `call`: statements, expressions (constants folded by the checker
//!   are pushed as immediates), calls and builtins.
//! - `slice`: slice literals, `append`, slice expressions.
//! - `rangefunc`: range over iterator functions (the body becomes a closure).
//! - `unsafe_builtins`: `unsafe.Add`, `Slice`, `SliceData`, `String`, `StringData`.
//! - `complex`: complex arithmetic, comparison, conversions, `complex`/`real`/`imag`.
//! - `closure`: function literals (captured variables are boxed and their cells
//!   stored in the closure object after the function id), func values, the call
//!   thunks of `defer` and `go`.
//! - `chan`: channel operations, `for range` over channels, `select`, `go`.
//! - `iface`: type descriptors, itabs, conversions to interfaces, interface method
//!   calls, type assertions.
//! - `generic`: monomorphization: the current instance's type substitution, instances
//!   compiled on demand, types interned between compilation rounds.
//! - `alg`: how each comparable type compares and hashes (descriptors' word 6), and
//!   `==` on structs and arrays.
//! - `maps`: map types, `make`, literals, index expressions, assignment, `delete`,
//!   `clear`, `len` and `range` over maps.
//! - `assert`: conversions between interfaces, type assertions, type switches.
//! - `methods`: method sets, method tables, and the wrappers that call a method with
//!   its receiver in another shape (itab entries, method expressions, promotion).
//! - `methodval`: method values, method expressions, calls of interface methods
//!   promoted from embedded fields.
//! - `support`: the run-time support code every program carries (the types of
//!   recovered run-time errors, the `Error()`/`String()` call before a panic prints).
//! - `natives`: the Rust functions behind operations that have no instruction yet
//!   (string comparison, concatenation and conversions, `memmove`, rune decoding,
//!   interface equality, the failed type assertion).
//!
//! # Decisions
//!
//! - **Frames.** Parameters (receiver first) occupy slots `0..` in order, each taking as
//!   many slots as its value has words; results come back on the operand stack. Every
//!   other variable gets fresh slots when its declaration is compiled (no reuse across
//!   scopes yet). A variable is *boxed* — its slot holds a pointer to a heap cell
//!   allocated when the declaration runs, and every use goes through memory — when its
//!   address is taken (`&x`, or `x.m()` with a pointer receiver), when a function
//!   literal captures it, or when its type is a struct or array (so that fields and
//!   elements have addresses). A declaration inside a loop allocates a new cell per
//!   iteration, and a boxed `for` loop variable is copied into a fresh cell before the
//!   post statement: Go 1.22's per-iteration variables.
//! - **Calls.** A call to a package-level function or method is a static `Call` with
//!   the arguments' words on the stack; every signature (word kinds of parameters and
//!   results) is fixed before any body is compiled, so bodies compile in any order. A
//!   func value is a pointer to an object whose word 0 is a function id (closures add
//!   their captured cells; the callee reads them through `LoadCtx`); calls of func
//!   values use `CallClosure`, interface calls `CallIface` through itabs.
//! - **Deferred calls** are thunks: a closure whose context holds the evaluated
//!   function and argument words. A function that defers keeps its results in
//!   variables, runs `RunDefers` before each return, and ends with the recovery
//!   `Landing`. A `go` statement builds the same thunk in the calling goroutine and
//!   hands it to `Go`.
//! - **Package initialization.** Each package gets a synthetic `pkg.init` function that
//!   runs its variable initializers in the checker's order (composite literals built
//!   in place), then its `init` functions in source order. [`Compiled::inits`](crate::compile::Compiled::inits) lists
//!   them in Go's package order (by import path among packages whose imports are done);
//!   the runner calls them one after the other, then `main.main`.
//! - **Evaluation order** follows gc where the spec leaves room: operands left to
//!   right, the function value before the arguments, `print` operands all before any
//!   output, the left side's index operands before the right side of an assignment.
//! - **Generics** are monomorphized: each (generic function or method, type arguments)
//!   pair is compiled once as its own function, with every checker type substituted
//!   through the function compiler's current substitution, so the bytecode never sees
//!   a type parameter. Instances are found from calls, func values, method values and
//!   itabs as bodies compile (a work queue); types that only exist after substitution
//!   are interned between compilation rounds (see `generic`).
//! - **Unsupported features** produce `file:line:col: mvm: not implemented yet: <what>`
//!   at compile time (all of them, not only the first), never a crash and never code
//!   that would print something wrong. An internal inconsistency (for instance words
//!   left on the operand stack after a statement) is an `internal compiler error`.

mod alg;
mod assert;
mod call;
mod chan;
mod closure;
mod complex;
mod expr;
mod func;
mod generic;
mod iface;
mod inline;
pub mod layout;
mod maps;
mod methods;
mod methodval;
mod natives;
mod package;
mod rangefunc;
mod rtname;
mod rtype;
mod slice;
pub mod stdlib;
mod stmt;
mod support;
mod unsafe_builtins;

pub use package::{compile, compile_with_strings};

use crate::bytecode::{FuncId, Program};
use std::fmt;

/// A compile error: where, and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    /// `file:line:col`.
    pub pos: String,
    /// The message (for unsupported features: `mvm: not implemented yet: ...`).
    pub msg: String,
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.pos, self.msg)
    }
}

impl std::error::Error for CompileError {}

/// Memory the compiled code refers to by address: package-level variables and the
/// bytes of string constants. It must outlive every run of the program.
#[derive(Debug, Default)]
pub struct StaticData {
    pub(crate) globals: Box<[u64]>,
    pub(crate) strings: Vec<Box<[u8]>>,
    pub(crate) funcvals: Vec<Box<[u64]>>,
    /// Type descriptors, names and itabs in gc's layout (see `rtype`).
    pub(crate) module: rtype::Module,
}

impl StaticData {
    /// The package-level variables' words: the collector scans them as roots (see
    /// [`crate::vm::heap::GcHeap::add_static_roots`]).
    pub fn globals(&self) -> &[u64] {
        &self.globals
    }
}

/// A compiled program, ready to run.
#[derive(Debug)]
pub struct Compiled {
    /// The linked bytecode.
    pub program: Program,
    /// The packages' init functions, in dependency order.
    pub inits: Vec<FuncId>,
    /// `main.main`.
    pub main: FuncId,
    /// Static memory the code addresses directly; kept alive with the program.
    pub data: StaticData,
}
