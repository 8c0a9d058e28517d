// run

// Inserting many entries during a range makes the map grow (several times) while the
// loop walks it: every entry present when the loop started and never deleted must be
// produced exactly once, entries deleted before being reached never. Garbage made in
// the loop brings collections while the table being walked is reachable only from the
// loop's iterator.
package main

func main() {
	m := map[int]int{}
	for i := 0; i < 50; i++ {
		m[i] = i
	}
	seen := map[int]int{}
	deleted := map[int]bool{}
	next := 1000
	for k, v := range m {
		if k < 50 {
			seen[k]++
			if v != k {
				println("wrong value", k, v)
			}
		}
		for j := 0; j < 40; j++ {
			m[next] = next
			next++
			_ = make([]int, 256)
		}
		d := (k + 17) % 50
		if k < 50 && seen[d] == 0 && !deleted[d] {
			delete(m, d)
			deleted[d] = true
		}
	}
	ok := true
	for i := 0; i < 50; i++ {
		if deleted[i] {
			if seen[i] != 0 {
				ok = false
				println("deleted key produced", i)
			}
		} else if seen[i] != 1 {
			ok = false
			println("key", i, "produced", seen[i], "times")
		}
	}
	println("ok:", ok, "grew:", len(m) > 1000)

	// Values updated during the range are seen with their new value.
	u := map[string]int{"a": 1, "b": 2, "c": 3}
	sum := 0
	first := true
	for _, v := range u {
		if first {
			first = false
			for k := range u {
				u[k] = 100
			}
			for i := 0; i < 100; i++ {
				u[string(rune('d'+i%20))+string(rune('a'+i/20))] = 0
			}
			continue
		}
		sum += v
	}
	println("updated values seen:", sum >= 200)
}
