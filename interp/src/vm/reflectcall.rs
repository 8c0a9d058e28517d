//! Calls between reflect and compiled code through gc's ABI0 frames.
//!
//! - `reflect.Value.Call` ends in `reflect.call(frametype, fn, frame, ...)` with the
//!   arguments laid out in `frame` as gc's stack calling convention does. Its body is
//!   [`Instr::ReflectCall`](crate::bytecode::Instr::ReflectCall): the callee's words are
//!   read from the frame by the plan the compiler stored with each function
//!   (`Function::frame`), and `ReflectResults` writes the results back.
//! - A func value made by `reflect.MakeFunc` (or a method value made by
//!   `Value.Method`) holds the id of `reflect.makeFuncStub` (`methodValueCall`) in its
//!   word 0. Called from compiled code, it does not take the caller's words: the VM
//!   spills them into a fresh frame laid out by the function type (found in the value's
//!   context, `makeFuncImpl.ftyp`, or from the method's type), calls reflect's Go code
//!   on it (`mvmCallReflect` / `mvmCallMethod`, added to reflect by mvm's overlay), and
//!   on its return, at [`MAKEFUNC_STUB`], loads the results for the caller. What it
//!   must remember meanwhile is a [`PendingCall`] on the goroutine.

use super::{Goroutine, Vm};
use crate::bytecode::Instr;
use runtime::abi::{FramePlan, TypeRef, kind};

/// Where a call of a reflect-made func value returns to (see the module docs).
pub(super) static MAKEFUNC_STUB: [Instr; 1] = [Instr::MakeFuncReturn];

/// A call of a reflect-made func value in progress.
#[derive(Clone, Debug)]
pub(crate) struct PendingCall {
    /// The frame holding the arguments, then the results.
    pub frame: u64,
    /// Where the results sit in it.
    pub plan: FramePlan,
    /// The caller: its function, frame pointer, and the call's pc.
    pub caller: u32,
    pub caller_fp: usize,
    pub call_pc: u32,
    /// Where the caller goes on (the instruction after the call).
    pub ret: u64,
}

/// Byte offset of `ftyp` in `reflect.makeFuncImpl`: after `makeFuncCtxt` (code
/// pointer, stack bitmap, argLen, and the register bitmap, empty with no argument
/// registers, which pads the struct by a word as any zero-size final field does).
const MAKE_FUNC_FTYP: u64 = 32;
/// Byte offsets of `method` and `rcvr` (a reflect.Value: type, pointer, flag) in
/// `reflect.methodValue`, also after a `makeFuncCtxt`.
const METHOD_VALUE_INDEX: u64 = 32;
const METHOD_VALUE_RCVR_TYPE: u64 = 40;

/// The frame plan of a call of the reflect-made func value `ctx` whose code is
/// `stub` (one of the reflect stubs): `None` if `ctx` is not one.
///
/// # Safety
/// `ctx` must be a func value whose word 0 is `stub`.
pub(super) unsafe fn stub_plan(vm: &Vm<'_>, ctx: u64, stub: u64) -> Option<(FramePlan, u32)> {
    let stubs = vm.program.support().reflect?;
    // SAFETY: the caller's contract: reflect built the context.
    unsafe {
        if stub == u64::from(stubs.make_func_stub) {
            let ftyp = *((ctx + MAKE_FUNC_FTYP) as *const u64);
            return Some((FramePlan::of_func(TypeRef(ftyp)), stubs.call_reflect));
        }
        if stub == u64::from(stubs.method_value_call) {
            let index = *((ctx + METHOD_VALUE_INDEX) as *const u64) as usize;
            let rcvr = TypeRef(*((ctx + METHOD_VALUE_RCVR_TYPE) as *const u64));
            let ft = method_type(rcvr, index)?;
            // The caller's frame holds the arguments without the receiver, which
            // callMethod adds itself (the "value ABI" of gc's callMethod).
            return Some((FramePlan::of_func(ft), stubs.call_method));
        }
    }
    None
}

/// The func type of exported method `index` of `rcvr` (reflect's `methodReceiver`).
///
/// # Safety
/// `rcvr` must be a type the compiler emitted.
unsafe fn method_type(rcvr: TypeRef, index: usize) -> Option<TypeRef> {
    // SAFETY: the caller's contract.
    unsafe {
        if rcvr.kind() == kind::INTERFACE {
            return runtime::abi::interface_methods(rcvr).get(index).map(|m| TypeRef(m.typ));
        }
        runtime::abi::methods(rcvr).into_iter().filter(|m| m.pkg.is_empty()).nth(index).map(|m| TypeRef(m.typ))
    }
}

impl Vm<'_> {
    /// A zeroed frame for `plan`, typed so the collector sees its pointer words.
    pub(super) fn alloc_frame(&mut self, plan: &FramePlan) -> Result<u64, super::heap::OutOfMemory> {
        let words = (plan.size as usize).div_ceil(8).max(1);
        let mut kinds = vec![crate::bytecode::Kind::Scalar; words];
        for w in plan.params.iter().chain(&plan.results).filter(|w| w.ptr) {
            if let Some(k) = kinds.get_mut(w.off as usize / 8) {
                *k = crate::bytecode::Kind::Pointer;
            }
        }
        let key: Vec<bool> = kinds.iter().map(|k| *k == crate::bytecode::Kind::Pointer).collect();
        let next = self.hchan_ty + 1 + self.dyn_types.len() as u32 + self.frame_types.len() as u32;
        let (index, layout) = self
            .frame_types
            .entry(key)
            .or_insert_with(|| {
                let layout = crate::bytecode::TypeLayout {
                    name: "reflect call frame".into(),
                    size: 8 * words as u64,
                    align: 8,
                    pointers: crate::bytecode::WordSet::pointers(&kinds),
                };
                (next, layout)
            })
            .clone();
        self.heap.alloc(index, &layout, 1).map(|p| p as u64)
    }
}

/// The reflect-made call of `g` whose callee returned to [`MAKEFUNC_STUB`] in the
/// frame at `caller_fp` (for tracebacks and stack scanning).
pub(super) fn pending_for(g: &Goroutine, caller: u32, caller_fp: usize) -> Option<&PendingCall> {
    g.reflect_calls.iter().rev().find(|p| p.caller == caller && p.caller_fp == caller_fp)
}

/// The Go functions of reflect that run between a call of a func value reflect made
/// and the function it stands for; `recover` in that function looks through them, as
/// through gc's wrapper frames.
pub(super) const WRAPPERS: [&str; 5] = ["reflect.mvmCallReflect", "reflect.mvmCallMethod", "reflect.callReflect", "reflect.callMethod", "reflect.call"];

/// Whether `word` is a reflect stub's id (then word 0 of a func value made by reflect).
pub(super) fn is_stub(vm: &Vm<'_>, word: u64) -> bool {
    vm.program.support().reflect.is_some_and(|s| word == u64::from(s.make_func_stub) || word == u64::from(s.method_value_call))
}
