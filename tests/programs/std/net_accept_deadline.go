// run

// net on the poller: Accept with a deadline times out (a net.Error whose Timeout is
// true, wrapping os.ErrDeadlineExceeded); closing the listener wakes a goroutine blocked
// in Accept with net.ErrClosed; a client's write deadline in the past fails at once; an
// echo round trip of 200 KB through a goroutine (larger than the socket buffers, so
// both sides park on the poller).
package main

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"time"
)

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	ln.(*net.TCPListener).SetDeadline(time.Now().Add(20 * time.Millisecond))
	_, err = ln.Accept()
	var ne net.Error
	fmt.Println("accept timeout:", errors.As(err, &ne) && ne.Timeout(), errors.Is(err, os.ErrDeadlineExceeded))
	ln.(*net.TCPListener).SetDeadline(time.Time{})

	go func() {
		c, err := ln.Accept()
		if err != nil {
			fmt.Println("accept:", err)
			return
		}
		io.Copy(c, c)
		c.Close()
	}()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		panic(err)
	}
	data := make([]byte, 200_000)
	for i := range data {
		data[i] = byte(i)
	}
	go func() {
		c.Write(data)
		c.(*net.TCPConn).CloseWrite()
	}()
	back, err := io.ReadAll(c)
	fmt.Println("echoed:", len(back), err, string(back) == string(data))
	c.SetWriteDeadline(time.Now().Add(-time.Second))
	_, err = c.Write([]byte("x"))
	fmt.Println("write deadline in the past:", errors.Is(err, os.ErrDeadlineExceeded))
	c.Close()

	done := make(chan error)
	go func() {
		_, err := ln.Accept()
		done <- err
	}()
	time.Sleep(10 * time.Millisecond)
	ln.Close()
	fmt.Println("close wakes Accept:", errors.Is(<-done, net.ErrClosed))
}
