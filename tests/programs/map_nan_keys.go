// run

// NaN map keys: every insertion with a NaN key creates a new entry, lookups and deletes
// with NaN never find them, they are still produced by range, clear removes them, and
// NaN inside struct or interface keys behaves the same way.
package main

type K struct {
	F float64
}

func main() {
	zero := 0.0
	nan := zero / zero
	m := map[float64]int{}
	m[nan] = 1
	m[nan] = 2
	m[nan] = 3
	m[1] = 10
	println("len:", len(m))
	v, ok := m[nan]
	println("lookup NaN:", v, ok)
	delete(m, nan)
	println("len after delete(NaN):", len(m))
	sum, nans := 0, 0
	for k, v := range m {
		if k != k {
			nans++
		}
		sum += v
	}
	println("range: nan keys", nans, "sum", sum)
	clear(m)
	println("after clear:", len(m))

	sk := map[K]int{}
	sk[K{nan}] = 1
	sk[K{nan}] = 1
	_, ok = sk[K{nan}]
	println("struct NaN keys:", len(sk), ok)

	ik := map[interface{}]int{}
	ik[nan] = 1
	ik[nan] = 1
	ik[float32(nan)] = 1
	_, ok = ik[nan]
	println("iface NaN keys:", len(ik), ok)

	ck := map[complex128]int{}
	ck[complex(nan, 0)] = 1
	ck[complex(0, nan)] = 1
	ck[complex(0, nan)] = 1
	println("complex NaN keys:", len(ck))

	// +Inf and -Inf are ordinary keys.
	inf := 1 / zero
	fk := map[float64]int{inf: 1, -inf: 2}
	fk[inf]++
	println("inf keys:", len(fk), fk[inf], fk[-inf])
}
