package api

import (
	"bytes"

	"github.com/valyala/fasthttp"
)

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

// limitBodies makes fasthttp enforce each route's body limit while it
// reads the request, from the request line alone: the app-wide limit has
// to admit list uploads, and without this every route, unauthenticated
// ones too, would buffer up to that much before limitBody could refuse
// it. Uploads also get their own read timeout: a large file over a slow
// link takes longer than a check.
//
// Uploads are buffered whole in memory (or, for multipart parts over
// 16 MiB, in temporary files) before the handler parses them; Fiber's
// StreamRequestBody would avoid the buffer but turns the body limit into
// a streaming threshold for every route, so it is not used.
func (s *Server) limitBodies() {
	s.App.Server().HeaderReceived = func(h *fasthttp.RequestHeader) fasthttp.RequestConfig {
		conf := fasthttp.RequestConfig{MaxRequestBodySize: s.bodyLimit(h.Method(), h.RequestURI())}
		if isUpload(h.Method(), h.RequestURI()) {
			conf.ReadTimeout = s.uploadTimeout()
		}
		return conf
	}
}
