// run

// os.Pipe on the poller: a reader goroutine gets what the writer sends; a write far
// larger than the pipe's buffer parks the writer until the reader drains it; a read
// deadline gives os.ErrDeadlineExceeded (a net.Error-like Timeout) and clearing it lets
// the next read wait; closing the read end wakes a reader blocked on it with
// os.ErrClosed; a write to a pipe whose reader is gone fails with EPIPE.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"
	"time"
)

func main() {
	r, w, err := os.Pipe()
	if err != nil {
		panic(err)
	}
	got := make(chan string)
	go func() {
		b, err := io.ReadAll(r)
		got <- fmt.Sprintf("%d bytes, err=%v", len(b), err)
	}()
	big := make([]byte, 1<<20)
	n, err := w.Write(big)
	fmt.Println("wrote", n, err)
	w.Close()
	fmt.Println("reader:", <-got)
	r.Close()

	r, w, _ = os.Pipe()
	start := time.Now()
	r.SetReadDeadline(start.Add(20 * time.Millisecond))
	buf := make([]byte, 10)
	_, err = r.Read(buf)
	fmt.Println("deadline:", errors.Is(err, os.ErrDeadlineExceeded), time.Since(start) >= 20*time.Millisecond)
	var te interface{ Timeout() bool }
	fmt.Println("timeout error:", errors.As(err, &te) && te.Timeout())
	r.SetReadDeadline(time.Time{})
	go func() {
		time.Sleep(10 * time.Millisecond)
		w.Write([]byte("late"))
	}()
	n, err = r.Read(buf)
	fmt.Printf("after clearing the deadline: %q %v\n", buf[:n], err)
	r.SetReadDeadline(time.Now().Add(-time.Second))
	_, err = r.Read(buf)
	fmt.Println("deadline in the past:", errors.Is(err, os.ErrDeadlineExceeded))
	r.SetReadDeadline(time.Time{})

	done := make(chan error)
	go func() {
		_, err := r.Read(buf)
		done <- err
	}()
	time.Sleep(10 * time.Millisecond)
	r.Close()
	err = <-done
	fmt.Println("close wakes the reader:", errors.Is(err, os.ErrClosed))
	_, err = w.Write([]byte("x"))
	fmt.Println("write without reader:", errors.Is(err, syscall.EPIPE))
	w.Close()
}
