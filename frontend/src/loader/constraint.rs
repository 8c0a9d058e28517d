//! Build constraints: `//go:build` expressions and the older `// +build` lines.
//!
//! The grammar follows `go/build/constraint`: `||`, `&&`, `!`, parentheses and tags
//! in a `//go:build` line; space-separated alternatives of comma-separated terms in a
//! `// +build` line. Evaluation takes the tag matcher as a closure so that the
//! loader (host GOOS/GOARCH, cgo off, `purego`) and the conformance harness (which
//! mirrors gc's test runner) can each say which tags hold.

use std::fmt;

/// A parsed build-constraint expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expr {
    /// A single tag such as `linux` or `go1.21`.
    Tag(String),
    /// `!x`
    Not(Box<Expr>),
    /// `x && y`
    And(Box<Expr>, Box<Expr>),
    /// `x || y`
    Or(Box<Expr>, Box<Expr>),
}

impl Expr {
    /// Evaluates the expression, asking `tag` whether each tag holds.
    pub fn eval(&self, tag: &mut dyn FnMut(&str) -> bool) -> bool {
        match self {
            Expr::Tag(t) => tag(t),
            Expr::Not(x) => !x.eval(tag),
            Expr::And(x, y) => {
                // Both sides are evaluated, as go/build does, so that every tag is seen.
                let a = x.eval(tag);
                let b = y.eval(tag);
                a && b
            }
            Expr::Or(x, y) => {
                let a = x.eval(tag);
                let b = y.eval(tag);
                a || b
            }
        }
    }
}

/// Why a line is not a valid build constraint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError(pub String);

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SyntaxError {}

/// The `GOOS/GOARCH` pair of this host in Go's spelling: the platform whose build
/// constraints mvm evaluates.
pub fn host_platform() -> (&'static str, &'static str) {
    let goos = match std::env::consts::OS {
        "macos" => "darwin",
        os => os,
    };
    let goarch = match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        "x86" => "386",
        "powerpc64" => "ppc64",
        "loongarch64" => "loong64",
        arch => arch,
    };
    (goos, goarch)
}

/// Reports whether `line` is a `//go:build` line.
pub fn is_go_build(line: &str) -> bool {
    go_build_body(line).is_some()
}

/// Reports whether `line` is a `// +build` line.
pub fn is_plus_build(line: &str) -> bool {
    plus_build_body(line).is_some()
}

fn go_build_body(line: &str) -> Option<&str> {
    let rest = line.trim_end().strip_prefix("//go:build")?;
    if rest.is_empty() {
        return Some(rest);
    }
    rest.starts_with([' ', '\t']).then(|| rest.trim())
}

fn plus_build_body(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("//")?.trim_start();
    let rest = rest.trim_end().strip_prefix("+build")?;
    if rest.is_empty() || rest.starts_with([' ', '\t']) {
        Some(rest.trim())
    } else {
        None
    }
}

/// Parses a `//go:build` or `// +build` line. Any other line is an error.
pub fn parse(line: &str) -> Result<Expr, SyntaxError> {
    if let Some(body) = go_build_body(line) {
        let mut p = ExprParser { toks: tokenize(body)?, pos: 0 };
        let e = p.or()?;
        if p.pos != p.toks.len() {
            return Err(SyntaxError(format!("unexpected token in //go:build line: {}", p.toks[p.pos])));
        }
        Ok(e)
    } else if let Some(body) = plus_build_body(line) {
        parse_plus_build(body)
    } else {
        Err(SyntaxError("not a build constraint".to_string()))
    }
}

fn parse_plus_build(body: &str) -> Result<Expr, SyntaxError> {
    let mut alternatives: Option<Expr> = None;
    for clause in body.split_whitespace() {
        let mut conj: Option<Expr> = None;
        for term in clause.split(',') {
            let (negated, name) = match term.strip_prefix('!') {
                Some(n) => (true, n),
                None => (false, term),
            };
            if name.is_empty() || name.starts_with('!') || !valid_tag(name) {
                return Err(SyntaxError(format!("invalid tag in +build line: {term:?}")));
            }
            let mut e = Expr::Tag(name.to_string());
            if negated {
                e = Expr::Not(Box::new(e));
            }
            conj = Some(match conj {
                None => e,
                Some(c) => Expr::And(Box::new(c), Box::new(e)),
            });
        }
        if let Some(c) = conj {
            alternatives = Some(match alternatives {
                None => c,
                Some(a) => Expr::Or(Box::new(a), Box::new(c)),
            });
        }
    }
    alternatives.ok_or_else(|| SyntaxError("empty +build line".to_string()))
}

fn valid_tag(name: &str) -> bool {
    name.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '.')
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok {
    Tag(String),
    Not,
    And,
    Or,
    LParen,
    RParen,
}

impl fmt::Display for Tok {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tok::Tag(t) => f.write_str(t),
            Tok::Not => f.write_str("!"),
            Tok::And => f.write_str("&&"),
            Tok::Or => f.write_str("||"),
            Tok::LParen => f.write_str("("),
            Tok::RParen => f.write_str(")"),
        }
    }
}

fn tokenize(s: &str) -> Result<Vec<Tok>, SyntaxError> {
    let mut toks = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        match c {
            ' ' | '\t' => {
                chars.next();
            }
            '!' => {
                chars.next();
                toks.push(Tok::Not);
            }
            '(' => {
                chars.next();
                toks.push(Tok::LParen);
            }
            ')' => {
                chars.next();
                toks.push(Tok::RParen);
            }
            '&' | '|' => {
                chars.next();
                match chars.next() {
                    Some((_, d)) if d == c => toks.push(if c == '&' { Tok::And } else { Tok::Or }),
                    _ => return Err(SyntaxError(format!("invalid syntax at {c}"))),
                }
            }
            c if c.is_alphanumeric() || c == '_' || c == '.' => {
                let mut end = i;
                while let Some(&(j, d)) = chars.peek() {
                    if d.is_alphanumeric() || d == '_' || d == '.' {
                        end = j + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                toks.push(Tok::Tag(s[i..end].to_string()));
            }
            _ => return Err(SyntaxError(format!("invalid syntax at {c}"))),
        }
    }
    if toks.is_empty() {
        return Err(SyntaxError("unexpected end of expression".to_string()));
    }
    Ok(toks)
}

struct ExprParser {
    toks: Vec<Tok>,
    pos: usize,
}

impl ExprParser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    fn or(&mut self) -> Result<Expr, SyntaxError> {
        let mut x = self.and()?;
        while self.peek() == Some(&Tok::Or) {
            self.pos += 1;
            let y = self.and()?;
            x = Expr::Or(Box::new(x), Box::new(y));
        }
        Ok(x)
    }

    fn and(&mut self) -> Result<Expr, SyntaxError> {
        let mut x = self.not()?;
        while self.peek() == Some(&Tok::And) {
            self.pos += 1;
            let y = self.not()?;
            x = Expr::And(Box::new(x), Box::new(y));
        }
        Ok(x)
    }

    fn not(&mut self) -> Result<Expr, SyntaxError> {
        match self.peek().cloned() {
            Some(Tok::Not) => {
                self.pos += 1;
                if self.peek() == Some(&Tok::Not) {
                    return Err(SyntaxError("double negation not allowed".to_string()));
                }
                Ok(Expr::Not(Box::new(self.not()?)))
            }
            Some(Tok::LParen) => {
                self.pos += 1;
                let x = self.or()?;
                if self.peek() != Some(&Tok::RParen) {
                    return Err(SyntaxError("missing close paren".to_string()));
                }
                self.pos += 1;
                Ok(x)
            }
            Some(Tok::Tag(t)) => {
                self.pos += 1;
                Ok(Expr::Tag(t))
            }
            Some(t) => Err(SyntaxError(format!("unexpected token {t}"))),
            None => Err(SyntaxError("unexpected end of expression".to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn holds(line: &str, tags: &[&str]) -> bool {
        parse(line).expect(line).eval(&mut |t| tags.contains(&t))
    }

    #[test]
    fn go_build_precedence() {
        assert!(holds("//go:build linux && amd64 || windows", &["windows"]));
        assert!(!holds("//go:build linux && (amd64 || arm64)", &["linux"]));
        assert!(holds("//go:build !cgo && (linux || darwin)", &["darwin"]));
        assert!(!holds("//go:build !cgo", &["cgo"]));
    }

    #[test]
    fn plus_build_lines() {
        assert!(holds("// +build linux,amd64 windows", &["windows"]));
        assert!(!holds("// +build linux,amd64", &["linux"]));
        assert!(holds("// +build !plan9", &["linux"]));
    }

    #[test]
    fn recognises_only_constraint_lines() {
        assert!(is_go_build("//go:build ignore"));
        assert!(!is_go_build("//go:builder x"));
        assert!(is_plus_build("// +build ignore"));
        assert!(!is_plus_build("// run"));
        assert!(parse("// run").is_err());
        assert!(parse("//go:build linux &&").is_err());
        assert!(parse("//go:build (linux").is_err());
        assert!(parse("//go:build !!linux").is_err());
    }
}
