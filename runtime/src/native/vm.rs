//! The natives of mvm's `runtime` package (`runtime/go/runtime`): what only the VM
//! knows — callers and line tables, goroutines, the collector, the program's
//! arguments and its Go installation.

use super::{Host, NativeError, NativeFn, bytes_mut, put};

/// The native `name` of the `runtime` package (and of the packages whose hooks
/// reach the collector and the VM: `runtime/debug`, `weak`).
pub(super) fn lookup(pkg: &str, name: &str) -> Option<NativeFn> {
    match pkg {
        "runtime" => runtime(name),
        "runtime/debug" => debug(name),
        "weak" => match name {
            "runtime_registerWeakPointer" => Some(|h, a, r| {
                let p = a.first().copied().unwrap_or(0);
                put(r, &[h.make_weak(p)?]);
                Ok(())
            }),
            "runtime_makeStrongFromWeak" => Some(|_, a, r| {
                let h = a.first().copied().unwrap_or(0);
                // SAFETY: a weak handle is a heap word holding the target (0 once collected).
                put(r, &[if h == 0 { 0 } else { unsafe { *(h as *const u64) } }]);
                Ok(())
            }),
            _ => None,
        },
        "crypto/internal/boring/sig" => Some(|_, _, _| Ok(())),
        // Execution tracing is not recorded: tasks, regions and logs are no-ops, as in
        // gc when no trace is running.
        "runtime/trace" if matches!(name, "userTaskCreate" | "userTaskEnd" | "userRegion" | "userLog") => Some(|_, _, _| Ok(())),
        // The FIPS service indicator (per goroutine in gc, per program here: one
        // goroutine runs at a time and the indicator is read right after the call
        // that set it).
        "crypto/internal/fips140" => match name {
            "getIndicator" => Some(|_, _, r| {
                put(r, &[u64::from(FIPS_INDICATOR.load(std::sync::atomic::Ordering::Relaxed))]);
                Ok(())
            }),
            "setIndicator" => Some(|_, a, _| {
                FIPS_INDICATOR.store(a.first().copied().unwrap_or(0) as u8, std::sync::atomic::Ordering::Relaxed);
                Ok(())
            }),
            _ => None,
        },
        _ => None,
    }
}

static FIPS_INDICATOR: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// The natives of `runtime/debug`.
fn debug(name: &str) -> Option<NativeFn> {
    Some(match name {
        "setGCPercent" => |h, a, r| {
            put(r, &[h.set_gc_percent(a[0] as i32) as i64 as u64]);
            Ok(())
        },
        "setMemoryLimit" => |h, a, r| {
            put(r, &[h.set_memory_limit(a[0] as i64) as u64]);
            Ok(())
        },
        "setMaxStack" => |h, a, r| {
            put(r, &[h.set_max_stack(a[0]) as u64]);
            Ok(())
        },
        "freeOSMemory" => |_, _, _| Err(NativeError::Collect),
        "setPanicOnFault" | "setMaxThreads" => |_, a, r| {
            // No faults reach Go code and threads are not limited: the old setting
            // is what gc reports by default.
            let _ = a;
            put(r, &[0]);
            Ok(())
        },
        "readGCStats" => read_gc_stats,
        "modinfo" => |h, _, r| {
            // What `go build` of a file records (no module); ReadBuildInfo strips 16
            // bytes of gc's markers at each end.
            let pad = "-".repeat(16);
            super::vm::string_result(h, r, &format!("{pad}path\tcommand-line-arguments\n{pad}"))
        },
        "SetTraceback" | "WriteHeapDump" => |_, _, _| Ok(()),
        "runtime_setCrashFD" => |_, _, r| {
            put(r, &[u64::MAX]);
            Ok(())
        },
        _ => return None,
    })
}

/// `readGCStats(pauses *[]time.Duration)`: gc fills last GC time, the number of
/// collections, the total pause, then the recent pauses; mvm fills what it keeps.
fn read_gc_stats(h: &mut dyn Host, a: &[u64], _: &mut [u64]) -> Result<(), NativeError> {
    let p = a.first().copied().unwrap_or(0);
    let Some(s) = h.mem_stats() else { return Ok(()) };
    // SAFETY: `p` points to a []time.Duration whose capacity reflect checked.
    unsafe {
        let hdr = p as *mut u64;
        let (arr, cap) = (*hdr as *mut u64, *hdr.add(2));
        let n = (s.num_gc as u64).min(256);
        let want = 3 + n;
        if arr.is_null() || cap < want {
            return Ok(());
        }
        *arr = s.last_gc;
        *arr.add(1) = u64::from(s.num_gc);
        *arr.add(2) = s.pause_total_ns;
        for i in 0..n {
            *arr.add(3 + i as usize) = s.pause_ns[((s.num_gc as u64 + 255 - i) % 256) as usize];
        }
        *hdr.add(1) = want;
    }
    Ok(())
}

/// The natives of the `runtime` package itself.
fn runtime(name: &str) -> Option<NativeFn> {
    Some(match name {
        "Version" => version,
        "GOROOT" => goroot,
        "Callers" => callers,
        "funcInfo" => func_info,
        "GC" => |_, _, _| Err(NativeError::Collect),
        "Gosched" => |_, _, _| Err(NativeError::Yield),
        "Goexit" => |_, _, _| Err(NativeError::Goexit),
        "NumGoroutine" => |h, _, r| {
            put(r, &[h.goroutines() as u64]);
            Ok(())
        },
        "NumCPU" => |_, _, r| {
            put(r, &[std::thread::available_parallelism().map_or(1, |n| n.get()) as u64]);
            Ok(())
        },
        "Stack" => stack,
        "ReadMemStats" => read_mem_stats,
        // Finalizers and cleanups are accepted and never run yet (Go does not promise
        // that they run; ARCHITECTURE.md lists this as missing).
        "SetFinalizer" => |_, _, _| Ok(()),
        "addCleanup" => |_, _, r| {
            put(r, &[1]);
            Ok(())
        },
        "stopCleanup" => |_, _, _| Ok(()),
        _ => return None,
    })
}

pub(super) fn string_result(h: &mut dyn Host, r: &mut [u64], s: &str) -> Result<(), NativeError> {
    let (p, l) = h.new_string(s.as_bytes())?;
    put(r, &[p, l]);
    Ok(())
}

fn version(h: &mut dyn Host, _: &[u64], r: &mut [u64]) -> Result<(), NativeError> {
    let (_, v) = h.goroot();
    string_result(h, r, &v)
}

fn goroot(h: &mut dyn Host, _: &[u64], r: &mut [u64]) -> Result<(), NativeError> {
    let (root, _) = h.goroot();
    string_result(h, r, &root)
}

/// `Callers(skip int, pc []uintptr) int`.
fn callers(h: &mut dyn Host, a: &[u64], r: &mut [u64]) -> Result<(), NativeError> {
    let [skip, ptr, len, _cap] = a else { return Err("Callers: arguments".into()) };
    let mut pcs = vec![0u64; (*len).min(1 << 20) as usize];
    let n = h.callers(*skip as usize, &mut pcs);
    for (i, pc) in pcs.iter().take(n).enumerate() {
        // SAFETY: `ptr` is the array of a []uintptr of `len` elements.
        unsafe { *(*ptr as *mut u64).add(i) = *pc };
    }
    put(r, &[n as u64]);
    Ok(())
}

/// `funcInfo(pc uintptr) (name, file string, line int, entry uintptr, startLine int, ok bool)`.
fn func_info(h: &mut dyn Host, a: &[u64], r: &mut [u64]) -> Result<(), NativeError> {
    let [pc] = a else { return Err("funcInfo: arguments".into()) };
    let Some(fi) = h.func_info(*pc) else {
        put(r, &[0; 8]);
        return Ok(());
    };
    let (np, nl) = h.new_string(fi.name.as_bytes())?;
    let (fp, fl) = h.new_string(fi.file.as_bytes())?;
    put(r, &[np, nl, fp, fl, u64::from(fi.line), fi.entry, u64::from(fi.start_line), 1]);
    Ok(())
}

/// `Stack(buf []byte, all bool) int`.
fn stack(h: &mut dyn Host, a: &[u64], r: &mut [u64]) -> Result<(), NativeError> {
    let [ptr, len, _cap, all] = a else { return Err("Stack: arguments".into()) };
    let text = h.stack_trace(*all != 0);
    // SAFETY: `ptr, len` is a []byte the caller owns.
    let buf = unsafe { bytes_mut(*ptr, *len) };
    let n = text.len().min(buf.len());
    buf[..n].copy_from_slice(&text.as_bytes()[..n]);
    put(r, &[n as u64]);
    Ok(())
}

/// `ReadMemStats(m *MemStats)`: the fields at their offsets in the overlay's `MemStats`.
fn read_mem_stats(h: &mut dyn Host, a: &[u64], _: &mut [u64]) -> Result<(), NativeError> {
    let [m] = a else { return Err("ReadMemStats: arguments".into()) };
    if *m < 4096 {
        return Err(NativeError::Panic(crate::errors::RuntimeError::NilDeref { addr: *m }));
    }
    let Some(s) = h.mem_stats() else { return Ok(()) };
    let p = *m as *mut u64;
    let words = [
        s.alloc, s.total_alloc, s.sys, 0, s.mallocs, s.frees, s.heap_alloc, s.heap_sys, s.heap_idle, s.heap_inuse,
        s.heap_released, s.heap_objects, 0, 0, 0, 0, 0, 0, 0, s.gc_sys, 0, s.next_gc, s.last_gc, s.pause_total_ns,
    ];
    // SAFETY: `m` points to a MemStats: 24 words, PauseNs and PauseEnd (256 words each),
    // NumGC and NumForcedGC (u32), GCCPUFraction, EnableGC, DebugGC, then BySize.
    unsafe {
        for (i, w) in words.iter().enumerate() {
            *p.add(i) = *w;
        }
        for i in 0..256 {
            *p.add(24 + i) = s.pause_ns[i];
            *p.add(280 + i) = s.pause_end[i];
        }
        let q = p.add(536) as *mut u32;
        *q = s.num_gc;
        *q.add(1) = s.num_forced_gc;
        *p.add(537) = s.gc_cpu_fraction.to_bits();
        *(p.add(538) as *mut u8) = u8::from(s.enable_gc);
        // BySize: [61]struct{Size uint32; Mallocs, Frees uint64} from word 539.
        for (i, c) in s.by_size.iter().take(61).enumerate() {
            let e = p.add(539 + 3 * i);
            *(e as *mut u32) = c.size;
            *e.add(1) = c.mallocs;
            *e.add(2) = c.frees;
        }
    }
    Ok(())
}
