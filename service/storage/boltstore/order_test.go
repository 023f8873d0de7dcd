package boltstore

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/crosscheck/crosscheck/service"
)

// A file written before the order bucket existed must still list every
// version after Open, in the id order the store used to return.
func TestOpenBackfillsOrder(t *testing.T) {
	dir := t.TempDir()
	writeLegacy(t, dir, "un", "v2", "v1", "v3")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if err := s.SaveVersion(ctx, service.ListVersion{ListID: "un", Version: "v0"}, nil); err != nil {
		t.Fatal(err)
	}
	got, err := s.Versions(ctx, "un")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, v := range got {
		ids = append(ids, v.Version)
	}
	if want := "[v1 v2 v3 v0]"; fmt.Sprint(ids) != want {
		t.Errorf("Versions after backfill: got %v, want %s", ids, want)
	}
}

// writeLegacy writes versions the way the store did before save order was
// kept: metadata only, no order bucket.
func writeLegacy(t *testing.T, dir, listID string, versions ...string) {
	t.Helper()
	db, err := bolt.Open(filepath.Join(dir, "crosscheck.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		vb, err := tx.CreateBucketIfNotExists(bucketVersions)
		if err != nil {
			return err
		}
		lb, err := vb.CreateBucketIfNotExists([]byte(listID))
		if err != nil {
			return err
		}
		for _, v := range versions {
			meta, _ := json.Marshal(service.ListVersion{ListID: listID, Version: v})
			if err := lb.Put([]byte(v), meta); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
