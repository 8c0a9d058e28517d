// Pidigits prints the first n digits of π with the unbounded spigot algorithm
// on math/big integers, after the Computer Language Benchmarks Game: a
// benchmark of arbitrary-precision arithmetic.
//
// Usage: pidigits [n] (default 2000).
package main

import (
	"bufio"
	"fmt"
	"math/big"
	"os"
	"strconv"
)

func main() {
	n := 2000
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil || v <= 0 {
			fmt.Fprintln(os.Stderr, "usage: pidigits [n]")
			os.Exit(2)
		}
		n = v
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()

	var (
		acc   = big.NewInt(0)
		den   = big.NewInt(1)
		num   = big.NewInt(1)
		tmp1  = new(big.Int)
		tmp2  = new(big.Int)
		three = big.NewInt(3)
		four  = big.NewInt(4)
	)
	// extract returns floor((num*nth + acc) / den).
	extract := func(nth *big.Int) int64 {
		tmp1.Mul(num, nth)
		tmp2.Add(tmp1, acc)
		tmp1.Quo(tmp2, den)
		return tmp1.Int64()
	}
	line := make([]byte, 0, 10)
	printed := 0
	for k := int64(1); printed < n; k++ {
		// Next term.
		k2 := k*2 + 1
		tmp1.Lsh(num, 1)
		acc.Add(acc, tmp1)
		acc.Mul(acc, big.NewInt(k2))
		den.Mul(den, big.NewInt(k2))
		num.Mul(num, big.NewInt(k))

		if num.Cmp(acc) > 0 {
			continue
		}
		d := extract(three)
		if d != extract(four) {
			continue
		}
		line = append(line, byte('0'+d))
		printed++
		if len(line) == 10 || printed == n {
			fmt.Fprintf(w, "%-10s\t:%d\n", line, printed)
			line = line[:0]
		}
		// Eliminate digit d.
		tmp1.Mul(den, big.NewInt(d))
		acc.Sub(acc, tmp1)
		acc.Mul(acc, big.NewInt(10))
		num.Mul(num, big.NewInt(10))
	}
}
