// run

// sync/atomic: typed atomics (Int32, Int64, Uint32, Uint64, Uintptr, Bool, Pointer[T],
// Value) with Load/Store/Add/Swap/CompareAndSwap/And/Or, the function forms (AddInt64,
// LoadInt32, StoreUint32, CompareAndSwapInt64, SwapPointer-free), counters updated by
// many goroutines, a spin-free "first one wins" with CompareAndSwap, and Value's panics
// on nil and inconsistent types.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type config struct {
	name    string
	version int
}

func main() {
	var hits atomic.Int64
	var calls int64
	var flag atomic.Bool
	var winner atomic.Int32
	var wg sync.WaitGroup
	for i := 1; i <= 100; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				hits.Add(1)
				atomic.AddInt64(&calls, 2)
			}
			flag.Store(true)
			winner.CompareAndSwap(0, int32(i))
		}()
	}
	wg.Wait()
	fmt.Println(hits.Load(), atomic.LoadInt64(&calls), flag.Load(), winner.Load() != 0)

	var i32 atomic.Int32
	i32.Store(10)
	fmt.Println(i32.Add(-3), i32.Swap(100), i32.CompareAndSwap(7, 1), i32.CompareAndSwap(100, 5), i32.Load())
	var u32 atomic.Uint32
	u32.Store(0b1100)
	fmt.Println(u32.And(0b1010), u32.Load(), u32.Or(0b0001), u32.Load(), u32.Add(^uint32(0)))
	var u64 atomic.Uint64
	u64.Add(1 << 40)
	fmt.Println(u64.Load(), u64.Swap(3), u64.Load())
	var up atomic.Uintptr
	up.Store(42)
	fmt.Println(up.Load(), up.Add(8))
	var b atomic.Bool
	fmt.Println(b.Load(), b.Swap(true), b.CompareAndSwap(true, false), b.Load())

	var p atomic.Pointer[config]
	fmt.Println(p.Load() == nil)
	c1 := &config{"first", 1}
	p.Store(c1)
	c2 := &config{"second", 2}
	fmt.Println(p.CompareAndSwap(c1, c2), p.CompareAndSwap(c1, c2), p.Load().name, p.Swap(c1).version)

	var v atomic.Value
	fmt.Println(v.Load())
	v.Store(config{"cfg", 3})
	fmt.Printf("%+v\n", v.Load().(config))
	old := v.Swap(config{"cfg", 4})
	fmt.Println(old.(config).version, v.CompareAndSwap(config{"cfg", 4}, config{"cfg", 5}), v.Load().(config).version)
	for _, f := range []func(){
		func() { v.Store(nil) },
		func() { v.Store("a string") },
	} {
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			f()
		}()
	}

	var x int32
	atomic.StoreInt32(&x, 5)
	fmt.Println(atomic.LoadInt32(&x), atomic.CompareAndSwapInt32(&x, 5, 6), atomic.SwapInt32(&x, 9), x, atomic.AndInt32(&x, 1), atomic.OrInt32(&x, 2), x)
	var y uint64
	fmt.Println(atomic.AddUint64(&y, 10), atomic.AddUint64(&y, ^uint64(0)), atomic.CompareAndSwapUint64(&y, 9, 1), y)
}
