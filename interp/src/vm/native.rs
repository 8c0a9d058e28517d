//! What a native function ([`crate::bytecode::NativeFn`]) may ask of the VM: the program
//! (type layouts), allocation on the Go heap, and how it fails.
//!
//! A native runs inside one instruction, `CallNative`, with the calling goroutine's state
//! saved. Its allocations never collect (the VM collects, if due, just before the call,
//! with the native's arguments still on the operand stack and marked by the call's stack
//! map), so a native may allocate several objects and link them without rooting them.

use super::heap::{Heap, OutOfMemory};
use crate::bytecode::Program;
use runtime::errors::RuntimeError;

/// The VM services available to a native function.
pub struct NativeCx<'a> {
    program: &'a Program,
    heap: &'a mut dyn Heap,
}

/// Why a native function did not return normally.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NativeError {
    /// A Go run-time panic, raised at the call as if by an instruction (`hash of
    /// unhashable type`, `assignment to entry in nil map`, ...).
    Panic(RuntimeError),
    /// The heap could not satisfy an allocation (gc's fatal `out of memory`).
    OutOfMemory,
    /// A malformed call: mvm's own bug, reported as an internal error.
    Internal(String),
}

impl From<OutOfMemory> for NativeError {
    fn from(_: OutOfMemory) -> NativeError {
        NativeError::OutOfMemory
    }
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

impl<'a> NativeCx<'a> {
    pub(super) fn new(program: &'a Program, heap: &'a mut dyn Heap) -> NativeCx<'a> {
        NativeCx { program, heap }
    }

    /// The running program (its type layouts).
    pub fn program(&self) -> &'a Program {
        self.program
    }

    /// Zeroed memory for `count` values of type index `ty` of the program's type table.
    pub fn alloc(&mut self, ty: u32, count: u64) -> Result<*mut u8, NativeError> {
        let Some(layout) = self.program.type_layout(ty) else {
            return Err(NativeError::Internal(format!("undefined type {ty}")));
        };
        Ok(self.heap.alloc(ty, layout, count)?)
    }

    /// Zeroed pointer-free memory of `size` bytes (string bytes, scalar arrays).
    pub fn alloc_bytes(&mut self, size: u64) -> Result<*mut u8, NativeError> {
        Ok(self.heap.alloc_noscan(size)?)
    }

    /// A new string holding `bytes`, on the Go heap: its `(ptr, len)` words.
    pub fn new_string(&mut self, bytes: &[u8]) -> Result<(u64, u64), NativeError> {
        if bytes.is_empty() {
            return Ok((0, 0));
        }
        let p = self.alloc_bytes(bytes.len() as u64)?;
        // SAFETY: `p` is a fresh allocation of `bytes.len()` bytes, distinct from `bytes`.
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), p, bytes.len()) };
        Ok((p as u64, bytes.len() as u64))
    }
}
