// run

// The exact runtime error messages of failed index and slice bounds checks, recovered and
// printed: index out of range on slices, arrays, strings and pointers to arrays, every
// slice-expression bound (low > high, high > len/cap, max > cap, low > max, negative
// indices through variables, unsigned huge indices), and slice to array conversion.
package main

type runtimeError interface {
	error
	RuntimeError()
}

func try(label string, f func()) {
	defer func() {
		r := recover()
		if r == nil {
			println(label, "=> no panic")
			return
		}
		if e, ok := r.(runtimeError); ok {
			println(label, "=>", e.Error())
			return
		}
		println(label, "=> non-runtime panic")
	}()
	f()
}

var sink int

func main() {
	s := []int{1, 2, 3}
	arr := [4]int{}
	str := "hello"
	p := &arr
	i, j, k := 5, 2, 1
	neg := -1
	var u uint = 1 << 63
	var u8 uint8 = 200
	var i64 int64 = 1 << 40

	try("s[5]", func() { sink = s[i] })
	try("s[-1]", func() { sink = s[neg] })
	try("s[3]", func() { sink = s[len(s)] })
	try("s[huge uint]", func() { sink = s[u] })
	try("s[uint8 200]", func() { sink = s[u8] })
	try("s[int64 1<<40]", func() { sink = s[i64] })
	try("arr[5]", func() { sink = arr[i] })
	try("p[5]", func() { sink = p[i] })
	try("str[5]", func() { sink = int(str[i]) })
	try("store s[5]", func() { s[i] = 1 })
	try("nil slice [0]", func() { var n []int; sink = n[0] })

	try("s[2:1]", func() { sink = len(s[j:k]) })
	try("s[:5]", func() { sink = len(s[:i]) })
	try("s[5:]", func() { sink = len(s[i:]) })
	try("s[-1:]", func() { sink = len(s[neg:]) })
	try("s[1:5] cap 3", func() { sink = len(s[k:i]) })
	try("s[0:2:5]", func() { sink = len(s[0:2:i]) })
	try("s[0:5:2]", func() { sink = len(s[0:i:j]) })
	try("s[2:1:3]", func() { sink = len(s[j:k:3]) })
	try("s[1:2:-1]", func() { sink = len(s[k:j:neg]) })
	try("arr[2:5]", func() { sink = len(arr[j:i]) })
	try("arr[5:]", func() { sink = len(arr[i:]) })
	try("p[1:5]", func() { sink = len(p[k:i]) })
	try("str[2:1]", func() { sink = len(str[j:k]) })
	try("str[:6]", func() { sink = len(str[:i+1]) })
	try("str[6:]", func() { sink = len(str[i+1:]) })
	try("str[-1:]", func() { sink = len(str[neg:]) })
	try("str[huge:]", func() { sink = len(str[u:]) })

	big := make([]int, 3, 10)
	try("big[:10] within cap", func() { sink = len(big[:10]) })
	try("big[:11]", func() { sink = len(big[:11+k-1]) })
	try("big[4:]", func() { sink = len(big[4:]) })
	try("big[4:10]", func() { sink = len(big[4:10]) })

	try("[4]int(s)", func() { a := [4]int(s); sink = a[0] })
	try("(*[4]int)(s)", func() { a := (*[4]int)(s); sink = a[0] })
	try("[3]int(s) ok", func() { a := [3]int(s); sink = a[2] })
}
