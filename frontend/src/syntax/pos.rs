//! Source positions: a byte offset per node, resolved to `file:line:col` on demand.
//!
//! Every node stores a [`Pos`], a `u32` byte offset into its file's source. A
//! [`LineTable`] (built once per file) turns an offset into a 1-based line and a
//! 1-based *byte* column, which is what gc prints. `//line` directives, which
//! rename the file and renumber lines for the code after them (generated code,
//! some `$GOROOT/test` files), are recorded in the table and applied by
//! [`LineTable::position`]; [`LineTable::raw_position`] ignores them.

use std::fmt;

/// A byte offset into one file's source. Cheap to copy and to store in every node.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos(pub u32);

impl Pos {
    /// The offset as a `usize`, for slicing the source.
    pub fn offset(self) -> usize {
        self.0 as usize
    }
}

/// A resolved position: what an error message prints before its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Position<'a> {
    /// The file name (the one given to the parser, or the one a `//line` directive set).
    pub filename: &'a str,
    /// 1-based line.
    pub line: u32,
    /// 1-based byte column; 0 when a `//line` directive gave a line but no column.
    pub col: u32,
}

impl fmt::Display for Position<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.col > 0 {
            write!(f, "{}:{}:{}", self.filename, self.line, self.col)
        } else {
            write!(f, "{}:{}", self.filename, self.line)
        }
    }
}

/// A `//line filename:line[:col]` or `/*line filename:line[:col]*/` directive: the
/// source from `start` on is reported as coming from `filename`, starting at `line`
/// (and `col`, when given, for the first line only).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineDirective {
    /// Offset of the first byte the directive applies to (the byte after the comment,
    /// or after its newline for a `//line` comment).
    pub start: u32,
    /// The file name to report; empty means "keep the previous name".
    pub filename: String,
    /// Line number of the byte at `start`.
    pub line: u32,
    /// Column of the byte at `start`, or 0 when the directive gave none.
    pub col: u32,
}

/// Line starts of one file plus its `//line` directives.
#[derive(Clone, Debug, Default)]
pub struct LineTable {
    /// Offsets of the first byte of every line; `lines[0] == 0`.
    lines: Vec<u32>,
    /// `//line` directives in source order.
    directives: Vec<LineDirective>,
}

impl LineTable {
    /// Builds the table for `src`.
    pub fn new(src: &[u8]) -> LineTable {
        let mut lines = Vec::with_capacity(src.len() / 32 + 1);
        lines.push(0);
        // Eight bytes at a time: most words hold no newline.
        const NL: u64 = 0x0a0a_0a0a_0a0a_0a0a;
        const LO: u64 = 0x0101_0101_0101_0101;
        const HI: u64 = 0x8080_8080_8080_8080;
        let mut chunks = src.chunks_exact(8);
        let mut base = 0u32;
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]) ^ NL;
            if w.wrapping_sub(LO) & !w & HI != 0 {
                for (i, &b) in c.iter().enumerate() {
                    if b == b'\n' {
                        lines.push(base + i as u32 + 1);
                    }
                }
            }
            base += 8;
        }
        for (i, &b) in chunks.remainder().iter().enumerate() {
            if b == b'\n' {
                lines.push(base + i as u32 + 1);
            }
        }
        LineTable { lines, directives: Vec::new() }
    }

    /// Records a `//line` directive (the scanner finds them; they arrive in order).
    pub(crate) fn add_directive(&mut self, d: LineDirective) {
        self.directives.push(d);
    }

    /// The recorded `//line` directives.
    pub fn directives(&self) -> &[LineDirective] {
        &self.directives
    }

    /// Number of lines in the file.
    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    /// Line and column of `pos` in the file as written, ignoring `//line` directives.
    pub fn raw_position(&self, pos: Pos) -> (u32, u32) {
        let idx = self.lines.partition_point(|&start| start <= pos.0).saturating_sub(1);
        let start = self.lines.get(idx).copied().unwrap_or(0);
        (idx as u32 + 1, pos.0.saturating_sub(start) + 1)
    }

    /// The position gc would print for `pos`, honouring `//line` directives.
    pub fn position<'a>(&'a self, filename: &'a str, pos: Pos) -> Position<'a> {
        let (line, col) = self.raw_position(pos);
        let idx = self.directives.partition_point(|d| d.start <= pos.0);
        let Some(d) = idx.checked_sub(1).and_then(|i| self.directives.get(i)) else {
            return Position { filename, line, col };
        };
        // Find the last directive at or before pos that names a file, for the name.
        let name = self.directives[..idx]
            .iter()
            .rev()
            .find(|d| !d.filename.is_empty())
            .map(|d| d.filename.as_str())
            .unwrap_or(filename);
        let (dline, dcol) = self.raw_position(Pos(d.start));
        let rel = line - dline;
        let line = d.line.saturating_add(rel);
        let col = if d.col == 0 {
            0
        } else if rel == 0 {
            d.col + (col - dcol)
        } else {
            col
        };
        Position { filename: name, line, col }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        let t = LineTable::new(b"ab\ncd\n\nx");
        assert_eq!(t.raw_position(Pos(0)), (1, 1));
        assert_eq!(t.raw_position(Pos(1)), (1, 2));
        assert_eq!(t.raw_position(Pos(2)), (1, 3));
        assert_eq!(t.raw_position(Pos(3)), (2, 1));
        assert_eq!(t.raw_position(Pos(6)), (3, 1));
        assert_eq!(t.raw_position(Pos(7)), (4, 1));
    }

    #[test]
    fn line_directive_renumbers() {
        let mut t = LineTable::new(b"a\n//line x.go:10\nb\nc\n");
        t.add_directive(LineDirective { start: 17, filename: "x.go".into(), line: 10, col: 0 });
        assert_eq!(t.position("f.go", Pos(0)).to_string(), "f.go:1:1");
        assert_eq!(t.position("f.go", Pos(17)).to_string(), "x.go:10");
        assert_eq!(t.position("f.go", Pos(19)).to_string(), "x.go:11");
    }
}
