// run

// Keys and values larger than 128 bytes (stored out of line by gc, and by mvm): big
// array keys, big struct values holding pointers, updates in place, growth, deletion,
// iteration, and collections while only the map holds the entries.
package main

type bigKey [20]int

type bigVal struct {
	n    int
	ptrs [30]*int
	name string
}

func main() {
	m := map[bigKey]bigVal{}
	for i := 0; i < 500; i++ {
		var k bigKey
		k[0], k[19] = i, -i
		var v bigVal
		v.n = i
		x := i * 10
		v.ptrs[29] = &x
		v.name = "v" + string(rune('a'+i%26))
		m[k] = v
		_ = make([]byte, 2048)
	}
	sum, bad := 0, 0
	for k, v := range m {
		if k[0] != v.n || k[19] != -v.n || *v.ptrs[29] != v.n*10 || v.name != "v"+string(rune('a'+v.n%26)) {
			bad++
		}
		sum += v.n
	}
	println("entries:", len(m), "sum:", sum, "bad:", bad)

	var k7 bigKey
	k7[0], k7[19] = 7, -7
	v := m[k7]
	v.n = 1000
	m[k7] = v
	println("updated:", m[k7].n, *m[k7].ptrs[29])
	for i := 0; i < 500; i += 2 {
		var k bigKey
		k[0], k[19] = i, -i
		delete(m, k)
	}
	_, ok := m[k7]
	var k8 bigKey
	k8[0], k8[19] = 8, -8
	_, ok8 := m[k8]
	println("after delete:", len(m), ok, ok8)

	big := map[int][300]byte{}
	for i := 0; i < 100; i++ {
		var b [300]byte
		b[299] = byte(i)
		big[i] = b
	}
	total := 0
	for k, b := range big {
		if k >= 1000 {
			continue
		}
		if int(b[299]) != k {
			bad++
		}
		total += int(b[299])
		big[k+1000] = b
	}
	println("byte arrays:", total, len(big) >= 100, bad)
}
