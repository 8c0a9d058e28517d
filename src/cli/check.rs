//! `mvm check`: parse and type-check packages without running them.

use clap::ArgMatches;

/// Runs `mvm check` and returns the exit status.
pub fn main(_m: &ArgMatches) -> i32 {
    eprintln!("mvm check: not implemented yet: the parser and type checker are not built yet");
    super::EXIT_USAGE
}
