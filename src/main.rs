//! The `mvm` command. Argument handling lives in `cli`; this only sets the exit status.

mod cli;

fn main() {
    let code = cli::main(std::env::args_os().skip(1).collect());
    std::process::exit(code);
}
