// run

// Sorting algorithms over pseudo-random data from a 64-bit LCG (wrapping multiplication):
// quicksort, merge sort, heap sort and insertion sort must agree; a checksum of the sorted
// data and spot values are printed. Exercises slices, recursion, swaps and closures.
package main

type rng struct{ state uint64 }

func (r *rng) next() uint64 {
	r.state = r.state*6364136223846793005 + 1442695040888963407
	return r.state >> 33
}

func quicksort(a []int) {
	if len(a) < 2 {
		return
	}
	p := a[len(a)/2]
	i, j := 0, len(a)-1
	for i <= j {
		for a[i] < p {
			i++
		}
		for a[j] > p {
			j--
		}
		if i <= j {
			a[i], a[j] = a[j], a[i]
			i++
			j--
		}
	}
	quicksort(a[:j+1])
	quicksort(a[i:])
}

func mergesort(a []int) []int {
	if len(a) <= 1 {
		return a
	}
	mid := len(a) / 2
	l, r := mergesort(a[:mid]), mergesort(a[mid:])
	out := make([]int, 0, len(a))
	for len(l) > 0 && len(r) > 0 {
		if l[0] <= r[0] {
			out = append(out, l[0])
			l = l[1:]
		} else {
			out = append(out, r[0])
			r = r[1:]
		}
	}
	out = append(out, l...)
	return append(out, r...)
}

func heapsort(a []int) {
	sift := func(start, end int) {
		root := start
		for 2*root+1 <= end {
			child := 2*root + 1
			if child+1 <= end && a[child] < a[child+1] {
				child++
			}
			if a[root] >= a[child] {
				return
			}
			a[root], a[child] = a[child], a[root]
			root = child
		}
	}
	for start := (len(a) - 2) / 2; start >= 0; start-- {
		sift(start, len(a)-1)
	}
	for end := len(a) - 1; end > 0; end-- {
		a[0], a[end] = a[end], a[0]
		sift(0, end-1)
	}
}

func insertion(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

func checksum(a []int) uint64 {
	var h uint64 = 14695981039346656037
	for _, v := range a {
		h ^= uint64(v)
		h *= 1099511628211
	}
	return h
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func main() {
	r := &rng{42}
	data := make([]int, 20000)
	for i := range data {
		data[i] = int(r.next()%100000) - 50000
	}
	q := append([]int(nil), data...)
	quicksort(q)
	m := mergesort(append([]int(nil), data...))
	h := append([]int(nil), data...)
	heapsort(h)
	small := append([]int(nil), data[:2000]...)
	insertion(small)
	smallQ := append([]int(nil), data[:2000]...)
	quicksort(smallQ)
	println("quick == merge:", equal(q, m), "quick == heap:", equal(q, h), "insertion ok:", equal(small, smallQ))
	println("min, median, max:", q[0], q[len(q)/2], q[len(q)-1])
	println("checksum:", checksum(q))
	println("first random values:", data[0], data[1], data[2])
}
