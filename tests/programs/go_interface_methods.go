// run

// go and defer of interface method calls: the interface value and the arguments are
// evaluated at the statement (a nil interface panics there, in the calling goroutine),
// and the method runs through the itab, for value and pointer receivers.
package main

type Worker interface {
	Work(n int, out chan<- int) int
}

type sq struct{ k int }

func (s sq) Work(n int, out chan<- int) int { out <- n*n + s.k; return 0 }

type tri struct{ name string }

func (t *tri) Work(n int, out chan<- int) int { out <- n * (n + 1) / 2; return 1 }

type Closer interface{ Close() }

type res struct{ name string }

func (r *res) Close() { println("closed", r.name) }

func use(c Closer) {
	defer c.Close()
	println("using")
}

func main() {
	out := make(chan int)
	ws := []Worker{sq{1}, &tri{"t"}}
	for i, w := range ws {
		go w.Work(i+3, out)
		println(<-out)
	}
	use(&res{"file"})
	defer func() { println("recovered:", recover() != nil) }()
	var nw Worker
	go nw.Work(1, out)
	println("not reached")
}
