// run

// float32 and float64 arithmetic: float32 results are rounded to single precision after
// every operation (not kept in double), classic rounding cases, huge and tiny values,
// subnormals, and the printing of both types.
package main

func main() {
	var a, b float32 = 0.1, 0.2
	println("float32 0.1+0.2:", a+b, "==0.3:", a+b == 0.3)
	x, y := 0.1, 0.2
	println("float64 0.1+0.2:", x+y, "==0.3:", x+y == 0.3)

	// Accumulating in float32 must round each step.
	var s32 float32
	var s64 float64
	for i := 0; i < 1000; i++ {
		s32 += 0.1
		s64 += 0.1
	}
	println("sum 1000x0.1 float32:", s32, "float64:", s64)

	var big32 float32 = 16777216
	println("float32 2^24+1:", big32+1, "2^24+2:", big32+2)
	var m32 float32 = 3.4028235e38
	println("float32 max*2:", m32*2, "max+max/1e8:", m32+m32/1e8)
	var t32 float32 = 1e-38
	println("float32 1e-38/1e6:", t32/1e6, "/1e10:", t32/1e10)

	// float32 product rounding: (a*b) in float32 differs from float64 product rounded once.
	var p, q float32 = 1.1, 1.1
	r := p * q
	println("float32 1.1*1.1:", r, "float64 of float32 operands:", float64(p)*float64(q))
	var third float32 = 1.0 / 3.0
	println("float32 1/3:", third, "*3:", third*3)

	// float64 extremes.
	max := 1.7976931348623157e308
	println("float64 max:", max, "max*2:", max*2, "-max*2:", -max*2)
	tiny := 5e-324
	println("float64 min subnormal:", tiny, "/2:", tiny/2, "*2:", tiny*2)
	ten := 10.0
	println("1e308*10/10:", 1e308*ten/10)

	// Operations and their exact results.
	println("7.0/2:", 7.0/2, "-7.5*2:", -7.5*2, "1e100*1e100:", 1e100*1e100)
	n := 3.0
	println("n/0.1:", n/0.1, "n*0.1:", n*0.1, "n-2.9:", n-2.9)

	// Compound assignment and increment on floats.
	f := 1.5
	f++
	f *= 2
	f -= 0.25
	f /= 4
	println("compound:", f)
	var g float32 = 2.5
	g--
	println("float32 dec:", g)

	// Comparisons including signed zero.
	pz, nz := 0.0, -0.0*n
	println("0 == -0:", pz == nz, "0 < -0:", pz < nz)
}
