// run

// html/template's contextual escaping: text in elements, attribute values (quoted and
// unquoted), URLs in href (query escaping and unsafe schemes replaced by #ZgotmplZ),
// JavaScript contexts (strings, numbers, objects marshalled as JSON), CSS, the typed
// safe strings template.HTML/URL/JS/HTMLAttr, comments stripped, a range of rows, and
// HTMLEscapeString/JSEscapeString helpers.
package main

import (
	"fmt"
	"html/template"
	"os"
)

type Row struct {
	Name string
	URL  string
	Note template.HTML
}

const page = `<!-- this comment is removed -->
<html><head><title>{{.Title}}</title>
<style>p { color: {{.Color}}; }</style>
<script>var user = {{.User}}; var n = {{.N}}; var s = "{{.Title}}"; var list = {{.List}};</script>
</head><body>
<h1 title="{{.Title}}" class={{.Class}}>{{.Title}}</h1>
<a href="/search?q={{.Query}}&lang=en">search</a>
<a href="{{.Bad}}">bad link</a> <a href="{{.Good}}">good</a> <a href="{{.Trusted}}">trusted</a>
<p onclick="alert({{.Title}})">{{.Safe}}</p>
<ul>{{range .Rows}}
  <li><a href="{{.URL}}">{{.Name}}</a> {{.Note}}</li>{{end}}
</ul>
<input value="{{.Quote}}" {{.Attr}}>
</body></html>
`

func main() {
	t := template.Must(template.New("page").Parse(page))
	data := map[string]any{
		"Title":   `Tom & Jerry's "<Show>"`,
		"Color":   "red; background: url(evil)",
		"User":    map[string]any{"name": "O'Brien</script>", "age": 40},
		"N":       3.5,
		"List":    []string{"a", "<b>"},
		"Class":   "big title",
		"Query":   "go & rust/c++",
		"Bad":     "javascript:alert(1)",
		"Good":    "https://example.com/a b?x=1&y=<2>",
		"Trusted": template.URL("javascript:void(0)"),
		"Safe":    template.HTML("<b>bold is allowed</b>"),
		"Rows": []Row{
			{"first <one>", "/a?x=1&y=2", template.HTML("<i>ok</i>")},
			{"second", "mailto:someone@example.com", ""},
		},
		"Quote": `"quoted" & 'single'`,
		"Attr":  template.HTMLAttr(`data-x="1"`),
	}
	if err := t.Execute(os.Stdout, data); err != nil {
		fmt.Println("error:", err)
	}
	fmt.Println(template.HTMLEscapeString(`<a href="x">&'</a>`))
	fmt.Println(template.JSEscapeString(`it's "q" <tag> \ /`))
	fmt.Println(template.URLQueryEscaper("a b", "&c"))

	_, err := template.New("bad").Parse(`<a href="{{.}}`)
	fmt.Println("parse:", err)
	bad := template.Must(template.New("bad").Parse(`<script>{{.}}</script><a href="{{.}}`))
	err = bad.Execute(os.Stdout, "x")
	fmt.Println("\nexec:", err)
}
