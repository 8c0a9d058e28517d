// run

// Map iteration order is not specified and gc randomizes it: over many iterations of the
// same map the first key produced differs at least once. (The chance of 200 identical
// first keys under gc's randomization is negligible.) Every key is still produced once
// per iteration.
package main

func main() {
	m := map[int]bool{}
	for i := 0; i < 16; i++ {
		m[i] = true
	}
	firsts := map[int]bool{}
	complete := true
	for round := 0; round < 200; round++ {
		first := -1
		seen := 0
		for k := range m {
			if first < 0 {
				first = k
			}
			seen++
		}
		firsts[first] = true
		if seen != 16 {
			complete = false
		}
	}
	println("order varies:", len(firsts) > 1, "every key each time:", complete)
}
