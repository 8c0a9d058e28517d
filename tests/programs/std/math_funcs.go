// run

// The math package through fmt: exact functions (Abs, Floor, Ceil, Trunc, Round,
// RoundToEven, Mod, Remainder, Modf, Frexp, Ldexp, Sqrt, Cbrt, Max, Min, Dim, Copysign,
// Signbit, Nextafter, FMA, float bits) printed in full, and transcendental ones (Exp, Log,
// Pow, Sin, Atan2, Hypot, Gamma, Erf, ...) printed to 12 significant digits, because
// gc's amd64 assembly for Exp, Log and Hypot may differ from the portable Go code in the
// last bit. Also special values and constants.
package main

import (
	"fmt"
	"math"
)

func main() {
	xs := []float64{-2.5, -0.5, 0, 0.5, 1.5, 2.5, 7, 1e10, math.Inf(1), math.NaN()}
	for _, x := range xs {
		ip, frac := math.Modf(x)
		fr, ex := math.Frexp(x)
		fmt.Println(x, math.Abs(x), math.Floor(x), math.Ceil(x), math.Trunc(x), math.Round(x), math.RoundToEven(x),
			math.Mod(x, 2), math.Remainder(x, 2), ip, frac, fr, ex, math.Ldexp(x, 3), math.Sqrt(x), math.Cbrt(x))
	}
	fmt.Println(math.Max(1, math.NaN()), math.Max(-0.0, 0), math.Min(-0.0, 0), math.Max(math.Inf(-1), 3), math.Dim(5, 3), math.Dim(3, 5))
	fmt.Println(math.Copysign(3, -1), math.Signbit(math.Copysign(0, -1)), math.Nextafter(1, 2)-1, math.Nextafter32(1, 0), math.FMA(2, 3, 4))
	fmt.Println(math.Float64bits(1.5), math.Float64frombits(0x4000000000000000), math.Float32bits(-1), math.Float32frombits(0x3f800000))
	fmt.Println(math.IsNaN(math.NaN()), math.IsInf(math.Inf(-1), -1), math.IsInf(1, 0), math.NaN() == math.NaN(), math.Inf(1) > math.MaxFloat64)
	fmt.Println(math.MaxInt8, math.MinInt16, math.MaxUint16, math.MaxInt32, uint64(math.MaxUint64), math.MaxInt)
	fmt.Println(math.MaxFloat32, math.SmallestNonzeroFloat32, math.MaxFloat64, math.SmallestNonzeroFloat64)
	fmt.Printf("%.12g %.12g %.12g %.12g %.12g\n", math.Pi, math.E, math.Sqrt2, math.Ln2, math.Phi)

	for _, x := range []float64{0.1, 0.5, 1, 2, 3.7, 10, 100} {
		fmt.Printf("x=%v exp=%.12g log=%.12g log2=%.12g log10=%.12g log1p=%.12g expm1=%.12g exp2=%.12g pow=%.12g\n",
			x, math.Exp(x), math.Log(x), math.Log2(x), math.Log10(x), math.Log1p(x), math.Expm1(x), math.Exp2(x), math.Pow(x, 1.5))
		fmt.Printf("  sin=%.12g cos=%.12g tan=%.12g asin=%.12g acos=%.12g atan=%.12g sinh=%.12g cosh=%.12g tanh=%.12g\n",
			math.Sin(x), math.Cos(x), math.Tan(x), math.Asin(x/100), math.Acos(x/100), math.Atan(x), math.Sinh(x/10), math.Cosh(x/10), math.Tanh(x))
		lg, sign := math.Lgamma(x)
		fmt.Printf("  gamma=%.12g lgamma=%.12g,%d erf=%.12g erfc=%.12g j0=%.12g y1=%.12g hypot=%.12g atan2=%.12g\n",
			math.Gamma(x), lg, sign, math.Erf(x/4), math.Erfc(x/4), math.J0(x), math.Y1(x), math.Hypot(x, 3), math.Atan2(x, -1))
	}
	fmt.Println(math.Pow(2, 10), math.Pow(2, -2), math.Pow(-8, 1.0/3), math.Pow(0, -1), math.Pow(1, math.NaN()), math.Pow(-1, math.Inf(1)))
	fmt.Println(math.Log(0), math.Log(-1), math.Exp(1000), math.Exp(-1000), math.Sqrt(-1), math.Exp(0), math.Log(1))
	s, c := math.Sincos(0)
	fmt.Println(s, c, math.Hypot(3, 4), math.Inf(1)-math.Inf(1))
	var f32 float32 = 16777217
	fmt.Println(f32, float32(0.1)+float32(0.2), 0.1+0.2, int64(math.Round(-4.5)), int(math.Floor(-0.5)))
}
