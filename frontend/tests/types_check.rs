//! Type checker behaviour on small programs: gc's error messages and positions, and the
//! result tables the compiler reads (expression types, constant values, sizes,
//! generic instances, initialization order).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use frontend::loader::{Config, Request, goroot::GoRoot};
use frontend::types::{self, CheckedProgram, info::Mode, ty::Type};

/// Writes `src` as `prog.go` in a fresh temporary directory.
struct Prog(PathBuf);

impl Prog {
    fn new(src: &str) -> Prog {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!("mvm-types-test-{}-{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed)));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("prog.go"), src).unwrap();
        Prog(dir)
    }
    fn file(&self) -> PathBuf {
        self.0.join("prog.go")
    }
    fn dir(&self) -> &Path {
        &self.0
    }
}

impl Drop for Prog {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn check(src: &str) -> Option<Result<CheckedProgram, Vec<String>>> {
    let goroot = GoRoot::discover().ok()?;
    let p = Prog::new(src);
    let mut cfg = Config::host(goroot);
    cfg.cwd = p.dir().to_path_buf();
    Some(types::check_packages(&cfg, &Request::Files(vec![p.file()])))
}

/// The errors as `line:col: message` (file names stripped).
fn errors(src: &str) -> Vec<String> {
    match check(src) {
        None => Vec::new(),
        Some(Ok(_)) => Vec::new(),
        Some(Err(errs)) => errs.iter().map(|e| e.split_once("prog.go:").map(|(_, r)| r.to_string()).unwrap_or_else(|| e.clone())).collect(),
    }
}

#[test]
fn gc_messages_for_common_mistakes() {
    if GoRoot::discover().is_err() {
        return;
    }
    let src = r#"package main

import "os"

const c int8 = 1 << 7

func f() int {
	for {
		break
	}
}

func g[T any](x int) T { var z T; return z }

type I interface{ M() }
type S struct{}

func main() {
	var i I = S{}
	_ = g(1)
	var u uint = -1
	x := 1.5
	var n int = x
	_, _, _ = i, u, n
	s := []int{1}
	if s == s {
	}
	"a" + 1
	var unused int
	undefinedName()
}
"#;
    let got = errors(src);
    let want = [
        r#"3:8: "os" imported and not used"#,
        "5:16: cannot use 1 << 7 (untyped int constant 128) as int8 value in constant declaration (overflows)",
        "11:1: missing return",
        "19:12: cannot use S{} (value of struct type S) as I value in variable declaration: S does not implement I (missing method M)",
        "21:15: cannot use -1 (untyped int constant) as uint value in variable declaration (overflows)",
        "23:14: cannot use x (variable of type float64) as int value in variable declaration",
        "26:5: invalid operation: s == s (slice can only be compared to nil)",
        r#"28:2: invalid operation: "a" + 1 (mismatched types untyped string and untyped int)"#,
        "29:6: declared and not used: unused",
        "30:2: undefined: undefinedName",
    ];
    for w in want {
        assert!(got.iter().any(|g| g == w), "missing {w:?} in {got:#?}");
    }
    assert!(got.iter().any(|g| g.starts_with("20:7: in call to g, cannot infer T (declared at ")), "{got:#?}");
    assert_eq!(got.len(), want.len() + 1, "{got:#?}");
}

#[test]
fn valid_programs_check_clean() {
    let src = r#"package main

import (
	"fmt"
	"sort"
	"strings"
)

type Number interface{ ~int | ~float64 }

func Sum[T Number](xs ...T) (s T) {
	for _, x := range xs {
		s += x
	}
	return
}

func Map[T, U any](s []T, f func(T) U) []U {
	r := make([]U, 0, len(s))
	for _, v := range s {
		r = append(r, f(v))
	}
	return r
}

type List[T any] struct {
	head *node[T]
}

type node[T any] struct {
	v    T
	next *node[T]
}

func (l *List[T]) Push(v T) { l.head = &node[T]{v, l.head} }

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

func main() {
	var l List[string]
	l.Push("a")
	fmt.Println(Sum(1, 2, 3), Sum(1.5, 2), Map([]int{1, 2}, func(i int) string { return strings.Repeat("x", i) }))
	var s fmt.Stringer = Celsius(20)
	xs := []int{3, 1, 2}
	sort.Ints(xs)
	for i := range 3 {
		_ = i
	}
	m := map[string][]int{"a": {1}}
	if v, ok := m["a"]; ok {
		_ = v
	}
	ch := make(chan int, 1)
	select {
	case ch <- 1:
	default:
	}
	switch x := s.(type) {
	case Celsius:
		_ = x + 1
	}
	_ = min(1, 2.5) + max(3, 4)
	fmt.Println(s, l.head.v, <-ch)
}
"#;
    match check(src) {
        None => {}
        Some(Ok(_)) => {}
        Some(Err(e)) => panic!("unexpected errors: {e:#?}"),
    }
}

#[test]
fn result_tables_record_types_constants_and_init_order() {
    let src = r#"package main

import "unsafe"

type T struct {
	a byte
	b int64
}

const size = unsafe.Sizeof(T{})

var a = b + 1
var b = f()
var c = 2

func f() int { return c }

func Id[X any](x X) X { return x }

func main() {
	var f64 float64 = 1
	_ = f64
	_ = Id(int8(3))
	println(a, size)
}
"#;
    let Some(res) = check(src) else { return };
    let checked = res.unwrap_or_else(|e| panic!("{e:#?}"));
    let prog = &checked.program;
    let main = *checked.roots.first().unwrap();
    let scope = prog.package(main).scope;
    // size is the constant 16.
    let size = prog.lookup_local(scope, "size").unwrap();
    assert_eq!(prog.const_value(size).to_i64(), Some(16));
    // Initialization order: c, then b (which calls f, which reads c), then a.
    let order: Vec<String> = checked.info.packages[&main].init_order.iter().map(|i| prog.obj(i.lhs[0]).name.to_string()).collect();
    assert_eq!(order, vec!["c", "b", "a"]);
    // The untyped constant 1 in `var f64 float64 = 1` is recorded as float64.
    let fid = *prog.files.iter().enumerate().filter(|(_, f)| f.name.ends_with("prog.go")).map(|(i, _)| i).collect::<Vec<_>>().first().unwrap();
    let file = &prog.files[fid];
    let finfo = checked.info.file(frontend::types::FileId(fid as u32)).unwrap();
    let lit_one = file
        .exprs
        .iter()
        .enumerate()
        .find(|(i, e)| matches!(e.kind, frontend::syntax::ast::ExprKind::BasicLit { .. }) && file.lit_text(frontend::syntax::ast::ExprId::from_index(*i)) == "1" && file.position(e.pos).line == 21)
        .map(|(i, _)| frontend::syntax::ast::ExprId::from_index(i))
        .unwrap();
    let tv = finfo.type_of(lit_one).unwrap();
    assert_eq!(tv.mode, Mode::Constant);
    assert!(matches!(prog.types.get(tv.ty), Type::Basic(frontend::types::BasicKind::Float64)));
    // Id(int8(3)) is an instance of Id with X = int8.
    let id = prog.lookup_local(scope, "Id").unwrap();
    let inst = checked.info.instances.iter().find(|(o, _)| *o == id).unwrap();
    assert!(matches!(prog.types.get(inst.1[0]), Type::Basic(frontend::types::BasicKind::Int8)));
}

#[test]
fn method_sets_follow_receivers_and_embedding() {
    let src = r#"package main

type Inner struct{}

func (Inner) A()  {}
func (*Inner) B() {}

type Outer struct {
	Inner
	*Other
}

type Other struct{}

func (*Other) C() {}
func (Outer) D()  {}

func main() {}
"#;
    let Some(res) = check(src) else { return };
    let mut checked = res.unwrap_or_else(|e| panic!("{e:#?}"));
    let main = *checked.roots.first().unwrap();
    let scope = checked.program.package(main).scope;
    let outer = checked.program.obj(checked.program.lookup_local(scope, "Outer").unwrap()).ty;
    let names = |c: &mut CheckedProgram, t| types::methodset::method_set(c, t).iter().map(|m| m.name.to_string()).collect::<Vec<_>>();
    // Outer: A (promoted), C (through the embedded pointer), D; not B (pointer receiver).
    assert_eq!(names(&mut checked, outer), vec!["A", "C", "D"]);
    let pouter = checked.program.types.pointer(outer);
    assert_eq!(names(&mut checked, pouter), vec!["A", "B", "C", "D"]);
}

#[test]
fn hostile_nesting_does_not_crash() {
    // Deeply nested expressions and types are errors or fine, never a crash.
    let mut src = String::from("package main\n\nvar x = ");
    for _ in 0..400 {
        src.push('(');
    }
    src.push('1');
    for _ in 0..400 {
        src.push(')');
    }
    src.push_str("\nvar y ");
    for _ in 0..300 {
        src.push_str("[]");
    }
    src.push_str("int\n\nfunc main() { _ = x; _ = y }\n");
    let _ = check(&src);
}
