// run

// Collections triggered by map insertions in one goroutine must keep what other,
// blocked goroutines hold only in their own frames: here each worker keeps a map of
// pointers in a local variable while main fills a map of its own.
package main

type item struct {
	id  int
	tag string
}

func worker(id int, start, done chan bool, result chan int) {
	mine := map[int]*item{}
	for i := 0; i < 200; i++ {
		mine[i] = &item{id: i, tag: "w" + string(rune('a'+id))}
	}
	done <- true
	<-start // main allocates a lot meanwhile
	bad := 0
	for k, v := range mine {
		if v.id != k || v.tag != "w"+string(rune('a'+id)) {
			bad++
		}
	}
	result <- bad + len(mine)*1000
}

func main() {
	const n = 4
	start, done, result := make(chan bool), make(chan bool), make(chan int)
	for i := 0; i < n; i++ {
		go worker(i, start, done, result)
	}
	for i := 0; i < n; i++ {
		<-done
	}
	// Objects of the workers' sizes, so that anything wrongly freed is reused.
	big := map[int]*item{}
	for i := 0; i < 400000; i++ {
		big[i%5000] = &item{id: -1, tag: "overwritten"}
	}
	for i := 0; i < n; i++ {
		start <- true
	}
	total := 0
	for i := 0; i < n; i++ {
		total += <-result
	}
	println("total:", total, "big:", len(big))
}
