// run

// Allocation-heavy code that forces many garbage collections while live data must stay
// intact: binary trees built and discarded (long-lived tree kept), maps churned, strings
// concatenated and dropped, slices of pointers rewritten, closures holding heap data,
// and interface values boxing fresh allocations. Every result is checked by a sum.
package main

type tree struct {
	left, right *tree
}

func build(d int) *tree {
	if d == 0 {
		return &tree{}
	}
	return &tree{build(d - 1), build(d - 1)}
}

func (t *tree) count() int {
	if t.left == nil {
		return 1
	}
	return 1 + t.left.count() + t.right.count()
}

type payload struct {
	id   int
	name string
	data []byte
	next *payload
}

func main() {
	longLived := build(14)
	total := 0
	for d := 4; d <= 12; d += 4 {
		iters := 1 << (12 - d + 2)
		sum := 0
		for i := 0; i < iters; i++ {
			sum += build(d).count()
		}
		println("depth", d, "iterations", iters, "nodes", sum)
		total += sum
	}
	println("long-lived tree nodes:", longLived.count())

	// Map churn with pointer values.
	m := map[int]*payload{}
	for i := 0; i < 50000; i++ {
		m[i%5000] = &payload{id: i, name: "p", data: make([]byte, i%64)}
		if i%3 == 0 {
			delete(m, (i*7)%5000)
		}
	}
	idSum, dataLen := 0, 0
	for _, p := range m {
		idSum += p.id
		dataLen += len(p.data)
	}
	println("map churn:", len(m), idSum, dataLen)

	// A linked list that survives while garbage is made between appends.
	var head *payload
	for i := 0; i < 20000; i++ {
		head = &payload{id: i, next: head}
		_ = make([]int, 100) // garbage
		if i%1000 == 0 {
			s := ""
			for k := 0; k < 50; k++ {
				s += "x"
			}
			head.name = s
		}
	}
	n, named := 0, 0
	for p := head; p != nil; p = p.next {
		n++
		if p.name != "" {
			named += len(p.name)
		}
	}
	println("list:", n, named)

	// Slices of pointers rewritten many times.
	ptrs := make([]*int, 1000)
	for round := 0; round < 50; round++ {
		for i := range ptrs {
			v := round*1000 + i
			ptrs[i] = &v
		}
	}
	ps := 0
	for _, p := range ptrs {
		ps += *p
	}
	println("pointer slice sum:", ps)

	// Closures and interfaces holding heap data.
	var fs []func() int
	var boxes []interface{}
	for i := 0; i < 10000; i++ {
		buf := make([]int, 10)
		buf[9] = i
		fs = append(fs, func() int { return buf[9] })
		boxes = append(boxes, [4]int{i, i, i, i})
		if len(fs) > 100 {
			fs = fs[50:]
			boxes = boxes[50:]
		}
	}
	cs, bs := 0, 0
	for i := range fs {
		cs += fs[i]()
		bs += boxes[i].([4]int)[3]
	}
	println("closures and boxes:", len(fs), cs, bs)
	println("total:", total)
}
