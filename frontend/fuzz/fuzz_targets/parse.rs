//! Fuzz target: the parser must return (never panic, never hang, never overflow the
//! stack) on any bytes, and what it returns must be self-consistent.
#![no_main]

use frontend::syntax;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (file, errors) = syntax::parse_file("fuzz.go", data);
    assert!(errors.len() <= syntax::MAX_ERRORS);
    for e in &errors {
        // Every error position lies inside the file (or at its end).
        assert!(e.pos.offset() <= data.len());
        let _ = file.format_error(e);
    }
    let (_, header_errors) = syntax::parse_header("fuzz.go", data);
    assert!(header_errors.len() <= syntax::MAX_ERRORS);
});
