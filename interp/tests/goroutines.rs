//! Goroutines, channels and select compiled from source and run through the scheduler
//! (`Vm::run_main`): outputs, deadlock reports and panics in goroutines as gc gives them.

mod common;

use common::{goroot, run, run_with};
use interp::vm::VmConfig;

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
