//! Runs hand-assembled bytecode and checks results, Go semantics, and gc's texts.

#[path = "../examples/shared/asm.rs"]
mod asm;
mod common;

use interp::bytecode::{
    FunctionBuilder, Instr, Kind, Native, Program, Signature, TypeLayout, WordSet, disassemble,
};
use interp::vm::heap::{GcHeap, Heap, MallocHeap};
use interp::vm::{Goroutine, Status, Stop, Vm, VmConfig};

use common::Captured;

fn run_with(program: &Program, config: VmConfig, args: &[u64]) -> (Result<Vec<u64>, Stop>, String) {
    let out = Captured::default();
    let mut vm = Vm::new(program, Box::new(MallocHeap::default()), Box::new(out.clone()), config);
    let r = vm.run_main(0, args);
    (r, out.text())
}

fn run(program: &Program, args: &[u64]) -> Result<Vec<u64>, Stop> {
    run_with(program, VmConfig::default(), args).0
}

/// A one-function program `main.f` computing `body` over `params` scalar arguments.
fn single(params: usize, results: usize, body: impl FnOnce(&mut FunctionBuilder)) -> Program {
    let mut b = FunctionBuilder::new("main.f", Signature::scalars(params, results));
    b.set_file("/tmp/f.go");
    b.set_line(5);
    body(&mut b);
    let f = b.finish().expect("assembles");
    Program::link(vec![f], vec![], vec![]).expect("links")
}

/// `a <op> b` for two arguments.
fn binop(ops: &[Instr], a: u64, b: u64) -> Result<u64, Stop> {
    let p = single(2, 1, |b| {
        b.emit(Instr::Load(0));
        b.emit(Instr::Load(1));
        for op in ops {
            b.emit(*op);
        }
        b.emit(Instr::Ret);
    });
    run(&p, &[a, b]).map(|r| r[0])
}

fn panic_report<T: std::fmt::Debug>(r: Result<T, Stop>) -> String {
    match r {
        Err(stop @ Stop::Panic { .. }) => {
            assert_eq!(stop.exit_code(), 2);
            stop.report()
        }
        other => panic!("expected a panic, got {other:?}"),
    }
}

#[test]
fn fib_computes_fibonacci_numbers() {
    for fused in [false, true] {
        let p = asm::fib_program(fused);
        assert_eq!(run(&p, &[0]).unwrap(), vec![0]);
        assert_eq!(run(&p, &[1]).unwrap(), vec![1]);
        assert_eq!(run(&p, &[20]).unwrap(), vec![6765]);
        assert_eq!(run(&p, &[25]).unwrap(), vec![75025]);
    }
}

#[test]
fn sieve_counts_primes() {
    for fused in [false, true] {
        let p = asm::sieve_program(fused);
        assert_eq!(run(&p, &[100]).unwrap(), vec![25]);
        assert_eq!(run(&p, &[10_000]).unwrap(), vec![1229]);
        assert_eq!(run(&p, &[2]).unwrap(), vec![1]);
    }
}

#[test]
fn preempted_goroutine_resumes_to_the_same_result() {
    let p = asm::sieve_program(true);
    let config = VmConfig { budget: 7, ..VmConfig::default() };
    let mut vm = Vm::new(&p, Box::new(MallocHeap::default()), Box::new(std::io::sink()), config);
    let mut g = Goroutine::new(&p, 1, 0, &[1000]).unwrap();
    let mut yields = 0;
    let result = loop {
        match vm.run(&mut g) {
            Status::Yielded => yields += 1,
            Status::Returned(r) => break r,
            Status::Blocked => panic!("blocked without channels"),
            Status::Goexited => panic!("Goexit without a call of it"),
            Status::Stopped(s) => panic!("stopped: {}", s.report()),
        }
    };
    assert_eq!(result, vec![168]);
    assert!(yields > 100, "only {yields} yields");
}

#[test]
fn integer_arithmetic_follows_go() {
    let min = i64::MIN as u64;
    let m1 = -1i64 as u64;
    assert_eq!(binop(&[Instr::DivI64], min, m1).unwrap(), min);
    assert_eq!(binop(&[Instr::RemI64], min, m1).unwrap(), 0);
    assert_eq!(binop(&[Instr::DivI64], -7i64 as u64, 2).unwrap(), -3i64 as u64);
    assert_eq!(binop(&[Instr::RemI64], -7i64 as u64, 2).unwrap(), -1i64 as u64);
    assert_eq!(binop(&[Instr::DivU64], m1, 2).unwrap(), u64::MAX / 2);
    // int8: 127 + 1 wraps to -128; int32 MinInt32 / -1 wraps back.
    assert_eq!(binop(&[Instr::AddI64, Instr::SExt8], 127, 1).unwrap(), -128i64 as u64);
    let min32 = i32::MIN as i64 as u64;
    assert_eq!(binop(&[Instr::DivI64, Instr::SExt32], min32, m1).unwrap(), min32);
    assert_eq!(binop(&[Instr::AddI32], i32::MAX as u64, 1).unwrap(), min32);
    // uint8: 0 - 1 wraps to 255; uint16 shifts drop high bits.
    assert_eq!(binop(&[Instr::SubI64, Instr::ZExt8], 0, 1).unwrap(), 255);
    assert_eq!(binop(&[Instr::Shl, Instr::ZExt16], 0xffff, 4).unwrap(), 0xfff0);
    // Shifts by counts >= the width.
    assert_eq!(binop(&[Instr::Shl], 1, 64).unwrap(), 0);
    assert_eq!(binop(&[Instr::ShrI64], -5i64 as u64, 100).unwrap(), m1);
    assert_eq!(binop(&[Instr::ShrU64], m1, 64).unwrap(), 0);
    assert_eq!(binop(&[Instr::Shl, Instr::SExt32], 1, 32).unwrap(), 0);
    assert_eq!(binop(&[Instr::AndNot], 0b1111, 0b0101).unwrap(), 0b1010);
    assert_eq!(binop(&[Instr::LtU64], m1, 1).unwrap(), 0);
    assert_eq!(binop(&[Instr::LtI64], m1, 1).unwrap(), 1);
}

#[test]
fn float_arithmetic_follows_ieee() {
    let f = |x: f64| x.to_bits();
    let nan = f(f64::NAN);
    assert_eq!(binop(&[Instr::DivF64], f(1.0), f(0.0)).unwrap(), f(f64::INFINITY));
    assert_eq!(binop(&[Instr::EqF64], nan, nan).unwrap(), 0);
    assert_eq!(binop(&[Instr::NeF64], nan, nan).unwrap(), 1);
    assert_eq!(binop(&[Instr::LtF64], f(1.0), nan).unwrap(), 0);
    assert_eq!(binop(&[Instr::GeF64], f(1.0), nan).unwrap(), 0);
    let f32b = |x: f32| u64::from(x.to_bits());
    assert_eq!(binop(&[Instr::AddF32], f32b(16777216.0), f32b(1.0)).unwrap(), f32b(16777216.0));
    assert_eq!(binop(&[Instr::AddF32, Instr::F32ToF64], f32b(0.5), f32b(0.25)).unwrap(), f(0.75));
    assert_eq!(binop(&[Instr::SubF64, Instr::F64ToI64], f(-2.5), f(0.0)).unwrap(), -2i64 as u64);
}

#[test]
fn complex_division_runs_gc_algorithm() {
    let f = |x: f64| x.to_bits();
    let p = single(4, 2, |b| {
        b.emit(Instr::LoadSlots { slot: 0, n: 4 });
        b.emit(Instr::DivC128);
        b.emit(Instr::Ret);
    });
    assert_eq!(run(&p, &[f(1.0), f(2.0), f(3.0), f(4.0)]).unwrap(), vec![f(0.44), f(0.08)]);
}

#[test]
fn division_by_zero_panics_like_gc() {
    let report = panic_report(binop(&[Instr::DivI64], 1, 0));
    assert_eq!(
        report,
        "panic: runtime error: integer divide by zero\n\ngoroutine 1 [running]:\nmain.f(...)\n\t/tmp/f.go:5 +0x1\n"
    );
    assert!(panic_report(binop(&[Instr::RemU64], 1, 0)).starts_with("panic: runtime error: integer divide by zero\n"));
}

#[test]
fn negative_shift_panics() {
    let report = panic_report(binop(&[Instr::CheckShift, Instr::Shl], 1, -1i64 as u64));
    assert!(report.starts_with("panic: runtime error: negative shift amount\n"), "{report}");
}

#[test]
fn index_out_of_range_panics_like_gc() {
    let elem = TypeLayout { name: "int".into(), size: 8, align: 8, pointers: WordSet::default() };
    let mut b = FunctionBuilder::new("main.main", Signature::scalars(1, 1));
    b.set_file("/tmp/d.go");
    b.set_line(6);
    let s = b.locals(&[Kind::Pointer, Kind::Scalar, Kind::Scalar]);
    b.emit(Instr::Const(3));
    b.emit(Instr::Const(3));
    b.emit(Instr::MakeSlice(0));
    b.emit(Instr::StoreSlots { slot: s, n: 3 });
    b.emit(Instr::IndexSlots { slice: s as u16, index: 0, size: 8 });
    b.emit(Instr::Load64(0));
    b.emit(Instr::Ret);
    let f = b.finish().unwrap();
    let p = Program::link(vec![f], vec![], vec![elem]).unwrap();
    assert_eq!(run(&p, &[2]).unwrap(), vec![0]);
    let report = panic_report(run(&p, &[5]));
    assert_eq!(
        report,
        "panic: runtime error: index out of range [5] with length 3\n\ngoroutine 1 [running]:\nmain.main(...)\n\t/tmp/d.go:6 +0x4\n"
    );
    assert!(panic_report(run(&p, &[-1i64 as u64])).starts_with("panic: runtime error: index out of range [-1]\n"));
}

#[test]
fn slice_bounds_checks_report_gc_messages() {
    let check = |code: u8, x: i64, y: i64| {
        let p = single(2, 1, |b| {
            b.emit(Instr::Load(0));
            b.emit(Instr::Load(1));
            b.emit(Instr::Bounds { code, signed: true });
            b.emit(Instr::Ret);
        });
        run(&p, &[x as u64, y as u64])
    };
    assert_eq!(check(2, 3, 3).unwrap(), vec![3]);
    let first_line = |r| panic_report(r).lines().next().unwrap_or_default().to_string();
    assert_eq!(first_line(check(2, 5, 3)), "panic: runtime error: slice bounds out of range [:5] with capacity 3");
    assert_eq!(first_line(check(3, 3, 2)), "panic: runtime error: slice bounds out of range [3:2]");
    assert_eq!(first_line(check(5, 5, 3)), "panic: runtime error: slice bounds out of range [::5] with capacity 3");
    assert_eq!(first_line(check(0, 3, 3)), "panic: runtime error: index out of range [3] with length 3");
}

#[test]
fn nil_dereference_panics_with_signal_line() {
    let p = single(1, 1, |b| {
        b.emit(Instr::Load(0));
        b.emit(Instr::Load64(8));
        b.emit(Instr::Ret);
    });
    let report = panic_report(run(&p, &[0]));
    assert_eq!(
        report,
        "panic: runtime error: invalid memory address or nil pointer dereference\n\
         [signal SIGSEGV: segmentation violation code=0x1 addr=0x8 pc=0x0]\n\n\
         goroutine 1 [running]:\nmain.f(...)\n\t/tmp/f.go:5 +0x0\n"
    );
}

#[test]
fn memory_loads_and_stores_use_widths() {
    let t = TypeLayout { name: "[2]int64".into(), size: 16, align: 8, pointers: WordSet::default() };
    let mut b = FunctionBuilder::new("main.f", Signature::scalars(1, 4));
    let p = b.local(Kind::Pointer);
    b.emit(Instr::Alloc(0));
    b.emit(Instr::Store(p));
    // Store the argument as 64 bits, then read it back at every width.
    b.emit(Instr::Load(p));
    b.emit(Instr::Load(0));
    b.emit(Instr::Store64(0));
    for load in [Instr::Load8S(0), Instr::Load8U(0), Instr::Load16S(0), Instr::Load32U(0)] {
        b.emit(Instr::Load(p));
        b.emit(load);
    }
    b.emit(Instr::Ret);
    let f = b.finish().unwrap();
    let prog = Program::link(vec![f], vec![], vec![t]).unwrap();
    let r = run(&prog, &[0xffff_ff80]).unwrap();
    assert_eq!(r, vec![-128i64 as u64, 0x80, -128i64 as u64, 0xffff_ff80]);
}

#[test]
fn deep_recursion_grows_the_stack() {
    // func down(n int) int { if n == 0 { return 0 }; return down(n-1) + 1 }
    let sig = Signature::scalars(1, 1);
    let mut b = FunctionBuilder::new("main.down", sig.clone());
    let rec = b.new_label();
    b.emit(Instr::Load(0));
    b.branch(Instr::BrNeImm { imm: 0, off: 0 }, rec);
    b.emit(Instr::Const(0));
    b.emit(Instr::Ret);
    b.bind(rec);
    b.emit(Instr::LoadAddImm { slot: 0, imm: -1 });
    b.call(0, &sig);
    b.emit(Instr::AddImm(1));
    b.emit(Instr::Ret);
    let p = Program::link(vec![b.finish().unwrap()], vec![], vec![]).unwrap();
    assert_eq!(run(&p, &[1_000_000]).unwrap(), vec![1_000_000]);

    // With a small limit, the same recursion dies as gc does.
    let config = VmConfig { max_stack_bytes: 1 << 20, ..VmConfig::default() };
    let (r, _) = run_with(&p, config, &[1_000_000]);
    let stop = r.expect_err("overflows");
    assert_eq!(stop.exit_code(), 2);
    let report = stop.report();
    let lines: Vec<&str> = report.lines().collect();
    assert_eq!(lines[0], "runtime: goroutine stack exceeds 1048576-byte limit");
    assert!(lines[1].starts_with("runtime: sp=0x") && lines[1].contains(" stack=[0x"), "{report}");
    assert_eq!(lines[2], "fatal error: stack overflow");
    assert_eq!(lines[4], "goroutine 1 [running]:");
    assert_eq!(lines[5], "main.down(...)");
    assert!(report.ends_with("...additional frames elided...\n"));
}

#[test]
fn println_formats_like_gc() {
    // println(1, -2, "str", 1.5, true, nil-pointer, 1e21)
    let mut b = FunctionBuilder::new("main.main", Signature::default());
    let s = b.const_word(b"str".as_ptr() as u64);
    let kinds: [(&[Instr], interp::bytecode::PrintKind); 7] = {
        use interp::bytecode::PrintKind::*;
        [
            (&[Instr::Const(1)], Int),
            (&[Instr::Const(-2)], Int),
            (&[Instr::ConstWord(s), Instr::Const(3)], String),
            (&[], F64),
            (&[Instr::Const(1)], Bool),
            (&[Instr::Const(0)], Pointer),
            (&[], F64),
        ]
    };
    let f15 = b.const_word(1.5f64.to_bits());
    let f21 = b.const_word(1e21f64.to_bits());
    for (i, (pushes, kind)) in kinds.iter().enumerate() {
        if i > 0 {
            b.print(interp::bytecode::PrintKind::Space);
        }
        match (i, pushes.is_empty()) {
            (3, true) => b.emit(Instr::ConstWord(f15)),
            (6, true) => b.emit(Instr::ConstWord(f21)),
            _ => pushes.iter().for_each(|p| b.emit(*p)),
        }
        b.print(*kind);
    }
    b.print(interp::bytecode::PrintKind::Newline);
    b.emit(Instr::Ret);
    let p = Program::link(vec![b.finish().unwrap()], vec![], vec![]).unwrap();
    let (r, out) = run_with(&p, VmConfig::default(), &[]);
    assert!(r.is_ok());
    assert_eq!(out, "1 -2 str 1.5 true 0x0 1e+21\n");
}

#[test]
fn closures_and_interface_methods_are_called_through_their_tables() {
    // func add(ctx, x) reads a captured word at ctx+8 and adds it to x.
    let sig = Signature::scalars(1, 1);
    let mut add = FunctionBuilder::new("main.main.func1", sig.clone());
    add.emit(Instr::LoadCtx);
    add.emit(Instr::Load64(8));
    add.emit(Instr::Load(0));
    add.emit(Instr::AddI64);
    add.emit(Instr::Ret);
    // func (T) Twice(recv, x) = 2*x, reached through itab fun[1].
    let msig = Signature::scalars(2, 1);
    let mut twice = FunctionBuilder::new("main.T.Twice", msig.clone());
    twice.emit(Instr::Load(1));
    twice.emit(Instr::Load(1));
    twice.emit(Instr::AddI64);
    twice.emit(Instr::Ret);

    let mut heap = MallocHeap::default();
    let words = |n: u64| TypeLayout { name: "obj".into(), size: 8 * n, align: 8, pointers: WordSet::default() };
    let closure = heap.alloc(0, &words(2), 1).unwrap() as *mut u64;
    let itab = heap.alloc(1, &words(5), 1).unwrap() as *mut u64;
    // SAFETY: both objects are live, zeroed, and large enough.
    unsafe {
        *closure = 1; // code: function 1
        *closure.add(1) = 40; // captured value
        *itab.add(4) = 2; // fun[1] at byte 24 + 8: function 2
    }

    let mut main = FunctionBuilder::new("main.main", Signature::scalars(0, 2));
    let c = main.const_word(closure as u64);
    let t = main.const_word(itab as u64);
    main.emit(Instr::Const(2));
    main.emit(Instr::ConstWord(c));
    main.call_closure(&sig);
    main.emit(Instr::Const(0)); // receiver data word
    main.emit(Instr::Const(21));
    main.emit(Instr::ConstWord(t));
    main.call_iface(1, &msig);
    main.emit(Instr::Ret);
    let funcs = vec![main.finish().unwrap(), add.finish().unwrap(), twice.finish().unwrap()];
    let p = Program::link(funcs, vec![], vec![]).unwrap();
    let mut vm = Vm::new(&p, Box::new(MallocHeap::default()), Box::new(std::io::sink()), VmConfig::default());
    assert_eq!(vm.run_main(0, &[]).unwrap(), vec![42, 42]);
    drop(heap);
}

#[test]
fn nil_closure_call_panics() {
    let sig = Signature::scalars(0, 0);
    let mut b = FunctionBuilder::new("main.main", Signature::default());
    b.emit(Instr::Const(0));
    b.call_closure(&sig);
    b.emit(Instr::Ret);
    let p = Program::link(vec![b.finish().unwrap()], vec![], vec![]).unwrap();
    let report = panic_report(run(&p, &[]));
    assert!(report.starts_with("panic: runtime error: invalid memory address or nil pointer dereference\n[signal"));
}

#[test]
fn natives_receive_arguments_and_return_results() {
    fn mul_add(_cx: &mut dyn runtime::native::Host, args: &[u64], results: &mut [u64]) -> Result<(), interp::vm::NativeError> {
        results[0] = args[0] * args[1] + args[2];
        Ok(())
    }
    let sig = Signature::scalars(3, 1);
    let native = Native { name: "main.mulAdd".into(), sig: sig.clone(), func: mul_add };
    let mut b = FunctionBuilder::new("main.main", Signature::scalars(0, 1));
    for v in [6, 7, 0] {
        b.emit(Instr::Const(v));
    }
    b.call_native(0, &sig);
    b.emit(Instr::Ret);
    let p = Program::link(vec![b.finish().unwrap()], vec![native], vec![]).unwrap();
    assert_eq!(run(&p, &[]).unwrap(), vec![42]);
}

#[test]
fn close_of_a_nil_channel_panics_with_gcs_plain_error() {
    let mut b = FunctionBuilder::new("main.main", Signature::default());
    b.emit(Instr::Const(0));
    b.emit_runtime(Instr::ChanClose, 1, &[]);
    b.emit(Instr::Ret);
    let p = Program::link(vec![b.finish().unwrap()], vec![], vec![]).unwrap();
    match run(&p, &[]) {
        Err(stop @ Stop::Panic { .. }) => {
            assert!(stop.report().starts_with("panic: close of nil channel\n\ngoroutine 1 [running]:\n"));
            assert_eq!(stop.exit_code(), 2);
        }
        other => panic!("expected a panic, got {other:?}"),
    }
}

#[test]
fn builder_rejects_malformed_code() {
    let err = |body: &dyn Fn(&mut FunctionBuilder)| {
        let mut b = FunctionBuilder::new("main.bad", Signature::scalars(1, 1));
        body(&mut b);
        b.finish().expect_err("must be rejected").message
    };
    assert!(err(&|b| b.emit(Instr::AddI64)).contains("underflow"));
    assert!(err(&|b| b.emit(Instr::Load(0))).contains("reaches the end"));
    assert!(err(&|b| b.emit(Instr::Load(7))).contains("slot 7"));
    assert!(err(&|b| {
        b.emit(Instr::Ret);
    })
    .contains("result words"));
    assert!(err(&|b| {
        let l = b.new_label();
        b.emit(Instr::Load(0));
        b.branch(Instr::JumpIf(0), l);
        b.emit(Instr::Load(0));
        b.bind(l); // depth 1 here, 0 on the branch
        b.emit(Instr::Ret);
    })
    .contains("operand stack"));
    assert!(err(&|b| {
        let l = b.new_label();
        b.branch(Instr::Jump(0), l);
    })
    .contains("unbound label"));
    // 16-bit slot-slot branches only close loops: a forward target is refused.
    assert!(err(&|b| {
        let l = b.new_label();
        b.branch(Instr::BrLtSlots { a: 0, b: 0, off: 0 }, l);
        b.bind(l);
        b.emit(Instr::RetSlot(0));
    })
    .contains("bound label"));
}

#[test]
fn link_checks_call_signatures() {
    let mut b = FunctionBuilder::new("main.main", Signature::default());
    b.emit(Instr::Const(1));
    b.call(0, &Signature::scalars(1, 0));
    b.emit(Instr::Ret);
    let err = Program::link(vec![b.finish().unwrap()], vec![], vec![]).expect_err("mismatch");
    assert!(err.message.contains("argument"), "{err}");
}

#[test]
fn stack_maps_record_live_pointer_words() {
    // A string on the operand stack across a call must be in the call's stack map.
    let callee_sig = Signature::scalars(0, 1);
    let mut b = FunctionBuilder::new("main.main", Signature { params: vec![], results: vec![] });
    let p = b.local(Kind::Pointer);
    b.emit(Instr::Load(p)); // string ptr (a pointer slot)
    b.emit(Instr::Const(3)); // string len
    b.call(1, &callee_sig);
    b.emit(Instr::Pop);
    b.emit(Instr::Pop);
    b.emit(Instr::Pop);
    b.emit(Instr::Ret);
    let main = b.finish().unwrap();
    let map = main.stack_map(2).expect("the call is a safepoint");
    assert_eq!(map.depth, 2);
    assert_eq!(map.pointers.iter().collect::<Vec<_>>(), vec![0]);
    assert_eq!(main.slot_pointers.iter().collect::<Vec<_>>(), vec![0]);
    assert!(main.stack_map(0).is_none());
    let text = disassemble(&main, None);
    assert!(text.contains("safepoint depth 2 pointers [0]"), "{text}");
}

#[test]
fn makeslice_rejects_bad_lengths_like_gc() {
    let elem = TypeLayout { name: "int".into(), size: 8, align: 8, pointers: WordSet::default() };
    let mut b = FunctionBuilder::new("main.main", Signature::scalars(2, 1));
    b.emit(Instr::Load(0));
    b.emit(Instr::Load(1));
    b.emit(Instr::MakeSlice(0));
    b.emit(Instr::Pop); // cap
    b.emit(Instr::Swap);
    b.emit(Instr::Pop); // ptr: len remains
    b.emit(Instr::Ret);
    let p = Program::link(vec![b.finish().unwrap()], vec![], vec![elem]).unwrap();
    assert_eq!(run(&p, &[2, 5]).unwrap(), vec![2]);
    let first = |r| panic_report(r).lines().next().unwrap_or_default().to_string();
    assert_eq!(first(run(&p, &[-1i64 as u64, 5])), "panic: runtime error: makeslice: len out of range");
    assert_eq!(first(run(&p, &[1, 1 << 60])), "panic: runtime error: makeslice: cap out of range");
    assert_eq!(first(run(&p, &[1 << 60, 1 << 60])), "panic: runtime error: makeslice: len out of range");
}

#[test]
fn disassembly_resolves_branch_targets() {
    let p = asm::fib_program(true);
    let text = disassemble(p.function(0).unwrap(), Some(&p));
    assert!(text.contains("BrGeSlotImm { slot: 0, imm: 2, off: 1 } -> 2"), "{text}");
    assert!(text.contains("Call 0 (main.fib)"), "{text}");
}

/// The VM owns a `Box<dyn Heap>`; tests keep the collector's statistics readable
/// through this forwarding heap.
struct Forward(*mut GcHeap);

impl Heap for Forward {
    fn alloc(&mut self, ty: u32, elem: &TypeLayout, count: u64) -> Result<*mut u8, interp::vm::heap::OutOfMemory> {
        // SAFETY: the GcHeap outlives the VM in these tests and is used only through it.
        unsafe { (*self.0).alloc(ty, elem, count) }
    }
    fn alloc_noscan(&mut self, size: u64) -> Result<*mut u8, interp::vm::heap::OutOfMemory> {
        // SAFETY: as above.
        unsafe { (*self.0).alloc_noscan(size) }
    }
    fn collection_due(&self) -> bool {
        // SAFETY: as above.
        unsafe { (*self.0).collection_due() }
    }
    fn collect(&mut self, roots: &mut interp::vm::heap::RootScan<'_>) {
        // SAFETY: as above.
        unsafe { (*self.0).collect(roots) }
    }
}

#[test]
fn collector_keeps_what_the_stack_reaches() {
    // type node struct { next *node; val int }
    // func main(n int) int {
    //     var head *node
    //     for i := 0; i < n; i++ {
    //         p := new(node); p.val = i; p.next = head; head = p
    //         _ = new([64]int) // garbage
    //     }
    //     sum := 0
    //     for p := head; p != nil; p = p.next { sum += p.val }
    //     return sum
    // }
    let node = TypeLayout { name: "main.node".into(), size: 16, align: 8, pointers: WordSet::pointers(&[Kind::Pointer]) };
    let junk = TypeLayout { name: "[64]int".into(), size: 512, align: 8, pointers: WordSet::default() };
    let mut b = FunctionBuilder::new("main.main", Signature::scalars(1, 1));
    let head = b.local(Kind::Pointer);
    let i = b.local(Kind::Scalar);
    let p = b.local(Kind::Pointer);
    let sum = b.local(Kind::Scalar);
    let (body, cond, walk, walk_cond) = (b.new_label(), b.new_label(), b.new_label(), b.new_label());
    b.branch(Instr::Jump(0), cond);
    b.bind(body);
    b.emit(Instr::Alloc(0));
    b.emit(Instr::Store(p));
    b.emit(Instr::Load(p));
    b.emit(Instr::Load(i));
    b.emit(Instr::Store64(8));
    b.emit(Instr::Load(p));
    b.emit(Instr::Load(head));
    b.emit(Instr::Store64(0));
    b.emit(Instr::Load(p));
    b.emit(Instr::Store(head));
    b.emit(Instr::Alloc(1));
    b.emit(Instr::Pop);
    b.emit(Instr::AddSlotImm { slot: i, imm: 1 });
    b.bind(cond);
    b.emit(Instr::Load(i));
    b.branch(Instr::BrLtSlot { slot: 0, off: 0 }, body);
    b.emit(Instr::Load(head));
    b.emit(Instr::Store(p));
    b.branch(Instr::Jump(0), walk_cond);
    b.bind(walk);
    b.emit(Instr::Load(sum));
    b.emit(Instr::Load(p));
    b.emit(Instr::Load64(8));
    b.emit(Instr::AddI64);
    b.emit(Instr::Store(sum));
    b.emit(Instr::Load(p));
    b.emit(Instr::LoadPtr(0));
    b.emit(Instr::Store(p));
    b.bind(walk_cond);
    b.emit(Instr::Load(p));
    b.branch(Instr::BrNeImm { imm: 0, off: 0 }, walk);
    b.emit(Instr::RetSlot(sum));
    let prog = Program::link(vec![b.finish().unwrap()], vec![], vec![node, junk]).unwrap();

    let config = gc::HeapConfig { gc_percent: 10, poison_freed: true, ..gc::HeapConfig::default() };
    let mut heap = GcHeap::new(config).expect("heap");
    let heap_ptr: *mut GcHeap = &mut heap;
    let n: u64 = 20_000;
    {
        let mut vm = Vm::new(&prog, Box::new(Forward(heap_ptr)), Box::new(std::io::sink()), VmConfig::default());
        assert_eq!(vm.run_main(0, &[n]).unwrap(), vec![n * (n - 1) / 2]);
    }
    assert!(heap.inner().mem_stats().num_gc > 5, "the collector ran only {} times", heap.inner().mem_stats().num_gc);
}

#[test]
fn append_grows_like_gc_and_keeps_elements() {
    // s := []int(nil); for i := 0; i < n; i++ { s = append(s, i) }
    // sum := 0; for i := 0; i < len(s); i++ { sum += s[i] }; return sum, cap(s)
    let int = TypeLayout { name: "int".into(), size: 8, align: 8, pointers: WordSet::default() };
    let mut b = FunctionBuilder::new("main.main", Signature::scalars(1, 2));
    let s = b.locals(&[Kind::Pointer, Kind::Scalar, Kind::Scalar]);
    let i = b.local(Kind::Scalar);
    let sum = b.local(Kind::Scalar);
    let (body, cond, body2, cond2) = (b.new_label(), b.new_label(), b.new_label(), b.new_label());
    b.branch(Instr::Jump(0), cond);
    b.bind(body);
    b.emit(Instr::LoadSlots { slot: s, n: 3 });
    b.emit(Instr::Const(1));
    b.emit(Instr::GrowSlice(0));
    b.emit(Instr::StoreSlots { slot: s, n: 3 });
    // s[len-1] = i
    b.emit(Instr::Load(s));
    b.emit(Instr::LoadAddImm { slot: s + 1, imm: -1 });
    b.emit(Instr::Load(s + 1));
    b.emit(Instr::Index(8));
    b.emit(Instr::Load(i));
    b.emit(Instr::Store64(0));
    b.emit(Instr::AddSlotImm { slot: i, imm: 1 });
    b.bind(cond);
    b.emit(Instr::Load(i));
    b.branch(Instr::BrLtSlot { slot: 0, off: 0 }, body);
    b.emit(Instr::Const(0));
    b.emit(Instr::Store(i));
    b.branch(Instr::Jump(0), cond2);
    b.bind(body2);
    b.emit(Instr::IndexSlots { slice: s as u16, index: i as u16, size: 8 });
    b.emit(Instr::Load64(0));
    b.emit(Instr::AddSlot(sum));
    b.emit(Instr::Store(sum));
    b.emit(Instr::AddSlotImm { slot: i, imm: 1 });
    b.bind(cond2);
    b.emit(Instr::Load(i));
    b.branch(Instr::BrLtSlot { slot: (s + 1) as u16, off: 0 }, body2);
    b.emit(Instr::Load(sum));
    b.emit(Instr::Load(s + 2));
    b.emit(Instr::Ret);
    let main = b.finish().unwrap();
    // The old array is live across the allocation that may collect.
    let grow_pc = main.code.iter().position(|i| matches!(i, Instr::GrowSlice(_))).unwrap() as u32;
    let map = main.stack_map(grow_pc).unwrap();
    assert_eq!((map.depth, map.pointers.iter().collect::<Vec<_>>()), (4, vec![0]));
    let prog = Program::link(vec![main], vec![], vec![int]).unwrap();

    let config = gc::HeapConfig { gc_percent: 1, poison_freed: true, ..gc::HeapConfig::default() };
    let heap = GcHeap::new(config).expect("heap");
    let mut vm = Vm::new(&prog, Box::new(heap), Box::new(std::io::sink()), VmConfig::default());
    // gc: 1000 appends end at capacity 1280.
    assert_eq!(vm.run_main(0, &[1000]).unwrap(), vec![999 * 1000 / 2, 1280]);
    assert_eq!(vm.run_main(0, &[5]).unwrap(), vec![10, 8]);
}

#[test]
fn goroutines_run_only_on_their_program() {
    let fib = asm::fib_program(true);
    let sieve = asm::sieve_program(true);
    let mut g = Goroutine::new(&fib, 1, 0, &[10]).unwrap();
    let mut vm = Vm::new(&sieve, Box::new(MallocHeap::default()), Box::new(std::io::sink()), VmConfig::default());
    assert!(matches!(vm.run(&mut g), Status::Stopped(Stop::Error(_))));
    let mut vm = Vm::new(&fib, Box::new(MallocHeap::default()), Box::new(std::io::sink()), VmConfig::default());
    assert!(matches!(vm.run(&mut g), Status::Returned(r) if r == vec![55]));
    // A finished goroutine does not run again.
    assert!(matches!(vm.run(&mut g), Status::Stopped(Stop::Error(_))));
}

/// A closure object for function `id` with no captured variables, kept alive by `heap`.
fn closure(heap: &mut MallocHeap, id: u64) -> u64 {
    let t = TypeLayout { name: "closure".into(), size: 8, align: 8, pointers: WordSet::default() };
    let p = heap.alloc(0, &t, 1).unwrap() as *mut u64;
    // SAFETY: a live, zeroed 8-byte object.
    unsafe { *p = id };
    p as u64
}

/// `func main.main() int` that defers the functions `deferred` (ids 1..), then runs
/// `body`, then returns 1; its recovery landing runs the remaining deferred calls and
/// returns 42. Deferred function `i` is `main.main.func<i>`, built by `deferred[i-1]`.
fn defer_program(
    heap: &mut MallocHeap,
    deferred: &[&dyn Fn(&mut FunctionBuilder)],
    body: &dyn Fn(&mut FunctionBuilder),
) -> Program {
    let mut main = FunctionBuilder::new("main.main", Signature::scalars(0, 1));
    main.set_file("/tmp/m.go");
    main.set_line(3);
    let mut funcs = vec![];
    for (i, build) in deferred.iter().enumerate() {
        let c = closure(heap, i as u64 + 1);
        let w = main.const_word(c);
        main.emit(Instr::ConstWord(w));
        main.emit(Instr::Defer);
        let mut f = FunctionBuilder::new(&format!("main.main.func{}", i + 1), Signature::default());
        f.set_file("/tmp/m.go");
        f.set_line(10 + i as u32);
        build(&mut f);
        funcs.push(f.finish().unwrap());
    }
    main.set_line(5);
    body(&mut main);
    main.emit(Instr::RunDefers);
    main.emit(Instr::Const(1));
    main.emit(Instr::Ret);
    main.emit(Instr::Landing);
    main.emit(Instr::RunDefers);
    main.emit(Instr::Const(42));
    main.emit(Instr::Ret);
    funcs.insert(0, main.finish().unwrap());
    Program::link(funcs, vec![], vec![]).unwrap()
}

fn index_panic(b: &mut FunctionBuilder) {
    b.emit(Instr::Const(5));
    b.emit(Instr::Const(3));
    b.emit(Instr::Bounds { code: 0, signed: true });
    b.emit(Instr::Pop);
}

fn print_text(b: &mut FunctionBuilder, text: &'static str) {
    let w = b.const_word(text.as_ptr() as u64);
    b.emit(Instr::ConstWord(w));
    b.push_i64(text.len() as i64);
    b.print(interp::bytecode::PrintKind::String);
}

#[test]
fn deferred_calls_run_newest_first_on_return() {
    let mut heap = MallocHeap::default();
    let one = |b: &mut FunctionBuilder| {
        print_text(b, "1");
        b.emit(Instr::Ret);
    };
    let two = |b: &mut FunctionBuilder| {
        print_text(b, "2");
        b.emit(Instr::Ret);
    };
    let p = defer_program(&mut heap, &[&one, &two], &|_| {});
    let (r, out) = run_with(&p, VmConfig::default(), &[]);
    assert_eq!(r.unwrap(), vec![1]);
    assert_eq!(out, "21");
}

#[test]
fn recover_in_a_deferred_call_stops_the_panic() {
    let mut heap = MallocHeap::default();
    let recoverer = |b: &mut FunctionBuilder| {
        b.emit(Instr::Recover);
        b.print(interp::bytecode::PrintKind::Iface);
        b.emit(Instr::Recover); // a second recover() sees no panic
        b.print(interp::bytecode::PrintKind::Iface);
        b.emit(Instr::Ret);
    };
    let other = |b: &mut FunctionBuilder| {
        print_text(b, "first;");
        b.emit(Instr::Ret);
    };
    // Deferred calls run newest first: `other` (func2) before the recoverer (func1).
    let p = defer_program(&mut heap, &[&recoverer, &other], &index_panic);
    let (r, out) = run_with(&p, VmConfig::default(), &[]);
    assert_eq!(r.unwrap(), vec![42], "resumed at the landing");
    assert_eq!(out, "first;(0x1,0x0)(0x0,0x0)");
}

#[test]
fn unrecovered_panic_runs_deferred_calls_then_reports() {
    let mut heap = MallocHeap::default();
    let note = |b: &mut FunctionBuilder| {
        print_text(b, "deferred\n");
        b.emit(Instr::Recover); // a direct deferred call: this recovers
        b.emit(Instr::Pop);
        b.emit(Instr::Pop);
        b.emit(Instr::Ret);
    };
    let plain = |b: &mut FunctionBuilder| {
        print_text(b, "deferred\n");
        b.emit(Instr::Ret);
    };
    let p = defer_program(&mut heap, &[&plain], &|b| {
        b.emit(Instr::Const(1));
        b.emit(Instr::Const(0));
        b.emit(Instr::DivI64);
        b.emit(Instr::Pop);
    });
    let (r, out) = run_with(&p, VmConfig::default(), &[]);
    assert_eq!(out, "deferred\n");
    assert_eq!(
        panic_report(r),
        "panic: runtime error: integer divide by zero\n\ngoroutine 1 [running]:\nmain.main(...)\n\t/tmp/m.go:5 +0x4\n"
    );
    // The same with a recovering deferred call returns normally.
    let p = defer_program(&mut heap, &[&note], &index_panic);
    assert_eq!(run(&p, &[]).unwrap(), vec![42]);
}

#[test]
fn repanic_of_the_recovered_value_prints_once() {
    let mut heap = MallocHeap::default();
    // defer func() { panic(recover()) }()
    let repanic = |b: &mut FunctionBuilder| {
        b.emit(Instr::Recover);
        b.emit(Instr::Panic);
    };
    let p = defer_program(&mut heap, &[&repanic], &|b| {
        b.emit(Instr::Const(0));
        b.emit(Instr::Load64(0));
        b.emit(Instr::Pop);
    });
    let report = panic_report(run(&p, &[]));
    let lines: Vec<&str> = report.lines().collect();
    assert_eq!(
        lines[..4],
        [
            "panic: runtime error: invalid memory address or nil pointer dereference [recovered, repanicked]",
            "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]",
            "",
            "goroutine 1 [running]:",
        ]
    );
    // The deferred call is on top of the frame that panicked, as in gc's traces.
    assert_eq!(lines[4], "main.main.func1(...)");
    assert_eq!(lines[6], "main.main(...)");
    assert_eq!(lines[7], "\t/tmp/m.go:5 +0x3");
}

#[test]
fn recover_outside_a_deferred_call_returns_nil() {
    let mut heap = MallocHeap::default();
    let p = defer_program(&mut heap, &[], &|b| {
        b.emit(Instr::Recover);
        b.print(interp::bytecode::PrintKind::Iface);
    });
    let (r, out) = run_with(&p, VmConfig::default(), &[]);
    assert_eq!(r.unwrap(), vec![1]);
    assert_eq!(out, "(0x0,0x0)");
}

#[test]
fn maps_keep_their_entries_through_collections() {
    // m := map[int]*node{}
    // for i := 0; i < n; i++ { p := new(node); p.val = i; m[i] = p; _ = new([64]int) }
    // sum := 0; for i := 0; i < n; i++ { sum += m[i].val }
    // for _, p := range m { sum += p.val }
    // return sum
    use runtime::map::{HEADER_WORDS, INLINE, MapType, key_kind};
    let words = |n: usize, ptrs: &[usize]| {
        let kinds: Vec<Kind> = (0..n).map(|i| if ptrs.contains(&i) { Kind::Pointer } else { Kind::Scalar }).collect();
        WordSet::pointers(&kinds)
    };
    let node = TypeLayout { name: "main.node".into(), size: 16, align: 8, pointers: words(2, &[0]) };
    let junk = TypeLayout { name: "[64]int".into(), size: 512, align: 8, pointers: WordSet::default() };
    let header = TypeLayout { name: "map[int]*main.node".into(), size: 8 * HEADER_WORDS as u64, align: 8, pointers: words(HEADER_WORDS, &[1]) };
    // A group: the control word, then 8 slots of (int key, *node value).
    let group_ptrs: Vec<usize> = (0..8).map(|s| 2 + 2 * s).collect();
    let group = TypeLayout { name: "group".into(), size: 8 + 8 * 16, align: 8, pointers: words(17, &group_ptrs) };
    let alg: Box<[u64]> = runtime::alg::encode(8, &[runtime::alg::Leaf { offset: 0, kind: runtime::alg::LEAF_MEM, size: 8 }]).into();
    let mt = MapType {
        key_size: 8,
        val_size: 8,
        slot_size: 16,
        val_off: 8,
        key_words: 1,
        val_words: 1,
        val_sext: 0,
        key_kind: key_kind::MEM8,
        key_alg: alg.as_ptr() as u64,
        group_ty: 3,
        header_ty: 2,
        c64: 0,
        key_cell_ty: INLINE,
        val_cell_ty: INLINE,
    };
    let mt_words: Box<[u64]> = Box::new(mt.to_words());

    let mut b = FunctionBuilder::new("main.main", Signature::scalars(1, 1));
    let c = b.const_word(mt_words.as_ptr() as u64);
    let m = b.local(Kind::Pointer);
    let i = b.local(Kind::Scalar);
    let p = b.local(Kind::Pointer);
    let sum = b.local(Kind::Scalar);
    let it = b.locals(&[Kind::Pointer, Kind::Pointer, Kind::Pointer, Kind::Pointer, Kind::Scalar, Kind::Scalar, Kind::Scalar, Kind::Scalar]);
    b.emit(Instr::Const(0));
    b.emit(Instr::MapNew(c));
    b.emit(Instr::Store(m));
    let (body, cond, body2, cond2, next, done) = (b.new_label(), b.new_label(), b.new_label(), b.new_label(), b.new_label(), b.new_label());
    b.branch(Instr::Jump(0), cond);
    b.bind(body);
    b.emit(Instr::Alloc(0));
    b.emit(Instr::Store(p));
    b.emit(Instr::Load(p));
    b.emit(Instr::Load(i));
    b.emit(Instr::Store64(8));
    b.emit(Instr::Load(m));
    b.emit(Instr::Load(i));
    b.emit(Instr::Load(p));
    b.emit_runtime(Instr::MapStore(c), 3, &[]);
    b.emit(Instr::Const(0));
    b.emit(Instr::Store(p));
    b.emit(Instr::Alloc(1));
    b.emit(Instr::Pop);
    b.emit(Instr::AddSlotImm { slot: i, imm: 1 });
    b.bind(cond);
    b.emit(Instr::Load(i));
    b.branch(Instr::BrLtSlot { slot: 0, off: 0 }, body);
    b.emit(Instr::Const(0));
    b.emit(Instr::Store(i));
    b.branch(Instr::Jump(0), cond2);
    b.bind(body2);
    b.emit(Instr::Load(m));
    b.emit(Instr::Load(i));
    b.emit_runtime(Instr::MapLoad(c), 2, &[Kind::Pointer]);
    b.emit(Instr::Load64(8));
    b.emit(Instr::Load(sum));
    b.emit(Instr::AddI64);
    b.emit(Instr::Store(sum));
    b.emit(Instr::AddSlotImm { slot: i, imm: 1 });
    b.bind(cond2);
    b.emit(Instr::Load(i));
    b.branch(Instr::BrLtSlot { slot: 0, off: 0 }, body2);
    b.emit(Instr::Load(m));
    b.emit(Instr::MapRangeInit(it));
    b.bind(next);
    b.emit(Instr::MapRangeNext { c, slot: it as u16 });
    b.branch(Instr::JumpIfNot(0), done);
    b.emit(Instr::Load(it + 3));
    b.emit(Instr::LoadPtr(0));
    b.emit(Instr::Load64(8));
    b.emit(Instr::Load(sum));
    b.emit(Instr::AddI64);
    b.emit(Instr::Store(sum));
    b.emit(Instr::Alloc(1));
    b.emit(Instr::Pop);
    b.branch(Instr::Jump(0), next);
    b.bind(done);
    b.emit(Instr::RetSlot(sum));
    let prog = Program::link(vec![b.finish().unwrap()], vec![], vec![node, junk, header, group]).unwrap();

    let config = gc::HeapConfig { gc_percent: 10, poison_freed: true, ..gc::HeapConfig::default() };
    let mut heap = GcHeap::new(config).expect("heap");
    let heap_ptr: *mut GcHeap = &mut heap;
    let n: u64 = 20_000;
    {
        let mut vm = Vm::new(&prog, Box::new(Forward(heap_ptr)), Box::new(std::io::sink()), VmConfig::default());
        assert_eq!(vm.run_main(0, &[n]).unwrap(), vec![n * (n - 1)]);
    }
    assert!(heap.inner().mem_stats().num_gc > 5, "the collector ran only {} times", heap.inner().mem_stats().num_gc);
}

#[test]
fn slot_and_field_operands_fuse_into_one_instruction() {
    let f = |x: f64| x.to_bits();
    // (p.a - p.b) / y * x with p in slot 0, x and y in slots 1 and 2.
    let sig = Signature { params: vec![Kind::Pointer, Kind::Scalar, Kind::Scalar], results: vec![Kind::Scalar] };
    let mut b = FunctionBuilder::new("main.f", sig.clone());
    b.emit(Instr::Load(0));
    b.emit(Instr::Load64(0));
    b.emit(Instr::Load(0));
    b.emit(Instr::Load64(8));
    b.emit(Instr::SubF64);
    b.emit(Instr::Load(2));
    b.emit(Instr::DivF64);
    b.emit(Instr::Load(1));
    b.emit(Instr::MulF64);
    b.emit(Instr::Ret);
    let func = b.finish().unwrap();
    assert_eq!(
        func.code,
        vec![
            Instr::LoadField { slot: 0, off: 0 },
            Instr::SubF64Field { slot: 0, off: 8 },
            Instr::DivF64Slot(2),
            Instr::MulF64Slot(1),
            Instr::Ret
        ]
    );
    let p = Program::link(vec![func], vec![], vec![]).unwrap();
    let fields = [f(7.0), f(1.0)];
    assert_eq!(run(&p, &[fields.as_ptr() as u64, f(5.0), f(2.0)]).unwrap(), vec![f(15.0)]);

    // Loads fuse with the operation after them, and the result fuses again.
    let mut b = FunctionBuilder::new("main.g", sig.clone());
    b.emit(Instr::Load(1));
    b.emit(Instr::Load(2));
    b.emit(Instr::Load(1));
    b.emit(Instr::SubF64);
    b.emit(Instr::SubF64);
    b.emit(Instr::Ret);
    let func = b.finish().unwrap();
    assert_eq!(func.code, vec![Instr::Load(1), Instr::SubF64Slots { a: 2, b: 1 }, Instr::SubF64, Instr::Ret]);
    let p = Program::link(vec![func], vec![], vec![]).unwrap();
    assert_eq!(run(&p, &[0, f(10.0), f(4.0)]).unwrap(), vec![f(16.0)]);

    // p.c -= x * p.b with p.a - p.a first: field pairs, slot times field, and the
    // subtract fused into the store.
    let mut b = FunctionBuilder::new("main.k", sig.clone());
    b.emit(Instr::Load(0));
    b.emit(Instr::Load64(0));
    b.emit(Instr::Load(0));
    b.emit(Instr::Load64(0));
    b.emit(Instr::SubF64);
    b.emit(Instr::Pop);
    b.emit(Instr::Load(0));
    b.emit(Instr::Load64(16));
    b.emit(Instr::Load(1));
    b.emit(Instr::Load(0));
    b.emit(Instr::Load64(8));
    b.emit(Instr::MulF64);
    b.emit(Instr::SubF64);
    b.emit(Instr::StoreField { slot: 0, off: 16 });
    b.emit(Instr::Load(0));
    b.emit(Instr::Load64(16));
    b.emit(Instr::Ret);
    let func = b.finish().unwrap();
    assert_eq!(
        func.code,
        vec![
            Instr::SubF64Fields { p: 0, q: 0, off: 0 },
            Instr::Pop,
            Instr::LoadField { slot: 0, off: 16 },
            Instr::MulF64SlotField { a: 1, p: 0, off: 8 },
            Instr::SubF64StoreField { slot: 0, off: 16 },
            Instr::LoadField { slot: 0, off: 16 },
            Instr::Ret
        ]
    );
    let p = Program::link(vec![func], vec![], vec![]).unwrap();
    let mut fields = [f(7.0), f(3.0), f(100.0)];
    assert_eq!(run(&p, &[fields.as_mut_ptr() as u64, f(5.0), 0]).unwrap(), vec![f(85.0)]);
    assert_eq!(fields[2], f(85.0));

    // Not across a label: a branch may arrive at the second load with its own first
    // operand (the load and the operation after it still fuse).
    let mut b = FunctionBuilder::new("main.h", sig);
    let l = b.new_label();
    b.emit(Instr::Load(1));
    b.bind(l);
    b.emit(Instr::Load(2));
    b.emit(Instr::AddF64);
    b.emit(Instr::Ret);
    let func = b.finish().unwrap();
    assert_eq!(func.code, vec![Instr::Load(1), Instr::AddF64Slot(2), Instr::Ret]);
}

#[test]
fn field_loads_fold_their_address_arithmetic_but_not_across_labels() {
    let sig = Signature { params: vec![Kind::Pointer], results: vec![Kind::Scalar] };
    let mut b = FunctionBuilder::new("main.field", sig.clone());
    b.emit(Instr::Load(0));
    b.emit(Instr::NilCheck);
    b.emit(Instr::AddrOff(8));
    b.emit(Instr::Load64(8));
    b.emit(Instr::Ret);
    let f = b.finish().unwrap();
    assert_eq!(f.code, vec![Instr::LoadField { slot: 0, off: 16 }, Instr::Ret]);

    // A branch lands on the load: nothing before it may be folded away.
    let mut b = FunctionBuilder::new("main.field", sig);
    let l = b.new_label();
    b.emit(Instr::Load(0));
    b.emit(Instr::AddrOff(8));
    b.bind(l);
    b.emit(Instr::Load64(0));
    b.emit(Instr::Ret);
    let f = b.finish().unwrap();
    assert_eq!(f.code, vec![Instr::Load(0), Instr::AddrOff(8), Instr::Load64(0), Instr::Ret]);

    // A nil base still panics, reporting base + offset as gc's signal does.
    let mut b = FunctionBuilder::new("main.main", Signature::scalars(0, 1));
    b.emit(Instr::Const(0));
    b.set_top_kinds(&[Kind::Pointer]);
    b.emit(Instr::NilCheck);
    b.emit(Instr::AddrOff(24));
    b.emit(Instr::Load64(0));
    b.emit(Instr::Ret);
    let p = Program::link(vec![b.finish().unwrap()], vec![], vec![]).unwrap();
    let report = panic_report(run(&p, &[]));
    assert!(report.contains("addr=0x18"), "{report}");
}
