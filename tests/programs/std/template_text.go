// run

// text/template: field and method access, maps (range in key order), slices with
// $index, if/else if/else, with/else, range/else and break/continue, variables and
// assignment, pipelines with built-in functions (len, index, slice, printf, print,
// println, and, or, not, eq/ne/lt/le/gt/ge, html, js, urlquery, call), custom FuncMap
// functions, nested template definitions, block, whitespace trimming {{- -}}, comments,
// Lookup/DefinedTemplates, Option missingkey=error, and execution and parse errors.
package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"text/template"
)

type Item struct {
	Name  string
	Price float64
	Qty   int
	Tags  []string
}

func (i Item) Total() float64           { return i.Price * float64(i.Qty) }
func (i Item) HasTag(t string) bool     { return strings.Contains(strings.Join(i.Tags, ","), t) }
func (i *Item) PtrMethod() string        { return "ptr:" + i.Name }
func (i Item) Fail() (string, error)    { return "", errors.New("method failed") }

type Order struct {
	ID       int
	Customer map[string]string
	Items    []*Item
	Notes    []string
	Discount float64
	Fn       func(int) int
}

const page = `{{/* a comment */ -}}
Order #{{.ID}} for {{.Customer.name}} ({{index .Customer "email"}})
{{- range $i, $it := .Items}}
{{$i}}: {{$it.Name | printf "%-8s"}} {{printf "%6.2f" $it.Total}}{{if gt $it.Qty 5}} bulk{{else if eq $it.Qty 1}} single{{else}} few{{end}}{{if $it.HasTag "new"}} NEW{{end}} {{$it.PtrMethod}}
{{- end}}
Count: {{len .Items}} Tags of first: {{(index .Items 0).Tags | len}}
{{with .Notes}}Notes: {{join . "; "}}{{else}}No notes{{end}}
{{range .Notes}}never{{else}}range else branch{{end}}
{{- $total := 0.0}}{{range .Items}}{{$total = add $total .Total}}{{end}}
Total: {{printf "%.2f" $total}} after discount: {{printf "%.2f" (mul $total (sub 1 .Discount))}}
{{range $k, $v := .Customer}}{{$k}}={{$v}} {{end}}
{{range $i, $n := seq 10}}{{if eq $n 3}}{{continue}}{{end}}{{if gt $n 6}}{{break}}{{end}}{{$n}} {{end}}
{{and 1 0 "x"}} {{or 0 "" "first true"}} {{not true}} {{eq 1 2 3 1}} {{ne "a" "b"}} {{le 2 2}} {{lt 1.5 2.5}}
{{html "<a href='x'>&</a>"}} {{js "it's \"quoted\" <b>"}} {{urlquery "a b&c=d"}}
{{print "a" 1 2 "b"}} {{println "x" "y" -}}
{{slice "abcdef" 1 4}} {{index .Items 1 | printf "%v"}} {{call .Fn 20}}
{{template "footer" .ID}}
{{block "sig" .}}default signature for {{.ID}}{{end}}
`

func main() {
	funcs := template.FuncMap{
		"join":  strings.Join,
		"add":   func(a, b float64) float64 { return a + b },
		"mul":   func(a, b float64) float64 { return a * b },
		"sub":   func(a, b float64) float64 { return a - b },
		"upper": strings.ToUpper,
		"seq": func(n int) []int {
			s := make([]int, n)
			for i := range s {
				s[i] = i + 1
			}
			return s
		},
	}
	t := template.Must(template.New("page").Funcs(funcs).Parse(page))
	template.Must(t.New("footer").Parse(`-- footer for order {{.}} ({{. | printf "%05d" | upper}}) --`))
	order := Order{
		ID:       42,
		Customer: map[string]string{"name": "Ann", "email": "ann@example.com", "city": "Oslo"},
		Items: []*Item{
			{"pen", 1.5, 10, []string{"office", "new"}},
			{"book", 12.25, 1, nil},
			{"lamp", 30, 2, []string{"home"}},
		},
		Discount: 0.1,
		Fn:       func(x int) int { return x * 2 },
	}
	if err := t.Execute(os.Stdout, order); err != nil {
		fmt.Println("\nexecute error:", err)
	}
	fmt.Println(t.Name(), t.Lookup("footer") != nil, t.Lookup("nope") == nil)
	fmt.Println(strings.TrimPrefix(t.DefinedTemplates(), "; defined templates are: ") != "")

	t2 := template.Must(template.Must(t.Clone()).Parse(`{{define "sig"}}custom signature{{end}}`))
	t2.ExecuteTemplate(os.Stdout, "sig", nil)
	fmt.Println()

	var sb strings.Builder
	template.Must(template.New("ws").Parse("a  {{- 1 -}}  b {{2}}  {{- 3}}\n")).Execute(&sb, nil)
	fmt.Printf("%q\n", sb.String())

	for _, src := range []string{"{{.Missing}}", "{{.Name.Bad}}", "{{index .Tags 5}}", "{{.Fail}}", "{{template \"none\"}}", "{{len 3}}", "{{nil}}"} {
		tt, err := template.New("e").Parse(src)
		if err != nil {
			fmt.Println("parse:", err)
			continue
		}
		err = tt.Execute(&sb, Item{Name: "x"})
		fmt.Println("exec:", err)
	}
	for _, src := range []string{"{{.Name", "{{if}}{{end}}", "{{range .}}", "{{end}}", "{{undefined 1}}", "{{$x}}", "{{else}}"} {
		_, err := template.New("p").Parse(src)
		fmt.Println("parse:", err)
	}
	m := map[string]int{"a": 1}
	strict := template.Must(template.New("strict").Option("missingkey=error").Parse("{{.a}} {{.b}}\n"))
	fmt.Println(strict.Execute(os.Stdout, m))
	template.Must(template.New("zero").Parse("{{.a}} {{.b}}\n")).Execute(os.Stdout, m)
	template.Must(template.New("nilmap").Parse("[{{.b}}]\n")).Execute(os.Stdout, map[string]any{})
}
