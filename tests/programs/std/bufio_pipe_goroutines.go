// run

// A goroutine blocked reading an os.Pipe that nobody has written to yet must not stop the
// other goroutines: while it waits, a pipeline of goroutines runs and prints, and timers
// fire; then the pipe is written and closed and the reader finishes. A second pair of
// pipes carries a request/response conversation between main and an "echo server"
// goroutine, each side blocking on its read in turn.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

func main() {
	r, w, err := os.Pipe()
	if err != nil {
		fmt.Println("pipe:", err)
		return
	}
	result := make(chan string)
	go func() {
		sc := bufio.NewScanner(r)
		var lines []string
		for sc.Scan() {
			lines = append(lines, sc.Text())
		}
		result <- fmt.Sprintf("reader got %d lines: %s (err %v)", len(lines), strings.Join(lines, ","), sc.Err())
	}()

	// Meanwhile: a three-stage pipeline and a worker group, all while the reader is parked.
	nums := make(chan int)
	squares := make(chan int)
	go func() {
		for i := 1; i <= 5; i++ {
			nums <- i
		}
		close(nums)
	}()
	go func() {
		for n := range nums {
			squares <- n * n
		}
		close(squares)
	}()
	for s := range squares {
		fmt.Println("square", s)
	}
	var wg sync.WaitGroup
	sums := make([]int, 4)
	for i := range sums {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100000; j++ {
				sums[i] += j % (i + 2)
			}
		}()
	}
	wg.Wait()
	fmt.Println("worker sums", sums)
	time.Sleep(20 * time.Millisecond)
	select {
	case s := <-result:
		fmt.Println("too early:", s)
	case <-time.After(10 * time.Millisecond):
		fmt.Println("reader still blocked after timers fired")
	}

	bw := bufio.NewWriter(w)
	for i := 0; i < 3; i++ {
		fmt.Fprintf(bw, "line%d\n", i)
	}
	bw.Flush()
	w.Close()
	fmt.Println(<-result)
	r.Close()

	// Request/response over two pipes.
	reqR, reqW, _ := os.Pipe()
	respR, respW, _ := os.Pipe()
	done := make(chan int)
	go func() {
		in := bufio.NewReader(reqR)
		n := 0
		for {
			line, err := in.ReadString('\n')
			if err == io.EOF {
				break
			}
			n++
			fmt.Fprintf(respW, "echo %d: %s", n, strings.ToUpper(line))
		}
		respW.Close()
		done <- n
	}()
	out := bufio.NewReader(respR)
	for _, word := range []string{"alpha", "beta", "gamma"} {
		fmt.Fprintln(reqW, word)
		resp, err := out.ReadString('\n')
		fmt.Printf("%q %v\n", resp, err)
	}
	reqW.Close()
	fmt.Println("server handled", <-done)
	rest, err := io.ReadAll(respR)
	fmt.Printf("after close: %q %v\n", rest, err)
	respR.Close()
	reqR.Close()
}
