//! The run-time errors the runtime raises itself, with gc's exact `Error()` texts
//! (`runtime/error.go`): bounds errors, integer division, nil dereference, nil map
//! writes, failed type assertions, and the plain errors of `make` and channels.

/// Which bounds check failed, as gc's `abi.BoundsErrorCode` (same numbering).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BoundsCode {
    /// `s[x]` with `0 <= x < len` failing.
    Index = 0,
    /// `s[:x]` with `x > len` (strings and arrays).
    SliceAlen = 1,
    /// `s[:x]` with `x > cap`.
    SliceAcap = 2,
    /// `s[x:y]` with `x > y`.
    SliceB = 3,
    /// `s[::x]` with `x > len`.
    Slice3Alen = 4,
    /// `s[::x]` with `x > cap`.
    Slice3Acap = 5,
    /// `s[:x:y]` with `x > y`.
    Slice3B = 6,
    /// `s[x:y:]` with `x > y`.
    Slice3C = 7,
    /// Slice to array (pointer) conversion with the slice shorter than the array.
    Convert = 8,
}

impl BoundsCode {
    /// The code with number `n` (as carried by the bytecode), if there is one.
    pub fn from_u8(n: u8) -> Option<BoundsCode> {
        use BoundsCode::*;
        [Index, SliceAlen, SliceAcap, SliceB, Slice3Alen, Slice3Acap, Slice3B, Slice3C, Convert]
            .get(n as usize)
            .copied()
    }

    fn formats(self) -> (&'static str, &'static str) {
        // (normal, when x is negative): `%x` and `%y` are substituted.
        match self {
            BoundsCode::Index => ("index out of range [%x] with length %y", "index out of range [%x]"),
            BoundsCode::SliceAlen => {
                ("slice bounds out of range [:%x] with length %y", "slice bounds out of range [:%x]")
            }
            BoundsCode::SliceAcap => {
                ("slice bounds out of range [:%x] with capacity %y", "slice bounds out of range [:%x]")
            }
            BoundsCode::SliceB => ("slice bounds out of range [%x:%y]", "slice bounds out of range [%x:]"),
            BoundsCode::Slice3Alen => {
                ("slice bounds out of range [::%x] with length %y", "slice bounds out of range [::%x]")
            }
            BoundsCode::Slice3Acap => {
                ("slice bounds out of range [::%x] with capacity %y", "slice bounds out of range [::%x]")
            }
            BoundsCode::Slice3B => ("slice bounds out of range [:%x:%y]", "slice bounds out of range [:%x:]"),
            BoundsCode::Slice3C => ("slice bounds out of range [%x:%y:]", "slice bounds out of range [%x::]"),
            BoundsCode::Convert => (
                "cannot convert slice with length %y to array or pointer to array with length %x",
                // gc has no negative form for conversions; x is a constant length.
                "cannot convert slice with length %y to array or pointer to array with length %x",
            ),
        }
    }
}

/// A failed bounds check, as gc's `boundsError`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BoundsError {
    /// The index or bound that failed (reinterpreted as unsigned unless `signed`).
    pub x: i64,
    /// The length, capacity or other bound (never negative).
    pub y: i64,
    /// Whether `x` has a signed type.
    pub signed: bool,
    /// Which check failed.
    pub code: BoundsCode,
}

impl BoundsError {
    /// gc's `Error()` text, starting with `runtime error: `.
    pub fn message(&self) -> String {
        let (normal, negative) = self.code.formats();
        let fmt = if self.signed && self.x < 0 { negative } else { normal };
        let x = if self.signed { self.x.to_string() } else { (self.x as u64).to_string() };
        let y = self.y.to_string();
        format!("runtime error: {}", fmt.replace("%x", &x).replace("%y", &y))
    }
}

/// A run-time panic raised by the runtime (a `runtime.Error`, or one of gc's plain
/// errors such as a send on a closed channel).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuntimeError {
    /// A failed bounds check.
    Bounds(BoundsError),
    /// Integer division or remainder by zero.
    DivideByZero,
    /// A shift by a negative count.
    NegativeShift,
    /// A nil (or nil-page) pointer dereference at `addr`: gc reports these from a
    /// SIGSEGV, so the unrecovered printout carries a `[signal ...]` line.
    NilDeref {
        /// The faulting address.
        addr: u64,
    },
    /// Assignment to an entry in a nil map (a plain error: no `runtime error:` prefix).
    NilMapWrite,
    /// A failed type assertion, as gc's `TypeAssertionError`.
    TypeAssertion {
        /// The static interface type as gc spells it (`interface {}`, `main.I`); `None`
        /// only when gc has none (assertions to an interface), printed as `interface`.
        interface: Option<String>,
        /// The dynamic type, `None` when the interface was nil.
        concrete: Option<String>,
        /// The asserted type.
        asserted: String,
        /// A method the concrete type lacks, when asserting to an interface.
        missing_method: Option<String>,
    },
    /// An `errorString`: printed as `runtime error: ` + the text (`makeslice: len out of
    /// range`, `hash of unhashable type T`, ...).
    Runtime(String),
    /// A `plainError`: printed as is (`send on closed channel`, `close of nil channel`).
    Plain(String),
    /// `panic(nil)` (Go 1.21+): a `*runtime.PanicNilError`.
    PanicNil,
}

impl RuntimeError {
    /// The text `Error()` returns, exactly as gc.
    pub fn message(&self) -> String {
        match self {
            RuntimeError::Bounds(b) => b.message(),
            RuntimeError::DivideByZero => "runtime error: integer divide by zero".into(),
            RuntimeError::NegativeShift => "runtime error: negative shift amount".into(),
            RuntimeError::NilDeref { .. } => {
                "runtime error: invalid memory address or nil pointer dereference".into()
            }
            RuntimeError::NilMapWrite => "assignment to entry in nil map".into(),
            RuntimeError::TypeAssertion { interface, concrete, asserted, missing_method } => {
                let inter = interface.as_deref().unwrap_or("interface");
                match (concrete, missing_method) {
                    (None, _) => format!("interface conversion: {inter} is nil, not {asserted}"),
                    (Some(c), None) if c == asserted => {
                        // gc tells apart two types that print alike; mvm programs
                        // are one package, so they come from different scopes.
                        format!("interface conversion: {inter} is {c}, not {asserted} (types from different scopes)")
                    }
                    (Some(c), None) => {
                        format!("interface conversion: {inter} is {c}, not {asserted}")
                    }
                    (Some(c), Some(m)) => {
                        format!("interface conversion: {c} is not {asserted}: missing method {m}")
                    }
                }
            }
            RuntimeError::Runtime(s) => format!("runtime error: {s}"),
            RuntimeError::Plain(s) => s.clone(),
            RuntimeError::PanicNil => "panic called with nil argument".into(),
        }
    }

    /// Whether gc raises this error from a signal, and at which address: such panics
    /// print `[signal SIGSEGV: segmentation violation code=0x1 addr=0x.. pc=0x..]`.
    pub fn signal_addr(&self) -> Option<u64> {
        match self {
            RuntimeError::NilDeref { addr } => Some(*addr),
            _ => None,
        }
    }

    /// Whether the value implements `runtime.Error` (the plain errors do too in gc; every
    /// variant here does).
    pub fn is_runtime_error(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bounds(x: i64, y: i64, signed: bool, code: BoundsCode) -> String {
        RuntimeError::Bounds(BoundsError { x, y, signed, code }).message()
    }

    #[test]
    fn bounds_messages_match_gc() {
        assert_eq!(bounds(5, 3, true, BoundsCode::Index), "runtime error: index out of range [5] with length 3");
        assert_eq!(bounds(-1, 3, true, BoundsCode::Index), "runtime error: index out of range [-1]");
        assert_eq!(
            bounds(-1, 3, false, BoundsCode::Index),
            "runtime error: index out of range [18446744073709551615] with length 3"
        );
        assert_eq!(
            bounds(5, 3, true, BoundsCode::SliceAcap),
            "runtime error: slice bounds out of range [:5] with capacity 3"
        );
        assert_eq!(
            bounds(5, 3, true, BoundsCode::SliceAlen),
            "runtime error: slice bounds out of range [:5] with length 3"
        );
        assert_eq!(bounds(3, 2, true, BoundsCode::SliceB), "runtime error: slice bounds out of range [3:2]");
        assert_eq!(bounds(-3, 2, true, BoundsCode::SliceB), "runtime error: slice bounds out of range [-3:]");
        assert_eq!(
            bounds(5, 3, true, BoundsCode::Slice3Acap),
            "runtime error: slice bounds out of range [::5] with capacity 3"
        );
        assert_eq!(bounds(4, 3, true, BoundsCode::Slice3B), "runtime error: slice bounds out of range [:4:3]");
        assert_eq!(bounds(2, 1, true, BoundsCode::Slice3C), "runtime error: slice bounds out of range [2:1:]");
        assert_eq!(
            bounds(4, 2, false, BoundsCode::Convert),
            "runtime error: cannot convert slice with length 2 to array or pointer to array with length 4"
        );
    }

    #[test]
    fn other_messages_match_gc() {
        assert_eq!(RuntimeError::DivideByZero.message(), "runtime error: integer divide by zero");
        assert_eq!(RuntimeError::NilMapWrite.message(), "assignment to entry in nil map");
        let e = RuntimeError::TypeAssertion {
            interface: Some("interface {}".into()),
            concrete: Some("string".into()),
            asserted: "int".into(),
            missing_method: None,
        };
        assert_eq!(e.message(), "interface conversion: interface {} is string, not int");
        let e = RuntimeError::TypeAssertion {
            interface: Some("main.I".into()),
            concrete: None,
            asserted: "main.T".into(),
            missing_method: None,
        };
        assert_eq!(e.message(), "interface conversion: main.I is nil, not main.T");
        let e = RuntimeError::TypeAssertion {
            interface: Some("interface {}".into()),
            concrete: Some("main.T".into()),
            asserted: "main.I".into(),
            missing_method: Some("M".into()),
        };
        assert_eq!(e.message(), "interface conversion: main.T is not main.I: missing method M");
        assert_eq!(
            RuntimeError::Runtime("makeslice: len out of range".into()).message(),
            "runtime error: makeslice: len out of range"
        );
    }
}
