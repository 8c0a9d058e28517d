//! Go-style flags on top of clap.
//!
//! The go command spells long flags with one dash (`-gcflags=-N`, `-run X`), which
//! clap reads as a cluster of short flags. Before clap sees the arguments, a word
//! that starts with a single dash and names one of the subcommand's long flags gets a
//! second dash. Rewriting stops at the first positional argument, so a program's own
//! arguments after the file names are passed through untouched.

use std::ffi::OsString;

/// Rewrites `-name` / `-name=value` to `--name` / `--name=value` for the given long
/// flag names, up to the first argument that is not a flag. `takes_value` names the
/// flags whose value may follow as a separate word.
pub fn normalize(args: Vec<OsString>, long_flags: &[&str], takes_value: &[&str]) -> Vec<OsString> {
    let mut out = Vec::with_capacity(args.len());
    let mut iter = args.into_iter();
    while let Some(arg) = iter.next() {
        let Some(s) = arg.to_str() else {
            out.push(arg);
            break;
        };
        if s == "--" || !s.starts_with('-') || s == "-" {
            out.push(arg);
            break;
        }
        let body = s.trim_start_matches('-');
        let name = body.split('=').next().unwrap_or("");
        if long_flags.contains(&name) {
            let has_inline_value = body.contains('=');
            out.push(OsString::from(format!("--{body}")));
            if takes_value.contains(&name)
                && !has_inline_value
                && let Some(v) = iter.next()
            {
                out.push(v);
            }
        } else {
            // A short flag or an unknown one: clap reports it properly.
            out.push(arg);
        }
    }
    out.extend(iter);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(args: &[&str]) -> Vec<String> {
        normalize(args.iter().map(OsString::from).collect(), &["gcflags", "jit", "rundir"], &["gcflags"])
            .into_iter()
            .map(|s| s.into_string().unwrap())
            .collect()
    }

    #[test]
    fn single_dash_long_flags_get_two() {
        assert_eq!(n(&["-gcflags=-N", "-jit", "x.go"]), ["--gcflags=-N", "--jit", "x.go"]);
        assert_eq!(n(&["-gcflags", "-N -l", "x.go"]), ["--gcflags", "-N -l", "x.go"]);
    }

    #[test]
    fn program_arguments_are_untouched() {
        assert_eq!(n(&["x.go", "-jit", "-gcflags"]), ["x.go", "-jit", "-gcflags"]);
        assert_eq!(n(&["-", "-jit"]), ["-", "-jit"]);
        assert_eq!(n(&["--jit", "-v"]), ["--jit", "-v"]);
    }
}
