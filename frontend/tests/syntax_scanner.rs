//! The scanner: literal forms, semicolon insertion, comments and directives.

use frontend::syntax::ast::{DirectiveKind, LitKind};
use frontend::syntax::scanner::Scanner;
use frontend::syntax::token::Tok;
use frontend::syntax::{self};

/// All tokens of `src` as (kind, text); an inserted semicolon shows as `;newline`/`;EOF`.
fn tokens(src: &str) -> Vec<(Tok, String)> {
    let mut s = Scanner::new(src.as_bytes());
    let mut out = Vec::new();
    for _ in 0..10_000 {
        s.next();
        if s.tok == Tok::Eof {
            break;
        }
        let text = if s.tok == Tok::Semi && s.semi_lit != "semicolon" {
            format!(";{}", s.semi_lit)
        } else {
            src[s.pos as usize..s.end as usize].to_string()
        };
        out.push((s.tok, text));
    }
    out
}

fn texts(src: &str) -> Vec<String> {
    tokens(src).into_iter().map(|(_, t)| t).collect()
}

/// Scans one literal; returns its kind and the scanner's errors.
fn literal(src: &str) -> (LitKind, Vec<String>) {
    let mut s = Scanner::new(src.as_bytes());
    s.next();
    assert_eq!(s.tok, Tok::Literal, "{src} is not a literal");
    assert_eq!(s.end as usize, src.len(), "{src} was not scanned whole");
    let kind = s.kind;
    (kind, s.errors.iter().map(|(_, m)| m.clone()).collect())
}

#[test]
fn every_literal_form() {
    use LitKind::*;
    let ok: &[(&str, LitKind)] = &[
        ("0", Int),
        ("42", Int),
        ("4_2", Int),
        ("0600", Int),
        ("0_600", Int),
        ("0o600", Int),
        ("0O600", Int),
        ("0xBadFace", Int),
        ("0x_67_7a_2f_cc_40_c6", Int),
        ("0b1011", Int),
        ("0B_1_0", Int),
        ("170141183460469231731687303715884105727", Int),
        ("0.", Float),
        ("72.40", Float),
        ("072.40", Float),
        ("2.71828", Float),
        ("1.e+0", Float),
        ("6.67428e-11", Float),
        ("1E6", Float),
        (".25", Float),
        (".12345E+5", Float),
        ("1_5.", Float),
        ("0.15e+0_2", Float),
        ("0x1p-2", Float),
        ("0x2.p10", Float),
        ("0x1.Fp+0", Float),
        ("0X.8p-0", Float),
        ("0X_1FFFP-16", Float),
        ("0i", Imag),
        ("0123i", Imag),
        ("0o123i", Imag),
        ("0xabci", Imag),
        ("0.i", Imag),
        ("2.71828i", Imag),
        ("1.e+0i", Imag),
        ("6.67428e-11i", Imag),
        ("1E6i", Imag),
        (".25i", Imag),
        ("0x1p-2i", Imag),
        ("'a'", Rune),
        ("'ä'", Rune),
        ("'本'", Rune),
        ("'\\t'", Rune),
        ("'\\000'", Rune),
        ("'\\007'", Rune),
        ("'\\377'", Rune),
        ("'\\x07'", Rune),
        ("'\\xff'", Rune),
        ("'\\u12e4'", Rune),
        ("'\\U00101234'", Rune),
        ("'\\''", Rune),
        ("`abc`", String),
        ("`\\n\n\\n`", String),
        ("`a\r\nb`", String),
        ("\"\\n\"", String),
        ("\"\\\"\"", String),
        ("\"Hello, world!\\n\"", String),
        ("\"日本語\"", String),
        ("\"\\u65e5本\\U00008a9e\"", String),
        ("\"\\xff\\u00FF\"", String),
        ("\"\\a\\b\\f\\n\\r\\t\\v\\\\\"", String),
    ];
    for (src, kind) in ok {
        let (k, errs) = literal(src);
        assert_eq!(k, *kind, "{src}");
        assert!(errs.is_empty(), "{src}: {errs:?}");
    }
}

#[test]
fn malformed_literals_are_reported_as_gc_does() {
    let bad: &[(&str, &str)] = &[
        ("0x", "hexadecimal literal has no digits"),
        ("0b12", "invalid digit '2' in binary literal"),
        ("0o8", "invalid digit '8' in octal literal"),
        ("09", "invalid digit '9' in octal literal"),
        ("1__0", "'_' must separate successive digits"),
        ("1_", "'_' must separate successive digits"),
        ("0x1.8", "hexadecimal mantissa requires a 'p' exponent"),
        ("1p4", "'p' exponent requires hexadecimal mantissa"),
        ("0b1e3", "'e' exponent requires decimal mantissa"),
        ("1e", "exponent has no digits"),
        ("0b1.0", "invalid radix point in binary literal"),
        ("'ab'", "more than one character in rune literal"),
        ("''", "empty rune literal or unescaped '"),
        ("'\\400'", "octal escape value 256 > 255"),
        ("'\\uD800'", "escape is invalid Unicode code point U+D800"),
        ("\"\\q\"", "unknown escape"),
        ("\"\\xg0\"", "invalid character 'g' in hexadecimal escape"),
        ("\"abc", "string not terminated"),
        ("`abc", "string not terminated"),
    ];
    for (src, msg) in bad {
        let mut s = Scanner::new(src.as_bytes());
        s.next();
        assert_eq!(s.tok, Tok::Literal, "{src}");
        assert!(s.bad, "{src} not marked bad");
        let errs: Vec<&str> = s.errors.iter().map(|(_, m)| m.as_str()).collect();
        assert_eq!(errs, [*msg], "{src}");
    }
}

#[test]
fn semicolons_are_inserted_where_the_spec_says() {
    assert_eq!(texts("x\n"), ["x", ";newline"]);
    assert_eq!(texts("42\n'a'\n\"s\"\n`r`\n"), ["42", ";newline", "'a'", ";newline", "\"s\"", ";newline", "`r`", ";newline"]);
    assert_eq!(texts("f()\na[1]\n}\n"), ["f", "(", ")", ";newline", "a", "[", "1", "]", ";newline", "}", ";newline"]);
    assert_eq!(texts("i++\ni--\n"), ["i", "++", ";newline", "i", "--", ";newline"]);
    assert_eq!(texts("return\nbreak\ncontinue\nfallthrough\n"), [
        "return", ";newline", "break", ";newline", "continue", ";newline", "fallthrough", ";newline"
    ]);
    // No semicolon after other keywords, operators or openers.
    assert_eq!(texts("if\nfunc\n+\n(\n,\n"), ["if", "func", "+", "(", ","]);
    // At EOF, after a line comment, and for a multi-line block comment.
    assert_eq!(texts("x"), ["x", ";EOF"]);
    assert_eq!(texts("x // c\ny"), ["x", ";newline", "y", ";EOF"]);
    assert_eq!(texts("x /* a\nb */ y"), ["x", ";newline", "y", ";EOF"]);
    assert_eq!(texts("x /* a */ y"), ["x", "y", ";EOF"]);
    assert_eq!(texts("a;b"), ["a", ";", "b", ";EOF"]);
}

#[test]
fn operators_and_delimiters() {
    let src = "+ - * / % & | ^ << >> &^ += -= *= /= %= &= |= ^= <<= >>= &^= && || <- ++ -- == < > = ! ~ != <= >= := ... . , ; : ( ) [ ] { }";
    let got = texts(src);
    let want: Vec<&str> = src.split(' ').collect();
    assert_eq!(got[..want.len()], want[..]);
    // `..` is two dots, not an error.
    assert_eq!(texts("a..b"), ["a", ".", ".", "b", ";EOF"]);
}

#[test]
fn unicode_identifiers_and_keywords() {
    let t = tokens("func 日本 ä_1 αβγ");
    assert_eq!(t[0].0, Tok::Func);
    assert!(t[1..4].iter().all(|(k, _)| *k == Tok::Name), "{t:?}");
    assert_eq!(t[1].1, "日本");
    let mut s = Scanner::new("x⊛y".as_bytes());
    s.next();
    assert_eq!(s.errors[0].1, "invalid character U+229B '⊛' in identifier");
    // A bad character also starts an identifier: one error, not a cascade.
    let (file, errs) = syntax::parse_file("x.go", "package p
var ☹x int
var _ = fmt.☹x
".as_bytes());
    let msgs: Vec<String> = errs.iter().map(|e| file.format_error(e)).collect();
    assert_eq!(msgs, [
        "x.go:2:5: invalid character U+2639 '☹' in identifier",
        "x.go:3:13: invalid character U+2639 '☹' in identifier"
    ]);
    let (_, errs) = syntax::parse_file("x.go", "package p
var ۶x int
".as_bytes());
    assert_eq!(errs[0].msg, "identifier cannot begin with digit U+06F6 '۶'");
}

#[test]
fn byte_order_mark_only_at_the_start() {
    let (_, errs) = syntax::parse_file("x.go", "\u{feff}package p\n".as_bytes());
    assert!(errs.is_empty(), "{errs:?}");
    let (file, errs) = syntax::parse_file("x.go", "package p\n\u{feff}var x int\n".as_bytes());
    assert_eq!(errs.len(), 1);
    assert_eq!(file.format_error(&errs[0]), "x.go:2:1: invalid BOM in the middle of the file");
}

#[test]
fn invalid_bytes_are_reported_not_fatal() {
    let (_, errs) = syntax::parse_file("x.go", b"package p\nvar s = \"\xff\"\nvar x\x00 int\n");
    let msgs: Vec<&str> = errs.iter().map(|e| e.msg.as_str()).collect();
    assert_eq!(msgs, ["invalid UTF-8 encoding", "invalid NUL character"]);
}

#[test]
fn comments_and_directives_are_kept() {
    let src = "//go:build linux && !cgo\n// +build linux\n\n// Package p.\npackage p\n\nimport _ \"embed\"\n\n//go:embed hello.txt\nvar s string\n\n//go:noinline\n//go:linkname f runtime.f\nfunc f() {}\n\n//export g\nfunc g() {\n\tprintln(1)\n\t// Output:\n\t// 1\n}\n";
    let (file, errs) = syntax::parse_file("x.go", src.as_bytes());
    assert!(errs.is_empty(), "{errs:?}");
    let kinds: Vec<DirectiveKind> = file.directives.iter().map(|d| d.kind).collect();
    assert_eq!(kinds, [
        DirectiveKind::GoBuild,
        DirectiveKind::PlusBuild,
        DirectiveKind::Embed,
        DirectiveKind::Pragma,
        DirectiveKind::Linkname,
        DirectiveKind::Export
    ]);
    let build: Vec<&str> = file.build_constraints().map(|d| file.directive_text(d)).collect();
    assert_eq!(build, ["//go:build linux && !cgo", "// +build linux"]);
    // Pragmas attach to the declaration right after them.
    let texts_of = |i: usize| -> Vec<&str> {
        let d = file.decl(file.decls[i]);
        file.directives[d.pragmas.range()].iter().map(|x| file.directive_text(x)).collect()
    };
    assert_eq!(texts_of(1), ["//go:embed hello.txt"]);
    assert_eq!(texts_of(2), ["//go:noinline", "//go:linkname f runtime.f"]);
    assert_eq!(texts_of(3), ["//export g"]);
    // Every comment is kept, including an example's output comment.
    let comments: Vec<&str> = file.comments.iter().map(|c| file.comment_text(c)).collect();
    assert!(comments.contains(&"// Output:"), "{comments:?}");
    assert!(comments.contains(&"// Package p."), "{comments:?}");
    assert_eq!(comments.len(), 9);
}
