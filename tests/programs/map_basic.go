// run

// Map semantics: nil map reads (zero value, ok=false, len 0, delete no-op, range no-op),
// insert/update/delete, comma-ok, len, clear, maps of structs/arrays/interfaces/pointers
// as keys, struct values needing copy-out-modify-store, and maps as reference values.
// Output is made order-independent by sorting keys or summing.
package main

type Key struct {
	A int
	B string
}

func sortedInts(m map[int]int) []int {
	var ks []int
	for k := range m {
		ks = append(ks, k)
	}
	for i := 1; i < len(ks); i++ {
		for j := i; j > 0 && ks[j] < ks[j-1]; j-- {
			ks[j], ks[j-1] = ks[j-1], ks[j]
		}
	}
	return ks
}

func main() {
	var nm map[string]int
	v, ok := nm["x"]
	println("nil map read:", v, ok, len(nm), nm == nil)
	delete(nm, "x")
	for range nm {
		println("never")
	}
	clear(nm)
	println("nil map ops done")

	m := map[int]int{}
	for i := 0; i < 100; i++ {
		m[i%10] += i
	}
	println("len:", len(m))
	for _, k := range sortedInts(m) {
		print(k, ":", m[k], " ")
	}
	println()
	delete(m, 3)
	delete(m, 42)
	_, ok = m[3]
	println("after delete len:", len(m), "has 3:", ok)
	m[3] = 0
	_, ok = m[3]
	println("zero value present:", ok, len(m))

	// Maps are references.
	alias := m
	alias[100] = 1
	println("alias sees:", m[100], len(m))
	clear(m)
	println("after clear:", len(m), len(alias), m[100])
	m[7] = 7
	println("reuse after clear:", len(m), m[7])

	// Struct keys.
	sk := map[Key]int{}
	sk[Key{1, "a"}] = 1
	sk[Key{1, "a"}]++
	sk[Key{2, "a"}] = 5
	println("struct keys:", len(sk), sk[Key{1, "a"}], sk[Key{2, "a"}], sk[Key{3, ""}])

	// Array keys.
	ak := map[[2]int]string{{1, 2}: "x"}
	ak[[2]int{1, 2}] += "y"
	ak[[2]int{2, 1}] = "z"
	println("array keys:", len(ak), ak[[2]int{1, 2}], ak[[2]int{2, 1}])

	// Interface keys: dynamic type matters.
	ik := map[interface{}]string{}
	ik[1] = "int"
	ik[int64(1)] = "int64"
	ik["1"] = "string"
	ik[1.0] = "float"
	ik[Key{1, "a"}] = "struct"
	ik[[1]int{1}] = "array"
	ik[nil] = "nil"
	println("iface keys:", len(ik), ik[1], ik[int64(1)], ik["1"], ik[1.0], ik[Key{1, "a"}], ik[[1]int{1}], ik[nil])

	// Pointer keys use identity.
	x, y := new(int), new(int)
	pk := map[*int]int{x: 1, y: 2}
	println("pointer keys:", len(pk), pk[x], pk[y])

	// Float keys: +0 and -0 are the same key.
	zero := 0.0
	fk := map[float64]int{}
	fk[zero] = 1
	fk[-zero] = 2
	println("float ±0 keys:", len(fk), fk[0])

	// Struct values must be replaced as a whole.
	type Val struct{ N int }
	sv := map[string]Val{"a": {1}}
	t := sv["a"]
	t.N = 10
	println("copy out:", sv["a"].N, t.N)
	sv["a"] = t
	println("stored:", sv["a"].N)
	pv := map[string]*Val{"a": {1}}
	pv["a"].N = 20
	println("pointer values:", pv["a"].N)

	// Slice values and append.
	mv := map[string][]int{}
	mv["k"] = append(mv["k"], 1)
	mv["k"] = append(mv["k"], 2)
	println("slice values:", len(mv["k"]), mv["k"][1], len(mv["missing"]))

	// Map of maps.
	mm := map[string]map[string]int{}
	if mm["a"] == nil {
		mm["a"] = map[string]int{}
	}
	mm["a"]["b"]++
	println("nested:", mm["a"]["b"], len(mm["x"]))

	// Sum over a large map.
	big := make(map[int]int, 10)
	for i := 0; i < 10000; i++ {
		big[i] = i * 2
	}
	sum := 0
	for k, v := range big {
		sum += k + v
	}
	println("big:", len(big), sum)
	for i := 0; i < 10000; i += 2 {
		delete(big, i)
	}
	sum = 0
	for k := range big {
		sum += k
	}
	println("after deletes:", len(big), sum)

	// Map literal with duplicate values but unique keys; string keys built at runtime.
	sm := map[string]int{"ab": 1, "cd": 1}
	k := "a"
	k += "b"
	println("runtime key:", sm[k])
}
