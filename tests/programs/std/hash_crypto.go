// run

// Checksums and digests of fixed inputs: hash/crc32 (IEEE and Castagnoli tables,
// Update, the streaming hash), hash/fnv (32/32a/64/64a/128a), hash/adler32, crypto/sha256
// (Sum256, New with several writes, Sum appending, Size/BlockSize, a 1 MB input),
// crypto/sha1, crypto/sha512, crypto/md5, crypto/hmac (Equal too), and hash
// marshalling-free checks; then crypto/rand (only lengths and the absence of errors),
// including rand.Int below a bound and rand.Text.
package main

import (
	"bytes"
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"fmt"
	"hash"
	"hash/adler32"
	"hash/crc32"
	"hash/fnv"
	"io"
	"math/big"
	"strings"
)

func main() {
	inputs := []string{"", "a", "hello world", "The quick brown fox jumps over the lazy dog"}
	castagnoli := crc32.MakeTable(crc32.Castagnoli)
	for _, s := range inputs {
		b := []byte(s)
		fmt.Printf("%q crc32=%08x castagnoli=%08x adler32=%08x\n", s, crc32.ChecksumIEEE(b), crc32.Checksum(b, castagnoli), adler32.Checksum(b))
		fmt.Printf("  md5=%x\n  sha1=%x\n  sha256=%x\n  sha512=%x\n", md5.Sum(b), sha1.Sum(b), sha256.Sum256(b), sha512.Sum512(b))
		for _, h := range []hash.Hash{fnv.New32(), fnv.New32a(), fnv.New64(), fnv.New64a(), fnv.New128a()} {
			h.Write(b)
			fmt.Printf("  fnv%d=%x", h.Size()*8, h.Sum(nil))
		}
		fmt.Println()
	}
	crc := crc32.Update(0, crc32.IEEETable, []byte("hello "))
	crc = crc32.Update(crc, crc32.IEEETable, []byte("world"))
	fmt.Printf("%08x\n", crc)
	h32 := crc32.NewIEEE()
	io.WriteString(h32, "hello world")
	fmt.Printf("%08x %d\n", h32.Sum32(), h32.Size())
	f := fnv.New64a()
	f.Write([]byte("abc"))
	fmt.Println(f.Sum64())

	h := sha256.New()
	for i := 0; i < 3; i++ {
		fmt.Fprintf(h, "chunk %d;", i)
	}
	prefix := []byte("sum:")
	fmt.Printf("%s%x %d %d\n", prefix, h.Sum(prefix)[len(prefix):], h.Size(), h.BlockSize())
	h.Reset()
	h.Write([]byte("chunk 0;chunk 1;chunk 2;"))
	fmt.Printf("%x\n", h.Sum(nil))
	big1 := bytes.Repeat([]byte("0123456789abcdef"), 1<<16)
	fmt.Printf("1MB sha256=%x md5=%x crc32=%08x\n", sha256.Sum256(big1), md5.Sum(big1), crc32.ChecksumIEEE(big1))
	fmt.Printf("sha224=%x\nsha384=%x\n", sha256.Sum224([]byte("abc")), sha512.Sum384([]byte("abc")))

	mac := hmac.New(sha256.New, []byte("secret key"))
	mac.Write([]byte("message"))
	sum := mac.Sum(nil)
	fmt.Printf("hmac=%x\n", sum)
	mac2 := hmac.New(sha256.New, []byte("secret key"))
	mac2.Write([]byte("message"))
	fmt.Println(hmac.Equal(sum, mac2.Sum(nil)), hmac.Equal(sum, sum[:10]))

	buf := make([]byte, 32)
	n, err := rand.Read(buf)
	fmt.Println("rand.Read:", n, err, !bytes.Equal(buf, make([]byte, 32)))
	n2, err := io.ReadFull(rand.Reader, make([]byte, 1000))
	fmt.Println("rand.Reader:", n2, err)
	ok := true
	for i := 0; i < 100; i++ {
		v, err := rand.Int(rand.Reader, big.NewInt(1000))
		if err != nil || v.Sign() < 0 || v.Cmp(big.NewInt(1000)) >= 0 {
			ok = false
		}
	}
	fmt.Println("rand.Int in range:", ok)
	p, err := rand.Prime(rand.Reader, 64)
	fmt.Println("rand.Prime:", p.BitLen(), p.ProbablyPrime(10), err)
	t := rand.Text()
	fmt.Println("rand.Text:", len(t), strings.Trim(t, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") == "")
}
