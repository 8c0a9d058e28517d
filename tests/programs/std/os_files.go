// run

// The os package on files inside a fresh os.MkdirTemp directory: Create, Write,
// WriteString, Seek, ReadAt, Read to EOF, Truncate, Sync, Close (twice), OpenFile with
// O_APPEND/O_EXCL/O_CREATE, ReadFile/WriteFile, Stat/Lstat (size, mode, IsDir, name),
// Chmod, Rename, Remove, Mkdir/MkdirAll, ReadDir (sorted), Symlink/Readlink, Getwd/Chdir,
// CreateTemp name patterns, and the *PathError / *LinkError texts (with the temp
// directory's path replaced by $TMP).
package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

var tmp string

func clean(v any) string { return strings.ReplaceAll(fmt.Sprint(v), tmp, "$TMP") }

func main() {
	var err error
	tmp, err = os.MkdirTemp("", "mvm-os-")
	if err != nil {
		fmt.Println("MkdirTemp:", err)
		return
	}
	defer os.RemoveAll(tmp)
	fmt.Println(strings.HasPrefix(filepath.Base(tmp), "mvm-os-"))

	name := filepath.Join(tmp, "data.txt")
	f, err := os.Create(name)
	fmt.Println(err, clean(f.Name()))
	n, err := f.Write([]byte("hello\n"))
	fmt.Println(n, err)
	n, err = f.WriteString("world\n")
	fmt.Println(n, err)
	off, err := f.Seek(0, io.SeekStart)
	fmt.Println(off, err)
	buf := make([]byte, 4)
	n, err = f.Read(buf)
	fmt.Printf("%d %q %v\n", n, buf[:n], err)
	n, err = f.ReadAt(buf, 6)
	fmt.Printf("%d %q %v\n", n, buf[:n], err)
	rest, err := io.ReadAll(f)
	fmt.Printf("%q %v\n", rest, err)
	n, err = f.Read(buf)
	fmt.Println(n, err)
	fmt.Println(f.Truncate(5), f.Sync())
	fi, _ := f.Stat()
	fmt.Println(fi.Name(), fi.Size(), fi.Mode().IsRegular(), fi.IsDir())
	fmt.Println(f.Close(), clean(f.Close()), errors.Is(f.Close(), os.ErrClosed))

	af, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	fmt.Println(err)
	af.WriteString("+appended")
	af.Close()
	data, err := os.ReadFile(name)
	fmt.Printf("%q %v\n", data, err)
	_, err = os.OpenFile(name, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	fmt.Println(clean(err), errors.Is(err, fs.ErrExist), os.IsExist(err))

	fmt.Println(os.WriteFile(filepath.Join(tmp, "perm.txt"), []byte("x"), 0o600))
	st, _ := os.Stat(filepath.Join(tmp, "perm.txt"))
	fmt.Println(st.Mode(), st.Mode().Perm())
	os.Chmod(filepath.Join(tmp, "perm.txt"), 0o640)
	st, _ = os.Stat(filepath.Join(tmp, "perm.txt"))
	fmt.Println(st.Mode())

	fmt.Println(os.Mkdir(filepath.Join(tmp, "sub"), 0o755), os.MkdirAll(filepath.Join(tmp, "sub", "a", "b"), 0o755), os.MkdirAll(filepath.Join(tmp, "sub"), 0o755))
	err = os.Mkdir(filepath.Join(tmp, "sub"), 0o755)
	fmt.Println(clean(err), os.IsExist(err))
	os.Chmod(filepath.Join(tmp, "sub"), 0o750) // explicit: Mkdir's mode is filtered by the umask
	ds, _ := os.Stat(filepath.Join(tmp, "sub"))
	fmt.Println(ds.IsDir(), ds.Mode().IsDir(), ds.Mode()&fs.ModeDir != 0, ds.Mode().Perm())
	fmt.Println(os.Rename(filepath.Join(tmp, "perm.txt"), filepath.Join(tmp, "sub", "moved.txt")))
	fmt.Println(os.Symlink("data.txt", filepath.Join(tmp, "link")))
	target, err := os.Readlink(filepath.Join(tmp, "link"))
	fmt.Println(target, err)
	lst, _ := os.Lstat(filepath.Join(tmp, "link"))
	sst, _ := os.Stat(filepath.Join(tmp, "link"))
	fmt.Println(lst.Mode()&fs.ModeSymlink != 0, lst.Mode().Type() == fs.ModeSymlink, sst.Mode().IsRegular(), sst.Size())

	entries, err := os.ReadDir(tmp)
	for _, e := range entries {
		info, _ := e.Info()
		fmt.Printf("  %s dir=%v type=%v size>0=%v\n", e.Name(), e.IsDir(), e.Type(), info.Size() > 0)
	}

	tf, err := os.CreateTemp(tmp, "pre-*.log")
	base := filepath.Base(tf.Name())
	fmt.Println(err, strings.HasPrefix(base, "pre-"), strings.HasSuffix(base, ".log"), len(base) > len("pre-.log"))
	tf.Close()

	_, err = os.Open(filepath.Join(tmp, "missing"))
	var pe *fs.PathError
	fmt.Println(clean(err), errors.As(err, &pe), pe.Op, errors.Is(err, fs.ErrNotExist), os.IsNotExist(err))
	_, err = os.ReadFile(tmp)
	fmt.Println(clean(err))
	err = os.Rename(filepath.Join(tmp, "nope"), filepath.Join(tmp, "nope2"))
	var le *os.LinkError
	fmt.Println(clean(err), errors.As(err, &le))
	err = os.Remove(filepath.Join(tmp, "sub"))
	fmt.Println(clean(err))
	fmt.Println(os.Remove(name), clean(os.Remove(name)))

	wd, _ := os.Getwd()
	fmt.Println(os.Chdir(tmp))
	here, _ := os.Getwd()
	real, _ := filepath.EvalSymlinks(tmp)
	fmt.Println(here == tmp || here == real)
	rel, err := os.ReadFile("sub/moved.txt")
	fmt.Printf("%q %v\n", rel, err)
	os.Chdir(wd)
	fmt.Println(os.RemoveAll(filepath.Join(tmp, "sub")), os.RemoveAll(filepath.Join(tmp, "never-existed")))
	_, err = os.Stat(filepath.Join(tmp, "sub"))
	fmt.Println(os.IsNotExist(err))
}
