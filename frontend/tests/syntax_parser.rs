//! The parser: the tree it builds for each construct, and how it resolves the
//! grammar's ambiguities (as gc does).

use frontend::syntax::ast::*;
use frontend::syntax::{self, print};

/// Parses `src`, asserting it has no errors.
fn parse(src: &str) -> File {
    let (file, errs) = syntax::parse_file("x.go", src.as_bytes());
    let msgs: Vec<String> = errs.iter().map(|e| file.format_error(e)).collect();
    assert!(msgs.is_empty(), "{src}\n{msgs:#?}");
    file
}

/// The kind of top-level declaration `i`.
fn decl(file: &File, i: usize) -> &DeclKind {
    &file.decl(file.decls[i]).kind
}

/// The statements of the body of the first function in `file`.
fn body(file: &File) -> &[StmtId] {
    for (_, d) in file.top_decls() {
        if let DeclKind::Func { body: Some(b), .. } = &d.kind {
            return &b.stmts;
        }
    }
    panic!("no function body")
}

/// Parses `stmts` as a function body and returns the file.
fn func(stmts: &str) -> File {
    parse(&format!("package p\nfunc f() {{\n{stmts}\n}}\n"))
}

/// Parses `var x = EXPR` and returns the file and the expression.
fn expr(e: &str) -> (File, ExprId) {
    let file = parse(&format!("package p\nvar x = {e}\n"));
    let DeclKind::Var { values, .. } = decl(&file, 0) else { panic!("not a var") };
    let v = values[0];
    (file, v)
}

#[test]
fn package_clause_and_imports() {
    let f = parse("package main\n\nimport (\n\t\"fmt\"\n\tstr \"strings\"\n\t. \"math\"\n\t_ \"embed\"\n)\nimport \"os\"\n");
    assert_eq!(f.package(), "main");
    let imports: Vec<(String, String)> =
        f.imports().map(|(n, p)| (n.map(|n| f.name(n).to_string()).unwrap_or_default(), f.lit_text(p).to_string())).collect();
    assert_eq!(imports, [
        ("".into(), "\"fmt\"".into()),
        ("str".into(), "\"strings\"".into()),
        (".".into(), "\"math\"".into()),
        ("_".into(), "\"embed\"".into()),
        ("".into(), "\"os\"".into()),
    ]);
    let groups: Vec<Option<GroupId>> = f.top_decls().map(|(_, d)| d.group).collect();
    assert_eq!(groups[0], groups[3]);
    assert_eq!(groups[4], None);
}

#[test]
fn header_mode_stops_after_imports() {
    let src = "//go:build ignore\n\npackage p\nimport \"a\"\nfunc f() { this is not Go }\n";
    let (file, errs) = syntax::parse_header("x.go", src.as_bytes());
    assert!(errs.is_empty(), "{errs:?}");
    assert!(file.header_only);
    assert_eq!(file.imports().count(), 1);
    assert_eq!(file.build_constraints().count(), 1);
    let (_, errs) = syntax::parse_file("x.go", src.as_bytes());
    assert!(!errs.is_empty());
}

#[test]
fn const_groups_carry_iota_and_implicit_repetition() {
    let f = parse("package p\nconst (\n\tA = iota\n\tB\n\t_\n\tC, D int = 1, 2\n)\nconst E = 1\n");
    let iotas: Vec<(u32, usize)> = f
        .top_decls()
        .map(|(_, d)| match &d.kind {
            DeclKind::Const { iota, values, .. } => (*iota, values.len()),
            _ => panic!("not const"),
        })
        .collect();
    assert_eq!(iotas, [(0, 1), (1, 0), (2, 0), (3, 2), (0, 1)]);
}

#[test]
fn type_parameters_versus_array_lengths() {
    // Resolved as gc does: a lone name or a value-like expression is an array length.
    let cases: &[(&str, bool)] = &[
        ("type T[P any] struct{}", true),
        ("type T[P any, Q comparable] int", true),
        ("type T[P interface{ ~int }] int", true),
        ("type T[P ~int | ~string] int", true),
        ("type T[P *C,] int", true),
        ("type T[P *[]int] int", true),
        ("type T[P []int] int", true),
        ("type T[N] int", false),
        ("type T[N * M] int", false),
        ("type T[2] int", false),
        ("type T[N + 1] int", false),
        ("type T[] int", false),
        ("type T[P(C)] int", false),
    ];
    for (src, generic) in cases {
        let f = parse(&format!("package p\n{src}\n"));
        let DeclKind::Type { tparams, typ, .. } = decl(&f, 0) else { panic!() };
        assert_eq!(!tparams.is_empty(), *generic, "{src}");
        if !generic {
            assert!(matches!(f.expr(*typ).kind, ExprKind::ArrayType { .. } | ExprKind::SliceType(_)), "{src}");
        }
    }
    // Names declared together share one constraint expression.
    let f = parse("package p\ntype T[K, V any] int\n");
    let DeclKind::Type { tparams, .. } = decl(&f, 0) else { panic!() };
    assert_eq!(tparams.len(), 2);
    assert_eq!(tparams[0].typ, tparams[1].typ);
}

#[test]
fn generic_aliases_and_functions() {
    let f = parse("package p\ntype A[P any] = []P\nfunc Map[S ~[]E, E, R any](s S, f func(E) R) []R { return nil }\n");
    let DeclKind::Type { alias, tparams, .. } = decl(&f, 0) else { panic!() };
    assert!(*alias);
    assert_eq!(tparams.len(), 1);
    let DeclKind::Func { tparams, typ, .. } = decl(&f, 1) else { panic!() };
    assert_eq!(tparams.len(), 3);
    assert_eq!(tparams[1].typ, tparams[2].typ, "E and R share `any`");
    assert_eq!(print::expr(&f, *typ), "func(s S, f func(E) R) []R");
}

#[test]
fn instantiations() {
    let (f, e) = expr("Map[int, string](xs, strconv.Itoa)");
    let ExprKind::Call { fun, args, .. } = &f.expr(e).kind else { panic!() };
    assert_eq!(args.len(), 2);
    let ExprKind::Index { indices, .. } = &f.expr(*fun).kind else { panic!() };
    assert_eq!(indices.len(), 2);
    let (f, e) = expr("List[int]{1, 2}");
    let ExprKind::CompositeLit { typ: Some(t), elems, .. } = &f.expr(e).kind else { panic!() };
    assert_eq!(elems.len(), 2);
    assert!(matches!(f.expr(*t).kind, ExprKind::Index { .. }));
    // Embedded instantiated types in structs and interfaces.
    let f = parse("package p\ntype S struct {\n\tList[int]\n\tx [N]int\n}\ntype I interface{ Set[int, string]; m() }\n");
    let DeclKind::Type { typ, .. } = decl(&f, 0) else { panic!() };
    let ExprKind::StructType(fields) = &f.expr(*typ).kind else { panic!() };
    assert!(fields[0].name.is_none() && matches!(f.expr(fields[0].typ).kind, ExprKind::Index { .. }));
    assert!(fields[1].name.is_some() && matches!(f.expr(fields[1].typ).kind, ExprKind::ArrayType { .. }));
    let DeclKind::Type { typ, .. } = decl(&f, 1) else { panic!() };
    assert_eq!(print::expr(&f, *typ), "interface{Set[int, string]; m()}");
}

#[test]
fn composite_literal_or_block() {
    // In a control clause, `T{` opens the block unless parenthesized or inside brackets.
    let f = func("if x == (T{}) {\n}\nfor _, v := range []T{a} {\n\t_ = v\n}\nif ok := f(T{}); ok {\n}\nswitch x {\n}");
    let s = body(&f);
    let StmtKind::If { cond, .. } = &f.stmt(s[0]).kind else { panic!() };
    assert_eq!(print::expr(&f, *cond), "x == (T{})");
    let StmtKind::Range { x, .. } = &f.stmt(s[1]).kind else { panic!() };
    assert!(matches!(f.expr(*x).kind, ExprKind::CompositeLit { .. }));
    assert!(matches!(f.stmt(s[3]).kind, StmtKind::Switch { tag: Some(_), .. }));
    let f = func("if x {\n}");
    let StmtKind::If { cond, then, .. } = &f.stmt(body(&f)[0]).kind else { panic!() };
    assert!(matches!(f.expr(*cond).kind, ExprKind::Name(_)));
    assert!(then.stmts.is_empty());
}

#[test]
fn for_and_range_forms() {
    let f = func("for {\n}\nfor x < 3 {\n}\nfor i := 0; i < 3; i++ {\n}\nfor range 10 {\n}\nfor i := range 10 {\n}\nfor k, v = range m {\n}\nfor x := range seq {\n\tbreak\n}");
    let s = body(&f);
    assert!(matches!(f.stmt(s[0]).kind, StmtKind::For { init: None, cond: None, post: None, .. }));
    assert!(matches!(f.stmt(s[1]).kind, StmtKind::For { init: None, cond: Some(_), post: None, .. }));
    assert!(matches!(f.stmt(s[2]).kind, StmtKind::For { init: Some(_), cond: Some(_), post: Some(_), .. }));
    assert!(matches!(f.stmt(s[3]).kind, StmtKind::Range { key: None, value: None, define: false, .. }));
    assert!(matches!(f.stmt(s[4]).kind, StmtKind::Range { key: Some(_), value: None, define: true, .. }));
    assert!(matches!(f.stmt(s[5]).kind, StmtKind::Range { key: Some(_), value: Some(_), define: false, .. }));
}

#[test]
fn switches_and_select() {
    let f = func("switch v := x.(type) {\ncase int, string:\ncase nil:\ndefault:\n}\nswitch {\ncase a > b:\n\tfallthrough\ndefault:\n}\nselect {\ncase v := <-c:\n\t_ = v\ncase c <- 1:\ncase <-d:\ndefault:\n}");
    let s = body(&f);
    let StmtKind::TypeSwitch { guard, clauses, .. } = &f.stmt(s[0]).kind else { panic!() };
    let ExprKind::TypeSwitchGuard { lhs: Some(v), .. } = f.expr(*guard).kind else { panic!() };
    assert_eq!(f.name(v), "v");
    assert_eq!(clauses.len(), 3);
    assert_eq!(clauses[0].cases.len(), 2);
    assert!(clauses[2].is_default);
    assert!(matches!(f.stmt(s[1]).kind, StmtKind::Switch { tag: None, .. }));
    let StmtKind::Select { clauses, .. } = &f.stmt(s[2]).kind else { panic!() };
    let comms: Vec<&StmtKind> = clauses.iter().filter_map(|c| c.comm.map(|id| &f.stmt(id).kind)).collect();
    assert!(matches!(comms[0], StmtKind::Assign { op: AssignOp::Define, .. }));
    assert!(matches!(comms[1], StmtKind::Send { .. }));
    assert!(matches!(comms[2], StmtKind::Expr(_)));
    assert!(clauses[3].comm.is_none());
}

#[test]
fn labels_goto_and_branches() {
    let f = func("L:\n\tfor {\n\t\tbreak L\n\t}\n\tgoto M\nM:\n\tcontinue_ := 1\n\t_ = continue_");
    let s = body(&f);
    let StmtKind::Labeled { label, stmt } = f.stmt(s[0]).kind else { panic!() };
    assert_eq!(f.name(label), "L");
    assert!(matches!(f.stmt(stmt).kind, StmtKind::For { .. }));
    assert!(matches!(f.stmt(s[1]).kind, StmtKind::Branch { kind: BranchKind::Goto, label: Some(_) }));
}

#[test]
fn statements() {
    let f = func("x, y := 1, 2\nx += 3\nx++\ny--\nc <- x\ngo f()\ndefer g()\nvar z int\nconst k = 1\ntype t int\n{\n}\n;\nreturn");
    let kinds: Vec<String> = body(&f).iter().map(|&s| format!("{:?}", std::mem::discriminant(&f.stmt(s).kind))).collect();
    assert_eq!(kinds.len(), 13, "{kinds:?}");
    let s = body(&f);
    assert!(matches!(f.stmt(s[1]).kind, StmtKind::Assign { op: AssignOp::Op(BinOp::Add), .. }));
    assert!(matches!(f.stmt(s[2]).kind, StmtKind::IncDec { inc: true, .. }));
    assert!(matches!(f.stmt(s[3]).kind, StmtKind::IncDec { inc: false, .. }));
    assert!(matches!(f.stmt(s[5]).kind, StmtKind::Go(_)));
    assert!(matches!(f.stmt(s[6]).kind, StmtKind::Defer(_)));
    assert!(matches!(f.stmt(s[7]).kind, StmtKind::Decl(_)));
    assert!(matches!(f.stmt(s[12]).kind, StmtKind::Return(ref r) if r.is_empty()));
}

#[test]
fn expressions_print_back() {
    let cases = [
        "a + b * c - d",
        "-x + ^y",
        "!ok && p != nil",
        "<-ch",
        "&T{}",
        "*p",
        "s[1:2]",
        "s[:2:3]",
        "x.(fmt.Stringer)",
        "f(a, b...)",
        "(*T).Method",
        "T.Method",
        "new(int)",
        "new(x + 1)",
        "[...]int{}",
        "map[string][]int{}",
        "func(x int) int {…}",
        "struct{a, b int; c string \"tag\"}{}",
        "interface{~int | ~string; String() string}(nil)",
        "<-chan int(nil)",
        "chan<- int(nil)",
        "chan (<-chan int)(nil)",
        "[]func(...int){}",
    ];
    for src in cases {
        let (f, e) = expr(&src.replace('…', "return x"));
        assert_eq!(print::expr(&f, e), src);
    }
    // Bodies of non-empty literals print short, as in gc's messages.
    let (f, e) = expr("[]int{1, 2}");
    assert_eq!(print::expr(&f, e), "[]int{…}");
}

#[test]
fn method_expressions_and_conversions_are_calls_and_selectors() {
    let (f, e) = expr("(*T).M(t)");
    let ExprKind::Call { fun, .. } = f.expr(e).kind else { panic!() };
    let ExprKind::Selector { x, sel } = f.expr(fun).kind else { panic!() };
    assert_eq!(f.name(sel), "M");
    let ExprKind::Paren(inner) = f.expr(x).kind else { panic!() };
    assert!(matches!(f.expr(inner).kind, ExprKind::Star(_)));
    let (f, e) = expr("[]byte(s)");
    let ExprKind::Call { fun, .. } = f.expr(e).kind else { panic!() };
    assert!(matches!(f.expr(fun).kind, ExprKind::SliceType(_)));
}

#[test]
fn channel_directions() {
    let f = parse("package p\nvar a <-chan int\nvar b chan<- int\nvar c chan (<-chan int)\nvar d chan<- <-chan int\n");
    let dirs: Vec<ChanDir> = f
        .top_decls()
        .map(|(_, d)| match &d.kind {
            DeclKind::Var { typ: Some(t), .. } => match f.expr(*t).kind {
                ExprKind::ChanType { dir, .. } => dir,
                _ => panic!(),
            },
            _ => panic!(),
        })
        .collect();
    assert_eq!(dirs, [ChanDir::Recv, ChanDir::Send, ChanDir::Both, ChanDir::Send]);
}

#[test]
fn methods_variadics_and_results() {
    let f = parse("package p\nfunc (r *R[T]) M(a, b int, rest ...string) (n int, err error) { return }\nfunc F(int, string) error\n");
    let DeclKind::Func { recv: Some(r), typ, body, .. } = decl(&f, 0) else { panic!() };
    assert_eq!(print::expr(&f, r.typ), "*R[T]");
    assert!(body.is_some());
    let ExprKind::FuncType { params, results } = &f.expr(*typ).kind else { panic!() };
    assert_eq!(params.len(), 3);
    assert_eq!(params[0].typ, params[1].typ, "a and b share int");
    assert!(matches!(f.expr(params[2].typ).kind, ExprKind::DotsType(_)));
    assert_eq!(results.len(), 2);
    let DeclKind::Func { typ, body, .. } = decl(&f, 1) else { panic!() };
    assert!(body.is_none());
    let ExprKind::FuncType { params, .. } = &f.expr(*typ).kind else { panic!() };
    assert!(params.iter().all(|p| p.name.is_none()), "unnamed parameters are types");
}

#[test]
fn positions_follow_gc() {
    let src = "package p\nvar x = f(a +\n\tb)\n";
    let f = parse(src);
    let DeclKind::Var { values, .. } = decl(&f, 0) else { panic!() };
    let call = values[0];
    // A call's position is its `(`; its start is the function name.
    assert_eq!(f.position(f.expr(call).pos).to_string(), "x.go:2:10");
    assert_eq!(f.position(f.start_pos(call)).to_string(), "x.go:2:9");
    let ExprKind::Call { args, rparen, .. } = &f.expr(call).kind else { panic!() };
    // A binary expression's position is its operator.
    assert_eq!(f.position(f.expr(args[0]).pos).to_string(), "x.go:2:13");
    assert_eq!(f.position(*rparen).to_string(), "x.go:3:3");
}
