// run exit=2

// A timer whose channel nobody receives from does not count as something that can
// wake a goroutine (gc keeps such timers out of its heap since Go 1.23): main blocked
// on a channel no one sends on is a deadlock at once, not an hour later.
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(time.Hour)
	defer t.Stop()
	ch := make(chan int)
	fmt.Println("waiting")
	<-ch
}
