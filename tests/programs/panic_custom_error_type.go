// run exit=2

// An unrecovered panic with a custom error type whose Error method builds its message
// from fields; deferred functions that do not recover still run first.
package main

type QueryError struct {
	Query string
	Code  int
}

func (e *QueryError) Error() string {
	return "query " + e.Query + " failed with code " + string(rune('0'+e.Code))
}

func run() {
	defer println("run's deferred call")
	panic(&QueryError{"SELECT 1", 7})
}

func main() {
	defer func() {
		println("main's deferred call, recover not called")
	}()
	run()
}
