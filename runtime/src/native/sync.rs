//! Atomics and the places goroutines sleep in the sync packages.
//!
//! - `sync/atomic`: one thread runs Go code, so an atomic operation is a plain load,
//!   store or read-modify-write of the memory; results come back in the canonical word
//!   form (an `int32` sign-extended).
//! - Semaphores (`sync`, `internal/sync`, `internal/poll`): `Semacquire` takes a unit
//!   from the semaphore word or parks the goroutine on the word's address; it parks
//!   *at* the call, so when a `Semrelease` of the same address wakes it, it tries
//!   again. Notify lists (`sync.Cond`) work the same way on their tickets.

use super::{Host, NativeError, NativeFn, put};

/// The native `name` of package `pkg`.
pub(super) fn lookup(pkg: &str, name: &str) -> Option<NativeFn> {
    match pkg {
        "sync/atomic" => atomic(name).or_else(|| match name {
            "runtime_procPin" => Some(|_, _, r| {
                put(r, &[0]);
                Ok(())
            }),
            "runtime_procUnpin" => Some(|_, _, _| Ok(())),
            _ => None,
        }),
        "sync" | "internal/sync" | "internal/poll" => Some(match name {
            "runtime_Semacquire" => |h, a, r| semacquire(h, a, r, "semacquire"),
            "runtime_SemacquireWaitGroup" => |h, a, r| semacquire(h, a, r, "sync.WaitGroup.Wait"),
            "runtime_SemacquireMutex" => |h, a, r| semacquire(h, a, r, "sync.Mutex.Lock"),
            "runtime_SemacquireRWMutexR" => |h, a, r| semacquire(h, a, r, "sync.RWMutex.RLock"),
            "runtime_SemacquireRWMutex" => |h, a, r| semacquire(h, a, r, "sync.RWMutex.Lock"),
            "runtime_Semrelease" => semrelease,
            "runtime_notifyListAdd" => notify_list_add,
            "runtime_notifyListWait" => notify_list_wait,
            "runtime_notifyListNotifyAll" => notify_list_notify_all,
            "runtime_notifyListNotifyOne" => notify_list_notify_one,
            "runtime_notifyListCheck" | "runtime_registerPoolCleanup" | "runtime_procUnpin" | "runtime_doSpin" => |_, _, _| Ok(()),
            "runtime_procPin" => |_, _, r| {
                put(r, &[0]);
                Ok(())
            },
            "runtime_canSpin" => |_, _, r| {
                put(r, &[0]);
                Ok(())
            },
            "runtime_LoadAcquintptr" => |_, a, r| {
                // SAFETY: the argument is a *uintptr.
                put(r, &[unsafe { *(a[0] as *const u64) }]);
                Ok(())
            },
            "runtime_StoreReluintptr" => |_, a, r| {
                // SAFETY: the first argument is a *uintptr.
                unsafe { *(a[0] as *mut u64) = a[1] };
                put(r, &[0]);
                Ok(())
            },
            "throw" | "fatal" => |h, a, _| {
                // SAFETY: the argument is a Go string.
                let s = unsafe { super::bytes(a[0], a[1]) };
                let _ = h;
                Err(NativeError::Fatal(String::from_utf8_lossy(s).into_owned()))
            },
            _ => return None,
        }),
        _ => None,
    }
}

/// A nil address inside an atomic or sync operation: gc faults on it.
fn nil_check(addr: u64) -> Result<(), NativeError> {
    if addr < 4096 { Err(NativeError::Panic(crate::errors::RuntimeError::NilDeref { addr })) } else { Ok(()) }
}

macro_rules! atomics {
    ($($name:literal => $f:ident($t:ident, $op:ident)),* $(,)?) => {
        fn atomic(name: &str) -> Option<NativeFn> {
            match name {
                $($name => Some($f),)*
                _ => None,
            }
        }
        $(
            fn $f(_: &mut dyn Host, a: &[u64], r: &mut [u64]) -> Result<(), NativeError> {
                let addr = a.first().copied().unwrap_or(0);
                nil_check(addr)?;
                // SAFETY: `addr` is a non-nil pointer to a value of the operation's type;
                // one thread runs Go code, so the access needs no atomicity.
                let p = addr as *mut $t;
                let arg = |i: usize| a.get(i).copied().unwrap_or(0) as $t;
                let _ = &arg;
                let out: $t = unsafe { atomics!(@op $op, p, arg, r) };
                put(r, &[out as i64 as u64 & atomics!(@mask $t)]);
                Ok(())
            }
        )*
    };
    (@op swap, $p:ident, $arg:ident, $r:ident) => {{ let old = *$p; *$p = $arg(1); old }};
    (@op cas, $p:ident, $arg:ident, $r:ident) => {{ if *$p == $arg(1) { *$p = $arg(2); 1 } else { 0 } }};
    (@op add, $p:ident, $arg:ident, $r:ident) => {{ let n = (*$p).wrapping_add($arg(1)); *$p = n; n }};
    (@op and, $p:ident, $arg:ident, $r:ident) => {{ let old = *$p; *$p = old & $arg(1); old }};
    (@op or, $p:ident, $arg:ident, $r:ident) => {{ let old = *$p; *$p = old | $arg(1); old }};
    (@op load, $p:ident, $arg:ident, $r:ident) => {{ *$p }};
    (@op store, $p:ident, $arg:ident, $r:ident) => {{ *$p = $arg(1); 0 }};
    // Canonical words: signed values sign-extended (done by `as i64`), unsigned ones
    // zero-extended.
    (@mask i32) => { u64::MAX };
    (@mask u32) => { 0xffff_ffff };
    (@mask i64) => { u64::MAX };
    (@mask u64) => { u64::MAX };
}

atomics! {
    "SwapInt32" => swap_i32(i32, swap), "SwapUint32" => swap_u32(u32, swap), "SwapInt64" => swap_i64(i64, swap),
    "SwapUint64" => swap_u64(u64, swap), "SwapUintptr" => swap_uptr(u64, swap), "SwapPointer" => swap_ptr(u64, swap),
    "CompareAndSwapInt32" => cas_i32(i32, cas), "CompareAndSwapUint32" => cas_u32(u32, cas),
    "CompareAndSwapInt64" => cas_i64(i64, cas), "CompareAndSwapUint64" => cas_u64(u64, cas),
    "CompareAndSwapUintptr" => cas_uptr(u64, cas), "CompareAndSwapPointer" => cas_ptr(u64, cas),
    "AddInt32" => add_i32(i32, add), "AddUint32" => add_u32(u32, add), "AddInt64" => add_i64(i64, add),
    "AddUint64" => add_u64(u64, add), "AddUintptr" => add_uptr(u64, add),
    "AndInt32" => and_i32(i32, and), "AndUint32" => and_u32(u32, and), "AndInt64" => and_i64(i64, and),
    "AndUint64" => and_u64(u64, and), "AndUintptr" => and_uptr(u64, and),
    "OrInt32" => or_i32(i32, or), "OrUint32" => or_u32(u32, or), "OrInt64" => or_i64(i64, or),
    "OrUint64" => or_u64(u64, or), "OrUintptr" => or_uptr(u64, or),
    "LoadInt32" => load_i32(i32, load), "LoadUint32" => load_u32(u32, load), "LoadInt64" => load_i64(i64, load),
    "LoadUint64" => load_u64(u64, load), "LoadUintptr" => load_uptr(u64, load), "LoadPointer" => load_ptr(u64, load),
    "StoreInt32" => store_i32(i32, store), "StoreUint32" => store_u32(u32, store), "StoreInt64" => store_i64(i64, store),
    "StoreUint64" => store_u64(u64, store), "StoreUintptr" => store_uptr(u64, store), "StorePointer" => store_ptr(u64, store),
}

/// `Semacquire(addr *uint32)`: takes a unit or parks on `addr` until a release.
fn semacquire(_: &mut dyn Host, a: &[u64], _: &mut [u64], reason: &'static str) -> Result<(), NativeError> {
    let addr = a.first().copied().unwrap_or(0);
    nil_check(addr)?;
    // SAFETY: a non-nil *uint32.
    unsafe {
        let p = addr as *mut u32;
        if *p > 0 {
            *p -= 1;
            return Ok(());
        }
    }
    Err(NativeError::Park { key: addr, reason })
}

/// `Semrelease(addr *uint32, handoff bool, skipframes int)`: adds a unit and wakes the
/// goroutines parked on `addr` (they try again).
fn semrelease(h: &mut dyn Host, a: &[u64], _: &mut [u64]) -> Result<(), NativeError> {
    let addr = a.first().copied().unwrap_or(0);
    nil_check(addr)?;
    // SAFETY: a non-nil *uint32.
    unsafe { *(addr as *mut u32) += 1 };
    h.wake(addr, false);
    Ok(())
}

/// A notify list (`sync.notifyList`): `wait` (the next ticket) and `notify` (the next
/// ticket to wake), two uint32 at its start.
///
/// # Safety
/// `l` must point to a notifyList.
unsafe fn tickets(l: u64) -> (*mut u32, *mut u32) {
    (l as *mut u32, (l + 4) as *mut u32)
}

fn notify_list_add(_: &mut dyn Host, a: &[u64], r: &mut [u64]) -> Result<(), NativeError> {
    let l = a.first().copied().unwrap_or(0);
    nil_check(l)?;
    // SAFETY: a non-nil *notifyList.
    let t = unsafe {
        let (wait, _) = tickets(l);
        let t = *wait;
        *wait = t.wrapping_add(1);
        t
    };
    put(r, &[u64::from(t)]);
    Ok(())
}

/// `notifyListWait(l, t)`: returns once ticket `t` has been notified.
fn notify_list_wait(_: &mut dyn Host, a: &[u64], _: &mut [u64]) -> Result<(), NativeError> {
    let (l, t) = (a.first().copied().unwrap_or(0), a.get(1).copied().unwrap_or(0) as u32);
    nil_check(l)?;
    // SAFETY: a non-nil *notifyList.
    let notify = unsafe { *tickets(l).1 };
    // Tickets wrap: `t` is notified when it is before `notify` (gc's `less`).
    if (t.wrapping_sub(notify) as i32) < 0 {
        return Ok(());
    }
    Err(NativeError::Park { key: l, reason: "sync.Cond.Wait" })
}

fn notify_list_notify_all(h: &mut dyn Host, a: &[u64], _: &mut [u64]) -> Result<(), NativeError> {
    let l = a.first().copied().unwrap_or(0);
    nil_check(l)?;
    // SAFETY: a non-nil *notifyList.
    unsafe {
        let (wait, notify) = tickets(l);
        *notify = *wait;
    }
    h.wake(l, true);
    Ok(())
}

fn notify_list_notify_one(h: &mut dyn Host, a: &[u64], _: &mut [u64]) -> Result<(), NativeError> {
    let l = a.first().copied().unwrap_or(0);
    nil_check(l)?;
    // SAFETY: a non-nil *notifyList.
    unsafe {
        let (wait, notify) = tickets(l);
        if *wait == *notify {
            return Ok(());
        }
        *notify = (*notify).wrapping_add(1);
    }
    // Every waiter checks its ticket again; the one just notified goes on.
    h.wake(l, true);
    Ok(())
}
