//! Runs the hand-assembled recursive fib: `cargo run --release -p interp --example fib [n]`.
//! Prints the result, the time, and (with `--count`) instructions executed and ns each;
//! `--plain` uses only plain stack instructions.

#[path = "shared/asm.rs"]
mod asm;

fn main() {
    asm::run_example(35, asm::fib_program, |n, r| format!("fib({n}) = {r}"));
}
