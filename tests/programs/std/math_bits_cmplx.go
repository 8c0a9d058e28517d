// run

// math/bits (counts, rotations, reversals, lengths, and the carry/borrow arithmetic
// Add/Sub/Mul/Div for 32 and 64 bits, including Div's panics) and math/cmplx (Abs,
// Phase, Polar, Rect, Conj, Sqrt, Exp, Log, Pow, Sin, Inf, NaN, IsNaN), the latter printed
// with limited precision.
package main

import (
	"fmt"
	"math"
	"math/bits"
	"math/cmplx"
)

func main() {
	for _, x := range []uint64{0, 1, 6, 255, 1 << 40, math.MaxUint64, 0x0123456789abcdef} {
		fmt.Println(x, bits.OnesCount64(x), bits.LeadingZeros64(x), bits.TrailingZeros64(x), bits.Len64(x),
			bits.RotateLeft64(x, 8), bits.RotateLeft64(x, -4), bits.Reverse64(x), bits.ReverseBytes64(x))
	}
	for _, x := range []uint32{0, 1, 0x80000000, 0xdeadbeef} {
		fmt.Println(x, bits.OnesCount32(x), bits.LeadingZeros32(x), bits.TrailingZeros32(x), bits.Len32(x), bits.RotateLeft32(x, 3), bits.Reverse32(x), bits.ReverseBytes32(x))
	}
	fmt.Println(bits.OnesCount8(7), bits.LeadingZeros8(1), bits.Len8(0), bits.Reverse8(1), bits.OnesCount16(0xffff), bits.Len16(256), bits.ReverseBytes16(0x1234), bits.RotateLeft8(0x81, 1), bits.RotateLeft16(1, 17))
	fmt.Println(bits.UintSize, bits.OnesCount(7), bits.Len(8), bits.LeadingZeros(1), bits.TrailingZeros(0), bits.Reverse(1) == 1<<63, bits.RotateLeft(1, -1))
	s, c := bits.Add64(math.MaxUint64, 1, 0)
	fmt.Println(s, c)
	s, c = bits.Add64(math.MaxUint64, math.MaxUint64, 1)
	fmt.Println(s, c)
	d, b := bits.Sub64(0, 1, 0)
	fmt.Println(d, b)
	d, b = bits.Sub64(5, 3, 1)
	fmt.Println(d, b)
	hi, lo := bits.Mul64(math.MaxUint64, math.MaxUint64)
	fmt.Println(hi, lo)
	q, r := bits.Div64(hi, lo, math.MaxUint64)
	fmt.Println(q, r, bits.Rem64(7, 3, 5))
	s32, c32 := bits.Add32(math.MaxUint32, 2, 0)
	h32, l32 := bits.Mul32(0xffffffff, 0x10)
	q32, r32 := bits.Div32(1, 0, 3)
	fmt.Println(s32, c32, h32, l32, q32, r32)
	sw, cw := bits.Add(1, 2, 1)
	fmt.Println(sw, cw)
	for _, f := range []func(){
		func() { bits.Div64(0, 1, 0) },
		func() { bits.Div64(5, 0, 5) },
		func() { bits.Div32(2, 0, 1) },
	} {
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			f()
		}()
	}

	z := complex(3, 4)
	fmt.Println(z, real(z), imag(z), cmplx.Abs(z), cmplx.Conj(z), z*z, z/complex(0, 1))
	p := func(c complex128) string { return fmt.Sprintf("(%.10g%+.10gi)", real(c), imag(c)) }
	r2, th := cmplx.Polar(z)
	fmt.Printf("%.10g %.10g %s %.10g\n", r2, th, p(cmplx.Rect(r2, th)), cmplx.Phase(complex(-1, 0)))
	fmt.Println(p(cmplx.Sqrt(-4)), p(cmplx.Sqrt(z)), p(cmplx.Exp(complex(0, math.Pi))), p(cmplx.Log(complex(-1, 0))))
	fmt.Println(p(cmplx.Pow(z, 2)), p(cmplx.Pow(complex(0, 1), complex(0, 1))), p(cmplx.Sin(z)), p(cmplx.Cos(z)), p(cmplx.Tan(complex(0.5, 0.5))))
	fmt.Println(p(cmplx.Asin(z)), p(cmplx.Sinh(z)), p(cmplx.Log10(complex(100, 0))), p(cmplx.Cot(complex(1, 1))))
	fmt.Println(cmplx.Inf(), cmplx.IsInf(cmplx.Inf()), cmplx.IsNaN(cmplx.NaN()), cmplx.IsNaN(complex(math.NaN(), math.Inf(1))), cmplx.Abs(complex(math.Inf(-1), math.NaN())))
	var c64 complex64 = complex(1.5, -2)
	fmt.Println(c64, complex128(c64)*2, c64 == complex(1.5, -2))
}
