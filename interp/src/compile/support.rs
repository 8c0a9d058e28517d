//! The run-time support every program carries (see `bytecode::itab::RuntimeSupport`):
//!
//! - the types of the values `recover()` returns for run-time errors, named as gc's
//!   (`runtime.boundsError`, `*runtime.TypeAssertionError`, ...). Their data word
//!   points to a cell holding the error's text, and their method tables hold `Error()`
//!   (which loads that text) and `RuntimeError()`, so `r.(error)` and
//!   `r.(interface{ RuntimeError() })` work as in gc;
//! - `preprint`, which gc's `preprintpanics` does before an unrecovered panic is
//!   printed: for an `error` or a Stringer, the text of `Error()` / `String()`. It is
//!   bytecode, run by the VM on top of the dying goroutine's stack, so the methods run
//!   as any Go code does (they may even panic: gc's "panic while printing panic value").
//!   It takes no parameters: the VM passes the value in the closure context words 1, 2.

use super::package::Ctx;
use crate::bytecode::itab::{ErrorClass, RuntimeSupport, desc};
use crate::bytecode::{FuncId, FunctionBuilder, Instr, Kind, Signature};
use frontend::types::ty::{BasicKind, TypeTable};

impl Ctx<'_> {
    /// A static block of `words`; its address.
    pub fn static_words(&mut self, words: Vec<u64>) -> u64 {
        let b: Box<[u64]> = words.into_boxed_slice();
        let a = b.as_ptr() as u64;
        self.data.funcvals.push(b);
        a
    }

    /// A method table with the given (name, signature string, function) entries, which
    /// must be sorted by name.
    fn synthetic_table(&mut self, methods: &[(&str, &str, FuncId)]) -> u64 {
        let mut words = vec![methods.len() as u64];
        for &(name, sig, f) in methods {
            let np = self.string_addr(name.as_bytes());
            let sk = self.string_addr(sig.as_bytes());
            words.extend_from_slice(&[np, name.len() as u64, 0, sk, u64::from(f)]);
        }
        self.static_words(words)
    }

    /// A descriptor of a type that has no `TypeId` (the runtime's own types).
    #[allow(clippy::too_many_arguments)]
    fn synthetic_desc(&mut self, name: &str, size: u64, layout: u32, kind: u64, indirect: bool, alg: u64, methods: u64) -> u64 {
        let np = self.string_addr(name.as_bytes());
        let mut words = vec![0u64; desc::WORDS];
        words[desc::SIZE] = size;
        words[desc::LAYOUT] = u64::from(layout);
        words[desc::KIND] = kind;
        words[desc::INDIRECT] = u64::from(indirect);
        words[desc::NAME_PTR] = np;
        words[desc::NAME_LEN] = name.len() as u64;
        words[desc::HASH_EQ] = alg;
        words[desc::METHODS] = methods;
        self.static_words(words)
    }

    /// Defines a function compiled on the side; its id.
    fn side_func(&mut self, b: FunctionBuilder) -> Result<FuncId, String> {
        let f = b.finish().map_err(|e| e.to_string())?;
        let id = self.reserve_func();
        self.define_func(id, f);
        Ok(id)
    }

    /// Builds the support code and data (once per program, after the bodies).
    pub fn runtime_support(&mut self) -> Result<RuntimeSupport, String> {
        let string = TypeTable::basic(BasicKind::String);
        let string_cell = self.type_id(string);
        // Error() of every runtime error type: the text in the cell.
        let mut b = FunctionBuilder::new("runtime.Error.Error", Signature { params: vec![Kind::Pointer], results: vec![Kind::Pointer, Kind::Scalar] });
        b.emit(Instr::Load(0));
        for i in super::layout::load_instrs(super::layout::Repr::Str) {
            b.emit(i);
        }
        b.set_top_kinds(&[Kind::Pointer, Kind::Scalar]);
        b.emit(Instr::Ret);
        let error_fn = self.side_func(b)?;
        let mut b = FunctionBuilder::new("runtime.Error.RuntimeError", Signature { params: vec![Kind::Pointer], results: vec![] });
        b.emit(Instr::Ret);
        let rt_fn = self.side_func(b)?;
        let table = self.synthetic_table(&[("Error", "func() string", error_fn), ("RuntimeError", "func()", rt_fn)]);
        let mut error_types = [0u64; ErrorClass::COUNT];
        for class in ErrorClass::all() {
            let pointer = matches!(class, ErrorClass::TypeAssertion | ErrorClass::PanicNil);
            // Value types keep the text in a cell (string kind: == compares the text);
            // pointer types point at it.
            let (size, kind) = if pointer { (8, 22) } else { (16, 24) };
            // Comparable as what they hold: the text, or the pointer.
            let like = TypeTable::basic(if pointer { BasicKind::UnsafePointer } else { BasicKind::String });
            let alg = self.alg_addr(like).unwrap_or(0);
            error_types[class as usize] = self.synthetic_desc(class.type_name(), size, string_cell, kind, !pointer, alg, table);
        }
        let preprint = self.preprint_func()?;
        Ok(RuntimeSupport { error_types, string_cell, preprint: Some(preprint) })
    }

    /// `preprint`: `() (kind, ptr, len)` over the value in context words 1 and 2.
    fn preprint_func(&mut self) -> Result<FuncId, String> {
        let none = self.synthetic_table(&[("Error", "func() string", 0)]);
        let error_iface = self.synthetic_desc("error", 16, 0, 20, false, 0, none);
        let none = self.synthetic_table(&[("String", "func() string", 0)]);
        let stringer = self.synthetic_desc("interface { String() string }", 16, 0, 20, false, 0, none);
        let (getitab, gsig) = self.native("getitab").ok_or("no native getitab")?;
        let sig = Signature { params: vec![], results: vec![Kind::Scalar, Kind::Pointer, Kind::Scalar] };
        let mut b = FunctionBuilder::new("runtime.preprintpanics", sig);
        let itab = b.local(Kind::Pointer);
        let text = b.locals(&[Kind::Pointer, Kind::Scalar]);
        let msig = Signature { params: vec![Kind::Pointer], results: vec![Kind::Pointer, Kind::Scalar] };
        let mut next = b.new_label();
        for iface in [error_iface, stringer] {
            b.bind(next);
            next = b.new_label();
            b.emit(Instr::LoadCtx);
            b.emit(Instr::LoadPtr(8));
            b.push_i64(iface as i64);
            b.push_i64(0);
            b.call_native(getitab, &gsig);
            b.emit(Instr::Dup);
            b.emit(Instr::Store(itab));
            b.branch(Instr::BrEqImm { imm: 0, off: 0 }, next);
            b.emit(Instr::LoadCtx);
            b.emit(Instr::LoadPtr(16));
            b.emit(Instr::Load(itab));
            b.call_iface(0, &msig);
            b.emit(Instr::StoreSlots { slot: text, n: 2 });
            b.emit(Instr::Const(1));
            b.emit(Instr::LoadSlots { slot: text, n: 2 });
            b.emit(Instr::Ret);
        }
        b.bind(next);
        b.emit(Instr::Const(0));
        b.emit(Instr::Const(0));
        b.emit(Instr::Const(0));
        b.set_top_kinds(&[Kind::Scalar, Kind::Pointer, Kind::Scalar]);
        b.emit(Instr::Ret);
        self.side_func(b)
    }
}
