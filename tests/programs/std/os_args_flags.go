// run -v --name=gopher -n 3 file1.txt file2.txt

// An everyday program: read os.Args directly, then parse the same arguments with the
// flag package's default CommandLine (flag.Bool/String/Int, flag.Args, flag.NArg,
// flag.NFlag, flag.Visit).
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
)

func main() {
	fmt.Println("args:", len(os.Args)-1, strings.Join(os.Args[1:], " "))
	for i, a := range os.Args[1:] {
		fmt.Printf("  [%d] %q\n", i+1, a)
	}
	verbose := flag.Bool("v", false, "verbose output")
	name := flag.String("name", "world", "who to greet")
	n := flag.Int("n", 1, "repetitions")
	flag.Parse()
	for i := 0; i < *n; i++ {
		fmt.Printf("hello, %s (verbose=%v)\n", *name, *verbose)
	}
	fmt.Println("rest:", flag.Args(), flag.NArg(), flag.Arg(0), flag.Arg(5) == "", "set:", flag.NFlag())
	flag.Visit(func(f *flag.Flag) { fmt.Printf("  -%s=%s (default %q)\n", f.Name, f.Value, f.DefValue) })
}
