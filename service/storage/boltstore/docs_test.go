package boltstore_test

import (
	"testing"

	"github.com/crosscheck/crosscheck/service/storage/boltstore"
	"github.com/crosscheck/crosscheck/service/storage/docstoretest"
)

func TestDocumentsContract(t *testing.T) {
	docstoretest.Run(t, func(t *testing.T) docstoretest.Opener {
		dir := t.TempDir()
		return func(t *testing.T) docstoretest.Store {
			s, err := boltstore.Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
	})
}
