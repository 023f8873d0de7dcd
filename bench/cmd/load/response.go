package main

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
)

// response is what the raw transport needs of an HTTP/1.1 response head.
type response struct {
	status     int
	headerLen  int  // bytes up to and including the blank line
	bodyLen    int  // Content-Length
	closeAfter bool // Connection: close
}

// errIncomplete says the head has not arrived in full yet: read more.
var errIncomplete = errors.New("incomplete response head")

// parseHead reads the status line and the headers of a response from the
// start of buf. crosscheck answers every request with a Content-Length;
// a chunked or unsized answer is an error rather than a guess at where
// it ends.
func parseHead(buf []byte) (response, error) {
	end := bytes.Index(buf, []byte("\r\n\r\n"))
	if end < 0 {
		if len(buf) > maxHead {
			return response{}, fmt.Errorf("response head longer than %d bytes", maxHead)
		}
		return response{}, errIncomplete
	}
	r := response{headerLen: end + 4, bodyLen: -1}
	lines := bytes.Split(buf[:end], []byte("\r\n"))
	var err error
	if r.status, err = statusOf(lines[0]); err != nil {
		return response{}, err
	}
	for _, line := range lines[1:] {
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			return response{}, fmt.Errorf("response header line %q has no colon", line)
		}
		if err := r.header(string(bytes.TrimSpace(name)), bytes.TrimSpace(value)); err != nil {
			return response{}, err
		}
	}
	if r.bodyLen < 0 {
		return response{}, fmt.Errorf("response %d has no Content-Length", r.status)
	}
	return r, nil
}

// maxHead bounds a response head; crosscheck's are a few hundred bytes.
const maxHead = 16 << 10

func statusOf(line []byte) (int, error) {
	rest, ok := bytes.CutPrefix(line, []byte("HTTP/1.1 "))
	if !ok {
		rest, ok = bytes.CutPrefix(line, []byte("HTTP/1.0 "))
	}
	if !ok || len(rest) < 3 || (len(rest) > 3 && rest[3] != ' ') {
		return 0, fmt.Errorf("response status line %q: want HTTP/1.x and a code", line)
	}
	code, err := strconv.Atoi(string(rest[:3]))
	if err != nil || code < 100 {
		return 0, fmt.Errorf("response status line %q: no status code", line)
	}
	return code, nil
}

func (r *response) header(name string, value []byte) error {
	switch {
	case equalFold(name, "Content-Length"):
		n, err := strconv.Atoi(string(value))
		if err != nil || n < 0 {
			return fmt.Errorf("response Content-Length %q is not a length", value)
		}
		if n > maxResponseBody {
			return fmt.Errorf("response body of %d bytes is over the limit of %d", n, maxResponseBody)
		}
		r.bodyLen = n
	case equalFold(name, "Transfer-Encoding"):
		return fmt.Errorf("response with Transfer-Encoding %q: only sized bodies are read", value)
	case equalFold(name, "Connection"):
		r.closeAfter = equalFold(string(value), "close")
	}
	return nil
}

// maxResponseBody is the largest answer read, as for the fasthttp client.
const maxResponseBody = 4 << 20

func equalFold(a, b string) bool { return len(a) == len(b) && bytes.EqualFold([]byte(a), []byte(b)) }
