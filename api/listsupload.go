package api

import (
	"context"
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

// uploadMeta reads an upload's settings from the query; the file(s) come
// from the spooled body (see receive): the body is the file, or
// multipart/form-data carries one file per part for multi-file formats
// (ofac-csv: sdn, alt, add, comments).
func uploadMeta(c *fiber.Ctx, listID string) (service.Upload, error) {
	u := service.Upload{
		ListID: listID,
		Format: strings.Clone(c.Query("format")),
		Name:   strings.Clone(c.Query("name")),
		Kind:   strings.Clone(c.Query("kind")),
	}
	if u.Format == "" {
		return u, service.Errorf(service.CodeInvalid, "format: missing; want one of %v", loaders.Formats())
	}
	var err error
	u.Policy, err = policyFrom(c)
	return u, err
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
