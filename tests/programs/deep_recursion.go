// run

// Deep recursion: Go stacks grow on demand, so recursion depths of 100,000 and
// 1,000,000 frames work (plain, mutual, with large frames, and through closures and
// method calls), as do deferred calls at every level of a deep recursion.
package main

func depth(n int) int {
	if n == 0 {
		return 0
	}
	return depth(n-1) + 1
}

func isEven(n int) bool {
	if n == 0 {
		return true
	}
	return isOdd(n - 1)
}

func isOdd(n int) bool {
	if n == 0 {
		return false
	}
	return isEven(n - 1)
}

func bigFrame(n int) int {
	var buf [64]int
	buf[n%64] = n
	if n == 0 {
		return buf[0]
	}
	return bigFrame(n-1) + buf[n%64] - n + 1
}

type walker struct{ steps int }

func (w *walker) walk(n int) {
	if n == 0 {
		return
	}
	w.steps++
	w.walk(n - 1)
}

var deferred int

func deferDeep(n int) {
	if n == 0 {
		return
	}
	defer func() { deferred++ }()
	deferDeep(n - 1)
}

func main() {
	println("depth 100000:", depth(100000))
	println("depth 1000000:", depth(1000000))
	println("mutual 100001 odd:", isOdd(100001), "even:", isEven(100001))
	println("big frames 100000:", bigFrame(100000))
	var fact func(n int) int
	fact = func(n int) int {
		if n == 0 {
			return 0
		}
		return 1 + fact(n-1)
	}
	println("closure 200000:", fact(200000))
	w := &walker{}
	w.walk(300000)
	println("method 300000:", w.steps)
	deferDeep(100000)
	println("defers run:", deferred)
}
