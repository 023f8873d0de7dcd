package service_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/service"
)

const sdn2024 = "../../shared/data/lists/ofac/sdn-2024/"

// rawRows reads an sdn.csv as plain CSV records by ent_num, independent
// of the loaders.
func rawRows(t *testing.T, data []byte) map[string]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimRight(data, "\x1a\r\n")))
	r.FieldsPerRecord, r.LazyQuotes = -1, true
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, rec := range recs {
		out[strings.TrimSpace(rec[0])] = strings.Join(rec, "\x00")
	}
	return out
}

func rawDiff(before, after map[string]string) (added, changed, removed []string) {
	added, changed, removed = []string{}, []string{}, []string{}
	for id, row := range after {
		if prev, ok := before[id]; !ok {
			added = append(added, id)
		} else if prev != row {
			changed = append(changed, id)
		}
	}
	for id := range before {
		if _, ok := after[id]; !ok {
			removed = append(removed, id)
		}
	}
	slices.Sort(added)
	slices.Sort(changed)
	slices.Sort(removed)
	return added, changed, removed
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("shared data not available: %v", err)
	}
	return data
}

func sdnUpload(data []byte) service.Upload {
	return service.Upload{ListID: "ofac-sdn", Format: "ofac-csv", Body: bytes.NewReader(data)}
}

// The dry run on two real consecutive OFAC versions gives exactly the ids
// a plain CSV comparison finds, and changes nothing.
func TestDryRunMatchesIndependentDiff(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, t.TempDir())
	old, cur := readFile(t, sdn2024+"sdn-2024-04-26.csv"), readFile(t, sdn2024+"sdn-2024-05-03.csv")
	loaded, err := f.lists.Load(ctx, sdnUpload(old))
	if err != nil {
		t.Fatal(err)
	}
	d, err := f.lists.DryRun(ctx, sdnUpload(cur))
	if err != nil {
		t.Fatal(err)
	}
	added, changed, removed := rawDiff(rawRows(t, old), rawRows(t, cur))
	if !slices.Equal(d.Added, added) || !slices.Equal(d.Changed, changed) || !slices.Equal(d.Removed, removed) {
		t.Fatalf("dry run: added %d changed %d removed %d; CSV comparison: %d %d %d",
			len(d.Added), len(d.Changed), len(d.Removed), len(added), len(changed), len(removed))
	}
	if len(added)+len(changed)+len(removed) == 0 || d.Base != loaded.Version {
		t.Fatalf("dry run found nothing or against the wrong base: %+v", d)
	}
	t.Logf("sdn 2024-04-26 → 2024-05-03: %d added, %d changed, %d removed", len(added), len(changed), len(removed))
	if active := f.catalog.Active(); len(active) != 1 || active[0].Version != loaded.Version {
		t.Fatalf("dry run changed the active version: %+v", active)
	}
	if vs, _ := f.store.Versions(ctx, "ofac-sdn"); len(vs) != 1 {
		t.Fatalf("dry run stored a version: %d versions", len(vs))
	}
}

// Editing one person's date of birth, and nothing else, is one change.
func TestDryRunSeesChangedDateOfBirth(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, t.TempDir())
	data, _ := os.ReadFile(unFile)
	if _, err := f.lists.Load(ctx, service.Upload{ListID: "un-sc", Format: "un-xml", Body: bytes.NewReader(data)}); err != nil {
		t.Fatal(err)
	}
	edited := bytes.Replace(data, []byte("<DATE>1978-04-28</DATE>"), []byte("<DATE>1979-04-28</DATE>"), 1)
	if bytes.Equal(edited, data) {
		t.Fatal("fixture: Katanga's date of birth not found")
	}
	d, err := f.lists.DryRun(ctx, service.Upload{ListID: "un-sc", Format: "un-xml", Body: bytes.NewReader(edited)})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(d.Changed, []string{"CDi.006"}) || len(d.Added)+len(d.Removed) != 0 {
		t.Fatalf("dry run: %+v", d)
	}
}
