// run exit=2

package main

func try(f func()) {
	defer func() {
		if r := recover(); r != nil {
			println("panic")
		}
	}()
	f()
}

func main() {
	s := []int{0, 1, 2, 3, 4, 5, 6, 7}
	t := s[2:5:6]
	println(len(t), cap(t), t[0])
	t = append(t, 99)
	println(s[5], len(t), cap(t))
	t = append(t, 100)
	println(s[6], len(t), cap(t))
	var a [5]int
	u := a[1:2:3]
	println(len(u), cap(u))
	p := &a
	v := p[:0:0]
	println(len(v), cap(v))
	lo, hi, mx := 3, 2, 4
	try(func() { _ = s[lo:hi:mx] })
	mx = 9
	try(func() { _ = s[0:1:mx] })
	var arr [3]int
	n := 5
	_ = arr[:n]
}
