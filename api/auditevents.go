package api

import (
	"github.com/gofiber/fiber/v2"

	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/audit"
)

// auditQuery records an auditor's own query before it runs: reading the
// trail is itself on the trail.
func (s *Server) auditQuery(c *fiber.Ctx, action, target string) error {
	return s.appendAudit(c, audit.Record{Kind: audit.KindAuditQuery, Action: action, Target: target, Outcome: "ok"})
}

// auditAdmin records an administrator's action with its outcome.
func (s *Server) auditAdmin(c *fiber.Ctx, action, target string, err error) {
	outcome := "ok"
	if err != nil {
		outcome = string(service.ErrorCode(err))
	}
	if aerr := s.appendAudit(c, audit.Record{Kind: audit.KindAdmin, Action: action, Target: target, Outcome: outcome}); aerr != nil {
		s.deps.Log.Error("admin action not audited", "action", action, "err", aerr)
	}
}

// auditAuthFailure records a refused request: who tried what, never the
// token they sent.
func (s *Server) auditAuthFailure(c *fiber.Ctx, err error) {
	rec := audit.Record{
		Kind:    audit.KindAuthFailure,
		Action:  c.Method() + " " + c.Path(),
		Outcome: string(service.ErrorCode(err)) + ": " + service.ErrorMessage(err),
		Target:  c.IP(),
	}
	if aerr := s.appendAudit(c, rec); aerr != nil {
		s.deps.Log.Error("refused request not audited", "err", aerr)
	}
}

func (s *Server) appendAudit(c *fiber.Ctx, rec audit.Record) error {
	p := principal(c)
	rec.Token, rec.Role = p.Name, string(p.Role)
	if err := s.deps.Audit.Append(c.UserContext(), rec); err != nil {
		return service.Wrap(service.CodeUnavailable, err, "the audit trail cannot record this request; retry")
	}
	return nil
}
