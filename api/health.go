package api

import (
	"net/http"

	"github.com/gofiber/fiber/v2"
)

// healthz is liveness: the process answers.
func (s *Server) healthz(c *fiber.Ctx) error {
	return c.JSON(fiber.Map{"status": "ok"})
}

// readyz is readiness: 200 only once lists are loaded and indexed, 503
// before that and while draining for shutdown. A degraded replica stays
// ready (200, status "degraded").
func (s *Server) readyz(c *fiber.Ctx) error {
	switch {
	case s.isDraining():
		return c.Status(http.StatusServiceUnavailable).JSON(fiber.Map{"status": "shutting_down"})
	case !s.deps.Readiness.Ready():
		return c.Status(http.StatusServiceUnavailable).JSON(fiber.Map{"status": "loading"})
	case s.deps.Health != nil && s.deps.Health.Degraded():
		// Still ready: checks are answered from memory. The body tells
		// monitoring that the list store is out of reach.
		return c.JSON(fiber.Map{"status": "degraded", "detail": "list store unreachable: checks use the lists in memory, uploads fail"})
	}
	return c.JSON(fiber.Map{"status": "ready"})
}
