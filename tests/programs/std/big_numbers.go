// run

// math/big: Int (factorial, Fibonacci, Exp with modulus, GCD with Bezout coefficients,
// ModInverse, Sqrt, ProbablyPrime, SetString in several bases, Text, bit operations,
// shifts, truncated Quo/Rem versus Euclidean Div/Mod, Cmp/CmpAbs/Sign, fmt verbs), Rat
// (arithmetic in lowest terms, FloatString, SetString of fractions and decimals), and
// Float (precision, rounding mode, Sqrt, Quo, Text, SetString, Int conversion).
package main

import (
	"fmt"
	"math/big"
)

func main() {
	f := big.NewInt(1)
	for i := int64(2); i <= 50; i++ {
		f.Mul(f, big.NewInt(i))
	}
	fmt.Println("50! =", f, "digits:", len(f.String()), "bits:", f.BitLen())
	a, b := big.NewInt(0), big.NewInt(1)
	for i := 0; i < 200; i++ {
		a.Add(a, b)
		a, b = b, a
	}
	fmt.Println("fib(200) =", a)

	m := new(big.Int).Exp(big.NewInt(2), big.NewInt(1000), big.NewInt(1000000007))
	fmt.Println("2^1000 mod p =", m)
	p, _ := new(big.Int).SetString("170141183460469231731687303715884105727", 10)
	fmt.Println("M127 prime:", p.ProbablyPrime(20), new(big.Int).Add(p, big.NewInt(2)).ProbablyPrime(20))
	x, y := new(big.Int), new(big.Int)
	g := new(big.Int).GCD(x, y, big.NewInt(240), big.NewInt(46))
	fmt.Println("gcd", g, x, y)
	fmt.Println("inverse", new(big.Int).ModInverse(big.NewInt(3), big.NewInt(11)), new(big.Int).Sqrt(f))

	h, ok := new(big.Int).SetString("-deadBEEFcafe", 16)
	fmt.Println(h, ok, h.Text(2), h.Text(36), h.Text(16))
	_, ok = new(big.Int).SetString("12x", 10)
	z, _ := new(big.Int).SetString("0x_ff", 0)
	fmt.Println(ok, z)
	fmt.Printf("%d %x %X %#x %o %b %s %v %+d %10d|%-6d|%08d\n", h, h, big.NewInt(255), big.NewInt(255), big.NewInt(8), big.NewInt(5), big.NewInt(7), big.NewInt(-1), big.NewInt(3), big.NewInt(42), big.NewInt(42), big.NewInt(-42))

	for _, pair := range [][2]int64{{7, 2}, {-7, 2}, {7, -2}, {-7, -2}} {
		n, d := big.NewInt(pair[0]), big.NewInt(pair[1])
		q, r := new(big.Int).QuoRem(n, d, new(big.Int))
		dv, md := new(big.Int).DivMod(n, d, new(big.Int))
		fmt.Println(pair, "quo/rem", q, r, "div/mod", dv, md)
	}
	v := big.NewInt(0b1100)
	fmt.Println(new(big.Int).And(v, big.NewInt(0b1010)), new(big.Int).Or(v, big.NewInt(1)), new(big.Int).Xor(v, big.NewInt(0b0110)),
		new(big.Int).Not(v), new(big.Int).AndNot(v, big.NewInt(4)), new(big.Int).Lsh(v, 100), new(big.Int).Rsh(big.NewInt(-9), 1),
		v.Bit(2), v.TrailingZeroBits(), new(big.Int).SetBit(v, 0, 1))
	fmt.Println(big.NewInt(-5).Cmp(big.NewInt(3)), big.NewInt(-5).CmpAbs(big.NewInt(3)), big.NewInt(-5).Sign(), new(big.Int).Abs(big.NewInt(-5)), new(big.Int).Neg(big.NewInt(5)))
	fmt.Println(f.IsInt64(), big.NewInt(99).Int64(), new(big.Int).SetUint64(1<<63).Uint64(), new(big.Int).Binomial(30, 15), f.Bytes()[:4])
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		new(big.Int).Quo(big.NewInt(1), big.NewInt(0))
	}()

	r := big.NewRat(3, 4)
	r.Add(r, big.NewRat(1, 6))
	fmt.Println(r, r.RatString(), r.FloatString(5), r.Num(), r.Denom(), big.NewRat(4, 2).RatString(), big.NewRat(-6, 4))
	s, _ := new(big.Rat).SetString("22/7")
	d, _ := new(big.Rat).SetString("3.14159")
	e, _ := new(big.Rat).SetString("1e-3")
	fmt.Println(s, d, e, new(big.Rat).Sub(s, d), new(big.Rat).Mul(s, d).FloatString(10), new(big.Rat).Quo(s, d), s.Cmp(d), new(big.Rat).Inv(s))
	fl, exact := big.NewRat(1, 3).Float64()
	fmt.Println(fl, exact, new(big.Rat).SetFloat64(0.1))

	two := new(big.Float).SetPrec(200).SetInt64(2)
	sq := new(big.Float).SetPrec(200).Sqrt(two)
	fmt.Println(sq.Text('f', 55))
	fmt.Println(sq.Text('g', 20), sq.Prec(), sq.MinPrec() > 0, sq.Mode())
	third := new(big.Float).SetPrec(100).Quo(big.NewFloat(1), big.NewFloat(3))
	fmt.Println(third.Text('e', 25), third.String())
	fmt.Printf("%.30f %g %10.3f|\n", third, big.NewFloat(1e100), big.NewFloat(2.5))
	pf, _, err := big.ParseFloat("1.5e1000", 10, 64, big.ToNearestEven)
	fmt.Println(pf, err)
	i, acc := big.NewFloat(-2.75).Int(nil)
	fmt.Println(i, acc)
	down := new(big.Float).SetPrec(4).SetMode(big.ToZero)
	down.SetFloat64(1.9375)
	up := new(big.Float).SetPrec(4).SetMode(big.AwayFromZero)
	up.SetFloat64(1.8)
	fmt.Println(down, down.Acc(), up, up.Acc())
	ff, _ := new(big.Float).SetString("123.456")
	f64, acc2 := ff.Float64()
	fmt.Println(f64, acc2, ff.IsInt(), new(big.Float).SetInf(true), big.NewFloat(0).Sign())
}
