// run

package main



func main() {
	z0 := 0.0
	nan := z0 / z0
	z := 0.0
	nz := -z
	println(min(1.5, 2.5, -3.0), max(1.5, 2.5, -3.0), min(nan, 1.0), max(1.0, nan), min(z, nz), max(nz, z), min(nz, z), max(z, nz))
	var f, g float32 = 1.25, -7
	println(min(f, g), max(f, g, 100))
	println(min("b", "a", "c"), max("b", "a", "c"), min("x"))
	x := 2.0
	println(min(x, 1), max(x, 3.5))
}
