// run

// os environment and process facts: Setenv/Getenv/LookupEnv/Unsetenv, Environ containing
// a variable, ExpandEnv/Expand, Getpid/Getppid positive, Hostname without error,
// Executable non-empty, TempDir, UserHomeDir-free checks, os.Stdout/Stderr writes, the
// PathSeparator and DevNull constants, and os.Exit's status through a deferred-free exit.
package main

import (
	"fmt"
	"os"
	"slices"
	"strings"
)

func main() {
	fmt.Println(os.Setenv("MVM_GOLDEN_VAR", "value 1"))
	fmt.Printf("%q\n", os.Getenv("MVM_GOLDEN_VAR"))
	v, ok := os.LookupEnv("MVM_GOLDEN_VAR")
	fmt.Println(v, ok)
	fmt.Println(slices.Contains(os.Environ(), "MVM_GOLDEN_VAR=value 1"))
	fmt.Println(os.ExpandEnv("x=$MVM_GOLDEN_VAR, y=${MVM_GOLDEN_UNSET}!"))
	fmt.Println(os.Expand("$a-${b}-$c", func(k string) string { return strings.ToUpper(k) }))
	fmt.Println(os.Unsetenv("MVM_GOLDEN_VAR"))
	v, ok = os.LookupEnv("MVM_GOLDEN_VAR")
	fmt.Printf("%q %v\n", v, ok)
	os.Setenv("MVM_EMPTY", "")
	v, ok = os.LookupEnv("MVM_EMPTY")
	fmt.Printf("%q %v\n", v, ok)
	fmt.Println(os.Setenv("", "x") != nil, os.Setenv("A=B", "x") != nil)

	fmt.Println(os.Getpid() > 0, os.Getppid() > 0, os.Getuid() >= 0)
	h, err := os.Hostname()
	fmt.Println(h != "", err)
	exe, err := os.Executable()
	fmt.Println(exe != "", err)
	fmt.Println(os.TempDir() != "", string(os.PathSeparator), string(os.PathListSeparator), os.DevNull)
	fmt.Fprintln(os.Stdout, "to stdout")
	fmt.Fprintln(os.Stderr, "to stderr")
	n, err := os.Stdout.WriteString("direct write\n")
	fmt.Println(n, err)
	fmt.Println(os.Stdin.Name(), os.Stdout.Name(), os.Stderr.Name(), os.Stdout.Fd())
	os.Exit(0)
	fmt.Println("not reached")
}
