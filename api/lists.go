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
// or with dry_run=true the diff against the active version.
func (s *Server) putList(c *fiber.Ctx) error {
	defer s.uploadContext(c)()
	id := strings.Clone(c.Params("id"))
	u, done, err := uploadFrom(c, id)
	defer done()
	if err == nil && c.QueryBool("dry_run") {
		return s.dryRun(c, u)
	}
	var res service.Loaded
	if err == nil {
		res, err = s.deps.Lists.Load(c.UserContext(), u)
	}
	s.auditAdmin(c, "list.upload", versionTarget(id, res.Version), err)
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

// patchList answers PATCH /v1/lists/{id}: a delta to the active version.
func (s *Server) patchList(c *fiber.Ctx) error {
	defer s.uploadContext(c)()
	id := strings.Clone(c.Params("id"))
	format := strings.Clone(c.Query("format", "ftm"))
	res, err := s.deps.Lists.ApplyDelta(c.UserContext(), service.Delta{ListID: id, Format: format, Body: bodyReader(c)})
	s.auditAdmin(c, "list.delta", versionTarget(id, res.Version), err)
	if err != nil {
		return s.writeError(c, err)
	}
	return c.Status(fiber.StatusCreated).JSON(res)
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
