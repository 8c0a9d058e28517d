// run

// os/signal: Notify for SIGUSR1 then signalling our own process with syscall.Kill; the
// signal arrives on the channel (printed by name and number); Ignore makes a later
// SIGUSR1 harmless; Stop; NotifyContext cancelling a context on SIGUSR2; and
// signal.Ignored.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGUSR1)
	if err := syscall.Kill(os.Getpid(), syscall.SIGUSR1); err != nil {
		fmt.Println("kill:", err)
	}
	select {
	case s := <-c:
		fmt.Printf("received %v (%d) %T\n", s, s.(syscall.Signal), s)
	case <-time.After(5 * time.Second):
		fmt.Println("timeout waiting for SIGUSR1")
	}
	p, _ := os.FindProcess(os.Getpid())
	fmt.Println(p.Signal(syscall.SIGUSR1))
	fmt.Println("again:", <-c)
	signal.Stop(c)

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGUSR2)
	defer stop()
	syscall.Kill(os.Getpid(), syscall.SIGUSR2)
	select {
	case <-ctx.Done():
		fmt.Println("context done:", ctx.Err())
	case <-time.After(5 * time.Second):
		fmt.Println("timeout waiting for SIGUSR2")
	}

	signal.Ignore(syscall.SIGUSR1)
	fmt.Println("ignored:", signal.Ignored(syscall.SIGUSR1))
	syscall.Kill(os.Getpid(), syscall.SIGUSR1)
	time.Sleep(20 * time.Millisecond)
	fmt.Println("still alive after ignored SIGUSR1")
	fmt.Println(syscall.SIGINT, syscall.SIGTERM, syscall.SIGKILL, os.Interrupt, os.Kill)
}
