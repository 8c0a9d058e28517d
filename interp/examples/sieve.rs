//! Runs the hand-assembled sieve of Eratosthenes: `cargo run --release -p interp --example sieve [n]`.
//! Prints the result, the time, and (with `--count`) instructions executed and ns each;
//! `--plain` uses only plain stack instructions.

#[path = "shared/asm.rs"]
mod asm;

use interp::vm::{Vm, VmConfig, heap::MallocHeap};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: u64 = args.iter().find_map(|a| a.parse().ok()).unwrap_or(10_000_000);
    let count = args.iter().any(|a| a == "--count");
    // --plain: only plain stack instructions (no slot-operand forms), for comparison.
    let fused = !args.iter().any(|a| a == "--plain");
    let program = asm::sieve_program(fused);
    let mut vm = Vm::new(&program, Box::new(MallocHeap::default()), Box::new(std::io::stderr()), VmConfig::default());
    let start = Instant::now();
    let result = if count {
        let mut g = interp::vm::Goroutine::new(&program, 1, 0, &[n]).expect("entry");
        match vm.run_counted(&mut g) {
            interp::vm::Status::Returned(r) => Ok(r),
            interp::vm::Status::Stopped(s) => Err(s),
            interp::vm::Status::Yielded => unreachable!("no budget"),
        }
    } else {
        vm.run_main(0, &[n])
    };
    let elapsed = start.elapsed();
    match result {
        Ok(r) => println!("primes up to {n}: {}", r.first().copied().unwrap_or(0)),
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
