// run

// Values of every shape through channels: narrow integers keep their sign, floats and
// complex numbers their bits, strings, slices, structs with pointers, arrays, func
// values and channels of channels; buffered channels keep FIFO order across the ring
// buffer's wrap-around; zero-sized elements only count; len and cap follow every step.
package main

type point struct {
	x, y int32
	name string
	next *point
}

func main() {
	i8 := make(chan int8, 2)
	i8 <- -5
	i8 <- 127
	println(<-i8, <-i8)

	u16 := make(chan uint16, 1)
	u16 <- 65535
	println(<-u16)

	f32 := make(chan float32, 1)
	f32 <- 1.5
	println(<-f32)

	c64 := make(chan complex64, 1)
	c64 <- complex(1, -2)
	println(<-c64)

	b := make(chan bool, 1)
	b <- true
	v, ok := <-b
	println(v, ok)

	s := make(chan string, 3)
	s <- "hello"
	s <- ""
	s <- "world"
	println(<-s, len(<-s), <-s)

	sl := make(chan []int, 1)
	sl <- []int{1, 2, 3}
	got := <-sl
	println(len(got), cap(got), got[2])

	p := make(chan point, 2)
	tail := &point{name: "tail"}
	p <- point{x: -1, y: 2, name: "head", next: tail}
	p <- point{name: "second"}
	h := <-p
	println(h.x, h.y, h.name, h.next.name, h.next.next == nil)
	q := <-p
	println(q.name, len(p), cap(p))

	arr := make(chan [3]byte, 1)
	arr <- [3]byte{'a', 'b', 'c'}
	a := <-arr
	println(string(rune(a[0])), string(rune(a[1])), string(rune(a[2])))

	fns := make(chan func(int) int, 1)
	k := 10
	fns <- func(x int) int { return x + k }
	println((<-fns)(5))

	// FIFO across the ring buffer's wrap-around.
	ring := make(chan int, 3)
	next := 0
	for round := 0; round < 4; round++ {
		for len(ring) < cap(ring) {
			ring <- next
			next++
		}
		print(<-ring, " ", <-ring, " | ")
	}
	for len(ring) > 0 {
		print(<-ring, " ")
	}
	println()

	// Zero-sized elements.
	z := make(chan struct{}, 5)
	for i := 0; i < 5; i++ {
		z <- struct{}{}
	}
	<-z
	println("struct{} len", len(z), "cap", cap(z))

	// A channel of channels, and directional conversions.
	cc := make(chan chan string, 1)
	inner := make(chan string, 1)
	cc <- inner
	var send chan<- string = <-cc
	send <- "through"
	var recv <-chan string = inner
	println(<-recv)

	// Receives from a closed channel drain the buffer first.
	d := make(chan int, 2)
	d <- 1
	d <- 2
	close(d)
	x, ok1 := <-d
	y, ok2 := <-d
	w, ok3 := <-d
	println(x, ok1, y, ok2, w, ok3, len(d))
}
