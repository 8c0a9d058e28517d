// run

// os/signal: Notify(c, os.Interrupt) and SIGINT sent to our own process arrives on the
// channel; two channels notified for SIGHUP both get it; after Stop the channel gets
// nothing more while another still does; Reset restores the default for the signal.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	syscall.Kill(os.Getpid(), syscall.SIGINT)
	fmt.Println("got:", <-c)

	a := make(chan os.Signal, 1)
	b := make(chan os.Signal, 1)
	signal.Notify(a, syscall.SIGHUP)
	signal.Notify(b, syscall.SIGHUP)
	syscall.Kill(os.Getpid(), syscall.SIGHUP)
	fmt.Println("a:", <-a, "b:", <-b)
	signal.Stop(a)
	syscall.Kill(os.Getpid(), syscall.SIGHUP)
	fmt.Println("b again:", <-b)
	select {
	case s := <-a:
		fmt.Println("a after Stop:", s)
	case <-time.After(20 * time.Millisecond):
		fmt.Println("a after Stop: nothing")
	}
	signal.Reset(os.Interrupt)
	fmt.Println("ignored:", signal.Ignored(os.Interrupt))
}
