package api

import (
	"bytes"
	"io"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"

	"github.com/crosscheck/crosscheck/service"
)

// Request bodies are streamed (fiber.Config.StreamRequestBody): fasthttp
// reads at most 8 KiB before the handlers run and hands over the rest of
// the body as a stream. That lets list uploads go to disk as they arrive,
// but it also means fasthttp no longer refuses an oversized body itself:
// in streaming mode its MaxRequestBodySize only decides how much to read
// ahead. limitBodies therefore reads every other route's body here,
// within the largest check limit, before any handler (or authentication)
// runs; the routes' own smaller limits (limitBody) apply after it.
// Multipart bodies are not pre-parsed either (DisablePreParseMultipartForm):
// fasthttp would otherwise spool them to temporary files of any size.

// isUpload reports whether a request sends a list file or delta: PUT or
// PATCH /v1/lists/{id}.
func isUpload(method, uri []byte) bool {
	if !bytes.Equal(method, []byte(fasthttp.MethodPut)) && !bytes.Equal(method, []byte(fasthttp.MethodPatch)) {
		return false
	}
	path, _, _ := bytes.Cut(uri, []byte("?"))
	id, ok := bytes.CutPrefix(path, []byte("/v1/lists/"))
	return ok && len(id) > 0 && !bytes.Contains(id, []byte("/"))
}

// bodyLimit is the body limit of a request: UploadBodyLimit for list
// uploads, the largest check limit for everything else.
func (s *Server) bodyLimit(method, uri []byte) int {
	if isUpload(method, uri) && s.cfg.UploadBodyLimit > 0 {
		return s.cfg.UploadBodyLimit
	}
	return max(s.cfg.BodyLimit, s.cfg.BatchBodyLimit)
}

// uploadReadTimeouts gives uploads their own read timeout, decided from
// the request line alone: a large file over a slow link takes longer than
// a check.
func (s *Server) uploadReadTimeouts() {
	s.App.Server().HeaderReceived = func(h *fasthttp.RequestHeader) fasthttp.RequestConfig {
		if isUpload(h.Method(), h.RequestURI()) {
			return fasthttp.RequestConfig{ReadTimeout: s.uploadTimeout()}
		}
		return fasthttp.RequestConfig{}
	}
}

// limitBodies reads the body of every request but a list upload, up to
// the largest check limit, and refuses a larger one with 413 without
// reading it; a list upload's body is left to its handler. A request
// whose body may be left unread on the connection is answered with
// Connection: close, since the next request would start inside it.
func (s *Server) limitBodies(c *fiber.Ctx) error {
	h := &c.Request().Header
	if isUpload(h.Method(), h.RequestURI()) {
		err := c.Next()
		if err != nil || c.Response().StatusCode() >= fiber.StatusBadRequest {
			c.Response().SetConnectionClose()
		}
		if c.Response().StatusCode() == fiber.StatusRequestEntityTooLarge {
			drainRefused(c)
		}
		return err
	}
	if err := s.readBody(c, max(s.cfg.BodyLimit, s.cfg.BatchBodyLimit)); err != nil {
		c.Response().SetConnectionClose()
		drainRefused(c)
		return s.writeError(c, err)
	}
	return c.Next()
}

// Draining bounds: how much of a refused body is read and thrown away,
// and for how long.
const (
	drainBytes = 256 << 10
	drainTime  = 200 * time.Millisecond
)

// drainRefused reads a little more of a refused body, briefly, before
// the answer goes out and the connection closes: closing with unread
// data makes the kernel reset the connection, and a client still sending
// then sees "connection reset" instead of the 413.
func drainRefused(c *fiber.Ctx) {
	stream := c.Context().RequestBodyStream()
	if stream == nil {
		return
	}
	if err := c.Context().Conn().SetReadDeadline(time.Now().Add(drainTime)); err != nil {
		return
	}
	_, _ = io.CopyN(io.Discard, stream, drainBytes)
}

// readBody replaces the body stream by the body itself, read up to limit
// bytes.
func (s *Server) readBody(c *fiber.Ctx, limit int) error {
	tooLarge := service.Errorf(service.CodeTooLarge, "request body is over the limit of %d bytes", limit)
	if c.Request().Header.ContentLength() > limit {
		return tooLarge
	}
	stream := c.Context().RequestBodyStream()
	if stream == nil {
		return nil // no body, or not streamed
	}
	buf := bodyBuffers.Get().(*bytes.Buffer)
	defer bodyBuffers.Put(buf)
	buf.Reset()
	if _, err := buf.ReadFrom(io.LimitReader(stream, int64(limit)+1)); err != nil {
		return service.Wrap(service.CodeInvalid, err, "request body: cannot be read to its end (connection closed or too slow)")
	}
	if buf.Len() > limit {
		return tooLarge
	}
	c.Request().SetBody(buf.Bytes()) // copies into fasthttp's own buffer
	return nil
}

// bodyBuffers recycles the buffers request bodies are read through.
var bodyBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}
