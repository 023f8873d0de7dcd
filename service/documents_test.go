package service_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/matcher"
	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/storage/boltstore"
)

const sltdFile = `issuing_country,type,number,status,reported_on
COD,passport,OB 0243318,stolen,2024-03-01
FRA,national_id,OB0243318,lost,2024-03-02
DEU,passport,C01X00T47,lost,
ITA,passport,YA1234567,revoked,2025-01-01
`

// docsStore is the bolt store with a switch that makes its document
// methods fail, as Redis going away would, and a record of the versions
// written.
type docsStore struct {
	*boltstore.Store
	failPut, failLookup bool
	sets                []string
}

var errDown = errors.New("store down")

func (s *docsStore) PutDocuments(ctx context.Context, set service.DocumentSet, r []matcher.Entry) error {
	s.sets = append(s.sets, set.Version)
	if s.failPut {
		return errDown
	}
	return s.Store.PutDocuments(ctx, set, r)
}

func (s *docsStore) LookupDocuments(ctx context.Context, id, v string, n []string) (map[string][]matcher.Entry, error) {
	if s.failLookup {
		return nil, errDown
	}
	return s.Store.LookupDocuments(ctx, id, v, n)
}

// listsOnly hides the document methods: the in-memory path.
type listsOnly struct{ service.ListStore }

func newDocsFixture(t *testing.T, dir string, keep int) (*docsStore, *service.Lists, *service.Checker) {
	t.Helper()
	bs, err := boltstore.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { bs.Close() })
	st := &docsStore{Store: bs}
	c := &service.Catalog{}
	lists := service.NewLists(st, c, matcher.DefaultOptions(), slog.New(slog.NewTextHandler(io.Discard, nil)), service.KeepVersions(keep))
	return st, lists, service.NewChecker(c, nil)
}

func sltd(body string) service.Upload {
	return service.Upload{ListID: "sltd", Format: "documents-csv", Body: strings.NewReader(body)}
}

func checkDoc(t *testing.T, c *service.Checker, num, country string) service.CheckResponse {
	t.Helper()
	resp, err := c.Check(context.Background(), service.Caller{}, service.CheckRequest{Traveller: &service.Traveller{
		Documents: []service.TravellerDocument{{Number: num, IssuingCountry: country}}}})
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

// A documents list kept in the store answers exactly what the same list
// held in memory answers.
func TestStoredDocumentsAgreeWithMemory(t *testing.T) {
	_, stored, storedCheck := newDocsFixture(t, t.TempDir(), 10)
	if _, err := stored.Load(context.Background(), sltd(sltdFile)); err != nil {
		t.Fatal(err)
	}
	bs, err := boltstore.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer bs.Close()
	c := &service.Catalog{}
	mem := service.NewLists(listsOnly{bs}, c, matcher.DefaultOptions(), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if _, err := mem.Load(context.Background(), sltd(sltdFile)); err != nil {
		t.Fatal(err)
	}
	memCheck := service.NewChecker(c, nil)
	for _, tc := range []struct {
		num, country, decision string
	}{
		{"OB0243318", "COD", "hit"}, {"OB0243318", "", "hit"}, {"08O243318", "COD", "review"},
		{"YA1234567", "ITA", "hit"}, {"YA1234567", "FRA", "clear"}, {"ZZ0000001", "", "clear"},
	} {
		got, want := checkDoc(t, storedCheck, tc.num, tc.country), checkDoc(t, memCheck, tc.num, tc.country)
		if got.Decision != tc.decision || !reflect.DeepEqual(got.Hits, want.Hits) {
			t.Errorf("%s %s: stored %s %+v, in memory %s %+v, want %s", tc.num, tc.country, got.Decision, got.Hits, want.Decision, want.Hits, tc.decision)
		}
	}
}

// A failed import leaves the active version serving and no records of the
// failed version behind.
func TestFailedDocumentImports(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		failPut    bool
		code       service.Code
		message    string
	}{
		{"malformed row", sltdFile + "Q1Q,passport,A1,stolen,\n", false, service.CodeInvalid, "issuing_country"},
		{"truncated", sltdFile + "DEU,passport,A1", false, service.CodeInvalid, "truncated"},
		{"empty", "issuing_country,type,number,status,reported_on\n", false, service.CodeInvalid, "no entries"},
		{"duplicate", sltdFile + "FRA,national_id,OB-0243318,stolen,\n", false, service.CodeInvalid, "line 6"},
		{"store error", sltdFile, true, service.CodeUnavailable, "could not save"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, lists, checker := newDocsFixture(t, t.TempDir(), 10)
			good, err := lists.Load(context.Background(), sltd("issuing_country,type,number,status\nDEU,passport,P1,stolen\n"))
			if err != nil {
				t.Fatal(err)
			}
			st.failPut, st.sets = tc.failPut, nil
			_, err = lists.Load(context.Background(), sltd(tc.body))
			if service.ErrorCode(err) != tc.code || !strings.Contains(service.ErrorMessage(err), tc.message) {
				t.Fatalf("got %v, want %s mentioning %q", err, tc.code, tc.message)
			}
			if r := checkDoc(t, checker, "P1", "DEU"); r.Decision != "hit" || r.Lists[0].Version != good.Version {
				t.Errorf("active version no longer serving: %+v", r)
			}
			for _, v := range st.sets {
				if got, err := st.Store.LookupDocuments(context.Background(), "sltd", v, []string{"OB0243318"}); !errors.Is(err, service.ErrNoVersion) {
					t.Errorf("failed version %s left records: %+v, %v", v, got, err)
				}
			}
		})
	}
}

// When the store cannot confirm a "maybe", the check answers review with
// a warning; a number the filter rules out needs no store.
func TestDocumentStoreOutage(t *testing.T) {
	st, lists, checker := newDocsFixture(t, t.TempDir(), 10)
	if _, err := lists.Load(context.Background(), sltd(sltdFile)); err != nil {
		t.Fatal(err)
	}
	st.failLookup = true
	r := checkDoc(t, checker, "OB0243318", "COD")
	if r.Decision != "review" || len(r.DocumentWarnings) != 1 || !strings.Contains(r.DocumentWarnings[0], "verify the document manually") {
		t.Errorf("listed number in an outage: %s %+v %v", r.Decision, r.Hits, r.DocumentWarnings)
	}
	if r := checkDoc(t, checker, "ZZ0000001", ""); r.Decision != "clear" || len(r.DocumentWarnings) != 0 {
		t.Errorf("unlisted number in an outage: %s %v", r.Decision, r.DocumentWarnings)
	}
}

// A restarted replica loads the filter from the store, and retention
// deletes old versions' records.
func TestStoredDocumentsRestartAndRetention(t *testing.T) {
	dir := t.TempDir()
	st, lists, _ := newDocsFixture(t, dir, 1)
	first, err := lists.Load(context.Background(), sltd(sltdFile))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lists.Load(context.Background(), sltd(sltdFile+"GBR,passport,123456789,stolen,\n")); err != nil {
		t.Fatal(err)
	}
	if got, err := st.Store.LookupDocuments(context.Background(), "sltd", first.Version, []string{"OB0243318"}); !errors.Is(err, service.ErrNoVersion) {
		t.Errorf("retention left the first version's records: %+v, %v", got, err)
	}
	st.Store.Close()
	_, again, checker := newDocsFixture(t, dir, 1)
	if err := again.Start(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	if r := checkDoc(t, checker, "123 456 789", "GBR"); r.Decision != "hit" {
		t.Errorf("after restart: %s %+v", r.Decision, r.Hits)
	}
}

// Records of an import that died before saving its version are removed
// by retention once they are an hour old; younger ones may belong to an
// import still running on another replica.
func TestRetentionSweepsUnfinishedImports(t *testing.T) {
	st, lists, _ := newDocsFixture(t, t.TempDir(), 10)
	rec := []matcher.Entry{{ID: "DEU:passport:P1", Subject: matcher.SubjectDocument, Documents: []matcher.Document{{Number: "P1", Country: "DEU", Type: matcher.DocPassport}}}}
	old, fresh := "20200101T000000.000000Z-deadbeef", time.Now().UTC().Format("20060102T150405.000000Z")+"-cafebabe"
	for _, v := range []string{old, fresh} {
		if err := st.Store.PutDocuments(context.Background(), service.DocumentSet{ListID: "sltd", Version: v, Capacity: 1}, rec); err != nil {
			t.Fatal(err)
		}
	}
	loaded, err := lists.Load(context.Background(), sltd(sltdFile))
	if err != nil {
		t.Fatal(err)
	}
	got, err := st.Store.DocumentVersions(context.Background(), "sltd")
	if want := []string{fresh, loaded.Version}; err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("after retention: %v %v, want %v", got, err, want)
	}
}

// Rolling back to a kept documents version loads its filter and confirms
// against its own records.
func TestStoredDocumentsRollback(t *testing.T) {
	_, lists, checker := newDocsFixture(t, t.TempDir(), 10)
	first, err := lists.Load(context.Background(), sltd(sltdFile))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lists.Load(context.Background(), sltd("issuing_country,type,number,status\nGBR,passport,123456789,stolen\n")); err != nil {
		t.Fatal(err)
	}
	if r := checkDoc(t, checker, "C01X00T47", "DEU"); r.Decision != "clear" {
		t.Fatalf("second version still matches the first's record: %+v", r)
	}
	if _, err := lists.Activate(context.Background(), "sltd", first.Version); err != nil {
		t.Fatal(err)
	}
	if r := checkDoc(t, checker, "C01X00T47", "DEU"); r.Decision != "hit" || r.Lists[0].Version != first.Version {
		t.Fatalf("after rollback: %+v", r)
	}
}
