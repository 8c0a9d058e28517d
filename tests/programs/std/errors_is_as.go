// run

// An everyday program: sentinel errors, a custom error type carrying data, wrapping
// with fmt.Errorf("...: %w"), and errors.Is / errors.As / errors.Unwrap through the
// chain, an Is method on a type, errors.Join of several failures, and errors.ErrUnsupported
// and io/fs sentinels found through os errors.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
)

var ErrNotFound = errors.New("not found")

type ValidationError struct {
	Field string
	Value int
}

func (e *ValidationError) Error() string {
	return fmt.Sprintf("invalid %s: %d", e.Field, e.Value)
}

type TempErr struct{ Op string }

func (e TempErr) Error() string { return e.Op + ": temporary failure" }

// Is makes every TempErr match the sentinel ErrTemporary.
func (e TempErr) Is(target error) bool { return target == ErrTemporary }

var ErrTemporary = errors.New("temporary")

func lookup(id int) error {
	switch {
	case id < 0:
		return fmt.Errorf("lookup %d: %w", id, &ValidationError{"id", id})
	case id > 100:
		return fmt.Errorf("lookup %d: %w", id, ErrNotFound)
	case id == 13:
		return fmt.Errorf("lookup: %w", TempErr{"dial"})
	}
	return nil
}

func main() {
	for _, id := range []int{5, -3, 500, 13} {
		err := lookup(id)
		var ve *ValidationError
		var te TempErr
		fmt.Printf("id=%d err=%v\n  is NotFound=%v is Temporary=%v as Validation=%v as Temp=%v\n",
			id, err, errors.Is(err, ErrNotFound), errors.Is(err, ErrTemporary), errors.As(err, &ve), errors.As(err, &te))
		if ve != nil {
			fmt.Println("  field:", ve.Field, "value:", ve.Value)
		}
		if te.Op != "" {
			fmt.Println("  op:", te.Op)
		}
	}
	deep := fmt.Errorf("level3: %w", fmt.Errorf("level2: %w", fmt.Errorf("level1: %w", ErrNotFound)))
	for e := error(deep); e != nil; e = errors.Unwrap(e) {
		fmt.Println("chain:", e)
	}
	joined := errors.Join(ErrNotFound, nil, &ValidationError{"age", -1}, TempErr{"read"})
	fmt.Printf("%v\n--\n%q\n", joined, joined.Error())
	var ve *ValidationError
	fmt.Println(errors.Is(joined, ErrNotFound), errors.Is(joined, ErrTemporary), errors.As(joined, &ve), ve.Field, errors.Unwrap(joined) == nil)
	fmt.Println(errors.Join() == nil, errors.Join(nil, nil) == nil)
	if u, ok := joined.(interface{ Unwrap() []error }); ok {
		fmt.Println("joined holds", len(u.Unwrap()))
	}

	_, err := os.Open("/definitely/not/here.txt")
	var pe *fs.PathError
	fmt.Println(err, errors.Is(err, fs.ErrNotExist), errors.Is(err, os.ErrNotExist), errors.As(err, &pe))
	fmt.Println(pe.Op, pe.Path, pe.Err)
	_, err = strconv.Atoi("x")
	var ne *strconv.NumError
	fmt.Println(errors.As(err, &ne), ne.Func, errors.Is(err, strconv.ErrSyntax))
	fmt.Println(errors.ErrUnsupported, errors.Is(fmt.Errorf("op: %w", errors.ErrUnsupported), errors.ErrUnsupported))
	var target interface{ Timeout() bool }
	fmt.Println(errors.As(deep, &target))
}
