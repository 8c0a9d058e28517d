//! The run-time support every program carries (see `bytecode::itab::RuntimeSupport`),
//! found in mvm's `runtime` package (`runtime/go/runtime`, loaded into every program):
//!
//! - the types of the values `recover()` returns for run-time errors
//!   (`runtime.boundsError`, `runtime.errorString`, `runtime.plainError`,
//!   `*runtime.TypeAssertionError`, `*runtime.PanicNilError`), with the type-table
//!   index of the cell the VM builds each value in;
//! - `preprint`, a small bytecode function the VM calls before an unrecovered panic is
//!   printed: it takes the panic value from its closure context (words 1 and 2) and
//!   calls the Go function `runtime.preprintpanic`, which gives the text of an
//!   `Error()` or `String()` method. It runs on top of the dying goroutine's stack, as
//!   any Go code does (the method may even panic: gc's "panic while printing panic
//!   value").

use super::package::Ctx;
use crate::bytecode::itab::{ErrorClass, ReflectStubs, RuntimeSupport};
use crate::bytecode::{FuncId, FunctionBuilder, Instr, Kind, Signature};
use frontend::types::object::ObjKind;
use frontend::types::ty::{BasicKind, Type, TypeTable};

impl Ctx<'_> {
    /// A static block of `words`; its address.
    pub fn static_words(&mut self, words: Vec<u64>) -> u64 {
        let b: Box<[u64]> = words.into_boxed_slice();
        let a = b.as_ptr() as u64;
        self.data.funcvals.push(b);
        a
    }

    /// Defines a function compiled on the side; its id.
    fn side_func(&mut self, b: FunctionBuilder) -> Result<FuncId, String> {
        let f = b.finish().map_err(|e| e.to_string())?;
        let id = self.reserve_func();
        self.define_func(id, f);
        Ok(id)
    }

    /// The object `name` declared in mvm's `runtime` package.
    fn runtime_obj(&self, name: &str) -> Result<frontend::types::ObjId, String> {
        let pkg = self.prog.by_path.get("runtime").ok_or("no runtime package")?;
        self.prog.lookup_local(self.prog.package(*pkg).scope, name).ok_or_else(|| format!("no runtime.{name}"))
    }

    /// Builds the support code and data (once per program, after the bodies).
    pub fn runtime_support(&mut self) -> Result<RuntimeSupport, String> {
        let mut error_types = [0u64; ErrorClass::COUNT];
        let mut error_cells = [0u32; ErrorClass::COUNT];
        for class in ErrorClass::all() {
            let (name, pointer) = match class {
                ErrorClass::Bounds => ("boundsError", false),
                ErrorClass::ErrorString => ("errorString", false),
                ErrorClass::Plain => ("plainError", false),
                ErrorClass::TypeAssertion => ("TypeAssertionError", true),
                ErrorClass::PanicNil => ("PanicNilError", true),
            };
            let named = self.prog.obj(self.runtime_obj(name)?).ty;
            let typ = if pointer {
                self.prog.types.lookup(&Type::Pointer(named)).ok_or_else(|| format!("no *runtime.{name}"))?
            } else {
                named
            };
            error_types[class as usize] = self.descriptor(typ);
            error_cells[class as usize] = self.type_id(named);
        }
        let preprint = self.preprint_func()?;
        let string_cell = self.type_id(TypeTable::basic(BasicKind::String));
        let timerproc = self.runtime_obj("timerproc").ok().and_then(|o| self.func_ref(o)).map(|f| f.0);
        Ok(RuntimeSupport { error_types, error_cells, string_cell, preprint: Some(preprint), reflect: self.reflect_stubs(), timerproc })
    }

    /// The ids of reflect's func-value stubs and of the Go functions that run them, if
    /// the program has reflect.
    fn reflect_stubs(&mut self) -> Option<ReflectStubs> {
        let pkg = *self.prog.by_path.get("reflect")?;
        let scope = self.prog.package(pkg).scope;
        let mut id = |name: &str| self.prog.lookup_local(scope, name).and_then(|o| self.func_ref(o)).map(|f| f.0);
        Some(ReflectStubs {
            make_func_stub: id("makeFuncStub")?,
            method_value_call: id("methodValueCall")?,
            call_reflect: id("mvmCallReflect")?,
            call_method: id("mvmCallMethod")?,
        })
    }

    /// `preprint`: `() (kind, ptr, len)`, `runtime.preprintpanic` of the value in
    /// context words 1 and 2.
    fn preprint_func(&mut self) -> Result<FuncId, String> {
        let obj = self.runtime_obj("preprintpanic")?;
        if !matches!(self.prog.obj(obj).kind, ObjKind::Func(_)) {
            return Err("runtime.preprintpanic is not a function".into());
        }
        let (id, sig) = self.func_ref(obj).ok_or("runtime.preprintpanic is not compiled")?;
        let mut b = FunctionBuilder::new("runtime.preprintpanics", Signature { params: vec![], results: sig.results.clone() });
        // The value, copied out of the context at once: the context lives in the
        // goroutine, which Go code run by the methods must not find in use.
        for off in [8, 16] {
            b.emit(Instr::LoadCtx);
            b.emit(Instr::LoadPtr(off));
        }
        b.set_top_kinds(&[Kind::Pointer, Kind::Pointer]);
        b.call(id, &sig);
        b.emit(Instr::Ret);
        self.side_func(b)
    }
}
