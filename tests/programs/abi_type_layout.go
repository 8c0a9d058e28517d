// run

// The type descriptors an interface's type word points to have gc's internal/abi
// layout (reflect and the std packages read them): sizes, pointer bytes, kinds, flags,
// alignment, array lengths, element types, func parameter counts, struct fields (name
// bytes, embedded bit, tags, offsets), interface method counts and the uncommon part's
// method counts, read here through unsafe as reflect reads them (flags without
// TFlagExtraStar, a size optimization mvm does not make, and TFlagRegularMemory).
package main

import "unsafe"

type abiType struct {
	Size_       uintptr
	PtrBytes    uintptr
	Hash        uint32
	TFlag       uint8
	Align_      uint8
	FieldAlign_ uint8
	Kind_       uint8
	Equal       func(unsafe.Pointer, unsafe.Pointer) bool
	GCData      *byte
	Str         int32
	PtrToThis   int32
}

type uncommon struct {
	PkgPath int32
	Mcount  uint16
	Xcount  uint16
	Moff    uint32
	_       uint32
}

type structField struct {
	Name   *byte
	Typ    *abiType
	Offset uintptr
}

type structType struct {
	abiType
	PkgPath *byte
	Fields  []structField
}

type arrayType struct {
	abiType
	Elem  *abiType
	Slice *abiType
	Len   uintptr
}

type ptrType struct {
	abiType
	Elem *abiType
}

type funcType struct {
	abiType
	InCount  uint16
	OutCount uint16
}

type imethod struct{ Name, Typ int32 }

type ifaceType struct {
	abiType
	PkgPath *byte
	Methods []imethod
}

func typeOf(x any) *abiType {
	return *(**abiType)(unsafe.Pointer(&x))
}

// name decodes an abi.Name (flag byte, one-byte varint length here, bytes, tag).
func name(b *byte) (string, string, uint8) {
	p := unsafe.Pointer(b)
	flags := *(*uint8)(p)
	n := int(*(*uint8)(unsafe.Add(p, 1)))
	s := unsafe.String((*byte)(unsafe.Add(p, 2)), n)
	tag := ""
	if flags&2 != 0 {
		t := int(*(*uint8)(unsafe.Add(p, 2+n)))
		tag = unsafe.String((*byte)(unsafe.Add(p, 3+n)), t)
	}
	return s, tag, flags
}

func show(label string, x any) {
	t := typeOf(x)
	println(label, t.Size_, t.PtrBytes, t.Kind_, t.TFlag&^(1<<3|1<<1), t.Align_, t.FieldAlign_, t.Equal != nil, t.GCData != nil)
	if t.TFlag&1 != 0 {
		var extra uintptr
		switch t.Kind_ {
		case 25:
			extra = unsafe.Sizeof(structType{}) - unsafe.Sizeof(abiType{})
		case 22:
			extra = unsafe.Sizeof(ptrType{}) - unsafe.Sizeof(abiType{})
		case 19:
			extra = unsafe.Sizeof(funcType{}) - unsafe.Sizeof(abiType{})
		case 20:
			extra = unsafe.Sizeof(ifaceType{}) - unsafe.Sizeof(abiType{})
		}
		u := (*uncommon)(unsafe.Add(unsafe.Pointer(t), unsafe.Sizeof(abiType{})+extra))
		println("  methods", u.Mcount, u.Xcount)
	}
}

type Point struct {
	X, Y int
	tag  string `json:"tag,omitempty"`
}

func (p Point) String() string { return "p" }
func (p *Point) Move()         {}
func (p Point) norm() int      { return 0 }

type Embeds struct {
	Point
	*Inner
	b byte
}

type Inner struct{ f float64 }

type Boxed struct{ p *int }

type MyInt int

func (MyInt) M() {}

func main() {
	show("int", 1)
	show("int8", int8(1))
	show("bool", true)
	show("float32", float32(1))
	show("complex128", 1i)
	show("string", "s")
	show("MyInt", MyInt(1))
	show("*int", new(int))
	show("[]int", []int{})
	show("[3]string", [3]string{})
	show("[2]byte", [2]byte{})
	show("map", map[string]int{})
	show("chan", make(chan int))
	show("func", func(int, string) (bool, error) { return false, nil })
	show("variadic", func(...int) {})
	show("Point", Point{})
	show("*Point", &Point{})
	show("Embeds", Embeds{})
	show("Boxed", Boxed{})
	show("[1]*int", [1]*int{})
	show("struct{}", struct{}{})
	show("unsafe.Pointer", unsafe.Pointer(nil))
	show("any slice", []any{})

	st := (*structType)(unsafe.Pointer(typeOf(Embeds{})))
	for _, f := range st.Fields {
		n, tag, flags := name(f.Name)
		println("field", n, tag, flags, f.Offset, f.Typ.Kind_, f.Typ.Size_)
	}
	st = (*structType)(unsafe.Pointer(typeOf(Point{})))
	for _, f := range st.Fields {
		n, tag, flags := name(f.Name)
		println("field", n, tag, flags, f.Offset, f.Typ == typeOf(""))
	}
	at := (*arrayType)(unsafe.Pointer(typeOf([3]string{})))
	println("array", at.Len, at.Elem == typeOf(""), at.Slice == typeOf([]string{}))
	pt := (*ptrType)(unsafe.Pointer(typeOf(&Point{})))
	println("ptr elem", pt.Elem == typeOf(Point{}))
	ft := (*funcType)(unsafe.Pointer(typeOf(func(int, string) (bool, error) { return false, nil })))
	println("func", ft.InCount, ft.OutCount)
	ft = (*funcType)(unsafe.Pointer(typeOf(func(string, ...int) {})))
	println("variadic", ft.InCount, ft.OutCount)
}
