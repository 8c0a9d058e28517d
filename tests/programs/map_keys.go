// run

// Map keys of every comparable kind: structs with padding and blank fields, arrays,
// interfaces holding different dynamic types, floats (+0 and -0 are one key), complex
// numbers, strings built at run time; plus m[k] op= v, m[k]++, tuple assignments to
// map entries, maps of maps and map values read through fields and elements.
package main

type padded struct {
	a byte
	b int64
	c int16
}

type blank struct {
	x int
	_ int
	y string
}

type pair [2]string

func main() {
	pm := map[padded]int{}
	pm[padded{1, 2, 3}] = 10
	pm[padded{1, 2, 3}] += 5
	pm[padded{1, 2, 4}]++
	println("padded:", len(pm), pm[padded{1, 2, 3}], pm[padded{1, 2, 4}])

	bm := map[blank]int{{x: 1, y: "a"}: 1}
	bm[blank{x: 1, y: "a"}] = 2
	println("blank fields:", len(bm), bm[blank{x: 1, y: "a"}])

	am := map[pair]int{}
	s1, s2 := "ab", "c"
	am[pair{s1 + s2, "x"}] = 1
	am[pair{"abc", "x"}]++
	println("array keys:", len(am), am[pair{"a" + "bc", "x"}])

	fm := map[float64]string{}
	zero := 0.0
	fm[zero] = "pos"
	fm[-zero] = "neg"
	println("signed zeros:", len(fm), fm[0])
	for k := range fm {
		println("stored key is -0:", 1/k < 0)
	}

	cm := map[complex128]int{1 + 2i: 1}
	cm[complex(1, 2)]++
	println("complex:", len(cm), cm[1+2i])

	im := map[interface{}]string{}
	im[1] = "int"
	im[int8(1)] = "int8"
	im[1.0] = "float64"
	im["1"] = "string"
	im[padded{1, 2, 3}] = "struct"
	im[pair{"a", "b"}] = "array"
	im[nil] = "nil"
	var p *int
	im[p] = "nil pointer"
	println("iface keys:", len(im), im[1], im[int8(1)], im[1.0], im["1"], im[padded{1, 2, 3}], im[pair{"a", "b"}], im[nil], im[p])

	type I interface{ M() }
	em := map[I]int{}
	em[nil]++
	println("non-empty iface nil key:", em[nil])

	// Tuple assignment: index operands on the left are evaluated first.
	m := map[string]int{}
	k := "a"
	m[k], k = 1, "b"
	println("tuple:", m["a"], m["b"], k)
	m["x"], m["y"] = m["y"]+1, m["x"]+2
	println("swap-ish:", m["x"], m["y"])
	var ok bool
	m["z"], ok = m["a"]
	println("comma-ok into entry:", m["z"], ok)

	// Maps of maps, and values read through fields and elements.
	mm := map[string]map[int]string{}
	mm["a"] = map[int]string{}
	mm["a"][1] = "one"
	println("nested:", mm["a"][1], len(mm["b"]), mm["b"][7] == "")
	type rec struct {
		n    int
		tags [3]string
	}
	rm := map[int]rec{1: {n: 5, tags: [3]string{"x", "y", "z"}}}
	println("fields:", rm[1].n, rm[1].tags[2], rm[2].n, rm[2].tags[0] == "")
	sm := map[string][]int{}
	sm["a"] = append(sm["a"], 1, 2)
	sm["a"] = append(sm["a"], 3)
	println("slices:", len(sm["a"]), sm["a"][2])

	// Shifts and strings with op=.
	om := map[int]uint8{}
	om[1] = 3
	om[1] <<= 7
	om[1] -= 1
	strm := map[int]string{}
	strm[0] += "x"
	strm[0] += "y"
	println("op=:", om[1], strm[0])

	// int8 values come back sign-extended.
	nm := map[string]int8{"a": -128}
	nm["a"]--
	println("int8 wrap:", nm["a"])
}
