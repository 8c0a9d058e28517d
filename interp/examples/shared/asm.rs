//! Hand-assembled benchmark programs, shared by the examples and the tests (each user
//! needs only some of them).
#![allow(dead_code)]

use interp::bytecode::{FunctionBuilder, Instr, Kind, Label, Program, Signature, TypeLayout, WordSet};
use interp::vm::{Vm, VmConfig, heap::MallocHeap};
use std::time::Instant;

/// `func fib(n int) int { if n < 2 { return n }; return fib(n-1) + fib(n-2) }` as
/// function 0. `fused` selects the slot-operand forms a compiler emits for such code;
/// without it, only the plain stack instructions are used.
pub fn fib_program(fused: bool) -> Program {
    let sig = Signature::scalars(1, 1);
    let mut b = FunctionBuilder::new("main.fib", sig.clone());
    b.set_file("fib.go");
    b.set_line(3);
    let recurse = b.new_label();
    if fused {
        b.branch(Instr::BrGeSlotImm { slot: 0, imm: 2, off: 0 }, recurse);
        b.emit(Instr::RetSlot(0));
    } else {
        b.emit(Instr::Load(0));
        b.emit(Instr::Const(2));
        b.branch(Instr::BrGeI64(0), recurse);
        b.emit(Instr::Load(0));
        b.emit(Instr::Ret);
    }
    b.bind(recurse);
    b.set_line(4);
    for k in [-1, -2] {
        if fused {
            b.emit(Instr::LoadAddImm { slot: 0, imm: k });
        } else {
            b.emit(Instr::Load(0));
            b.emit(Instr::AddImm(i32::from(k)));
        }
        b.call(0, &sig);
    }
    b.emit(Instr::AddI64);
    b.emit(Instr::Ret);
    let fib = b.finish().expect("fib assembles");
    Program::link(vec![fib], vec![], vec![]).expect("fib links")
}

/// The type table entry for `bool`.
pub fn bool_type() -> TypeLayout {
    TypeLayout { name: "bool".into(), size: 1, align: 1, pointers: WordSet::default() }
}

/// Function 0 counts the primes up to `n`:
///
/// ```go
/// func sieve(n int) int {
///     composite := make([]bool, n+1)
///     count := 0
///     for i := 2; i <= n; i++ {
///         if !composite[i] {
///             count++
///             for j := i * i; j <= n; j += i {
///                 composite[j] = true
///             }
///         }
///     }
///     return count
/// }
/// ```
/// `fused` as for [`fib_program`].
pub fn sieve_program(fused: bool) -> Program {
    let mut b = FunctionBuilder::new("main.sieve", Signature::scalars(1, 1));
    b.set_file("sieve.go");
    let (n, s) = (0, b.locals(&[Kind::Pointer, Kind::Scalar, Kind::Scalar]));
    let (count, i, j) = (b.local(Kind::Scalar), b.local(Kind::Scalar), b.local(Kind::Scalar));
    let (body_i, next_i, cond_i) = (b.new_label(), b.new_label(), b.new_label());
    let (body_j, cond_j) = (b.new_label(), b.new_label());
    b.set_line(4);
    b.emit(Instr::Load(n));
    b.emit(Instr::AddImm(1));
    b.emit(Instr::Dup);
    b.emit(Instr::MakeSlice(0));
    b.emit(Instr::StoreSlots { slot: s, n: 3 });
    b.emit(Instr::Const(0));
    b.emit(Instr::Store(count));
    b.emit(Instr::Const(2));
    b.emit(Instr::Store(i));
    b.branch(Instr::Jump(0), cond_i);
    b.bind(body_i);
    b.set_line(7);
    index(&mut b, fused, s, i);
    b.emit(Instr::Load8U(0));
    b.branch(Instr::JumpIf(0), next_i);
    b.emit(Instr::AddSlotImm { slot: count, imm: 1 });
    b.emit(Instr::Load(i));
    b.emit(Instr::Load(i));
    b.emit(Instr::MulI64);
    b.emit(Instr::Store(j));
    b.branch(Instr::Jump(0), cond_j);
    b.bind(body_j);
    b.set_line(10);
    index(&mut b, fused, s, j);
    b.emit(Instr::Const(1));
    b.emit(Instr::Store8(0));
    if fused {
        b.emit(Instr::AddSlots { dst: j as u16, a: j as u16, b: i as u16 });
    } else {
        b.emit(Instr::Load(j));
        b.emit(Instr::Load(i));
        b.emit(Instr::AddI64);
        b.emit(Instr::Store(j));
    }
    b.bind(cond_j);
    less_equal(&mut b, fused, j, n, body_j);
    b.bind(next_i);
    b.emit(Instr::AddSlotImm { slot: i, imm: 1 });
    b.bind(cond_i);
    less_equal(&mut b, fused, i, n, body_i);
    b.emit(Instr::Load(count));
    b.emit(Instr::Ret);
    let sieve = b.finish().expect("sieve assembles");
    Program::link(vec![sieve], vec![], vec![bool_type()]).expect("sieve links")
}

/// Pushes `&slice[index]` for a `[]bool` in slots `slice..slice+3`.
fn index(b: &mut FunctionBuilder, fused: bool, slice: u32, index: u32) {
    if fused {
        b.emit(Instr::IndexSlots { slice: slice as u16, index: index as u16, size: 1 });
    } else {
        b.emit(Instr::Load(slice));
        b.emit(Instr::Load(index));
        b.emit(Instr::Load(slice + 1));
        b.emit(Instr::Index(1));
    }
}

/// Branches back to `target` if slot `a` <= slot `bound`.
fn less_equal(b: &mut FunctionBuilder, fused: bool, a: u32, bound: u32, target: Label) {
    if fused && b.fits_short_backward(target) {
        b.branch(Instr::BrLeSlots { a: a as u16, b: bound as u16, off: 0 }, target);
    } else {
        b.emit(Instr::Load(a));
        b.emit(Instr::Load(bound));
        b.branch(Instr::BrLeI64(0), target);
    }
}

/// The command line of the `fib` and `sieve` examples: `[n] [--count] [--plain]`. Runs
/// `build(fused)`'s function 0 on `n` (default `default_n`), prints `describe(n, result)`
/// on stdout and the time (and with `--count`, instructions executed) on stderr.
pub fn run_example(default_n: u64, build: fn(bool) -> Program, describe: fn(u64, u64) -> String) {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: u64 = args.iter().find_map(|a| a.parse().ok()).unwrap_or(default_n);
    let count = args.iter().any(|a| a == "--count");
    // --plain: only plain stack instructions (no slot-operand forms), for comparison.
    let fused = !args.iter().any(|a| a == "--plain");
    let program = build(fused);
    let mut vm = Vm::new(&program, Box::new(MallocHeap::default()), Box::new(std::io::stderr()), VmConfig::default());
    let start = Instant::now();
    let result = if count {
        let mut g = interp::vm::Goroutine::new(&program, 1, 0, &[n]).expect("entry");
        match vm.run_counted(&mut g) {
            interp::vm::Status::Returned(r) => Ok(r),
            interp::vm::Status::Stopped(s) => Err(s),
            interp::vm::Status::Yielded | interp::vm::Status::Blocked | interp::vm::Status::Goexited => {
                unreachable!("no budget, no channels, no Goexit")
            }
        }
    } else {
        vm.run_main(0, &[n])
    };
    let elapsed = start.elapsed();
    match result {
        Ok(r) => println!("{}", describe(n, r.first().copied().unwrap_or(0))),
        Err(stop) => {
            eprint!("{}", stop.report());
            std::process::exit(stop.exit_code());
        }
    }
    eprintln!("time: {:.3} s", elapsed.as_secs_f64());
    if count {
        let ins = vm.executed();
        eprintln!("instructions: {ins}, {:.2} ns/instruction (counting run)", elapsed.as_nanos() as f64 / ins as f64);
    }
}
