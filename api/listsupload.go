package api

import (
	"bytes"
	"context"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/crosscheck/crosscheck/loaders"
	"github.com/crosscheck/crosscheck/matcher"
	"github.com/crosscheck/crosscheck/service"
)

// defaultUploadTimeout bounds reading and parsing one list upload when
// Config.UploadTimeout is not set.
const defaultUploadTimeout = 10 * time.Minute

func (s *Server) uploadTimeout() time.Duration {
	if s.cfg.UploadTimeout > 0 {
		return s.cfg.UploadTimeout
	}
	return defaultUploadTimeout
}

// uploadContext replaces the request deadline, made for checks, with the
// upload's: parsing a large list takes longer than a check may. The
// request's context values (request id, trace) stay. Call the returned
// function when the handler ends.
func (s *Server) uploadContext(c *fiber.Ctx) context.CancelFunc {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(c.UserContext()), s.uploadTimeout())
	c.SetUserContext(ctx)
	return cancel
}

// uploadFrom reads an upload's settings from the query and its file(s)
// from the body: the body is the file, or multipart/form-data carries
// one file per part for multi-file formats (ofac-csv: sdn, alt, add,
// comments). The body stays in the request buffer and is parsed before
// the handler returns, so it is not copied. Call the returned function
// when done with the upload.
func uploadFrom(c *fiber.Ctx, listID string) (service.Upload, func(), error) {
	u := service.Upload{
		ListID: listID,
		Format: strings.Clone(c.Query("format")),
		Name:   strings.Clone(c.Query("name")),
		Kind:   strings.Clone(c.Query("kind")),
	}
	none := func() {}
	if u.Format == "" {
		return u, none, service.Errorf(service.CodeInvalid, "format: missing; want one of %v", loaders.Formats())
	}
	var err error
	if u.Policy, err = policyFrom(c); err != nil {
		return u, none, err
	}
	if !strings.HasPrefix(c.Get(fiber.HeaderContentType), fiber.MIMEMultipartForm) {
		u.Body = bodyReader(c)
		return u, none, nil
	}
	parts, closeParts, err := partsFrom(c)
	u.Parts = parts
	return u, closeParts, err
}

func bodyReader(c *fiber.Ctx) io.Reader { return bytes.NewReader(c.Body()) }

// partsFrom opens every file of a multipart upload by its form field
// name. Large parts sit in temporary files fasthttp removes after the
// request; the returned function closes them.
func partsFrom(c *fiber.Ctx) (map[string]io.Reader, func(), error) {
	parts, files := map[string]io.Reader{}, []io.Closer{}
	closeAll := func() {
		for _, f := range files {
			f.Close()
		}
	}
	form, err := c.MultipartForm()
	if err != nil {
		return nil, closeAll, service.Wrap(service.CodeInvalid, err, "multipart body: cannot be read; send one file per part")
	}
	for name, fhs := range form.File {
		if len(fhs) != 1 {
			return nil, closeAll, service.Errorf(service.CodeInvalid, "multipart part %q: %d files; send exactly one", name, len(fhs))
		}
		f, err := fhs[0].Open()
		if err != nil {
			return nil, closeAll, service.Wrap(service.CodeInternal, err, "multipart part "+name+" cannot be opened")
		}
		files = append(files, f)
		parts[strings.Clone(name)] = f
	}
	if len(parts) == 0 {
		return nil, closeAll, service.Errorf(service.CodeInvalid, "multipart body: no file parts")
	}
	return parts, closeAll, nil
}

// policyFrom reads review and hit; one without the other keeps the
// default for the other.
func policyFrom(c *fiber.Ctx) (*matcher.Policy, error) {
	review, hit := c.Query("review"), c.Query("hit")
	if review == "" && hit == "" {
		return nil, nil
	}
	p := matcher.DefaultPolicy()
	for _, q := range []struct {
		name, value string
		dst         *float64
	}{{"review", review, &p.Review}, {"hit", hit, &p.Hit}} {
		if q.value == "" {
			continue
		}
		f, err := strconv.ParseFloat(q.value, 64)
		if err != nil {
			return nil, service.Errorf(service.CodeInvalid, "%s: %q is not a number between 0 and 1", q.name, q.value)
		}
		*q.dst = f
	}
	return &p, nil
}
