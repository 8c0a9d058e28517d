// run

// os/exec running /bin/echo and /bin/sh: Output, CombinedOutput (stdout and stderr
// interleaved in one pipe), exit statuses through *exec.ExitError, Stdin from a reader,
// Env and Dir, StdoutPipe with Start/Wait, a child killed by a signal, CommandContext
// killing a long-running child at its deadline, LookPath, and the errors for a missing
// program (by path and by name).
package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

func main() {
	for _, p := range []string{"/bin/echo", "/bin/sh"} {
		if _, err := os.Stat(p); err != nil {
			fmt.Println("missing", p)
			return
		}
	}
	out, err := exec.Command("/bin/echo", "hello", "from", "echo").Output()
	fmt.Printf("%q %v\n", out, err)

	cmd := exec.Command("/bin/sh", "-c", "echo out1; echo err1 >&2; echo out2; exit 3")
	fmt.Println(cmd.String())
	comb, err := cmd.CombinedOutput()
	fmt.Printf("%q %v\n", comb, err)
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		fmt.Println("exit code", ee.ExitCode(), ee.Exited(), ee.Success(), cmd.ProcessState.ExitCode())
	}
	out, err = exec.Command("/bin/sh", "-c", "echo only-out; echo only-err >&2; exit 1").Output()
	if errors.As(err, &ee) {
		fmt.Printf("%q %v stderr=%q\n", out, err, ee.Stderr)
	}

	c := exec.Command("/bin/sh", "-c", "read a; read b; echo \"got $b then $a\"")
	c.Stdin = strings.NewReader("first\nsecond\n")
	out, err = c.Output()
	fmt.Printf("%q %v\n", out, err)

	dir, _ := os.MkdirTemp("", "mvm-exec-")
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "marker.txt"), nil, 0o644)
	c = exec.Command("/bin/sh", "-c", "echo \"FOO=$FOO\"; ls")
	c.Env = []string{"FOO=bar baz", "PATH=/usr/bin:/bin"}
	c.Dir = dir
	out, err = c.Output()
	fmt.Printf("%q %v\n", out, err)
	c = exec.Command("/bin/sh", "-c", "pwd")
	c.Dir = dir
	out, _ = c.Output()
	real, _ := filepath.EvalSymlinks(dir)
	got := strings.TrimSpace(string(out))
	fmt.Println("pwd is dir:", got == dir || got == real)

	c = exec.Command("/bin/sh", "-c", "for i in 1 2 3; do echo line $i; done")
	pipe, _ := c.StdoutPipe()
	fmt.Println(c.Start())
	sc := bufio.NewScanner(pipe)
	for sc.Scan() {
		fmt.Println("piped:", sc.Text())
	}
	fmt.Println(c.Wait(), c.ProcessState.Success())

	err = exec.Command("/bin/sh", "-c", "kill -TERM $$").Run()
	fmt.Println(err, errors.As(err, &ee), ee.ExitCode(), ee.Exited())

	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	err = exec.CommandContext(ctx, "/bin/sh", "-c", "exec sleep 10").Run()
	fmt.Println(err, ctx.Err())

	_, err = exec.LookPath("sh")
	fmt.Println("LookPath sh:", err)
	err = exec.Command("/nonexistent/program").Run()
	fmt.Println(err, errors.Is(err, os.ErrNotExist))
	err = exec.Command("mvm-no-such-command-xyz").Run()
	fmt.Println(err, errors.Is(err, exec.ErrNotFound))
	c = exec.Command("/bin/echo")
	c.Run()
	fmt.Println(c.Run())
}
