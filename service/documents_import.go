package service

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"slices"
	"sync/atomic"

	"github.com/crosscheck/crosscheck/loaders"
	"github.com/crosscheck/crosscheck/matcher"
)

const (
	// docBatch records go to the store in one PutDocuments call.
	docBatch = 8192
	// maxDeferred bounds the records held back in memory: the ones whose
	// number the filter may already hold (a number listed by several
	// states, a duplicate, or a false positive) are merged with what the
	// store holds once this many wait.
	maxDeferred = 32768
)

// docImport streams one documents list into the DocumentStore: records go
// out in batches from a writer goroutine while the file is parsed, and
// the Bloom filter is built on the way. A record whose number the filter
// may hold already is held back and merged with the stored records of
// its number later, which is also where a record listed twice (same
// number, type and issuing state) is caught, in bounded memory.
type docImport struct {
	store    DocumentStore
	set      DocumentSet
	filter   *matcher.DocFilter
	batch    []matcher.Entry
	deferred map[string][]heldDoc
	held     int
	count    int
	writes   chan []matcher.Entry
	done     chan error
	stopped  bool
	failed   atomic.Bool // the writer failed: stop parsing
}

// heldDoc is a held-back record and the line it came from.
type heldDoc struct {
	entry matcher.Entry
	line  int
}

// storeFailure marks an error of the store, not of the file, as it comes
// back through the loader.
type storeFailure struct{ err error }

func (s *storeFailure) Error() string { return "document store: " + s.err.Error() }
func (s *storeFailure) Unwrap() error { return s.err }

func newDocImport(ctx context.Context, store DocumentStore, set DocumentSet, fpRate float64) *docImport {
	d := &docImport{
		store: store, set: set, filter: matcher.NewDocFilter(set.Capacity, fpRate),
		deferred: map[string][]heldDoc{}, writes: make(chan []matcher.Entry, 2), done: make(chan error, 1),
	}
	go d.write(ctx)
	return d
}

// write puts the batches in order; after a failure it drains the rest.
func (d *docImport) write(ctx context.Context) {
	var err error
	for b := range d.writes {
		if err == nil {
			err = d.store.PutDocuments(ctx, d.set, b)
			d.failed.Store(err != nil)
		}
	}
	d.done <- err
}

// add takes one parsed record (the loader's emit).
func (d *docImport) add(ctx context.Context, e matcher.Entry, line int) error {
	if d.failed.Load() {
		return &storeFailure{d.stop()}
	}
	n := DocumentNumber(&e)
	d.count++
	if d.filter.TestAndAdd(n) {
		d.deferred[n] = append(d.deferred[n], heldDoc{entry: e, line: line})
		if d.held++; d.held >= maxDeferred {
			return d.resolve(ctx)
		}
		return nil
	}
	d.batch = append(d.batch, e)
	if len(d.batch) >= docBatch {
		d.writes <- d.batch
		d.batch = make([]matcher.Entry, 0, docBatch)
	}
	return nil
}

// sync sends the open batch, waits until every batch is written and
// starts a fresh writer.
func (d *docImport) sync(ctx context.Context) error {
	err := d.stop()
	d.writes, d.stopped = make(chan []matcher.Entry, 2), false
	go d.write(ctx)
	return err
}

// stop sends the open batch and waits for the writer to finish.
func (d *docImport) stop() error {
	if d.stopped {
		return nil
	}
	if len(d.batch) > 0 {
		d.writes <- d.batch
		d.batch = make([]matcher.Entry, 0, docBatch)
	}
	close(d.writes)
	d.stopped = true
	return <-d.done
}

// resolve merges the held-back records with what the store holds under
// their numbers and writes them; a record listed twice is an error on
// its line.
func (d *docImport) resolve(ctx context.Context) error {
	if err := d.sync(ctx); err != nil {
		return &storeFailure{err}
	}
	numbers := make([]string, 0, len(d.deferred))
	for n := range d.deferred {
		numbers = append(numbers, n)
	}
	slices.Sort(numbers)
	stored, err := d.store.LookupDocuments(ctx, d.set.ListID, d.set.Version, numbers)
	if err != nil && !errors.Is(err, ErrNoVersion) { // none written yet: nothing to merge with
		return &storeFailure{err}
	}
	var merged []matcher.Entry
	for _, n := range numbers {
		group, err := mergeHeld(stored[n], d.deferred[n])
		if err != nil {
			return err
		}
		merged = append(merged, group...)
	}
	clear(d.deferred)
	d.held = 0
	if err := d.store.PutDocuments(ctx, d.set, merged); err != nil {
		return &storeFailure{err}
	}
	return nil
}

// mergeHeld appends held-back records to a number's stored ones; the same
// id twice is the same document listed twice.
func mergeHeld(stored []matcher.Entry, held []heldDoc) ([]matcher.Entry, error) {
	for _, h := range held {
		for i := range stored {
			if stored[i].ID == h.entry.ID {
				return nil, &loaders.Error{Format: DocumentsFormat, Line: h.line, Record: h.entry.ID,
					Reason: "the same document (issuing state, type and number) is listed twice", Err: loaders.ErrDuplicateID}
			}
		}
		stored = append(stored, h.entry)
	}
	return stored, nil
}

// finish writes what is left and the filter.
func (d *docImport) finish(ctx context.Context) error {
	if len(d.deferred) > 0 {
		if err := d.resolve(ctx); err != nil {
			return err
		}
	}
	if err := d.stop(); err != nil {
		return &storeFailure{err}
	}
	data, err := d.filter.MarshalBinary()
	if err != nil {
		return err
	}
	if err := d.store.SaveDocumentFilter(ctx, d.set.ListID, d.set.Version, data); err != nil {
		return &storeFailure{err}
	}
	return nil
}

// abort stops the writer and removes whatever was written: a failed
// import leaves no half version behind.
func (d *docImport) abort(ctx context.Context) error {
	_ = d.stop()
	return d.store.DeleteDocuments(context.WithoutCancel(ctx), d.set.ListID, d.set.Version)
}

// measureUpload reads the upload once to hash it and count its lines (an
// upper bound of its rows, which sizes the filter), and returns a reader
// positioned at its start. A body that cannot seek is read into memory.
func measureUpload(body io.Reader) (io.Reader, string, int, error) {
	rs, ok := body.(io.ReadSeeker)
	if !ok {
		data, err := io.ReadAll(body)
		if err != nil {
			return nil, "", 0, Wrap(CodeInvalid, err, "the list file could not be read")
		}
		rs = bytes.NewReader(data)
	}
	start, err := rs.Seek(0, io.SeekCurrent)
	if err != nil {
		return nil, "", 0, Wrap(CodeInternal, err, "the list file could not be read")
	}
	h, lines := sha256.New(), &lineCounter{}
	if _, err := io.Copy(io.MultiWriter(h, lines), rs); err != nil {
		return nil, "", 0, Wrap(CodeInvalid, err, "the list file could not be read")
	}
	if lines.last != 0 && lines.last != '\n' && lines.last != '\r' {
		// A row cut short may still parse (a shorter number), so a list of
		// millions must end where its last row ends.
		return nil, "", 0, parseError(DocumentsFormat, &loaders.Error{Format: DocumentsFormat, Line: lines.n + 1,
			Reason: "the file does not end with a line break", Err: io.ErrUnexpectedEOF})
	}
	if _, err := rs.Seek(start, io.SeekStart); err != nil {
		return nil, "", 0, Wrap(CodeInternal, err, "the list file could not be read twice")
	}
	return rs, hex.EncodeToString(h.Sum(nil)), lines.n + 1, nil
}

// lineCounter counts line breaks and keeps the last byte written.
type lineCounter struct {
	n    int
	last byte
}

func (c *lineCounter) Write(p []byte) (int, error) {
	c.n += bytes.Count(p, []byte{'\n'})
	if len(p) > 0 {
		c.last = p[len(p)-1]
	}
	return len(p), nil
}

// importError turns what stopped an import into a client-facing error.
func importError(err error) error {
	var sf *storeFailure
	if errors.As(err, &sf) {
		return Wrap(CodeUnavailable, err, "the list store could not save the documents; the active version keeps serving")
	}
	return parseError(DocumentsFormat, err)
}
