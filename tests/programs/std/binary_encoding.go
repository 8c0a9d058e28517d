// run

// encoding/binary: ByteOrder (BigEndian, LittleEndian, NativeEndian-free) Put/Uint16/32/64,
// the Append* forms, Write/Read of fixed-size structs and slices with padding fields,
// Size, Uvarint/Varint encoding and decoding (with overflow and short-buffer results),
// AppendUvarint, ReadUvarint from a bytes.Reader, Encode/Decode, and the errors for
// non-fixed-size data.
package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
)

type Header struct {
	Magic   [4]byte
	Version uint16
	Flags   uint8
	_       uint8
	Length  int32
	Ratio   float32
	Offsets [3]uint16
	Signed  int64
}

func main() {
	b := make([]byte, 8)
	binary.BigEndian.PutUint32(b, 0xdeadbeef)
	binary.LittleEndian.PutUint16(b[4:], 0x1234)
	fmt.Printf("% x %#x %#x %#x\n", b, binary.BigEndian.Uint16(b), binary.LittleEndian.Uint32(b), binary.BigEndian.Uint64(b))
	binary.LittleEndian.PutUint64(b, math.Float64bits(1.5))
	fmt.Printf("% x %v %v\n", b, math.Float64frombits(binary.LittleEndian.Uint64(b)), binary.BigEndian.String())
	ab := binary.BigEndian.AppendUint16(nil, 0xabcd)
	ab = binary.LittleEndian.AppendUint32(ab, 1)
	ab = binary.BigEndian.AppendUint64(ab, 2)
	fmt.Printf("% x\n", ab)

	h := Header{Magic: [4]byte{'G', 'O', 'B', '1'}, Version: 2, Flags: 0x81, Length: -5, Ratio: 0.25, Offsets: [3]uint16{1, 256, 65535}, Signed: -1}
	var buf bytes.Buffer
	fmt.Println(binary.Write(&buf, binary.BigEndian, h), binary.Size(h), buf.Len())
	fmt.Printf("% x\n", buf.Bytes())
	var h2 Header
	fmt.Println(binary.Read(bytes.NewReader(buf.Bytes()), binary.BigEndian, &h2))
	fmt.Printf("%+v %v\n", h2, h == h2)
	buf.Reset()
	binary.Write(&buf, binary.LittleEndian, []int16{-1, 2, 300})
	binary.Write(&buf, binary.LittleEndian, true)
	binary.Write(&buf, binary.LittleEndian, uint8(9))
	fmt.Printf("% x\n", buf.Bytes())
	vals := make([]int16, 3)
	fmt.Println(binary.Read(&buf, binary.LittleEndian, vals), vals)
	var short uint64
	fmt.Println(binary.Read(bytes.NewReader([]byte{1, 2}), binary.BigEndian, &short))
	fmt.Println(binary.Read(bytes.NewReader(nil), binary.BigEndian, &short))

	enc, err := binary.Append(nil, binary.BigEndian, struct{ A, B uint16 }{1, 2})
	fmt.Printf("% x %v\n", enc, err)
	var dec struct{ A, B uint16 }
	n, err := binary.Decode(enc, binary.BigEndian, &dec)
	fmt.Println(n, err, dec)
	out := make([]byte, 2)
	_, err = binary.Encode(out, binary.BigEndian, uint32(1))
	fmt.Println(err)

	for _, u := range []uint64{0, 1, 127, 128, 300, 1 << 35, math.MaxUint64} {
		vb := make([]byte, binary.MaxVarintLen64)
		n := binary.PutUvarint(vb, u)
		got, m := binary.Uvarint(vb[:n])
		fmt.Printf("uvarint %d -> % x -> %d (%d)\n", u, vb[:n], got, m)
	}
	for _, s := range []int64{0, -1, 1, -64, 64, math.MinInt64} {
		vb := binary.AppendVarint(nil, s)
		got, m := binary.Varint(vb)
		fmt.Printf("varint %d -> % x -> %d (%d)\n", s, vb, got, m)
	}
	v, n2 := binary.Uvarint([]byte{0x80, 0x80})
	fmt.Println("short:", v, n2)
	v, n2 = binary.Uvarint([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f})
	fmt.Println("overflow:", v, n2)
	rd := bytes.NewReader(binary.AppendUvarint(binary.AppendUvarint(nil, 5), 1000))
	x1, e1 := binary.ReadUvarint(rd)
	x2, e2 := binary.ReadUvarint(rd)
	_, e3 := binary.ReadUvarint(rd)
	fmt.Println(x1, e1, x2, e2, e3)

	fmt.Println(binary.Write(&buf, binary.BigEndian, "a string"))
	fmt.Println(binary.Write(&buf, binary.BigEndian, []int{1}))
	fmt.Println(binary.Size(map[int]int{}), binary.Size([]uint32{1, 2}), binary.Size(struct{ A int }{}))
}
