// run

package main

func main() {
	s := "héllo, 世界\xff"
	r := []rune(s)
	println(len(r), r[1], r[len(r)-1])
	println(string(r), string([]rune{0x767d, -1, 0x10FFFF + 1}))
	e := []rune("")
	println(len(e), e == nil)
	sl := []int{1, 2, 3, 4}
	a := [3]int(sl)
	p := (*[2]int)(sl)
	p[0] = 9
	println(a[0], a[2], sl[0], len(p))
	var z []int
	println((*[0]int)(z) == nil, len([0]int(z)))
}
