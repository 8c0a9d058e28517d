// Command alloc measures allocation plus collection cost per object in Go's own runtime, for
// comparison with mvm's gc crate (gc/examples/alloc_bench.rs runs the same workloads).
//
// Workloads (both keep a small live set: a ring of -live recent objects, the rest is garbage):
//   nodes: 32-byte structs holding one pointer (to one of 1024 long-lived anchors).
//   bytes: pointer-free byte slices of 16..271 bytes.
//
// Usage: go run benches/alloc/main.go [-n 50000000] [-live 10000] [-workload nodes|bytes|all]
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"time"
)

type node struct {
	next *node
	val  int
	pad  [2]int
}

var (
	anchors [1024]*node
	ring    []*node
	bufs    [][]byte
	sink    int
)

func runNodes(n, live int) {
	ring = make([]*node, live)
	for i := range anchors {
		anchors[i] = &node{val: i}
	}
	for i := 0; i < n; i++ {
		x := &node{next: anchors[i&1023], val: i}
		ring[i%live] = x
	}
	for _, x := range ring {
		sink += x.val + x.next.val
	}
}

func runBytes(n, live int) {
	bufs = make([][]byte, live)
	for i := 0; i < n; i++ {
		b := make([]byte, 16+(i*7)&255)
		b[0] = byte(i)
		bufs[i%live] = b
	}
	for _, b := range bufs {
		sink += int(b[0])
	}
}

func measure(name string, n, live int, f func(int, int)) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	f(n, live)
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	fmt.Printf("%-6s objects=%d live=%d time=%.3fs ns/object=%.2f gcs=%d pause_total=%.1fms heap_sys=%dMB\n",
		name, n, live, elapsed.Seconds(), float64(elapsed.Nanoseconds())/float64(n),
		after.NumGC-before.NumGC, float64(after.PauseTotalNs-before.PauseTotalNs)/1e6, after.HeapSys>>20)
}

func main() {
	n := flag.Int("n", 50_000_000, "objects to allocate per workload")
	live := flag.Int("live", 10_000, "objects kept alive (ring size)")
	workload := flag.String("workload", "all", "nodes, bytes or all")
	flag.Parse()
	if *live <= 0 || *n < 0 {
		fmt.Fprintln(os.Stderr, "alloc: -live must be positive and -n non-negative")
		os.Exit(2)
	}
	if *workload == "nodes" || *workload == "all" {
		measure("nodes", *n, *live, runNodes)
	}
	if *workload == "bytes" || *workload == "all" {
		measure("bytes", *n, *live, runBytes)
	}
}
