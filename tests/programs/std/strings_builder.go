// run

// An everyday program: building a report with strings.Builder in a loop (with
// fmt.Fprintf into the builder), strings.Join, Repeat for an underline, and padding.
package main

import (
	"fmt"
	"strings"
)

type row struct {
	name  string
	qty   int
	price float64
}

func main() {
	rows := []row{{"apple", 3, 0.5}, {"banana", 12, 0.25}, {"cherry", 100, 0.1}}
	var sb strings.Builder
	title := "Inventory"
	sb.WriteString(title + "\n")
	sb.WriteString(strings.Repeat("=", len(title)) + "\n")
	total := 0.0
	for i, r := range rows {
		fmt.Fprintf(&sb, "%2d. %-8s %4d x %5.2f = %7.2f\n", i+1, r.name, r.qty, r.price, float64(r.qty)*r.price)
		total += float64(r.qty) * r.price
	}
	fmt.Fprintf(&sb, "%*s\n", 36, fmt.Sprintf("total %.2f", total))
	names := make([]string, len(rows))
	for i, r := range rows {
		names[i] = strings.ToUpper(r.name[:1]) + r.name[1:]
	}
	sb.WriteString(strings.Join(names, ", "))
	sb.WriteByte('\n')
	fmt.Print(sb.String())
	fmt.Println("length:", sb.Len())

	var csv strings.Builder
	for i := 0; i < 10; i++ {
		if i > 0 {
			csv.WriteByte(',')
		}
		fmt.Fprint(&csv, i*i)
	}
	fmt.Println(csv.String())
}
