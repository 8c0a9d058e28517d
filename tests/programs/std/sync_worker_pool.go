// run

// An everyday program: a worker pool. Jobs go into a channel, four workers process them
// concurrently and send results back; a WaitGroup closes the results channel when the
// workers are done; results are collected and printed in job order.
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type job struct {
	id   int
	text string
}

type result struct {
	id     int
	worker int
	words  int
	upper  string
}

func main() {
	texts := []string{
		"the quick brown fox", "jumps over", "the lazy dog", "hello world",
		"go is fun", "channels and goroutines", "a", "worker pools are common",
		"sync wait group", "done",
	}
	jobs := make(chan job)
	results := make(chan result)
	var wg sync.WaitGroup
	for w := 1; w <= 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for j := range jobs {
				results <- result{j.id, w, len(strings.Fields(j.text)), strings.ToUpper(j.text)}
			}
		}(w)
	}
	go func() {
		for i, t := range texts {
			jobs <- job{i, t}
		}
		close(jobs)
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	var all []result
	workersUsed := map[int]bool{}
	for r := range results {
		all = append(all, r)
		workersUsed[r.worker] = true
	}
	sort.Slice(all, func(i, j int) bool { return all[i].id < all[j].id })
	total := 0
	for _, r := range all {
		fmt.Printf("job %d: %d words %q\n", r.id, r.words, r.upper)
		total += r.words
	}
	fmt.Println("jobs:", len(all), "words:", total, "at least one worker:", len(workersUsed) >= 1)
}
