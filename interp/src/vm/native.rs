//! The VM side of natives (`runtime::native`): [`NativeCx`], the [`Host`] a native
//! runs against — allocation on the Go heap, itabs, the calling goroutine's frames,
//! line tables, scheduler and collector facts.
//!
//! A native runs inside one instruction, `CallNative`, with the calling goroutine's state
//! saved. Its allocations never collect (the VM collects, if due, just before the call,
//! with the native's arguments still on the operand stack and marked by the call's stack
//! map), so a native may allocate several objects and link them without rooting them.
//!
//! Program counters, as `runtime.Callers` and `runtime.FuncForPC` see them: a
//! function's entry is its function id (the code pointer of its func values); a return
//! address inside it is `(id + 1) << 32 | (instruction index + 1)`.

use super::heap::OutOfMemory;
use super::{FrameWalk, Goroutine, Vm};
pub use runtime::native::{FuncInfo, Host, NativeError};

/// The VM services available to a native function.
pub struct NativeCx<'a, 'p> {
    vm: &'a mut Vm<'p>,
    g: &'a Goroutine,
}

impl<'a, 'p> NativeCx<'a, 'p> {
    pub(super) fn new(vm: &'a mut Vm<'p>, g: &'a Goroutine) -> NativeCx<'a, 'p> {
        NativeCx { vm, g }
    }
}

/// Heap exhaustion inside a native.
pub(super) fn oom(_: OutOfMemory) -> NativeError {
    NativeError::OutOfMemory
}

/// The program counter of instruction `pc` of function `func`, as a return address.
pub fn return_pc(func: u32, pc: u32) -> u64 {
    (u64::from(func) + 1) << 32 | (u64::from(pc) + 1)
}

/// The (function, instruction) a program counter stands for (see the module docs).
fn decode_pc(pc: u64) -> (u32, u32) {
    if pc >> 32 == 0 { (pc as u32, 0) } else { ((pc >> 32) as u32 - 1, (pc as u32).saturating_sub(1)) }
}

impl Host for NativeCx<'_, '_> {
    fn alloc(&mut self, layout: u32, count: u64) -> Result<*mut u8, NativeError> {
        let Some(l) = self.vm.program.type_layout(layout) else {
            return Err(NativeError::Internal(format!("undefined type {layout}")));
        };
        self.vm.heap.alloc(layout, l, count).map_err(oom)
    }

    fn alloc_bytes(&mut self, size: u64) -> Result<*mut u8, NativeError> {
        self.vm.heap.alloc_noscan(size).map_err(oom)
    }

    fn new_strings(&mut self, items: &[Vec<u8>]) -> Result<[u64; 3], NativeError> {
        let n = items.len() as u64;
        let string = self.vm.program.support().string_cell;
        let arr = self.alloc(string, n)? as *mut u64;
        for (i, item) in items.iter().enumerate() {
            let (p, l) = self.new_string(item)?;
            // SAFETY: `arr` is a fresh array of `n` strings (two words each).
            unsafe {
                *arr.add(2 * i) = p;
                *arr.add(2 * i + 1) = l;
            }
        }
        Ok([arr as u64, n, n])
    }

    fn wake(&mut self, key: u64, all: bool) {
        self.vm.sched.wake(key, all);
    }

    fn itab(&mut self, iface: u64, typ: u64) -> Result<u64, std::sync::Arc<str>> {
        // SAFETY: natives pass descriptors of this program (type words of interfaces).
        unsafe { self.vm.program.itabs().get(iface, typ) }
    }

    fn callers(&mut self, skip: usize, out: &mut [u64]) -> usize {
        let mut n = 0;
        for (func, pc, _) in FrameWalk::new(&self.vm.metas, self.g).skip(skip) {
            let Some(slot) = out.get_mut(n) else { break };
            *slot = return_pc(func, pc);
            n += 1;
        }
        n
    }

    fn func_info(&mut self, pc: u64) -> Option<FuncInfo> {
        let (func, at) = decode_pc(pc);
        let f = self.vm.program.function(func)?;
        Some(FuncInfo {
            name: f.name.clone(),
            file: f.file.clone(),
            line: f.line(at),
            entry: u64::from(func),
            start_line: f.lines.first().map_or(0, |l| l.line),
        })
    }

    fn goroutines(&mut self) -> usize {
        // The running goroutine is out of the scheduler's table while it runs.
        self.vm.sched.num_goroutine() + 1
    }

    fn mem_stats(&mut self) -> Option<gc::MemStats> {
        self.vm.heap.mem_stats()
    }

    fn stack_trace(&mut self, all: bool) -> String {
        let frames = self.vm.traceback(self.g, self.vm.config.max_trace_frames).0;
        let mut out = runtime::panic::goroutine_trace(self.g.id, "running", &frames);
        out.push_str(&self.vm.created_by(self.g));
        if all {
            let mut gs: Vec<&Goroutine> = self.vm.sched.goroutines().collect();
            gs.sort_by_key(|g| g.id);
            for g in gs {
                let frames = self.vm.traceback(g, self.vm.config.max_trace_frames).0;
                let status = g.wait.map_or("runnable", super::sched::WaitReason::as_str);
                out.push('\n');
                out.push_str(&runtime::panic::goroutine_trace(g.id, status, &frames));
                out.push_str(&self.vm.created_by(g));
            }
        }
        out
    }

    fn goroot(&mut self) -> (String, String) {
        (self.vm.config.goroot.clone(), self.vm.config.go_version.clone())
    }

    fn args(&mut self) -> Vec<String> {
        self.vm.config.args.clone()
    }
}
