//! What `reflect` and `internal/reflectlite` pull from gc's runtime: name and type
//! offsets, typelinks, typed allocation and copies, maps through their type
//! descriptors, interface conversion, and the iteration of `internal/runtime/maps`
//! (mvm's overlay).
//!
//! Types are `abi.Type` addresses (see `crate::abi`). Map operations find mvm's map
//! description of a compiled map type in the type's header (`Header::extra`); map types
//! that reflect builds while the program runs (`reflect.MapOf` of a type the program
//! never names) are not supported yet.

use super::{Host, NativeError, NativeFn, put};
use crate::abi::{TypeRef, kind};
use crate::errors::RuntimeError;
use crate::map::{self, Alloc, Header, MapError, MapType};

/// The native `name` of package `pkg`.
pub(super) fn lookup(pkg: &str, name: &str) -> Option<NativeFn> {
    let shared: Option<NativeFn> = match name {
        "resolveNameOff" | "resolveTypeOff" => Some(resolve_off),
        "unsafe_New" => Some(unsafe_new),
        "ifaceE2I" => Some(iface_e2i),
        "typedmemmove" => Some(typedmemmove),
        "maplen" => Some(maplen),
        "chanlen" => Some(|_, a, r| chan_word(a, r, 0)),
        _ => None,
    };
    match pkg {
        "internal/reflectlite" => shared,
        "reflect" => shared.or_else(|| reflect_only(name)),
        "internal/runtime/maps" => match name {
            "iterInit" => Some(iter_init),
            "iterNext" => Some(iter_next),
            _ => None,
        },
        "maps" if name == "clone" => Some(map_clone),
        _ => None,
    }
}

/// `maps.clone(m any) any`: a new map with the entries of `m` (nil stays nil).
fn map_clone(h: &mut dyn Host, a: &[u64], r: &mut [u64]) -> Result<(), NativeError> {
    let [t, m] = a else { return Err("clone: arguments".into()) };
    if *m == 0 {
        put(r, &[*t, 0]);
        return Ok(());
    }
    let mt = map_type(h, *t)?;
    let src = *m as *mut Header;
    // SAFETY: `m` is a map of type `t`; the new one gets a copy of every entry, the
    // walk over the old table is not disturbed by inserting into another map.
    unsafe {
        let dst = map::make(mt, (*src).count as i64, &mut HostAlloc(h)).map_err(map_err)?;
        let mut it = std::mem::MaybeUninit::<map::Iter>::uninit();
        map::iter_init(it.as_mut_ptr(), src);
        while map::iter_next(mt, it.as_mut_ptr()).map_err(NativeError::Panic)? {
            let it = &*it.as_ptr();
            map::put(mt, dst, it.key, it.val, &mut HostAlloc(h)).map_err(map_err)?;
        }
        put(r, &[*t, dst as u64]);
    }
    Ok(())
}

/// The natives only `reflect` declares.
fn reflect_only(name: &str) -> Option<NativeFn> {
    Some(match name {
            "resolveTextOff" => |_, a, r| {
                // TextOffs are function ids; -1 (an unreachable method) stays -1.
                put(r, &[a.get(1).copied().unwrap_or(0) as i32 as i64 as u64]);
                Ok(())
            },
            "addReflectOff" => |h, a, r| {
                let id = h.add_reflect_off(a.first().copied().unwrap_or(0));
                put(r, &[id as i64 as u64]);
                Ok(())
            },
            "typelinks" => |h, _, r| {
                let (sections, offsets) = h.typelinks();
                put(r, &[sections[0], sections[1], sections[2], offsets[0], offsets[1], offsets[2]]);
                Ok(())
            },
            "getStaticuint64s" => |_, _, r| {
                put(r, &[STATIC_UINT64S.as_ptr() as u64]);
                Ok(())
            },
            "unsafe_NewArray" => unsafe_new_array,
            "memmove" => |_, a, _| {
                let [dst, src, n] = a else { return Err("memmove: arguments".into()) };
                // SAFETY: reflect moves within objects it owns, as gc's memmove.
                unsafe { std::ptr::copy(*src as *const u8, *dst as *mut u8, *n as usize) };
                Ok(())
            },
            "typedmemclr" => |_, a, _| {
                let [t, p] = a else { return Err("typedmemclr: arguments".into()) };
                // SAFETY: `p` points to a value of type `t`.
                unsafe { std::ptr::write_bytes(*p as *mut u8, 0, TypeRef(*t).size() as usize) };
                Ok(())
            },
            "typedmemclrpartial" => |_, a, _| {
                let [_, p, off, n] = a else { return Err("typedmemclrpartial: arguments".into()) };
                // SAFETY: the range lies inside a value reflect owns.
                unsafe { std::ptr::write_bytes((*p + *off) as *mut u8, 0, *n as usize) };
                Ok(())
            },
            "typedarrayclear" => |_, a, _| {
                let [t, p, n] = a else { return Err("typedarrayclear: arguments".into()) };
                // SAFETY: `p` points to `n` values of type `t`.
                unsafe { std::ptr::write_bytes(*p as *mut u8, 0, (TypeRef(*t).size() * *n) as usize) };
                Ok(())
            },
            "typedslicecopy" => typedslicecopy,
            "typehash" => |_, a, r| {
                let [t, p, seed] = a else { return Err("typehash: arguments".into()) };
                // SAFETY: `p` points to a value of the emitted type `t`.
                let h = unsafe {
                    let alg = TypeRef(*t).header().alg;
                    if alg == 0 {
                        return Err(NativeError::Panic(RuntimeError::Runtime(format!(
                            "hash of unhashable type {}",
                            crate::abi::type_string(TypeRef(*t))
                        ))));
                    }
                    crate::alg::hash(alg as *const u64, *p as *const u8, *seed)
                };
                put(r, &[h.map_err(NativeError::Panic)?]);
                Ok(())
            },
            "verifyNotInHeapPtr" => |_, _, r| {
                put(r, &[1]);
                Ok(())
            },
            "growslice" => growslice,
            "unsafeslice" => |_, _, _| Ok(()),
            "makemap" => makemap,
            "mapaccess" => |h, a, r| mapaccess(h, a, r, false),
            "mapaccess_faststr" => |h, a, r| mapaccess(h, a, r, true),
            "mapassign0" => |h, a, r| mapassign(h, a, r, false),
            "mapassign_faststr0" => |h, a, r| mapassign(h, a, r, true),
            "mapdelete" => |h, a, r| mapdelete(h, a, r, false),
            "mapdelete_faststr" => |h, a, r| mapdelete(h, a, r, true),
            "mapclear" => |h, a, _| {
                let [t, m] = a else { return Err("mapclear: arguments".into()) };
                let mt = map_type(h, *t)?;
                // SAFETY: `m` is a map of type `t` (or nil).
                unsafe {
                    if *m != 0 {
                        map::clear(mt, *m as *mut Header);
                    }
                }
                Ok(())
            },
            "chancap" => |_, a, r| chan_word(a, r, 1),
            _ => return None,
        })
}

/// The table `reflect.getStaticuint64s` returns: the values 0 to 255, so that boxing
/// a small integer needs no allocation.
static STATIC_UINT64S: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = i as u64;
        i += 1;
    }
    t
};

/// `resolveNameOff(ptrInModule, off)` and `resolveTypeOff(rtype, off)`: the address of
/// the name or type at `off` of the module `ptr` is in, or a reflect-made one.
fn resolve_off(h: &mut dyn Host, a: &[u64], r: &mut [u64]) -> Result<(), NativeError> {
    let [p, off] = a else { return Err("resolveOff: arguments".into()) };
    let off = *off as i32;
    let (base, len) = h.module();
    let addr = if *p >= base && *p < base + len && off >= 0 { base + off as u64 } else { h.reflect_off(off) };
    put(r, &[addr]);
    Ok(())
}

fn unsafe_new(h: &mut dyn Host, a: &[u64], r: &mut [u64]) -> Result<(), NativeError> {
    let p = h.alloc_type(a.first().copied().unwrap_or(0), 1)?;
    put(r, &[p as u64]);
    Ok(())
}

fn unsafe_new_array(h: &mut dyn Host, a: &[u64], r: &mut [u64]) -> Result<(), NativeError> {
    let [t, n] = a else { return Err("unsafe_NewArray: arguments".into()) };
    let p = h.alloc_type(*t, *n)?;
    put(r, &[p as u64]);
    Ok(())
}

fn typedmemmove(_: &mut dyn Host, a: &[u64], _: &mut [u64]) -> Result<(), NativeError> {
    let [t, dst, src] = a else { return Err("typedmemmove: arguments".into()) };
    // SAFETY: `dst` and `src` point to values of type `t`.
    unsafe { std::ptr::copy(*src as *const u8, *dst as *mut u8, TypeRef(*t).size() as usize) };
    Ok(())
}

/// `typedslicecopy(t *abi.Type, dst, src unsafeheader.Slice) int`.
fn typedslicecopy(_: &mut dyn Host, a: &[u64], r: &mut [u64]) -> Result<(), NativeError> {
    let [t, dp, dl, _, sp, sl, _] = a else { return Err("typedslicecopy: arguments".into()) };
    let n = (*dl).min(*sl);
    // SAFETY: both are arrays of `t` at least `n` long.
    unsafe { std::ptr::copy(*sp as *const u8, *dp as *mut u8, (n * TypeRef(*t).size()) as usize) };
    put(r, &[n]);
    Ok(())
}

/// `ifaceE2I(t *abi.Type, src any, dst unsafe.Pointer)`: stores `src` converted to
/// interface type `t` at `dst`, or panics as a failed type assertion.
fn iface_e2i(h: &mut dyn Host, a: &[u64], _: &mut [u64]) -> Result<(), NativeError> {
    let [t, typ, data, dst] = a else { return Err("ifaceE2I: arguments".into()) };
    let itab = if *typ == 0 {
        Err(None)
    } else {
        h.itab(*t, *typ).map_err(Some)
    };
    match itab {
        // SAFETY: `dst` points to an interface value (two words).
        Ok(itab) => unsafe {
            *(*dst as *mut u64) = itab;
            *(*dst as *mut u64).add(1) = *data;
            Ok(())
        },
        Err(missing) => {
            // SAFETY: emitted descriptors.
            let (asserted, concrete) = unsafe {
                (crate::abi::type_string(TypeRef(*t)), (*typ != 0).then(|| crate::abi::type_string(TypeRef(*typ))))
            };
            Err(NativeError::Panic(RuntimeError::TypeAssertion {
                interface: None,
                concrete,
                asserted,
                missing_method: missing.map(|m| m.to_string()),
            }))
        }
    }
}

/// `growslice(t, old unsafeheader.Slice, num int) unsafeheader.Slice`: room for `num`
/// more elements, the length kept.
fn growslice(h: &mut dyn Host, a: &[u64], r: &mut [u64]) -> Result<(), NativeError> {
    let [t, p, len, cap, num] = a else { return Err("growslice: arguments".into()) };
    let et = TypeRef(*t);
    // SAFETY: an emitted or reflect-made element type.
    let (size, noscan) = unsafe { (et.size(), et.ptr_bytes() == 0) };
    let new_len = (*len as i64).saturating_add(*num as i64);
    let (new_cap, _) = crate::slice::grow_cap(new_len, *cap as i64, size, noscan).map_err(NativeError::Panic)?;
    let q = h.alloc_type(*t, new_cap as u64)?;
    // SAFETY: the new array has room for the old elements.
    unsafe { std::ptr::copy_nonoverlapping(*p as *const u8, q, (*len * size) as usize) };
    put(r, &[q as u64, *len, new_cap as u64]);
    Ok(())
}

/// A channel header word (`qcount` at 0, `dataqsiz` at 1); 0 for a nil channel.
fn chan_word(a: &[u64], r: &mut [u64], word: usize) -> Result<(), NativeError> {
    let c = a.first().copied().unwrap_or(0);
    // SAFETY: a channel is nil or points to its header. A timer channel has length
    // and capacity 0 (Go 1.23's synchronous timer channels).
    let timer = c != 0 && unsafe { crate::chan::Hchan::at(c).timer != 0 };
    put(r, &[if c == 0 || timer { 0 } else { unsafe { *(c as *const u64).add(word) } }]);
    Ok(())
}

fn maplen(_: &mut dyn Host, a: &[u64], r: &mut [u64]) -> Result<(), NativeError> {
    let m = a.first().copied().unwrap_or(0);
    // SAFETY: a map is nil or points to its header, whose first word is the count.
    put(r, &[if m == 0 { 0 } else { unsafe { *(m as *const u64) } }]);
    Ok(())
}

/// mvm's description of the map type whose descriptor is `t`.
fn map_type<'a>(h: &mut dyn Host, t: u64) -> Result<&'a MapType, NativeError> {
    let (base, len) = h.module();
    // SAFETY: an emitted map type's header holds its static MapType.
    unsafe {
        if t < base || t >= base + len || TypeRef(t).kind() != kind::MAP || TypeRef(t).header().extra == 0 {
            return Err(NativeError::Unimplemented("maps of types made by reflect".into()));
        }
        Ok(&*(TypeRef(t).header().extra as *const MapType))
    }
}

/// Maps allocate through the host.
struct HostAlloc<'a>(&'a mut dyn Host);

impl Alloc for HostAlloc<'_> {
    fn alloc(&mut self, ty: u32, count: u64) -> Result<*mut u8, MapError> {
        self.0.alloc(ty, count).map_err(|_| MapError::OutOfMemory)
    }
}

fn map_err(e: MapError) -> NativeError {
    match e {
        MapError::Panic(p) => NativeError::Panic(p),
        MapError::OutOfMemory => NativeError::OutOfMemory,
    }
}

fn makemap(h: &mut dyn Host, a: &[u64], r: &mut [u64]) -> Result<(), NativeError> {
    let [t, hint] = a else { return Err("makemap: arguments".into()) };
    let mt = map_type(h, *t)?;
    // SAFETY: `mt` describes the map type of this program's type table.
    let m = unsafe { map::make(mt, *hint as i64, &mut HostAlloc(h)) }.map_err(map_err)?;
    put(r, &[m as u64]);
    Ok(())
}

/// The key operand: a pointer to the key, or (for the `_faststr` forms) a string whose
/// words are copied to `buf`.
fn key_ptr(a: &[u64], faststr: bool, buf: &mut [u64; 2]) -> (u64, usize) {
    if faststr {
        buf[0] = a.get(2).copied().unwrap_or(0);
        buf[1] = a.get(3).copied().unwrap_or(0);
        (buf.as_ptr() as u64, 4)
    } else {
        (a.get(2).copied().unwrap_or(0), 3)
    }
}

/// `mapaccess(t, m, key) unsafe.Pointer`: the element's address, nil if absent.
fn mapaccess(h: &mut dyn Host, a: &[u64], r: &mut [u64], faststr: bool) -> Result<(), NativeError> {
    let (t, m) = (a.first().copied().unwrap_or(0), a.get(1).copied().unwrap_or(0));
    let mt = map_type(h, t)?;
    let mut buf = [0u64; 2];
    let (k, _) = key_ptr(a, faststr, &mut buf);
    // SAFETY: `m` is a map of type `t` (or nil), `k` points to a key.
    let v = unsafe { map::get(mt, m as *mut Header, k as *const u8) }.map_err(NativeError::Panic)?;
    put(r, &[v as u64]);
    Ok(())
}

/// `mapassign0(t, m, key, val)`: stores a copy of the element at `val`.
fn mapassign(h: &mut dyn Host, a: &[u64], _: &mut [u64], faststr: bool) -> Result<(), NativeError> {
    let (t, m) = (a.first().copied().unwrap_or(0), a.get(1).copied().unwrap_or(0));
    let mt = map_type(h, t)?;
    let mut buf = [0u64; 2];
    let (k, vi) = key_ptr(a, faststr, &mut buf);
    let v = a.get(vi).copied().unwrap_or(0);
    if m == 0 {
        return Err(NativeError::Panic(RuntimeError::NilMapWrite));
    }
    // SAFETY: `m` is a map of type `t`; `k` and `v` point to a key and an element.
    unsafe { map::put(mt, m as *mut Header, k as *const u8, v as *const u8, &mut HostAlloc(h)) }.map_err(map_err)
}

fn mapdelete(h: &mut dyn Host, a: &[u64], _: &mut [u64], faststr: bool) -> Result<(), NativeError> {
    let (t, m) = (a.first().copied().unwrap_or(0), a.get(1).copied().unwrap_or(0));
    let mt = map_type(h, t)?;
    let mut buf = [0u64; 2];
    let (k, _) = key_ptr(a, faststr, &mut buf);
    if m == 0 {
        return Ok(());
    }
    // SAFETY: `m` is a map of type `t`, `k` points to a key.
    unsafe { map::delete(mt, m as *mut Header, k as *const u8) }.map_err(NativeError::Panic)
}

/// `iterInit(it, m)`: mvm's iterator over `m` in the first words of a `maps.Iter`.
fn iter_init(_: &mut dyn Host, a: &[u64], _: &mut [u64]) -> Result<(), NativeError> {
    let [it, m] = a else { return Err("iterInit: arguments".into()) };
    // SAFETY: `it` is a maps.Iter, whose first words are a map::Iter.
    unsafe { map::iter_init(*it as *mut map::Iter, *m as *mut Header) };
    Ok(())
}

/// `iterNext(it, t)`: the next entry; key and element nil at the end.
fn iter_next(h: &mut dyn Host, a: &[u64], _: &mut [u64]) -> Result<(), NativeError> {
    let [it, t] = a else { return Err("iterNext: arguments".into()) };
    let mt = map_type(h, *t)?;
    let it = *it as *mut map::Iter;
    // SAFETY: `it` was set up by `iter_init` for a map of type `t`.
    unsafe {
        if !map::iter_next(mt, it).map_err(NativeError::Panic)? {
            (*it).key = std::ptr::null();
            (*it).val = std::ptr::null();
        }
    }
    Ok(())
}
