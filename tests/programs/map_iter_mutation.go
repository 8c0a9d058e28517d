// run

// Deleting during map iteration: entries deleted before being reached are never
// produced, deleting the current entry is safe, and clearing the map during iteration ends
// the production of further entries. Entries added during iteration may or may not be
// produced, so only facts the spec guarantees are printed.
package main

func main() {
	m := map[int]bool{}
	for i := 0; i < 100; i++ {
		m[i] = true
	}
	// Delete every odd key when the first key is visited; odd keys must never be seen
	// afterwards.
	seen := 0
	sawDeleted := false
	first := true
	for k := range m {
		if first {
			first = false
			for j := 1; j < 100; j += 2 {
				if j != k {
					delete(m, j)
				}
			}
		} else if k%2 == 1 {
			sawDeleted = true
		}
		seen++
	}
	println("saw a deleted key:", sawDeleted, "len after:", len(m) <= 51, "seen <= 51:", seen <= 51)

	// Delete the current key in every iteration: everything gets visited once.
	m2 := map[string]int{"a": 1, "b": 2, "c": 3, "d": 4}
	total := 0
	for k, v := range m2 {
		delete(m2, k)
		total += v
	}
	println("delete current:", total, len(m2))

	// Clear during iteration: at most one entry is produced.
	m3 := map[int]int{1: 1, 2: 2, 3: 3, 4: 4, 5: 5}
	count := 0
	for range m3 {
		clear(m3)
		count++
	}
	println("clear during range: count", count, "len", len(m3))

	// Adding during iteration must not crash; every original key is still seen once.
	m4 := map[int]int{}
	for i := 0; i < 8; i++ {
		m4[i] = i
	}
	origSeen := 0
	for k := range m4 {
		if k < 8 {
			origSeen++
		}
		if k < 1000 {
			m4[k+1000] = k
		}
	}
	println("add during range: original keys seen", origSeen, "len", len(m4))

	// Range over a nil map and an emptied map.
	var nm map[int]int
	n := 0
	for range nm {
		n++
	}
	e := map[int]int{1: 1}
	delete(e, 1)
	for range e {
		n++
	}
	println("empty ranges:", n)
}
