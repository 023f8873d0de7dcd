package api

import (
	"github.com/gofiber/fiber/v2"

	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/auth"
)

type createTokenRequest struct {
	Name string `json:"name"`
	Role string `json:"role"`
}

// createToken answers POST /v1/tokens: the secret is shown once, here.
func (s *Server) createToken(c *fiber.Ctx) error {
	var req createTokenRequest
	if err := decodeJSON(c.Body(), &req); err != nil {
		return s.writeError(c, err)
	}
	role, err := auth.ParseRole(req.Role)
	if err != nil {
		err = service.Errorf(service.CodeInvalid, "role: %q is not checker, admin or auditor", req.Role)
		s.auditAdmin(c, "token.create", req.Name, err)
		return s.writeError(c, err)
	}
	tok, secret, err := s.deps.Auth.CreateToken(c.UserContext(), req.Name, role)
	s.auditAdmin(c, "token.create", req.Name, err)
	if err != nil {
		return s.writeError(c, err)
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"token": tok, "secret": secret})
}

// listTokens answers GET /v1/tokens (never with secrets or hashes).
func (s *Server) listTokens(c *fiber.Ctx) error {
	toks, err := s.deps.Auth.ListTokens(c.UserContext())
	if err != nil {
		return s.writeError(c, err)
	}
	return c.JSON(fiber.Map{"tokens": toks})
}

// revokeToken answers DELETE /v1/tokens/{id}.
func (s *Server) revokeToken(c *fiber.Ctx) error {
	id := c.Params("id")
	err := s.deps.Auth.RevokeToken(c.UserContext(), id)
	s.auditAdmin(c, "token.revoke", id, err)
	if err != nil {
		return s.writeError(c, err)
	}
	return c.SendStatus(fiber.StatusNoContent)
}
