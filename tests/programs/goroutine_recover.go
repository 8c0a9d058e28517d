// run

// Panics inside goroutines recovered by the goroutine's own deferred function, with the
// results collected in a deterministic order through per-goroutine channels; defers in
// a goroutine run in LIFO order; and a recovered goroutine lets the program continue.
package main

func worker(id int, out chan<- string) {
	defer func() {
		if r := recover(); r != nil {
			out <- "worker " + string(rune('0'+id)) + " recovered: " + r.(string)
			return
		}
		out <- "worker " + string(rune('0'+id)) + " finished"
	}()
	if id%2 == 1 {
		panic("odd worker")
	}
}

func main() {
	var chans []chan string
	for i := 0; i < 5; i++ {
		ch := make(chan string, 1)
		chans = append(chans, ch)
		go worker(i, ch)
	}
	for _, ch := range chans {
		println(<-ch)
	}

	order := make(chan int, 3)
	fin := make(chan bool)
	go func() {
		defer func() { fin <- true }()
		defer func() { order <- 1 }()
		defer func() { order <- 2 }()
		defer func() { order <- 3 }()
	}()
	<-fin
	println("goroutine defers:", <-order, <-order, <-order)

	res := make(chan string)
	go func() {
		defer func() {
			e := recover().(error)
			res <- e.Error()
		}()
		var m map[int]int
		m[1] = 1
	}()
	println("runtime error in goroutine:", <-res)
	println("main continues")
}
