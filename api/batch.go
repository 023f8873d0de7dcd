package api

import (
	"bufio"
	"context"
	"encoding/json"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/crosscheck/crosscheck/service"
)

const mimeNDJSON = "application/x-ndjson"

// checkBatch answers POST /v1/check/batch: one result per traveller, in
// order, as one JSON document or, when the client accepts NDJSON, as a
// stream of lines written as each result is ready.
func (s *Server) checkBatch(c *fiber.Ctx) error {
	var req service.BatchRequest
	if err := decodeJSON(c.Body(), &req); err != nil {
		return s.writeError(c, err)
	}
	if err := s.deps.Checker.ValidateBatch(req, s.cfg.MaxBatch); err != nil {
		return s.writeError(c, err)
	}
	if strings.Contains(c.Get(fiber.HeaderAccept), mimeNDJSON) {
		return s.streamBatch(c, req)
	}
	results := make([]service.BatchResult, 0, len(req.Checks))
	err := s.deps.Checker.CheckBatch(c.UserContext(), caller(c), req, s.cfg.MaxBatch, func(_ int, r service.BatchResult) error {
		results = append(results, r)
		return nil
	})
	if err != nil {
		return s.writeError(c, err)
	}
	return c.JSON(fiber.Map{"results": results})
}

// streamBatch writes one JSON line per traveller. The writer runs after
// the handler returns, so it owns a context of its own.
func (s *Server) streamBatch(c *fiber.Ctx, req service.BatchRequest) error {
	c.Set(fiber.HeaderContentType, mimeNDJSON)
	who := caller(c)
	c.Context().SetBodyStreamWriter(func(w *bufio.Writer) {
		ctx, cancel := context.WithTimeout(context.Background(), s.cfg.RequestTimeout)
		defer cancel()
		enc := json.NewEncoder(w)
		err := s.deps.Checker.CheckBatch(ctx, who, req, s.cfg.MaxBatch, func(_ int, r service.BatchResult) error {
			if err := enc.Encode(r); err != nil {
				return err
			}
			return w.Flush()
		})
		if err != nil {
			s.deps.Log.Warn("batch stream ended early", "err", err)
		}
	})
	return nil
}
