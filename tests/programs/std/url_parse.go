// run

// net/url: Parse of absolute and relative URLs into their fields (Scheme, User,
// Host/Hostname/Port, Path/RawPath/EscapedPath, RawQuery, Fragment, Opaque), Query
// values (repeated keys, Get/Has/Add/Set/Del, Encode sorting keys), QueryEscape vs
// PathEscape and their unescapes, ResolveReference, JoinPath, User info and Redacted,
// IsAbs, RequestURI, String round trips, ParseRequestURI, and parse errors.
package main

import (
	"fmt"
	"net/url"
)

func main() {
	u, err := url.Parse("https://ann:s3cret@example.com:8443/a/b%2Fc/d e?q=go+lang&x=1&x=2&empty=#frag%20ment")
	fmt.Println(err)
	fmt.Printf("scheme=%q user=%q host=%q hostname=%q port=%q\n", u.Scheme, u.User.Username(), u.Host, u.Hostname(), u.Port())
	pw, set := u.User.Password()
	fmt.Printf("password=%q %v path=%q rawpath=%q escaped=%q\n", pw, set, u.Path, u.RawPath, u.EscapedPath())
	fmt.Printf("rawquery=%q fragment=%q rawfragment=%q requestURI=%q abs=%v\n", u.RawQuery, u.Fragment, u.RawFragment, u.RequestURI(), u.IsAbs())
	fmt.Println(u.String())
	fmt.Println(u.Redacted())
	q := u.Query()
	fmt.Println(q.Get("q"), q["x"], q.Get("x"), q.Has("empty"), q.Get("empty") == "", q.Has("nope"))
	q.Add("x", "3")
	q.Set("new", "a b&c")
	q.Del("q")
	fmt.Println(q.Encode())
	u.RawQuery = q.Encode()
	u.Fragment = ""
	u.User = nil
	fmt.Println(u)

	for _, s := range []string{"/rel/path?a=1", "mailto:someone@example.com", "//host.only/x", "file:///etc/hosts", "http://[::1]:80/", "example.com/no-scheme", "?just=query", "HTTP://EXAMPLE.com/%7Euser"} {
		v, err := url.Parse(s)
		if err != nil {
			fmt.Println(s, err)
			continue
		}
		fmt.Printf("%-28s scheme=%q opaque=%q host=%q path=%q query=%q -> %s\n", s, v.Scheme, v.Opaque, v.Host, v.Path, v.RawQuery, v)
	}
	for _, s := range []string{"http://a b.com/", "http://x.com/%zz", ":no-scheme", "http://[::1", "http://h:port/"} {
		_, err := url.Parse(s)
		fmt.Println(err)
	}
	_, err = url.ParseRequestURI("relative/path")
	fmt.Println(err)

	raw := "a b/c?d=e&f+g~h"
	fmt.Println(url.QueryEscape(raw), url.PathEscape(raw))
	un, err := url.QueryUnescape("a+b%2Fc%3F")
	up, err2 := url.PathUnescape("a+b%2Fc")
	fmt.Println(un, err, up, err2)
	_, err = url.QueryUnescape("%g1")
	fmt.Println(err)

	base, _ := url.Parse("http://example.com/dir/sub/page.html?x=1")
	for _, ref := range []string{"other.html", "../up.html", "/root", "?y=2", "#top", "//cdn.example.org/lib.js", "https://else.where/", "./", "../../../../too-far"} {
		r, _ := url.Parse(ref)
		fmt.Printf("%-26s -> %s\n", ref, base.ResolveReference(r))
	}
	j, err := url.JoinPath("https://api.example.com/v1/", "users", "../groups", "a b")
	fmt.Println(j, err)
	fmt.Println(base.JoinPath("x", "y"))
	vals, err := url.ParseQuery("a=1&b=2&a=3&c=%41&d")
	fmt.Println(vals, err, vals.Encode())
	_, err = url.ParseQuery("a=1;b=2")
	fmt.Println(err)
	fmt.Println(url.UserPassword("u", "p w").String(), url.User("only").String(), url.Values{"z": {"1"}, "a": {"2", "3"}}.Encode())
}
