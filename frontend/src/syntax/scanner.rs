//! The scanner: source bytes → tokens, following gc's scanner.
//!
//! It works on the whole file in memory, one byte at a time on the ASCII fast path.
//! Semicolons are inserted as the spec says: after a line's final token if that is an
//! identifier, a literal, one of `break continue fallthrough return ++ -- ) ] }`, a
//! newline or EOF becomes a [`Tok::Semi`] whose [`Scanner::lit`] is `"newline"` or
//! `"EOF"` (gc's error messages print that word). Lexical errors are collected with
//! gc's wording; every comment is recorded, and directives (`//go:`, `//line`,
//! `// +build`, `//export`) are also recorded with their kind.

use super::ast::{Comment, Directive, DirectiveKind, LitKind};
use super::pos::{LineDirective, Pos};
use super::token::{Op, Tok, PREC_ADD, PREC_ANDAND, PREC_CMP, PREC_MUL, PREC_OROR};

/// The scanner state; the current token is in the public fields after [`Scanner::next`].
pub struct Scanner<'a> {
    src: &'a [u8],
    /// Current character (-1 at EOF).
    ch: i32,
    /// Offset of `ch`.
    chpos: usize,
    /// Offset just after `ch`.
    r: usize,
    nlsemi: bool,

    /// Current token kind.
    pub tok: Tok,
    /// Offset of the current token.
    pub pos: u32,
    /// End offset of the current token.
    pub end: u32,
    /// For `Semi`: "semicolon", "newline" or "EOF".
    pub semi_lit: &'static str,
    /// For `Literal`: its kind.
    pub kind: LitKind,
    /// For `Literal`: it had a lexical error.
    pub bad: bool,
    /// For `Operator`, `AssignOp`, `IncOp`, `Star`: the operator.
    pub op: Op,
    /// For operators: the binary precedence (0 for unary-only operators).
    pub prec: u8,

    /// Lexical errors, in order.
    pub errors: Vec<(Pos, String)>,
    /// Every comment.
    pub comments: Vec<Comment>,
    /// Every directive comment.
    pub directives: Vec<Directive>,
    /// `//line` directives, in order.
    pub line_directives: Vec<LineDirective>,
}

fn lower(c: i32) -> i32 {
    c | 0x20
}
fn is_letter(c: i32) -> bool {
    (b'a' as i32..=b'z' as i32).contains(&lower(c)) || c == b'_' as i32
}
fn is_decimal(c: i32) -> bool {
    (b'0' as i32..=b'9' as i32).contains(&c)
}
fn is_hex(c: i32) -> bool {
    is_decimal(c) || (b'a' as i32..=b'f' as i32).contains(&lower(c))
}

/// Formats a character as Go's `%#U` does: `U+0040 '@'`.
pub fn fmt_u(c: u32) -> String {
    match char::from_u32(c) {
        Some(ch) if !ch.is_control() => format!("U+{c:04X} '{ch}'"),
        _ => format!("U+{c:04X}"),
    }
}

/// Formats a character as Go's `%q` does for a rune.
pub fn fmt_q(c: i32) -> String {
    let Some(ch) = u32::try_from(c).ok().and_then(char::from_u32) else {
        return "'\\ufffd'".into();
    };
    match ch {
        '\'' => "'\\''".into(),
        '\\' => "'\\\\'".into(),
        '\n' => "'\\n'".into(),
        '\t' => "'\\t'".into(),
        '\r' => "'\\r'".into(),
        '\0' => "'\\x00'".into(),
        c if c.is_control() => {
            if (c as u32) < 0x80 {
                format!("'\\x{:02x}'", c as u32)
            } else {
                format!("'\\u{:04x}'", c as u32)
            }
        }
        c => format!("'{c}'"),
    }
}

fn base_name(base: u32) -> &'static str {
    match base {
        2 => "binary",
        8 => "octal",
        16 => "hexadecimal",
        _ => "decimal",
    }
}

impl<'a> Scanner<'a> {
    /// A scanner at the start of `src` (skipping a leading byte-order mark).
    pub fn new(src: &'a [u8]) -> Scanner<'a> {
        let mut s = Scanner {
            src,
            ch: b' ' as i32,
            chpos: 0,
            r: 0,
            nlsemi: false,
            tok: Tok::Eof,
            pos: 0,
            end: 0,
            semi_lit: "",
            kind: LitKind::Int,
            bad: false,
            op: Op::None,
            prec: 0,
            errors: Vec::new(),
            comments: Vec::new(),
            directives: Vec::new(),
            line_directives: Vec::new(),
        };
        if src.starts_with(&[0xEF, 0xBB, 0xBF]) {
            s.r = 3;
        }
        s.nextch();
        s
    }

    fn error_at(&mut self, pos: usize, msg: String) {
        self.errors.push((Pos(pos as u32), msg));
    }

    /// Reports an error at the current character.
    fn errorf(&mut self, msg: String) {
        self.error_at(self.chpos, msg);
    }

    #[inline(always)]
    fn nextch(&mut self) {
        self.chpos = self.r;
        match self.src.get(self.r) {
            Some(&b) if b != 0 && b < 0x80 => {
                self.r += 1;
                self.ch = b as i32;
            }
            _ => self.nextch_slow(),
        }
    }

    /// `nextch` for EOF, NUL, and non-ASCII input.
    #[cold]
    fn nextch_slow(&mut self) {
        loop {
            self.chpos = self.r;
            let Some(&b) = self.src.get(self.r) else {
                self.ch = -1;
                return;
            };
            if b < 0x80 {
                self.r += 1;
                self.ch = b as i32;
                if b == 0 {
                    self.errorf("invalid NUL character".into());
                    continue;
                }
                return;
            }
            match decode_utf8(&self.src[self.r..]) {
                Some((c, w)) => {
                    self.r += w;
                    self.ch = c as i32;
                    if c == 0xFEFF {
                        if self.chpos > 0 {
                            self.errorf("invalid BOM in the middle of the file".into());
                        }
                        continue;
                    }
                    return;
                }
                None => {
                    self.r += 1;
                    self.ch = 0xFFFD;
                    self.errorf("invalid UTF-8 encoding".into());
                    continue;
                }
            }
        }
    }

    /// Advances over the current character and those after it while they are
    /// ASCII (not NUL) and satisfy `keep`; the first other byte becomes the current
    /// character through `nextch`, so NUL, non-ASCII and EOF get their usual
    /// handling. The fast path of identifiers, strings, comments and blanks.
    #[inline(always)]
    fn skip_ascii(&mut self, keep: impl Fn(u8) -> bool) {
        if !(0..0x80).contains(&self.ch) || !keep(self.ch as u8) {
            return;
        }
        let mut i = self.r;
        while let Some(&b) = self.src.get(i) {
            if b == 0 || b >= 0x80 || !keep(b) {
                break;
            }
            i += 1;
        }
        self.r = i;
        self.nextch();
    }

    /// Whether the current token is the first on its line (used for `//line`).
    fn at_line_start(&self, pos: usize) -> bool {
        pos == 0 || self.src.get(pos - 1) == Some(&b'\n')
    }

    /// Advances to the next token.
    pub fn next(&mut self) {
        let nlsemi = self.nlsemi;
        self.nlsemi = false;
        loop {
            self.skip_ascii(|b| b == b' ' || b == b'\t' || b == b'\r' || (b == b'\n' && !nlsemi));
            self.pos = self.chpos as u32;
            if is_letter(self.ch) || (self.ch >= 0x80 && self.at_ident_char(true)) {
                self.nextch();
                self.ident();
                self.end = self.chpos as u32;
                return;
            }
            if self.token(nlsemi) {
                self.end = self.chpos as u32;
                return;
            }
        }
    }

    /// Scans a non-identifier token; returns false when it skipped a comment or an
    /// invalid character and the caller must scan again.
    fn token(&mut self, nlsemi: bool) -> bool {
        let c = self.ch;
        if c < 0 {
            if nlsemi {
                self.semi_lit = "EOF";
                self.tok = Tok::Semi;
            } else {
                self.tok = Tok::Eof;
            }
            return true;
        }
        let Ok(c) = u8::try_from(c) else {
            // Unreachable in practice: every non-ASCII character starts an
            // identifier. Skip it rather than misread it.
            self.errorf(format!("invalid character {}", fmt_u(self.ch as u32)));
            self.nextch();
            return false;
        };
        if c >= 0x80 {
            self.errorf(format!("invalid character {}", fmt_u(c as u32)));
            self.nextch();
            return false;
        }
        match c {
            b'\n' => {
                self.nextch();
                self.semi_lit = "newline";
                self.tok = Tok::Semi;
            }
            b'0'..=b'9' => self.number(false),
            b'"' => self.std_string(),
            b'`' => self.raw_string(),
            b'\'' => self.rune(),
            b'(' => self.simple(Tok::Lparen, false),
            b'[' => self.simple(Tok::Lbrack, false),
            b'{' => self.simple(Tok::Lbrace, false),
            b',' => self.simple(Tok::Comma, false),
            b';' => {
                self.nextch();
                self.semi_lit = "semicolon";
                self.tok = Tok::Semi;
            }
            b')' => self.simple(Tok::Rparen, true),
            b']' => self.simple(Tok::Rbrack, true),
            b'}' => self.simple(Tok::Rbrace, true),
            b':' => {
                self.nextch();
                if self.ch == b'=' as i32 {
                    self.nextch();
                    self.tok = Tok::Define;
                } else {
                    self.tok = Tok::Colon;
                }
            }
            b'.' => {
                self.nextch();
                if is_decimal(self.ch) {
                    self.number(true);
                } else if self.ch == b'.' as i32 && self.src.get(self.r) == Some(&b'.') {
                    self.nextch();
                    self.nextch();
                    self.tok = Tok::DotDotDot;
                } else {
                    self.tok = Tok::Dot;
                }
            }
            b'+' | b'-' => {
                self.nextch();
                self.op = if c == b'+' { Op::Add } else { Op::Sub };
                self.prec = PREC_ADD;
                if self.ch == c as i32 {
                    self.nextch();
                    self.nlsemi = true;
                    self.tok = Tok::IncOp;
                } else {
                    self.assignop();
                }
            }
            b'*' => {
                self.nextch();
                self.op = Op::Mul;
                self.prec = PREC_MUL;
                if self.ch == b'=' as i32 {
                    self.nextch();
                    self.tok = Tok::AssignOp;
                } else {
                    self.tok = Tok::Star;
                }
            }
            b'/' => {
                self.nextch();
                if self.ch == b'/' as i32 {
                    self.nextch();
                    self.line_comment();
                    return false;
                }
                if self.ch == b'*' as i32 {
                    self.nextch();
                    let start = self.pos as usize;
                    self.full_comment();
                    let multiline = self.src.get(start..self.chpos).is_some_and(|s| s.contains(&b'\n'));
                    if multiline && nlsemi {
                        // A multi-line comment acts like a newline.
                        self.pos = start as u32;
                        self.semi_lit = "newline";
                        self.tok = Tok::Semi;
                        return true;
                    }
                    return false;
                }
                self.op = Op::Div;
                self.prec = PREC_MUL;
                self.assignop();
            }
            b'%' => {
                self.nextch();
                self.op = Op::Rem;
                self.prec = PREC_MUL;
                self.assignop();
            }
            b'&' => {
                self.nextch();
                if self.ch == b'&' as i32 {
                    self.nextch();
                    self.operator(Op::AndAnd, PREC_ANDAND);
                } else {
                    self.op = Op::And;
                    self.prec = PREC_MUL;
                    if self.ch == b'^' as i32 {
                        self.nextch();
                        self.op = Op::AndNot;
                    }
                    self.assignop();
                }
            }
            b'|' => {
                self.nextch();
                if self.ch == b'|' as i32 {
                    self.nextch();
                    self.operator(Op::OrOr, PREC_OROR);
                } else {
                    self.op = Op::Or;
                    self.prec = PREC_ADD;
                    self.assignop();
                }
            }
            b'^' => {
                self.nextch();
                self.op = Op::Xor;
                self.prec = PREC_ADD;
                self.assignop();
            }
            b'<' => {
                self.nextch();
                if self.ch == b'=' as i32 {
                    self.nextch();
                    self.operator(Op::Leq, PREC_CMP);
                } else if self.ch == b'<' as i32 {
                    self.nextch();
                    self.op = Op::Shl;
                    self.prec = PREC_MUL;
                    self.assignop();
                } else if self.ch == b'-' as i32 {
                    self.nextch();
                    self.tok = Tok::Arrow;
                } else {
                    self.operator(Op::Lss, PREC_CMP);
                }
            }
            b'>' => {
                self.nextch();
                if self.ch == b'=' as i32 {
                    self.nextch();
                    self.operator(Op::Geq, PREC_CMP);
                } else if self.ch == b'>' as i32 {
                    self.nextch();
                    self.op = Op::Shr;
                    self.prec = PREC_MUL;
                    self.assignop();
                } else {
                    self.operator(Op::Gtr, PREC_CMP);
                }
            }
            b'=' => {
                self.nextch();
                if self.ch == b'=' as i32 {
                    self.nextch();
                    self.operator(Op::Eql, PREC_CMP);
                } else {
                    self.tok = Tok::Assign;
                }
            }
            b'!' => {
                self.nextch();
                if self.ch == b'=' as i32 {
                    self.nextch();
                    self.operator(Op::Neq, PREC_CMP);
                } else {
                    self.operator(Op::Not, 0);
                }
            }
            b'~' => {
                self.nextch();
                self.operator(Op::Tilde, 0);
            }
            _ => {
                self.errorf(format!("invalid character {}", fmt_u(c as u32)));
                self.nextch();
                return false;
            }
        }
        true
    }

    fn simple(&mut self, tok: Tok, nlsemi: bool) {
        self.nextch();
        self.nlsemi = nlsemi;
        self.tok = tok;
    }

    fn operator(&mut self, op: Op, prec: u8) {
        self.op = op;
        self.prec = prec;
        self.tok = Tok::Operator;
    }

    fn assignop(&mut self) {
        if self.ch == b'=' as i32 {
            self.nextch();
            self.tok = Tok::AssignOp;
        } else {
            self.tok = Tok::Operator;
        }
    }

    fn ident(&mut self) {
        loop {
            self.skip_ascii(|b| b.is_ascii_alphanumeric() || b == b'_');
            if self.ch >= 0x80 && self.at_ident_char(false) {
                self.nextch();
                continue;
            }
            break;
        }
        let lit = &self.src[self.pos as usize..self.chpos];
        if lit.len() >= 2
            && let Some(tok) = Tok::keyword(lit)
        {
            self.nlsemi = matches!(tok, Tok::Break | Tok::Continue | Tok::Fallthrough | Tok::Return);
            self.tok = tok;
            return;
        }
        self.nlsemi = true;
        self.tok = Tok::Name;
    }

    fn at_ident_char(&mut self, first: bool) -> bool {
        let c = self.ch;
        if is_letter(c) || is_decimal(c) {
            return true;
        }
        if c < 0x80 {
            return false;
        }
        let ch = char::from_u32(c as u32).unwrap_or('\u{FFFD}');
        if ch.is_alphabetic() {
            return true;
        }
        if ch.is_numeric() {
            if first {
                self.errorf(format!("identifier cannot begin with digit {}", fmt_u(c as u32)));
            }
            return true;
        }
        // Any other non-ASCII character is taken into the identifier, with an
        // error, as gc does: one bad character gives one error, not a cascade.
        self.errorf(format!("invalid character {} in identifier", fmt_u(c as u32)));
        true
    }

    fn set_lit(&mut self, kind: LitKind, ok: bool) {
        self.nlsemi = true;
        self.tok = Tok::Literal;
        self.kind = kind;
        self.bad = !ok;
    }

    fn digits(&mut self, base: u32, invalid: &mut Option<usize>) -> u8 {
        let mut digsep = 0;
        if base <= 10 {
            let max = b'0' as i32 + base as i32;
            while is_decimal(self.ch) || self.ch == b'_' as i32 {
                let mut ds = 1;
                if self.ch == b'_' as i32 {
                    ds = 2;
                } else if self.ch >= max && invalid.is_none() {
                    *invalid = Some(self.chpos - self.pos as usize);
                }
                digsep |= ds;
                self.nextch();
            }
        } else {
            while is_hex(self.ch) || self.ch == b'_' as i32 {
                digsep |= if self.ch == b'_' as i32 { 2 } else { 1 };
                self.nextch();
            }
        }
        digsep
    }

    fn number(&mut self, mut seen_point: bool) {
        let mut ok = true;
        let mut kind = LitKind::Int;
        let mut base = 10;
        let mut prefix = 0u8;
        let mut digsep = 0u8;
        let mut invalid = None;
        if !seen_point {
            if self.ch == b'0' as i32 {
                self.nextch();
                match lower(self.ch) as u8 {
                    b'x' => {
                        self.nextch();
                        base = 16;
                        prefix = b'x';
                    }
                    b'o' => {
                        self.nextch();
                        base = 8;
                        prefix = b'o';
                    }
                    b'b' => {
                        self.nextch();
                        base = 2;
                        prefix = b'b';
                    }
                    _ => {
                        base = 8;
                        prefix = b'0';
                        digsep = 1;
                    }
                }
            }
            digsep |= self.digits(base, &mut invalid);
            if self.ch == b'.' as i32 {
                if prefix == b'o' || prefix == b'b' {
                    self.errorf(format!("invalid radix point in {} literal", base_name(base)));
                    ok = false;
                }
                self.nextch();
                seen_point = true;
            }
        }
        if seen_point {
            kind = LitKind::Float;
            digsep |= self.digits(base, &mut invalid);
        }
        if digsep & 1 == 0 && ok {
            self.errorf(format!("{} literal has no digits", base_name(base)));
            ok = false;
        }
        let e = lower(self.ch);
        if e == b'e' as i32 || e == b'p' as i32 {
            if ok {
                if e == b'e' as i32 && prefix != 0 && prefix != b'0' {
                    self.errorf(format!("{} exponent requires decimal mantissa", fmt_q(self.ch)));
                    ok = false;
                } else if e == b'p' as i32 && prefix != b'x' {
                    self.errorf(format!("{} exponent requires hexadecimal mantissa", fmt_q(self.ch)));
                    ok = false;
                }
            }
            self.nextch();
            kind = LitKind::Float;
            if self.ch == b'+' as i32 || self.ch == b'-' as i32 {
                self.nextch();
            }
            let mut none = None;
            digsep = self.digits(10, &mut none) | (digsep & 2);
            if digsep & 1 == 0 && ok {
                self.errorf("exponent has no digits".into());
                ok = false;
            }
        } else if prefix == b'x' && kind == LitKind::Float && ok {
            self.errorf("hexadecimal mantissa requires a 'p' exponent".into());
            ok = false;
        }
        if self.ch == b'i' as i32 {
            kind = LitKind::Imag;
            self.nextch();
        }
        let start = self.pos as usize;
        if kind == LitKind::Int && ok
            && let Some(i) = invalid
        {
            let d = self.src.get(start + i).copied().unwrap_or(b'0');
            self.error_at(start + i, format!("invalid digit {} in {} literal", fmt_q(d as i32), base_name(base)));
            ok = false;
        }
        if digsep & 2 != 0 && ok
            && let Some(i) = invalid_sep(&self.src[start..self.chpos])
        {
            self.error_at(start + i, "'_' must separate successive digits".into());
            ok = false;
        }
        self.set_lit(kind, ok);
    }

    fn rune(&mut self) {
        let mut ok = true;
        self.nextch();
        let mut n = 0;
        loop {
            if self.ch == b'\'' as i32 {
                if ok {
                    if n == 0 {
                        self.errorf("empty rune literal or unescaped '".into());
                        ok = false;
                    } else if n != 1 {
                        self.error_at(self.pos as usize, "more than one character in rune literal".into());
                        ok = false;
                    }
                }
                self.nextch();
                break;
            }
            if self.ch == b'\\' as i32 {
                self.nextch();
                if !self.escape(b'\'') {
                    ok = false;
                }
                n += 1;
                continue;
            }
            if self.ch == b'\n' as i32 {
                if ok {
                    self.errorf("newline in rune literal".into());
                    ok = false;
                }
                break;
            }
            if self.ch < 0 {
                if ok {
                    self.error_at(self.pos as usize, "rune literal not terminated".into());
                    ok = false;
                }
                break;
            }
            self.nextch();
            n += 1;
        }
        self.set_lit(LitKind::Rune, ok);
    }

    fn std_string(&mut self) {
        let mut ok = true;
        self.nextch();
        loop {
            self.skip_ascii(|b| b != b'"' && b != b'\\' && b != b'\n');
            if self.ch == b'"' as i32 {
                self.nextch();
                break;
            }
            if self.ch == b'\\' as i32 {
                self.nextch();
                if !self.escape(b'"') {
                    ok = false;
                }
                continue;
            }
            if self.ch == b'\n' as i32 {
                self.errorf("newline in string".into());
                ok = false;
                break;
            }
            if self.ch < 0 {
                self.error_at(self.pos as usize, "string not terminated".into());
                ok = false;
                break;
            }
            self.nextch();
        }
        self.set_lit(LitKind::String, ok);
    }

    fn raw_string(&mut self) {
        let mut ok = true;
        self.nextch();
        loop {
            self.skip_ascii(|b| b != b'`');
            if self.ch == b'`' as i32 {
                self.nextch();
                break;
            }
            if self.ch < 0 {
                self.error_at(self.pos as usize, "string not terminated".into());
                ok = false;
                break;
            }
            self.nextch();
        }
        self.set_lit(LitKind::String, ok);
    }

    fn escape(&mut self, quote: u8) -> bool {
        let (n, base, max): (u32, u32, u32) = match self.ch {
            c if c == quote as i32 => {
                self.nextch();
                return true;
            }
            c if (0..0x80).contains(&c) && b"abfnrtv\\".contains(&(c as u8)) => {
                self.nextch();
                return true;
            }
            c if (b'0' as i32..=b'7' as i32).contains(&c) => (3, 8, 255),
            c if c == b'x' as i32 => {
                self.nextch();
                (2, 16, 255)
            }
            c if c == b'u' as i32 => {
                self.nextch();
                (4, 16, 0x10FFFF)
            }
            c if c == b'U' as i32 => {
                self.nextch();
                (8, 16, 0x10FFFF)
            }
            c => {
                if c < 0 {
                    return true;
                }
                self.errorf("unknown escape".into());
                return false;
            }
        };
        let mut x: u32 = 0;
        for _ in 0..n {
            if self.ch < 0 {
                return true;
            }
            let d = if is_decimal(self.ch) {
                (self.ch - b'0' as i32) as u32
            } else if (b'a' as i32..=b'f' as i32).contains(&lower(self.ch)) {
                (lower(self.ch) - b'a' as i32) as u32 + 10
            } else {
                base
            };
            if d >= base {
                self.errorf(format!("invalid character {} in {} escape", fmt_q(self.ch), base_name(base)));
                return false;
            }
            x = x.wrapping_mul(base).wrapping_add(d);
            self.nextch();
        }
        if x > max && base == 8 {
            self.errorf(format!("octal escape value {x} > 255"));
            return false;
        }
        if x > max || (0xD800..0xE000).contains(&x) {
            self.errorf(format!("escape is invalid Unicode code point {}", fmt_u(x)));
            return false;
        }
        true
    }

    fn skip_line(&mut self) {
        loop {
            self.skip_ascii(|b| b != b'\n');
            if self.ch < 0 || self.ch == b'\n' as i32 {
                break;
            }
            self.nextch();
        }
    }

    fn line_comment(&mut self) {
        let start = self.pos as usize;
        self.skip_line();
        let end = self.chpos;
        self.record_comment(start, end);
    }

    fn full_comment(&mut self) {
        let start = self.pos as usize;
        let mut closed = false;
        'outer: while self.ch >= 0 {
            self.skip_ascii(|b| b != b'*');
            while self.ch == b'*' as i32 {
                self.nextch();
                if self.ch == b'/' as i32 {
                    self.nextch();
                    closed = true;
                    break 'outer;
                }
            }
            self.nextch();
        }
        if !closed {
            self.error_at(start, "comment not terminated".into());
            return;
        }
        self.record_comment(start, self.chpos);
    }

    fn record_comment(&mut self, start: usize, end: usize) {
        let len = (end - start) as u32;
        self.comments.push(Comment { pos: Pos(start as u32), len });
        let text = &self.src[start..end];
        let kind = if text.starts_with(b"//go:build") {
            DirectiveKind::GoBuild
        } else if text.starts_with(b"//go:embed") {
            DirectiveKind::Embed
        } else if text.starts_with(b"//go:linkname") {
            DirectiveKind::Linkname
        } else if text.starts_with(b"//go:") {
            DirectiveKind::Pragma
        } else if text.starts_with(b"//line ") || text.starts_with(b"/*line ") {
            if text[1] == b'*' || self.at_line_start(start) {
                self.line_directive(start, end);
            }
            DirectiveKind::Line
        } else if text.starts_with(b"//export ") {
            DirectiveKind::Export
        } else if is_plus_build(text) {
            DirectiveKind::PlusBuild
        } else {
            return;
        };
        self.directives.push(Directive { pos: Pos(start as u32), len, kind });
    }

    /// Records `//line file:line[:col]`; malformed ones are ignored (gc reports some of
    /// them, but they never occur in code that compiles).
    fn line_directive(&mut self, start: usize, end: usize) {
        let block = self.src[start + 1] == b'*';
        let text = if block { &self.src[start + 7..end.saturating_sub(2).max(start + 7)] } else { &self.src[start + 7..end] };
        let Ok(text) = std::str::from_utf8(text) else { return };
        let text = text.trim_end_matches('\r');
        let Some((rest, last)) = text.rsplit_once(':') else { return };
        let Ok(n1) = last.parse::<u32>() else { return };
        let (filename, line, col) = match rest.rsplit_once(':').map(|(f, l)| (f, l.parse::<u32>())) {
            Some((f, Ok(l))) => (f, l, n1),
            _ => (rest, n1, 0),
        };
        if line == 0 {
            return;
        }
        // A //line comment applies from the next line; a /*line*/ right after it.
        let at = if block {
            end
        } else {
            match self.src[end..].iter().position(|&b| b == b'\n') {
                Some(i) => end + i + 1,
                None => self.src.len(),
            }
        };
        self.line_directives.push(LineDirective { start: at as u32, filename: filename.to_string(), line, col });
    }
}

fn is_plus_build(text: &[u8]) -> bool {
    let Some(rest) = text.strip_prefix(b"//") else { return false };
    let rest = rest.trim_ascii_start();
    rest.starts_with(b"+build") && rest.get(6).is_none_or(|b| b.is_ascii_whitespace())
}

/// Decodes one UTF-8 character at the start of `b`; `None` if it is not valid UTF-8.
fn decode_utf8(b: &[u8]) -> Option<(u32, usize)> {
    let w = match b.first()? {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let s = std::str::from_utf8(b.get(..w)?).ok()?;
    s.chars().next().map(|c| (c as u32, w))
}

/// The index of the first misplaced `_` in a number literal's text, if any.
fn invalid_sep(x: &[u8]) -> Option<usize> {
    let mut x1 = b' ';
    let mut d = b'.';
    let mut i = 0;
    if x.len() >= 2 && x[0] == b'0' {
        x1 = x[1] | 0x20;
        if x1 == b'x' || x1 == b'o' || x1 == b'b' {
            d = b'0';
            i = 2;
        }
    }
    while i < x.len() {
        let p = d;
        d = x[i];
        if d == b'_' {
            if p != b'0' {
                return Some(i);
            }
        } else if d.is_ascii_digit() || (x1 == b'x' && d.is_ascii_hexdigit()) {
            d = b'0';
        } else {
            if p == b'_' {
                return Some(i - 1);
            }
            d = b'.';
        }
        i += 1;
    }
    if d == b'_' {
        return Some(x.len() - 1);
    }
    None
}
