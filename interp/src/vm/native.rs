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
use runtime::abi::TypeRef;
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

    fn alloc_type(&mut self, t: u64, count: u64) -> Result<*mut u8, NativeError> {
        let (base, len) = self.vm.program.reflect().module;
        // SAFETY: natives pass type descriptors: emitted ones (in the module, with a
        // header) or ones reflect built (gc's layout, mask in GCData).
        unsafe {
            let tr = TypeRef(t);
            if t >= base && t < base + len {
                let layout = tr.header().layout;
                if layout != u64::MAX {
                    return self.alloc(layout as u32, count);
                }
            }
            let index = self.vm.dynamic_layout(tr);
            let layout = self.vm.dyn_types.get(&t).map(|(_, l)| l.clone()).ok_or("no layout")?;
            self.vm.heap.alloc(index, &layout, count).map_err(oom)
        }
    }

    fn module(&mut self) -> (u64, u64) {
        self.vm.program.reflect().module
    }

    fn typelinks(&mut self) -> ([u64; 3], [u64; 3]) {
        self.vm.program.reflect().typelinks()
    }

    fn add_reflect_off(&mut self, p: u64) -> i32 {
        if let Some(&id) = self.vm.reflect_off_ids.get(&p) {
            return id;
        }
        self.vm.reflect_offs.push(p);
        let id = -(self.vm.reflect_offs.len() as i32);
        self.vm.reflect_off_ids.insert(p, id);
        id
    }

    fn reflect_off(&mut self, off: i32) -> u64 {
        usize::try_from(-i64::from(off) - 1).ok().and_then(|i| self.vm.reflect_offs.get(i)).copied().unwrap_or(0)
    }

    fn set_gc_percent(&mut self, percent: i32) -> i32 {
        self.vm.heap.set_gc_percent(percent)
    }

    fn set_memory_limit(&mut self, limit: i64) -> i64 {
        self.vm.heap.set_memory_limit(limit)
    }

    fn set_max_stack(&mut self, bytes: u64) -> u64 {
        let old = self.vm.config.max_stack_bytes;
        self.vm.config.max_stack_bytes = bytes.min(super::stack::MAX_STACK_BYTES);
        old
    }

    fn make_weak(&mut self, p: u64) -> Result<u64, NativeError> {
        self.vm.heap.make_weak(p).map_err(oom)
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
        let mut frames = self.vm.traceback(self.g, self.vm.config.max_trace_frames).0;
        // gc's trace starts at the caller of runtime.Stack.
        if frames.first().is_some_and(|f| f.function == "runtime.Stack") {
            frames.remove(0);
        }
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

    fn timers(&mut self) -> &mut runtime::timers::Timers {
        &mut self.vm.sched.timers
    }

    fn netpoll(&mut self) -> Result<&mut runtime::netpoll::Netpoll, NativeError> {
        let np = &mut self.vm.sched.netpoll;
        if np.is_none() {
            *np = Some(runtime::netpoll::Netpoll::new().map_err(|e| NativeError::Fatal(format!("runtime: netpollinit failed: {e}")))?);
        }
        np.as_mut().ok_or(NativeError::Internal("no poller".into()))
    }
}

impl Vm<'_> {
    /// The collector's layout for type `t` that reflect built (from its size,
    /// alignment and pointer mask), registered under a type index of its own on first
    /// use.
    ///
    /// # Safety
    /// `t` must be a type descriptor in gc's layout.
    unsafe fn dynamic_layout(&mut self, t: TypeRef) -> u32 {
        if let Some((i, _)) = self.dyn_types.get(&t.0) {
            return *i;
        }
        // SAFETY: the caller's contract.
        let (size, align, ptr_bytes, flags, mask) = unsafe { (t.size(), t.align(), t.ptr_bytes(), t.tflag(), t.word(runtime::abi::off::GC_DATA as usize)) };
        let mut kinds = vec![crate::bytecode::Kind::Scalar; size.div_ceil(8) as usize];
        let mask = if flags & runtime::abi::tflag::GC_MASK_ON_DEMAND != 0 && mask != 0 {
            // SAFETY: an on-demand mask is a pointer to the mask (built when needed).
            unsafe { *(mask as *const u64) }
        } else {
            mask
        };
        for w in 0..(ptr_bytes / 8) as usize {
            // SAFETY: the mask has a bit per word up to PtrBytes.
            let bit = mask != 0 && unsafe { *(mask as *const u8).add(w / 8) } & (1 << (w % 8)) != 0;
            if bit && let Some(k) = kinds.get_mut(w) {
                *k = crate::bytecode::Kind::Pointer;
            }
        }
        let layout = crate::bytecode::TypeLayout {
            name: String::from("reflect type"),
            size,
            align: u64::from(align.max(1)),
            pointers: crate::bytecode::WordSet::pointers(&kinds),
        };
        let index = self.hchan_ty + 1 + self.dyn_types.len() as u32;
        self.dyn_types.insert(t.0, (index, layout));
        index
    }
}
