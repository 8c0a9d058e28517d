// run

// The runtime package: GOOS/GOARCH/Compiler, Version's prefix, NumCPU and GOMAXPROCS
// (positive only), NumGoroutine as goroutines start and end, Gosched, Goexit running
// deferred calls, Caller/Callers/CallersFrames/FuncForPC (function names, file base
// names and lines), GC and ReadMemStats.NumGC growing, KeepAlive, SetFinalizer and
// AddCleanup registered (whether they run is not asserted: gc gives no guarantee), and
// runtime.Error values from recovered run-time panics.
package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

func where() string {
	_, file, line, ok := runtime.Caller(1)
	return fmt.Sprintf("%s:%d %v", filepath.Base(file), line, ok)
}

func inner() []string {
	pcs := make([]uintptr, 20)
	n := runtime.Callers(1, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	var out []string
	for {
		f, more := frames.Next()
		out = append(out, fmt.Sprintf("%s@%s:%d", f.Function, filepath.Base(f.File), f.Line))
		if f.Function == "main.main" || !more {
			break
		}
	}
	return out
}

func middle() []string { return inner() }

type resource struct{ name string }

func main() {
	fmt.Println(runtime.GOOS, runtime.GOARCH, runtime.Compiler, strings.HasPrefix(runtime.Version(), "go"))
	fmt.Println(runtime.NumCPU() > 0, runtime.GOMAXPROCS(0) > 0)

	fmt.Println("goroutines at start:", runtime.NumGoroutine())
	release := make(chan struct{})
	var started, finished sync.WaitGroup
	for i := 0; i < 3; i++ {
		started.Add(1)
		finished.Add(1)
		go func() {
			defer finished.Done()
			started.Done()
			<-release
		}()
	}
	started.Wait()
	fmt.Println("goroutines while blocked:", runtime.NumGoroutine())
	close(release)
	finished.Wait()
	for runtime.NumGoroutine() > 1 {
		runtime.Gosched()
	}
	fmt.Println("goroutines after:", runtime.NumGoroutine())

	done := make(chan string)
	go func() {
		defer func() { done <- "deferred call ran after Goexit" }()
		func() {
			runtime.Goexit()
		}()
		done <- "not reached"
	}()
	fmt.Println(<-done)

	fmt.Println("here:", where())
	_, file, line, ok := runtime.Caller(0)
	fmt.Println(filepath.Base(file), line, ok)
	for _, f := range middle() {
		fmt.Println("frame", f)
	}
	pc, _, _, _ := runtime.Caller(0)
	fmt.Println(runtime.FuncForPC(pc).Name())
	fn := runtime.FuncForPC(pc)
	ff, fl := fn.FileLine(pc)
	fmt.Println(filepath.Base(ff), fl > 0)
	func() {
		pc, _, line, _ := runtime.Caller(0)
		fmt.Println("closure:", runtime.FuncForPC(pc).Name(), line)
	}()
	_, _, _, ok = runtime.Caller(100)
	fmt.Println("Caller(100) ok:", ok)

	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	before := ms.NumGC
	data := make([][]byte, 0, 100)
	for i := 0; i < 100; i++ {
		data = append(data, make([]byte, 10000))
	}
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Println("GC counted:", ms.NumGC > before, ms.HeapAlloc > 0, ms.TotalAlloc >= ms.HeapAlloc, len(data))
	runtime.KeepAlive(data)

	r := &resource{"file"}
	runtime.SetFinalizer(r, func(r *resource) { _ = r.name })
	runtime.SetFinalizer(r, nil)
	c := runtime.AddCleanup(&resource{"tmp"}, func(s string) { _ = s }, "cleanup arg")
	c.Stop()
	runtime.KeepAlive(r)
	fmt.Println("finalizer and cleanup registered")

	runtime.LockOSThread()
	runtime.UnlockOSThread()

	for _, f := range []func(){
		func() {
			var s []int
			_ = s[3]
		},
		func() {
			var m map[string]int
			m["x"] = 1
		},
		func() {
			var i any = "str"
			_ = i.(int)
		},
		func() {
			a, b := 1, 0
			_ = a / b
		},
		func() {
			var p *resource
			_ = p.name
		},
		func() { panic(errors.New("plain error, not runtime.Error")) },
	} {
		func() {
			defer func() {
				v := recover()
				re, isRuntime := v.(runtime.Error)
				if isRuntime {
					fmt.Printf("runtime.Error: %s (%T)\n", re.Error(), re)
				} else {
					fmt.Println("other:", v)
				}
			}()
			f()
		}()
	}
}
