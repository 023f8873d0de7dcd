package service

import (
	"context"

	"github.com/crosscheck/crosscheck/matcher"
)

// DocumentsFormat is the format of stolen and lost document lists that are
// kept in the store instead of in memory (see DocumentStore).
const DocumentsFormat = "documents-csv"

// DocumentSet names the records of one list version in a DocumentStore.
type DocumentSet struct {
	ListID, Version string
	// Capacity bounds the records the version will hold. It is the same on
	// every call for a version; a store sizes its layout from it.
	Capacity int
}

// DocumentStore keeps the records of documents lists too big to hold in
// memory (INTERPOL's SLTD holds over 100 million): each replica keeps only
// the list's Bloom filter and confirms its "maybe" answers here, by
// normalised document number. A version's records and filter are written
// before its metadata (ListStore.SaveVersion), so no check sees half of
// them; they are immutable afterwards.
type DocumentStore interface {
	// PutDocuments writes records (entries of one document each) of a
	// version not saved yet. Records with the same normalised number come
	// together, and replace whatever the version holds under that number.
	PutDocuments(ctx context.Context, set DocumentSet, records []matcher.Entry) error
	// LookupDocuments returns the records stored under each normalised
	// number, in one round trip; numbers with none are absent. A version
	// with no records at all (never written, deleted, or lost by a store
	// that restarted empty) is ErrNoVersion, never an empty answer: a
	// check must not take a lost list for "not listed".
	LookupDocuments(ctx context.Context, listID, version string, numbers []string) (map[string][]matcher.Entry, error)
	// SaveDocumentFilter stores the version's marshalled filter.
	SaveDocumentFilter(ctx context.Context, listID, version string, filter []byte) error
	// DocumentFilter returns the version's filter; ErrNoVersion when it has
	// none (a version saved with its entries, or deleted).
	DocumentFilter(ctx context.Context, listID, version string) ([]byte, error)
	// DeleteDocuments removes a version's records and filter; a version
	// with none is no error.
	DeleteDocuments(ctx context.Context, listID, version string) error
	// DocumentVersions returns the versions of a list that have records or
	// a filter, saved or not: an import cut short by a crash leaves some.
	DocumentVersions(ctx context.Context, listID string) ([]string, error)
}

// DocumentNumber is the key a record is stored under: its document's
// normalised number.
func DocumentNumber(record *matcher.Entry) string {
	if len(record.Documents) == 0 {
		return ""
	}
	return matcher.NormalizeDocumentNumber(record.Documents[0].Number)
}

// EachDocumentGroup calls fn with each run of records that share a
// normalised number, in order: what a store writes under one key.
func EachDocumentGroup(records []matcher.Entry, fn func(number string, group []matcher.Entry) error) error {
	for start := 0; start < len(records); {
		n := DocumentNumber(&records[start])
		end := start + 1
		for end < len(records) && DocumentNumber(&records[end]) == n {
			end++
		}
		if err := fn(n, records[start:end]); err != nil {
			return err
		}
		start = end
	}
	return nil
}
