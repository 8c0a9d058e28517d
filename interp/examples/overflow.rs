//! Recurses without end under the default 1 GB stack limit and exits as gc does:
//! `cargo run --release -p interp --example overflow` prints gc's stack-overflow report
//! and exits with status 2.

use interp::bytecode::{FunctionBuilder, Instr, Program, Signature};
use interp::vm::{Vm, VmConfig, heap::MallocHeap};

fn main() {
    // func f(n int) int { return f(n+1) + 1 }
    let sig = Signature::scalars(1, 1);
    let mut b = FunctionBuilder::new("main.f", sig.clone());
    b.set_file("overflow.go");
    b.set_line(3);
    b.emit(Instr::LoadAddImm { slot: 0, imm: 1 });
    b.call(0, &sig);
    b.emit(Instr::AddImm(1));
    b.emit(Instr::Ret);
    let program = match b.finish().map_err(|e| e.to_string()).and_then(|f| {
        Program::link(vec![f], vec![], vec![]).map_err(|e| e.to_string())
    }) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(3);
        }
    };
    let mut vm = Vm::new(&program, Box::new(MallocHeap::default()), Box::new(std::io::stderr()), VmConfig::default());
    match vm.run_main(0, &[0]) {
        Ok(r) => println!("returned {r:?}"),
        Err(stop) => {
            eprint!("{}", stop.report());
            std::process::exit(stop.exit_code());
        }
    }
}
