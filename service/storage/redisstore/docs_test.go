package redisstore_test

import (
	"testing"

	"github.com/crosscheck/crosscheck/service/storage/docstoretest"
	"github.com/crosscheck/crosscheck/service/storage/redistest"
)

// TestDocumentsContract runs the documents suite against a real
// redis-server; reopening is a new client on the same prefix.
func TestDocumentsContract(t *testing.T) {
	url := redistest.Start(t)
	docstoretest.Run(t, func(t *testing.T) docstoretest.Opener {
		prefix := newPrefix()
		return func(t *testing.T) docstoretest.Store { return open(t, url, prefix) }
	})
}
