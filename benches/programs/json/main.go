// Json marshals a slice of structs with encoding/json, unmarshals it back and
// checks the round trip: a benchmark of reflection-driven encoding.
//
// Usage: json [n] (default 50000 records).
package main

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strconv"
)

type address struct {
	Street string `json:"street"`
	City   string `json:"city"`
	Zip    string `json:"zip,omitempty"`
}

type person struct {
	ID      int               `json:"id"`
	Name    string            `json:"name"`
	Email   string            `json:"email"`
	Age     int               `json:"age"`
	Score   float64           `json:"score"`
	Active  bool              `json:"active"`
	Tags    []string          `json:"tags"`
	Home    address           `json:"home"`
	Extra   map[string]string `json:"extra,omitempty"`
	Manager *int              `json:"manager"`
}

func people(n int) []person {
	out := make([]person, n)
	for i := range out {
		p := &out[i]
		p.ID = i
		p.Name = "Person " + strconv.Itoa(i)
		p.Email = "person" + strconv.Itoa(i) + "@example.com"
		p.Age = 18 + i%60
		p.Score = float64(i%1000) / 8
		p.Active = i%3 != 0
		p.Tags = []string{"t" + strconv.Itoa(i%7), "quote\"d", "uni\u00e9"}
		p.Home = address{Street: strconv.Itoa(i%300) + " Main St", City: "Town " + strconv.Itoa(i%50)}
		if i%4 == 0 {
			p.Home.Zip = strconv.Itoa(10000 + i%90000)
		}
		if i%5 == 0 {
			p.Extra = map[string]string{"b": "2", "a": "1"}
		}
		if i > 0 {
			m := i / 10
			p.Manager = &m
		}
	}
	return out
}

func main() {
	n := 50000
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil || v <= 0 {
			fmt.Fprintln(os.Stderr, "usage: json [n]")
			os.Exit(2)
		}
		n = v
	}
	in := people(n)
	data, err := json.Marshal(in)
	if err != nil {
		fmt.Fprintln(os.Stderr, "marshal:", err)
		os.Exit(1)
	}
	var out []person
	if err := json.Unmarshal(data, &out); err != nil {
		fmt.Fprintln(os.Stderr, "unmarshal:", err)
		os.Exit(1)
	}
	again, err := json.MarshalIndent(out[:min(2, len(out))], "", "  ")
	if err != nil {
		fmt.Fprintln(os.Stderr, "marshal:", err)
		os.Exit(1)
	}
	fmt.Printf("%d records, %d bytes, sha256 %x, round trip equal: %v\n",
		len(out), len(data), sha256.Sum256(data), reflect.DeepEqual(in, out))
	fmt.Printf("%s\n", again)
}
