// run exit=1

// log.Fatalf writes its message (to stderr by default; here through SetOutput to
// stdout, without timestamps) and exits with status 1; deferred calls do not run.
package main

import (
	"fmt"
	"log"
	"os"
)

func main() {
	defer fmt.Println("deferred: not printed")
	log.SetFlags(0)
	log.SetOutput(os.Stdout)
	fmt.Println("before fatal")
	log.Fatalf("fatal error: %s", "config missing")
}
