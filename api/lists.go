package api

import (
	"context"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/crosscheck/crosscheck/service"
)

// ListAdmin is the list-management use case as the API needs it.
type ListAdmin interface {
	Load(ctx context.Context, u service.Upload) (service.Loaded, error)
	DryRun(ctx context.Context, u service.Upload) (service.Diff, error)
	ApplyDelta(ctx context.Context, d service.Delta) (service.Loaded, error)
	Activate(ctx context.Context, listID, version string) (service.ListVersion, error)
	Deactivate(ctx context.Context, listID string) error
	Overview(ctx context.Context) ([]service.ListSummary, error)
	Detail(ctx context.Context, listID string) (service.ListDetail, error)
}

// putList answers PUT /v1/lists/{id}: a new version from a full file,
// with dry_run=true the diff against the active version, with async=true
// a job that loads it after the answer (see submitJob).
func (s *Server) putList(c *fiber.Ctx) error {
	defer s.uploadContext(c)()
	id := strings.Clone(c.Params("id"))
	u, err := uploadMeta(c, id)
	var sp *spool
	if err == nil {
		sp, err = s.receive(c)
	}
	if err != nil {
		s.auditAdmin(c, "list.upload", id, err)
		return s.writeError(c, err)
	}
	sp.into(&u)
	switch {
	case c.QueryBool("dry_run"):
		defer sp.remove()
		return s.dryRun(c, u)
	case c.QueryBool("async"):
		return s.submitJob(c, "list.upload", id, sp, func(in service.JobInput) (service.Job, error) { return s.deps.Jobs.Load(u, in) })
	}
	defer sp.remove()
	res, err := s.deps.Lists.Load(c.UserContext(), u)
	return s.answerLoaded(c, "list.upload", id, res, err)
}

// answerLoaded audits and answers a synchronous upload or delta.
func (s *Server) answerLoaded(c *fiber.Ctx, action, listID string, res service.Loaded, err error) error {
	s.auditAdmin(c, action, versionTarget(listID, res.Version), err)
	if err != nil {
		return s.writeError(c, err)
	}
	return c.Status(fiber.StatusCreated).JSON(res)
}

func (s *Server) dryRun(c *fiber.Ctx, u service.Upload) error {
	d, err := s.deps.Lists.DryRun(c.UserContext(), u)
	s.auditAdmin(c, "list.dry_run", u.ListID, err)
	if err != nil {
		return s.writeError(c, err)
	}
	return c.JSON(d)
}

// patchList answers PATCH /v1/lists/{id}: a delta to the active version
// (format ftm, the default, or crosscheck-delta), with async=true as a job.
func (s *Server) patchList(c *fiber.Ctx) error {
	defer s.uploadContext(c)()
	id := strings.Clone(c.Params("id"))
	d := service.Delta{ListID: id, Format: strings.Clone(c.Query("format", "ftm"))}
	sp, err := s.receive(c)
	if err != nil {
		s.auditAdmin(c, "list.delta", id, err)
		return s.writeError(c, err)
	}
	if sp.body == nil {
		sp.remove()
		err := service.Errorf(service.CodeInvalid, "a delta is one file: send it as the body, not as multipart/form-data")
		s.auditAdmin(c, "list.delta", id, err)
		return s.writeError(c, err)
	}
	d.Body = sp.reader(sp.body)
	if c.QueryBool("async") {
		return s.submitJob(c, "list.delta", id, sp, func(in service.JobInput) (service.Job, error) { return s.deps.Jobs.ApplyDelta(d, in) })
	}
	defer sp.remove()
	res, err := s.deps.Lists.ApplyDelta(c.UserContext(), d)
	return s.answerLoaded(c, "list.delta", id, res, err)
}

// activateList answers POST /v1/lists/{id}/activate?version=V.
func (s *Server) activateList(c *fiber.Ctx) error {
	id, version := strings.Clone(c.Params("id")), strings.Clone(c.Query("version"))
	var v service.ListVersion
	var err error = service.Errorf(service.CodeInvalid, "version: missing; see GET /v1/lists/%s for the kept versions", id)
	if version != "" {
		v, err = s.deps.Lists.Activate(c.UserContext(), id, version)
	}
	s.auditAdmin(c, "list.activate", versionTarget(id, version), err)
	if err != nil {
		return s.writeError(c, err)
	}
	return c.JSON(v)
}

// deactivateList answers DELETE /v1/lists/{id}: checks stop using the
// list; its versions are kept (see retention in the README).
func (s *Server) deactivateList(c *fiber.Ctx) error {
	id := strings.Clone(c.Params("id"))
	err := s.deps.Lists.Deactivate(c.UserContext(), id)
	s.auditAdmin(c, "list.deactivate", id, err)
	if err != nil {
		return s.writeError(c, err)
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// listLists answers GET /v1/lists.
func (s *Server) listLists(c *fiber.Ctx) error {
	lists, err := s.deps.Lists.Overview(c.UserContext())
	if err != nil {
		return s.writeError(c, err)
	}
	return c.JSON(fiber.Map{"lists": lists})
}

// getList answers GET /v1/lists/{id}.
func (s *Server) getList(c *fiber.Ctx) error {
	d, err := s.deps.Lists.Detail(c.UserContext(), strings.Clone(c.Params("id")))
	if err != nil {
		return s.writeError(c, err)
	}
	return c.JSON(d)
}

// versionTarget names what an admin action touched for the audit trail.
func versionTarget(listID, version string) string {
	if version == "" {
		return listID
	}
	return listID + "@" + version
}
