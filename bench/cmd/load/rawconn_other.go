//go:build !linux

package main

import (
	"errors"
	"net"
	"time"
)

// Without Linux's raw syscalls every target goes through fasthttp
// (rawTransport is false, so no rawConn is ever used).
type rawConn struct{}

func newRawConn(*net.TCPAddr, time.Duration) *rawConn { return &rawConn{} }

func (*rawConn) roundTrip([]byte) (int, []byte, error) {
	return 0, nil, errors.New("the raw transport is for Linux only")
}

func (*rawConn) close() {}

const rawTransport = false
