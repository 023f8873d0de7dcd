package api

import (
	"context"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/crosscheck/crosscheck/service/auth"
)

// Authenticator is the token use case as the API needs it.
type Authenticator interface {
	Authenticate(ctx context.Context, header string) (auth.Principal, error)
	CreateToken(ctx context.Context, name string, role auth.Role) (auth.Token, string, error)
	RevokeToken(ctx context.Context, id string) error
	ListTokens(ctx context.Context) ([]auth.Token, error)
}

// Limiter is the per-token rate limit.
type Limiter interface {
	Allow(p auth.Principal) error
}

const principalKey = "crosscheck.principal"

// require lets a request through only with a valid bearer token of the
// given role, within its token's rate. A failed authentication is
// reported to the audit trail before the 401 goes out.
func (s *Server) require(role auth.Role) fiber.Handler {
	return func(c *fiber.Ctx) error {
		p, err := s.deps.Auth.Authenticate(c.UserContext(), c.Get(fiber.HeaderAuthorization))
		if err != nil {
			s.auditAuthFailure(c, err)
			return s.writeError(c, err)
		}
		if err := auth.Authorize(p, role); err != nil {
			s.auditAuthFailure(c, err)
			return s.writeError(c, err)
		}
		if err := s.deps.Limiter.Allow(p); err != nil {
			if d, ok := auth.RetryAfter(err); ok {
				c.Set(fiber.HeaderRetryAfter, strconv.Itoa(auth.RetryAfterSeconds(d)))
			}
			return s.writeError(c, err)
		}
		c.Locals(principalKey, p)
		return c.Next()
	}
}

// principal is the caller that require let through.
func principal(c *fiber.Ctx) auth.Principal {
	p, _ := c.Locals(principalKey).(auth.Principal)
	return p
}
