package service

import (
	"context"
	"time"
)

// Caller is who asked for a check, as the API authenticated them.
type Caller struct {
	Token string // the token's name, never its secret
	Role  string
}

// CheckEvent is everything an auditor needs to prove who checked whom,
// when, against which list versions, and what the service answered.
type CheckEvent struct {
	Time     time.Time
	Caller   Caller
	Request  CheckRequest
	Response CheckResponse
	Latency  time.Duration
	// MatcherVersion names the matching rules that produced the answer.
	MatcherVersion string
}

// CheckAuditor records checks. AuditCheck returns only once the record is
// durable (in the audit store or the local spool); the check is not
// answered before.
type CheckAuditor interface {
	AuditCheck(ctx context.Context, ev CheckEvent) error
}
