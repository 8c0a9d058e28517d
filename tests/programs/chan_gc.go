// run

// The collector sees everything channels hold: values in buffers, values offered by
// parked senders (still on their stacks), values handed to parked receivers before
// they run again, and the goroutines' closures before they first run. Garbage is
// allocated in between so that collections happen while all of these are live.
package main

type node struct {
	id   int
	name string
	next *node
}

func mk(id int) *node {
	s := ""
	for i := 0; i < 3; i++ {
		s += string(rune('a' + (id+i)%26))
	}
	return &node{id: id, name: s, next: &node{id: -id}}
}

func churn(n int) int {
	total := 0
	for i := 0; i < n; i++ {
		b := make([]byte, 64+i%256)
		total += len(b)
	}
	return total
}

func check(n *node, id int) bool {
	want := ""
	for i := 0; i < 3; i++ {
		want += string(rune('a' + (id+i)%26))
	}
	return n.id == id && n.name == want && n.next.id == -id
}

func main() {
	// Buffered pointers.
	buf := make(chan *node, 100)
	for i := 0; i < 100; i++ {
		buf <- mk(i)
	}
	churn(50000)
	ok := true
	for i := 0; i < 100; i++ {
		ok = ok && check(<-buf, i)
	}
	println("buffered values intact:", ok)

	// Parked senders: the values live on their stacks until received.
	unbuf := make(chan *node)
	for i := 0; i < 50; i++ {
		go func() { unbuf <- mk(i) }()
	}
	start := make(chan bool)
	go func() {
		churn(50000)
		start <- true
	}()
	<-start
	sum := 0
	seen := 0
	for i := 0; i < 50; i++ {
		n := <-unbuf
		if check(n, n.id) {
			sum += n.id
			seen++
		}
	}
	println("parked senders' values intact:", seen, sum)

	// Parked receivers get values while they wait; collections happen before they run.
	results := make(chan string, 50)
	ins := make([]chan *node, 50)
	for i := range ins {
		ins[i] = make(chan *node)
		c := ins[i]
		go func() {
			n := <-c
			churn(100)
			if check(n, n.id) {
				results <- n.name
			} else {
				results <- "corrupt"
			}
		}()
	}
	for i, c := range ins {
		c <- mk(i)
		churn(500)
	}
	corrupt := 0
	for range ins {
		if <-results == "corrupt" {
			corrupt++
		}
	}
	println("parked receivers' values intact:", corrupt == 0)

	// Strings through a buffered channel of structs.
	type pair struct {
		k string
		v []int
	}
	pc := make(chan pair, 10)
	for i := 0; i < 10; i++ {
		pc <- pair{k: mk(i).name, v: []int{i, i * i}}
	}
	churn(30000)
	good := 0
	for i := 0; i < 10; i++ {
		p := <-pc
		if p.k == mk(i).name && p.v[1] == i*i {
			good++
		}
	}
	println("struct values intact:", good)
}
