// Binary-trees allocates and walks many short-lived binary trees, after the
// Computer Language Benchmarks Game: a benchmark of allocation and the collector.
//
// It imports nothing, so an interpreter without the standard library can run it;
// the depth comes in through the linker: go build -ldflags=-X=main.size=18.
package main

// size is the maximum depth, as a decimal string so that -ldflags=-X can set it.
var size = "18"

type node struct {
	left, right *node
}

func bottomUp(depth int) *node {
	if depth <= 0 {
		return &node{}
	}
	return &node{bottomUp(depth - 1), bottomUp(depth - 1)}
}

func (n *node) check() int {
	if n.left == nil {
		return 1
	}
	return 1 + n.left.check() + n.right.check()
}

// atoi parses a non-negative decimal size; a malformed one is a usage error.
func atoi(s string) int {
	if s == "" {
		panic("size: empty")
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			panic("size: not a decimal number: " + s)
		}
		n = n*10 + int(c-'0')
	}
	return n
}

func main() {
	n := atoi(size)
	const minDepth = 4
	maxDepth := max(n, minDepth+2)

	stretch := maxDepth + 1
	print("stretch tree of depth ", stretch, "\t check: ", bottomUp(stretch).check(), "\n")

	longLived := bottomUp(maxDepth)
	for depth := minDepth; depth <= maxDepth; depth += 2 {
		iterations := 1 << (maxDepth - depth + minDepth)
		check := 0
		for i := 0; i < iterations; i++ {
			check += bottomUp(depth).check()
		}
		print(iterations, "\t trees of depth ", depth, "\t check: ", check, "\n")
	}
	print("long lived tree of depth ", maxDepth, "\t check: ", longLived.check(), "\n")
}
