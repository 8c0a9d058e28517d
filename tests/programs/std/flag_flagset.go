// run

// The flag package on fixed argument lists through FlagSets: every flag kind (Bool,
// Int, Int64, Uint, Uint64, Float64, String, Duration, Func, BoolFunc, TextVar, Var with
// a custom Value), the -flag/--flag/-flag=value/-flag value forms, "--" ending flags,
// Args/NArg/NFlag, Visit/VisitAll order, Lookup, Set, PrintDefaults and Usage output,
// and the errors of ContinueOnError (unknown flag, missing value, bad value, -help).
package main

import (
	"errors"
	"flag"
	"fmt"
	"net/netip"
	"os"
	"strings"
	"time"
)

type listValue []string

func (l *listValue) String() string { return strings.Join(*l, ",") }
func (l *listValue) Set(s string) error {
	if s == "" {
		return errors.New("empty item")
	}
	*l = append(*l, s)
	return nil
}

func newSet() (*flag.FlagSet, map[string]any) {
	fs := flag.NewFlagSet("tool", flag.ContinueOnError)
	fs.SetOutput(os.Stdout)
	v := map[string]any{}
	v["verbose"] = fs.Bool("verbose", false, "print more")
	v["n"] = fs.Int("n", 1, "how many `times`")
	v["big"] = fs.Int64("big", -1, "an int64")
	v["u"] = fs.Uint("u", 7, "a uint")
	v["u64"] = fs.Uint64("u64", 0, "a uint64")
	v["ratio"] = fs.Float64("ratio", 0.5, "a ratio")
	v["name"] = fs.String("name", "anon", "the `name` to use")
	v["wait"] = fs.Duration("wait", 2*time.Second, "how long to wait")
	var items listValue
	fs.Var(&items, "item", "repeatable item")
	v["item"] = &items
	var addr netip.Addr
	fs.TextVar(&addr, "addr", netip.MustParseAddr("127.0.0.1"), "an IP address")
	v["addr"] = &addr
	fs.Func("level", "a level from 1 to 3", func(s string) error {
		if s < "1" || s > "3" || len(s) != 1 {
			return fmt.Errorf("level %q out of range", s)
		}
		v["levelSet"] = s
		return nil
	})
	fs.BoolFunc("trace", "enable tracing", func(s string) error {
		v["trace"] = s
		return nil
	})
	return fs, v
}

func main() {
	fs, v := newSet()
	args := []string{"-verbose", "--n=3", "-big", "-9000000000", "-u=8", "-u64", "18446744073709551615", "-ratio", "1e-3",
		"-name", "gopher", "-wait=1m30s", "-item", "x", "-item=y", "-addr", "::1", "-level", "2", "-trace", "pos1", "-notaflag", "--", "pos2"}
	err := fs.Parse(args)
	fmt.Println("parse:", err, fs.Parsed())
	fmt.Println(*v["verbose"].(*bool), *v["n"].(*int), *v["big"].(*int64), *v["u"].(*uint), *v["u64"].(*uint64), *v["ratio"].(*float64),
		*v["name"].(*string), *v["wait"].(*time.Duration), *v["item"].(*listValue), *v["addr"].(*netip.Addr), v["levelSet"], v["trace"])
	fmt.Println("args:", fs.Args(), fs.NArg(), fs.NFlag(), fs.Arg(1))
	fs.Visit(func(f *flag.Flag) { fmt.Print(f.Name, " ") })
	fmt.Println()
	fs.VisitAll(func(f *flag.Flag) { fmt.Printf("%s=%s ", f.Name, f.Value) })
	fmt.Println()
	fmt.Println(fs.Lookup("name").DefValue, fs.Lookup("missing") == nil, fs.Set("n", "42"), *v["n"].(*int), fs.Set("n", "x"))
	g := fs.Lookup("wait").Value.(flag.Getter)
	fmt.Println(g.Get())

	fmt.Println("-- defaults")
	fs2, _ := newSet()
	fs2.PrintDefaults()

	fmt.Println("-- errors")
	for _, a := range [][]string{{"-bogus"}, {"-n"}, {"-n", "abc"}, {"-n=99999999999999999999"}, {"-item="}, {"-level", "9"}, {"-verbose=maybe"}, {"-h"}, {"---x"}, {"-="}} {
		f, _ := newSet()
		f.Usage = func() { fmt.Println("(usage called)") }
		err := f.Parse(a)
		fmt.Printf("%q -> %v | ErrHelp=%v\n", a, err, errors.Is(err, flag.ErrHelp))
	}
	fs3 := flag.NewFlagSet("stop", flag.ContinueOnError)
	b := fs3.Bool("b", false, "")
	fs3.Parse([]string{"first", "-b"})
	fmt.Println(*b, fs3.Args(), fs3.Name(), fs3.ErrorHandling() == flag.ContinueOnError)
}
