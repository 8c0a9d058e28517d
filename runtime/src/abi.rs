//! gc's run-time type descriptors (`internal/abi`), which mvm's compiler emits and
//! reflect reads: the byte layout of `abi.Type` and its kind extensions, names, the
//! uncommon type with its methods, itabs — and the few words mvm keeps beside each.
//!
//! # Layout (amd64, as `internal/abi/type.go`)
//!
//! `abi.Type` is 48 bytes ([`TYPE_SIZE`]); the kind's extension follows it (see
//! [`ext_size`]); then, when [`tflag::UNCOMMON`] is set, the 16-byte `UncommonType`,
//! whose `Methods` array lies `Moff` bytes after it. A func type's parameter and result
//! types follow the uncommon part (or the `FuncType` itself).
//!
//! Names (`abi.Name`) are a flag byte (1 exported, 2 tag follows, 4 a package path
//! offset follows, 8 embedded), a varint length and the bytes, then an optional varint
//! tag and a 4-byte `NameOff` package path. `NameOff` and `TypeOff` are byte offsets
//! from the start of the *module*: the contiguous region the compiler put the program's
//! types and names in. `TextOff` is a function id: mvm's code pointers are function ids.
//!
//! # mvm's header
//!
//! Every type the compiler emits is preceded by a [`Header`]: the module's base (so a
//! name can be found from the type alone), the collector's layout index, the alg
//! (`crate::alg`: how values compare and hash, 0 if uncomparable) and one word that
//! depends on the kind (a map's `crate::map::MapType`). Types that reflect builds while
//! the program runs have no header: the VM keeps the same facts for them in a table
//! keyed by the type's address.

/// Bytes of `abi.Type`.
pub const TYPE_SIZE: u64 = 48;

/// Field offsets in `abi.Type`.
pub mod off {
    /// `Size_ uintptr`.
    pub const SIZE: usize = 0;
    /// `PtrBytes uintptr`.
    pub const PTR_BYTES: usize = 8;
    /// `Hash uint32`.
    pub const HASH: usize = 16;
    /// `TFlag uint8`.
    pub const TFLAG: usize = 20;
    /// `Align_ uint8`.
    pub const ALIGN: usize = 21;
    /// `FieldAlign_ uint8`.
    pub const FIELD_ALIGN: usize = 22;
    /// `Kind_ uint8`.
    pub const KIND: usize = 23;
    /// `Equal func(unsafe.Pointer, unsafe.Pointer) bool`.
    pub const EQUAL: usize = 24;
    /// `GCData *byte`.
    pub const GC_DATA: usize = 32;
    /// `Str NameOff`.
    pub const STR: usize = 40;
    /// `PtrToThis TypeOff`.
    pub const PTR_TO_THIS: usize = 44;
    /// The extension's first field (`Elem`, `Key`, `InCount`, `PkgPath`).
    pub const EXT: usize = 48;
}

/// `abi.Kind` values.
pub mod kind {
    #![allow(missing_docs)]
    pub const BOOL: u8 = 1;
    pub const INT: u8 = 2;
    pub const INT8: u8 = 3;
    pub const INT16: u8 = 4;
    pub const INT32: u8 = 5;
    pub const INT64: u8 = 6;
    pub const UINT: u8 = 7;
    pub const UINT8: u8 = 8;
    pub const UINT16: u8 = 9;
    pub const UINT32: u8 = 10;
    pub const UINT64: u8 = 11;
    pub const UINTPTR: u8 = 12;
    pub const FLOAT32: u8 = 13;
    pub const FLOAT64: u8 = 14;
    pub const COMPLEX64: u8 = 15;
    pub const COMPLEX128: u8 = 16;
    pub const ARRAY: u8 = 17;
    pub const CHAN: u8 = 18;
    pub const FUNC: u8 = 19;
    pub const INTERFACE: u8 = 20;
    pub const MAP: u8 = 21;
    pub const POINTER: u8 = 22;
    pub const SLICE: u8 = 23;
    pub const STRING: u8 = 24;
    pub const STRUCT: u8 = 25;
    pub const UNSAFE_POINTER: u8 = 26;
}

/// `abi.TFlag` bits.
pub mod tflag {
    /// An `UncommonType` follows the kind's extension.
    pub const UNCOMMON: u8 = 1 << 0;
    /// The name in `Str` has an extra `*` in front.
    pub const EXTRA_STAR: u8 = 1 << 1;
    /// The type has a name.
    pub const NAMED: u8 = 1 << 2;
    /// Equality and hashing may treat values as `Size_` bytes of memory.
    pub const REGULAR_MEMORY: u8 = 1 << 3;
    /// `GCData` points to a pointer to the mask.
    pub const GC_MASK_ON_DEMAND: u8 = 1 << 4;
    /// Values are stored in an interface's data word itself.
    pub const DIRECT_IFACE: u8 = 1 << 5;
}

/// Bytes of the kind's extension after `abi.Type` (the offset of the uncommon part).
pub fn ext_size(kind: u8) -> u64 {
    match kind {
        kind::ARRAY => 24,                   // Elem, Slice, Len
        kind::CHAN => 16,                    // Elem, Dir
        kind::FUNC => 8,                     // InCount, OutCount (padded)
        kind::INTERFACE => 32,               // PkgPath, Methods
        kind::MAP => 64,                     // Key, Elem, Group, Hasher, GroupSize, SlotSize, ElemOff, Flags
        kind::POINTER | kind::SLICE => 8,    // Elem
        kind::STRUCT => 32,                  // PkgPath, Fields
        _ => 0,
    }
}

/// Bytes of `abi.UncommonType`.
pub const UNCOMMON_SIZE: u64 = 16;
/// Bytes of `abi.Method`.
pub const METHOD_SIZE: u64 = 16;
/// Bytes of `abi.Imethod`.
pub const IMETHOD_SIZE: u64 = 8;
/// Bytes of `abi.StructField`.
pub const FIELD_SIZE: u64 = 24;
/// Byte offset of `Fun[0]` in `abi.ITab` (`Inter`, `Type`, `Hash` padded).
pub const ITAB_FUN: u64 = 24;

/// `abi.MapType.Flags` bits.
pub mod map_flags {
    /// Overwriting an entry must update its key too.
    pub const NEED_KEY_UPDATE: u32 = 1 << 0;
    /// Hashing a key may panic (interface keys).
    pub const HASH_MIGHT_PANIC: u32 = 1 << 1;
    /// Keys are stored out of line.
    pub const INDIRECT_KEY: u32 = 1 << 2;
    /// Elements are stored out of line.
    pub const INDIRECT_ELEM: u32 = 1 << 3;
}

/// The words mvm keeps in front of each type the compiler emits.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Header {
    /// The start of the module holding the type (what `NameOff`s count from).
    pub module: u64,
    /// The collector's layout index of the type (its index in the program's type table).
    pub layout: u64,
    /// The type's alg (`crate::alg`), 0 if values are not comparable.
    pub alg: u64,
    /// By kind: a map's `crate::map::MapType` address; 0 otherwise.
    pub extra: u64,
}

/// Bytes of [`Header`].
pub const HEADER_SIZE: u64 = std::mem::size_of::<Header>() as u64;

/// A type descriptor's address, and what can be read through it.
///
/// Every method is `unsafe` to call: the address must be a descriptor in gc's layout,
/// alive while the reads happen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TypeRef(pub u64);

macro_rules! read {
    ($addr:expr, $t:ty) => {
        // SAFETY: the caller's contract (a valid descriptor) covers every field read.
        unsafe { std::ptr::read_unaligned(($addr) as *const $t) }
    };
}

impl TypeRef {
    /// # Safety
    /// `self` must be a descriptor with a field of type `T` at `off`.
    unsafe fn at<T: Copy>(self, off: usize) -> T {
        read!(self.0 as usize + off, T)
    }

    /// `Size_`.
    pub unsafe fn size(self) -> u64 {
        unsafe { self.at(off::SIZE) }
    }
    /// `PtrBytes`.
    pub unsafe fn ptr_bytes(self) -> u64 {
        unsafe { self.at(off::PTR_BYTES) }
    }
    /// `Hash`.
    pub unsafe fn hash(self) -> u32 {
        unsafe { self.at(off::HASH) }
    }
    /// `TFlag`.
    pub unsafe fn tflag(self) -> u8 {
        unsafe { self.at(off::TFLAG) }
    }
    /// `Kind_`.
    pub unsafe fn kind(self) -> u8 {
        unsafe { self.at(off::KIND) }
    }
    /// `Align_`.
    pub unsafe fn align(self) -> u8 {
        unsafe { self.at(off::ALIGN) }
    }
    /// Whether values sit in an interface's data word itself.
    pub unsafe fn is_direct_iface(self) -> bool {
        unsafe { self.tflag() & tflag::DIRECT_IFACE != 0 }
    }
    /// The `u64` at byte `off` of the descriptor (an extension field).
    pub unsafe fn word(self, off: usize) -> u64 {
        unsafe { self.at(off) }
    }
    /// `Elem` of an array, chan, map, pointer or slice type.
    pub unsafe fn elem(self) -> Option<TypeRef> {
        let off = match unsafe { self.kind() } {
            kind::ARRAY | kind::CHAN | kind::POINTER | kind::SLICE => off::EXT,
            kind::MAP => off::EXT + 8,
            _ => return None,
        };
        let e: u64 = unsafe { self.at(off) };
        (e != 0).then_some(TypeRef(e))
    }
    /// mvm's header (only for types the compiler emitted: see [`Header`]).
    pub unsafe fn header(self) -> Header {
        read!(self.0 - HEADER_SIZE, Header)
    }
    /// The uncommon part's address, if the type has one.
    pub unsafe fn uncommon(self) -> Option<u64> {
        unsafe { (self.tflag() & tflag::UNCOMMON != 0).then(|| self.0 + TYPE_SIZE + ext_size(self.kind())) }
    }
    /// `Str` as a name offset.
    pub unsafe fn str_off(self) -> i32 {
        unsafe { self.at(off::STR) }
    }
}

/// A decoded `abi.Name`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Name<'a> {
    /// The name's bytes.
    pub name: &'a [u8],
    /// The tag's bytes (empty if none).
    pub tag: &'a [u8],
    /// The exported bit.
    pub exported: bool,
    /// The embedded-field bit.
    pub embedded: bool,
    /// The package path's name offset, when the name carries one.
    pub pkg_path: Option<i32>,
}

/// Reads a varint as `abi.Name.ReadVarint`: (bytes read, value).
///
/// # Safety
/// `p` must point to a complete varint.
unsafe fn varint(p: *const u8) -> (usize, usize) {
    let mut v = 0usize;
    for i in 0..10 {
        // SAFETY: the caller's contract.
        let b = unsafe { *p.add(i) };
        v |= usize::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            return (i + 1, v);
        }
    }
    (10, v)
}

/// Decodes the `abi.Name` at `p`.
///
/// # Safety
/// `p` must point to a name in `abi.Name`'s encoding, alive for `'a`.
pub unsafe fn name<'a>(p: u64) -> Name<'a> {
    let p = p as *const u8;
    // SAFETY: the caller's contract: flag byte, varint length, bytes, then the optional
    // tag and package path.
    unsafe {
        let flags = *p;
        let (n, len) = varint(p.add(1));
        let start = p.add(1 + n);
        let name = std::slice::from_raw_parts(start, len);
        let mut q = start.add(len);
        let mut tag: &[u8] = &[];
        if flags & 2 != 0 {
            let (n, tlen) = varint(q);
            tag = std::slice::from_raw_parts(q.add(n), tlen);
            q = q.add(n + tlen);
        }
        let pkg_path = (flags & 4 != 0).then(|| std::ptr::read_unaligned(q as *const i32));
        Name { name, tag, exported: flags & 1 != 0, embedded: flags & 8 != 0, pkg_path }
    }
}

/// Encodes an `abi.Name` (as `abi.NewName`, plus the package path offset).
pub fn encode_name(n: &[u8], tag: &[u8], exported: bool, embedded: bool, pkg_path: Option<i32>) -> Vec<u8> {
    fn put_varint(out: &mut Vec<u8>, mut v: usize) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                out.push(b);
                return;
            }
            out.push(b | 0x80);
        }
    }
    let mut flags = 0u8;
    if exported {
        flags |= 1;
    }
    if !tag.is_empty() {
        flags |= 2;
    }
    if pkg_path.is_some() {
        flags |= 4;
    }
    if embedded {
        flags |= 8;
    }
    let mut out = vec![flags];
    put_varint(&mut out, n.len());
    out.extend_from_slice(n);
    if !tag.is_empty() {
        put_varint(&mut out, tag.len());
        out.extend_from_slice(tag);
    }
    if let Some(p) = pkg_path {
        out.extend_from_slice(&p.to_le_bytes());
    }
    out
}

/// The string of an emitted type (`Str`), as gc's runtime prints it (`main.T`,
/// `[]int`, `func(int) string`).
///
/// # Safety
/// `t` must be a type the compiler emitted (it has a [`Header`]).
pub unsafe fn type_string(t: TypeRef) -> String {
    // SAFETY: the caller's contract; `Str` is an offset into the module.
    unsafe {
        let h = t.header();
        let n = name((h.module as i64 + i64::from(t.str_off())) as u64);
        let mut s = String::from_utf8_lossy(n.name).into_owned();
        if t.tflag() & tflag::EXTRA_STAR != 0 && s.starts_with('*') {
            s.remove(0);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        let b = encode_name(b"Field", b"json:\"f\"", true, false, None);
        // SAFETY: `b` is an encoded name.
        let n = unsafe { name(b.as_ptr() as u64) };
        assert_eq!(n.name, b"Field");
        assert_eq!(n.tag, b"json:\"f\"");
        assert!(n.exported && !n.embedded && n.pkg_path.is_none());
        let long = vec![b'x'; 300];
        let b = encode_name(&long, b"", false, true, Some(-8));
        // SAFETY: as above.
        let n = unsafe { name(b.as_ptr() as u64) };
        assert_eq!(n.name.len(), 300);
        assert!(n.embedded && !n.exported);
        assert_eq!(n.pkg_path, Some(-8));
        // gc's encoding: flag byte, varint length.
        assert_eq!(&encode_name(b"ab", b"", true, false, None), &[1, 2, b'a', b'b']);
    }
}

/// A method as itab matching sees it: name, package path (for unexported names),
/// method type, and (for concrete types) the function an itab holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MethodRef<'a> {
    /// The method's name.
    pub name: &'a [u8],
    /// The package path of an unexported name (empty for exported names).
    pub pkg: &'a [u8],
    /// The method's func type (without receiver).
    pub typ: u64,
    /// `Ifn`: the function taking the interface data word as receiver (-1: none;
    /// unused for interface methods).
    pub ifn: i32,
}

/// The name at offset `off` of the module starting at `module`.
///
/// # Safety
/// `off` must be a name offset of that module.
unsafe fn name_at<'a>(module: u64, off: i32) -> Name<'a> {
    // SAFETY: the caller's contract.
    unsafe { name((module as i64 + i64::from(off)) as u64) }
}

/// The package path of an unexported method name `n`, falling back to `owner`'s (a
/// name offset, 0 for none).
///
/// # Safety
/// Both must belong to the module starting at `module`.
unsafe fn method_pkg<'a>(module: u64, n: &Name<'a>, owner: i32) -> &'a [u8] {
    if n.exported {
        return &[];
    }
    // SAFETY: the caller's contract.
    unsafe {
        match n.pkg_path {
            Some(p) if p != 0 => name_at(module, p).name,
            _ if owner != 0 => name_at(module, owner).name,
            _ => &[],
        }
    }
}

/// The methods of interface type `t`, in its `Imethod` order.
///
/// # Safety
/// `t` must be an interface type the compiler emitted.
pub unsafe fn interface_methods<'a>(t: TypeRef) -> Vec<MethodRef<'a>> {
    // SAFETY: the caller's contract: InterfaceType's PkgPath and Methods slice follow
    // the common part, each Imethod a pair of offsets into the module.
    unsafe {
        let module = t.header().module;
        let pkg_name = t.word(off::EXT);
        let owner_pkg: &[u8] = if pkg_name == 0 { &[] } else { name(pkg_name).name };
        let (arr, n) = (t.word(off::EXT + 8), t.word(off::EXT + 16) as usize);
        (0..n)
            .map(|i| {
                let m = arr + IMETHOD_SIZE * i as u64;
                let nm = name_at(module, std::ptr::read_unaligned(m as *const i32));
                let typ = (module as i64 + i64::from(std::ptr::read_unaligned((m + 4) as *const i32))) as u64;
                let pkg = if nm.exported {
                    &[][..]
                } else {
                    match nm.pkg_path {
                        Some(p) if p != 0 => name_at(module, p).name,
                        _ => owner_pkg,
                    }
                };
                MethodRef { name: nm.name, pkg, typ, ifn: -1 }
            })
            .collect()
    }
}

/// The methods of concrete type `t` (its uncommon part), in gc's order.
///
/// # Safety
/// `t` must be a type the compiler emitted.
pub unsafe fn methods<'a>(t: TypeRef) -> Vec<MethodRef<'a>> {
    // SAFETY: the caller's contract: UncommonType{PkgPath, Mcount, Xcount, Moff} and
    // its Method array of four offsets each.
    unsafe {
        let Some(u) = t.uncommon() else { return Vec::new() };
        let module = t.header().module;
        let owner = std::ptr::read_unaligned(u as *const i32);
        let count = usize::from(std::ptr::read_unaligned((u + 4) as *const u16));
        let moff = u64::from(std::ptr::read_unaligned((u + 8) as *const u32));
        (0..count)
            .map(|i| {
                let m = u + moff + METHOD_SIZE * i as u64;
                let f = |k: u64| std::ptr::read_unaligned((m + 4 * k) as *const i32);
                let nm = name_at(module, f(0));
                MethodRef { name: nm.name, pkg: method_pkg(module, &nm, owner), typ: (module as i64 + i64::from(f(1))) as u64, ifn: f(2) }
            })
            .collect()
    }
}

/// One operand-stack word of a call's argument or result, and where it lives in the
/// call's ABI0 frame (gc's stack-only calling convention, which reflect uses with no
/// argument registers): `size` bytes at `off`, sign-extended when `signed`, a pointer
/// for the collector when `ptr`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FrameWord {
    /// Byte offset in the frame.
    pub off: u32,
    /// Bytes: 1, 2, 4 or 8.
    pub size: u8,
    /// Sign-extend to the canonical word.
    pub signed: bool,
    /// The word holds a pointer.
    pub ptr: bool,
}

/// How a function's arguments and results map between operand-stack words and an
/// ABI0 frame in memory (see `reflect.funcLayout`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FramePlan {
    /// The argument words, receiver first.
    pub params: Vec<FrameWord>,
    /// The result words.
    pub results: Vec<FrameWord>,
    /// The frame's size in bytes (arguments, then results from an 8-aligned offset).
    pub size: u32,
}

/// What a value of one type contributes to a frame plan: its alignment and size, and
/// its stack words as (offset in the value, size, signed, pointer).
#[derive(Clone, Debug, Default)]
pub struct ValueWords {
    /// Alignment in bytes.
    pub align: u32,
    /// Size in bytes.
    pub size: u32,
    /// The words.
    pub words: Vec<(u32, u8, bool, bool)>,
}

impl ValueWords {
    /// The words of a value of `kind` (an `abi.Kind`) with `size` bytes, alignment
    /// `align` and, for a struct or array, pointer words `ptr_words` (by word index).
    pub fn of_kind(kind_: u8, size: u32, align: u32, ptr_word: impl Fn(u32) -> bool) -> ValueWords {
        let w = |off: u32, size: u8, signed: bool, ptr: bool| (off, size, signed, ptr);
        let words = match kind_ {
            kind::BOOL | kind::UINT8 => vec![w(0, 1, false, false)],
            kind::INT8 => vec![w(0, 1, true, false)],
            kind::INT16 => vec![w(0, 2, true, false)],
            kind::UINT16 => vec![w(0, 2, false, false)],
            kind::INT32 => vec![w(0, 4, true, false)],
            kind::UINT32 | kind::FLOAT32 => vec![w(0, 4, false, false)],
            kind::COMPLEX64 => vec![w(0, 4, false, false), w(4, 4, false, false)],
            kind::POINTER | kind::UNSAFE_POINTER | kind::CHAN | kind::MAP | kind::FUNC => vec![w(0, 8, false, true)],
            kind::STRING => vec![w(0, 8, false, true), w(8, 8, false, false)],
            kind::SLICE => vec![w(0, 8, false, true), w(8, 8, false, false), w(16, 8, false, false)],
            kind::INTERFACE => vec![w(0, 8, false, true), w(8, 8, false, true)],
            kind::ARRAY | kind::STRUCT => (0..size.div_ceil(8))
                .map(|i| {
                    let n = (size - 8 * i).min(8) as u8;
                    w(8 * i, n, false, ptr_word(i))
                })
                .collect(),
            kind::COMPLEX128 => vec![w(0, 8, false, false), w(8, 8, false, false)],
            _ => vec![w(0, 8, false, false)],
        };
        ValueWords { align: align.max(1), size, words }
    }

    /// The words of the value of type `t`.
    ///
    /// # Safety
    /// `t` must be a type descriptor in gc's layout.
    pub unsafe fn of_type(t: TypeRef) -> ValueWords {
        // SAFETY: the caller's contract; GCData has a bit per word up to PtrBytes.
        unsafe {
            let mask = t.word(off::GC_DATA);
            let on_demand = t.tflag() & tflag::GC_MASK_ON_DEMAND != 0;
            let ptr_bytes = t.ptr_bytes();
            let ptr_word = |i: u32| {
                if u64::from(i) * 8 >= ptr_bytes || mask == 0 || on_demand {
                    return false;
                }
                *(mask as *const u8).add((i / 8) as usize) & (1 << (i % 8)) != 0
            };
            ValueWords::of_kind(t.kind(), t.size() as u32, u32::from(t.align()), ptr_word)
        }
    }
}

impl FramePlan {
    /// The plan of a call whose arguments are `params` and results `results`, laid
    /// out as reflect's `funcLayout` does with no argument registers: each value at
    /// its alignment, the results from the next 8-aligned offset.
    pub fn new(params: &[ValueWords], results: &[ValueWords]) -> FramePlan {
        let mut plan = FramePlan::default();
        let mut off = 0u32;
        let place = |v: &ValueWords, out: &mut Vec<FrameWord>, off: &mut u32| {
            *off = off.div_ceil(v.align) * v.align;
            for &(o, size, signed, ptr) in &v.words {
                out.push(FrameWord { off: *off + o, size, signed, ptr });
            }
            *off += v.size;
        };
        for p in params {
            place(p, &mut plan.params, &mut off);
        }
        off = off.div_ceil(8) * 8;
        for r in results {
            place(r, &mut plan.results, &mut off);
        }
        plan.size = off.div_ceil(8) * 8;
        plan
    }

    /// The plan of a call of a function of type `ft` (an `abi.FuncType`).
    ///
    /// # Safety
    /// `ft` must be a func type descriptor in gc's layout.
    pub unsafe fn of_func(ft: TypeRef) -> FramePlan {
        // SAFETY: the caller's contract: InCount/OutCount, then the In/Out pointers
        // after the uncommon part if any.
        unsafe {
            let inc = std::ptr::read_unaligned((ft.0 + TYPE_SIZE) as *const u16) as usize;
            let outc = (std::ptr::read_unaligned((ft.0 + TYPE_SIZE + 2) as *const u16) & 0x7fff) as usize;
            let mut at = ft.0 + TYPE_SIZE + ext_size(kind::FUNC);
            if ft.tflag() & tflag::UNCOMMON != 0 {
                at += UNCOMMON_SIZE;
            }
            let ty = |i: usize| TypeRef(*((at + 8 * i as u64) as *const u64));
            let params: Vec<ValueWords> = (0..inc).map(|i| ValueWords::of_type(ty(i))).collect();
            let results: Vec<ValueWords> = (inc..inc + outc).map(|i| ValueWords::of_type(ty(i))).collect();
            FramePlan::new(&params, &results)
        }
    }
}

/// Reads the word `w` of a frame at `frame` as its canonical operand-stack word.
///
/// # Safety
/// `frame + w.off` must hold `w.size` readable bytes.
pub unsafe fn load_frame_word(frame: u64, w: FrameWord) -> u64 {
    let p = frame + u64::from(w.off);
    // SAFETY: the caller's contract.
    unsafe {
        match (w.size, w.signed) {
            (1, false) => u64::from(*(p as *const u8)),
            (1, true) => *(p as *const i8) as i64 as u64,
            (2, false) => u64::from(std::ptr::read_unaligned(p as *const u16)),
            (2, true) => std::ptr::read_unaligned(p as *const i16) as i64 as u64,
            (4, false) => u64::from(std::ptr::read_unaligned(p as *const u32)),
            (4, true) => std::ptr::read_unaligned(p as *const i32) as i64 as u64,
            (n, _) if n < 8 => {
                let mut b = [0u8; 8];
                std::ptr::copy_nonoverlapping(p as *const u8, b.as_mut_ptr(), n as usize);
                u64::from_le_bytes(b)
            }
            _ => std::ptr::read_unaligned(p as *const u64),
        }
    }
}

/// Writes operand-stack word `v` as word `w` of a frame at `frame`.
///
/// # Safety
/// `frame + w.off` must hold `w.size` writable bytes.
pub unsafe fn store_frame_word(frame: u64, w: FrameWord, v: u64) {
    let p = frame + u64::from(w.off);
    // SAFETY: the caller's contract.
    unsafe { std::ptr::copy_nonoverlapping(v.to_le_bytes().as_ptr(), p as *mut u8, usize::from(w.size.min(8))) };
}
