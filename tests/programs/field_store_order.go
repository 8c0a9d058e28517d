// run exit=2

// Stores through a pointer variable, `p.f = v` and `p.f op= v`: the value is computed
// before the nil check of p (gc's order), fields at every offset including embedded
// structs, and pointer-typed fields that the collector must see.
package main

type inner struct{ a, b float64 }

type node struct {
	x    int
	in   inner
	next *node
	f    float64
}

func main() {
	n := &node{}
	n.x = 7
	n.in.b = 2.5
	n.f = 1
	n.f += n.in.b * 2
	n.x -= 10
	n.next = &node{x: 99}
	for i := 0; i < 1000; i++ {
		_ = make([]byte, 1000) // give the collector work while n.next is only in a field
	}
	println(n.x, n.in.a, n.in.b, n.f, n.next.x)

	var p *node
	var a []int
	i := 5
	defer func() {
		println("recovered:", recover().(error).Error())
		p.x = a[0] // a nil p: the index panic comes first again
	}()
	p.x = a[i]
}
