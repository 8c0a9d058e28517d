// run exit=3

// os.Exit(3) ends the program at once with status 3: deferred calls do not run, and
// output written before (stdout via fmt, stderr via println) is kept. The whole output
// is compared.
package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("deferred: must not run")
	fmt.Println("to stdout")
	fmt.Fprintln(os.Stderr, "to stderr")
	os.Exit(3)
}
