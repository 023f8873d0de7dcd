package auth_test

import (
	"testing"

	"github.com/crosscheck/crosscheck/service/auth"
	"github.com/crosscheck/crosscheck/service/storage/tokenstoretest"
)

// memory is a MemoryStore that survives Close, standing in for storage
// that outlives a process.
type memory struct{ *auth.MemoryStore }

func (memory) Close() error { return nil }

func TestMemoryStoreContract(t *testing.T) {
	tokenstoretest.Run(t, func(t *testing.T) tokenstoretest.Opener {
		m := memory{auth.NewMemoryStore()}
		return func(t *testing.T) tokenstoretest.Store { return m }
	})
}
