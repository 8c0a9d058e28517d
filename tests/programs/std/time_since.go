// run

// An everyday program: measure how long some work took with time.Now and time.Since,
// and print only facts that do not depend on the clock (the duration is positive, the
// work's result, a deadline computed with Add is in the future, Until is positive).
package main

import (
	"fmt"
	"time"
)

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	start := time.Now()
	r := fib(25)
	elapsed := time.Since(start)
	fmt.Println("fib(25) =", r)
	fmt.Println("took some time:", elapsed > 0)
	deadline := start.Add(time.Hour)
	fmt.Println("deadline ahead:", time.Now().Before(deadline), time.Until(deadline) > 0, deadline.Sub(start))
	time.Sleep(5 * time.Millisecond)
	fmt.Println("slept at least 5ms:", time.Since(start) >= 5*time.Millisecond)
	fmt.Println("year plausible:", time.Now().Year() >= 2024, time.Now().Location() != nil)
	t0 := time.Now()
	t1 := t0.Add(1500 * time.Millisecond)
	fmt.Println(t1.Sub(t0), t1.After(t0), t0.Round(0).Equal(t0))
}
