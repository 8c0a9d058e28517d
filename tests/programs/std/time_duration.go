// run

// time.Duration: constants, arithmetic, String (ns, µs, ms, s, m, h, negative, zero,
// the largest values), Hours/Minutes/Seconds/Milliseconds/Microseconds, Truncate, Round,
// Abs, ParseDuration (units, fractions, signs, and errors), and %v/%d/%s formatting.
package main

import (
	"fmt"
	"math"
	"time"
)

func main() {
	ds := []time.Duration{0, 1, 999, time.Microsecond, 1500 * time.Microsecond, time.Second, 90 * time.Second,
		-2*time.Hour - 3*time.Millisecond, 26*time.Hour + 3*time.Minute + 4*time.Second + 5, math.MaxInt64, math.MinInt64}
	for _, d := range ds {
		fmt.Printf("%v | %d | %.3f h %.2f m %.4f s %d ms %d µs | trunc %v round %v abs %v\n",
			d, int64(d), d.Hours(), d.Minutes(), d.Seconds(), d.Milliseconds(), d.Microseconds(),
			d.Truncate(time.Second), d.Round(time.Millisecond), d.Abs())
	}
	for _, s := range []string{"1h30m", "1.5h", "-2m3.5s", "300ms", "2us", "2µs", "1ns", "0", "+5s", "1h1h", "", "3", "1d", "1.5.5s", "9999999999h", ".5s", "1e3s"} {
		d, err := time.ParseDuration(s)
		fmt.Printf("%q -> %v %v\n", s, d, err)
	}
	d := 3*time.Hour + 25*time.Minute
	fmt.Println(d/time.Minute, d%time.Hour, d*2, time.Duration(2.5*float64(time.Second)), time.Duration(1e9)*time.Nanosecond)
	fmt.Println(d > time.Hour, time.Hour.String(), fmt.Sprint(time.Millisecond), fmt.Sprintf("%s %q %8v|", time.Minute, time.Second, time.Millisecond))
	fmt.Println((1500 * time.Millisecond).Round(time.Second), (2500 * time.Millisecond).Round(time.Second), (-1500 * time.Millisecond).Round(time.Second), time.Second.Round(0), time.Second.Truncate(-1))
}
