package boltstore_test

import (
	"testing"

	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/storage/boltstore"
	"github.com/crosscheck/crosscheck/service/storage/storetest"
)

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Opener {
		dir := t.TempDir()
		return func(t *testing.T) service.ListStore {
			s, err := boltstore.Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
	})
}
