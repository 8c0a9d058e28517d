// run

// Go 1.23's collectable timers: 200,000 time.After channels that nobody keeps are
// garbage even though their timers have an hour to go (the heap stays small after
// runtime.GC), while a timer and a time.After channel that are still held fire after
// a collection.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	for i := 0; i < 200000; i++ {
		select {
		case <-time.After(time.Hour):
		default:
		}
	}
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println("heap under 8 MB after GC:", m.HeapAlloc < 8<<20)
	t := time.NewTimer(20 * time.Millisecond)
	c := time.After(10 * time.Millisecond)
	runtime.GC()
	<-c
	<-t.C
	fmt.Println("held timers still fire")
}
