//! Scanner and parser for Go source files.
//!
//! [`parse_file`] turns one file's bytes into an [`ast::File`] plus the syntax errors
//! found, worded as gc words them. [`parse_header`] stops after the imports, for the
//! package loader. The parts:
//!
//! - [`pos`]: byte-offset positions and the per-file line table (`//line` aware).
//! - [`token`]: the token kinds.
//! - [`scanner`]: bytes → tokens, with semicolon insertion and directive capture.
//! - [`parser`]: tokens → [`ast`], recursive descent in the manner of gc's parser,
//!   with gc's error recovery and a nesting cap so hostile input cannot overflow the stack.
//! - `branches`: gc's label and branch checks (`label L defined and not used`, ...),
//!   run by the parser on each function body.
//! - [`lit`]: decoding of string and rune literal values.
//! - [`print`]: expressions back to Go text, as gc quotes them in error messages.

pub mod ast;
mod branches;
pub mod lit;
pub mod parser;
pub mod pos;
pub mod print;
pub mod scanner;
pub mod token;

pub use ast::File;
pub use pos::{Pos, Position};

/// An error found while parsing: a position in the file and gc's message text
/// (e.g. `syntax error: unexpected newline, expected comma or )`).
///
/// As in gc, only messages starting with `syntax error` stop compilation before type
/// checking; the others (malformed literals, label and branch checks, misplaced
/// `...`) are reported together with the type checker's errors, sorted by position,
/// under the same limit of ten.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// Where gc reports it.
    pub pos: Pos,
    /// The message, without the position.
    pub msg: String,
}

/// The most errors reported for one file; gc stops at 10 errors as well.
pub const MAX_ERRORS: usize = 10;

/// Parsing options for [`parse_with`].
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Stop after the imports (see [`parse_header`]).
    pub header_only: bool,
    /// Stop after this many errors (gc's `-e` flag lifts its limit of 10; errorcheck
    /// tests use it).
    pub max_errors: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options { header_only: false, max_errors: MAX_ERRORS }
    }
}

/// Parses a file with explicit [`Options`].
pub fn parse_with(name: &str, src: &[u8], opts: Options) -> (File, Vec<Error>) {
    parser::parse(name, src, opts)
}

/// Parses a whole Go source file. Never panics; on errors the tree still covers
/// whatever could be parsed (with `Bad` nodes in the gaps). At most [`MAX_ERRORS`]
/// errors are returned, at most one syntax error per line, as gc reports them.
pub fn parse_file(name: &str, src: &[u8]) -> (File, Vec<Error>) {
    parser::parse(name, src, Options::default())
}

/// Parses only the package clause, the imports and the comments before them (build
/// constraints): what the package loader needs to select files and order packages.
pub fn parse_header(name: &str, src: &[u8]) -> (File, Vec<Error>) {
    parser::parse(name, src, Options { header_only: true, ..Options::default() })
}
