//go:build linux

package main

import (
	"errors"
	"fmt"
	"net"
	"syscall"
	"time"
	"unsafe"
)

// rawConn is one keep-alive HTTP/1.1 connection on a blocking socket,
// written and read with raw write(2) and read(2), outside Go's network
// poller. The generator shares two cores with the service it measures,
// and through the poller (fasthttp or net/http) each request cost about
// 70 µs of its CPU, two thirds of it in the runtime: parking on epoll,
// futex wake-ups of idle threads and the system monitor woken on every
// syscall. A thread blocked in read(2) costs none of that: about 25 µs a
// request, most of it the kernel's loopback TCP (measured side by side
// against the same service). syscall.Read costs twice that, because
// entering a syscall through the runtime wakes the monitor.
//
// A raw syscall keeps its goroutine's P while it blocks, so run gives the
// process a P per worker and two more (the progress line, spare). The
// worker path allocates next to nothing, so the collector, which has to
// wait for blocked workers to come back, seldom runs. Only plain http://
// targets on Linux go this way, with -transport raw: each worker is then
// a thread of its own for the kernel to schedule, and on a loaded host
// the latency tail came out longer than through fasthttp (see main).
type rawConn struct {
	addr    *net.TCPAddr
	timeout time.Duration
	fd      int // -1 when not connected
	buf     []byte
}

func newRawConn(addr *net.TCPAddr, timeout time.Duration) *rawConn {
	return &rawConn{addr: addr, timeout: timeout, fd: -1, buf: make([]byte, 64<<10)}
}

// roundTrip sends req (a whole HTTP request) and returns the status and
// body of the answer; the body is valid until the next call. Any error
// closes the connection, and the next call opens a new one.
func (c *rawConn) roundTrip(req []byte) (int, []byte, error) {
	status, body, err := c.exchange(req)
	if err != nil {
		c.close()
	}
	return status, body, err
}

func (c *rawConn) exchange(req []byte) (int, []byte, error) {
	if c.fd < 0 {
		if err := c.dial(); err != nil {
			return 0, nil, err
		}
	}
	deadline := time.Now().Add(c.timeout)
	if err := c.writeAll(req, deadline); err != nil {
		return 0, nil, err
	}
	head, got, err := c.readHead(deadline)
	if err != nil {
		return 0, nil, err
	}
	end := head.headerLen + head.bodyLen
	if end > len(c.buf) {
		c.buf = append(c.buf[:got], make([]byte, end-got)...)
	}
	if err := c.readAtLeast(got, end, deadline); err != nil {
		return 0, nil, err
	}
	if head.closeAfter {
		c.close()
	}
	return head.status, c.buf[head.headerLen:end], nil
}

func (c *rawConn) readHead(deadline time.Time) (response, int, error) {
	got := 0
	for {
		n, err := c.read(c.buf[got:], deadline)
		if err != nil {
			return response{}, 0, err
		}
		got += n
		head, err := parseHead(c.buf[:got])
		if !errors.Is(err, errIncomplete) {
			return head, got, err
		}
		if got == len(c.buf) {
			c.buf = append(c.buf, make([]byte, len(c.buf))...)
		}
	}
}

// readAtLeast reads until buf holds end bytes; it holds got.
func (c *rawConn) readAtLeast(got, end int, deadline time.Time) error {
	for got < end {
		n, err := c.read(c.buf[got:end], deadline)
		if err != nil {
			return err
		}
		got += n
	}
	return nil
}

func (c *rawConn) read(p []byte, deadline time.Time) (int, error) {
	for {
		n, _, errno := syscall.RawSyscall(syscall.SYS_READ, uintptr(c.fd), uintptr(unsafe.Pointer(unsafe.SliceData(p))), uintptr(len(p)))
		switch {
		case errno == 0 && n == 0:
			return 0, errors.New("connection closed by the service")
		case errno == 0:
			return int(n), nil
		case !retry(errno, deadline):
			return 0, syscallError("read", errno)
		}
	}
}

func (c *rawConn) writeAll(p []byte, deadline time.Time) error {
	for len(p) > 0 {
		n, _, errno := syscall.RawSyscall(syscall.SYS_WRITE, uintptr(c.fd), uintptr(unsafe.Pointer(unsafe.SliceData(p))), uintptr(len(p)))
		if errno != 0 {
			if retry(errno, deadline) {
				continue
			}
			return syscallError("write", errno)
		}
		p = p[n:]
	}
	return nil
}

// retry says whether a syscall that failed with errno should be tried
// again: it was interrupted (the runtime's preemption signal interrupts
// a read with a receive timeout) or the socket's timeout ran out before
// the request's deadline did.
func retry(errno syscall.Errno, deadline time.Time) bool {
	switch errno {
	case syscall.EINTR, syscall.EAGAIN:
		return time.Now().Before(deadline)
	}
	return false
}

// timeoutError is a request that outlived -timeout; errorClass counts it
// as a timeout.
type timeoutError struct{ op string }

func (e timeoutError) Error() string { return e.op + ": timed out" }
func (e timeoutError) Timeout() bool { return true }

func syscallError(op string, errno syscall.Errno) error {
	if errno == syscall.EAGAIN || errno == syscall.EINTR {
		return timeoutError{op}
	}
	return fmt.Errorf("%s: %w", op, errno)
}

// dial opens a blocking socket to the service with TCP_NODELAY (as Go's
// own connections have) and send and receive timeouts of a request's.
func (c *rawConn) dial() error {
	family, sa := syscall.AF_INET, syscall.Sockaddr(nil)
	if ip4 := c.addr.IP.To4(); ip4 != nil {
		sa = &syscall.SockaddrInet4{Port: c.addr.Port, Addr: [4]byte(ip4)}
	} else {
		family, sa = syscall.AF_INET6, &syscall.SockaddrInet6{Port: c.addr.Port, Addr: [16]byte(c.addr.IP.To16())}
	}
	fd, err := syscall.Socket(family, syscall.SOCK_STREAM|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		return fmt.Errorf("socket: %w", err)
	}
	tv := syscall.NsecToTimeval(c.timeout.Nanoseconds())
	for _, opt := range []func() error{
		func() error { return syscall.SetsockoptInt(fd, syscall.IPPROTO_TCP, syscall.TCP_NODELAY, 1) },
		func() error { return syscall.SetsockoptTimeval(fd, syscall.SOL_SOCKET, syscall.SO_RCVTIMEO, &tv) },
		func() error { return syscall.SetsockoptTimeval(fd, syscall.SOL_SOCKET, syscall.SO_SNDTIMEO, &tv) },
		func() error { return syscall.Connect(fd, sa) },
	} {
		if err := opt(); err != nil {
			syscall.Close(fd)
			return fmt.Errorf("connect to %s: %w", c.addr, err)
		}
	}
	c.fd = fd
	return nil
}

func (c *rawConn) close() {
	if c.fd >= 0 {
		syscall.Close(c.fd)
		c.fd = -1
	}
}

// rawTransport says whether this build has the raw transport.
const rawTransport = true
