//! The `mvm` command line, shaped like the `go` command.
//!
//! Each subcommand has a module of its own once it does real work; until then it
//! says in one line that it is not built yet and exits 2, so that no script mistakes
//! it for a working tool.

mod check;
mod goflags;
mod run;

use std::ffi::OsString;

use clap::{Arg, ArgAction, ArgMatches, Command};
use mvm::GoRoot;

/// Exit status for usage errors and for commands that are not built yet, as the go command uses.
const EXIT_USAGE: i32 = 2;

fn run_command() -> Command {
    Command::new("run")
        .about("compile and run a Go program")
        .long_about(
            "Run compiles and runs the named main Go package: a list of .go files from one\n\
             directory, a directory, or - for a program read from standard input. Arguments\n\
             after the files are passed to the program (os.Args[1:]).",
        )
        .override_usage("mvm run [flags] FILE.go... | DIR | - [arguments...]")
        .arg(Arg::new("jit").long("jit").action(ArgAction::SetTrue).help("compile hot loops to native code"))
        .arg(Arg::new("gcflags").long("gcflags").value_name("FLAGS").help("accepted for go compatibility; gc compiler flags have no effect"))
        .arg(Arg::new("ldflags").long("ldflags").value_name("FLAGS").help("linker flags; only -X importpath.name=value has an effect"))
        .arg(Arg::new("race").long("race").action(ArgAction::SetTrue).help("accepted for go compatibility; mvm has no race detector yet"))
        .arg(Arg::new("tags").long("tags").value_name("TAG,...").help("additional build tags"))
        .arg(Arg::new("rundir").long("rundir").action(ArgAction::SetTrue).hide(true)
            .help("treat DIR as a $GOROOT/test rundir: each package clause is a package, the last one main"))
        .arg(Arg::new("rundir-single-file-pkgs").long("rundir-single-file-pkgs").action(ArgAction::SetTrue).hide(true))
        .arg(Arg::new("target").value_name("FILE.go... | DIR | -").num_args(1..).required(true)
            .trailing_var_arg(true).allow_hyphen_values(true))
}

fn check_command() -> Command {
    Command::new("check")
        .about("parse and type-check Go packages without running them")
        .override_usage("mvm check [flags] PATH|PKG...")
        .arg(Arg::new("syntax").long("syntax").action(ArgAction::SetTrue).help("only parse: report syntax errors"))
        .long_about("Check loads the named packages (.go files of one package, import paths, directories,\n\
             ./..., std) and type-checks them, printing file:line:col: message for each error.")
        .arg(Arg::new("paths").value_name("PATH|PKG").num_args(1..).required(true))
}

fn test_command() -> Command {
    Command::new("test")
        .about("run the tests of Go packages, like go test")
        .override_usage("mvm test [flags] [PKG...]")
        .arg(Arg::new("args").num_args(0..).trailing_var_arg(true).allow_hyphen_values(true))
}

fn cli() -> Command {
    Command::new("mvm")
        .about("mvm runs Go programs from source: a bytecode interpreter with a tracing JIT.")
        .override_usage("mvm <command> [arguments]")
        .disable_version_flag(true)
        .disable_help_subcommand(true)
        .subcommand_required(true)
        .subcommand(run_command())
        .subcommand(check_command())
        .subcommand(test_command())
        .subcommand(Command::new("version").about("print the mvm version and the Go installation it uses"))
        .subcommand(
            Command::new("help")
                .about("show help for mvm or one of its commands")
                .arg(Arg::new("command").num_args(0..=1)),
        )
}

/// Runs the command line and returns the exit status.
pub fn main(args: Vec<OsString>) -> i32 {
    let args = normalize_flags(args);
    let mut argv = vec![OsString::from("mvm")];
    argv.extend(args);
    let matches = match cli().try_get_matches_from(argv) {
        Ok(m) => m,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_USAGE } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    match matches.subcommand() {
        Some(("run", m)) => run::main(m),
        Some(("check", m)) => check::main(m),
        Some(("test", m)) => not_built("test", m, "the test engine needs the interpreter, which is not built yet"),
        Some(("version", _)) => version(),
        Some(("help", m)) => help(m.get_one::<String>("command").map(String::as_str)),
        _ => help(None),
    }
}

/// Applies the Go-style single-dash rewrite to the flags of the chosen subcommand.
fn normalize_flags(mut args: Vec<OsString>) -> Vec<OsString> {
    if args.is_empty() {
        return args;
    }
    let rest = args.split_off(1);
    let rest = match args[0].to_str() {
        Some("run") => goflags::normalize(
            rest,
            &["jit", "gcflags", "ldflags", "race", "tags", "rundir", "rundir-single-file-pkgs"],
            &["gcflags", "ldflags", "tags"],
        ),
        Some("check") => goflags::normalize(rest, &["syntax"], &[]),
        _ => rest,
    };
    args.extend(rest);
    args
}

fn not_built(name: &str, _m: &ArgMatches, why: &str) -> i32 {
    eprintln!("mvm {name}: not implemented yet: {why}");
    EXIT_USAGE
}

fn version() -> i32 {
    let (goos, goarch) = mvm::host_platform();
    println!("mvm version {} {goos}/{goarch}", mvm::VERSION);
    match GoRoot::discover() {
        Ok(root) => {
            println!("GOROOT {}", root.path.display());
            println!("Go version {}", root.version);
            0
        }
        Err(e) => {
            eprintln!("mvm: {e}");
            1
        }
    }
}

fn help(topic: Option<&str>) -> i32 {
    let mut cmd = cli();
    match topic {
        None => {
            let _ = cmd.print_help();
            println!();
            0
        }
        Some(name) => match cmd.find_subcommand_mut(name) {
            Some(sub) => {
                let _ = sub.clone().bin_name(format!("mvm {name}")).print_long_help();
                0
            }
            None => {
                eprintln!("mvm help {name}: unknown help topic. Run 'mvm help'.");
                EXIT_USAGE
            }
        },
    }
}
