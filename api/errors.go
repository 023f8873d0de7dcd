package api

import (
	"errors"
	"net/http"

	"github.com/gofiber/fiber/v2"

	"github.com/crosscheck/crosscheck/service"
)

// errorBody is every error answer: a stable code and a message for people.
type errorBody struct {
	Code    service.Code `json:"code"`
	Message string       `json:"message"`
}

// statusOf maps the service error vocabulary to HTTP.
func statusOf(code service.Code) int {
	switch code {
	case service.CodeInvalid:
		return http.StatusBadRequest
	case service.CodeNotFound:
		return http.StatusNotFound
	case service.CodeConflict:
		return http.StatusConflict
	case service.CodeUnauthorized:
		return http.StatusUnauthorized
	case service.CodeForbidden:
		return http.StatusForbidden
	case service.CodeTooLarge:
		return http.StatusRequestEntityTooLarge
	case service.CodeRateLimited:
		return http.StatusTooManyRequests
	case service.CodeUnavailable:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// writeError is the one place errors become HTTP. Internal causes are
// logged with the request path, never sent.
func (s *Server) writeError(c *fiber.Ctx, err error) error {
	code := service.ErrorCode(err)
	if code == service.CodeInternal || code == service.CodeUnavailable {
		s.deps.Log.ErrorContext(c.UserContext(), "request failed", "route", routeOf(c), "code", code, "err", err)
	}
	return c.Status(statusOf(code)).JSON(errorBody{Code: code, Message: service.ErrorMessage(err)})
}

// fiberError turns Fiber's own errors (unknown route, body over the
// limit, bad method) into the same error body.
func (s *Server) fiberError(c *fiber.Ctx, err error) error {
	var fe *fiber.Error
	if !errors.As(err, &fe) {
		return s.writeError(c, err)
	}
	switch fe.Code {
	case http.StatusNotFound:
		return s.writeError(c, service.Errorf(service.CodeNotFound, "no route %s %s", c.Method(), c.Path()))
	case http.StatusRequestEntityTooLarge:
		return s.writeError(c, service.Errorf(service.CodeTooLarge, "request body is over the limit of %d bytes", s.bodyLimit(c.Request().Header.Method(), c.Request().Header.RequestURI())))
	case http.StatusMethodNotAllowed:
		return c.Status(fe.Code).JSON(errorBody{Code: service.CodeInvalid, Message: "method " + c.Method() + " not allowed on " + c.Path()})
	}
	if fe.Code < 500 {
		return c.Status(fe.Code).JSON(errorBody{Code: service.CodeInvalid, Message: fe.Message})
	}
	return s.writeError(c, err)
}
