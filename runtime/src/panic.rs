//! What an unrecovered panic or a fatal error prints, as gc does (`printpanics`,
//! `printpanicval`, `fatalpanic`, `newstack`), and the traceback mvm prints after
//! `goroutine N [running]:`.
//!
//! # Traceback
//!
//! gc prints, per frame, `pkg.func(args...)` and a tab-indented `file:line +0xpc`.
//! mvm prints the function name with `()` when it takes no arguments and `(...)`
//! otherwise (gc's notation for elided arguments: interpreted frames have no machine
//! argument words worth showing), the source file
//! and line of the current instruction, and `+0x` followed by the *bytecode* index.
//! Go's test harness compares these lines only for programs that exit 0, so the format
//! matters for humans; it keeps gc's shape so that tools that parse tracebacks still work.

use crate::print;

/// A panic value, already reduced the way gc reduces it before printing: error values
/// replaced by their `Error()` text and Stringers by `String()` (`preprintpanics`).
#[derive(Clone, Debug, PartialEq)]
pub enum PanicValue {
    /// `panic(nil)` (Go ≥ 1.21 turns it into a `*runtime.PanicNilError` first, whose
    /// text the caller passes as [`PanicValue::Error`]; this is the pre-1.21 spelling).
    Nil,
    /// A `bool`.
    Bool(bool),
    /// A signed integer of any width.
    Int(i64),
    /// An unsigned integer of any width (or `uintptr`).
    Uint(u64),
    /// A float64.
    F64(f64),
    /// A float32.
    F32(f32),
    /// A complex128.
    C128(f64, f64),
    /// A complex64.
    C64(f32, f32),
    /// A `string`.
    String(String),
    /// The text of an `Error()` or `String()` method: printed like a string.
    Error(String),
    /// A value of a named type whose underlying type is basic (`main.S("x")`,
    /// `main.E(3)`): printed as `type(value)`.
    Named {
        /// The type as gc prints it.
        type_name: String,
        /// The underlying value.
        value: Box<PanicValue>,
    },
    /// Any other value: printed as `(type) 0xaddr` of its data word.
    Other {
        /// The type as gc prints it.
        type_name: String,
        /// The interface's data word.
        data: u64,
    },
}

/// One panic of the chain a goroutine is running, oldest first.
#[derive(Clone, Debug, PartialEq)]
pub struct PanicRecord {
    /// The value.
    pub value: PanicValue,
    /// Whether a deferred call recovered it.
    pub recovered: bool,
    /// Whether it was raised again with the same value after being recovered
    /// (`panic(recover())`): gc then prints it once, `[recovered, repanicked]`.
    pub repanicked: bool,
    /// Whether this is a `runtime.Goexit` (printed as nothing).
    pub goexit: bool,
}

impl PanicRecord {
    /// A fresh, unrecovered panic with `value`.
    pub fn new(value: PanicValue) -> PanicRecord {
        PanicRecord { value, recovered: false, repanicked: false, goexit: false }
    }
}

/// One frame of a traceback, innermost first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TraceFrame {
    /// Qualified function name (`main.f`, `main.(*T).M`, `main.main.func1`).
    pub function: String,
    /// Source file (empty if unknown).
    pub file: String,
    /// Source line (0 if unknown).
    pub line: u32,
    /// Bytecode index of the current instruction.
    pub pc: u32,
    /// Whether the function takes arguments (receiver included).
    pub has_args: bool,
}

/// The text of a panic value as `printpanicval` prints it. Newlines in strings are
/// followed by a tab so that the traceback stays parseable.
pub fn panic_value_text(v: &PanicValue) -> String {
    let mut out = Vec::new();
    write_value(&mut out, v);
    String::from_utf8_lossy(&out).into_owned()
}

fn write_value(out: &mut Vec<u8>, v: &PanicValue) {
    match v {
        PanicValue::Nil => out.extend_from_slice(b"nil"),
        PanicValue::Bool(b) => print::bool(out, *b),
        PanicValue::Int(i) => print::int(out, *i),
        PanicValue::Uint(u) => print::uint(out, *u),
        PanicValue::F64(f) => print::float64(out, *f),
        PanicValue::F32(f) => print::float32(out, *f),
        PanicValue::C128(re, im) => print::complex128(out, *re, *im),
        PanicValue::C64(re, im) => print::complex64(out, *re, *im),
        PanicValue::String(s) | PanicValue::Error(s) => indented(out, s),
        PanicValue::Named { type_name, value } => {
            out.extend_from_slice(type_name.as_bytes());
            match value.as_ref() {
                PanicValue::String(s) | PanicValue::Error(s) => {
                    out.extend_from_slice(b"(\"");
                    indented(out, s);
                    out.extend_from_slice(b"\")");
                }
                // gc prints complex named values without extra parentheses: their
                // own formatting already has them.
                inner @ (PanicValue::C128(..) | PanicValue::C64(..)) => write_value(out, inner),
                inner => {
                    out.push(b'(');
                    write_value(out, inner);
                    out.push(b')');
                }
            }
        }
        PanicValue::Other { type_name, data } => {
            out.push(b'(');
            out.extend_from_slice(type_name.as_bytes());
            out.extend_from_slice(b") ");
            print::hex(out, *data);
        }
    }
}

/// `printindented`: every newline gets a tab after it.
fn indented(out: &mut Vec<u8>, s: &str) {
    for (i, part) in s.split('\n').enumerate() {
        if i > 0 {
            out.extend_from_slice(b"\n\t");
        }
        out.extend_from_slice(part.as_bytes());
    }
}

/// The report of an unrecovered panic, as gc writes it to stderr before exiting with
/// status 2: the panic chain (`printpanics`), the `[signal ...]` line when the last
/// panic came from a fault, then `goroutine N [running]:` and the traceback.
pub fn fatal_panic_report(
    chain: &[PanicRecord],
    signal_addr: Option<u64>,
    goroutine: u64,
    frames: &[TraceFrame],
) -> String {
    let mut out = String::new();
    // gc recurses from the newest panic to the oldest and prints on the way back, so the
    // oldest comes first; a repanicked link hides the panic that repeated it.
    let mut lines: Vec<String> = Vec::new();
    let mut skip_next = false;
    for (i, p) in chain.iter().enumerate() {
        if skip_next {
            skip_next = false;
            continue;
        }
        if p.goexit {
            continue;
        }
        let mut line = String::from("panic: ");
        line.push_str(&panic_value_text(&p.value));
        if p.recovered && p.repanicked {
            line.push_str(" [recovered, repanicked]");
        } else if p.recovered {
            line.push_str(" [recovered]");
        }
        lines.push(line);
        if p.repanicked && chain.get(i + 1).is_some() {
            skip_next = true;
        }
    }
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\t');
        }
        out.push_str(line);
        out.push('\n');
    }
    if let Some(addr) = signal_addr {
        out.push_str(&format!(
            "[signal SIGSEGV: segmentation violation code=0x1 addr={addr:#x} pc=0x0]\n"
        ));
    }
    out.push('\n');
    out.push_str(&traceback(goroutine, frames));
    out
}

/// `goroutine N [running]:` followed by the frames (see the module docs for the format).
pub fn traceback(goroutine: u64, frames: &[TraceFrame]) -> String {
    goroutine_trace(goroutine, "running", frames)
}

/// `goroutine N [status]:` (`chan receive`, `select`, ...) followed by the frames.
pub fn goroutine_trace(goroutine: u64, status: &str, frames: &[TraceFrame]) -> String {
    let mut out = format!("goroutine {goroutine} [{status}]:\n");
    for f in frames {
        let args = if f.has_args { "..." } else { "" };
        out.push_str(&format!("{}({args})\n\t{}:{} +{:#x}\n", f.function, f.file, f.line, f.pc));
    }
    out
}

/// The line gc adds after the frames of a goroutine started by a `go` statement:
/// `created by F in goroutine N` and the position of the `go` statement.
pub fn created_by(site: &TraceFrame, parent: u64) -> String {
    format!("created by {} in goroutine {parent}\n\t{}:{} +{:#x}\n", site.function, site.file, site.line, site.pc)
}

/// The report of a goroutine whose stack outgrew the limit, as gc's `newstack`:
/// `runtime: goroutine stack exceeds 1000000000-byte limit`, the stack bounds, `fatal
/// error: stack overflow`, then the traceback (gc prints 100 frames from each end of a
/// deep stack; `frames` is whatever the caller chose to keep).
pub fn stack_overflow_report(
    limit: u64,
    sp: u64,
    stack: (u64, u64),
    goroutine: u64,
    frames: &[TraceFrame],
    elided: usize,
) -> String {
    let mut out = format!("runtime: goroutine stack exceeds {limit}-byte limit\n");
    out.push_str(&format!("runtime: sp={sp:#x} stack=[{:#x}, {:#x}]\n", stack.0, stack.1));
    out.push_str("fatal error: stack overflow\n\n");
    out.push_str(&traceback(goroutine, frames));
    if elided > 0 {
        out.push_str("...additional frames elided...\n");
    }
    out
}

/// The report of any other fatal error (`fatal error: all goroutines are asleep -
/// deadlock!`): gc prints the message and, for a throw, the goroutine's traceback.
pub fn fatal_error_report(message: &str, goroutine: u64, frames: &[TraceFrame]) -> String {
    let mut out = format!("fatal error: {message}\n\n");
    out.push_str(&traceback(goroutine, frames));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(function: &str, line: u32) -> TraceFrame {
        TraceFrame { function: function.into(), file: "/tmp/x.go".into(), line, pc: 9, has_args: false }
    }

    #[test]
    fn values_print_as_printpanicval() {
        assert_eq!(panic_value_text(&PanicValue::Error("boom".into())), "boom");
        assert_eq!(panic_value_text(&PanicValue::Int(-3)), "-3");
        assert_eq!(panic_value_text(&PanicValue::F64(1.5)), "1.5");
        assert_eq!(panic_value_text(&PanicValue::String("a\nb".into())), "a\n\tb");
        let named = |v: PanicValue| PanicValue::Named { type_name: "main.S".into(), value: Box::new(v) };
        assert_eq!(panic_value_text(&named(PanicValue::String("again\nline".into()))), "main.S(\"again\n\tline\")");
        assert_eq!(panic_value_text(&named(PanicValue::Int(7))), "main.S(7)");
        assert_eq!(panic_value_text(&named(PanicValue::C128(1.0, 2.0))), "main.S(1+2i)");
        let other = PanicValue::Other { type_name: "main.T".into(), data: 0xc000012000 };
        assert_eq!(panic_value_text(&other), "(main.T) 0xc000012000");
    }

    #[test]
    fn parked_goroutines_show_their_wait_reason_and_creator() {
        let f = TraceFrame { function: "main.worker".into(), file: "/tmp/x.go".into(), line: 7, pc: 0x12, has_args: true };
        let site = TraceFrame { function: "main.main".into(), file: "/tmp/x.go".into(), line: 20, pc: 0x30, has_args: false };
        let text = goroutine_trace(18, "chan receive", std::slice::from_ref(&f)) + &created_by(&site, 1);
        assert_eq!(
            text,
            "goroutine 18 [chan receive]:\nmain.worker(...)\n\t/tmp/x.go:7 +0x12\ncreated by main.main in goroutine 1\n\t/tmp/x.go:20 +0x30\n"
        );
    }

    #[test]
    fn report_layout_matches_gc() {
        // From go1.26: panic(errors.New("boom")) recovered, then panic(S("again\nline")).
        let chain = [
            PanicRecord { value: PanicValue::Error("boom".into()), recovered: true, repanicked: false, goexit: false },
            PanicRecord::new(PanicValue::Named {
                type_name: "main.S".into(),
                value: Box::new(PanicValue::String("again\nline".into())),
            }),
        ];
        let got = fatal_panic_report(&chain, None, 1, &[frame("main.main", 8)]);
        assert_eq!(
            got,
            "panic: boom [recovered]\n\tpanic: main.S(\"again\n\tline\")\n\ngoroutine 1 [running]:\nmain.main()\n\t/tmp/x.go:8 +0x9\n"
        );
    }

    #[test]
    fn repanicked_fault_prints_once_with_signal_line() {
        let msg = "runtime error: invalid memory address or nil pointer dereference";
        let chain = [
            PanicRecord { value: PanicValue::Error(msg.into()), recovered: true, repanicked: true, goexit: false },
            PanicRecord::new(PanicValue::Error(msg.into())),
        ];
        let got = fatal_panic_report(&chain, Some(0), 1, &[]);
        assert_eq!(
            got,
            format!("panic: {msg} [recovered, repanicked]\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n\ngoroutine 1 [running]:\n")
        );
    }
}
