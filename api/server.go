package api

import (
	"context"
	"log/slog"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/auth"
)

// Checker is the check use case as the API needs it.
type Checker interface {
	Check(ctx context.Context, caller service.Caller, req service.CheckRequest) (service.CheckResponse, error)
	ValidateBatch(req service.BatchRequest, maxItems int) error
	CheckBatch(ctx context.Context, caller service.Caller, req service.BatchRequest, maxItems int, emit func(int, service.BatchResult) error) error
}

// Readiness says whether the service can answer checks.
type Readiness interface {
	Ready() bool
}

// Health says whether the service runs degraded: it answers checks from
// memory but cannot reach its list store (uploads fail, other replicas'
// updates are not followed).
type Health interface {
	Degraded() bool
}

// Deps are the use cases behind the routes.
type Deps struct {
	Checker   Checker
	Readiness Readiness
	Auth      Authenticator
	Limiter   Limiter
	Audit     AuditLog
	Log       *slog.Logger
	Telemetry Telemetry
	Lists     ListAdmin
	Jobs      ListJobs // nil: no async uploads
	Health    Health   // nil: never degraded
}

// Config are the HTTP settings.
type Config struct {
	RequestTimeout time.Duration // deadline of one request's service call
	BodyLimit      int           // bytes, for a single check
	BatchBodyLimit int           // bytes, for a manifest
	MaxBatch       int           // travellers in one manifest
	// UploadBodyLimit is the largest list upload or delta, in bytes; the
	// other routes keep their own limits (see limitBodies).
	UploadBodyLimit int
	UploadTimeout   time.Duration // reading and parsing one upload; 0: 10 minutes
	// SpoolDir holds uploads while they are parsed (see receive); files a
	// previous run left there are removed at start. "": the system's
	// temporary directory, and nothing is removed.
	SpoolDir string
}

// Server is the Fiber app plus the shutdown flag /readyz reports.
type Server struct {
	App      *fiber.App
	deps     Deps
	cfg      Config
	draining chan struct{}
	tel      *httpTelemetry
}

// New builds the app with every route.
func New(cfg Config, deps Deps) *Server {
	s := &Server{deps: deps, cfg: cfg, draining: make(chan struct{}), tel: newHTTPTelemetry(deps.Telemetry)}
	if s.deps.Log != nil {
		s.deps.Log = slog.New(LogHandler(s.deps.Log.Handler())) // request ids on every request's log line
	}
	s.App = fiber.New(fiber.Config{
		AppName:               "crosscheck",
		DisableStartupMessage: true,
		BodyLimit:             max(cfg.BodyLimit, cfg.BatchBodyLimit), // with streamed bodies, only how far fasthttp reads ahead
		ReadTimeout:           10 * time.Second,
		WriteTimeout:          10 * time.Second,
		IdleTimeout:           60 * time.Second,
		ErrorHandler:          s.fiberError,
		// Uploads stream to disk; see limitBodies for the other routes.
		StreamRequestBody:            true,
		DisablePreParseMultipartForm: true,
	})
	s.uploadReadTimeouts()
	if cfg.SpoolDir != "" {
		if n := removeStaleSpool(cfg.SpoolDir); n > 0 && s.deps.Log != nil {
			s.deps.Log.Info("removed uploads a previous run left in the spool", "files", n)
		}
	}
	s.routes()
	return s
}

// routes is the one place every endpoint is declared.
func (s *Server) routes() {
	s.App.Use(s.observe)
	s.App.Use(s.limitBodies)
	s.App.Use(s.requestContext)
	s.metricsRoute()
	s.App.Get("/healthz", s.healthz)
	s.App.Get("/readyz", s.readyz)
	s.App.Get("/openapi.json", s.openapi)
	checker, admin, auditor := s.require(auth.RoleChecker), s.require(auth.RoleAdmin), s.require(auth.RoleAuditor)
	s.App.Post("/v1/check", checker, s.limitBody(s.cfg.BodyLimit), s.check)
	s.App.Post("/v1/check/batch", checker, s.limitBody(s.cfg.BatchBodyLimit), s.checkBatch)
	s.App.Get("/v1/tokens", admin, s.listTokens)
	s.App.Post("/v1/tokens", admin, s.limitBody(s.cfg.BodyLimit), s.createToken)
	s.App.Delete("/v1/tokens/:id", admin, s.revokeToken)
	s.App.Get("/v1/audit/checks", auditor, s.queryAudit)
	s.App.Get("/v1/audit/checks/:id", auditor, s.getAuditRecord)
	s.App.Get("/v1/audit/verify", auditor, s.verifyAudit)
	s.App.Delete("/v1/audit/checks", admin, s.purgeAudit)
	s.App.Get("/v1/lists", admin, s.listLists)
	s.App.Get("/v1/lists/:id", admin, s.getList)
	s.App.Put("/v1/lists/:id", admin, s.putList)
	s.App.Patch("/v1/lists/:id", admin, s.patchList)
	s.App.Post("/v1/lists/:id/activate", admin, s.activateList)
	s.App.Delete("/v1/lists/:id", admin, s.deactivateList)
	s.App.Get("/v1/jobs/:id", admin, s.getJob)
}

// Drain marks the server as shutting down: /readyz answers 503 from now
// on so that load balancers stop sending traffic before the listener
// closes.
func (s *Server) Drain() {
	select {
	case <-s.draining:
	default:
		close(s.draining)
	}
}

func (s *Server) isDraining() bool {
	select {
	case <-s.draining:
		return true
	default:
		return false
	}
}

// requestContext gives every request a deadline for its service call,
// under the context observe made (request id, server span).
func (s *Server) requestContext(c *fiber.Ctx) error {
	ctx, cancel := context.WithTimeout(c.UserContext(), s.cfg.RequestTimeout)
	defer cancel()
	c.SetUserContext(ctx)
	return c.Next()
}

// limitBody enforces a route's own body limit; the server-wide limit is
// the largest of them.
func (s *Server) limitBody(limit int) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if len(c.Body()) > limit {
			return s.writeError(c, service.Errorf(service.CodeTooLarge, "request body is over the limit of %d bytes", limit))
		}
		return c.Next()
	}
}
