//! Runs the hand-assembled sieve of Eratosthenes: `cargo run --release -p interp --example sieve [n]`.
//! Prints the result, the time, and (with `--count`) instructions executed and ns each;
//! `--plain` uses only plain stack instructions.

#[path = "shared/asm.rs"]
mod asm;

fn main() {
    asm::run_example(10_000_000, asm::sieve_program, |n, r| format!("primes up to {n}: {r}"));
}
