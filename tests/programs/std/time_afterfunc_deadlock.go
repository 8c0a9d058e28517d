// run exit=2

// A pending AfterFunc keeps the program alive (the scheduler sleeps until it fires);
// once it has run and nothing else can wake main, gc reports the deadlock.
package main

import (
	"fmt"
	"time"
)

func main() {
	done := make(chan bool)
	time.AfterFunc(20*time.Millisecond, func() {
		fmt.Println("afterfunc ran")
		done <- true
	})
	<-done
	fmt.Println("main got it; now blocking forever")
	<-done
}
