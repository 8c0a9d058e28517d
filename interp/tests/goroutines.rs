//! Goroutines, channels and select compiled from source and run through the scheduler
//! (`Vm::run_main`): outputs, deadlock reports and panics in goroutines as gc gives them.

use frontend::loader::goroot::GoRoot;
use frontend::loader::{Config, Request};
use interp::compile;
use interp::vm::heap::MallocHeap;
use interp::vm::{Vm, VmConfig};
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

#[derive(Clone, Default)]
struct Captured(Rc<RefCell<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What running a program gave: its output, and the report and exit status of an
/// abnormal stop.
struct Outcome {
    output: String,
    stop: Option<(String, i32)>,
}

fn goroot() -> Option<GoRoot> {
    GoRoot::discover().ok()
}

/// Compiles `src` as `main.go`; `Err` holds the compile errors.
fn build(src: &str) -> Result<compile::Compiled, Vec<String>> {
    let root = goroot().ok_or_else(|| vec!["no GOROOT".to_string()])?;
    let dir = std::env::temp_dir().join(format!("mvm-goroutine-test-{}-{:x}", std::process::id(), hash(src)));
    std::fs::create_dir_all(&dir).map_err(|e| vec![e.to_string()])?;
    let file = dir.join("main.go");
    std::fs::write(&file, src).map_err(|e| vec![e.to_string()])?;
    let cfg = Config::host(root.clone());
    let checked = frontend::types::check_packages(&cfg, &Request::Files(vec![file]));
    let _ = std::fs::remove_dir_all(&dir);
    let checked = checked?;
    compile::compile(&checked, &root.path.join("src")).map_err(|es| es.iter().map(ToString::to_string).collect())
}

fn hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf29ce484222325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100000001b3))
}

fn run(src: &str) -> Outcome {
    run_with(src, VmConfig::default())
}

fn run_with(src: &str, config: VmConfig) -> Outcome {
    let c = match build(src) {
        Ok(c) => c,
        Err(es) => panic!("compile errors: {es:?}"),
    };
    let out = Captured::default();
    let mut stop = None;
    {
        let mut vm = Vm::new(&c.program, Box::new(MallocHeap::default()), Box::new(out.clone()), config);
        for &f in c.inits.iter().chain(std::iter::once(&c.main)) {
            if let Err(s) = vm.run_main(f, &[]) {
                stop = Some((s.report(), s.exit_code()));
                break;
            }
        }
    }
    let output = String::from_utf8_lossy(&out.0.borrow()).into_owned();
    Outcome { output, stop }
}


#[test]
fn ping_pong_and_worker_pool_through_the_scheduler() {
    if goroot().is_none() {
        return;
    }
    let o = run(r#"package main

func main() {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v * 2
		}
		close(pong)
	}()
	sum := 0
	for i := 1; i <= 100; i++ {
		ping <- i
		sum += <-pong
	}
	close(ping)
	_, ok := <-pong
	jobs, results := make(chan int, 10), make(chan int)
	for w := 0; w < 3; w++ {
		go func() {
			for j := range jobs {
				results <- j
			}
		}()
	}
	go func() {
		for i := 0; i < 30; i++ {
			jobs <- i
		}
		close(jobs)
	}()
	total := 0
	for i := 0; i < 30; i++ {
		total += <-results
	}
	println(sum, ok, total)
}
"#);
    assert_eq!(o.output, "10100 false 435\n");
    assert!(o.stop.is_none());
}

#[test]
fn a_spinning_goroutine_is_preempted() {
    if goroot().is_none() {
        return;
    }
    let o = run(r#"package main

var spins int

func main() {
	go func() {
		for {
			spins++
		}
	}()
	c := make(chan int)
	go func() { c <- 1 }()
	n := 0
	for i := 0; i < 3; i++ {
		go func() { c <- 1 }()
		n += <-c
	}
	println(n + <-c)
}
"#);
    assert_eq!(o.output, "4\n");
}

#[test]
fn deadlock_lists_every_goroutine_with_its_wait_reason() {
    if goroot().is_none() {
        return;
    }
    let o = run(r#"package main

func main() {
	var nilc chan int
	go func() { <-nilc }()
	c := make(chan int)
	go func() { c <- 1; c <- 2 }()
	<-c
	select {}
}
"#);
    let (report, code) = o.stop.expect("a deadlock");
    assert_eq!(code, 2);
    assert!(report.starts_with("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [select (no cases)]:\n"), "{report}");
    assert!(report.contains("[chan receive (nil chan)]:\n"), "{report}");
    assert!(report.contains("[chan send]:\n"), "{report}");
    assert_eq!(report.matches("created by main.main in goroutine 1\n").count(), 2, "{report}");
}

#[test]
fn a_panic_in_a_goroutine_ends_the_program_with_its_trace() {
    if goroot().is_none() {
        return;
    }
    let o = run(r#"package main

func boom(s []int) {
	_ = s[3]
}

func main() {
	c := make(chan int)
	go boom(nil)
	<-c
}
"#);
    let (report, code) = o.stop.expect("a panic");
    assert_eq!(code, 2);
    assert!(report.starts_with("panic: runtime error: index out of range [3] with length 0\n\ngoroutine "), "{report}");
    assert!(report.contains(" [running]:\nmain.boom("), "{report}");
    assert!(report.contains("created by main.main in goroutine 1\n"), "{report}");
}

#[test]
fn select_send_and_receive_cases_with_default() {
    if goroot().is_none() {
        return;
    }
    let o = run(r#"package main

func main() {
	a := make(chan string) // no receiver: never ready
	b := make(chan int, 1)
	for i := 0; i < 4; i++ {
		select {
		case a <- "x":
			print("sent?! ")
		case v, ok := <-b:
			print("got ", v, " ", ok, " ")
		default:
			print("default ")
			b <- i
		}
	}
	println()
}
"#);
    assert_eq!(o.output, "default got 0 true default got 2 true \n");
}

#[test]
fn preemption_at_every_call_keeps_panics_and_recovery_intact() {
    if goroot().is_none() {
        return;
    }
    // A budget of 2 preempts at nearly every call and back-edge, including the calls
    // of deferred functions that a panic makes.
    let src = r#"package main

func check(tag string) {
	if recover() == nil {
		println(tag, "did not panic")
	}
}

func div(x, y int) int {
	defer check("div")
	return x / y
}

func main() {
	done := make(chan int)
	for g := 0; g < 3; g++ {
		go func() {
			s := 0
			for i := 0; i < 50; i++ {
				s += div(i, 0)
			}
			done <- s
		}()
	}
	println(<-done + <-done + <-done)
}
"#;
    let o = run_with(src, VmConfig { budget: 2, ..VmConfig::default() });
    assert_eq!(o.output, "0\n");
    assert!(o.stop.is_none(), "{:?}", o.stop);
}
