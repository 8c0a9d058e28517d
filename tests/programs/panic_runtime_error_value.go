// run exit=2

// Re-panicking a recovered runtime error: the runtime.Error value prints with its
// "runtime error: " prefix and " [recovered, repanicked]".
package main

func main() {
	defer func() {
		r := recover()
		_, ok := r.(interface{ RuntimeError() })
		println("recovered a runtime.Error:", ok)
		panic(r)
	}()
	var a []int
	i := 3
	println(a[i])
}
