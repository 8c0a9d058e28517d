// run alpha beta -x=1

// Command-line arguments after the file name reach the program as os.Args[1:] (os.Args[0]
// is the program's path, which differs between runs, so it is not printed).
package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	fmt.Println("argc:", len(os.Args)-1)
	fmt.Println("args:", strings.Join(os.Args[1:], "|"))
	fmt.Println("argv0 set:", os.Args[0] != "")
}
