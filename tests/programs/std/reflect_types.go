// run

// reflect on types: TypeOf/TypeFor, Kind, Name, PkgPath, String, Size/Align (amd64),
// Elem, Key, Len, ChanDir, struct fields (Name, Type, Tag.Get/Lookup, Offset, Anonymous,
// Index, IsExported, PkgPath), FieldByName through embedding, method sets (NumMethod,
// Method, MethodByName on values versus pointers), Implements, AssignableTo,
// ConvertibleTo, Comparable, function signatures (NumIn/In/NumOut/Out/IsVariadic), and
// types built at run time (PointerTo, SliceOf, MapOf, ArrayOf, ChanOf, FuncOf, StructOf)
// comparing equal to the compiled ones.
package main

import (
	"fmt"
	"io"
	"reflect"
	"strings"
)

type Base struct {
	ID int `json:"id" db:"pk"`
}

func (b Base) Describe() string { return fmt.Sprint("base ", b.ID) }

type User struct {
	Base
	Name    string            `json:"name,omitempty" validate:"required"`
	Email   string            `json:"email"`
	age     int
	Tags    []string          `json:"tags"`
	Meta    map[string]any    `json:"-"`
	Friend  *User
	OnEvent func(string) bool `json:"-"`
	Flag    bool
	Ratio   float32
}

func (u User) Greeting(greet string) string { return greet + ", " + u.Name }
func (u *User) Rename(n string)              { u.Name = n }
func (u User) private() int                 { return u.age }

type Shape interface {
	Area() float64
	Name() string
}

type Square struct{ S float64 }

func (s Square) Area() float64 { return s.S * s.S }
func (s Square) Name() string   { return "square" }

type MyInt int

func main() {
	values := []any{42, int8(1), uint64(2), 3.5, float32(1), complex(1, 2), "s", true, 'r', byte(1), []int{}, [3]string{}, map[string]int{},
		make(chan int), make(<-chan bool), &User{}, User{}, func(int, ...string) error { return nil }, Square{}, MyInt(7), struct{}{},
		uintptr(0), (*int)(nil), any(nil), new(any), io.Reader(nil), new(io.Reader)}
	for _, v := range values {
		t := reflect.TypeOf(v)
		if t == nil {
			fmt.Println("TypeOf(nil) = nil")
			continue
		}
		fmt.Printf("%-28s kind=%-10v name=%-8q pkg=%-6q size=%d align=%d comparable=%v\n", t.String(), t.Kind(), t.Name(), t.PkgPath(), t.Size(), t.Align(), t.Comparable())
	}

	ut := reflect.TypeFor[User]()
	fmt.Println(ut, ut.NumField(), ut.NumMethod(), reflect.PointerTo(ut).NumMethod())
	for i := 0; i < ut.NumField(); i++ {
		f := ut.Field(i)
		jsonTag, hasJSON := f.Tag.Lookup("json")
		fmt.Printf("  %-8s %-20v offset=%-3d index=%v anon=%v exported=%v pkgpath=%q json=%q(%v) validate=%q\n",
			f.Name, f.Type, f.Offset, f.Index, f.Anonymous, f.IsExported(), f.PkgPath, jsonTag, hasJSON, f.Tag.Get("validate"))
	}
	idf, ok := ut.FieldByName("ID")
	fmt.Println(idf.Name, idf.Index, ok, idf.Tag, idf.Tag.Get("db"))
	_, ok = ut.FieldByName("Missing")
	fmt.Println(ok, ut.FieldByIndex([]int{0, 0}).Name)
	for i := 0; i < ut.NumMethod(); i++ {
		m := ut.Method(i)
		fmt.Println("  value method", m.Name, m.Type, m.Index)
	}
	pt := reflect.TypeOf(&User{})
	for i := 0; i < pt.NumMethod(); i++ {
		fmt.Println("  pointer method", pt.Method(i).Name, pt.Method(i).Type)
	}
	_, ok = ut.MethodByName("Rename")
	_, ok2 := pt.MethodByName("Rename")
	fmt.Println("Rename on value:", ok, "on pointer:", ok2)

	shape := reflect.TypeFor[Shape]()
	fmt.Println(shape.Kind(), shape.NumMethod(), shape.Method(0).Name, shape.Method(1).Type)
	fmt.Println(reflect.TypeOf(Square{}).Implements(shape), reflect.TypeOf(&Square{}).Implements(shape), ut.Implements(shape))
	fmt.Println(reflect.TypeOf(MyInt(0)).ConvertibleTo(reflect.TypeOf(0)), reflect.TypeOf(MyInt(0)).AssignableTo(reflect.TypeOf(0)),
		reflect.TypeOf("").ConvertibleTo(reflect.TypeOf([]byte(nil))), reflect.TypeOf(Square{}).AssignableTo(shape), reflect.TypeOf(1.5).ConvertibleTo(reflect.TypeOf("")))
	fmt.Println(reflect.TypeOf([]int{}).ConvertibleTo(reflect.TypeOf([2]int{})), reflect.TypeOf([]int{}).ConvertibleTo(reflect.TypeOf(&[2]int{})))

	ft := reflect.TypeOf(strings.SplitN)
	fmt.Println(ft, ft.NumIn(), ft.In(0), ft.In(2), ft.NumOut(), ft.Out(0), ft.IsVariadic())
	vt := reflect.TypeOf(fmt.Printf)
	fmt.Println(vt, vt.IsVariadic(), vt.In(1), vt.In(1).Elem())
	ct := reflect.TypeOf(make(chan<- string, 1))
	fmt.Println(ct.ChanDir(), ct.Elem(), reflect.TypeOf(make(chan int)).ChanDir(), reflect.TypeOf(make(<-chan int)).ChanDir())
	mt := reflect.TypeOf(map[string][]int{})
	fmt.Println(mt.Key(), mt.Elem(), mt.Elem().Elem(), reflect.TypeOf([4]byte{}).Len(), reflect.TypeOf(&User{}).Elem().Name())

	intT := reflect.TypeOf(0)
	fmt.Println(reflect.PointerTo(intT) == reflect.TypeOf((*int)(nil)), reflect.SliceOf(intT) == reflect.TypeOf([]int{}),
		reflect.MapOf(reflect.TypeOf(""), intT) == reflect.TypeOf(map[string]int{}), reflect.ArrayOf(3, intT) == reflect.TypeOf([3]int{}),
		reflect.ChanOf(reflect.RecvDir, intT) == reflect.TypeOf(make(<-chan int)))
	fnT := reflect.FuncOf([]reflect.Type{intT, reflect.TypeOf("")}, []reflect.Type{reflect.TypeOf(false)}, false)
	fmt.Println(fnT, fnT == reflect.TypeOf(func(int, string) bool { return false }))
	st := reflect.StructOf([]reflect.StructField{
		{Name: "A", Type: intT, Tag: `json:"a"`},
		{Name: "B", Type: reflect.TypeOf("")},
	})
	fmt.Println(st, st.Size(), st.Field(0).Tag.Get("json"), st == reflect.TypeOf(struct {
		A int `json:"a"`
		B string
	}{}))
	sv := reflect.New(st).Elem()
	sv.Field(0).SetInt(5)
	sv.Field(1).SetString("x")
	fmt.Printf("%+v %v\n", sv.Interface(), sv.Type())
	fmt.Println(reflect.SliceOf(st), reflect.MapOf(reflect.TypeOf(""), reflect.SliceOf(reflect.PointerTo(ut))))
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		reflect.MapOf(reflect.TypeOf([]int{}), intT)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		intT.Elem()
	}()
}
