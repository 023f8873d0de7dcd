// Package storetest is the one contract test suite that every
// service.ListStore adapter passes: the embedded bbolt store and the Redis
// store must be interchangeable behind the port, so they are held to the
// same tests rather than to two suites that drift apart.
//
// An adapter's test calls Run with a Factory:
//
//	func TestContract(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) storetest.Opener {
//			dir := t.TempDir()
//			return func(t *testing.T) service.ListStore { ... open on dir ... }
//		})
//	}
package storetest

import (
	"context"
	"sync"
	"testing"

	"github.com/crosscheck/crosscheck/service"
)

// A Factory makes fresh, empty backing storage for one sub-test (a
// directory, a key prefix) and returns an Opener for it.
type Factory func(t *testing.T) Opener

// An Opener opens a store on the Factory's storage. Calling it again after
// Close must open the same data, as a restarted process would. It fails t
// if the store cannot be opened.
type Opener func(t *testing.T) service.ListStore

// Run runs the contract tests as sub-tests of t.
func Run(t *testing.T, factory Factory) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := &harness{t: t, ctx: context.Background(), opener: factory(t)}
			h.store = h.open()
			tc.run(h)
		})
	}
}

type testCase struct {
	name string
	run  func(h *harness)
}

// harness carries one sub-test's store and the helpers the cases share.
type harness struct {
	t      *testing.T
	ctx    context.Context
	opener Opener
	store  service.ListStore
}

// open opens a store and closes it when the sub-test ends, unless the
// test closed it first.
func (h *harness) open() service.ListStore {
	h.t.Helper()
	s := h.opener(h.t)
	var once sync.Once
	closeOnce := func() error {
		var err error
		once.Do(func() { err = s.Close() })
		return err
	}
	h.t.Cleanup(func() { _ = closeOnce() })
	return &closer{ListStore: s, close: closeOnce}
}

// reopen closes the current store and opens the same data again.
func (h *harness) reopen() {
	h.t.Helper()
	if err := h.store.Close(); err != nil {
		h.t.Fatalf("close store: %v", err)
	}
	h.store = h.open()
}

// closer makes Close idempotent so that a test may close early and the
// cleanup still runs safely.
type closer struct {
	service.ListStore
	close func() error
}

func (c *closer) Close() error { return c.close() }
