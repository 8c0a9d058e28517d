// run

// Range keys that the body reads only (mvm uses the loop counter itself), changes
// (the change lasts one iteration), captures (one variable per iteration) or assigns
// in nested statements; element updates through s[i] op= v.
package main

func main() {
	s := []int{10, 20, 30, 40}
	sum := 0
	for i := range s {
		sum += i * s[i]
	}
	println(sum)

	for i := range s {
		if i == 1 {
			i += 2 // changes this iteration's copy only
		}
		print(i, " ")
	}
	println()

	var fs []func() int
	for i := range 3 {
		fs = append(fs, func() int { return i })
	}
	for _, f := range fs {
		print(f(), " ")
	}
	println()

	for i, v := range s {
		switch {
		case v > 25:
			for j := 0; j < 1; j++ {
				i--
			}
		}
		print(i, " ")
	}
	println()

	for i := range s {
		s[i] *= 2
		s[i] += i
		s[i] -= 1
	}
	println(s[0], s[1], s[2], s[3])

	str := "héllo"
	for i, r := range str {
		print(i, ":", string(r), " ")
	}
	println()

	b := []byte("abc")
	for i := range b {
		b[i] ^= 0x20
		b[i]++
	}
	println(string(b))
}
