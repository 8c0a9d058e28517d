// run

// The math and math/bits packages, compiled from the Go installation's sources:
// functions gc implements in assembly on amd64 (Floor, Ceil, Trunc, Max, Min, Sqrt as
// an instruction) and pure-Go ones, special values, and bits' tables. (Exp, Log and
// Pow are left out: gc's amd64 assembly for exp and log can differ from the portable
// code mvm runs in the last bit, and for log of a subnormal.)
package main

import (
	"math"
	"math/bits"
)

func main() {
	xs := []float64{0, math.Copysign(0, -1), -0.5, 1.5, 2.5, -2.5, 1e300, math.Inf(1), math.Inf(-1), math.NaN(), 3.14159, -7.25, 1e-310}
	for _, x := range xs {
		println(x, math.Floor(x), math.Ceil(x), math.Trunc(x), math.Round(x), math.RoundToEven(x), math.Abs(x))
		println(math.Sqrt(math.Abs(x)), math.Max(x, 1), math.Min(x, -1), math.Max(x, 0), math.Min(x, 0), math.Mod(x, 3))
		println(math.Sin(x), math.Cos(x), math.Tan(x/7), math.Atan(x), math.Atan2(x, -2), math.Sinh(x/1e300))
		fr, ex := math.Frexp(x)
		println(fr, ex, math.Ldexp(fr, ex), math.Signbit(x), math.IsNaN(x), math.IsInf(x, 0), math.Float64bits(x))
	}
	println(math.MaxInt64, math.MinInt64, math.MaxUint32, math.Pi, math.E, math.MaxFloat64, math.SmallestNonzeroFloat64)
	println(math.Nextafter(1, 2), math.Float32bits(1.5), math.Float64frombits(0x7ff8000000000001) != 0)
	println(bits.LeadingZeros64(12345), bits.OnesCount(255), bits.Reverse8(3), bits.Reverse16(1), bits.Len(1023), bits.TrailingZeros32(64))
	hi, lo := bits.Mul64(1<<63, 6)
	q, r := bits.Div64(1, 5, 7)
	sum, carry := bits.Add64(1<<63, 1<<63, 1)
	println(hi, lo, q, r, sum, carry, bits.RotateLeft32(1, -1), bits.ReverseBytes64(0x0102030405060708))
}
