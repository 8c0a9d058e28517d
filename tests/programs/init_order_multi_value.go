// run

// Package initialization order through a multi-value initializer with a blank
// (`var a, _ = f()`): the variables its functions and methods refer to are initialized
// first, wherever they are declared (crypto/internal/fips140/edwards25519's `identity`
// needs `feOne`, declared after it).
package main

type P struct{ x int }

func (p *P) Set(b []byte) (*P, error) {
	p.x = *one + len(b)
	return p, nil
}

func (p *P) pair() (int, int) { return *two, *one }

var identity, _ = new(P).Set([]byte{1, 2})
var _, second = new(P).pair()
var single = new(P).mustSet()

func (p *P) mustSet() *P {
	p.x = *two
	return p
}

var one = newInt(1)
var two = newInt(2)

func newInt(v int) *int {
	println("init", v)
	return &v
}

func main() {
	println(identity.x, second, single.x)
}
