// run

// runtime/debug: SetGCPercent returning the previous setting (100 by default), GC off
// with -1, SetMemoryLimit's default, SetMaxStack's default, FreeOSMemory, Stack text
// (header line and main.main present), SetPanicOnFault, and ReadBuildInfo for a program
// built from a file (path "command-line-arguments").
package main

import (
	"fmt"
	"math"
	"runtime/debug"
	"strings"
)

func deeper() []byte { return debug.Stack() }

func main() {
	fmt.Println(debug.SetGCPercent(50))
	fmt.Println(debug.SetGCPercent(-1))
	fmt.Println(debug.SetGCPercent(100))
	limit := debug.SetMemoryLimit(-1)
	fmt.Println(limit == math.MaxInt64)
	prev := debug.SetMaxStack(64 << 20)
	fmt.Println(prev, debug.SetMaxStack(prev))
	debug.FreeOSMemory()
	fmt.Println(debug.SetPanicOnFault(false))

	st := string(deeper())
	lines := strings.Split(st, "\n")
	fmt.Println(lines[0])
	fmt.Println(strings.Contains(st, "main.main()"), strings.Contains(st, "main.deeper("), strings.Contains(st, "runtime/debug.Stack()"))

	info, ok := debug.ReadBuildInfo()
	fmt.Println(ok)
	if ok {
		fmt.Println(info.Path, info.Main.Path == "", strings.HasPrefix(info.GoVersion, "go"), len(info.Deps))
	}
}
