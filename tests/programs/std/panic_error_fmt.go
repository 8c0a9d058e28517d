// run exit=2

// An unrecovered panic with an error built by fmt.Errorf (wrapping): gc prints the
// Error() text. Output to stdout before the panic is kept, in order.
package main

import (
	"errors"
	"fmt"
)

func main() {
	fmt.Println("stdout line before panic")
	panic(fmt.Errorf("request failed: %w", errors.New("connection refused")))
}
