// run

// The first program everyone writes, through the real fmt package.
package main

import "fmt"

func main() {
	fmt.Println("Hello, 世界")
	name, n := "gopher", 3
	fmt.Printf("Hello, %s! You have %d new messages.\n", name, n)
	fmt.Print("no newline, ", 1, 2, " then one\n")
	s := fmt.Sprintf("%v|%5.2f|%-4s|%03d", []string{"a", "b"}, 3.14159, "go", 7)
	fmt.Println(s, len(s))
}
