// Package storagetest holds what the storage contract suites (storetest,
// tokenstoretest, auditstoretest) share: running their cases as
// sub-tests, and the store of one sub-test, closed when the sub-test ends
// and reopened on the same data on demand, as a restarted process would.
// Each suite keeps its own cases and harness; only this plumbing is
// common.
package storagetest

import (
	"io"
	"sync"
	"testing"
)

// Case is one contract test, run on a suite's harness H. It is an alias
// of a plain struct so that the suites' case tables stay positional.
type Case[H any] = struct {
	Name string
	Run  func(H)
}

// Run runs each case as a sub-test of t, on a harness made for it.
func Run[H any](t *testing.T, cases []Case[H], harness func(t *testing.T) H) {
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) { c.Run(harness(t)) })
	}
}

// Stores opens the stores of one sub-test, one at a time, on the same
// data.
type Stores[S any] struct {
	t     *testing.T
	open  func(t *testing.T) S
	close func() error // closes the store open now, at most once
}

// Open opens the first store with open. Every store it opens is closed
// when the sub-test ends, unless Reopen closed it before.
func Open[S any](t *testing.T, open func(t *testing.T) S) (*Stores[S], S) {
	t.Helper()
	r := &Stores[S]{t: t, open: open}
	return r, r.next()
}

// Reopen closes the open store, failing the test if that fails, and
// opens the same data again.
func (r *Stores[S]) Reopen() S {
	r.t.Helper()
	if err := r.close(); err != nil {
		r.t.Fatalf("close store: %v", err)
	}
	return r.next()
}

// next opens a store. A store without Close (an in-memory one) has
// nothing to close.
func (r *Stores[S]) next() S {
	r.t.Helper()
	s := r.open(r.t)
	var once sync.Once
	var err error
	closeOnce := func() error {
		once.Do(func() {
			if c, ok := any(s).(io.Closer); ok {
				err = c.Close()
			}
		})
		return err
	}
	r.t.Cleanup(func() { _ = closeOnce() })
	r.close = closeOnce
	return s
}
