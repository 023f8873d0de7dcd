package auditstoretest_test

import (
	"testing"

	"github.com/crosscheck/crosscheck/service/audit"
	"github.com/crosscheck/crosscheck/service/storage/auditstoretest"
)

// The reference store passes its own contract; reopening keeps the data,
// as the same MemStore is returned.
func TestContract(t *testing.T) {
	auditstoretest.Run(t, func(t *testing.T) auditstoretest.Backend {
		m := auditstoretest.NewMemStore()
		return auditstoretest.Backend{
			Open: func(*testing.T) audit.Store { return m },
			Alter: func(t *testing.T, _ audit.Store, chain string, seq uint64, edit func([]byte) []byte) {
				if !m.Alter(chain, seq, edit) {
					t.Fatalf("no record %s %d", chain, seq)
				}
			},
			Delete: func(_ *testing.T, _ audit.Store, chain string, seq uint64) { m.Delete(chain, seq) },
		}
	})
}
