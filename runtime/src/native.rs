//! Natives: the Rust functions behind Go functions declared without a body (gc writes
//! them in assembly or pulls them from its runtime with `//go:linkname`), bound by
//! package path and function name through one registry ([`lookup`]).
//!
//! A native sees its Go arguments as the words of their values in parameter order
//! (a string is `ptr, len`, a slice `ptr, len, cap`, an interface `type, data`), and
//! writes its results' words the same way; the compiler derives the word signature
//! from the Go declaration. What a native may ask of the VM — allocation, the
//! goroutine's stack, line tables, the scheduler — goes through [`Host`], which the
//! interpreter implements; what it cannot do inside one instruction (yield, end the
//! goroutine, collect) it asks for with an [`NativeError`] outcome.
//!
//! Packages: [`sys`] (system calls and the process), [`sync`] (atomics and the
//! semaphores the sync packages sleep on), [`strings`] (`internal/bytealg` and other hot
//! string and memory helpers), [`reflect`] (what reflect pulls from gc's runtime),
//! [`vm`] (`runtime`'s own API: callers, goroutines, memory statistics), [`exec`]
//! (the child side of starting a process), [`bigarith`] (`math/big`'s word loops).

pub mod bigarith;
pub mod exec;
pub mod poll;
pub mod reflect;
pub mod strings;
pub mod sync;
pub mod sys;
pub mod time;
pub mod vm;

use crate::errors::RuntimeError;

/// Why a native did not simply return: a Go panic, a failure, or a request the VM
/// carries out after the call (its results are written first).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NativeError {
    /// A Go run-time panic, raised at the call as if by an instruction.
    Panic(RuntimeError),
    /// The heap could not satisfy an allocation (gc's fatal `out of memory`).
    OutOfMemory,
    /// A malformed call: mvm's own bug, reported as an internal error.
    Internal(String),
    /// A function mvm does not provide yet (`mvm: not implemented yet: <what>`, exit 2).
    Unimplemented(String),
    /// Let other goroutines run (`runtime.Gosched`).
    Yield,
    /// End the calling goroutine after its deferred calls (`runtime.Goexit`).
    Goexit,
    /// Run a full garbage collection (`runtime.GC`).
    Collect,
    /// End the process with this status (`os.Exit`): output is flushed first.
    Exit(i32),
    /// A fatal error (gc's `throw` / `fatal`): the message, printed as gc prints it.
    Fatal(String),
    /// Park the goroutine *at* this call on `key` (an address); it calls again when a
    /// [`Host::wake`] of `key` readies it. `reason` is gc's wait reason (tracebacks).
    Park {
        /// What the goroutine waits on.
        key: u64,
        /// gc's wait reason (`sync.Mutex.Lock`, `sync.WaitGroup.Wait`, ...).
        reason: &'static str,
    },
}

impl From<String> for NativeError {
    fn from(msg: String) -> NativeError {
        NativeError::Internal(msg)
    }
}

impl From<&str> for NativeError {
    fn from(msg: &str) -> NativeError {
        NativeError::Internal(msg.into())
    }
}

/// Where a program counter is: `runtime.Frame`'s facts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FuncInfo {
    /// The function's name as gc prints it (`main.main`, `main.(*T).M`).
    pub name: String,
    /// The source file (absolute, as gc reports it).
    pub file: String,
    /// The line of the program counter.
    pub line: u32,
    /// The function's entry (its function id).
    pub entry: u64,
    /// The line the function starts at.
    pub start_line: u32,
}

/// What natives may ask of the VM running them.
pub trait Host {
    /// Zeroed memory for `count` values of the program's type-table entry `layout`.
    fn alloc(&mut self, layout: u32, count: u64) -> Result<*mut u8, NativeError>;

    /// Zeroed pointer-free memory of `size` bytes.
    fn alloc_bytes(&mut self, size: u64) -> Result<*mut u8, NativeError>;

    /// A new Go string holding `bytes`: its `(ptr, len)` words.
    fn new_string(&mut self, bytes: &[u8]) -> Result<(u64, u64), NativeError> {
        if bytes.is_empty() {
            return Ok((0, 0));
        }
        let p = self.alloc_bytes(bytes.len() as u64)?;
        // SAFETY: `p` is a fresh allocation of `bytes.len()` bytes, distinct from `bytes`.
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), p, bytes.len()) };
        Ok((p as u64, bytes.len() as u64))
    }

    /// A new `[]string` holding `items`: its `(ptr, len, cap)` words.
    fn new_strings(&mut self, items: &[Vec<u8>]) -> Result<[u64; 3], NativeError>;

    /// Zeroed memory for `count` values of the type whose descriptor is `t` (compiled,
    /// or made by reflect).
    fn alloc_type(&mut self, t: u64, count: u64) -> Result<*mut u8, NativeError>;

    /// The module region of the type descriptors: start and length in bytes.
    fn module(&mut self) -> (u64, u64);

    /// `reflect.typelinks`' results (see `interp::bytecode::ReflectData`).
    fn typelinks(&mut self) -> ([u64; 3], [u64; 3]);

    /// An id for `p` (a name or type reflect made), as `NameOff`/`TypeOff` (negative).
    fn add_reflect_off(&mut self, p: u64) -> i32;

    /// The address an id of [`Host::add_reflect_off`] stands for (0 if none).
    fn reflect_off(&mut self, off: i32) -> u64;

    /// `debug.SetGCPercent`: the new percentage (negative: off); the old one.
    fn set_gc_percent(&mut self, percent: i32) -> i32;

    /// `debug.SetMemoryLimit`: the new limit (negative: unchanged); the old one.
    fn set_memory_limit(&mut self, limit: i64) -> i64;

    /// `debug.SetMaxStack`: the new largest goroutine stack in bytes; the old one.
    fn set_max_stack(&mut self, bytes: u64) -> u64;

    /// `weak.Make`: a weak handle to the object holding `p` (a heap word that holds `p`
    /// until the object is collected, then 0).
    fn make_weak(&mut self, p: u64) -> Result<u64, NativeError>;

    /// Makes the goroutines parked on `key` (see [`NativeError::Park`]) runnable: one
    /// of them, or all.
    fn wake(&mut self, key: u64, all: bool);

    /// The itab of type `typ` for interface `iface` (both descriptors), or the name of
    /// a method the type lacks.
    fn itab(&mut self, iface: u64, typ: u64) -> Result<u64, std::sync::Arc<str>>;

    /// The program counters of the calling goroutine's frames, innermost first, after
    /// skipping `skip` (0 is the native's caller), written to `out`; how many.
    fn callers(&mut self, skip: usize, out: &mut [u64]) -> usize;

    /// What program counter `pc` (an entry or a return address) is in.
    fn func_info(&mut self, pc: u64) -> Option<FuncInfo>;

    /// The number of goroutines that exist.
    fn goroutines(&mut self) -> usize;

    /// The collector's statistics (`None` when the heap keeps none).
    fn mem_stats(&mut self) -> Option<gc::MemStats>;

    /// gc's traceback text of the calling goroutine (and of all goroutines with `all`).
    fn stack_trace(&mut self, all: bool) -> String;

    /// The root of the Go installation the program's std came from, and its version.
    fn goroot(&mut self) -> (String, String);

    /// The program's arguments (`os.Args`).
    fn args(&mut self) -> Vec<String>;

    /// The scheduler's timers (`time.Sleep`, `time.Timer`, I/O deadlines).
    fn timers(&mut self) -> &mut crate::timers::Timers;

    /// The network poller, made on first use.
    fn netpoll(&mut self) -> Result<&mut crate::netpoll::Netpoll, NativeError>;
}

/// A native function: arguments and results as words (see the module docs).
pub type NativeFn = fn(&mut dyn Host, &[u64], &mut [u64]) -> Result<(), NativeError>;

/// The native for the bodyless function `name` of package `pkg`, if mvm has one.
pub fn lookup(pkg: &str, name: &str) -> Option<NativeFn> {
    vm::lookup(pkg, name)
        .or_else(|| sys::lookup(pkg, name))
        .or_else(|| sync::lookup(pkg, name))
        .or_else(|| strings::lookup(pkg, name))
        .or_else(|| reflect::lookup(pkg, name))
        .or_else(|| exec::lookup(pkg, name))
        .or_else(|| bigarith::lookup(pkg, name))
        .or_else(|| time::lookup(pkg, name))
        .or_else(|| poll::lookup(pkg, name))
}

/// Writes `words` to the start of `results` (as many as fit).
pub fn put(results: &mut [u64], words: &[u64]) {
    for (r, w) in results.iter_mut().zip(words) {
        *r = *w;
    }
}

/// The bytes of the Go string (or byte slice) `ptr, len`.
///
/// # Safety
/// `ptr` must point to `len` readable bytes (or `len` must be 0), alive for `'a`.
pub unsafe fn bytes<'a>(ptr: u64, len: u64) -> &'a [u8] {
    if len == 0 || ptr == 0 {
        return &[];
    }
    // SAFETY: the caller's contract.
    unsafe { std::slice::from_raw_parts(ptr as *const u8, len as usize) }
}

/// The mutable bytes of the Go byte slice `ptr, len`.
///
/// # Safety
/// `ptr` must point to `len` writable bytes (or `len` must be 0), alive for `'a`
/// and not otherwise borrowed.
pub unsafe fn bytes_mut<'a>(ptr: u64, len: u64) -> &'a mut [u8] {
    if len == 0 || ptr == 0 {
        return &mut [];
    }
    // SAFETY: the caller's contract.
    unsafe { std::slice::from_raw_parts_mut(ptr as *mut u8, len as usize) }
}
