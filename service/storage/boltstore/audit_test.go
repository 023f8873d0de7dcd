package boltstore_test

import (
	"testing"

	"github.com/crosscheck/crosscheck/service/audit"
	"github.com/crosscheck/crosscheck/service/storage/auditstoretest"
	"github.com/crosscheck/crosscheck/service/storage/boltstore"
)

func TestAuditContract(t *testing.T) {
	auditstoretest.Run(t, func(t *testing.T) auditstoretest.Backend {
		dir := t.TempDir()
		return auditstoretest.Backend{
			Open: func(t *testing.T) audit.Store {
				s, err := boltstore.Open(dir)
				if err != nil {
					t.Fatal(err)
				}
				return s
			},
			Alter: func(t *testing.T, s audit.Store, chain string, seq uint64, edit func([]byte) []byte) {
				if err := boltstore.AlterAuditRecord(s.(*boltstore.Store), chain, seq, edit); err != nil {
					t.Fatal(err)
				}
			},
			Delete: func(t *testing.T, s audit.Store, chain string, seq uint64) {
				if err := boltstore.DeleteAuditRecord(s.(*boltstore.Store), chain, seq); err != nil {
					t.Fatal(err)
				}
			},
		}
	})
}
