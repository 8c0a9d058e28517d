//! A human-readable listing of a [`Function`], for debugging the compiler and the VM.

use super::function::{Function, Program};
use super::instr::Instr;
use std::fmt::Write;

/// Lists `f` one instruction per line: index, source line changes, the instruction with
/// branch targets as absolute indices and callees by name (when `program` is given),
/// and the pointer words of the stack map at safepoints.
pub fn disassemble(f: &Function, program: Option<&Program>) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "func {} (params {}, results {}, frame {}, max stack {}, pointer slots {:?})",
        f.name,
        f.sig.params.len(),
        f.sig.results.len(),
        f.frame_size,
        f.max_stack,
        f.slot_pointers.iter().collect::<Vec<_>>()
    );
    let mut last_line = 0;
    for (pc, ins) in f.code.iter().enumerate() {
        let pc32 = pc as u32;
        let line = f.line(pc32);
        if line != last_line {
            let _ = writeln!(out, "  ; line {line}");
            last_line = line;
        }
        let _ = write!(out, "  {pc:5}  ");
        match (ins.branch_offset(), ins) {
            (Some(off), _) => {
                let target = pc as i64 + 1 + i64::from(off);
                let _ = write!(out, "{ins:?} -> {target}");
            }
            (None, Instr::Call(id)) => {
                let callee = program.and_then(|p| p.function(*id)).map(|c| c.name.as_str());
                let _ = write!(out, "Call {id} ({})", callee.unwrap_or("?"));
            }
            (None, Instr::CallNative(id)) => {
                let callee = program.and_then(|p| p.native(*id)).map(|c| c.name.as_str());
                let _ = write!(out, "CallNative {id} ({})", callee.unwrap_or("?"));
            }
            (None, Instr::ConstWord(i)) => {
                let w = f.consts.get(*i as usize).copied().unwrap_or(0);
                let _ = write!(out, "ConstWord {i} ({w:#x})");
            }
            (None, other) => {
                let _ = write!(out, "{other:?}");
            }
        }
        if let Some(map) = f.stack_map(pc32) {
            let ptrs: Vec<usize> = map.pointers.iter().collect();
            let _ = write!(out, "    ; safepoint depth {} pointers {ptrs:?}", map.depth);
        }
        out.push('\n');
    }
    out
}
