package service

import (
	"context"
	"fmt"

	"github.com/crosscheck/crosscheck/loaders"
	"github.com/crosscheck/crosscheck/matcher"
)

// dryRunDocuments validates a documents list without storing anything.
// Its records live in the document store, tens of millions of them, so
// the upload is not diffed record by record against the active version:
// the answer says how many records the file holds and that no diff was
// made, rather than calling every record "added".
func (l *Lists) dryRunDocuments(ctx context.Context, u Upload, base ListVersion) (Diff, error) {
	if u.Kind == "persons" {
		return Diff{}, Errorf(CodeInvalid, "kind: %s lists are documents lists, not persons", DocumentsFormat)
	}
	body, _, _, err := measureUpload(u.Body)
	if err != nil {
		return Diff{}, err
	}
	n := 0
	err = loaders.ReadDocuments(body, func(matcher.Entry, int) error {
		n++
		return ctx.Err()
	})
	if err != nil {
		return Diff{}, parseError(DocumentsFormat, err)
	}
	if n == 0 {
		return Diff{}, Errorf(CodeInvalid, "%s: the file holds no documents", DocumentsFormat)
	}
	return Diff{
		ListID: u.ListID, Base: base.Version, Entries: n,
		Added: []string{}, Changed: []string{}, Removed: []string{},
		Warnings: []string{fmt.Sprintf("documents list: the file is valid (%d records) but is not compared with the active version record by record; duplicates are found by the import itself", n)},
	}, nil
}

// refuseDocumentsDelta answers a delta sent to a documents list kept in the
// document store: deltas are applied to an in-memory entry set, which such
// a list does not have.
func (l *Lists) refuseDocumentsDelta(base ListVersion) error {
	if l.docs == nil || base.Format != DocumentsFormat {
		return nil
	}
	return Errorf(CodeInvalid, "list %s is a %s list kept in the document store; deltas apply to persons lists: upload the whole documents file instead", base.ListID, DocumentsFormat)
}
