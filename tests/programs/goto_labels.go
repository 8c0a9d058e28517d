// run

// goto (forward and backward, building loops, leaving a block), labeled break and
// continue out of nested for, switch and select statements, break inside switch inside
// for (breaks the switch only), and fallthrough.
package main

func gotoLoop() int {
	i, sum := 0, 0
loop:
	if i < 10 {
		sum += i
		i++
		goto loop
	}
	return sum
}

func gotoForward(n int) string {
	if n < 0 {
		goto negative
	}
	if n == 0 {
		goto zero
	}
	return "positive"
negative:
	return "negative"
zero:
	return "zero"
}

func main() {
	println("goto loop sum:", gotoLoop())
	println("goto forward:", gotoForward(-5), gotoForward(0), gotoForward(3))

	// Labeled break out of two loops.
	found := -1
outer:
	for i := 0; i < 10; i++ {
		for j := 0; j < 10; j++ {
			if i*j == 42 {
				found = i*10 + j
				break outer
			}
		}
	}
	println("break outer:", found)

	// Labeled continue.
	count := 0
rows:
	for i := 0; i < 5; i++ {
		for j := 0; j < 5; j++ {
			if j > i {
				continue rows
			}
			count++
		}
	}
	println("continue rows count:", count)

	// break in a switch inside a loop only leaves the switch.
	iters := 0
	for i := 0; i < 5; i++ {
		switch {
		case i == 2:
			break
		default:
			iters++
		}
	}
	println("switch break iterations:", iters)

	// Labeled break from a switch out of the loop.
	n := 0
loop:
	for {
		switch n {
		case 3:
			break loop
		default:
			n++
		}
	}
	println("break loop from switch:", n)

	// Labeled continue from within a switch.
	odd := 0
nums:
	for i := 0; i < 10; i++ {
		switch i % 2 {
		case 0:
			continue nums
		}
		odd += i
	}
	println("continue from switch:", odd)

	// break from a select inside a for.
	ch := make(chan int, 1)
	got := 0
sel:
	for {
		select {
		case v := <-ch:
			got = v
			break sel
		default:
			ch <- 7
		}
	}
	println("break from select:", got)

	// Labeled range loops.
	words := []string{"alpha", "beta", "gamma"}
	letters := 0
words:
	for _, w := range words {
		for _, r := range w {
			if r == 'm' {
				continue words
			}
			letters++
		}
	}
	println("range continue:", letters)

	// goto out of a block, skipping the rest of it.
	x := 0
	{
		x = 1
		if x == 1 {
			goto done
		}
		x = 2
	}
done:
	println("block:", x)

	// A goto to a label on the very next statement.
	goto next
next:
	// Switch with fallthrough.
	for i := 0; i < 4; i++ {
		print("case ", i, ":")
		switch i {
		case 0:
			print(" zero")
			fallthrough
		case 1:
			print(" one")
		case 2:
			print(" two")
			fallthrough
		default:
			print(" default")
		}
		println()
	}
}
