// run

// os.Exit(0) called from a deferred function while a panic is unwinding: the program
// exits with status 0 and the panic message is never printed.
package main

import (
	"fmt"
	"os"
)

func main() {
	defer func() {
		fmt.Println("exiting from defer")
		os.Exit(0)
	}()
	panic("never printed")
}
