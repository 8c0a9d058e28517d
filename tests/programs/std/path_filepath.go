// run

// path and path/filepath: Join, Clean, Base, Dir, Ext, Split, IsAbs, Match (and its
// ErrBadPattern), Rel, SplitList, ToSlash/FromSlash, VolumeName, IsLocal, Abs of an
// absolute path, and over a temporary directory: Glob, WalkDir (lexical order, SkipDir),
// Walk, EvalSymlinks; printed relative to that directory.
package main

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
)

func main() {
	for _, p := range []string{"", ".", "/", "a/b/c.txt", "/usr//local/../bin/", "a/./b/../../c", "../x", "dir/", "file.tar.gz", ".hidden", "/a/b/"} {
		dir, file := path.Split(p)
		fmt.Printf("%-20q clean=%q base=%q dir=%q ext=%q split=%q,%q abs=%v\n", p, path.Clean(p), path.Base(p), path.Dir(p), path.Ext(p), dir, file, path.IsAbs(p))
	}
	fmt.Println(path.Join("a", "b/", "/c", "", ".."), path.Join(), path.Join("", ""), path.Join("/", "x"))
	for _, pat := range [][2]string{{"*.go", "main.go"}, {"*.go", "dir/main.go"}, {"a?c", "abc"}, {"[a-c]x", "bx"}, {"[^a-c]x", "bx"}, {"\\*", "*"}, {"[", "x"}, {"a/*/c", "a/b/c"}} {
		ok, err := path.Match(pat[0], pat[1])
		fmt.Printf("Match(%q, %q) = %v %v\n", pat[0], pat[1], ok, err)
	}

	fmt.Println(filepath.Join("x", "y", "..", "z.txt"), filepath.Clean("//a/../b/./c/"), filepath.Base("/tmp/f.go"), filepath.Dir("/tmp/f.go"), filepath.Ext("f.tar.gz"))
	for _, pair := range [][2]string{{"/a/b", "/a/b/c/d"}, {"/a/b", "/a/x"}, {"a", "b"}, {"/a", "b"}, {".", "a/b"}} {
		rel, err := filepath.Rel(pair[0], pair[1])
		fmt.Printf("Rel(%q, %q) = %q %v\n", pair[0], pair[1], rel, err)
	}
	fmt.Printf("%q %q\n", filepath.SplitList("/bin:/usr/bin::/opt"), filepath.SplitList(""))
	fmt.Println(filepath.ToSlash("a/b"), filepath.FromSlash("a/b"), filepath.VolumeName("/x"), filepath.IsAbs("/x"), filepath.IsAbs("x"))
	for _, p := range []string{"a/b", "../a", "/abs", "", "a/../../b", "a/../b"} {
		fmt.Printf("IsLocal(%q)=%v ", p, filepath.IsLocal(p))
	}
	fmt.Println()
	abs, err := filepath.Abs("/already/abs/../x")
	fmt.Println(abs, err)
	d, f := filepath.Split("/home/user/file.txt")
	fmt.Println(d, f)

	tmp, err := os.MkdirTemp("", "mvm-filepath-")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(tmp)
	tmp, _ = filepath.EvalSymlinks(tmp)
	for _, p := range []string{"b/2.txt", "a/1.go", "a/2.go", "a/skipme/x.go", "c.txt", "b/sub/3.go"} {
		full := filepath.Join(tmp, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		os.WriteFile(full, []byte(p), 0o644)
	}
	os.Symlink(filepath.Join(tmp, "a"), filepath.Join(tmp, "link-to-a"))
	matches, err := filepath.Glob(filepath.Join(tmp, "*", "*.go"))
	for _, m := range matches {
		r, _ := filepath.Rel(tmp, m)
		fmt.Print(r, " ")
	}
	fmt.Println(err)
	_, err = filepath.Glob("[")
	fmt.Println(err)
	filepath.WalkDir(tmp, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		r, _ := filepath.Rel(tmp, p)
		if d.Name() == "skipme" {
			fmt.Println("skip", r)
			return filepath.SkipDir
		}
		fmt.Printf("walkdir %s dir=%v symlink=%v\n", r, d.IsDir(), d.Type()&fs.ModeSymlink != 0)
		return nil
	})
	count := 0
	filepath.Walk(tmp, func(p string, info fs.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			count++
		}
		if filepath.Base(p) == "b" {
			return filepath.SkipDir
		}
		return nil
	})
	fmt.Println("files outside b:", count)
	resolved, err := filepath.EvalSymlinks(filepath.Join(tmp, "link-to-a", "1.go"))
	r, _ := filepath.Rel(tmp, resolved)
	fmt.Println(r, err)
	_, err = filepath.EvalSymlinks(filepath.Join(tmp, "nope"))
	fmt.Println(err != nil)
}
