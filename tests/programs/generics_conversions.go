// run

// new, make-free zero values, arrays, nil conversions and string/byte-slice conversions
// on type parameters (by their core types), and struct types built from type parameters.
package main

type P struct{ a, b int }

func New[T any]() *T { return new(T) }

func Arr[T comparable](x T) bool {
	var a, b [4]T
	a[1] = x
	b[1] = x
	return a == b
}

func Nil[T ~[]int | ~*int]() T { return T(nil) }

func ToStr[S ~string, B ~[]byte](b B) S { return S(b) }
func ToBytes[B ~[]byte, S ~string](s S) B { return B(s) }

type MyBytes []byte
type MyStr string

func Keyed[K comparable, V any](k K, v V) struct {
	Key K
	Val V
} {
	return struct {
		Key K
		Val V
	}{Key: k, Val: v}
}

func main() {
	p := New[P]()
	p.b = 3
	println(p.a, p.b, *New[int]())
	println(Arr(2.5), Arr("s"))
	println(Nil[[]int]() == nil, Nil[*int]() == nil)
	println(ToStr[MyStr](MyBytes("hey")), len(ToBytes[MyBytes](MyStr("abc"))))
	kv := Keyed("k", 1.5)
	println(kv.Key, kv.Val)
}
