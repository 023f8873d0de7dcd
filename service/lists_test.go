package service_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"testing"

	"github.com/crosscheck/crosscheck/matcher"
	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/storage/boltstore"
)

const unFile = "../testdata/lists/un/consolidated-2026-02-27.xml"

type fixture struct {
	store   *boltstore.Store
	catalog *service.Catalog
	lists   *service.Lists
	checker *service.Checker
}

func newFixture(t *testing.T, dir string) *fixture {
	t.Helper()
	store, err := boltstore.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	c := &service.Catalog{}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	return &fixture{store: store, catalog: c, lists: service.NewLists(store, c, matcher.DefaultOptions(), log), checker: service.NewChecker(c, nil)}
}

func unUpload(t *testing.T) service.Upload {
	t.Helper()
	data, err := os.ReadFile(unFile)
	if err != nil {
		t.Fatal(err)
	}
	return service.Upload{ListID: "un-sc", Format: "un-xml", Body: bytes.NewReader(data)}
}

func katanga() service.CheckRequest {
	return service.CheckRequest{Traveller: &service.Traveller{Surname: "KATANGA", GivenNames: "GERMAIN"}}
}

func TestCheckBeforeListsAreReadyIsUnavailable(t *testing.T) {
	f := newFixture(t, t.TempDir())
	_, err := f.checker.Check(context.Background(), service.Caller{}, katanga())
	if service.ErrorCode(err) != service.CodeUnavailable {
		t.Fatalf("want unavailable before lists are loaded, got %v", err)
	}
	if f.catalog.Ready() {
		t.Fatal("catalog ready with no lists")
	}
}

func TestFailedUploadKeepsActiveVersionServing(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, t.TempDir())
	if err := f.lists.Start(ctx, []service.Upload{unUpload(t)}); err != nil {
		t.Fatal(err)
	}
	before, err := f.checker.Check(ctx, service.Caller{}, katanga())
	if err != nil || before.Decision == "clear" {
		t.Fatalf("seeded list does not alert: %+v %v", before, err)
	}
	data, _ := os.ReadFile(unFile)
	bad := []service.Upload{
		{ListID: "un-sc", Format: "un-xml", Body: bytes.NewReader(data[:len(data)/2])},
		{ListID: "un-sc", Format: "un-xml", Body: bytes.NewReader(nil)},
		{ListID: "un-sc", Format: "no-such-format", Body: bytes.NewReader(data)},
		{ListID: "UN SC!", Format: "un-xml", Body: bytes.NewReader(data)},
	}
	for _, u := range bad {
		if _, err := f.lists.Load(ctx, u); service.ErrorCode(err) != service.CodeInvalid {
			t.Fatalf("bad upload %q/%q: want invalid, got %v", u.ListID, u.Format, err)
		}
	}
	after, err := f.checker.Check(ctx, service.Caller{}, katanga())
	if err != nil || after.Lists[0].Version != before.Lists[0].Version || after.Decision != before.Decision {
		t.Fatalf("active version changed by failed uploads: before %+v after %+v", before.Lists, after.Lists)
	}
	versions, _ := f.store.Versions(ctx, "un-sc")
	if len(versions) != 1 {
		t.Fatalf("failed uploads stored versions: %d", len(versions))
	}
}

func TestRestartServesStoreWithoutSeeding(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	first := newFixture(t, dir)
	if err := first.lists.Start(ctx, []service.Upload{unUpload(t)}); err != nil {
		t.Fatal(err)
	}
	want := first.catalog.Active()
	first.store.Close()

	second := newFixture(t, dir)
	never := service.Upload{ListID: "un-sc", Format: "un-xml", Body: failingReader{t}}
	if err := second.lists.Start(ctx, []service.Upload{never}); err != nil {
		t.Fatal(err)
	}
	got := second.catalog.Active()
	if len(got) != 1 || got[0].Version != want[0].Version || got[0].Entries != 1003 {
		t.Fatalf("restart serves %+v, want %+v", got, want)
	}
}

type failingReader struct{ t *testing.T }

func (f failingReader) Read([]byte) (int, error) {
	f.t.Error("the seed was read although the store holds lists")
	return 0, io.EOF
}
