// run

// Time passing without printing the clock: Sleep ordering between goroutines (woken
// in order of their durations), Timer (fires; Stop before firing returns true and the
// channel stays empty; Reset; Stop after firing returns false), the unbuffered timer
// channel of Go 1.23+, AfterFunc (and stopping one), a Ticker stopped after five ticks,
// time.After as a select timeout, time.Tick, and elapsed times only compared with a bound.
package main

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

func main() {
	start := time.Now()
	var mu sync.Mutex
	var order []int
	var wg sync.WaitGroup
	for _, ms := range []int{60, 20, 100, 40, 80} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(ms) * time.Millisecond)
			mu.Lock()
			order = append(order, ms)
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("wake order:", order, "elapsed >= 100ms:", time.Since(start) >= 100*time.Millisecond)

	t := time.NewTimer(20 * time.Millisecond)
	fmt.Println("cap(C):", cap(t.C))
	<-t.C
	fmt.Println("timer fired; Stop after firing:", t.Stop())

	t2 := time.NewTimer(time.Hour)
	fmt.Println("Stop before firing:", t2.Stop())
	select {
	case <-t2.C:
		fmt.Println("stale value")
	default:
		fmt.Println("no value after Stop")
	}
	fmt.Println("Reset stopped timer:", t2.Reset(10*time.Millisecond))
	<-t2.C
	fmt.Println("reset timer fired")

	t3 := time.NewTimer(10 * time.Millisecond)
	time.Sleep(30 * time.Millisecond)
	fmt.Println("Reset expired unread timer:", t3.Reset(time.Hour))
	select {
	case <-t3.C:
		fmt.Println("stale value after Reset")
	default:
		fmt.Println("no stale value after Reset")
	}
	t3.Stop()

	fired := make(chan string, 2)
	time.AfterFunc(10*time.Millisecond, func() { fired <- "afterfunc ran" })
	never := time.AfterFunc(time.Hour, func() { fired <- "should not run" })
	fmt.Println(<-fired, "| stop pending:", never.Stop())

	ticker := time.NewTicker(5 * time.Millisecond)
	ticks := 0
	for range ticker.C {
		ticks++
		if ticks == 5 {
			ticker.Stop()
			break
		}
	}
	fmt.Println("ticks:", ticks)
	ticker.Reset(5 * time.Millisecond)
	<-ticker.C
	ticker.Stop()
	fmt.Println("ticker reset ticked")

	result := make(chan int)
	go func() {
		time.Sleep(200 * time.Millisecond)
		select {
		case result <- 1:
		default:
		}
	}()
	select {
	case r := <-result:
		fmt.Println("result", r)
	case <-time.After(20 * time.Millisecond):
		fmt.Println("timed out waiting")
	}
	tick := time.Tick(5 * time.Millisecond)
	<-tick
	<-tick
	fmt.Println("time.Tick ticked twice")

	done := make(chan bool)
	var stamps []int
	for i := 3; i >= 1; i-- {
		time.AfterFunc(time.Duration(i)*15*time.Millisecond, func() {
			mu.Lock()
			stamps = append(stamps, i)
			n := len(stamps)
			mu.Unlock()
			if n == 3 {
				done <- true
			}
		})
	}
	<-done
	fmt.Println("afterfunc order:", stamps, sort.IntsAreSorted(stamps))
	total := time.Since(start)
	fmt.Println("total > 0:", total > 0, "under 10s:", total < 10*time.Second)
}
