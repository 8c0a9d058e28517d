// run exit=2

// Constant stores into slice elements of every width (the fused store instruction):
// sign extension and truncation, booleans, unsigned values, and the bounds panic.
package main

func main() {
	b := make([]bool, 3)
	i8 := make([]int8, 3)
	u8 := make([]uint8, 3)
	i16 := make([]int16, 3)
	u32 := make([]uint32, 3)
	i64 := make([]int64, 3)
	f := make([]float64, 3)
	for i := 0; i < 3; i++ {
		b[i] = true
		i8[i] = -5
		u8[i] = 127
		i16[i] = -128
		u32[i] = 100
		i64[i] = -1
		f[i] = 2
	}
	j := 1
	u8[j] = 200
	i8[j] = 0
	println(b[0], b[2], i8[0], i8[1], u8[0], u8[1], i16[2], u32[1], i64[2], f[1])
	var nilSlice []int
	k := 0
	defer func() { println("recovered:", recover() != nil); nilSlice[k] = 1 }()
	k = 3
	i64[k] = 7
}
