// run

// math/rand with a fixed seed (rand.New(rand.NewSource(1)) has a fixed sequence): Int,
// Intn, Int31n, Int63n, Uint32, Uint64, Float64, Float32, Perm, Shuffle, NormFloat64,
// ExpFloat64, Read; two generators with the same seed agree, Seed resets; and the
// top-level functions (randomly seeded) are only checked for their ranges.
package main

import (
	"fmt"
	"math/rand"
)

func main() {
	r := rand.New(rand.NewSource(1))
	fmt.Println(r.Int(), r.Intn(100), r.Int31n(10), r.Int63n(1e12), r.Uint32(), r.Uint64(), r.Int63(), r.Int31())
	fmt.Println(r.Float64(), r.Float32(), r.NormFloat64(), r.ExpFloat64())
	fmt.Println(r.Perm(10))
	words := []string{"a", "b", "c", "d", "e", "f", "g"}
	r.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	fmt.Println(words)
	buf := make([]byte, 8)
	n, err := r.Read(buf)
	fmt.Println(n, err, buf)

	counts := make([]int, 6)
	for i := 0; i < 6000; i++ {
		counts[r.Intn(6)]++
	}
	fmt.Println("dice", counts)

	a, b := rand.New(rand.NewSource(42)), rand.New(rand.NewSource(42))
	same := true
	for i := 0; i < 1000; i++ {
		if a.Int63() != b.Int63() {
			same = false
		}
	}
	fmt.Println("same seed same sequence:", same)
	a.Seed(7)
	first := a.Intn(1000)
	a.Seed(7)
	fmt.Println("reseed:", first, a.Intn(1000) == first)
	neg := rand.New(rand.NewSource(-5))
	fmt.Println(neg.Intn(1000), neg.Intn(1000))

	ok := true
	for i := 0; i < 1000; i++ {
		if x := rand.Intn(10); x < 0 || x >= 10 {
			ok = false
		}
		if f := rand.Float64(); f < 0 || f >= 1 {
			ok = false
		}
	}
	fmt.Println("top-level in range:", ok, len(rand.Perm(5)))
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		r.Intn(0)
	}()
}
