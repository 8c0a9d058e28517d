//! Run-time type information the compiler leaves in static memory, and the itabs the
//! VM builds from it on demand.
//!
//! # Type descriptors
//!
//! One static block of [`desc::WORDS`] words per type (`compile::iface` builds them; a
//! type's descriptor address is its identity at run time): size, layout index, reflect
//! kind, indirect flag, name, the alg (how values compare and hash), and word
//! [`desc::METHODS`], the address of the type's *method table* (0 if it has none).
//!
//! A method table is `[n, entry...]`, each entry [`METHOD_ENTRY_WORDS`] words: name
//! pointer and length, package key (0 for an exported name, else the address of the
//! static string of the package path — equal paths share one address), signature key
//! (the address of the static string of the method's signature type as gc prints it,
//! so identical signatures have equal keys), and the function id implementing it.
//! - For a concrete type, the entries are its method set sorted by (name, package), and
//!   each function takes the interface *data word* in place of the receiver — the
//!   function an itab holds.
//! - For an interface type, the entries are its methods in itab order (sorted by name)
//!   with function id 0.
//!
//! # Itabs
//!
//! `[interface descriptor, type descriptor, 0, fun...]`, `fun[i]` implementing the
//! interface's `i`-th method. The compiler makes the itabs of conversions it sees; the
//! VM makes the others (type assertions to interfaces, conversions between non-empty
//! interfaces) with [`ItabCache::get`], which first looks in a cache seeded with the
//! compiler's itabs, so there is exactly one itab per (interface, type) pair and itab
//! identity is type identity. Itabs live as long as the [`Program`](super::Program):
//! they hold only static addresses and function ids, never pointers into the Go heap,
//! so the collector neither scans nor frees them.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Word indices of a type descriptor.
pub mod desc {
    /// Size in bytes.
    pub const SIZE: usize = 0;
    /// Index of the type's layout in the program's type table.
    pub const LAYOUT: usize = 1;
    /// gc's `reflect.Kind`.
    pub const KIND: usize = 2;
    /// 1 if an interface's data word points to a cell holding the value.
    pub const INDIRECT: usize = 3;
    /// Address of the type's name as gc prints it.
    pub const NAME_PTR: usize = 4;
    /// Length of the name.
    pub const NAME_LEN: usize = 5;
    /// The type's alg (`runtime::alg`): how values compare and hash; 0 if uncomparable.
    pub const HASH_EQ: usize = 6;
    /// Address of the method table (0: no methods).
    pub const METHODS: usize = 7;
    /// Words in a descriptor.
    pub const WORDS: usize = 8;
}

/// Words per method-table entry: name ptr, name len, package key, signature key, function.
pub const METHOD_ENTRY_WORDS: usize = 5;

/// Byte offset of `fun[0]` in an itab (the offset `CallIface` reads at).
pub const ITAB_FUN_OFFSET: u64 = 24;

/// One method-table entry, read from static memory.
#[derive(Clone, Copy, Debug)]
struct Entry<'a> {
    name: &'a [u8],
    pkg: u64,
    sig: u64,
    func: u64,
}

/// Reads the method table at `table` (0: none).
///
/// # Safety
/// `table` must be 0 or a method table built by the compiler (see the module docs).
unsafe fn entries<'a>(table: u64) -> Vec<Entry<'a>> {
    if table == 0 {
        return Vec::new();
    }
    // SAFETY: the caller's contract: a static table of `n` entries after its count.
    unsafe {
        let t = table as *const u64;
        let n = *t as usize;
        (0..n)
            .map(|i| {
                let e = t.add(1 + i * METHOD_ENTRY_WORDS);
                let (p, l) = (*e, *e.add(1) as usize);
                let name = if l == 0 || p == 0 { &[][..] } else { std::slice::from_raw_parts(p as *const u8, l) };
                Entry { name, pkg: *e.add(2), sig: *e.add(3), func: *e.add(4) }
            })
            .collect()
    }
}

/// Reads word `i` of the descriptor at `d`.
///
/// # Safety
/// `d` must be a descriptor built by the compiler.
pub unsafe fn desc_word(d: u64, i: usize) -> u64 {
    // SAFETY: descriptors are static blocks of `desc::WORDS` words.
    unsafe { *(d as *const u64).add(i) }
}

/// The name of the type whose descriptor is at `d`.
///
/// # Safety
/// `d` must be a descriptor built by the compiler.
pub unsafe fn desc_name(d: u64) -> String {
    // SAFETY: the name words describe a static string.
    unsafe {
        let (p, l) = (desc_word(d, desc::NAME_PTR), desc_word(d, desc::NAME_LEN) as usize);
        if p == 0 || l == 0 {
            return String::new();
        }
        String::from_utf8_lossy(std::slice::from_raw_parts(p as *const u8, l)).into_owned()
    }
}

/// An itab address, or the name of the first method the type lacks.
type Lookup = Result<u64, Arc<str>>;

/// The itabs of a program: those the compiler made, and those built at run time.
#[derive(Debug, Default)]
pub struct ItabCache {
    /// (interface descriptor, type descriptor) → itab address, or the name of the
    /// first missing method.
    map: Mutex<HashMap<(u64, u64), Lookup>>,
    /// The itabs built at run time (owned here; never moved, so their addresses hold).
    built: Mutex<Vec<Box<[u64]>>>,
}

impl ItabCache {
    /// Records an itab the compiler made.
    pub fn seed(&self, iface: u64, typ: u64, itab: u64) {
        if let Ok(mut m) = self.map.lock() {
            m.insert((iface, typ), Ok(itab));
        }
    }

    /// The itab of dynamic type `typ` for interface `iface`, built on first use (a hash
    /// lookup afterwards), or the name of a method `typ` lacks.
    ///
    /// # Safety
    /// Both must be descriptors built by the compiler for this program.
    /// (A failed lookup is as frequent as `x.(I)` with `ok` false: its name is shared,
    /// not copied.)
    pub unsafe fn get(&self, iface: u64, typ: u64) -> Result<u64, Arc<str>> {
        let Ok(mut map) = self.map.lock() else { return Err(Arc::from("")) };
        if let Some(r) = map.get(&(iface, typ)) {
            return r.clone();
        }
        // SAFETY: the caller's contract.
        let r = unsafe { self.build(iface, typ) };
        map.insert((iface, typ), r.clone());
        r
    }

    /// Matches the interface's methods against the type's method table (both sorted by
    /// name): linear in the two tables' sizes.
    unsafe fn build(&self, iface: u64, typ: u64) -> Result<u64, Arc<str>> {
        // SAFETY: the caller's contract.
        let (want, have) = unsafe { (entries(desc_word(iface, desc::METHODS)), entries(desc_word(typ, desc::METHODS))) };
        let mut words = Vec::with_capacity(3 + want.len());
        words.extend_from_slice(&[iface, typ, 0]);
        let mut j = 0;
        for w in &want {
            while have.get(j).is_some_and(|h| h.name < w.name) {
                j += 1;
            }
            let found = have[j.min(have.len())..]
                .iter()
                .take_while(|h| h.name == w.name)
                .find(|h| h.pkg == w.pkg && h.sig == w.sig);
            match found {
                Some(h) => words.push(h.func),
                None => return Err(Arc::from(String::from_utf8_lossy(w.name))),
            }
        }
        let b = words.into_boxed_slice();
        let a = b.as_ptr() as u64;
        if let Ok(mut built) = self.built.lock() {
            built.push(b);
            Ok(a)
        } else {
            Err(Arc::from(""))
        }
    }
}

/// What the VM needs to know about the compiled program's run-time support code.
#[derive(Clone, Debug, Default)]
pub struct RuntimeSupport {
    /// Descriptors of the types `recover()` gives run-time errors, by
    /// [`ErrorClass`] (0 where the program has none: then the old untyped word
    /// [`RUNTIME_ERROR_TYPE`](super::RUNTIME_ERROR_TYPE) is used).
    pub error_types: [u64; ErrorClass::COUNT],
    /// The type-table index of the cell each class's value lives in (the named type
    /// itself, also for the two pointer types): see `vm::panicval`.
    pub error_cells: [u32; ErrorClass::COUNT],
    /// The type-table index of a cell holding one string.
    pub string_cell: u32,
    /// `func() (kind, ptr, len)` over the interface value in words 1 and 2 of its
    /// closure context: for an `error` or a Stringer, kind 1 and the text of its
    /// `Error()` / `String()`; kind 0 otherwise. The VM calls it on every panic value
    /// before printing an unrecovered panic.
    pub preprint: Option<u32>,
}

/// The run-time error types of gc's runtime, which `recover()` distinguishes by type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorClass {
    /// `runtime.boundsError`.
    Bounds = 0,
    /// `runtime.errorString` (division, nil dereference, shifts, ...).
    ErrorString = 1,
    /// `runtime.plainError` (nil map writes, closed channels).
    Plain = 2,
    /// `*runtime.TypeAssertionError`.
    TypeAssertion = 3,
    /// `*runtime.PanicNilError`.
    PanicNil = 4,
}

impl ErrorClass {
    /// How many classes there are.
    pub const COUNT: usize = 5;

    /// gc's name of the type.
    pub fn type_name(self) -> &'static str {
        match self {
            ErrorClass::Bounds => "runtime.boundsError",
            ErrorClass::ErrorString => "runtime.errorString",
            ErrorClass::Plain => "runtime.plainError",
            ErrorClass::TypeAssertion => "*runtime.TypeAssertionError",
            ErrorClass::PanicNil => "*runtime.PanicNilError",
        }
    }

    /// All classes, in index order.
    pub fn all() -> [ErrorClass; ErrorClass::COUNT] {
        [ErrorClass::Bounds, ErrorClass::ErrorString, ErrorClass::Plain, ErrorClass::TypeAssertion, ErrorClass::PanicNil]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Static memory for hand-made descriptors and tables (kept alive by the test).
    struct Mem(Vec<Box<[u64]>>, Vec<Box<[u8]>>);

    impl Mem {
        fn words(&mut self, w: Vec<u64>) -> u64 {
            let b = w.into_boxed_slice();
            let a = b.as_ptr() as u64;
            self.0.push(b);
            a
        }
        fn string(&mut self, s: &str) -> u64 {
            let b: Box<[u8]> = s.as_bytes().into();
            let a = b.as_ptr() as u64;
            self.1.push(b);
            a
        }
        /// A descriptor whose method table has (name, pkg, sig, func) entries.
        fn desc(&mut self, name: &str, methods: &[(&str, u64, u64, u64)]) -> u64 {
            let mut table = vec![methods.len() as u64];
            for &(n, pkg, sig, f) in methods {
                let p = self.string(n);
                table.extend_from_slice(&[p, n.len() as u64, pkg, sig, f]);
            }
            let t = if methods.is_empty() { 0 } else { self.words(table) };
            let np = self.string(name);
            let mut d = vec![0u64; desc::WORDS];
            d[desc::NAME_PTR] = np;
            d[desc::NAME_LEN] = name.len() as u64;
            d[desc::METHODS] = t;
            self.words(d)
        }
    }

    #[test]
    fn itabs_match_methods_by_name_package_and_signature() {
        let mut m = Mem(Vec::new(), Vec::new());
        let (sig_a, sig_b, pkg) = (1000, 2000, 3000);
        let iface = m.desc("main.I", &[("Area", 0, sig_a, 0), ("Name", 0, sig_b, 0)]);
        let typ = m.desc("main.T", &[("Area", 0, sig_a, 7), ("Extra", 0, sig_a, 8), ("Name", 0, sig_b, 9)]);
        let cache = ItabCache::default();
        // SAFETY: the descriptors above follow the module's layout and outlive the cache use.
        let itab = unsafe { cache.get(iface, typ) }.expect("T implements I");
        // SAFETY: an itab is `[iface, type, 0, fun...]`.
        let words = unsafe { std::slice::from_raw_parts(itab as *const u64, 5) };
        assert_eq!(words, &[iface, typ, 0, 7, 9]);
        assert_eq!(unsafe { cache.get(iface, typ) }, Ok(itab), "a second lookup gives the same itab");
        assert_eq!(unsafe { desc_name(typ) }, "main.T");

        let wrong_sig = m.desc("main.U", &[("Area", 0, sig_b, 7), ("Name", 0, sig_b, 9)]);
        assert_eq!(unsafe { cache.get(iface, wrong_sig) }, Err(Arc::from("Area")));
        let missing = m.desc("main.V", &[("Area", 0, sig_a, 7)]);
        assert_eq!(unsafe { cache.get(iface, missing) }, Err(Arc::from("Name")));

        // An unexported name matches only the same package.
        let hidden = m.desc("main.H", &[("m", pkg, sig_a, 0)]);
        let other_pkg = m.desc("main.X", &[("m", pkg + 1, sig_a, 5)]);
        let same_pkg = m.desc("main.Y", &[("m", pkg + 1, sig_a, 5), ("m", pkg, sig_a, 6)]);
        assert_eq!(unsafe { cache.get(hidden, other_pkg) }, Err(Arc::from("m")));
        let itab = unsafe { cache.get(hidden, same_pkg) }.expect("same package");
        assert_eq!(unsafe { *(itab as *const u64).add(3) }, 6);
    }

    #[test]
    fn seeded_itabs_are_returned_as_they_are() {
        let mut m = Mem(Vec::new(), Vec::new());
        let iface = m.desc("main.I", &[("M", 0, 1, 0)]);
        let typ = m.desc("main.T", &[("M", 0, 1, 4)]);
        let cache = ItabCache::default();
        let static_itab = m.words(vec![iface, typ, 0, 4]);
        cache.seed(iface, typ, static_itab);
        assert_eq!(unsafe { cache.get(iface, typ) }, Ok(static_itab));
    }
}
