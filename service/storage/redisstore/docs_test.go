package redisstore_test

import (
	"context"
	"errors"
	"testing"

	"github.com/crosscheck/crosscheck/matcher"
	"github.com/crosscheck/crosscheck/service"

	"github.com/crosscheck/crosscheck/service/storage/docstoretest"
	"github.com/crosscheck/crosscheck/service/storage/redistest"
)

// TestDocumentsContract runs the documents suite against a real
// redis-server; reopening is a new client on the same prefix.
func TestDocumentsContract(t *testing.T) {
	documentsContract(t, redistest.Start(t))
}

func documentsContract(t *testing.T, url string) {
	docstoretest.Run(t, func(t *testing.T) docstoretest.Opener {
		prefix := newPrefix()
		return func(t *testing.T) docstoretest.Store { return open(t, url, prefix) }
	})
}

// A Redis that restarted empty has lost the records: a lookup says so
// (ErrNoVersion) instead of answering "not listed" from the cached
// layout, so that the check answers review, not clear.
func TestLookupAfterRedisCameBackEmpty(t *testing.T) {
	srv := redistest.StartServer(t)
	s := open(t, srv.URL(), newPrefix())
	defer s.Close()
	ctx := context.Background()
	rec := matcher.Entry{ID: "DEU:passport:P1", Subject: matcher.SubjectDocument, Documents: []matcher.Document{{Number: "P1", Country: "DEU", Type: matcher.DocPassport}}}
	if err := s.PutDocuments(ctx, service.DocumentSet{ListID: "sltd", Version: "v1", Capacity: 1}, []matcher.Entry{rec}); err != nil {
		t.Fatal(err)
	}
	if got, err := s.LookupDocuments(ctx, "sltd", "v1", []string{"P1"}); err != nil || len(got["P1"]) != 1 {
		t.Fatalf("before the restart: %+v, %v", got, err)
	}
	srv.Restart()
	if got, err := s.LookupDocuments(ctx, "sltd", "v1", []string{"P1"}); !errors.Is(err, service.ErrNoVersion) {
		t.Fatalf("after Redis came back empty: %+v, %v; want ErrNoVersion", got, err)
	}
}
