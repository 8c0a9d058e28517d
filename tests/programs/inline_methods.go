// run

// Calls of one-expression methods and functions with struct, array, pointer and
// promoted receivers or parameters, which mvm may compile inline: receivers are
// evaluated before the arguments, copies stay copies, and nil receivers panic.
package main

type point struct{ x, y int }

func (p point) norm1() int { return abs(p.x) + abs(p.y) }

func (p *point) sum() int { return p.x + p.y }

func (p *point) scaled(k int) int { return p.x*k + p.y*k }

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

func dot(a, b point) int { return a.x*b.x + a.y*b.y }

func first(a [3]int) int { return a[0] }

type named struct {
	point
	name string
}

func (n *named) label() string { return n.name + "!" }

var calls []string

func get(p *point, tag string) *point {
	calls = append(calls, tag)
	return p
}

func arg(v int, tag string) int {
	calls = append(calls, tag)
	return v
}

func main() {
	p := point{3, -4}
	println(p.norm1(), p.sum(), p.scaled(2), dot(p, point{1, 1}), first([3]int{7, 8, 9}))
	n := &named{point{1, 2}, "n"}
	println(n.sum(), n.label(), n.norm1())
	println(get(&p, "recv").scaled(arg(3, "arg")), calls[0], calls[1])
	q := &p
	q.x = 10
	println(q.sum(), p.sum())
	defer func() { println("recovered:", recover() != nil) }()
	var nilp *point
	println(nilp.sum())
}
