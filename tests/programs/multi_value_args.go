// run

// A multi-value call as the whole argument list: of append, of a variadic function
// (results spread over the fixed parameters and the slice, converted to the
// parameter types), and copy in defer and go statements.
package main

type stringer interface{ String() string }

type name string

func (n name) String() string { return "name:" + string(n) }

func pair() ([]int, int) { return []int{1, 2}, 3 }

func triple() ([]stringer, name, name) { return nil, "a", "b" }

func ints() (int, int, int) { return 4, 5, 6 }

func count(a ...int) int { return len(a) }

func sum(base int, rest ...int) int {
	for _, r := range rest {
		base += r
	}
	return base
}

func show(prefix string, vs ...any) {
	print(prefix)
	for _, v := range vs {
		switch v := v.(type) {
		case int:
			print(" int ", v)
		case name:
			print(" name ", string(v))
		}
	}
	println()
}

func mixed() (string, int, name) { return "p:", 7, "x" }

func only() string { return "alone" }

func deferCopy(dst []byte) {
	defer copy(dst, "defer")
	dst[0] = '!'
}

func main() {
	s := append(pair())
	println(len(s), s[0], s[1], s[2])
	t := append(triple())
	println(len(t), t[0].String(), t[1].String())
	println(count(ints()), sum(ints()))
	show(mixed())
	show(only())

	b := make([]byte, 3)
	deferCopy(b)
	println(string(b))

	done := make(chan bool)
	c := make([]int, 2)
	go func() {
		defer close(done)
		copy(c, []int{8, 9, 10})
	}()
	<-done
	println(c[0], c[1])
}
