// The example the README runs once mvm can execute programs.
package main

func main() {
	s := 0
	for i := 1; i <= 10; i++ {
		s += i * i
	}
	println("hello from mvm; sum of squares 1..10 =", s)
}
