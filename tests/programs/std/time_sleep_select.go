// run

// Timers in the scheduler: goroutines sleeping 50ms and 10ms wake in that order; a
// select between a slow result and time.After times out; a CPU-bound goroutine that
// never blocks does not keep timers from firing (they fire between time slices); a
// Ticker ticks while the main goroutine calls runtime.Gosched in a loop; the timer
// goroutine of the runtime is not counted by runtime.NumGoroutine; len and cap of a
// timer channel are 0 even with a value ready; context.WithTimeout expires.
package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	var mu sync.Mutex
	var order []string
	var wg sync.WaitGroup
	for _, d := range []time.Duration{50 * time.Millisecond, 10 * time.Millisecond} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(d)
			mu.Lock()
			order = append(order, d.String())
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("order:", order)

	slow := make(chan int)
	go func() {
		time.Sleep(100 * time.Millisecond)
		slow <- 1
	}()
	select {
	case <-slow:
		fmt.Println("slow first")
	case <-time.After(10 * time.Millisecond):
		fmt.Println("timeout first")
	}
	fmt.Println("late value:", <-slow)

	var stop atomic.Bool
	var spins int64
	go func() {
		for !stop.Load() {
			spins++
		}
	}()
	start := time.Now()
	<-time.After(20 * time.Millisecond)
	stop.Store(true)
	fmt.Println("timer fired beside a spinning goroutine:", time.Since(start) >= 20*time.Millisecond)

	tk := time.NewTicker(2 * time.Millisecond)
	n := 0
	for n < 3 {
		select {
		case <-tk.C:
			n++
		default:
			runtime.Gosched()
		}
	}
	tk.Stop()
	fmt.Println("ticks while yielding:", n)

	t := time.NewTimer(time.Millisecond)
	time.Sleep(10 * time.Millisecond)
	fmt.Println("len, cap of a fired timer's channel:", len(t.C), cap(t.C))
	<-t.C
	fmt.Println("received after sleeping")

	time.Sleep(5 * time.Millisecond)
	fmt.Println("goroutines:", runtime.NumGoroutine())

	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Millisecond)
	defer cancel()
	<-ctx.Done()
	fmt.Println("context:", ctx.Err(), errors.Is(ctx.Err(), context.DeadlineExceeded))

	before := time.Now()
	time.Sleep(0)
	time.Sleep(-time.Second)
	fmt.Println("non-positive sleeps return:", time.Since(before) < time.Second)
}
