// run

// sync: a Mutex-protected counter incremented by 50 goroutines, TryLock, RWMutex with
// concurrent readers and a writer, WaitGroup (Add/Done/Wait and WaitGroup.Go), Once (the
// function runs once even when called from many goroutines, and a panicking Once),
// OnceFunc/OnceValue/OnceValues, Cond with Signal and Broadcast (a bounded queue), Pool
// (New is called when empty; what Get returns after Put is not guaranteed, so only
// types are checked), and sync.Map (Store, Load, LoadOrStore, LoadAndDelete, Delete,
// Swap, CompareAndSwap, CompareAndDelete, Range collected and sorted, Clear).
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type SafeCounter struct {
	mu sync.Mutex
	m  map[string]int
}

func (c *SafeCounter) Inc(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[key]++
}

func main() {
	c := SafeCounter{m: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				c.Inc([]string{"a", "b"}[j%2])
			}
		}()
	}
	wg.Wait()
	fmt.Println("counter:", c.m["a"], c.m["b"])

	var mu sync.Mutex
	fmt.Println("TryLock free:", mu.TryLock())
	fmt.Println("TryLock held:", mu.TryLock())
	mu.Unlock()

	var rw sync.RWMutex
	shared := map[int]int{}
	var readers sync.WaitGroup
	rw.Lock()
	for i := 0; i < 10; i++ {
		shared[i] = i * i
	}
	rw.Unlock()
	sums := make([]int, 5)
	for r := 0; r < 5; r++ {
		readers.Go(func() {
			rw.RLock()
			defer rw.RUnlock()
			for _, v := range shared {
				sums[r] += v
			}
		})
	}
	readers.Wait()
	fmt.Println("reader sums:", sums, "RTryLock:", rw.TryRLock())
	rw.RUnlock()

	var once sync.Once
	calls := 0
	var ow sync.WaitGroup
	for i := 0; i < 20; i++ {
		ow.Add(1)
		go func() {
			defer ow.Done()
			once.Do(func() { calls++ })
		}()
	}
	ow.Wait()
	fmt.Println("once calls:", calls)
	var bad sync.Once
	func() {
		defer func() { fmt.Println("once panic:", recover()) }()
		bad.Do(func() { panic("in once") })
	}()
	ran := false
	bad.Do(func() { ran = true })
	fmt.Println("second Do after panic ran:", ran)

	n := 0
	f := sync.OnceFunc(func() { n++ })
	f()
	f()
	v := sync.OnceValue(func() int { n += 10; return n })
	fmt.Println(v(), v(), n)
	vs := sync.OnceValues(func() (string, error) { return "computed", nil })
	s1, e1 := vs()
	fmt.Println(s1, e1)
	pf := sync.OnceFunc(func() { panic("oncefunc boom") })
	for i := 0; i < 2; i++ {
		func() {
			defer func() { fmt.Println("oncefunc panic", i, recover()) }()
			pf()
		}()
	}

	// A bounded queue with Cond: producers wait when full, consumers when empty.
	var qmu sync.Mutex
	notEmpty := sync.NewCond(&qmu)
	notFull := sync.NewCond(&qmu)
	var queue []int
	const capacity = 3
	var got []int
	var pc sync.WaitGroup
	for p := 0; p < 3; p++ {
		pc.Add(1)
		go func() {
			defer pc.Done()
			for i := 0; i < 10; i++ {
				qmu.Lock()
				for len(queue) == capacity {
					notFull.Wait()
				}
				queue = append(queue, p*100+i)
				notEmpty.Signal()
				qmu.Unlock()
			}
		}()
	}
	consumed := make(chan struct{})
	go func() {
		for len(got) < 30 {
			qmu.Lock()
			for len(queue) == 0 {
				notEmpty.Wait()
			}
			got = append(got, queue[0])
			queue = queue[1:]
			notFull.Broadcast()
			qmu.Unlock()
		}
		close(consumed)
	}()
	pc.Wait()
	<-consumed
	sort.Ints(got)
	fmt.Println("consumed:", len(got), got[0], got[10], got[29])

	ready := false
	var gate sync.Mutex
	cond := sync.NewCond(&gate)
	var waiters sync.WaitGroup
	woken := 0
	for i := 0; i < 4; i++ {
		waiters.Add(1)
		go func() {
			defer waiters.Done()
			gate.Lock()
			for !ready {
				cond.Wait()
			}
			woken++
			gate.Unlock()
		}()
	}
	gate.Lock()
	ready = true
	cond.Broadcast()
	gate.Unlock()
	waiters.Wait()
	fmt.Println("broadcast woke:", woken)

	news := 0
	pool := sync.Pool{New: func() any { news++; return new(strings.Builder) }}
	b := pool.Get().(*strings.Builder)
	b.WriteString("pooled")
	fmt.Println(b.String(), news)
	b.Reset()
	pool.Put(b)
	_, isBuilder := pool.Get().(*strings.Builder)
	fmt.Println("pool gives builders:", isBuilder)
	var empty sync.Pool
	fmt.Println("empty pool:", empty.Get())

	var m sync.Map
	m.Store("a", 1)
	m.Store("b", 2)
	v1, ok := m.Load("a")
	fmt.Println(v1, ok)
	act, loaded := m.LoadOrStore("a", 100)
	act2, loaded2 := m.LoadOrStore("c", 3)
	fmt.Println(act, loaded, act2, loaded2)
	old, had := m.Swap("b", 20)
	fmt.Println(old, had, m.CompareAndSwap("b", 20, 21), m.CompareAndSwap("b", 20, 22), m.CompareAndDelete("c", 4))
	ld, ok := m.LoadAndDelete("c")
	fmt.Println(ld, ok)
	m.Delete("nope")
	var mw sync.WaitGroup
	for i := 0; i < 10; i++ {
		mw.Go(func() { m.Store(fmt.Sprint("k", i), i) })
	}
	mw.Wait()
	var keys []string
	m.Range(func(k, v any) bool {
		keys = append(keys, fmt.Sprint(k, "=", v))
		return true
	})
	sort.Strings(keys)
	fmt.Println(keys)
	m.Clear()
	_, ok = m.Load("a")
	fmt.Println("after Clear:", ok)
}
