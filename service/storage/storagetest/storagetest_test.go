package storagetest

import "testing"

// fakeStore counts its closes; data survives a reopen through the shared
// backing slice, as a file or a Redis key would.
type fakeStore struct {
	data   *[]string
	closes *int
}

func (f fakeStore) Close() error { *f.closes++; return nil }

func TestStoresReopenClosesOnceAndKeepsData(t *testing.T) {
	var data []string
	closes, opens := 0, 0
	t.Run("sub", func(t *testing.T) {
		stores, s := Open(t, func(*testing.T) fakeStore { opens++; return fakeStore{data: &data, closes: &closes} })
		*s.data = append(*s.data, "v1")
		s = stores.Reopen()
		if len(*s.data) != 1 || closes != 1 || opens != 2 {
			t.Fatalf("after reopen: data %v, %d closes, %d opens; want [v1], 1, 2", *s.data, closes, opens)
		}
	})
	if closes != 2 {
		t.Fatalf("%d closes after the sub-test, want 2: each store once", closes)
	}
}

func TestStoresWithoutClose(t *testing.T) {
	stores, _ := Open(t, func(*testing.T) []string { return nil })
	stores.Reopen() // nothing to close, nothing to fail
}
