// run exit=2

// A WaitGroup that nobody will ever release: with no other goroutine and no pending
// timer, gc's runtime detects the deadlock and stops with "fatal error: all goroutines
// are asleep - deadlock!" and exit status 2; the goroutine header names the wait reason
// ([sync.WaitGroup.Wait]). A timer that fired earlier does not count as pending.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	<-time.After(10 * time.Millisecond)
	fmt.Println("timer done; now waiting forever")
	var wg sync.WaitGroup
	wg.Add(1)
	wg.Wait()
}
