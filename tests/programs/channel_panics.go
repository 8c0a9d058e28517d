// run

// Runtime panics of channel misuse, recovered: send on a closed channel, close of a
// closed channel, close of a nil channel (plain runtime errors with exact messages).
package main

func try(label string, f func()) {
	defer func() {
		r := recover()
		if r == nil {
			println(label, "=> no panic")
			return
		}
		_, re := r.(interface{ RuntimeError() })
		println(label, "=>", r.(error).Error(), "| runtime.Error:", re)
	}()
	f()
}

func main() {
	try("send on closed", func() {
		c := make(chan int, 1)
		close(c)
		c <- 1
	})
	try("close closed", func() {
		c := make(chan int)
		close(c)
		close(c)
	})
	try("close nil", func() {
		var c chan int
		close(c)
	})
	try("receive from closed", func() {
		c := make(chan int)
		close(c)
		v, ok := <-c
		println("  got", v, ok)
	})
	try("make negative size", func() {
		n := -1
		_ = make(chan int, n)
	})
	try("make slice negative len", func() {
		n := -1
		_ = make([]int, n)
	})
	try("make slice len > cap", func() {
		n := 10
		_ = make([]int, n, 5)
	})
}
