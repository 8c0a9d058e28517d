// run

// os/exec on the poller: Output of echo, Run of false (exit status 1), a missing
// binary, StdinPipe/StdoutPipe with cat driven by two goroutines, an output much larger
// than a pipe's buffer (Wait must not block the reader), and waiting for a sleeping
// child while a ticker keeps ticking in the parent (waiting parks only the waiter).
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"time"
)

func main() {
	out, err := exec.Command("echo", "hi").Output()
	fmt.Printf("%q %v\n", out, err)

	err = exec.Command("false").Run()
	var ee *exec.ExitError
	fmt.Println(err, errors.As(err, &ee) && ee.ExitCode() == 1)

	err = exec.Command("/nonexistent/binary").Run()
	fmt.Println(err)
	_, err = exec.LookPath("no-such-program-mvm")
	fmt.Println(errors.Is(err, exec.ErrNotFound))

	cmd := exec.Command("cat")
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		panic(err)
	}
	go func() {
		for i := 0; i < 3; i++ {
			fmt.Fprintf(stdin, "line %d\n", i)
		}
		stdin.Close()
	}()
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		fmt.Println("cat:", sc.Text())
	}
	fmt.Println("cat wait:", cmd.Wait())

	out, err = exec.Command("sh", "-c", "head -c 300000 /dev/zero").Output()
	fmt.Println("big output:", len(out), err)

	cmd = exec.Command("sh", "-c", "sleep 0.1; echo slept")
	pr, _ := cmd.StdoutPipe()
	cmd.Start()
	ticks := 0
	tk := time.NewTicker(5 * time.Millisecond)
	stop := make(chan bool)
	go func() {
		for {
			select {
			case <-tk.C:
				ticks++
			case <-stop:
				return
			}
		}
	}()
	b, _ := io.ReadAll(pr)
	err = cmd.Wait()
	stop <- true
	tk.Stop()
	fmt.Println(strings.TrimSpace(string(b)), err, "parent ticked meanwhile:", ticks > 3)
}
