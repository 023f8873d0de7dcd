package audit

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/crosscheck/crosscheck/service"
)

var _ service.CheckAuditor = (*Log)(nil)

// AuditCheck records one check (service.CheckAuditor): it returns once
// the record is spooled, so the check is answered only after that.
func (l *Log) AuditCheck(ctx context.Context, ev service.CheckEvent) error {
	request := appendRequest(make([]byte, 0, 512), &ev.Request)
	hits, err := json.Marshal(ev.Response.Hits)
	if err != nil {
		return fmt.Errorf("audit check %s: encode hits: %w", ev.Response.CheckID, err)
	}
	rec := Record{
		Time: ev.Time, CheckID: ev.Response.CheckID, Kind: KindCheck,
		Token: ev.Caller.Token, Role: ev.Caller.Role,
		Checkpoint: ev.Request.Checkpoint, Operator: ev.Request.Operator, Reference: ev.Request.Reference,
		Traveller: request, Decision: ev.Response.Decision, Hits: hits,
		MatcherVersion: ev.MatcherVersion, Latency: ev.Latency,
	}
	for _, lr := range ev.Response.Lists {
		rec.Lists = append(rec.Lists, ListRef{ID: lr.ID, Version: lr.Version})
	}
	return l.append(ctx, rec, checkBody)
}
