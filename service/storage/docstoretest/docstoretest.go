// Package docstoretest is the one contract test suite that every
// service.DocumentStore adapter passes (the embedded bbolt store and the
// Redis store), like storetest is for service.ListStore: the documents of
// a list must behave the same behind the port whichever store holds them.
//
//	func TestDocumentsContract(t *testing.T) {
//		docstoretest.Run(t, func(t *testing.T) docstoretest.Opener { ... })
//	}
package docstoretest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/crosscheck/crosscheck/matcher"
	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/storage/storagetest"
)

// Store is what an adapter hands the suite.
type Store interface {
	service.DocumentStore
	Close() error
}

// A Factory makes fresh, empty backing storage for one sub-test and
// returns an Opener for it.
type Factory func(t *testing.T) Opener

// An Opener opens a store on the Factory's storage; opening again after
// Close sees the same data, as a restarted process would.
type Opener func(t *testing.T) Store

// Run runs the contract tests as sub-tests of t.
func Run(t *testing.T, factory Factory) {
	storagetest.Run(t, cases, func(t *testing.T) *harness {
		h := &harness{t: t, ctx: context.Background()}
		h.stores, h.store = storagetest.Open(t, factory(t))
		return h
	})
}

// harness carries one sub-test's store and the helpers the cases share.
type harness struct {
	t      *testing.T
	ctx    context.Context
	stores *storagetest.Stores[Store]
	store  Store
}

var cases = []storagetest.Case[*harness]{
	{"records come back as written", testRoundTrip},
	{"a put replaces a number's records", testReplace},
	{"versions do not see each other", testVersionsApart},
	{"filter round trip and missing filter", testFilter},
	{"delete removes records and filter", testDelete},
	{"a large version survives a reopen", testLargeReopen},
	{"versions with documents are listed", testVersionsListed},
}

// record is an SLTD record as the documents-csv loader makes it.
func record(country string, typ matcher.DocumentType, published, status, reported string) matcher.Entry {
	n := matcher.NormalizeDocumentNumber(published)
	return matcher.Entry{
		ID: country + ":" + string(typ) + ":" + n, Subject: matcher.SubjectDocument, ListedOn: reported,
		Documents: []matcher.Document{{Type: typ, TypeRaw: string(typ), Number: published, Country: country, Status: matcher.DocumentStatus(status)}},
	}
}

func (h *harness) put(set service.DocumentSet, records ...matcher.Entry) {
	h.t.Helper()
	if err := h.store.PutDocuments(h.ctx, set, records); err != nil {
		h.t.Fatalf("PutDocuments: %v", err)
	}
}

func (h *harness) lookup(listID, version string, numbers ...string) map[string][]matcher.Entry {
	h.t.Helper()
	got, err := h.store.LookupDocuments(h.ctx, listID, version, numbers)
	if err != nil {
		h.t.Fatalf("LookupDocuments: %v", err)
	}
	return got
}

func testRoundTrip(h *harness) {
	t := h.t
	set := service.DocumentSet{ListID: "sltd", Version: "v1", Capacity: 10}
	fra := record("FRA", matcher.DocNationalID, "OB0243318", "lost", "")
	cod := record("COD", matcher.DocPassport, "OB 0243318", "stolen", "2024-03-01") // published with a space
	odd := record("DEU", matcher.DocOther, "C01X00T47", "", "2025-12-31")
	odd.ID, odd.Documents[0].TypeRaw = "own-id-7", "Seemannsbuch"
	h.put(set, fra, cod, odd)
	got := h.lookup("sltd", "v1", "OB0243318", "C01X00T47", "NOTLISTED")
	want := map[string][]matcher.Entry{"OB0243318": {fra, cod}, "C01X00T47": {odd}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("lookup:\n got %+v\nwant %+v", got, want)
	}
}

func testReplace(h *harness) {
	t := h.t
	set := service.DocumentSet{ListID: "sltd", Version: "v1", Capacity: 10}
	a := record("FRA", matcher.DocPassport, "X1", "lost", "")
	b := record("ITA", matcher.DocPassport, "X1", "stolen", "")
	h.put(set, a)
	h.put(set, a, b)
	if got := h.lookup("sltd", "v1", "X1")["X1"]; !reflect.DeepEqual(got, []matcher.Entry{a, b}) {
		t.Fatalf("after replacing: %+v", got)
	}
}

func testVersionsApart(h *harness) {
	t := h.t
	a := record("FRA", matcher.DocPassport, "X1", "lost", "")
	b := record("ITA", matcher.DocPassport, "X1", "stolen", "")
	h.put(service.DocumentSet{ListID: "sltd", Version: "v1", Capacity: 10}, a)
	h.put(service.DocumentSet{ListID: "sltd", Version: "v2", Capacity: 100000}, b)
	h.put(service.DocumentSet{ListID: "other", Version: "v1", Capacity: 10}, b)
	if got := h.lookup("sltd", "v1", "X1")["X1"]; !reflect.DeepEqual(got, []matcher.Entry{a}) {
		t.Errorf("v1 sees %+v", got)
	}
	if got := h.lookup("sltd", "v2", "X1")["X1"]; !reflect.DeepEqual(got, []matcher.Entry{b}) {
		t.Errorf("v2 sees %+v", got)
	}
	if got, err := h.store.LookupDocuments(h.ctx, "sltd", "v3", []string{"X1"}); !errors.Is(err, service.ErrNoVersion) {
		t.Errorf("a version never written answers %+v, %v; want ErrNoVersion (not \"not listed\")", got, err)
	}
}

func testFilter(h *harness) {
	t := h.t
	if _, err := h.store.DocumentFilter(h.ctx, "sltd", "v1"); !errors.Is(err, service.ErrNoVersion) {
		t.Fatalf("missing filter: got %v, want ErrNoVersion", err)
	}
	data := make([]byte, 3<<20) // bigger than one Redis protocol buffer
	for i := range data {
		data[i] = byte(i * 7)
	}
	if err := h.store.SaveDocumentFilter(h.ctx, "sltd", "v1", data); err != nil {
		t.Fatal(err)
	}
	got, err := h.store.DocumentFilter(h.ctx, "sltd", "v1")
	if err != nil || !reflect.DeepEqual(got, data) {
		t.Fatalf("filter: %d bytes, err %v; want %d bytes back", len(got), err, len(data))
	}
}

func testDelete(h *harness) {
	t := h.t
	set := service.DocumentSet{ListID: "sltd", Version: "v1", Capacity: 5000}
	keep := service.DocumentSet{ListID: "sltd", Version: "v2", Capacity: 10}
	a := record("FRA", matcher.DocPassport, "X1", "lost", "")
	h.put(set, a)
	h.put(keep, a)
	if err := h.store.SaveDocumentFilter(h.ctx, "sltd", "v1", []byte("filter")); err != nil {
		t.Fatal(err)
	}
	if err := h.store.DeleteDocuments(h.ctx, "sltd", "v1"); err != nil {
		t.Fatal(err)
	}
	if got, err := h.store.LookupDocuments(h.ctx, "sltd", "v1", []string{"X1"}); !errors.Is(err, service.ErrNoVersion) {
		t.Errorf("deleted version answers %+v, %v; want ErrNoVersion", got, err)
	}
	if _, err := h.store.DocumentFilter(h.ctx, "sltd", "v1"); !errors.Is(err, service.ErrNoVersion) {
		t.Errorf("deleted filter: got %v, want ErrNoVersion", err)
	}
	if got := h.lookup("sltd", "v2", "X1"); len(got["X1"]) != 1 {
		t.Errorf("deleting v1 touched v2: %+v", got)
	}
	if err := h.store.DeleteDocuments(h.ctx, "sltd", "never"); err != nil {
		t.Errorf("deleting a version with no documents: %v", err)
	}
}

func testLargeReopen(h *harness) {
	t := h.t
	const n = 20000
	set := service.DocumentSet{ListID: "sltd", Version: "v1", Capacity: n}
	batch := make([]matcher.Entry, 0, 1000)
	numbers := make([]string, 0, n)
	for i := range n {
		r := record("DEU", matcher.DocPassport, fmt.Sprintf("C%07d", i), "stolen", "2024-01-02")
		batch = append(batch, r)
		numbers = append(numbers, matcher.NormalizeDocumentNumber(r.Documents[0].Number))
		if len(batch) == cap(batch) {
			h.put(set, batch...)
			batch = batch[:0]
		}
	}
	h.store = h.stores.Reopen()
	got := h.lookup("sltd", "v1", numbers...)
	if len(got) != n {
		t.Fatalf("after reopen %d of %d numbers found", len(got), n)
	}
	if e := got["C0012345"]; len(e) != 1 || e[0].ID != "DEU:passport:C0012345" || e[0].ListedOn != "2024-01-02" {
		t.Errorf("C0012345: %+v", e)
	}
}

func testVersionsListed(h *harness) {
	t := h.t
	a := record("FRA", matcher.DocPassport, "X1", "lost", "")
	h.put(service.DocumentSet{ListID: "sltd", Version: "v1", Capacity: 10}, a)
	h.put(service.DocumentSet{ListID: "sltd", Version: "v2", Capacity: 10}, a)
	h.put(service.DocumentSet{ListID: "sltd2", Version: "v9", Capacity: 10}, a)
	if err := h.store.SaveDocumentFilter(h.ctx, "sltd", "v2", []byte("f")); err != nil {
		t.Fatal(err)
	}
	if err := h.store.DeleteDocuments(h.ctx, "sltd", "v1"); err != nil {
		t.Fatal(err)
	}
	got, err := h.store.DocumentVersions(h.ctx, "sltd")
	if err != nil || !reflect.DeepEqual(got, []string{"v2"}) {
		t.Fatalf("DocumentVersions: %v, %v; want [v2]", got, err)
	}
	if got, err := h.store.DocumentVersions(h.ctx, "none"); err != nil || len(got) != 0 {
		t.Fatalf("DocumentVersions of a list with none: %v, %v", got, err)
	}
}
