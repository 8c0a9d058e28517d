//! The bytecode compiler and interpreter of mvm (not built yet).
//!
//! `compile` will lower the checked program from `frontend` to typed stack bytecode
//! (one function at a time, every generic instantiation monomorphized), and `vm` will
//! run it: a dispatch loop over frames on a per-goroutine VM stack. Every instruction
//! boundary is a resumable state, which is what the JIT deoptimizes to.
