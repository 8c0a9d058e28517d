// run

// Pointers: new, address-of on variables, fields, array and slice elements, composite
// literals; pointer to pointer; escaping locals outlive their function; pointer
// arithmetic-free aliasing through slices; nil checks; and auto-dereference for fields
// and array indexing.
package main

type Node struct {
	Val  int
	Next *Node
}

func newCounter() *int {
	c := 0
	return &c
}

func incr(p *int) { *p++ }

func swap(a, b *int) { *a, *b = *b, *a }

func main() {
	p := new(int)
	println("new int:", *p)
	*p = 5
	q := p
	*q += 1
	println("alias:", *p, *q, p == q)

	c1 := newCounter()
	c2 := newCounter()
	incr(c1)
	incr(c1)
	incr(c2)
	println("counters:", *c1, *c2, c1 != c2)

	x, y := 1, 2
	swap(&x, &y)
	println("swap:", x, y)

	pp := &p
	**pp = 42
	println("pointer to pointer:", *p, **pp)

	// Linked list.
	var head *Node
	for i := 1; i <= 5; i++ {
		head = &Node{Val: i, Next: head}
	}
	for n := head; n != nil; n = n.Next {
		print(n.Val, " ")
	}
	println()
	// Reverse in place.
	var prev *Node
	for n := head; n != nil; {
		next := n.Next
		n.Next = prev
		prev, n = n, next
	}
	for n := prev; n != nil; n = n.Next {
		print(n.Val, " ")
	}
	println()

	// Element pointers.
	arr := [3]int{1, 2, 3}
	ep := &arr[1]
	*ep = 20
	s := arr[:]
	sp := &s[2]
	*sp = 30
	println("elements:", arr[0], arr[1], arr[2])
	// A pointer into a slice keeps pointing into the old array after growth.
	sl := make([]int, 1, 1)
	old := &sl[0]
	sl = append(sl, 2)
	*old = 99
	println("after growth:", sl[0], *old)

	// Field pointers and auto-deref.
	type Pair struct{ A, B int }
	pr := &Pair{1, 2}
	fa := &pr.A
	*fa = 10
	pr.B = 20
	println("fields:", pr.A, (*pr).B)
	pa := &[2]int{7, 8}
	pa[0]++
	println("array ptr index:", pa[0], len(pa))

	// Pointers in loops: per-iteration variables have distinct addresses.
	var ptrs []*int
	for i := 0; i < 3; i++ {
		ptrs = append(ptrs, &i)
	}
	println("loop var ptrs:", *ptrs[0], *ptrs[1], *ptrs[2], ptrs[0] != ptrs[1])

	// Pointer to struct in a map value.
	m := map[string]*Pair{"k": {1, 1}}
	m["k"].A = 5
	println("map ptr:", m["k"].A)

	var np *Node
	println("nil ptr:", np == nil)
}
