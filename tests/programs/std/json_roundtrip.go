// run

// encoding/json: Marshal and Unmarshal round trip of a struct with field tags, omitempty,
// the ",string" option, "-", embedded structs (promoted fields) and an embedded pointer,
// maps (keys sorted in the output, int keys too), slices, arrays, []byte (base64),
// pointers and nil pointers, time-free custom MarshalJSON/UnmarshalJSON and
// MarshalText/UnmarshalText, json.RawMessage, json.Number, HTML escaping, Indent,
// MarshalIndent, Compact, Valid, decoding into interface{} (numbers become float64),
// a Decoder over several values with More/Token, DisallowUnknownFields, and the texts
// of syntax, type and unsupported-value errors.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
)

type Meta struct {
	Created string `json:"created"`
	Version int    `json:"version,omitempty"`
}

type Audit struct {
	By string `json:"by"`
}

type Color int

// Color marshals as a JSON string through MarshalJSON / UnmarshalJSON.
func (c Color) MarshalJSON() ([]byte, error) {
	names := []string{"red", "green", "blue"}
	if c < 0 || int(c) >= len(names) {
		return nil, fmt.Errorf("bad color %d", int(c))
	}
	return json.Marshal(names[c])
}

func (c *Color) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("color: %w", err)
	}
	switch s {
	case "red":
		*c = 0
	case "green":
		*c = 1
	case "blue":
		*c = 2
	default:
		return fmt.Errorf("unknown color %q", s)
	}
	return nil
}

// Level is a map key and a value through MarshalText / UnmarshalText.
type Level int

func (l Level) MarshalText() ([]byte, error) { return []byte(fmt.Sprintf("L%d", int(l))), nil }
func (l *Level) UnmarshalText(b []byte) error {
	_, err := fmt.Sscanf(string(b), "L%d", (*int)(l))
	return err
}

type Item struct {
	Meta                            // embedded: fields promoted
	*Audit                          // embedded pointer
	ID       int64                  `json:"id"`
	Name     string                 `json:"name"`
	Price    float64                `json:"price"`
	Count    int                    `json:"count,string"`
	Tags     []string               `json:"tags,omitempty"`
	Dims     [3]int                 `json:"dims"`
	Attrs    map[string]string      `json:"attrs,omitempty"`
	ByID     map[int]bool           `json:"by_id"`
	Levels   map[Level]Level        `json:"levels"`
	Parent   *Item                  `json:"parent"`
	Next     *Item                  `json:"next,omitempty"`
	Color    Color                  `json:"color"`
	Extra    json.RawMessage        `json:"extra"`
	Data     []byte                 `json:"data"`
	Secret   string                 `json:"-"`
	Dash     string                 `json:"-,"`
	Any      interface{}            `json:"any"`
	Untagged bool
	private  int
	Empty    struct{}               `json:"empty,omitempty"`
	Opt      map[string]interface{} `json:"opt,omitempty"`
}

func main() {
	in := Item{
		Meta:     Meta{Created: "2024-01-02", Version: 3},
		Audit:    &Audit{By: "ann"},
		ID:       1 << 53,
		Name:     "widget <b>&\"co\"",
		Price:    9.5,
		Count:    12,
		Tags:     []string{"a", "b"},
		Dims:     [3]int{1, 2, 3},
		Attrs:    map[string]string{"zeta": "z", "alpha": "a", "Mid": "m"},
		ByID:     map[int]bool{10: true, -2: false, 3: true},
		Levels:   map[Level]Level{2: 20, 1: 10},
		Parent:   &Item{ID: 0, Name: "root", Color: 2},
		Color:    1,
		Extra:    json.RawMessage(`{"raw": [1, 2,  3]}`),
		Data:     []byte{0, 1, 2, 250, 255},
		Secret:   "hidden",
		Dash:     "dash",
		Any:      []interface{}{1, "two", 3.5, nil, true, map[string]int{"b": 2, "a": 1}},
		Untagged: true,
		private:  5,
	}
	b, err := json.Marshal(in)
	fmt.Println(string(b), err)

	var out Item
	err = json.Unmarshal(b, &out)
	fmt.Println("unmarshal:", err)
	fmt.Printf("%+v\n", out.Meta)
	fmt.Printf("%+v %d %q %v %d %v %v\n", *out.Audit, out.ID, out.Name, out.Price, out.Count, out.Tags, out.Dims)
	fmt.Println(out.Attrs, out.ByID, out.Levels)
	fmt.Printf("parent=%q next=%v color=%d extra=%s data=%v secret=%q dash=%q untagged=%v private=%d\n",
		out.Parent.Name, out.Next, out.Color, out.Extra, out.Data, out.Secret, out.Dash, out.Untagged, out.private)
	fmt.Printf("any: %#v\n", out.Any)
	b2, _ := json.Marshal(out)
	fmt.Println("round trip equal:", bytes.Equal(b, b2))

	// omitempty of zero values; nil pointers, nil slices, nil maps.
	var zero Item
	zb, _ := json.Marshal(zero)
	fmt.Println(string(zb))
	type Opt struct {
		A int      `json:"a,omitempty"`
		B string   `json:"b,omitempty"`
		C []int    `json:"c,omitempty"`
		D *int     `json:"d,omitempty"`
		E bool     `json:"e,omitempty"`
		F float64  `json:"f,omitempty"`
		G []int    `json:"g"`
		H []int    `json:"h"`
		I *string  `json:"i"`
		J [0]int   `json:"j,omitempty"`
		K struct{} `json:"k,omitempty"`
		L int      `json:"l,omitzero"`
	}
	ob, _ := json.Marshal(Opt{H: []int{}})
	fmt.Println(string(ob))

	// Indent, MarshalIndent, Compact, Valid, HTML escaping.
	mi, _ := json.MarshalIndent(map[string]interface{}{"b": []int{1, 2}, "a": map[string]int{}, "c": []int{}, "d": nil}, ">", "  ")
	fmt.Println(string(mi))
	var ind bytes.Buffer
	fmt.Println(json.Indent(&ind, []byte(`{"x":[1,{"y":null}],"z":"s"}`), "", "\t"))
	fmt.Println(ind.String())
	var cmp bytes.Buffer
	fmt.Println(json.Compact(&cmp, []byte("{ \"a\" : [ 1 , 2 ] ,\n \"b\" : { } }")), cmp.String())
	fmt.Println(json.Valid([]byte(`{"a":1}`)), json.Valid([]byte(`{"a":}`)), json.Valid([]byte(` 1 `)))
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.Encode("<a&b>")
	enc.SetEscapeHTML(false)
	enc.Encode("<a&b>")
	enc.SetIndent("", " ")
	enc.Encode([]int{1, 2})
	fmt.Print(buf.String())
	esc, _ := json.Marshal("\u2028 \x01 \t é \xff")
	fmt.Println(string(esc))

	// Decoding into interface{}: objects are map[string]interface{}, numbers float64.
	var v interface{}
	err = json.Unmarshal([]byte(`{"n": 1, "big": 12345678901234567890, "f": -2.5e3, "s": "x", "a": [true, null, {}], "o": {"k": "v"}}`), &v)
	fmt.Println(err)
	m := v.(map[string]interface{})
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%s: %T %v\n", k, m[k], m[k])
	}
	d := json.NewDecoder(strings.NewReader(`{"n": 12345678901234567890}`))
	d.UseNumber()
	var vn map[string]interface{}
	fmt.Println(d.Decode(&vn))
	num := vn["n"].(json.Number)
	_, ierr := num.Int64()
	fl, _ := num.Float64()
	fmt.Printf("%T %s %v %v\n", num, num, ierr, fl)

	// Decoding into existing values: maps merge, slices are replaced, case-insensitive names.
	target := struct {
		Name string
		M    map[string]int
		S    []int
		P    *int
	}{Name: "old", M: map[string]int{"keep": 1}, S: []int{9, 9, 9}}
	err = json.Unmarshal([]byte(`{"NAME": "new", "m": {"add": 2}, "s": [1], "p": 5, "unknown": 1}`), &target)
	fmt.Println(err, target.Name, target.M, target.S, *target.P)

	// A Decoder over a stream of values, and the token API.
	dec := json.NewDecoder(strings.NewReader(`{"a": 1} {"a": 2}
[3] "four" 5.5 null`))
	for {
		var x interface{}
		if err := dec.Decode(&x); err != nil {
			fmt.Println("stream end:", err)
			break
		}
		fmt.Printf("value %T %v\n", x, x)
	}
	dec = json.NewDecoder(strings.NewReader(`[{"k": "a"}, {"k": "b"}]`))
	tok, _ := dec.Token()
	fmt.Printf("%T %v\n", tok, tok)
	for dec.More() {
		var e struct{ K string }
		dec.Decode(&e)
		fmt.Println("element", e.K)
	}
	tok, _ = dec.Token()
	fmt.Printf("%T %v\n", tok, tok)
	dec = json.NewDecoder(strings.NewReader(`{"x": [1, "s", false, null]}`))
	for {
		t, err := dec.Token()
		if err != nil {
			fmt.Println("tokens end:", err)
			break
		}
		fmt.Printf("%T:%v ", t, t)
	}
	fmt.Println()
	strict := json.NewDecoder(strings.NewReader(`{"Name": "x", "Bogus": 1}`))
	strict.DisallowUnknownFields()
	var sv struct{ Name string }
	fmt.Println(strict.Decode(&sv))

	// Errors.
	var anyv interface{}
	err = json.Unmarshal([]byte(`{"a": 1,}`), &anyv)
	var se *json.SyntaxError
	fmt.Println(err, errors.As(err, &se), se.Offset)
	fmt.Println(json.Unmarshal([]byte(`[1, 2`), &anyv))
	fmt.Println(json.Unmarshal([]byte(``), &anyv))
	fmt.Println(json.Unmarshal([]byte(`nul`), &anyv))
	fmt.Println(json.Unmarshal([]byte(`{"a" 1}`), &anyv))
	var te *json.UnmarshalTypeError
	var typed struct {
		N int `json:"n"`
		S struct {
			Inner []uint8 `json:"inner"`
		} `json:"s"`
	}
	err = json.Unmarshal([]byte(`{"n": "str"}`), &typed)
	fmt.Println(err, errors.As(err, &te))
	fmt.Println(json.Unmarshal([]byte(`{"n": 1.5}`), &typed))
	fmt.Println(json.Unmarshal([]byte(`{"n": 99999999999999999999}`), &typed))
	fmt.Println(json.Unmarshal([]byte(`{"s": {"inner": [1, 300]}}`), &typed))
	fmt.Println(json.Unmarshal([]byte(`{"color": "purple"}`), &out))
	fmt.Println(json.Unmarshal([]byte(`{"color": 7}`), &out))
	fmt.Println(json.Unmarshal([]byte(`{"count": 5}`), &out))
	fmt.Println(json.Unmarshal([]byte(`1`), nil))
	var notPtr Item
	fmt.Println(json.Unmarshal([]byte(`{}`), notPtr))
	_, err = json.Marshal(math.Inf(1))
	fmt.Println(err)
	_, err = json.Marshal(make(chan int))
	fmt.Println(err)
	_, err = json.Marshal(map[[2]int]int{{1, 2}: 3})
	fmt.Println(err)
	_, err = json.Marshal(Color(7))
	fmt.Println(err)
	_, err = json.Marshal(struct{ F func() }{})
	fmt.Println(err)
	json.NewEncoder(os.Stdout).Encode(map[string]interface{}{"done": true, "n": 1.0, "big": 1e21, "small": 1e-7, "neg0": math.Copysign(0, -1)})
}
