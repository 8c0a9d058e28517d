//! Run-time type descriptors in gc's `internal/abi` layout (gc's `reflectdata`): what
//! an interface's type word points to, what `reflect` reads, what itabs are built from.
//!
//! Every descriptor, name, method array, field array and itab of a program goes into
//! one contiguous, zeroed *module* region that never moves, so that the `int32`
//! offsets of gc's layout (`NameOff`, `TypeOff`) are offsets from its start (see
//! `runtime::abi` for the byte layout and mvm's [`Header`] in front of each type).
//!
//! A type is *reserved* (space taken, address known) before it is *filled*, and the
//! types a descriptor refers to (elements, fields, parameters, method types) are
//! reserved and queued rather than filled recursively: a type may refer to itself, and
//! nesting is as deep as a program makes it. [`Ctx::descriptor`] fills the queue before
//! it returns. `PtrToThis` links are set when the program is linked
//! ([`Ctx::finish_rtypes`]).
//!
//! Decisions:
//! - A func value's code pointer is its function id, so a method's `Ifn`/`Tfn`
//!   (`TextOff`) is a function id too: `Ifn` takes the interface data word as its
//!   receiver (what an itab holds), `Tfn` the receiver in its own shape.
//! - `Equal` of a comparable type is a static func value `[eq stub, type]`: one shared
//!   bytecode stub that compares two values through the type's alg. Map types'
//!   `Hasher` is `[hash stub, key type]` the same way.
//! - Methods and interface methods are in gc's order (`types.CompareSyms`: exported
//!   names first, then by name, then by package path), so an itab's `Fun[i]` is the
//!   interface's `i`-th `Imethod` as reflect expects.
//! - `Str` holds each type's own string (no `TFlagExtraStar` sharing).

use super::iface::iface_method_list;
use super::layout;
use super::methods::{MTarget, Recv, method_set};
use super::package::Ctx;
use crate::bytecode::{FuncId, FunctionBuilder, Instr, Kind, Signature};
use frontend::types::object::{PkgId, is_exported};
use frontend::types::ty::{BasicKind, ChanDir, Type, TypeId};
use runtime::abi::{self, Header, kind, map_flags, off, tflag};
use std::collections::HashMap;

/// Bytes of the module region: far more than any program needs; the memory is only
/// touched where types are written (a zeroed allocation is mapped lazily).
const MODULE_BYTES: usize = 64 << 20;

/// The module region and the bookkeeping of what is in it.
pub(crate) struct Module {
    mem: Box<[u64]>,
    /// Bytes in use.
    used: u64,
    /// Emitted types by checker type (also the synthetic ones, see [`Key`]).
    types: HashMap<Key, u64>,
    /// Reserved types whose contents are still to be written.
    queue: Vec<(Key, u64)>,
    /// Names by their encoding: their offset.
    names: HashMap<Vec<u8>, i32>,
    /// The shared `Equal` and `Hasher` stubs.
    eq_stub: Option<FuncId>,
    hash_stub: Option<FuncId>,
    /// Why the module is unusable (the compile then fails): the region overflowed, or
    /// a stub did not build.
    pub error: Option<String>,
}

/// What a descriptor describes: a checker type, or the slice type `[]T` of an array's
/// element when the program has no such type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Key {
    Type(TypeId),
    SliceOf(TypeId),
}

impl Default for Module {
    fn default() -> Module {
        Module {
            mem: vec![0u64; MODULE_BYTES / 8].into_boxed_slice(),
            used: 8, // offset 0 means "none" in TypeOff/NameOff fields
            types: HashMap::new(),
            queue: Vec::new(),
            names: HashMap::new(),
            eq_stub: None,
            hash_stub: None,
            error: None,
        }
    }
}

impl std::fmt::Debug for Module {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Module").field("used", &self.used).finish()
    }
}

impl Module {
    /// The region's start: what `NameOff`s and `TypeOff`s count from.
    pub fn base(&self) -> u64 {
        self.mem.as_ptr() as u64
    }

    /// The region's bytes in use.
    pub fn len(&self) -> u64 {
        self.used
    }

    /// Takes `size` bytes at alignment 8; their address (0 when the region is full).
    fn alloc(&mut self, size: u64) -> u64 {
        let at = self.used.div_ceil(8) * 8;
        if at + size > MODULE_BYTES as u64 {
            self.error = Some("type data exceeds the module region".into());
            return 0;
        }
        self.used = at + size;
        self.base() + at
    }

    fn bytes_mut(&mut self, addr: u64, n: usize) -> &mut [u8] {
        let base = self.base();
        let at = (addr - base) as usize;
        // SAFETY: the region is `MODULE_BYTES` bytes we own; `alloc` never hands out
        // bytes past it, and every write below stays inside an allocation.
        let all = unsafe { std::slice::from_raw_parts_mut(self.mem.as_mut_ptr().cast::<u8>(), MODULE_BYTES) };
        &mut all[at..at + n]
    }

    fn put_u64(&mut self, addr: u64, v: u64) {
        if addr != 0 {
            self.bytes_mut(addr, 8).copy_from_slice(&v.to_le_bytes());
        }
    }
    fn put_u32(&mut self, addr: u64, v: u32) {
        if addr != 0 {
            self.bytes_mut(addr, 4).copy_from_slice(&v.to_le_bytes());
        }
    }
    fn put_u16(&mut self, addr: u64, v: u16) {
        if addr != 0 {
            self.bytes_mut(addr, 2).copy_from_slice(&v.to_le_bytes());
        }
    }
    fn put_u8(&mut self, addr: u64, v: u8) {
        if addr != 0 {
            self.bytes_mut(addr, 1)[0] = v;
        }
    }

    /// The offset of `addr` from the region's start (for `TypeOff`/`NameOff` fields).
    fn off(&self, addr: u64) -> i32 {
        if addr == 0 { 0 } else { (addr - self.base()) as i32 }
    }

    /// The address of the encoded name (shared between equal names).
    fn name(&mut self, n: &[u8], tag: &[u8], exported: bool, embedded: bool, pkg_path: Option<i32>) -> u64 {
        let enc = abi::encode_name(n, tag, exported, embedded, pkg_path);
        if let Some(&o) = self.names.get(&enc) {
            return self.base() + o as u64;
        }
        let at = self.alloc(enc.len() as u64);
        if at == 0 {
            return 0;
        }
        self.bytes_mut(at, enc.len()).copy_from_slice(&enc);
        let o = self.off(at);
        self.names.insert(enc, o);
        at
    }

    /// A static block of words in the region; its address.
    fn words(&mut self, words: &[u64]) -> u64 {
        let at = self.alloc(8 * words.len() as u64);
        for (i, w) in words.iter().enumerate() {
            self.put_u64(at + 8 * i as u64, *w);
        }
        at
    }
}

/// 32-bit FNV-1a: the `Hash` of a type, from its string (gc hashes its link name).
fn fnv32(s: &[u8]) -> u32 {
    s.iter().fold(0x811c_9dc5u32, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// gc's `abi.Kind` of a type.
pub(crate) fn abi_kind(p: &frontend::types::Program, t: TypeId) -> u8 {
    use BasicKind as B;
    match p.types.under(t) {
        Type::Basic(k) => match k {
            B::Bool | B::UntypedBool => kind::BOOL,
            B::Int | B::UntypedInt => kind::INT,
            B::Int8 => kind::INT8,
            B::Int16 => kind::INT16,
            B::Int32 | B::UntypedRune => kind::INT32,
            B::Int64 => kind::INT64,
            B::Uint => kind::UINT,
            B::Uint8 => kind::UINT8,
            B::Uint16 => kind::UINT16,
            B::Uint32 => kind::UINT32,
            B::Uint64 => kind::UINT64,
            B::Uintptr => kind::UINTPTR,
            B::Float32 => kind::FLOAT32,
            B::Float64 | B::UntypedFloat => kind::FLOAT64,
            B::Complex64 => kind::COMPLEX64,
            B::Complex128 | B::UntypedComplex => kind::COMPLEX128,
            B::String | B::UntypedString => kind::STRING,
            B::UnsafePointer | B::UntypedNil => kind::UNSAFE_POINTER,
            B::Invalid => 0,
        },
        Type::Array(..) => kind::ARRAY,
        Type::Chan(..) => kind::CHAN,
        Type::Signature(_) => kind::FUNC,
        Type::Interface(_) => kind::INTERFACE,
        Type::Map(..) => kind::MAP,
        Type::Pointer(_) => kind::POINTER,
        Type::Slice(_) => kind::SLICE,
        Type::Struct(_) => kind::STRUCT,
        _ => 0,
    }
}

/// gc's order of methods (`types.CompareSyms`): exported first, then by name, then by
/// package path.
pub(crate) fn sym_order(p: &frontend::types::Program, a: (&str, Option<PkgId>), b: (&str, Option<PkgId>)) -> std::cmp::Ordering {
    let path = |pkg: Option<PkgId>| pkg.map(|p2| p.package(p2).path.to_string()).unwrap_or_default();
    let (ea, eb) = (is_exported(a.0), is_exported(b.0));
    eb.cmp(&ea).then_with(|| a.0.cmp(b.0)).then_with(|| if ea { std::cmp::Ordering::Equal } else { path(a.1).cmp(&path(b.1)) })
}

/// Whether values of `t` live in an interface's data word itself (gc's rule: one
/// pointer word, `Size_ == PtrBytes == 8`).
pub(crate) fn is_direct_iface(p: &frontend::types::Program, t: TypeId) -> bool {
    layout::size_of(p, t) == 8 && layout::words(p, t).first() == Some(&Kind::Pointer)
}

impl Ctx<'_> {
    /// The address of the descriptor of type `t` (emitted, with everything it refers
    /// to, on first use).
    pub fn descriptor(&mut self, t: TypeId) -> u64 {
        let a = self.reserve(Key::Type(t));
        self.fill_queue();
        a
    }

    /// The package of a named type's declaration (or of an interface or struct's
    /// unexported names).
    fn type_pkg(&self, t: TypeId) -> Option<PkgId> {
        let p = self.prog;
        if let Some(n) = p.types.named(t) {
            return p.obj(n.obj).pkg;
        }
        match p.types.get(t) {
            Type::Struct(fields) => fields.iter().find(|f| !is_exported(&f.name)).and_then(|f| f.pkg),
            Type::Interface(_) => iface_method_list(p, t).iter().find(|m| !is_exported(&m.0)).and_then(|m| m.1),
            _ => None,
        }
    }

    /// The name offset of package `pkg`'s path (0 for none).
    fn pkg_name_off(&mut self, pkg: Option<PkgId>) -> i32 {
        let Some(pkg) = pkg else { return 0 };
        let path = self.prog.package(pkg).path.to_string();
        let a = self.data.module.name(path.as_bytes(), b"", false, false, None);
        self.data.module.off(a)
    }

    /// Reserves the descriptor of `key` (queued for filling); its address.
    fn reserve(&mut self, key: Key) -> u64 {
        if let Some(&a) = self.data.module.types.get(&key) {
            return a;
        }
        // A slice type the program has is its own descriptor.
        let key = match key {
            Key::SliceOf(e) => match self.prog.types.lookup(&Type::Slice(e)) {
                Some(t) => return self.reserve(Key::Type(t)),
                None => key,
            },
            k => k,
        };
        let (k, uncommon, extra) = match key {
            Key::Type(t) => {
                let p = self.prog;
                let k = abi_kind(p, t);
                let nmethods = if p.types.is_interface(t) { 0 } else { self.method_count(t) };
                let uncommon = p.types.named(t).is_some() || matches!(p.types.get(t), Type::Basic(_)) || nmethods > 0;
                let extra = match p.types.signature_of(t).filter(|_| k == kind::FUNC) {
                    Some(s) => 8 * (s.params.len() + s.results.len()) as u64,
                    None => 0,
                } + abi::METHOD_SIZE * nmethods as u64;
                (k, uncommon, extra)
            }
            Key::SliceOf(_) => (kind::SLICE, false, 0),
        };
        let size = abi::HEADER_SIZE + abi::TYPE_SIZE + abi::ext_size(k) + if uncommon { abi::UNCOMMON_SIZE } else { 0 } + extra;
        let at = self.data.module.alloc(size);
        let t = if at == 0 { 0 } else { at + abi::HEADER_SIZE };
        self.data.module.types.insert(key, t);
        if t != 0 {
            self.data.module.put_u8(t + off::KIND as u64, k);
            self.data.module.put_u8(t + off::TFLAG as u64, if uncommon { tflag::UNCOMMON } else { 0 });
            self.data.module.queue.push((key, t));
        }
        t
    }

    /// The number of methods in `t`'s uncommon part.
    fn method_count(&self, t: TypeId) -> usize {
        method_set(self.prog, t)
            .iter()
            .filter(|e| !matches!(e.target, MTarget::Declared { obj, .. } if self.nointerface.contains(&obj)))
            .count()
    }

    fn fill_queue(&mut self) {
        while let Some((key, t)) = self.data.module.queue.pop() {
            self.fill(key, t);
        }
    }

    /// Writes the descriptor of `key` at `t` (reserved: kind and the uncommon flag set).
    fn fill(&mut self, key: Key, t: u64) {
        let p = self.prog;
        let (ty, string) = match key {
            Key::Type(ty) => (Some(ty), super::rtname::rt_type_string(p, ty)),
            Key::SliceOf(e) => (None, format!("[]{}", super::rtname::rt_type_string(p, e))),
        };
        let k = match key {
            Key::Type(ty) => abi_kind(p, ty),
            Key::SliceOf(_) => kind::SLICE,
        };
        // Size, pointer words and alignment come from the type's layout.
        let (size, ptr_words, align, layout_index, alg) = match key {
            Key::Type(ty) => {
                let words = layout::words(p, ty);
                let size = layout::size_of(p, ty);
                let nwords = size.div_ceil(8) as usize;
                let ptr_words: Vec<bool> = words.iter().take(nwords).map(|k| *k == Kind::Pointer).collect();
                let align = frontend::types::sizes::align_of(p, ty).clamp(1, 8) as u8;
                (size, ptr_words, align, u64::from(self.type_id(ty)), self.alg_addr(ty).unwrap_or(0))
            }
            Key::SliceOf(_) => (24, vec![true, false, false], 8, u64::MAX, 0),
        };
        let ptr_bytes = ptr_words.iter().rposition(|&b| b).map_or(0, |i| 8 * (i as u64 + 1));
        let mut flags = if self.read_u8(t + off::TFLAG as u64) & tflag::UNCOMMON != 0 { tflag::UNCOMMON } else { 0 };
        let named = ty.is_some_and(|ty| p.types.named(ty).is_some() || matches!(p.types.get(ty), Type::Basic(_)));
        if named {
            flags |= tflag::NAMED;
        }
        if alg != 0 {
            // SAFETY: `alg` is a static alg block the compiler built.
            if unsafe { runtime::alg::is_plain_memory(alg as *const u64) } {
                flags |= tflag::REGULAR_MEMORY;
            }
        }
        if size == 8 && ptr_bytes == 8 {
            flags |= tflag::DIRECT_IFACE;
        }
        let extra = match ty {
            Some(ty) if k == kind::MAP => self.map_type_addr(ty).unwrap_or(0),
            _ => 0,
        };
        let h = t - abi::HEADER_SIZE;
        let base = self.data.module.base();
        let header = Header { module: base, layout: layout_index, alg, extra };
        for (i, w) in [header.module, header.layout, header.alg, header.extra].into_iter().enumerate() {
            self.data.module.put_u64(h + 8 * i as u64, w);
        }
        let m = &mut self.data.module;
        m.put_u64(t + off::SIZE as u64, size);
        m.put_u64(t + off::PTR_BYTES as u64, ptr_bytes);
        m.put_u32(t + off::HASH as u64, fnv32(string.as_bytes()));
        m.put_u8(t + off::TFLAG as u64, flags);
        m.put_u8(t + off::ALIGN as u64, align);
        m.put_u8(t + off::FIELD_ALIGN as u64, align);
        // The GC mask: one bit per pointer-sized word, up to the last pointer.
        let nmask = ptr_bytes / 8;
        let mask_at = m.alloc(nmask.div_ceil(8).max(1));
        for (i, _) in ptr_words.iter().enumerate().filter(|(_, b)| **b) {
            let byte = mask_at + (i / 8) as u64;
            let old = m.bytes_mut(byte, 1)[0];
            m.put_u8(byte, old | 1 << (i % 8));
        }
        m.put_u64(t + off::GC_DATA as u64, mask_at);
        let s = m.name(string.as_bytes(), b"", false, false, None);
        let s = m.off(s);
        m.put_u32(t + off::STR as u64, s as u32);
        if alg != 0 {
            let stub = self.eq_stub();
            let fv = self.data.module.words(&[u64::from(stub), t]);
            self.data.module.put_u64(t + off::EQUAL as u64, fv);
        }
        let ext = t + off::EXT as u64;
        match key {
            Key::SliceOf(e) => {
                let e = self.reserve(Key::Type(e));
                self.data.module.put_u64(ext, e);
            }
            Key::Type(ty) => self.fill_ext(ty, t, ext),
        }
        if flags & tflag::UNCOMMON != 0
            && let Some(ty) = ty
        {
            self.fill_uncommon(ty, t, k);
        }
    }

    fn read_u8(&mut self, addr: u64) -> u8 {
        self.data.module.bytes_mut(addr, 1)[0]
    }

    /// The kind's extension of `ty` at `ext`.
    fn fill_ext(&mut self, ty: TypeId, t: u64, ext: u64) {
        let p = self.prog;
        match p.types.under(ty).clone() {
            Type::Array(n, e) => {
                let ea = self.reserve(Key::Type(e));
                let sa = self.reserve(Key::SliceOf(e));
                self.data.module.put_u64(ext, ea);
                self.data.module.put_u64(ext + 8, sa);
                self.data.module.put_u64(ext + 16, n);
            }
            Type::Chan(dir, e) => {
                let ea = self.reserve(Key::Type(e));
                self.data.module.put_u64(ext, ea);
                let d = match dir {
                    ChanDir::Recv => 1,
                    ChanDir::Send => 2,
                    ChanDir::Both => 3,
                };
                self.data.module.put_u64(ext + 8, d);
            }
            Type::Pointer(e) | Type::Slice(e) => {
                let ea = self.reserve(Key::Type(e));
                self.data.module.put_u64(ext, ea);
            }
            Type::Signature(s) => {
                self.data.module.put_u16(ext, s.params.len() as u16);
                let out = s.results.len() as u16 | if s.variadic { 1 << 15 } else { 0 };
                self.data.module.put_u16(ext + 2, out);
                let uncommon = self.read_u8(t + off::TFLAG as u64) & tflag::UNCOMMON != 0;
                let mut at = ext + abi::ext_size(kind::FUNC) + if uncommon { abi::UNCOMMON_SIZE } else { 0 };
                for &x in s.params.iter().chain(&s.results) {
                    let xa = self.reserve(Key::Type(x));
                    self.data.module.put_u64(at, xa);
                    at += 8;
                }
            }
            Type::Map(k, v) => {
                let (ka, va) = (self.reserve(Key::Type(k)), self.reserve(Key::Type(v)));
                self.data.module.put_u64(ext, ka);
                self.data.module.put_u64(ext + 8, va);
                // Group (ext + 16) stays nil: mvm's maps are not gc's.
                if self.alg_addr(k).is_some() {
                    let stub = self.hash_stub();
                    let fv = self.data.module.words(&[u64::from(stub), ka]);
                    self.data.module.put_u64(ext + 24, fv);
                }
                if let Some(mt) = self.map_type_addr(ty) {
                    // SAFETY: `mt` is the static MapType block just built for `ty`.
                    let mt = unsafe { *(mt as *const runtime::map::MapType) };
                    self.data.module.put_u64(ext + 32, 8 + 8 * mt.slot_size);
                    self.data.module.put_u64(ext + 40, mt.slot_size);
                    self.data.module.put_u64(ext + 48, mt.val_off);
                    let mut flags = 0;
                    if mt.key_cell_ty != runtime::map::INLINE {
                        flags |= map_flags::INDIRECT_KEY;
                    }
                    if mt.val_cell_ty != runtime::map::INLINE {
                        flags |= map_flags::INDIRECT_ELEM;
                    }
                    if needs_key_update(p, k) {
                        flags |= map_flags::NEED_KEY_UPDATE;
                    }
                    if has_interface(p, k) {
                        flags |= map_flags::HASH_MIGHT_PANIC;
                    }
                    self.data.module.put_u32(ext + 56, flags);
                }
            }
            Type::Struct(fields) => {
                let pkg = self.type_pkg(ty);
                let pkg_name = self.pkg_path_name(pkg);
                self.data.module.put_u64(ext, pkg_name);
                let offsets = frontend::types::sizes::offsets_of(p, ty);
                let arr = self.data.module.alloc(abi::FIELD_SIZE * fields.len() as u64);
                for (i, f) in fields.iter().enumerate() {
                    let at = arr + abi::FIELD_SIZE * i as u64;
                    let name = self.data.module.name(f.name.as_bytes(), f.tag.as_bytes(), is_exported(&f.name), f.embedded, None);
                    let fa = self.reserve(Key::Type(f.ty));
                    self.data.module.put_u64(at, name);
                    self.data.module.put_u64(at + 8, fa);
                    self.data.module.put_u64(at + 16, offsets.get(i).copied().flatten().unwrap_or(0) as u64);
                }
                self.data.module.put_u64(ext + 8, arr);
                self.data.module.put_u64(ext + 16, fields.len() as u64);
                self.data.module.put_u64(ext + 24, fields.len() as u64);
            }
            Type::Interface(_) => {
                let pkg = self.type_pkg(ty);
                let pkg_name = self.pkg_path_name(pkg);
                self.data.module.put_u64(ext, pkg_name);
                let methods = iface_method_list(p, ty);
                let arr = self.data.module.alloc(abi::IMETHOD_SIZE * methods.len() as u64);
                for (i, (name, mpkg, sig)) in methods.iter().enumerate() {
                    let at = arr + abi::IMETHOD_SIZE * i as u64;
                    let n = self.method_name(name, *mpkg, pkg);
                    let sa = self.reserve(Key::Type(*sig));
                    let so = self.data.module.off(sa);
                    self.data.module.put_u32(at, n as u32);
                    self.data.module.put_u32(at + 4, so as u32);
                }
                self.data.module.put_u64(ext + 8, arr);
                self.data.module.put_u64(ext + 16, methods.len() as u64);
                self.data.module.put_u64(ext + 24, methods.len() as u64);
            }
            _ => {}
        }
    }

    /// The address of the `abi.Name` of a package path (0 for none).
    fn pkg_path_name(&mut self, pkg: Option<PkgId>) -> u64 {
        match pkg {
            Some(pk) => {
                let path = self.prog.package(pk).path.to_string();
                self.data.module.name(path.as_bytes(), b"", false, false, None)
            }
            None => 0,
        }
    }

    /// The name offset of a method name; an unexported name from a package other than
    /// `owner` carries its package path.
    fn method_name(&mut self, name: &str, pkg: Option<PkgId>, owner: Option<PkgId>) -> i32 {
        let exported = is_exported(name);
        let pkg_path = if !exported && pkg.is_some() && pkg != owner { Some(self.pkg_name_off(pkg)) } else { None };
        let a = self.data.module.name(name.as_bytes(), b"", exported, false, pkg_path);
        self.data.module.off(a)
    }

    /// The uncommon part of `ty` (package path and methods).
    fn fill_uncommon(&mut self, ty: TypeId, t: u64, k: u8) {
        let p = self.prog;
        let u = t + abi::TYPE_SIZE + abi::ext_size(k);
        let base_ty = match p.types.get(ty) {
            Type::Pointer(e) => *e,
            _ => ty,
        };
        // gc's typePkg: a named type's package, also for a pointer to it.
        let owner = p.types.named(base_ty).and_then(|n| p.obj(n.obj).pkg);
        let pkg_off = self.pkg_name_off(owner);
        self.data.module.put_u32(u, pkg_off as u32);
        let mut entries: Vec<_> = if p.types.is_interface(ty) {
            Vec::new()
        } else {
            method_set(p, ty)
                .into_iter()
                .filter(|e| !matches!(e.target, MTarget::Declared { obj, .. } if self.nointerface.contains(&obj)))
                .collect()
        };
        entries.sort_by(|a, b| sym_order(p, (&a.name, a.pkg), (&b.name, b.pkg)));
        let xcount = entries.iter().filter(|e| is_exported(&e.name)).count();
        self.data.module.put_u16(u + 4, entries.len() as u16);
        self.data.module.put_u16(u + 6, xcount as u16);
        let in_out = match p.types.signature_of(ty).filter(|_| k == kind::FUNC) {
            Some(s) => 8 * (s.params.len() + s.results.len()) as u64,
            None => 0,
        };
        let moff = abi::UNCOMMON_SIZE + in_out;
        self.data.module.put_u32(u + 8, moff as u32);
        let (recv, recv_base) = super::methods::itab_recv(self, ty);
        for (i, e) in entries.iter().enumerate() {
            let at = u + moff + abi::METHOD_SIZE * i as u64;
            let n = self.method_name(&e.name, e.pkg, owner);
            let mt = self.reserve(Key::Type(e.sig));
            let mt = self.data.module.off(mt);
            // A method whose wrapper cannot be made is unreachable (-1), as in gc.
            let ifn = self.method_fn(recv, recv_base, e).map_or(-1, |f| f as i32);
            let tfn = self.method_fn(Recv::Value, ty, e).map_or(-1, |f| f as i32);
            self.data.module.put_u32(at, n as u32);
            self.data.module.put_u32(at + 4, mt as u32);
            self.data.module.put_u32(at + 8, ifn as u32);
            self.data.module.put_u32(at + 12, tfn as u32);
        }
    }

    /// The static itab of concrete type `t` in interface `i`: `[Inter, Type, Hash,
    /// Fun...]`, or the name of a method `t` lacks.
    pub fn emit_itab(&mut self, i: TypeId, t: TypeId) -> Result<u64, String> {
        let methods = iface_method_list(self.prog, i);
        let (ia, ta) = (self.descriptor(i), self.descriptor(t));
        let mut words = vec![ia, ta, 0];
        for (name, pkg, _) in &methods {
            words.push(u64::from(self.itab_fn(t, name, *pkg)?));
        }
        let at = self.data.module.words(&words);
        // Hash: a copy of the type's.
        let hash = self.data.module.bytes_mut(ta + off::HASH as u64, 4).to_vec();
        self.data.module.bytes_mut(at + 16, 4).copy_from_slice(&hash);
        Ok(at)
    }

    /// The bytecode stub behind every `Equal`: `func(p, q unsafe.Pointer) bool`,
    /// comparing through the alg of the type in its closure context.
    fn eq_stub(&mut self) -> FuncId {
        if let Some(f) = self.data.module.eq_stub {
            return f;
        }
        let f = self.type_stub("runtime.typedequal", "typedequal", vec![Kind::Pointer, Kind::Pointer]);
        self.data.module.eq_stub = Some(f);
        f
    }

    /// The bytecode stub behind every map type's `Hasher`: `func(p unsafe.Pointer,
    /// seed uintptr) uintptr`, hashing through the alg of the key type in its context.
    fn hash_stub(&mut self) -> FuncId {
        if let Some(f) = self.data.module.hash_stub {
            return f;
        }
        let f = self.type_stub("runtime.typedhash", "typedhash", vec![Kind::Pointer, Kind::Scalar]);
        self.data.module.hash_stub = Some(f);
        f
    }

    /// `func(params) uintptr`: the native `native` of (context type, params...).
    fn type_stub(&mut self, name: &str, native: &'static str, params: Vec<Kind>) -> FuncId {
        let n = params.len() as u16;
        let mut b = FunctionBuilder::new(name, Signature { params, results: vec![Kind::Scalar] });
        b.emit(Instr::LoadCtx);
        b.emit(Instr::LoadPtr(8));
        b.emit(Instr::LoadSlots { slot: 0, n });
        match self.native(native) {
            Some((i, sig)) => b.call_native(i, &sig),
            None => b.emit(Instr::Const(0)),
        }
        b.emit(Instr::Ret);
        let id = self.reserve_func();
        match b.finish() {
            Ok(f) => self.define_func(id, f),
            Err(e) => self.data.module.error = Some(format!("{name}: {e}")),
        }
        id
    }

    /// Sets every emitted type's `PtrToThis` to its pointer type's descriptor, when the
    /// program has one. Called once, when the program is linked.
    pub fn finish_rtypes(&mut self) {
        self.fill_queue();
        let links: Vec<(u64, u64)> = self
            .data
            .module
            .types
            .iter()
            .filter_map(|(k, &a)| match k {
                Key::Type(t) => match self.prog.types.get(*t) {
                    Type::Pointer(e) => self.data.module.types.get(&Key::Type(*e)).map(|&ea| (ea, a)),
                    _ => None,
                },
                Key::SliceOf(_) => None,
            })
            .collect();
        for (elem, ptr) in links {
            if elem != 0 && ptr != 0 {
                let o = self.data.module.off(ptr);
                self.data.module.put_u32(elem + off::PTR_TO_THIS as u64, o as u32);
            }
        }
    }

    /// The unnamed composite types emitted (gc's `typelinks`): offsets, sorted by
    /// their string.
    pub fn typelinks(&mut self) -> Vec<i32> {
        let p = self.prog;
        let mut v: Vec<(String, i32)> = self
            .data
            .module
            .types
            .iter()
            .filter(|(_, a)| **a != 0)
            .filter_map(|(k, &a)| {
                let s = match k {
                    Key::Type(t) if p.types.named(*t).is_none() && !matches!(p.types.get(*t), Type::Basic(_) | Type::Interface(_)) => {
                        super::rtname::rt_type_string(p, *t)
                    }
                    Key::SliceOf(e) => format!("[]{}", super::rtname::rt_type_string(p, *e)),
                    _ => return None,
                };
                Some((s, self.data.module.off(a)))
            })
            .collect();
        v.sort();
        v.into_iter().map(|(_, o)| o).collect()
    }
}

/// Whether an overwrite of a map entry must store the key too (gc's `needkeyupdate`:
/// keys whose equal values may differ in bits: floats, strings, interfaces).
fn needs_key_update(p: &frontend::types::Program, k: TypeId) -> bool {
    any_leaf(p, k, 0, &|t| match t {
        Type::Basic(b) => b.is_float() || b.is_complex() || b.is_string(),
        Type::Interface(_) => true,
        _ => false,
    })
}

/// Whether a key type contains an interface (hashing may panic).
fn has_interface(p: &frontend::types::Program, k: TypeId) -> bool {
    any_leaf(p, k, 0, &|t| matches!(t, Type::Interface(_)))
}

/// Whether a leaf of `t` (through arrays and struct fields) satisfies `f`; types
/// nested deeper than the alg's limit count as not.
fn any_leaf(p: &frontend::types::Program, t: TypeId, depth: u32, f: &dyn Fn(&Type) -> bool) -> bool {
    if depth > 100 {
        return false;
    }
    match p.types.under(t) {
        Type::Array(_, e) => any_leaf(p, *e, depth + 1, f),
        Type::Struct(fields) => fields.iter().any(|fl| any_leaf(p, fl.ty, depth + 1, f)),
        u => f(u),
    }
}
