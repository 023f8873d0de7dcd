package boltstore_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/crosscheck/crosscheck/service/storage/auditstoretest"
	"github.com/crosscheck/crosscheck/service/storage/boltstore"
)

// BenchmarkAuditAppend appends sample check records (two hits with
// explanations) through an audit.Log with the default SyncAlways, waits
// until the store holds them, and reports the file growth per record.
// For stable sizes run it with a fixed count:
//
//	go test -run '^$' -bench AuditAppend -benchtime 20000x ./service/storage/boltstore/
func BenchmarkAuditAppend(b *testing.B) {
	dir := b.TempDir()
	s, err := boltstore.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	l := auditstoretest.OpenLog(b, s, "bench", dir)
	auditstoretest.BenchAppend(b, l, func() int64 { return fileSize(b, dir) })
}

func fileSize(b *testing.B, dir string) int64 {
	fi, err := os.Stat(filepath.Join(dir, "crosscheck.db"))
	if err != nil {
		b.Fatal(err)
	}
	return fi.Size()
}
