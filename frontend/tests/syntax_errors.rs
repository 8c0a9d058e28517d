//! Syntax errors worded and placed as gc reports them. Every expected message
//! below is what `go tool compile` (Go 1.26) prints for the same file, position
//! included (`line:col: message`); errors gc reports only from type checking were
//! left out of the cases.

use frontend::syntax;

/// Parses `src` and returns its errors as `line:col: message`.
fn errors(src: &str) -> Vec<String> {
    let (file, errs) = syntax::parse_file("x.go", src.as_bytes());
    errs.iter()
        .map(|e| {
            let p = file.position(e.pos);
            format!("{}:{}: {}", p.line, p.col, e.msg)
        })
        .collect()
}

const CASES: &[(&str, &[&str])] = &[
    (
        "package p\n\nfunc main() {\n\tx := foo(1, 2\n\ty := 3\n}\n",
        &["4:15: syntax error: unexpected newline in argument list; possibly missing comma or )"],
    ),
    (
        "package p\n\nfunc main() {\n\tif x == 1 \n\t{\n\t}\n}\n",
        &["4:12: syntax error: unexpected newline, expected { after if clause"],
    ),
    (
        "package p\n\nfunc main() {\n\tfor i := 0; i < 10; i++ \n\t{\n\t}\n}\n",
        &["4:26: syntax error: unexpected newline, expected { after for clause"],
    ),
    (
        "package p\n\nfunc main()\n{\n}\n",
        &["4:1: syntax error: unexpected semicolon or newline before {"],
    ),
    (
        "package p\n\nfunc main() {\n\tx := [3]int{1, 2, 3\n}\n}\n",
        &["4:21: syntax error: unexpected newline in composite literal; possibly missing comma or }"],
    ),
    (
        "package p\n\nfunc main() {\n\tif x = 1 {\n\t}\n}\n",
        &["4:7: syntax error: cannot use assignment x = 1 as value"],
    ),
    (
        "package p\n\nfunc main() {\n\tif x := 1 {\n\t}\n}\n",
        &["4:7: syntax error: cannot use x := 1 as value"],
    ),
    (
        "package p\n\nx := 1\n",
        &["3:1: syntax error: non-declaration statement outside function body"],
    ),
    (
        "package p\n\nfunc main() {\n\tvar x int = \n}\n",
        &["5:1: syntax error: unexpected }, expected expression"],
    ),
    (
        "package p\n\nfunc main() {\n\tfor {\n\t\tbreak\n\t}\n\tfallthrough\n}\n",
        &["7:2: fallthrough statement out of place"],
    ),
    (
        "package p\n\nfunc main() {\n\tgoto L\n}\n",
        &["4:7: label L not defined"],
    ),
    (
        "package p\n\nfunc main() {\nL:\n}\n",
        &["4:1: label L defined and not used"],
    ),
    (
        "package p\n\nfunc main() {\n\tgo (f())\n}\n",
        &["4:5: expression in go must not be parenthesized"],
    ),
    (
        "package p\n\nfunc main() {\n\tx := a[1:2:]\n}\n",
        &["4:13: final index required in 3-index slice"],
    ),
    (
        "package p\n\nfunc main() {\n\tswitch x {\n\tcase 1:\n\t\tfallthrough\n\t}\n}\n",
        &["6:3: cannot fallthrough final case in switch"],
    ),
    (
        "package p\n\nfunc main() {\n\ts := \"abc\n}\n",
        &["4:11: newline in string"],
    ),
    (
        "package p\n\nfunc main() {\n\tx := 'ab'\n}\n",
        &["4:7: more than one character in rune literal"],
    ),
    (
        "package p\n\nfunc main() {\n\tx := 0x\n}\n",
        &["4:9: hexadecimal literal has no digits"],
    ),
    (
        "package p\n\nfunc main() {\n\tx := 1__2\n}\n",
        &["4:9: '_' must separate successive digits"],
    ),
    (
        "package p\n\nfunc main() {\n\tx := 09\n}\n",
        &["4:8: invalid digit '9' in octal literal"],
    ),
    (
        "package p\n\nfunc main() {\n\tx := \"\\q\"\n}\n",
        &["4:9: unknown escape"],
    ),
    (
        "package p\n\nfunc main() {\n\tx := 1 +\n}\n",
        &["5:1: syntax error: unexpected }, expected expression"],
    ),
    (
        "package p\n\nfunc f(a int, b) {}\n",
        &["3:16: syntax error: missing parameter type"],
    ),
    (
        "package p\n\nfunc f(a, b int, c) {}\n",
        &["3:19: syntax error: missing parameter type"],
    ),
    (
        "package p\n\nfunc f(...int, x int) {}\n",
        &["3:8: syntax error: missing parameter name", "3:8: can only use ... with final parameter"],
    ),
    (
        "package p\n\nfunc main() {\n\tvar x = struct{ a int }{1}\n\tx.\n}\n",
        &["6:1: syntax error: unexpected }, expected name or ("],
    ),
    (
        "package p\n\nfunc main() {\n\tx := map[string]int{\"a\": 1,\n\t\"b\": 2\n\t}\n}\n",
        &["5:8: syntax error: unexpected newline in composite literal; possibly missing comma or }"],
    ),
    (
        "package p\n\nfunc main() {\n\tx := @\n}\n",
        &["4:7: invalid character U+0040 '@'", "5:1: syntax error: unexpected }, expected expression"],
    ),
    (
        "package p\n\nfunc main() {\n\tdefer\n}\n",
        &["5:1: syntax error: unexpected }, expected expression"],
    ),
    (
        "package p\n\nfunc main() {\n\tfor i := range 10 {\n\t\tcontinue L\n\t}\n}\n",
        &["5:12: continue label not defined: L"],
    ),
    (
        "package p\n\nfunc main() {\n\telse {\n\t}\n}\n",
        &["4:2: syntax error: unexpected keyword else, expected }"],
    ),
    (
        "package p\n\nfunc main() {\n\tif true {\n\t} else for {\n\t}\n}\n",
        &["5:9: syntax error: else must be followed by if or statement block"],
    ),
    (
        "package p\n\ntype I interface{ m[T any]() }\n",
        &["3:20: interface method must have no type parameters"],
    ),
    (
        "package p\n\nfunc main() {\n\tvar x = <-chan<- int\n}\n",
        &["4:22: syntax error: unexpected int, expected chan"],
    ),
    (
        "package p\n\nfunc (a, b T) m() {}\n",
        &["3:15: method has multiple receivers"],
    ),
    (
        "package p\n\nfunc () m() {}\n",
        &["3:9: method has no receiver"],
    ),
    (
        "package p\n\nvar x = []int{1,2,3}[1:2:3:4]\n",
        &["3:27: syntax error: unexpected :, expected ]"],
    ),
    (
        "package p\n\nfunc main() {\n\tx := a[]\n}\n",
        &["4:9: syntax error: unexpected ], expected operand"],
    ),
];

#[test]
fn messages_match_gc() {
    let mut failures = Vec::new();
    for (src, want) in CASES {
        let got = errors(src);
        if got != *want {
            failures.push(format!("source:\n{src}\nwant: {want:?}\ngot:  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases differ:\n{}", failures.len(), CASES.len(), failures.join("\n"));
}

#[test]
fn one_syntax_error_per_line_and_at_most_ten() {
    // Ten broken lines, each with two mistakes: gc reports the first of each line
    // only, and stops at ten.
    let mut src = String::from("package p\nfunc f() {\n");
    for _ in 0..12 {
        src.push_str("\tx := (1 + ) + (2 + )\n");
    }
    src.push_str("}\n");
    let got = errors(&src);
    assert_eq!(got.len(), syntax::MAX_ERRORS, "{got:?}");
    let mut lines: Vec<&str> = got.iter().map(|e| e.split(':').next().unwrap_or("")).collect();
    lines.dedup();
    assert_eq!(lines.len(), got.len(), "two errors on one line: {got:?}");
    assert!(got[0].starts_with("3:12: syntax error: unexpected ), expected expression"), "{got:?}");
}

#[test]
fn errors_follow_line_directives() {
    let src = "package p\n//line gen.y:100\nfunc f() {\n\tx := (1 + )\n}\n";
    let (file, errs) = syntax::parse_file("x.go", src.as_bytes());
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(file.format_error(&errs[0]), "gen.y:101: syntax error: unexpected ), expected expression");
}

#[test]
fn missing_package_clause_stops_the_parse() {
    assert_eq!(errors("func main() {}\n"), ["1:1: syntax error: package statement must be first"]);
    assert_eq!(errors(""), ["1:1: syntax error: package statement must be first"]);
}
