//! The tracing JIT of mvm (not built yet).
//!
//! It will record hot loops from the interpreter into a trace IR, optimize it, emit
//! native code through Cranelift, and exit back to the interpreter through snapshots
//! when a guard fails. The interpreter reaches it only through a trait.
