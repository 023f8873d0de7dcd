package service_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/matcher"
	"github.com/crosscheck/crosscheck/service"
)

const osData = "../testdata/lists/opensanctions/"

// ids returns the entry ids of a stored version, sorted.
func ids(t *testing.T, f *fixture, v service.ListVersion) []string {
	t.Helper()
	entries, err := f.store.Entries(context.Background(), v.ListID, v.Version)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.ID)
	}
	slices.Sort(out)
	return out
}

// applyOps applies a delta file's ops to a set of ids, independently of
// the loaders.
func applyOps(t *testing.T, set map[string]bool, data []byte) {
	t.Helper()
	for _, line := range bytes.Split(bytes.TrimSpace(data), []byte("\n")) {
		var d struct {
			Op     string
			Entity struct{ ID string }
		}
		if err := json.Unmarshal(line, &d); err != nil {
			t.Fatal(err)
		}
		set[d.Entity.ID] = d.Op != "DEL"
	}
}

func sorted(set map[string]bool) []string {
	var out []string
	for id, in := range set {
		if in {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

func TestDeltasChainVersions(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, t.TempDir())
	base, _ := os.ReadFile(osData + "t1/entities.ftm.json")
	v, err := f.lists.Load(ctx, service.Upload{ListID: "os", Format: "ftm", Body: bytes.NewReader(base)})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, id := range ids(t, f, v.ListVersion) {
		want[id] = true
	}
	dirs, _ := filepath.Glob(osData + "t2/2024*")
	var last []byte
	for _, dir := range dirs {
		last, _ = os.ReadFile(filepath.Join(dir, "entities.delta.json"))
		next, err := f.lists.ApplyDelta(ctx, service.Delta{ListID: "os", Format: "ftm", Body: bytes.NewReader(last)})
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		applyOps(t, want, last)
		if got := ids(t, f, next.ListVersion); !slices.Equal(got, sorted(want)) || next.Base != v.Version {
			t.Fatalf("%s: ids %v base %s; want %v base %s", dir, got, next.Base, sorted(want), v.Version)
		}
		v = next
	}
	// Applying the last delta again changes no entry, and says so.
	again, err := f.lists.ApplyDelta(ctx, service.Delta{ListID: "os", Format: "ftm", Body: bytes.NewReader(last)})
	if err != nil || len(again.Warnings) == 0 || !slices.Equal(ids(t, f, again.ListVersion), sorted(want)) {
		t.Fatalf("delta applied twice: %+v %v", again, err)
	}
}

func TestDeltaErrorsKeepActiveVersion(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, t.TempDir())
	delta := `{"op":"DEL","entity":{"id":"x"}}` + "\n"
	if _, err := f.lists.ApplyDelta(ctx, service.Delta{ListID: "os", Format: "ftm", Body: strings.NewReader(delta)}); service.ErrorCode(err) != service.CodeNotFound {
		t.Fatalf("delta to a list with no active version: %v", err)
	}
	base, _ := os.ReadFile(osData + "t1/entities.ftm.json")
	v, err := f.lists.Load(ctx, service.Upload{ListID: "os", Format: "ftm", Body: bytes.NewReader(base)})
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []service.Delta{
		{ListID: "os", Format: "ftm", Body: strings.NewReader(`{"op":"ADD","entity":`)},
		{ListID: "os", Format: "un-xml", Body: strings.NewReader(delta)},
		{ListID: "os", Format: "ftm", Body: strings.NewReader("")},
	} {
		if _, err := f.lists.ApplyDelta(ctx, bad); service.ErrorCode(err) != service.CodeInvalid {
			t.Errorf("bad delta (%s): got %v, want invalid", bad.Format, err)
		}
	}
	var all strings.Builder
	for _, id := range ids(t, f, v.ListVersion) {
		all.WriteString(`{"op":"DEL","entity":{"id":"` + id + `"}}` + "\n")
	}
	if _, err := f.lists.ApplyDelta(ctx, service.Delta{ListID: "os", Format: "ftm", Body: strings.NewReader(all.String())}); service.ErrorCode(err) != service.CodeInvalid {
		t.Errorf("delta emptying the list: got %v, want invalid", err)
	}
	if a := f.catalog.Active(); len(a) != 1 || a[0].Version != v.Version {
		t.Fatalf("failed deltas changed the active version: %+v", a)
	}
}

// load loads a small crosscheck-jsonl list of the given entry ids.
func load(t *testing.T, l *service.Lists, listID string, ids ...string) service.Loaded {
	t.Helper()
	var b strings.Builder
	for _, id := range ids {
		data, _ := json.Marshal(map[string]any{"id": id, "subject": "person", "names": []map[string]string{{"full": "Person " + id}}})
		b.Write(append(data, '\n'))
	}
	v, err := l.Load(context.Background(), service.Upload{ListID: listID, Format: "crosscheck-jsonl", Body: strings.NewReader(b.String())})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestRollbackDeactivateAndRetention(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, t.TempDir())
	lists := service.NewLists(f.store, f.catalog, matcher.DefaultOptions(), slog.New(slog.NewTextHandler(io.Discard, nil)), service.KeepVersions(2))
	v1 := load(t, lists, "nat", "a")
	v2 := load(t, lists, "nat", "a", "b")
	if _, err := lists.Activate(ctx, "nat", v1.Version); err != nil {
		t.Fatal(err)
	}
	if a := f.catalog.Active(); a[0].Version != v1.Version {
		t.Fatalf("rollback: serving %s, want %s", a[0].Version, v1.Version)
	}
	v3 := load(t, lists, "nat", "c")
	d, err := lists.Detail(ctx, "nat")
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, v := range d.Versions {
		kept = append(kept, v.Version)
	}
	if !slices.Equal(kept, []string{v2.Version, v3.Version}) || d.Active != v3.Version || d.Serving != v3.Version {
		t.Fatalf("after retention of 2: %+v; want %s, %s", d, v2.Version, v3.Version)
	}
	if _, err := lists.Activate(ctx, "nat", v1.Version); service.ErrorCode(err) != service.CodeNotFound {
		t.Fatalf("activate a pruned version: %v", err)
	}
	if err := lists.Deactivate(ctx, "nat"); err != nil {
		t.Fatal(err)
	}
	if f.catalog.Ready() {
		t.Fatal("deactivated list still served")
	}
	if err := lists.Deactivate(ctx, "nat"); service.ErrorCode(err) != service.CodeNotFound {
		t.Fatalf("deactivate twice: %v", err)
	}
	o, err := lists.Overview(ctx)
	if err != nil || len(o) != 1 || o[0].Active != nil || o[0].Versions != 2 {
		t.Fatalf("overview after deactivation: %+v %v", o, err)
	}
	// A restart keeps the deactivation: no re-seeding of a known list.
	if err := lists.Start(ctx, []service.Upload{unUpload(t)}); err != nil || f.catalog.Ready() {
		t.Fatalf("restart after deactivation: ready %v, %v", f.catalog.Ready(), err)
	}
}

// blockingReader holds an upload in its parse until released.
type blockingReader struct {
	started, release chan struct{}
	r                io.Reader
}

func (b *blockingReader) Read(p []byte) (int, error) {
	if b.started != nil {
		close(b.started)
		b.started = nil
		<-b.release
	}
	return b.r.Read(p)
}

func TestConcurrentUploadToOneListIsConflict(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, t.TempDir())
	data, _ := os.ReadFile(unFile)
	slow := &blockingReader{started: make(chan struct{}), release: make(chan struct{}), r: bytes.NewReader(data)}
	started := slow.started
	done := make(chan error, 1)
	go func() {
		_, err := f.lists.Load(ctx, service.Upload{ListID: "un-sc", Format: "un-xml", Body: slow})
		done <- err
	}()
	<-started
	_, err := f.lists.Load(ctx, unUpload(t))
	close(slow.release)
	if service.ErrorCode(err) != service.CodeConflict {
		t.Fatalf("second upload while the first parses: got %v, want conflict", err)
	}
	if err := <-done; err != nil {
		t.Fatalf("first upload: %v", err)
	}
	load(t, f.lists, "other", "x") // another list is not blocked
}
