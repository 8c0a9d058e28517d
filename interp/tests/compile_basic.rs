//! Compiles small Go programs from source and runs them: output and exit reports must
//! be gc's. Expected texts follow Go's specification and gc's `print` formats.

mod common;

use common::{build, goroot, run};

#[test]
fn recursion_and_println() {
    if goroot().is_none() {
        return;
    }
    let o = run("package main\n\nfunc fib(n int) int {\n\tif n < 2 {\n\t\treturn n\n\t}\n\treturn fib(n-1) + fib(n-2)\n}\n\nfunc main() {\n\tprintln(fib(20), \"x\", true)\n}\n");
    assert_eq!(o.output, "6765 x true\n");
    assert!(o.stop.is_none());
}

#[test]
fn integer_wraparound_per_width() {
    if goroot().is_none() {
        return;
    }
    let o = run(r#"package main

func main() {
	var a int8 = 127
	a++
	var b uint8 = 250
	b += 10
	var c int32 = 2147483647
	c = c * 2
	var d uint16 = 0
	d--
	var e uint32 = 1
	e = e << 31 << 1
	var f int16 = -32768
	f = f / -1
	println(a, b, c, d, e, f, ^uint8(1))
}
"#);
    assert_eq!(o.output, "-128 4 -2 65535 0 -32768 254\n");
}

#[test]
fn package_variables_initialize_in_dependency_order() {
    if goroot().is_none() {
        return;
    }
    let o = run(r#"package main

var a = b + 1
var b = f()
var n int

func f() int {
	n++
	return 41
}

func init() {
	println("init", a, b, n)
}

func main() {
	println("main", a)
}
"#);
    assert_eq!(o.output, "init 42 41 1\nmain 42\n");
}

#[test]
fn loops_labels_and_switch() {
    if goroot().is_none() {
        return;
    }
    let o = run(r#"package main

func classify(x int) int {
	switch {
	case x < 0:
		return -1
	case x == 0:
		return 0
	}
	return 1
}

func main() {
	sum := 0
outer:
	for i := 0; i < 10; i++ {
		for j := 0; j < 10; j++ {
			if j > i {
				continue outer
			}
			if i == 5 {
				break outer
			}
			sum += j
		}
	}
	switch sum {
	case 1, 2:
		println("small")
	case 20:
		println("twenty")
		fallthrough
	default:
		println("default")
	}
	println(sum, classify(-5), classify(0), classify(7))
	for i := range 3 {
		print(i)
	}
	println()
}
"#);
    assert_eq!(o.output, "twenty\ndefault\n20 -1 0 1\n012\n");
}

#[test]
fn divide_by_zero_panics_with_exit_status_2() {
    if goroot().is_none() {
        return;
    }
    let o = run("package main\n\nvar d = 0\n\nfunc main() {\n\tprintln(\"before\")\n\tprintln(10 / d)\n}\n");
    assert_eq!(o.output, "before\n");
    let (report, code) = o.stop.expect("a panic");
    assert!(report.starts_with("panic: runtime error: integer divide by zero\n\ngoroutine 1 [running]:\n"), "{report}");
    assert_eq!(code, 2);
}

#[test]
fn array_index_out_of_range() {
    if goroot().is_none() {
        return;
    }
    let o = run("package main\n\nfunc main() {\n\tvar a [3]int\n\ti := 5\n\ta[1] = 2\n\tprintln(a[1])\n\ta[i] = 1\n}\n");
    assert_eq!(o.output, "2\n");
    let (report, code) = o.stop.expect("a panic");
    assert!(report.starts_with("panic: runtime error: index out of range [5] with length 3\n"), "{report}");
    assert_eq!(code, 2);
}

#[test]
fn strings_compare_and_concatenate() {
    if goroot().is_none() {
        return;
    }
    let o = run("package main\n\nfunc main() {\n\ts := \"ab\"\n\tt := s + \"c\"\n\tprintln(t, len(t), t == \"abc\", s < t, t[2])\n}\n");
    assert_eq!(o.output, "abc 3 true true 99\n");
}

#[test]
fn unsupported_features_are_reported_not_crashed() {
    if goroot().is_none() {
        return;
    }
    // A select with more cases than a select instruction encodes.
    let cases: String = (0..70_000).map(|_| "\tcase <-c:\n").collect();
    let src = format!("package main\n\nfunc main() {{\n\tc := make(chan int)\n\tselect {{\n{cases}\t}}\n}}\n");
    let errs = build(&src)
        .err()
        .unwrap_or_default();
    assert!(!errs.is_empty());
    assert!(errs.iter().all(|e| e.contains("mvm: not implemented yet")), "{errs:?}");
    assert!(errs[0].contains("main.go:6:"), "{errs:?}");
}

#[test]
fn closures_share_captured_variables_and_loop_variables_are_per_iteration() {
    if goroot().is_none() {
        return;
    }
    let o = run(r#"package main

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func main() {
	c := counter()
	c()
	c()
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i * 10 })
	}
	println(c(), fs[0](), fs[1](), fs[2]())
}
"#);
    assert_eq!(o.output, "3 0 10 20\n");
}

#[test]
fn defer_runs_last_first_and_recover_stops_a_panic() {
    if goroot().is_none() {
        return;
    }
    let o = run(r#"package main

func show(s string) { println(s) }

func div(a, b int) (q int, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return a / b, true
}

func work() (r int) {
	defer show("second")
	defer show("first")
	defer func() { r *= 10 }()
	return 4
}

func named() (out string) {
	defer func() {
		out = "recovered " + recover().(string)
	}()
	panic("boom")
}

func main() {
	println(work())
	println(named())
	q, ok := div(7, 2)
	println(q, ok)
	q, ok = div(1, 0)
	println(q, ok)
}
"#);
    assert_eq!(o.output, "first\nsecond\n40\nrecovered boom\n3 true\n0 false\n");
}

#[test]
fn slices_append_and_slice_expressions() {
    if goroot().is_none() {
        return;
    }
    let o = run(r#"package main

func main() {
	s := []int{1, 2, 3}
	s = append(s, 4, 5)
	t := s[1:3]
	t[0] = 20
	str := "hello, world"
	println(len(s), cap(s), s[1], len(t), cap(t), str[7:], len(str[:5]))
	println(t[3])
}
"#);
    assert_eq!(o.output, "5 6 20 2 5 world 5\n");
    let (report, code) = o.stop.expect("a panic");
    assert!(report.starts_with("panic: runtime error: index out of range [3] with length 2\n"), "{report}");
    assert_eq!(code, 2);
}

#[test]
fn methods_with_value_and_pointer_receivers() {
    if goroot().is_none() {
        return;
    }
    let o = run(r#"package main

type P struct{ x, y int }

func (p *P) Move(d int) { p.x += d; p.y -= d }
func (p P) Sum() int   { return p.x + p.y }

type N int

func (n *N) Inc() { *n++ }

func main() {
	p := P{1, 2}
	p.Move(3)
	q := &P{x: 10}
	q.Move(1)
	var n N = 41
	n.Inc()
	println(p.x, p.y, p.Sum(), q.Sum(), n)
}
"#);
    assert_eq!(o.output, "4 -1 3 10 42\n");
}

#[test]
fn interfaces_method_calls_assertions_and_type_switches() {
    if goroot().is_none() {
        return;
    }
    let o = run(r#"package main

type Shape interface{ Area() int }

type Rect struct{ w, h int }

func (r Rect) Area() int { return r.w * r.h }

type Sq struct{ s int }

func (q *Sq) Area() int { return q.s * q.s }

func kind(x any) int {
	switch v := x.(type) {
	case nil:
		return 0
	case int:
		return v
	case string:
		return len(v)
	default:
		return -1
	}
}

func main() {
	shapes := []Shape{Rect{2, 3}, &Sq{4}, &Rect{1, 5}}
	total := 0
	for _, s := range shapes {
		total += s.Area()
	}
	var e any = "abc"
	s, ok := e.(string)
	n, ok2 := e.(int)
	println(total, s, ok, n, ok2, kind(nil), kind(7), kind("four"), kind(1.5), e == "abc", e != any(3))
}
"#);
    assert_eq!(o.output, "27 abc true 0 false 0 7 4 -1 true true\n");
}

#[test]
fn maps_insert_look_up_delete_and_range() {
    if goroot().is_none() {
        return;
    }
    let o = run(r#"package main

type key struct {
	a int8
	s string
}

func main() {
	m := map[key]int{}
	for i := 0; i < 100; i++ {
		m[key{int8(i), "k"}] = i
	}
	m[key{5, "k"}] += 1000
	delete(m, key{6, "k"})
	v, ok := m[key{6, "k"}]
	sum := 0
	for k, v := range m {
		sum += int(k.a) + v
	}
	var nilmap map[string]bool
	println(len(m), m[key{5, "k"}], v, ok, sum, len(nilmap), nilmap["x"])
	nilmap["x"] = true
}
"#);
    assert_eq!(o.output, "99 1005 0 false 10888 0 false\n");
    let (report, code) = o.stop.unwrap_or_default();
    assert!(report.starts_with("panic: assignment to entry in nil map\n"), "{report}");
    assert_eq!(code, 2);
}
