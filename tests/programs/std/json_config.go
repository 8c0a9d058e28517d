// run

// An everyday program: load a JSON configuration (with defaults for missing fields),
// validate it, change a value, and write it back indented; then decode a list of
// records and sum a field.
package main

import (
	"encoding/json"
	"fmt"
	"log"
	"strings"
)

type Config struct {
	Name     string            `json:"name"`
	Port     int               `json:"port"`
	Debug    bool              `json:"debug"`
	Timeouts map[string]int    `json:"timeouts,omitempty"`
	Servers  []Server          `json:"servers"`
	Labels   map[string]string `json:"labels,omitempty"`
}

type Server struct {
	Host   string  `json:"host"`
	Weight float64 `json:"weight"`
}

const input = `{
  "name": "demo",
  "debug": true,
  "timeouts": {"read": 5, "write": 10},
  "servers": [
    {"host": "a.example", "weight": 1.5},
    {"host": "b.example", "weight": 2}
  ],
  "unknown": "ignored"
}`

func main() {
	cfg := Config{Port: 8080}
	if err := json.Unmarshal([]byte(input), &cfg); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%+v\n", cfg)
	total := 0.0
	for _, s := range cfg.Servers {
		total += s.Weight
	}
	fmt.Println("servers:", len(cfg.Servers), "total weight:", total)
	cfg.Port = 9090
	cfg.Labels = map[string]string{"env": "test", "app": "demo"}
	out, err := json.MarshalIndent(cfg, "", "  ")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(out))

	dec := json.NewDecoder(strings.NewReader(`[{"item":"a","qty":2},{"item":"b","qty":5},{"item":"c","qty":-1}]`))
	var rows []struct {
		Item string `json:"item"`
		Qty  int    `json:"qty"`
	}
	if err := dec.Decode(&rows); err != nil {
		log.Fatal(err)
	}
	sum := 0
	for _, r := range rows {
		sum += r.Qty
	}
	fmt.Println(len(rows), "rows, qty sum", sum)
	var bad Config
	err = json.Unmarshal([]byte(`{"port": "eighty"}`), &bad)
	fmt.Println("error:", err)
}
