// run

// Live data reachable only from package-level variables, closures and strings built
// at run time must survive many collections triggered by garbage.
package main

type node struct {
	next *node
	val  int
	name string
}

var head *node
var names []string

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
}

func main() {
	for i := 0; i < 1000; i++ {
		head = &node{next: head, val: i, name: "n" + itoa(i)}
		names = append(names, itoa(i*7))
	}
	counter := 0
	inc := func() { counter++ }
	var garbage [][]int
	for round := 0; round < 3000; round++ {
		garbage = append(garbage, make([]int, 1000))
		if len(garbage) > 20 {
			garbage = nil
		}
		inc()
	}
	sum := 0
	for n := head; n != nil; n = n.next {
		sum += n.val
		if n.name != "n"+itoa(n.val) {
			println("corrupted name", n.name, n.val)
		}
	}
	for i, s := range names {
		if s != itoa(i*7) {
			println("corrupted", i, s)
		}
	}
	println(sum, counter, len(names))
}
