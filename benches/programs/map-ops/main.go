// Map-ops exercises Go maps: inserting, looking up (hits and misses), updating in
// place, deleting and ranging over map[int]int, then the same with string keys built
// at run time. It measures the map runtime's hashing, probing and growth.
//
// It imports nothing, so an interpreter without the standard library can run it;
// the size comes in through the linker: go build -ldflags=-X=main.size=1000000.
package main

// size is the number of int keys, as a decimal string so that -ldflags=-X can set it.
var size = "1000000"

// atoi parses a non-negative decimal size; a malformed one is a usage error.
func atoi(s string) int {
	if s == "" {
		panic("size: empty")
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			panic("size: not a decimal number: " + s)
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// itoa formats a non-negative number in decimal.
func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	return string(buf[i:])
}

func ints(n int) (hits, sum int) {
	m := make(map[int]int)
	// Scattered keys: a multiplicative hash of i.
	for i := 0; i < n; i++ {
		m[(i*2654435761)&(1<<40-1)] = i
	}
	for round := 0; round < 4; round++ {
		for i := 0; i < n; i++ {
			if v, ok := m[(i*2654435761)&(1<<40-1)]; ok {
				hits++
				sum += v
			}
			if _, ok := m[i*2+1<<41]; ok {
				hits--
			}
		}
	}
	for i := 0; i < n; i += 2 {
		m[(i*2654435761)&(1<<40-1)]++
	}
	for i := 1; i < n; i += 2 {
		delete(m, (i*2654435761)&(1<<40-1))
	}
	for _, v := range m {
		sum += v
	}
	return hits + len(m), sum
}

func strs(n int) (hits, sum int) {
	keys := make([]string, n)
	for i := range keys {
		keys[i] = "key-" + itoa(i*7919)
	}
	m := make(map[string]int, n/2)
	for i, k := range keys {
		m[k] = i
	}
	for round := 0; round < 4; round++ {
		for _, k := range keys {
			sum += m[k]
		}
	}
	for _, k := range keys {
		if _, ok := m[k+"x"]; !ok {
			hits++
		}
	}
	return hits + len(m), sum
}

func main() {
	n := atoi(size)
	h1, s1 := ints(n)
	h2, s2 := strs(n / 4)
	print("ints: ", h1, " ", s1, "\nstrings: ", h2, " ", s2, "\n")
}
