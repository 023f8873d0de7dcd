package api

import (
	"github.com/gofiber/fiber/v2"

	"github.com/crosscheck/crosscheck/service"
)

// check answers POST /v1/check.
func (s *Server) check(c *fiber.Ctx) error {
	req, err := decodeCheck(c.Body())
	if err != nil {
		return s.writeError(c, err)
	}
	resp, err := s.deps.Checker.Check(c.UserContext(), caller(c), req)
	if err != nil {
		return s.writeError(c, err)
	}
	return c.JSON(resp)
}

// caller is the authenticated principal as the check use case records it.
func caller(c *fiber.Ctx) service.Caller {
	p := principal(c)
	return service.Caller{Token: p.Name, Role: string(p.Role)}
}
