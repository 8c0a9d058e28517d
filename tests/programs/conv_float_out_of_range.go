// run

//go:build amd64

// Float to integer conversions whose value does not fit (NaN, ±Inf, too large, negative
// to unsigned): the Go spec leaves the result implementation-defined, so this pins what
// gc gives on amd64 (mvm matches gc byte for byte). Values go through variables so that
// nothing is folded at compile time.
package main

//go:noinline
func f64(x float64) float64 { return x }

//go:noinline
func f32(x float32) float32 { return x }

func main() {
	zero := f64(0)
	nan := zero / zero
	inf := 1 / zero
	vals := []float64{nan, inf, -inf, 1e19, -1e19, 1e300, 3e9, -3e9, 70000, -70000, 300, -300, -1, -0.5, 1.8446744073709552e19, 9.3e18}
	for _, v := range vals {
		println("float64", v)
		println("  int64", int64(v), "int32", int32(v), "int16", int16(v), "int8", int8(v), "int", int(v))
		println("  uint64", uint64(v), "uint32", uint32(v), "uint16", uint16(v), "uint8", uint8(v), "uint", uint(v), "uintptr", uintptr(v))
	}
	for _, v := range []float32{f32(float32(nan)), f32(float32(inf)), f32(-1e10), f32(5e9), f32(-1)} {
		println("float32", v)
		println("  int64", int64(v), "int32", int32(v), "uint64", uint64(v), "uint32", uint32(v), "uint8", uint8(v))
	}
}
