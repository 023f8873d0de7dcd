package api

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"os"
	"path/filepath"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/crosscheck/crosscheck/service"
)

// Uploads are not buffered in memory: the handler streams the request
// body to spool files in Config.SpoolDir while it counts and hashes it,
// and the service parses the files. The upload limit is enforced while
// streaming, so no body-size limit of the HTTP layer caps a list, and a
// refused upload leaves nothing behind.

// spoolPattern names spool files, so that a restart can remove the ones a
// crash left.
const spoolPattern = "upload-*"

// spool is one received upload on disk: the body as one file, or one file
// per part of a multipart/form-data body.
type spool struct {
	dir    string
	body   *os.File            // nil for multipart
	parts  map[string]*os.File // part name → file
	sizes  map[*os.File]int64
	size   int64  // bytes of the body as received
	sha256 string // of the body as received, hex
}

// reader returns a fresh reader over a spooled file, from its start.
func (sp *spool) reader(f *os.File) io.Reader { return io.NewSectionReader(f, 0, sp.sizes[f]) }

// into sets the upload's Body or Parts to the spooled files.
func (sp *spool) into(u *service.Upload) {
	if sp.body != nil {
		u.Body = sp.reader(sp.body)
		return
	}
	u.Parts = make(map[string]io.Reader, len(sp.parts))
	for name, f := range sp.parts {
		u.Parts[name] = sp.reader(f)
	}
}

// remove closes and deletes every spooled file; it may be called on a
// partly filled spool.
func (sp *spool) remove() {
	for f := range sp.sizes {
		f.Close()
		os.Remove(f.Name())
	}
}

// spoolDir is where uploads are spooled: Config.SpoolDir, else the
// system's temporary directory.
func (s *Server) spoolDir() string {
	if s.cfg.SpoolDir != "" {
		return s.cfg.SpoolDir
	}
	return os.TempDir()
}

// receive streams the request body to spool files, refusing it as soon
// as it is over the upload limit. On error nothing is left on disk.
func (s *Server) receive(c *fiber.Ctx) (*spool, error) {
	limit := int64(s.cfg.UploadBodyLimit)
	if n := c.Request().Header.ContentLength(); limit > 0 && int64(n) > limit {
		return nil, tooLargeUpload(int64(n), limit)
	}
	if err := os.MkdirAll(s.spoolDir(), 0o700); err != nil {
		return nil, service.Wrap(service.CodeUnavailable, err, "the upload cannot be spooled to disk on this replica; retry later")
	}
	raw := &limitedReader{r: bodyStream(c), limit: limit}
	body, err := decoded(c, raw)
	if err != nil {
		return nil, err
	}
	h := sha256.New()
	counted := &limitedReader{r: body, limit: limit}
	sp := &spool{dir: s.spoolDir(), sizes: map[*os.File]int64{}}
	if boundary := string(c.Request().Header.MultipartFormBoundary()); boundary != "" {
		err = sp.fillParts(multipart.NewReader(io.TeeReader(counted, h), boundary))
	} else {
		sp.body, err = sp.fill(io.TeeReader(counted, h))
	}
	if err != nil {
		sp.remove()
		return nil, receiveError(err, raw, counted)
	}
	sp.size, sp.sha256 = counted.n, hex.EncodeToString(h.Sum(nil))
	return sp, nil
}

// decoded undoes the body's Content-Encoding: a list compresses well,
// and gzip is what curl and proxies send.
func decoded(c *fiber.Ctx, r io.Reader) (io.Reader, error) {
	switch enc := strings.ToLower(strings.TrimSpace(string(c.Request().Header.ContentEncoding()))); enc {
	case "", "identity":
		return r, nil
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, service.Wrap(service.CodeInvalid, err, "Content-Encoding gzip: the body does not start as gzip data")
		}
		return zr, nil
	default:
		return nil, service.Errorf(service.CodeInvalid, "Content-Encoding %q: uploads take gzip or none", enc)
	}
}

// bodyStream is the request body as a stream: the connection itself when
// the server streams request bodies, else the buffered body.
func bodyStream(c *fiber.Ctx) io.Reader {
	if r := c.Context().RequestBodyStream(); r != nil {
		return r
	}
	return bytes.NewReader(c.Body())
}

// fill copies r into a new spool file.
func (sp *spool) fill(r io.Reader) (*os.File, error) {
	f, err := os.CreateTemp(sp.dir, spoolPattern)
	if err != nil {
		return nil, &spoolError{err}
	}
	sp.sizes[f] = 0
	n, err := io.Copy(f, r)
	sp.sizes[f] = n
	var werr *os.PathError
	if errors.As(err, &werr) {
		err = &spoolError{err}
	}
	return f, err
}

// fillParts spools every file part of a multipart body by its form field
// name; value fields carry nothing a loader reads and are skipped.
func (sp *spool) fillParts(mr *multipart.Reader) error {
	sp.parts = map[string]*os.File{}
	for {
		p, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return &multipartError{err}
		}
		name := p.FormName()
		if p.FileName() == "" {
			if _, err := io.Copy(io.Discard, p); err != nil {
				return &multipartError{err}
			}
			continue
		}
		if sp.parts[name] != nil {
			return service.Errorf(service.CodeInvalid, "multipart part %q: sent twice; send exactly one file per part", name)
		}
		if sp.parts[name], err = sp.fill(p); err != nil {
			return err
		}
	}
	if len(sp.parts) == 0 {
		return service.Errorf(service.CodeInvalid, "multipart body: no file parts")
	}
	return nil
}

// limitedReader counts what it reads and fails once more than limit
// bytes came (limit 0: no limit).
type limitedReader struct {
	r        io.Reader
	limit, n int64
	over     bool
}

func (l *limitedReader) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	l.n += int64(n)
	if l.limit > 0 && l.n > l.limit {
		l.over = true
		return n, errTooLarge
	}
	return n, err
}

var errTooLarge = errors.New("upload over the limit")

// spoolError is a failure of the local disk, not of the client.
type spoolError struct{ err error }

func (e *spoolError) Error() string { return "spool: " + e.err.Error() }
func (e *spoolError) Unwrap() error { return e.err }

// multipartError is a body that is not the multipart it claims to be.
type multipartError struct{ err error }

func (e *multipartError) Error() string { return "multipart: " + e.err.Error() }
func (e *multipartError) Unwrap() error { return e.err }

// receiveError says why an upload could not be received, in the
// client's terms; raw counts the body as sent, counted as decoded.
func receiveError(err error, raw, counted *limitedReader) error {
	var se *spoolError
	var me *multipartError
	switch {
	case raw.over || counted.over:
		return tooLargeUpload(max(raw.n, counted.n), counted.limit)
	case errors.As(err, &se):
		return service.Wrap(service.CodeUnavailable, err, "the upload cannot be spooled to disk on this replica; nothing was changed, retry later")
	case service.ErrorCode(err) == service.CodeInvalid:
		return err
	case errors.As(err, &me):
		return service.Wrap(service.CodeInvalid, err, "multipart body: cannot be read after "+fmt.Sprint(counted.n)+" bytes; send one file per part")
	}
	return service.Wrap(service.CodeInvalid, err, fmt.Sprintf("the upload body could not be read after %d bytes (connection closed, too slow, or a broken Content-Encoding); nothing was changed", raw.n))
}

func tooLargeUpload(n, limit int64) error {
	return service.Errorf(service.CodeTooLarge, "the upload is over the limit of %d bytes (--upload-limit) at %d bytes; nothing was changed", limit, n)
}

// removeStaleSpool deletes spool files a previous run left behind (a
// crash, a kill): no job of this process refers to them.
func removeStaleSpool(dir string) int {
	files, _ := filepath.Glob(filepath.Join(dir, spoolPattern))
	for _, f := range files {
		os.Remove(f)
	}
	return len(files)
}
