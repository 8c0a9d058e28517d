// run

// log/slog with handlers whose ReplaceAttr removes the time: TextHandler and
// JSONHandler output for Info/Warn/Error/Debug (level filtering with HandlerOptions.Level
// and a LevelVar), attributes of every kind (string, int, float, bool, duration, time,
// error, any, nil), groups (WithGroup, slog.Group), With, LogAttrs, quoting rules of the
// text format, a LogValuer, ReplaceAttr renaming and redacting, AddSource with a base
// file name, and the default logger routed through log's output.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"os"
	"path/filepath"
	"time"
)

type User struct {
	ID   int
	Name string
	Pass string
}

// LogValue hides the password and logs a group.
func (u User) LogValue() slog.Value {
	return slog.GroupValue(slog.Int("id", u.ID), slog.String("name", u.Name))
}

func noTime(groups []string, a slog.Attr) slog.Attr {
	if a.Key == slog.TimeKey && len(groups) == 0 {
		return slog.Attr{}
	}
	return a
}

func main() {
	lv := new(slog.LevelVar)
	text := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: noTime, Level: lv}))
	text.Info("hello", "count", 3, "pi", 3.14, "ok", true, "name", "a b", "empty", "", "quote", `say "hi"`)
	text.Warn("careful", "dur", 1500*time.Millisecond, "err", errors.New("disk full"), "nil", nil, "list", []int{1, 2})
	text.Debug("hidden at info level")
	lv.Set(slog.LevelDebug)
	text.Debug("shown at debug level", "t", time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC))
	text.Error("failure", slog.Group("req", "method", "GET", "path", "/x"), "user", User{7, "ann", "secret"})
	text.With("svc", "api").WithGroup("g").Info("grouped", "a", 1, slog.Group("inner", "b", 2))
	text.LogAttrs(context.Background(), slog.LevelWarn+1, "custom level", slog.Uint64("u", 9), slog.Any("map", map[string]int{"k": 1}))
	text.Info("needs quoting", "k=v", "x y", "nl", "a\nb", "unicode", "héllo", "eq", "a=b")

	js := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: noTime}))
	js.Info("hello", "count", 3, "pi", 3.14, "ok", true, "s", "<tag>&")
	js.Warn("nested", slog.Group("req", slog.String("method", "POST"), slog.Int("status", 201)), "user", User{8, "bob", "pw"})
	js.With("a", 1).WithGroup("grp").Error("with group", "b", errors.New("boom"), "d", 2*time.Second, "f", 1.0)
	js.Debug("dropped")

	redact := func(groups []string, a slog.Attr) slog.Attr {
		switch a.Key {
		case slog.TimeKey:
			return slog.Attr{}
		case slog.LevelKey:
			return slog.String("sev", a.Value.String())
		case slog.MessageKey:
			a.Key = "message"
		case "password":
			return slog.String("password", "REDACTED")
		}
		return a
	}
	r := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: redact}))
	r.Info("login", "user", "ann", "password", "hunter2")

	src := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{AddSource: true, ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		if a.Key == slog.SourceKey {
			s := a.Value.Any().(*slog.Source)
			return slog.String("src", fmt.Sprintf("%s:%d", filepath.Base(s.File), s.Line))
		}
		return a
	}}))
	src.Info("with source")

	fmt.Println(slog.LevelInfo, slog.LevelWarn+2, slog.LevelDebug-1, text.Enabled(context.Background(), slog.LevelDebug))
	var l slog.Level
	fmt.Println(l.UnmarshalText([]byte("warn+1")), l)
	fmt.Println(slog.IntValue(3).Kind(), slog.AnyValue(2.5).Kind(), slog.StringValue("x"), slog.Bool("b", true))

	log.SetFlags(0)
	log.SetOutput(os.Stdout)
	slog.Info("through the default logger", "k", "v")
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: noTime})))
	slog.Warn("after SetDefault", "n", 1)
	log.Print("log.Print goes through slog now")
}
