package main

import (
	"errors"
	"net"
	"strings"
	"testing"
	"time"
)

func TestParseHead(t *testing.T) {
	for _, tc := range []struct {
		name, head string
		want       response
		err        string // "" for none; errIncomplete's text for more to read
	}{
		{"fiber's answer", "HTTP/1.1 200 OK\r\nServer: x\r\nDate: now\r\nContent-Type: application/json\r\nContent-Length: 57\r\n\r\n{", response{status: 200, bodyLen: 57}, ""},
		{"close, any case", "HTTP/1.1 503 Service Unavailable\r\ncontent-length: 0\r\nconnection: Close\r\n\r\n", response{status: 503, bodyLen: 0, closeAfter: true}, ""},
		{"HTTP/1.0, no reason", "HTTP/1.0 401\r\nContent-Length:3\r\n\r\n", response{status: 401, bodyLen: 3}, ""},
		{"not all there", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n", response{}, errIncomplete.Error()},
		{"chunked", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", response{}, "Transfer-Encoding"},
		{"no length", "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n", response{}, "no Content-Length"},
		{"bad length", "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", response{}, "not a length"},
		{"too long a body", "HTTP/1.1 200 OK\r\nContent-Length: 99999999\r\n\r\n", response{}, "over the limit"},
		{"not HTTP", "SSH-2.0-OpenSSH\r\n\r\n", response{}, "status line"},
		{"no code", "HTTP/1.1 abc\r\n\r\n", response{}, "status line"},
		{"header without colon", "HTTP/1.1 200 OK\r\nContent-Length 5\r\n\r\n", response{}, "no colon"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseHead([]byte(tc.head))
			if err == nil {
				tc.want.headerLen = strings.Index(tc.head, "\r\n\r\n") + 4
			}
			switch {
			case tc.err == "" && err != nil, tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
				t.Fatalf("error %v, want one with %q", err, tc.err)
			case got != tc.want:
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

// FuzzParseHead: any bytes give a head or an error, never a panic, and a
// head always fits what was read.
func FuzzParseHead(f *testing.F) {
	f.Add("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}")
	f.Add("HTTP/1.1 200\r\n:\r\n\r\n")
	f.Fuzz(func(t *testing.T, head string) {
		r, err := parseHead([]byte(head))
		if err == nil && (r.headerLen > len(head) || r.bodyLen < 0 || r.status < 100) {
			t.Errorf("parseHead(%q) = %+v", head, r)
		}
	})
}

// rawServer answers each request on a connection with the next of
// answers, then closes the connection; an empty answer is none at all
// (the connection stays open a second).
func rawServer(t *testing.T, answers ...string) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				buf := make([]byte, 4096)
				for _, a := range answers {
					if _, err := c.Read(buf); err != nil {
						return
					}
					if a == "" {
						time.Sleep(time.Second)
						return
					}
					c.Write([]byte(a))
				}
			}()
		}
	}()
	return ln.Addr().String()
}

// The raw transport: keep-alive, Connection: close and a closed
// connection mean a new one; a body that arrives in pieces is read whole;
// what it cannot read is an error of the right class.
func TestRawConn(t *testing.T) {
	if !rawTransport {
		t.Skip("no raw transport in this build")
	}
	ok := "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"
	for _, tc := range []struct {
		name     string
		answers  []string
		requests int
		want     []string // status, or the error's class
	}{
		{"keep-alive", []string{ok, ok, ok}, 3, []string{"200", "200", "200"}},
		{"close after", []string{strings.Replace(ok, "\r\n\r\n", "\r\nConnection: close\r\n\r\n", 1)}, 2, []string{"200", "200"}},
		{"server hangs up", []string{ok}, 3, []string{"200", "transport", "200"}},
		{"chunked", []string{"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"}, 1, []string{"transport"}},
		{"no answer", []string{""}, 1, []string{"timeout"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			addr, err := net.ResolveTCPAddr("tcp", rawServer(t, tc.answers...))
			if err != nil {
				t.Fatal(err)
			}
			c := newRawConn(addr, 300*time.Millisecond)
			defer c.close()
			var got []string
			for range tc.requests {
				status, body, err := c.roundTrip([]byte("POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n"))
				switch {
				case err != nil:
					got = append(got, errorClass(err))
				case string(body) != "{}":
					t.Errorf("body %q", body)
				default:
					got = append(got, statusName(status))
				}
			}
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
	var te interface{ Timeout() bool }
	if !errors.As(timeoutError{"read"}, &te) {
		t.Error("timeoutError is not a timeout")
	}
}
