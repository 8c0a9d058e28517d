// run

// The errors package and error values: errors.New identity, fmt.Errorf with %w wrapping,
// errors.Is/As/Unwrap through chains, errors.Join, custom error types with pointer and
// value receivers, a typed nil pointer in an error interface being non-nil, and
// runtime errors matched with errors.As against runtime.Error-like interfaces.
package main

import (
	"errors"
	"fmt"
	"os"
	"strconv"
)

var ErrNotFound = errors.New("not found")

type PathError struct {
	Op, Path string
}

func (e *PathError) Error() string { return e.Op + " " + e.Path + ": failed" }

type Code int

func (c Code) Error() string { return "code " + strconv.Itoa(int(c)) }

func find(key string) error {
	if key == "" {
		return fmt.Errorf("find %q: %w", key, ErrNotFound)
	}
	if key == "path" {
		return fmt.Errorf("wrapped twice: %w", fmt.Errorf("once: %w", &PathError{"open", "/x"}))
	}
	return nil
}

func mayFail(fail bool) error {
	var p *PathError
	if fail {
		p = &PathError{"read", "/y"}
	}
	return p // typed nil when !fail: the interface is not nil
}

func main() {
	e1 := errors.New("x")
	e2 := errors.New("x")
	fmt.Println("distinct New:", e1 == e2, e1.Error() == e2.Error())

	err := find("")
	fmt.Println(err)
	fmt.Println("Is NotFound:", errors.Is(err, ErrNotFound), "Unwrap == NotFound:", errors.Unwrap(err) == ErrNotFound)

	err = find("path")
	var pe *PathError
	fmt.Println(err)
	fmt.Println("As PathError:", errors.As(err, &pe), pe.Op, pe.Path)
	fmt.Println("Is NotFound:", errors.Is(err, ErrNotFound))

	fmt.Println("find ok:", find("k") == nil)
	fmt.Println("typed nil is nil?", mayFail(false) == nil)

	joined := errors.Join(ErrNotFound, Code(7), nil)
	fmt.Printf("joined: %q\n", joined.Error())
	var c Code
	fmt.Println("Is joined:", errors.Is(joined, ErrNotFound), "As Code:", errors.As(joined, &c), c)

	multi := fmt.Errorf("both: %w and %w", Code(1), ErrNotFound)
	fmt.Println(multi, errors.Is(multi, ErrNotFound), errors.Unwrap(multi) == nil)

	// Runtime errors are errors too.
	var rerr error
	func() {
		defer func() { rerr = recover().(error) }()
		var a []int
		_ = a[len(os.Args)+5]
	}()
	var re interface{ RuntimeError() }
	fmt.Println("runtime error:", rerr, "| As runtime.Error:", errors.As(rerr, &re))

	// %v of a nil error and Is with nil.
	var none error
	fmt.Println(none, errors.Is(none, nil), errors.Is(ErrNotFound, nil))
}
