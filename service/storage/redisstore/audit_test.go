package redisstore_test

import (
	"testing"

	"github.com/crosscheck/crosscheck/service/audit"
	"github.com/crosscheck/crosscheck/service/storage/auditstoretest"
	"github.com/crosscheck/crosscheck/service/storage/redisstore"
	"github.com/crosscheck/crosscheck/service/storage/redistest"
)

// TestAuditContract runs the audit suite against a real redis-server;
// each sub-test has its own key prefix.
func TestAuditContract(t *testing.T) {
	auditContract(t, redistest.Start(t))
}

func auditContract(t *testing.T, url string) {
	auditstoretest.Run(t, func(t *testing.T) auditstoretest.Backend {
		prefix := newPrefix()
		return auditstoretest.Backend{
			Open: func(t *testing.T) audit.Store { return open(t, url, prefix) },
			Alter: func(t *testing.T, s audit.Store, chain string, seq uint64, edit func([]byte) []byte) {
				if err := redisstore.AlterAuditRecord(s.(*redisstore.Store), chain, seq, edit); err != nil {
					t.Fatal(err)
				}
			},
			Delete: func(t *testing.T, s audit.Store, chain string, seq uint64) {
				if err := redisstore.DeleteAuditRecord(s.(*redisstore.Store), chain, seq); err != nil {
					t.Fatal(err)
				}
			},
		}
	})
}
