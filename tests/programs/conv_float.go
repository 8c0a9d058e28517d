// run

// Conversions involving floats: float→int truncation toward zero, int→float rounding
// (large int64/uint64 values), float64→float32 rounding, and NaN/Inf behaviour with
// comparisons. Out-of-range float→int conversions are implementation-defined in Go, so
// only in-range values are converted to integers here.
package main

func main() {
	fs := []float64{0, 0.5, -0.5, 1.9999, -1.9999, 2.5, -2.5, 1e9 + 0.75, -1e9 - 0.75, 127.9, -128.9, 2147483647.9, -2147483648.9}
	for _, f := range fs {
		println("float64", f, "-> int64", int64(f), "int32", int32(f), "int", int(f))
	}
	for _, f := range []float64{4294967295.9, 9.2e18, -9.2e18, 9.223372036854775e18} {
		println("float64", f, "-> int64", int64(f))
	}
	h := float32(65535.5)
	println("to uint16 from float32 65535.5:", uint16(h))
	var f255 float64 = 255.99
	println("uint8(255.99):", uint8(f255))
	var fu float64 = 1.8e19
	println("uint64(1.8e19):", uint64(fu))
	var f32 float32 = -7.75
	println("float32 -7.75 -> int", int(f32), "int8", int8(f32))

	// Integers to floats round to nearest even when the mantissa is too small.
	var i64 int64 = 9007199254740993 // 2^53 + 1
	println("int64 2^53+1 -> float64:", float64(i64), "back:", int64(float64(i64)))
	var u64 uint64 = 18446744073709551615
	println("uint64 max -> float64:", float64(u64), "-> float32:", float32(u64))
	var i32 int32 = 16777217 // 2^24 + 1
	println("int32 2^24+1 -> float32:", float32(i32), "back:", int32(float32(i32)))
	var big uint64 = 1<<63 + 1<<11
	println("uint64 2^63+2^11 -> float64:", float64(big), "back:", uint64(float64(big)))
	var neg int64 = -9223372036854775808
	println("int64 min -> float64:", float64(neg), "back:", int64(float64(neg)))

	// float64 -> float32 rounding.
	d := 0.1
	println("float32(0.1):", float32(d), "as float64:", float64(float32(d)))
	d = 1.0000001
	println("float32(1.0000001):", float32(d))
	d = 3.4028235e38 * 1.0000001
	println("float32(>max):", float32(d))
	d = 1e-46
	println("float32(1e-46):", float32(d))
	d = 1.5e-45
	println("float32(1.5e-45):", float32(d))

	// NaN and infinities.
	zero := 0.0
	nan := zero / zero
	inf := 1 / zero
	println("nan:", nan, "inf:", inf, "-inf:", -inf)
	println("nan==nan:", nan == nan, "nan!=nan:", nan != nan, "nan<1:", nan < 1, "nan>1:", nan > 1)
	println("inf>1e308:", inf > 1e308, "-inf<-1e308:", -inf < -1e308, "inf==inf:", inf == inf)
	println("inf-inf:", inf-inf, "inf*0:", inf*0, "0*-1:", zero*-1)
	println("float32(nan):", float32(nan), "float32(inf):", float32(inf), "float32(-inf):", float32(-inf))
	negz := -zero
	println("-0:", negz, "-0==0:", negz == zero, "1/-0:", 1/negz)
}
