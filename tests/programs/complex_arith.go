// run

package main

type C complex64

func main() {
	a := complex(1, 2)
	b := 3 + 4i
	println(a/b, a*b, a+b, a-b, -a, a == b, a != b, real(b), imag(b))
	var z complex128
	println(a/z, z/z)
	var f float32 = 1.5
	c := complex(f, 2)
	d := C(c) * C(c)
	println(c, d, complex128(d), complex64(a), real(d))
	x := complex128(complex64(0.1 + 0.2i))
	println(x)
	var i interface{} = a
	println(i == interface{}(complex(1, 2)))
}
