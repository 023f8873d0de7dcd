package api

import (
	"bufio"
	"context"
	"io"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/audit"
)

// AuditLog is the audit trail as the API needs it.
type AuditLog interface {
	Append(ctx context.Context, rec audit.Record) error
	Get(ctx context.Context, checkID string) (audit.Record, error)
	Query(ctx context.Context, f audit.Filter, cursor string, limit int) ([]audit.Record, string, error)
	Export(ctx context.Context, w io.Writer, format string, f audit.Filter) (int, error)
	Verify(ctx context.Context) (audit.Report, error)
	Purge(ctx context.Context, before time.Time) (int, error)
}

// getAuditRecord answers GET /v1/audit/checks/{check_id}.
func (s *Server) getAuditRecord(c *fiber.Ctx) error {
	id := c.Params("id")
	if err := s.auditQuery(c, "audit.get", id); err != nil {
		return s.writeError(c, err)
	}
	rec, err := s.deps.Audit.Get(c.UserContext(), id)
	if err != nil {
		return s.writeError(c, err)
	}
	return c.JSON(rec)
}

// queryAudit answers GET /v1/audit/checks: one page as JSON, or every
// matching record streamed as JSON lines or CSV (format=jsonl|csv).
func (s *Server) queryAudit(c *fiber.Ctx) error {
	f, err := auditFilter(c)
	if err != nil {
		return s.writeError(c, err)
	}
	if err := s.auditQuery(c, "audit.query", string(c.Request().URI().QueryString())); err != nil {
		return s.writeError(c, err)
	}
	switch format := c.Query("format", "json"); format {
	case audit.FormatJSONLines, audit.FormatCSV:
		return s.exportAudit(c, f, format)
	case "json":
	default:
		return s.writeError(c, service.Errorf(service.CodeInvalid, "format: %q is not json, jsonl or csv", format))
	}
	limit, err := queryInt(c, "limit", 100)
	if err != nil {
		return s.writeError(c, err)
	}
	recs, next, err := s.deps.Audit.Query(c.UserContext(), f, c.Query("cursor"), limit)
	if err != nil {
		return s.writeError(c, err)
	}
	body := fiber.Map{"records": recs}
	if next != "" {
		body["next_cursor"] = next
	}
	return c.JSON(body)
}

// exportAudit streams every matching record; the writer runs after the
// handler returns, so it owns its context.
func (s *Server) exportAudit(c *fiber.Ctx, f audit.Filter, format string) error {
	if format == audit.FormatCSV {
		c.Set(fiber.HeaderContentType, "text/csv")
	} else {
		c.Set(fiber.HeaderContentType, mimeNDJSON)
	}
	c.Context().SetBodyStreamWriter(func(w *bufio.Writer) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		defer cancel()
		if _, err := s.deps.Audit.Export(ctx, w, format, f); err != nil {
			s.deps.Log.Error("audit export ended early", "err", err)
		}
		_ = w.Flush()
	})
	return nil
}

// verifyAudit answers GET /v1/audit/verify.
func (s *Server) verifyAudit(c *fiber.Ctx) error {
	if err := s.auditQuery(c, "audit.verify", ""); err != nil {
		return s.writeError(c, err)
	}
	rep, err := s.deps.Audit.Verify(c.UserContext())
	if err != nil {
		return s.writeError(c, err)
	}
	return c.JSON(rep)
}

func auditFilter(c *fiber.Ctx) (audit.Filter, error) {
	f := audit.Filter{
		Kind: audit.Kind(c.Query("kind")), Decision: c.Query("decision"), ListID: c.Query("list_id"),
		EntryID: c.Query("entry_id"), Checkpoint: c.Query("checkpoint"), Operator: c.Query("operator"),
		Token: c.Query("token"), Q: c.Query("q"),
	}
	var err error
	if f.From, err = queryTime(c, "from"); err != nil {
		return f, err
	}
	f.To, err = queryTime(c, "to")
	return f, err
}

func queryTime(c *fiber.Ctx, name string) (time.Time, error) {
	v := c.Query(name)
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return t, service.Errorf(service.CodeInvalid, "%s: %q is not an RFC 3339 time such as 2026-11-25T08:00:00Z", name, v)
	}
	return t, nil
}

func queryInt(c *fiber.Ctx, name string, def int) (int, error) {
	v := c.Query(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		return 0, service.Errorf(service.CodeInvalid, "%s: %q is not a positive whole number", name, v)
	}
	return n, nil
}

// purgeAudit answers DELETE /v1/audit/checks?before=<RFC 3339>: records
// older than that go (retention); the purge itself is recorded first.
func (s *Server) purgeAudit(c *fiber.Ctx) error {
	before, err := queryTime(c, "before")
	if err == nil && before.IsZero() {
		err = service.Errorf(service.CodeInvalid, "before: required, an RFC 3339 time; records older than it are purged")
	}
	if err != nil {
		return s.writeError(c, err)
	}
	n, err := s.deps.Audit.Purge(c.UserContext(), before)
	s.auditAdmin(c, "audit.purge", before.UTC().Format(time.RFC3339), err)
	if err != nil {
		return s.writeError(c, err)
	}
	return c.JSON(fiber.Map{"purged": n, "before": before.UTC()})
}
