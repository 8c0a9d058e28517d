// run

// An everyday program: write a small text file, read it back with os.ReadFile, count
// its lines and words, append to it with os.OpenFile, and read it again line by line
// with bufio.Scanner; then clean up.
package main

import (
	"bufio"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	dir, err := os.MkdirTemp("", "notes")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "notes.txt")
	text := "buy milk\ncall Alice about the trip\nfix the bike\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		log.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("read %d bytes, %d lines, %d words\n", len(data), strings.Count(string(data), "\n"), len(strings.Fields(string(data))))
	fmt.Print(string(data))

	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(f, "water the plants (%d)\n", 4)
	f.Close()

	f, err = os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for i := 1; sc.Scan(); i++ {
		fmt.Printf("%d: %s\n", i, sc.Text())
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	info, _ := os.Stat(path)
	fmt.Println("size now", info.Size())
}
