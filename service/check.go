package service

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"slices"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/matcher"
)

// CheckResponse is the v1 answer to a check.
type CheckResponse struct {
	CheckID          string    `json:"check_id"`
	Decision         string    `json:"decision"`
	Hits             []Hit     `json:"hits"`
	Lists            []ListRef `json:"lists"`
	DocumentWarnings []string  `json:"document_warnings,omitempty"`
}

// Hit is a matcher hit with the list it came from.
type Hit struct {
	ListID string `json:"list_id"`
	matcher.Hit
}

// ListRef names the list version a check ran against.
type ListRef struct {
	ID      string `json:"id"`
	Version string `json:"version"`
}

// Checker is the check use case.
type Checker struct {
	catalog *Catalog
	auditor CheckAuditor // nil: checks are not audited (tests, tools)
	now     func() time.Time
}

// NewChecker returns a checker reading the catalog's current generation
// and recording every check with the auditor.
func NewChecker(c *Catalog, auditor CheckAuditor) *Checker {
	return &Checker{catalog: c, auditor: auditor, now: time.Now}
}

// Check runs one traveller against the active lists (or those named in
// the request). Before the lists are ready it answers unavailable: a check
// never answers clear when it could not check.
func (c *Checker) Check(ctx context.Context, caller Caller, req CheckRequest) (CheckResponse, error) {
	start := c.now()
	resp, err := c.check(ctx, req)
	if err != nil || c.auditor == nil {
		return resp, err
	}
	ev := CheckEvent{Time: start, Caller: caller, Request: req, Response: resp, Latency: c.now().Sub(start), MatcherVersion: matcher.Version}
	if err := c.auditor.AuditCheck(ctx, ev); err != nil {
		return CheckResponse{}, Wrap(CodeUnavailable, err, "the check could not be recorded in the audit trail, so it is not answered; retry")
	}
	return resp, nil
}

func (c *Checker) check(ctx context.Context, req CheckRequest) (CheckResponse, error) {
	gen := c.catalog.load()
	if gen == nil || len(gen.lists) == 0 {
		return CheckResponse{}, Errorf(CodeUnavailable, "lists are not loaded yet; retry shortly")
	}
	q, warnings, err := req.query(c.now())
	if err != nil {
		return CheckResponse{}, err
	}
	scope, err := gen.scope(req.Lists)
	if err != nil {
		return CheckResponse{}, err
	}
	if len(scope) > 1 {
		q = matcher.Prepare(q, indexes(scope)...) // the names are analysed once, not once per list
	}
	resp := CheckResponse{CheckID: c.newCheckID(), Hits: []Hit{}, DocumentWarnings: warnings}
	for _, l := range scope {
		resp.Lists = append(resp.Lists, ListRef{ID: l.version.ListID, Version: l.version.Version})
		hits, warning := l.check(ctx, q)
		for _, h := range hits {
			resp.Hits = append(resp.Hits, Hit{ListID: l.version.ListID, Hit: h})
		}
		if warning != "" {
			resp.DocumentWarnings = append(resp.DocumentWarnings, warning)
		}
	}
	if err := ctx.Err(); err != nil {
		// A check cut short may have skipped lists: it is never answered,
		// least of all as clear, and the caller hears why (not "internal").
		return CheckResponse{}, Wrap(CodeUnavailable, err, "the check did not finish before its deadline or the caller left, so it is not answered; retry")
	}
	sortHits(resp.Hits)
	resp.Decision = string(decisionOf(resp.Hits))
	return resp, nil
}

// query turns the request into a matcher query from the traveller, the
// MRZ, or both; warnings are the MRZ's failed checks.
func (r *CheckRequest) query(now time.Time) (matcher.Query, []string, error) {
	if r.Traveller == nil && r.MRZ == "" {
		return matcher.Query{}, nil, Errorf(CodeInvalid, "traveller: missing; send traveller or mrz")
	}
	var fromTraveller matcher.Query
	if r.Traveller != nil {
		q, err := r.Traveller.query(r.MRZ != "")
		if err != nil {
			return matcher.Query{}, nil, err
		}
		fromTraveller = q
	}
	if r.MRZ == "" {
		return fromTraveller, nil, nil
	}
	fromMRZ, warnings, err := mrzQuery(r.MRZ, now)
	if err != nil {
		return matcher.Query{}, nil, err
	}
	return merge(fromMRZ, fromTraveller), warnings, nil
}

// scope picks the lists a check runs against: all active ones, or those
// named; naming an unknown list is an error, never a silent skip.
func (g *generation) scope(ids []string) ([]*loadedList, error) {
	if len(ids) == 0 {
		out := make([]*loadedList, 0, len(g.ids))
		for _, id := range g.ids {
			out = append(out, g.lists[id])
		}
		return out, nil
	}
	out := make([]*loadedList, 0, len(ids))
	for i, id := range ids {
		l, ok := g.lists[id]
		if !ok {
			return nil, Errorf(CodeInvalid, "lists[%d]: unknown list id %q; active lists: %s", i, id, strings.Join(g.ids, ", "))
		}
		if !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out, nil
}

func sortHits(h []Hit) {
	slices.SortStableFunc(h, func(a, b Hit) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return strings.Compare(a.ListID+a.EntryID, b.ListID+b.EntryID)
	})
}

// decisionOf is the strongest decision among the hits; clear exactly when
// there is none.
func decisionOf(hits []Hit) matcher.Decision {
	d := matcher.DecisionClear
	for _, h := range hits {
		if h.Decision.Stronger(d) {
			d = h.Decision
		}
	}
	return d
}

func (c *Checker) newCheckID() string { return NewID(c.now()) }

// NewID returns a check or record id for time t: 8 bytes of time (so ids
// sort by time, and audit records by them) and 8 random bytes (so they
// cannot be guessed), in hex.
func NewID(t time.Time) string {
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], uint64(t.UnixNano()))
	_, _ = rand.Read(b[8:]) // crypto/rand.Read never fails on supported platforms (Go 1.24+)
	return hex.EncodeToString(b[:])
}
