package service

import (
	"context"
	"errors"
	"io"
	"slices"
	"time"

	"github.com/crosscheck/crosscheck/loaders"
	"github.com/crosscheck/crosscheck/matcher"
)

// docsFPMargin aims the filter of a stored documents list below the
// configured false-positive rate: a filter sized exactly for 0.5% measures
// 0.51% (k is rounded up, the hashes are not ideal), and every false
// positive costs a store round trip. At 0.4% it takes 1.44 bytes per
// document instead of 1.38.
const docsFPMargin = 0.8

// storesDocuments reports whether an upload's records go to the document
// store instead of into an in-memory index.
func (l *Lists) storesDocuments(u Upload) bool {
	return l.docs != nil && u.Format == DocumentsFormat
}

// loadDocuments imports a documents-csv upload into the document store
// and activates it like any version: records and filter first, then the
// version's metadata (with no entries) and its activation, so replicas
// follow it through the usual notification. On any failure the records
// written so far are deleted and the active version keeps serving.
func (l *Lists) loadDocuments(ctx context.Context, u Upload, base ListVersion) (Loaded, error) {
	if u.Kind == "persons" {
		return Loaded{}, Errorf(CodeInvalid, "kind: %s lists are documents lists, not persons", DocumentsFormat)
	}
	u.Kind = "documents"
	body, sum, lines, err := measureUpload(u.Body)
	if err != nil {
		return Loaded{}, err
	}
	v := l.newVersion(u, sum, 0)
	imp := newDocImport(ctx, l.docs, DocumentSet{ListID: v.ListID, Version: v.Version, Capacity: lines}, l.opts.BloomFPRate*docsFPMargin)
	saved, err := l.importDocuments(ctx, &v, base.Version, imp, body)
	// A saved version keeps its records (an administrator may activate it
	// later), and so does one whose id another replica saved first.
	if err != nil && !saved && ErrorCode(err) != CodeConflict {
		if cerr := imp.abort(ctx); cerr != nil {
			l.log.Warn("documents import failed and its records could not be removed", "list_id", v.ListID, "version", v.Version, "err", cerr)
		}
	}
	if err != nil {
		return Loaded{}, err
	}
	return Loaded{ListVersion: v, Warnings: warnings(base, v, nil)}, nil
}

// importDocuments streams the file through imp, then publishes the
// version with its record count.
func (l *Lists) importDocuments(ctx context.Context, v *ListVersion, expected string, imp *docImport, body io.Reader) (saved bool, err error) {
	err = loaders.ReadDocuments(body, func(e matcher.Entry, line int) error { return imp.add(ctx, e, line) })
	if err == nil {
		err = imp.finish(ctx)
	}
	if err != nil {
		return false, importError(err)
	}
	v.Entries = imp.count
	return l.publishDocuments(ctx, *v, expected, imp.filter)
}

// publishDocuments saves, activates and swaps in a stored documents
// version, and applies retention.
func (l *Lists) publishDocuments(ctx context.Context, v ListVersion, expected string, f *matcher.DocFilter) (saved bool, err error) {
	list, err := matcher.NewDocumentList(f, l.optionsFor(v))
	if err != nil {
		return false, Wrap(CodeInternal, err, "the document filter could not be used")
	}
	return l.activateNew(ctx, v, nil, expected, &loadedList{version: v, docs: &documentList{list: list, store: l.docs}})
}

// buildDocuments loads a stored documents version's filter: a replica
// keeps only the filter and confirms through the store. It answers
// ErrNoVersion for a version saved with its entries.
func (l *Lists) buildDocuments(ctx context.Context, v ListVersion) (*loadedList, error) {
	if l.docs == nil || v.Format != DocumentsFormat {
		return nil, ErrNoVersion
	}
	data, err := l.docs.DocumentFilter(ctx, v.ListID, v.Version)
	if err != nil {
		return nil, err
	}
	var f matcher.DocFilter
	if err := f.UnmarshalBinary(data); err != nil {
		return nil, err
	}
	list, err := matcher.NewDocumentList(&f, l.optionsFor(v))
	if err != nil {
		return nil, err
	}
	return &loadedList{version: v, docs: &documentList{list: list, store: l.docs}}, nil
}

// deleteDocuments removes a deleted version's records, if it had any.
func (l *Lists) deleteDocuments(ctx context.Context, v ListVersion) error {
	if l.docs == nil || v.Format != DocumentsFormat {
		return nil
	}
	return l.docs.DeleteDocuments(ctx, v.ListID, v.Version)
}

// orphanAge is how old the records of a version that was never saved
// must be before retention removes them: an import on another replica
// writes records for a minute or more before it saves its version.
const orphanAge = time.Hour

// sweepDocuments removes the records of imports that died before saving
// their version (a crash; a failed import cleans up after itself).
func (l *Lists) sweepDocuments(ctx context.Context, listID string, saved []ListVersion) {
	if l.docs == nil {
		return
	}
	versions, err := l.docs.DocumentVersions(ctx, listID)
	if err != nil {
		l.log.Warn("retention: cannot list document versions", "list_id", listID, "err", err)
		return
	}
	for _, v := range versions {
		if slices.ContainsFunc(saved, func(s ListVersion) bool { return s.Version == v }) || !l.abandoned(v) {
			continue
		}
		if err := l.docs.DeleteDocuments(ctx, listID, v); err != nil {
			l.log.Warn("retention: cannot delete an unfinished import's documents", "list_id", listID, "version", v, "err", err)
			return
		}
		l.log.Info("retention: deleted the documents of an import that never finished", "list_id", listID, "version", v)
	}
}

// abandoned reports whether an unsaved version is older than orphanAge:
// version ids start with the time their import began.
func (l *Lists) abandoned(version string) bool {
	const layout = "20060102T150405.000000Z"
	t, err := time.Parse(layout, version[:min(len(version), len(layout))])
	return err == nil && l.now().Sub(t) > orphanAge
}

// confirmTimeout bounds the store round trip of one check: a store that
// does not answer in time is treated as unreachable.
const confirmTimeout = 300 * time.Millisecond

// documentList is an active documents list whose records live in the
// store: the filter answers here, the store confirms.
type documentList struct {
	list  *matcher.DocumentList
	store DocumentStore
}

// check asks the store about the numbers the filter may hold. When the
// store cannot answer, the check must not say clear: it gets a review
// hit per unconfirmed document and a warning for the officer.
func (d *documentList) check(ctx context.Context, v ListVersion, q matcher.Query) ([]matcher.Hit, string) {
	numbers := d.list.Lookups(q)
	if len(numbers) == 0 {
		return nil, ""
	}
	ctx, cancel := context.WithTimeout(ctx, confirmTimeout)
	defer cancel()
	found, err := d.store.LookupDocuments(ctx, v.ListID, v.Version, numbers)
	if err != nil {
		return d.list.Unconfirmed(q), "list " + v.ListID + ": the document list could not be confirmed (its store did not answer); an officer must verify the document manually"
	}
	return d.list.Check(q, found), ""
}

// errNotDocuments is ErrNoVersion seen by build: fall back to entries.
func isNotStoredDocuments(err error) bool { return errors.Is(err, ErrNoVersion) }
