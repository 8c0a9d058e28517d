// Parked-goroutines starts many goroutines that all block on one channel, then
// releases them: a benchmark of goroutine creation and of memory per parked
// goroutine (the runner reports the peak RSS).
//
// Usage: parked-goroutines [n] (default 100000).
package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync"
)

func main() {
	n := 100000
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil || v <= 0 {
			fmt.Fprintln(os.Stderr, "usage: parked-goroutines [n]")
			os.Exit(2)
		}
		n = v
	}
	release := make(chan struct{})
	var started, finished sync.WaitGroup
	results := make([]int, n)
	started.Add(n)
	finished.Add(n)
	for i := range n {
		go func() {
			defer finished.Done()
			started.Done()
			<-release
			results[i] = i * 2
		}()
	}
	started.Wait()
	// Every goroutine has started and is parked on release, or about to be.
	parked := runtime.NumGoroutine() - 1
	close(release)
	finished.Wait()
	sum := 0
	for _, r := range results {
		sum += r
	}
	fmt.Printf("%d goroutines parked at once, sum %d\n", parked, sum)
}
