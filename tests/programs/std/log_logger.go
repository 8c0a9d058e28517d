// run

// The log package without timestamps: log.New over a bytes.Buffer with flags 0, with a
// prefix and Lmsgprefix, Lshortfile (file:line of the call), Print/Printf/Println
// adding the final newline once, Output with a call depth, SetFlags/SetPrefix/Writer;
// the standard logger redirected to stdout with SetOutput and flags 0; and log.Panicf
// recovered. (log.Fatal's exit is in log_fatal.go.)
package main

import (
	"bytes"
	"fmt"
	"log"
	"os"
)

func helper(l *log.Logger) {
	l.Output(2, "reported at the caller's line")
}

func main() {
	var buf bytes.Buffer
	l := log.New(&buf, "", 0)
	l.Print("plain")
	l.Printf("formatted %d %q", 42, "x")
	l.Println("line", 1, 2)
	l.Print("already newline\n")
	l.Print()
	fmt.Printf("%q\n", buf.String())
	buf.Reset()

	l.SetPrefix("[app] ")
	l.Println("with prefix")
	l.SetFlags(log.Lmsgprefix)
	l.Println("prefix before message")
	fmt.Print(buf.String())
	buf.Reset()

	sl := log.New(os.Stdout, "short: ", log.Lshortfile)
	sl.Println("where am I")
	helper(sl)
	sl.SetFlags(log.Lshortfile | log.Lmsgprefix)
	sl.Printf("flags %d prefix %q", sl.Flags(), sl.Prefix())
	fmt.Println(sl.Writer() == os.Stdout, log.LstdFlags, log.Ldate|log.Ltime|log.Lmicroseconds|log.Llongfile|log.LUTC)

	log.SetOutput(os.Stdout)
	log.SetFlags(0)
	log.SetPrefix("std: ")
	log.Println("standard logger")
	log.Printf("value=%v", []int{1, 2})
	fmt.Println(log.Flags(), log.Prefix(), log.Writer() == os.Stdout)
	func() {
		defer func() { fmt.Printf("recovered: %q\n", recover()) }()
		log.Panicf("panic %s", "now")
	}()
	func() {
		defer func() { fmt.Printf("recovered: %q\n", recover()) }()
		l.Panicln("logger", "panic")
	}()
	fmt.Print(buf.String())
	log.Default().Print("via Default")
}
