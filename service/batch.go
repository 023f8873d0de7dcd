package service

import (
	"context"
	"fmt"
	"runtime"
	"sync"
)

// BatchRequest is a manifest: every passenger of a flight, checked in one
// call. Checkpoint, operator and reference apply to items that set none.
type BatchRequest struct {
	Checks     []CheckRequest `json:"checks"`
	Checkpoint string         `json:"checkpoint,omitempty"`
	Operator   string         `json:"operator,omitempty"`
	Reference  string         `json:"reference,omitempty"`
}

// BatchResult is one slot of a batch answer: a check response, or the
// error of that item alone. An invalid item never fails the batch.
type BatchResult struct {
	*CheckResponse
	Error *ItemError `json:"error,omitempty"`
}

// ItemError is the error of one batch item, in the API's error shape.
type ItemError struct {
	Code    Code   `json:"code"`
	Message string `json:"message"`
}

// parallelFrom is the manifest size from which items are checked on
// every core; below it the goroutines cost more than they save.
const parallelFrom = 16

// CheckBatch checks every item and calls emit with each result in the
// order of the request, as soon as it and all before it are done, so a
// large manifest can stream. maxItems bounds the manifest.
func (c *Checker) CheckBatch(ctx context.Context, caller Caller, req BatchRequest, maxItems int, emit func(i int, r BatchResult) error) error {
	if err := c.ValidateBatch(req, maxItems); err != nil {
		return err
	}
	results := make([]chan BatchResult, len(req.Checks))
	for i := range results {
		results[i] = make(chan BatchResult, 1)
	}
	go c.runBatch(ctx, caller, req, results)
	for i, ch := range results {
		if err := emit(i, <-ch); err != nil {
			return err
		}
	}
	return nil
}

// ValidateBatch says whether a batch can run at all: it has items, not too
// many, and the lists are ready. A streaming answer calls it before the
// status line is sent.
func (c *Checker) ValidateBatch(req BatchRequest, maxItems int) error {
	switch {
	case len(req.Checks) == 0:
		return Errorf(CodeInvalid, "checks: empty; send at least one check request")
	case len(req.Checks) > maxItems:
		return Errorf(CodeTooLarge, "checks: %d items; a batch holds at most %d", len(req.Checks), maxItems)
	case !c.catalog.Ready():
		return Errorf(CodeUnavailable, "lists are not loaded yet; retry shortly")
	}
	return nil
}

// runBatch fills every result slot, on as many workers as there are
// cores for a large manifest.
func (c *Checker) runBatch(ctx context.Context, caller Caller, req BatchRequest, results []chan BatchResult) {
	workers := 1
	if len(req.Checks) >= parallelFrom {
		workers = runtime.GOMAXPROCS(0)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] <- c.checkItem(ctx, caller, req, i)
			}
		}()
	}
	for i := range req.Checks {
		next <- i
	}
	close(next)
	wg.Wait()
}

// checkItem checks one traveller of a manifest; it is audited like a
// single check.
func (c *Checker) checkItem(ctx context.Context, caller Caller, req BatchRequest, i int) BatchResult {
	item := req.Checks[i]
	item.Checkpoint = firstNonEmpty(item.Checkpoint, req.Checkpoint)
	item.Operator = firstNonEmpty(item.Operator, req.Operator)
	item.Reference = firstNonEmpty(item.Reference, req.Reference)
	resp, err := c.Check(ctx, caller, item)
	if err != nil {
		return BatchResult{Error: &ItemError{Code: ErrorCode(err), Message: fmt.Sprintf("checks[%d]: %s", i, ErrorMessage(err))}}
	}
	return BatchResult{CheckResponse: &resp}
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
