// run

// Timers due together take effect in deadline order: the whole VM is blocked in a
// raw nanosleep past every deadline, then sleepers wake in order of their durations,
// and AfterFunc functions run in order.
package main

import (
	"fmt"
	"sync"
	"syscall"
	"time"
)

func main() {
	var mu sync.Mutex
	var order []int
	var wg sync.WaitGroup
	for _, ms := range []int{40, 10, 30, 20} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(ms) * time.Millisecond)
			mu.Lock()
			order = append(order, ms)
			mu.Unlock()
		}()
	}
	done := make(chan int, 4)
	for _, ms := range []int{35, 15, 25, 5} {
		time.AfterFunc(time.Duration(ms)*time.Millisecond, func() { done <- ms })
	}
	time.Sleep(time.Millisecond) // let the sleepers park
	ts := syscall.Timespec{Nsec: 60_000_000}
	syscall.Nanosleep(&ts, nil) // blocks the whole VM: every timer is due at once
	wg.Wait()
	fmt.Println("sleep order:", order)
	fmt.Println("afterfunc order:", <-done, <-done, <-done, <-done)
}
