//! The Go runtime of mvm.
//!
//! Built so far: the parts of gc's runtime whose *text* programs can observe —
//! [`print`] formats the `print`/`println` builtins exactly as gc; [`errors`] holds the
//! run-time errors (`index out of range [5] with length 3`, `integer divide by zero`,
//! failed type assertions, ...) with gc's messages; [`panic`] renders what an
//! unrecovered panic or a fatal error prints (`panic: ...`, `[recovered]`,
//! `goroutine 1 [running]:`, the stack-overflow report); [`slice`] computes `append`'s
//! capacity growth as gc's `growslice`; [`alg`] hashes and compares values of any
//! comparable type as their type directs; [`map`] is the Go map (a Swiss table on the Go
//! heap); [`chan`] is the channel object (header, ring buffer, wait queues of parked
//! goroutines) [`timers`] the timer heap the scheduler sleeps on; [`netpoll`] the
//! descriptor poller and [`signals`] the signal handler and self-pipe;
//! [`complex`] is complex arithmetic as gc computes it. The interpreter (`interp`)
//! raises the errors, decides when to print the reports, and schedules goroutines
//! (`interp::vm::sched`).
//!
//! Still to come here: the natives behind bodiless std declarations and the Go overlay
//! sources for runtime-facing packages. (Type descriptors and itabs are laid out by the
//! compiler, `interp::bytecode::itab`, since only compiled code creates them.)

pub mod abi;
pub mod alg;
pub mod chan;
pub mod complex;
pub mod errors;
pub mod map;
pub mod netpoll;
pub mod native;
pub mod overlay;
pub mod panic;
pub mod print;
pub mod rand;
pub mod signals;
pub mod slice;
pub mod timers;
