// run

// A tiny expression language: a tokenizer, a recursive-descent parser building an AST of
// interface-typed nodes, and an evaluator with variables and error values, plus
// constant folding through a type switch. Exercises interfaces, type switches, closures,
// maps, recursion, strings and errors-as-values without packages.
package main

type Node interface {
	Eval(env map[string]int) (int, error)
}

type Num struct{ V int }
type Var struct{ Name string }
type Bin struct {
	Op   byte
	L, R Node
}
type Neg struct{ X Node }

type evalError struct{ msg string }

func (e *evalError) Error() string { return e.msg }

func (n Num) Eval(map[string]int) (int, error) { return n.V, nil }
func (v Var) Eval(env map[string]int) (int, error) {
	x, ok := env[v.Name]
	if !ok {
		return 0, &evalError{"undefined: " + v.Name}
	}
	return x, nil
}
func (n Neg) Eval(env map[string]int) (int, error) {
	x, err := n.X.Eval(env)
	return -x, err
}
func (b Bin) Eval(env map[string]int) (int, error) {
	l, err := b.L.Eval(env)
	if err != nil {
		return 0, err
	}
	r, err := b.R.Eval(env)
	if err != nil {
		return 0, err
	}
	switch b.Op {
	case '+':
		return l + r, nil
	case '-':
		return l - r, nil
	case '*':
		return l * r, nil
	case '/':
		if r == 0 {
			return 0, &evalError{"division by zero"}
		}
		return l / r, nil
	case '%':
		if r == 0 {
			return 0, &evalError{"modulo by zero"}
		}
		return l % r, nil
	}
	return 0, &evalError{"bad op " + string(b.Op)}
}

type parser struct {
	src string
	pos int
}

func (p *parser) skip() {
	for p.pos < len(p.src) && p.src[p.pos] == ' ' {
		p.pos++
	}
}

func (p *parser) peek() byte {
	p.skip()
	if p.pos < len(p.src) {
		return p.src[p.pos]
	}
	return 0
}

func (p *parser) expr() Node {
	n := p.term()
	for c := p.peek(); c == '+' || c == '-'; c = p.peek() {
		p.pos++
		n = Bin{c, n, p.term()}
	}
	return n
}

func (p *parser) term() Node {
	n := p.unary()
	for c := p.peek(); c == '*' || c == '/' || c == '%'; c = p.peek() {
		p.pos++
		n = Bin{c, n, p.unary()}
	}
	return n
}

func (p *parser) unary() Node {
	if p.peek() == '-' {
		p.pos++
		return Neg{p.unary()}
	}
	return p.primary()
}

func (p *parser) primary() Node {
	c := p.peek()
	switch {
	case c == '(':
		p.pos++
		n := p.expr()
		if p.peek() == ')' {
			p.pos++
		}
		return n
	case c >= '0' && c <= '9':
		v := 0
		for p.pos < len(p.src) && p.src[p.pos] >= '0' && p.src[p.pos] <= '9' {
			v = v*10 + int(p.src[p.pos]-'0')
			p.pos++
		}
		return Num{v}
	default:
		start := p.pos
		for p.pos < len(p.src) && (p.src[p.pos] >= 'a' && p.src[p.pos] <= 'z') {
			p.pos++
		}
		return Var{p.src[start:p.pos]}
	}
}

func fold(n Node) Node {
	switch x := n.(type) {
	case Bin:
		l, r := fold(x.L), fold(x.R)
		ln, lok := l.(Num)
		rn, rok := r.(Num)
		if lok && rok {
			if v, err := (Bin{x.Op, ln, rn}).Eval(nil); err == nil {
				return Num{v}
			}
		}
		return Bin{x.Op, l, r}
	case Neg:
		if v, ok := fold(x.X).(Num); ok {
			return Num{-v.V}
		}
		return Neg{fold(x.X)}
	default:
		return n
	}
}

func show(n Node) string {
	switch x := n.(type) {
	case Num:
		if x.V < 0 {
			return "(-" + itoa(-x.V) + ")"
		}
		return itoa(x.V)
	case Var:
		return x.Name
	case Neg:
		return "-" + show(x.X)
	case Bin:
		return "(" + show(x.L) + " " + string(x.Op) + " " + show(x.R) + ")"
	}
	return "?"
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func main() {
	env := map[string]int{"x": 7, "y": -3, "big": 1 << 40}
	progs := []string{
		"1 + 2 * 3",
		"(1 + 2) * 3",
		"x * x - y",
		"-(x + y) * 2",
		"big * big",
		"100 / (x - 7)",
		"17 % 5 + z",
		"2 * (3 + 4) * x - -y",
		"(((9)))",
		"-7 / 2 + -7 % 2",
	}
	for _, src := range progs {
		p := &parser{src: src}
		ast := p.expr()
		v, err := ast.Eval(env)
		folded := show(fold(ast))
		if err != nil {
			println(src, "=> error:", err.Error(), "| folded:", folded)
			continue
		}
		println(src, "=>", v, "| folded:", folded)
	}
}
