// run

// reflect calling code: Value.Call on functions (results, variadic with Call and
// CallSlice, wrong argument counts and types panicking), methods by index and by name
// on values and pointers (Method, MethodByName, NumMethod), method expressions through
// Type.Method(i).Func with the receiver as first argument, MakeFunc building a generic
// swap and a counting wrapper, reflect.Select over several channels (recv, send,
// default, closed channel), and calling a func stored in a struct field.
package main

import (
	"fmt"
	"reflect"
	"strings"
)

type Calc struct {
	Base int
	Op   func(int, int) int
}

func (c Calc) Add(x int) int               { return c.Base + x }
func (c Calc) Join(sep string, parts ...string) string { return strings.Join(parts, sep) }
func (c *Calc) Inc()                       { c.Base++ }
func (c Calc) Pair() (int, string)         { return c.Base, fmt.Sprint("base=", c.Base) }

func sum(nums ...int) int {
	t := 0
	for _, n := range nums {
		t += n
	}
	return t
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
	f := reflect.ValueOf(strings.Repeat)
	out := f.Call([]reflect.Value{reflect.ValueOf("ab"), reflect.ValueOf(3)})
	fmt.Println(len(out), out[0], out[0].Kind())
	sv := reflect.ValueOf(sum)
	fmt.Println(sv.Call(nil)[0], sv.Call([]reflect.Value{reflect.ValueOf(1), reflect.ValueOf(2), reflect.ValueOf(3)})[0],
		sv.CallSlice([]reflect.Value{reflect.ValueOf([]int{4, 5})})[0])
	div := reflect.ValueOf(func(a, b int) (int, error) {
		if b == 0 {
			return 0, fmt.Errorf("divide %d by zero", a)
		}
		return a / b, nil
	})
	r := div.Call([]reflect.Value{reflect.ValueOf(7), reflect.ValueOf(2)})
	fmt.Println(r[0], r[1].IsNil())
	r = div.Call([]reflect.Value{reflect.ValueOf(7), reflect.ValueOf(0)})
	fmt.Println(r[0], r[1].Interface())

	c := Calc{Base: 10, Op: func(a, b int) int { return a * b }}
	cv := reflect.ValueOf(c)
	fmt.Println(cv.NumMethod(), reflect.ValueOf(&c).NumMethod())
	for i := 0; i < cv.NumMethod(); i++ {
		fmt.Println(" ", cv.Type().Method(i).Name, cv.Method(i).Type())
	}
	fmt.Println(cv.MethodByName("Add").Call([]reflect.Value{reflect.ValueOf(5)})[0])
	join := cv.MethodByName("Join")
	fmt.Println(join.Call([]reflect.Value{reflect.ValueOf("-"), reflect.ValueOf("a"), reflect.ValueOf("b")})[0],
		join.CallSlice([]reflect.Value{reflect.ValueOf("+"), reflect.ValueOf([]string{"x", "y", "z"})})[0])
	pair := cv.MethodByName("Pair").Call(nil)
	fmt.Println(pair[0], pair[1])
	reflect.ValueOf(&c).MethodByName("Inc").Call(nil)
	fmt.Println("after Inc:", c.Base, cv.MethodByName("Inc").IsValid())
	addFn := reflect.TypeOf(c).Method(0).Func
	fmt.Println(addFn.Type(), addFn.Call([]reflect.Value{reflect.ValueOf(c), reflect.ValueOf(1)})[0])
	m, _ := reflect.TypeOf(&c).MethodByName("Inc")
	m.Func.Call([]reflect.Value{reflect.ValueOf(&c)})
	fmt.Println("after method expression Inc:", c.Base)
	opField := reflect.ValueOf(c).FieldByName("Op")
	fmt.Println(opField.Call([]reflect.Value{reflect.ValueOf(6), reflect.ValueOf(7)})[0])
	bound := reflect.ValueOf(c.Add)
	fmt.Println(bound.Call([]reflect.Value{reflect.ValueOf(100)})[0], bound.Type())

	swap := func(in []reflect.Value) []reflect.Value { return []reflect.Value{in[1], in[0]} }
	var intSwap func(int, int) (int, int)
	var strSwap func(string, string) (string, string)
	fn := reflect.MakeFunc(reflect.TypeOf(intSwap), swap)
	reflect.ValueOf(&intSwap).Elem().Set(fn)
	reflect.ValueOf(&strSwap).Elem().Set(reflect.MakeFunc(reflect.TypeOf(strSwap), swap))
	a, b := intSwap(1, 2)
	s1, s2 := strSwap("x", "y")
	fmt.Println(a, b, s1, s2)
	calls := 0
	counted := reflect.MakeFunc(reflect.TypeOf(strings.ToUpper), func(in []reflect.Value) []reflect.Value {
		calls++
		return reflect.ValueOf(strings.ToUpper).Call(in)
	}).Interface().(func(string) string)
	fmt.Println(counted("abc"), counted("def"), calls)
	variadic := reflect.MakeFunc(reflect.TypeOf(sum), func(in []reflect.Value) []reflect.Value {
		return []reflect.Value{reflect.ValueOf(in[0].Len() * 1000)}
	}).Interface().(func(...int) int)
	fmt.Println(variadic(1, 2, 3), variadic())

	recvCh := make(chan string, 1)
	sendCh := make(chan int, 1)
	closed := make(chan bool)
	close(closed)
	recvCh <- "ready"
	cases := []reflect.SelectCase{
		{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(recvCh)},
		{Dir: reflect.SelectSend, Chan: reflect.ValueOf(sendCh), Send: reflect.ValueOf(99)},
	}
	got := map[int]string{}
	for len(got) < 2 {
		chosen, val, ok := reflect.Select(cases)
		if chosen == 0 {
			got[0] = fmt.Sprint("recv ", val, " ", ok)
			cases[0].Chan = reflect.Value{}
		} else {
			got[1] = fmt.Sprint("sent ", <-sendCh)
			cases[1].Chan = reflect.Value{}
		}
	}
	fmt.Println(got[0], "|", got[1])
	chosen, val, ok := reflect.Select([]reflect.SelectCase{
		{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(make(chan int))},
		{Dir: reflect.SelectDefault},
	})
	fmt.Println("default:", chosen, val.IsValid(), ok)
	chosen, val, ok = reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(closed)}})
	fmt.Println("closed:", chosen, val, ok)
	done := make(chan int)
	go func() { done <- 5 }()
	chosen, val, ok = reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(done)}})
	fmt.Println("blocking:", chosen, val, ok)

	try("too few args", func() { f.Call([]reflect.Value{reflect.ValueOf("x")}) })
	try("wrong type", func() { f.Call([]reflect.Value{reflect.ValueOf(1), reflect.ValueOf(2)}) })
	try("CallSlice non-variadic", func() { f.CallSlice([]reflect.Value{reflect.ValueOf("a"), reflect.ValueOf(1)}) })
	try("call nil func", func() { reflect.ValueOf((func())(nil)).Call(nil) })
	try("MakeFunc wrong result", func() {
		bad := reflect.MakeFunc(reflect.TypeOf(intSwap), func([]reflect.Value) []reflect.Value { return nil }).Interface().(func(int, int) (int, int))
		bad(1, 2)
	})
}
