// run

// Arbitrary-precision arithmetic on []uint32 limbs with uint64 intermediates: 100!,
// 2^1000 and Fibonacci(1000) printed in decimal, and a digit sum. Exercises unsigned
// wraparound, carries, division by a small divisor and slice growth.
package main

type nat []uint32

func (n nat) mulSmall(m uint32) nat {
	var carry uint64
	for i := range n {
		t := uint64(n[i])*uint64(m) + carry
		n[i] = uint32(t)
		carry = t >> 32
	}
	if carry != 0 {
		n = append(n, uint32(carry))
	}
	return n
}

func add(a, b nat) nat {
	if len(a) < len(b) {
		a, b = b, a
	}
	out := make(nat, len(a), len(a)+1)
	var carry uint64
	for i := range a {
		t := uint64(a[i]) + carry
		if i < len(b) {
			t += uint64(b[i])
		}
		out[i] = uint32(t)
		carry = t >> 32
	}
	if carry != 0 {
		out = append(out, uint32(carry))
	}
	return out
}

func (n nat) isZero() bool {
	for _, v := range n {
		if v != 0 {
			return false
		}
	}
	return true
}

// divSmall divides n in place by d and returns the remainder.
func (n nat) divSmall(d uint32) uint32 {
	var rem uint64
	for i := len(n) - 1; i >= 0; i-- {
		cur := rem<<32 | uint64(n[i])
		n[i] = uint32(cur / uint64(d))
		rem = cur % uint64(d)
	}
	return uint32(rem)
}

func (n nat) String() string {
	c := append(nat(nil), n...)
	if c.isZero() {
		return "0"
	}
	var digits []byte
	for !c.isZero() {
		r := c.divSmall(1000000000)
		for k := 0; k < 9; k++ {
			digits = append(digits, byte('0'+r%10))
			r /= 10
		}
	}
	for len(digits) > 1 && digits[len(digits)-1] == '0' {
		digits = digits[:len(digits)-1]
	}
	for i, j := 0, len(digits)-1; i < j; i, j = i+1, j-1 {
		digits[i], digits[j] = digits[j], digits[i]
	}
	return string(digits)
}

func digitSum(s string) int {
	sum := 0
	for _, c := range s {
		sum += int(c - '0')
	}
	return sum
}

func main() {
	f := nat{1}
	for i := uint32(2); i <= 100; i++ {
		f = f.mulSmall(i)
	}
	fs := f.String()
	println("100! =", fs)
	println("digits:", len(fs), "digit sum:", digitSum(fs))

	p := nat{1}
	for i := 0; i < 1000; i++ {
		p = p.mulSmall(2)
	}
	ps := p.String()
	println("2^1000 digits:", len(ps), "digit sum:", digitSum(ps), "head:", ps[:20])

	a, b := nat{0}, nat{1}
	for i := 0; i < 1000; i++ {
		a, b = b, add(a, b)
	}
	as := a.String()
	println("fib(1000) digits:", len(as), "tail:", as[len(as)-20:])
}
