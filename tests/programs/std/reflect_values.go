// run

// reflect on values: reading (Int, Uint, Float, String, Bool, Complex, Len, Cap, Index,
// Field, MapIndex, MapKeys sorted, MapRange, Elem, Interface), setting through pointers
// (CanSet/CanAddr, Set, SetInt, SetString, SetMapIndex, SetLen, Field of an exported
// versus unexported field), constructing (New, Zero, MakeSlice, Append, AppendSlice,
// MakeMap, MakeChan with Send/Recv/TryRecv), IsZero/IsNil/IsValid, Indirect, Convert,
// Copy, Swapper, Value.String's "<T Value>", Comparable/Equal, Seq/Seq2, DeepEqual on
// many shapes (cycles, NaN, nil vs empty), and the panics for misuse.
package main

import (
	"fmt"
	"math"
	"reflect"
	"sort"
)

type Point struct {
	X, Y   int
	label  string
	Labels map[string]int
}

type Node struct {
	Val  int
	Next *Node
}

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("%s: panic: %v\n", name, r)
		}
	}()
	f()
}

func main() {
	v := reflect.ValueOf(42)
	fmt.Println(v.Int(), v.Kind(), v.Type(), v.CanSet(), v.CanAddr(), v.CanInterface(), v.Interface(), v.String(), v)
	fmt.Println(reflect.ValueOf(uint8(200)).Uint(), reflect.ValueOf(2.5).Float(), reflect.ValueOf("str").String(), reflect.ValueOf(true).Bool(), reflect.ValueOf(1+2i).Complex())

	p := Point{1, 2, "hidden", map[string]int{"b": 2, "a": 1}}
	pv := reflect.ValueOf(&p).Elem()
	fmt.Println(pv.CanSet(), pv.NumField(), pv.Field(0).CanSet(), pv.Field(2).CanSet(), pv.Field(2).String(), pv.Field(2).CanInterface())
	pv.Field(0).SetInt(10)
	pv.FieldByName("Y").Set(reflect.ValueOf(20))
	pv.Field(3).SetMapIndex(reflect.ValueOf("c"), reflect.ValueOf(3))
	pv.Field(3).SetMapIndex(reflect.ValueOf("a"), reflect.Value{})
	fmt.Printf("%+v\n", p)
	keys := pv.Field(3).MapKeys()
	sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	fmt.Println(keys, pv.Field(3).MapIndex(reflect.ValueOf("b")), pv.Field(3).MapIndex(reflect.ValueOf("zz")).IsValid(), pv.Field(3).Len())
	var pairs []string
	it := pv.Field(3).MapRange()
	for it.Next() {
		pairs = append(pairs, fmt.Sprint(it.Key(), "=", it.Value()))
	}
	sort.Strings(pairs)
	fmt.Println(pairs)

	s := []int{1, 2, 3}
	sv := reflect.ValueOf(&s).Elem()
	sv.Index(0).SetInt(100)
	sv.Set(reflect.Append(sv, reflect.ValueOf(4)))
	sv.Set(reflect.AppendSlice(sv, reflect.ValueOf([]int{5, 6})))
	fmt.Println(s, sv.Len(), sv.Cap() >= 6, sv.Slice(1, 3), sv.Slice3(0, 1, 2).Cap())
	sv.SetLen(2)
	fmt.Println(s)
	ms := reflect.MakeSlice(reflect.TypeOf([]string{}), 2, 5)
	ms.Index(1).SetString("b")
	fmt.Printf("%q %d %d\n", ms.Interface(), ms.Len(), ms.Cap())
	mm := reflect.MakeMap(reflect.TypeOf(map[int]bool{}))
	mm.SetMapIndex(reflect.ValueOf(7), reflect.ValueOf(true))
	fmt.Println(mm.Interface(), mm.Len())
	np := reflect.New(reflect.TypeOf(Point{}))
	np.Elem().Field(1).SetInt(5)
	fmt.Printf("%+v %v\n", np.Interface(), np.Type())
	z := reflect.Zero(reflect.TypeOf(Point{}))
	fmt.Println(z.IsZero(), z.CanSet(), reflect.ValueOf(Point{X: 1}).IsZero(), reflect.ValueOf(0.0).IsZero(), reflect.ValueOf(math.Copysign(0, -1)).IsZero())
	var nilp *Point
	var nilm map[string]int
	var nili any
	fmt.Println(reflect.ValueOf(nilp).IsNil(), reflect.ValueOf(nilm).IsNil(), reflect.ValueOf(nili).IsValid(), reflect.ValueOf(nilp).Elem().IsValid(), reflect.Indirect(reflect.ValueOf(&p)).Type())
	fmt.Println(reflect.ValueOf(3.9).Convert(reflect.TypeOf(0)), reflect.ValueOf(65).Convert(reflect.TypeOf("")), reflect.ValueOf("hi").Convert(reflect.TypeOf([]byte{})), reflect.ValueOf(int8(-1)).Convert(reflect.TypeOf(uint16(0))))
	fmt.Println(reflect.ValueOf(uint8(1)).CanConvert(reflect.TypeOf("")), reflect.ValueOf([]int{1, 2}).CanConvert(reflect.TypeOf([3]int{})))
	dst := make([]int, 2)
	fmt.Println(reflect.Copy(reflect.ValueOf(dst), reflect.ValueOf([]int{7, 8, 9})), dst)
	words := []string{"c", "a", "b"}
	swap := reflect.Swapper(words)
	swap(0, 2)
	fmt.Println(words)
	fmt.Println(reflect.ValueOf(p).String(), reflect.ValueOf([]int{}).String(), reflect.Value{}.String(), reflect.Value{}.Kind())
	fmt.Println(reflect.ValueOf(1).Equal(reflect.ValueOf(1)), reflect.ValueOf(1).Equal(reflect.ValueOf(int64(1))), reflect.ValueOf([]int{}).Comparable(), reflect.ValueOf(any(1)).Comparable())
	for i, x := range reflect.ValueOf([]string{"p", "q"}).Seq2() {
		fmt.Print(i, ":", x, " ")
	}
	for x := range reflect.ValueOf(3).Seq() {
		fmt.Print(x, " ")
	}
	fmt.Println()
	sv.SetZero()
	fmt.Println(s == nil)
	cl := reflect.ValueOf(map[int]int{1: 1})
	cl.Clear()
	fmt.Println(cl.Len())

	ch := reflect.MakeChan(reflect.TypeOf(make(chan int)), 2)
	ch.Send(reflect.ValueOf(5))
	fmt.Println(ch.Len(), ch.Cap(), ch.TrySend(reflect.ValueOf(6)), ch.TrySend(reflect.ValueOf(7)))
	x, ok := ch.Recv()
	fmt.Println(x, ok)
	x, ok = ch.TryRecv()
	fmt.Println(x, ok)
	x, ok = ch.TryRecv()
	fmt.Println(x.IsValid(), ok)
	ch.Close()
	x, ok = ch.Recv()
	fmt.Println(x, ok)

	a := &Node{1, &Node{2, nil}}
	b := &Node{1, &Node{2, nil}}
	fmt.Println(reflect.DeepEqual(a, b), a == b)
	a.Next.Next = a
	b.Next.Next = b
	fmt.Println("cycles:", reflect.DeepEqual(a, b))
	fmt.Println(reflect.DeepEqual([]int{}, []int(nil)), reflect.DeepEqual(map[string]int{}, map[string]int(nil)), reflect.DeepEqual(nil, nil),
		reflect.DeepEqual(math.NaN(), math.NaN()), reflect.DeepEqual([]float64{math.NaN()}, []float64{math.NaN()}),
		reflect.DeepEqual(map[string][]int{"a": {1}}, map[string][]int{"a": {1}}), reflect.DeepEqual(1, int64(1)), reflect.DeepEqual(any(1), 1),
		reflect.DeepEqual([2]any{1, "x"}, [2]any{1, "x"}), reflect.DeepEqual(Point{label: "a"}, Point{label: "b"}))
	f1 := func() {}
	fmt.Println(reflect.DeepEqual(f1, f1), reflect.DeepEqual((func())(nil), (func())(nil)))

	try("SetInt on unaddressable", func() { reflect.ValueOf(1).SetInt(2) })
	try("set unexported", func() { pv.Field(2).SetString("x") })
	try("Interface of unexported", func() { _ = pv.Field(2).Interface() })
	try("Int of string", func() { reflect.ValueOf("s").Int() })
	try("Elem of int", func() { reflect.ValueOf(1).Elem() })
	try("Index out of range", func() { reflect.ValueOf([]int{1}).Index(5) })
	try("Set wrong type", func() { sv.Set(reflect.ValueOf("x")) })
	try("nil map SetMapIndex", func() {
		var m map[string]int
		reflect.ValueOf(&m).Elem().SetMapIndex(reflect.ValueOf("k"), reflect.ValueOf(1))
	})
	try("zero Value", func() { reflect.Value{}.Type() })
	try("Field of non-struct", func() { reflect.ValueOf(1).Field(0) })
}
