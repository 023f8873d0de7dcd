package redisstore_test

import (
	"testing"

	"github.com/crosscheck/crosscheck/service/storage/redistest"
	"github.com/crosscheck/crosscheck/service/storage/tokenstoretest"
)

// TestTokenContract runs the token contract against a real redis-server;
// reopening is a new client on the same URL and prefix.
func TestTokenContract(t *testing.T) {
	tokenContract(t, redistest.Start(t))
}

func tokenContract(t *testing.T, url string) {
	tokenstoretest.Run(t, func(t *testing.T) tokenstoretest.Opener {
		prefix := newPrefix()
		return func(t *testing.T) tokenstoretest.Store { return open(t, url, prefix) }
	})
}
