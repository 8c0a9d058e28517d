// run

// net/http with an httptest server on loopback: a ServeMux with method and wildcard
// patterns (GET /items/{id}, POST /echo, /files/{path...}), a JSON handler, headers and
// cookies, query parameters, redirects followed by the client (and not, with
// CheckRedirect), 404/405 answers, http.Error, a handler panic-free middleware, a request
// with a context deadline, Client.Do with custom headers, PostForm, and
// httptest.NewRecorder; printing status lines, bodies and chosen headers (never Date or
// the server's port).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"time"
)

func logging(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Middleware", "seen "+r.Method)
		next.ServeHTTP(w, r)
	})
}

func newMux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /hello", func(w http.ResponseWriter, r *http.Request) {
		name := r.URL.Query().Get("name")
		if name == "" {
			name = "world"
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintf(w, "hello, %s! ua=%q custom=%q\n", name, r.UserAgent(), r.Header.Get("X-Custom"))
	})
	mux.HandleFunc("GET /items/{id}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"id": r.PathValue("id"), "tags": []string{"a", "b"}})
	})
	mux.HandleFunc("/files/{path...}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "file %q", r.PathValue("path"))
	})
	mux.HandleFunc("POST /echo", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		w.Header().Set("X-Length", fmt.Sprint(len(body)))
		w.WriteHeader(http.StatusCreated)
		fmt.Fprintf(w, "%s %s %q ct=%q", r.Method, r.URL.Path, body, r.Header.Get("Content-Type"))
	})
	mux.HandleFunc("POST /form", func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		keys := make([]string, 0, len(r.PostForm))
		for k := range r.PostForm {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(w, "%s=%v;", k, r.PostForm[k])
		}
	})
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/hello?name=redirected", http.StatusFound)
	})
	mux.HandleFunc("/cookie", func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie("session")
		if errors.Is(err, http.ErrNoCookie) {
			http.SetCookie(w, &http.Cookie{Name: "session", Value: "abc123", Path: "/", HttpOnly: true})
			fmt.Fprint(w, "cookie set")
			return
		}
		fmt.Fprintf(w, "cookie %s=%s", c.Name, c.Value)
	})
	mux.HandleFunc("/fail", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "something broke", http.StatusInternalServerError)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
			fmt.Fprint(w, "too late")
		case <-r.Context().Done():
		}
	})
	return mux
}

func show(resp *http.Response, err error) {
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	fmt.Printf("%s %s | %s\n", resp.Proto, resp.Status, strings.TrimRight(string(body), "\n"))
	keys := []string{}
	for k := range resp.Header {
		if k != "Date" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("    %s: %s\n", k, strings.Join(resp.Header[k], ", "))
	}
}

func main() {
	srv := httptest.NewServer(logging(newMux()))
	defer srv.Close()
	fmt.Println("server on loopback:", strings.HasPrefix(srv.URL, "http://127.0.0.1:"))

	show(http.Get(srv.URL + "/hello"))
	show(http.Get(srv.URL + "/hello?name=Gopher%20Go"))
	show(http.Get(srv.URL + "/items/42"))
	show(http.Get(srv.URL + "/files/a/b/c.txt"))
	show(http.Post(srv.URL+"/echo", "text/plain", strings.NewReader("posted body")))
	show(http.PostForm(srv.URL+"/form", url.Values{"b": {"2"}, "a": {"1", "x y"}}))
	show(http.Get(srv.URL + "/nowhere"))
	show(http.Post(srv.URL+"/hello", "text/plain", nil))
	show(http.Get(srv.URL + "/fail"))
	show(http.Get(srv.URL + "/old"))

	noFollow := &http.Client{CheckRedirect: func(req *http.Request, via []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := noFollow.Get(srv.URL + "/old")
	if err == nil {
		fmt.Println(resp.StatusCode, resp.Header.Get("Location"))
		resp.Body.Close()
	}

	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/hello", nil)
	req.Header.Set("User-Agent", "golden-test/1.0")
	req.Header.Set("x-custom", "lower-case key")
	show(http.DefaultClient.Do(req))

	req, _ = http.NewRequest("GET", srv.URL+"/cookie", nil)
	resp, err = http.DefaultClient.Do(req)
	if err == nil {
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		cs := resp.Cookies()
		fmt.Println(string(body), len(cs), cs[0].Name, cs[0].Value, cs[0].HttpOnly)
		req2, _ := http.NewRequest("GET", srv.URL+"/cookie", nil)
		req2.AddCookie(cs[0])
		show(http.DefaultClient.Do(req2))
	}

	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	req, _ = http.NewRequestWithContext(ctx, "GET", srv.URL+"/slow", nil)
	_, err = http.DefaultClient.Do(req)
	fmt.Println("deadline:", errors.Is(err, context.DeadlineExceeded))

	rec := httptest.NewRecorder()
	newMux().ServeHTTP(rec, httptest.NewRequest("GET", "/items/7", nil))
	fmt.Printf("recorder: %d %q %q\n", rec.Code, rec.Header().Get("Content-Type"), rec.Body.String())
	rec = httptest.NewRecorder()
	newMux().ServeHTTP(rec, httptest.NewRequest("DELETE", "/hello", nil))
	fmt.Printf("recorder: %d %q allow=%q\n", rec.Code, strings.TrimSpace(rec.Body.String()), rec.Header().Get("Allow"))

	fmt.Println(http.StatusText(http.StatusTeapot), http.StatusText(599) == "", http.CanonicalHeaderKey("x-forwarded-for"))
	fmt.Println(http.DetectContentType([]byte("<html><body>")), http.DetectContentType([]byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}), http.DetectContentType([]byte("plain")))
	h := http.Header{}
	h.Add("accept", "a")
	h.Add("Accept", "b")
	fmt.Println(h.Values("ACCEPT"), h.Get("accept"), len(h))
	_, err = http.NewRequest("BAD METHOD", "http://x", nil)
	fmt.Println(err)
	_, err = http.Get("://bad-url")
	fmt.Println(err)
}
