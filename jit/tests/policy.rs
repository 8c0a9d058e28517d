//! The JIT against the interpreter on hand-assembled programs, at the forced threshold
//! (everything compiled at once) and the default one (compiled only once hot enough for
//! its size), and the region analyses the compile policy rests on.

#[path = "../../interp/examples/shared/asm.rs"]
mod asm;

use interp::bytecode::{Instr, Program};
use interp::vm::heap::MallocHeap;
use interp::vm::jit::Heat;
use interp::vm::{Vm, VmConfig};
use jit::region;

fn run(program: &Program, arg: u64, threshold: Option<u32>) -> Vec<u64> {
    let mut vm = Vm::new(program, Box::new(MallocHeap::default()), Box::new(std::io::sink()), VmConfig::default());
    if let Some(t) = threshold {
        let j = jit::Jit::new(jit::JitConfig { threshold: t, log: false }).expect("a JIT for this machine");
        vm.set_jit(Box::new(j), t);
    }
    vm.run_main(0, &[arg]).expect("runs")
}

#[test]
fn compiled_code_gives_the_interpreters_results() {
    for fused in [false, true] {
        for (name, program, arg) in [("fib", asm::fib_program(fused), 20), ("sieve", asm::sieve_program(fused), 5000)] {
            let want = run(&program, arg, None);
            for t in [1, 2, jit::DEFAULT_THRESHOLD] {
                assert_eq!(run(&program, arg, Some(t)), want, "{name} (fused {fused}) at threshold {t}");
            }
        }
    }
}

/// The loops of function 0: (header, back-edge) of every backward branch.
fn loops(program: &Program) -> Vec<(u32, u32)> {
    let f = program.function(0).expect("function 0");
    let mut out = Vec::new();
    for (pc, i) in f.code.iter().enumerate() {
        if let Some(off) = i.branch_offset().filter(|&o| o < 0) {
            out.push(((pc as i64 + 1 + i64::from(off)) as u32, pc as u32));
        }
    }
    out
}

#[test]
fn region_analyses() {
    let program = asm::sieve_program(false);
    let f = program.function(0).expect("sieve");
    let mut nested = 0;
    for (header, back_edge) in loops(&program) {
        let r = region::select(&program, f, header, back_edge, 0).expect("a loop region");
        assert!(r.steps() > 0 && r.ops() >= r.steps());
        assert!(r.estimated_bytes(r.slots()) > 8 * r.ops(), "exits write slots back");
        nested += usize::from(r.has_inner_loop());
    }
    assert_eq!(nested, 1, "the outer loop of the sieve holds the inner one");
    // No function has been called: no callee is warm.
    assert_eq!(Heat::NONE.calls(0), 0);
}

#[test]
fn a_region_that_always_exits_is_recognized() {
    // A function whose first instruction is one the JIT does not compile (`MakeSlice`
    // is not in the sieve's loops) exits at every entry before any branch.
    let program = asm::sieve_program(true);
    let f = program.function(0).expect("sieve");
    let first = f.code.iter().position(|i| matches!(i, Instr::MakeSlice(_))).expect("the sieve makes its slice");
    let r = region::select_function(&program, f).expect("the function region");
    let branch_before = f.code[..first].iter().any(|i| i.branch_offset().is_some());
    assert_eq!(r.always_exits(), !branch_before);
}
