package api

import (
	"context"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/audit"
	"github.com/crosscheck/crosscheck/service/auth"
)

// ListJobs runs uploads and deltas after the request (async=true), as
// the API needs it.
type ListJobs interface {
	Load(u service.Upload, in service.JobInput) (service.Job, error)
	ApplyDelta(d service.Delta, in service.JobInput) (service.Job, error)
	Get(id string) (service.Job, error)
}

// auditTimeout bounds recording a job's outcome, which happens after the
// request that started it has gone.
const auditTimeout = 10 * time.Second

// submitJob hands a spooled upload to a job and answers 202 with the job
// and its Location. The job owns the spool from here on. The audit trail
// gets the queuing now and the outcome when the job ends, both with the
// job id in their target.
func (s *Server) submitJob(c *fiber.Ctx, action, listID string, sp *spool, submit func(service.JobInput) (service.Job, error)) error {
	if s.deps.Jobs == nil {
		sp.remove()
		err := service.Errorf(service.CodeInvalid, "async: this server runs uploads only synchronously; leave async out")
		s.auditAdmin(c, action, listID, err)
		return s.writeError(c, err)
	}
	p := principal(c)
	job, err := submit(service.JobInput{
		Size: sp.size, SHA256: sp.sha256, SubmittedBy: p.Name, Timeout: s.uploadTimeout(),
		Release:  sp.remove,
		Finished: func(j service.Job) { s.auditJobOutcome(p, action, j) },
	})
	if err != nil {
		s.auditAdmin(c, action, listID, err)
		return s.writeError(c, err)
	}
	if aerr := s.appendAudit(c, audit.Record{Kind: audit.KindAdmin, Action: action, Target: jobTarget(listID, "", job.ID), Outcome: job.State}); aerr != nil {
		s.deps.Log.ErrorContext(c.UserContext(), "queued list job not audited", "job_id", job.ID, "list_id", listID, "err", aerr)
	}
	c.Location("/v1/jobs/" + job.ID)
	return c.Status(fiber.StatusAccepted).JSON(job)
}

// auditJobOutcome records how a job ended, as the admin who submitted it.
func (s *Server) auditJobOutcome(p auth.Principal, action string, j service.Job) {
	outcome, version := "ok", ""
	if j.Error != nil {
		outcome = string(j.Error.Code)
	}
	if j.Result != nil {
		version = j.Result.Version
	}
	rec := audit.Record{Kind: audit.KindAdmin, Token: p.Name, Role: string(p.Role), Action: action,
		Target: jobTarget(j.ListID, version, j.ID), Outcome: outcome}
	ctx, cancel := context.WithTimeout(context.Background(), auditTimeout)
	defer cancel()
	if err := s.deps.Audit.Append(ctx, rec); err != nil {
		s.deps.Log.Error("list job outcome not audited", "job_id", j.ID, "list_id", j.ListID, "err", err)
	}
}

// jobTarget names a job's list (and version, once known) for the trail.
func jobTarget(listID, version, jobID string) string {
	return versionTarget(listID, version) + " job " + jobID
}

// getJob answers GET /v1/jobs/{id}: the job's state and progress, its
// result or error once finished.
func (s *Server) getJob(c *fiber.Ctx) error {
	id := strings.Clone(c.Params("id"))
	if s.deps.Jobs == nil {
		return s.writeError(c, service.Errorf(service.CodeNotFound, "job %s: this server runs no upload jobs", id))
	}
	job, err := s.deps.Jobs.Get(id)
	if err != nil {
		return s.writeError(c, err)
	}
	return c.JSON(job)
}
