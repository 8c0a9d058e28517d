// run

// io/fs over testing/fstest.MapFS and over os.DirFS of a temporary directory: ReadFile,
// ReadDir (sorted entries, IsDir, Type), Stat (name, size, mode), WalkDir (with SkipDir),
// Glob, Sub, ValidPath, FileInfoToDirEntry/FormatFileInfo-free output, opening missing
// files (fs.ErrNotExist, *PathError text) and invalid paths.
package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing/fstest"
)

func walk(fsys fs.FS, root string) {
	err := fs.WalkDir(fsys, root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "skip" {
			fmt.Println("  skip dir", path)
			return fs.SkipDir
		}
		info, _ := d.Info()
		fmt.Printf("  %s dir=%v size=%d mode=%v\n", path, d.IsDir(), sizeOf(info), d.Type())
		return nil
	})
	fmt.Println("  walk err:", err)
}

func sizeOf(fi fs.FileInfo) int64 {
	if fi.IsDir() {
		return 0
	}
	return fi.Size()
}

func main() {
	mfs := fstest.MapFS{
		"hello.txt":         {Data: []byte("hello, world\n"), Mode: 0o644},
		"dir/a.go":          {Data: []byte("package a\n")},
		"dir/b.go":          {Data: []byte("package b\n")},
		"dir/sub/c.txt":     {Data: []byte("ccc")},
		"dir/skip/hidden":   {Data: []byte("x")},
		"empty":             {Data: nil},
		"exec.sh":           {Data: []byte("#!/bin/sh\n"), Mode: 0o755},
	}
	data, err := fs.ReadFile(mfs, "hello.txt")
	fmt.Printf("%q %v\n", data, err)
	entries, err := fs.ReadDir(mfs, "dir")
	for _, e := range entries {
		fmt.Println(" ", e.Name(), e.IsDir(), e.Type().IsDir())
	}
	fi, err := fs.Stat(mfs, "exec.sh")
	fmt.Println(fi.Name(), fi.Size(), fi.Mode(), fi.IsDir(), err)
	fmt.Println("walk mapfs:")
	walk(mfs, ".")
	matches, err := fs.Glob(mfs, "dir/*.go")
	fmt.Println(matches, err)
	sub, _ := fs.Sub(mfs, "dir")
	data, _ = fs.ReadFile(sub, "sub/c.txt")
	fmt.Printf("sub: %q\n", data)
	_, err = mfs.Open("missing.txt")
	fmt.Println(err, errors.Is(err, fs.ErrNotExist))
	_, err = fs.ReadFile(mfs, "../escape")
	fmt.Println(err, errors.Is(err, fs.ErrInvalid))
	for _, p := range []string{"a/b", "/a", "a/../b", ".", "a/", ""} {
		fmt.Printf("%q:%v ", p, fs.ValidPath(p))
	}
	fmt.Println()
	f, _ := mfs.Open("hello.txt")
	part := make([]byte, 5)
	io.ReadFull(f, part)
	st, _ := f.Stat()
	fmt.Printf("%q %s %d %v\n", part, st.Name(), st.Size(), f.Close())
	fmt.Println("TestFS:", fstest.TestFS(mfs, "hello.txt", "dir/a.go"))

	dir, err := os.MkdirTemp("", "mvm-fs-")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	os.MkdirAll(filepath.Join(dir, "x", "y"), 0o755)
	os.WriteFile(filepath.Join(dir, "x", "one.txt"), []byte("1"), 0o644)
	os.WriteFile(filepath.Join(dir, "x", "y", "two.txt"), []byte("22"), 0o600)
	os.WriteFile(filepath.Join(dir, "top.md"), []byte("# top\n"), 0o644)
	dfs := os.DirFS(dir)
	fmt.Println("walk dirfs:")
	walk(dfs, ".")
	data, err = fs.ReadFile(dfs, "x/y/two.txt")
	fmt.Printf("%q %v\n", data, err)
	matches, _ = fs.Glob(dfs, "*/*.txt")
	fmt.Println(matches)
	_, err = fs.Stat(dfs, "nope")
	fmt.Println(errors.Is(err, fs.ErrNotExist))
}
