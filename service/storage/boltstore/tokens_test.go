package boltstore_test

import (
	"testing"

	"github.com/crosscheck/crosscheck/service/storage/boltstore"
	"github.com/crosscheck/crosscheck/service/storage/tokenstoretest"
)

func TestTokenContract(t *testing.T) {
	tokenstoretest.Run(t, func(t *testing.T) tokenstoretest.Opener {
		dir := t.TempDir()
		return func(t *testing.T) tokenstoretest.Store {
			s, err := boltstore.Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
	})
}
