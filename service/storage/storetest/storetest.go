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
	"testing"

	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/storage/storagetest"
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
	storagetest.Run(t, cases, func(t *testing.T) *harness {
		h := &harness{t: t, ctx: context.Background()}
		h.stores, h.store = storagetest.Open(t, factory(t))
		return h
	})
}

type testCase = storagetest.Case[*harness]

// harness carries one sub-test's store and the helpers the cases share.
type harness struct {
	t      *testing.T
	ctx    context.Context
	stores *storagetest.Stores[service.ListStore]
	store  service.ListStore
}

// reopen closes the current store and opens the same data again.
func (h *harness) reopen() {
	h.t.Helper()
	h.store = h.stores.Reopen()
}
