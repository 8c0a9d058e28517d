// run

// math/rand/v2 with seeded sources: PCG and ChaCha8 give fixed sequences (IntN, Int64N,
// Uint64, Uint32N, Float64, Perm, Shuffle, NormFloat64, ExpFloat64); the generic
// rand.N on a user type; a ChaCha8's Read; and the top-level (randomly seeded)
// functions checked only for their ranges.
package main

import (
	"fmt"
	"math/rand/v2"
	"time"
)

type Score int

func main() {
	p := rand.New(rand.NewPCG(1, 2))
	fmt.Println(p.IntN(100), p.Int64N(1e15), p.Uint64(), p.Uint32N(1000), p.Int32N(50), p.UintN(7), p.Int(), p.Uint32())
	fmt.Println(p.Float64(), p.Float32(), p.NormFloat64(), p.ExpFloat64())
	fmt.Println(p.Perm(8))
	xs := []int{1, 2, 3, 4, 5, 6}
	p.Shuffle(len(xs), func(i, j int) { xs[i], xs[j] = xs[j], xs[i] })
	fmt.Println(xs)

	var seed [32]byte
	copy(seed[:], "chacha8 seed for the golden test")
	c := rand.NewChaCha8(seed)
	fmt.Println(c.Uint64(), c.Uint64())
	buf := make([]byte, 12)
	c.Read(buf)
	fmt.Println(buf)
	cr := rand.New(c)
	fmt.Println(cr.IntN(1000), cr.Float64(), cr.Perm(5))

	pcg := rand.NewPCG(3, 4)
	first := pcg.Uint64()
	pcg.Seed(3, 4)
	fmt.Println(first, pcg.Uint64() == first)

	hist := map[int]int{}
	z := rand.New(rand.NewPCG(9, 9))
	for i := 0; i < 10000; i++ {
		hist[z.IntN(4)]++
	}
	fmt.Println(hist[0], hist[1], hist[2], hist[3])
	zipf := rand.NewZipf(rand.New(rand.NewPCG(5, 5)), 1.5, 2, 100)
	fmt.Println(zipf.Uint64(), zipf.Uint64(), zipf.Uint64())

	ok := true
	for i := 0; i < 1000; i++ {
		if v := rand.IntN(10); v < 0 || v >= 10 {
			ok = false
		}
		if d := rand.N(5 * time.Second); d < 0 || d >= 5*time.Second {
			ok = false
		}
		if s := rand.N(Score(3)); s < 0 || s >= 3 {
			ok = false
		}
	}
	fmt.Println("top-level in range:", ok, len(rand.Perm(4)))
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		rand.IntN(-1)
	}()
}
