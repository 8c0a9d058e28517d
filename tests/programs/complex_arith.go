// run

// complex64 and complex128: construction with complex(), real/imag, arithmetic (including
// division), equality, conversion between the two widths, printing with println, and
// complex values with NaN and infinite parts.
package main

func main() {
	a := complex(1.5, -2)
	b := 3 + 4i
	println("a:", a, "b:", b)
	println("a+b:", a+b, "a-b:", a-b, "a*b:", a*b, "a/b:", a/b)
	println("real(b):", real(b), "imag(b):", imag(b))
	println("-b:", -b, "b==3+4i:", b == 3+4i, "a!=b:", a != b)

	var c64 complex64 = complex(float32(0.1), float32(0.2))
	println("complex64:", c64, "real:", real(c64), "imag:", imag(c64))
	println("complex64*complex64:", c64*c64, "as complex128:", complex128(c64))
	d := complex128(c64) * complex128(c64)
	println("widened then squared:", d)
	println("narrowed:", complex64(1.0000000001+2i))

	var z complex128
	println("zero:", z, "1/zero:", 1/z)
	one := 1.0
	zero := 0.0
	nan := zero / zero
	inf := one / zero
	println("nan part:", complex(nan, 1), "inf part:", complex(inf, -inf))
	println("nan==nan complex:", complex(nan, 0) == complex(nan, 0))

	// Division cases gc handles specially.
	println("(1+1i)/(0+0i):", (1+1i)/complex(zero, zero))
	println("(0+0i)/(0+0i):", complex(zero, zero)/complex(zero, zero))
	println("(1+2i)/(inf+0i):", (1+2i)/complex(inf, 0))
	println("(inf+inf i)/(1+1i):", complex(inf, inf)/(1+1i))
	println("large/large:", complex(1e300, 1e300)/complex(1e300, 1e-300))

	// Compound assignment.
	c := 1 + 1i
	c *= c
	c += 2
	c /= 2i
	println("compound:", c)

	// Constants.
	const k = (1 + 2i) * (3 - 1i)
	println("const:", k, "real of const:", real(k))
	println("i*i:", 1i*1i, "complex64(1i)*1i:", complex64(1i)*1i)
	var f32 float32 = 2.5
	println("complex from float32:", complex(f32, f32*2))
}
