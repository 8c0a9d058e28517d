// run

// net on loopback: a TCP echo server on 127.0.0.1:0 served by goroutines, three clients
// in goroutines sending lines and reading the echoes (results sorted before printing),
// half-close with CloseWrite, a read deadline expiring (net.Error.Timeout), a refused
// connection, a UDP round trip, and address helpers (SplitHostPort, JoinHostPort,
// ParseIP, ParseCIDR, IP.Mask, netip).
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/netip"
	"os"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"
)

func serve(ln net.Listener) {
	for {
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		go func(c net.Conn) {
			defer c.Close()
			r := bufio.NewReader(c)
			for {
				line, err := r.ReadString('\n')
				if line != "" {
					fmt.Fprintf(c, "echo: %s", strings.ToUpper(line))
				}
				if err != nil {
					return
				}
			}
		}(conn)
	}
}

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("listen:", err)
		return
	}
	addr := ln.Addr().(*net.TCPAddr)
	fmt.Println("listening:", addr.IP, addr.Port > 0, ln.Addr().Network())
	go serve(ln)

	var wg sync.WaitGroup
	var mu sync.Mutex
	var results []string
	for id := 1; id <= 3; id++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			conn, err := net.Dial("tcp", ln.Addr().String())
			if err != nil {
				mu.Lock()
				results = append(results, fmt.Sprint("dial error: ", err))
				mu.Unlock()
				return
			}
			defer conn.Close()
			r := bufio.NewReader(conn)
			for i := 0; i < 3; i++ {
				fmt.Fprintf(conn, "client %d message %d\n", id, i)
				reply, err := r.ReadString('\n')
				mu.Lock()
				results = append(results, strings.TrimSpace(reply)+fmt.Sprint(" err=", err))
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	sort.Strings(results)
	for _, r := range results {
		fmt.Println(r)
	}

	conn, _ := net.Dial("tcp", ln.Addr().String())
	tc := conn.(*net.TCPConn)
	io.WriteString(tc, "no newline at the end")
	fmt.Println("CloseWrite:", tc.CloseWrite())
	all, err := io.ReadAll(tc)
	fmt.Printf("%q %v\n", all, err)
	fmt.Println("local is loopback:", tc.LocalAddr().(*net.TCPAddr).IP.IsLoopback(), tc.RemoteAddr().String() == ln.Addr().String())
	tc.Close()

	silent, _ := net.Listen("tcp", "127.0.0.1:0")
	go func() {
		c, err := silent.Accept()
		if err == nil {
			time.Sleep(500 * time.Millisecond)
			c.Close()
		}
	}()
	c2, _ := net.Dial("tcp", silent.Addr().String())
	c2.SetReadDeadline(time.Now().Add(30 * time.Millisecond))
	_, err = c2.Read(make([]byte, 10))
	var ne net.Error
	fmt.Println("deadline:", errors.As(err, &ne) && ne.Timeout(), errors.Is(err, os.ErrDeadlineExceeded))
	c2.Close()

	closedPort := ln.Addr().String()
	ln.Close()
	silent.Close()
	_, err = net.Dial("tcp", closedPort)
	fmt.Println("refused:", errors.Is(err, syscall.ECONNREFUSED))
	_, err = ln.Accept()
	fmt.Println("accept after close:", errors.Is(err, net.ErrClosed))

	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("udp:", err)
		return
	}
	go func() {
		buf := make([]byte, 100)
		n, from, err := pc.ReadFrom(buf)
		if err == nil {
			pc.WriteTo([]byte("udp pong: "+string(buf[:n])), from)
		}
	}()
	uc, _ := net.Dial("udp", pc.LocalAddr().String())
	uc.Write([]byte("ping"))
	buf := make([]byte, 100)
	uc.SetReadDeadline(time.Now().Add(5 * time.Second))
	n, err := uc.Read(buf)
	fmt.Printf("%q %v\n", buf[:n], err)
	uc.Close()
	pc.Close()

	host, port, err := net.SplitHostPort("[::1]:8080")
	fmt.Println(host, port, err, net.JoinHostPort("::1", "80"), net.JoinHostPort("example.com", "443"))
	_, _, err = net.SplitHostPort("missing-port")
	fmt.Println(err)
	ip := net.ParseIP("192.168.1.10")
	fmt.Println(ip, ip.To4() != nil, ip.IsPrivate(), net.ParseIP("::ffff:10.0.0.1"), net.ParseIP("bad") == nil, net.IPv4(8, 8, 8, 8).String())
	_, cidr, err := net.ParseCIDR("10.1.2.3/20")
	fmt.Println(cidr, err, cidr.Contains(net.ParseIP("10.1.15.255")), cidr.Contains(net.ParseIP("10.1.16.0")), ip.Mask(net.CIDRMask(24, 32)))
	a := netip.MustParseAddr("2001:db8::1")
	pfx := netip.MustParsePrefix("2001:db8::/32")
	ap := netip.AddrPortFrom(netip.MustParseAddr("127.0.0.1"), 9000)
	fmt.Println(a, a.Is6(), pfx.Contains(a), pfx.Masked(), ap, ap.Port(), a.Next(), netip.MustParseAddr("1.2.3.4").Is4())
}
