package redisstore_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/crosscheck/crosscheck/service/storage/auditstoretest"
	"github.com/crosscheck/crosscheck/service/storage/redisstore"
	"github.com/crosscheck/crosscheck/service/storage/redistest"
)

// BenchmarkAuditAppend appends sample check records through an audit.Log
// (SyncAlways spool) until Redis holds them and reports Redis memory per
// record (used_memory growth). Run with a fixed count:
//
//	go test -run '^$' -bench AuditAppend -benchtime 20000x ./service/storage/redisstore/
func BenchmarkAuditAppend(b *testing.B) {
	srv := redistest.StartServer(b)
	s, err := redisstore.Open(b.Context(), srv.URL(), redisstore.WithPrefix(newPrefix()))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	raw := redis.NewClient(&redis.Options{Addr: srv.Addr()})
	defer raw.Close()
	l := auditstoretest.OpenLog(b, s, "bench", b.TempDir())
	auditstoretest.BenchAppend(b, l, func() int64 { return usedMemory(b, raw) })
}

func usedMemory(b *testing.B, rdb *redis.Client) int64 {
	info, err := rdb.InfoMap(context.Background(), "memory").Result()
	if err != nil {
		b.Fatal(err)
	}
	var used int64
	for _, sec := range info {
		if v, ok := sec["used_memory"]; ok {
			_, _ = fmt.Sscan(v, &used)
		}
	}
	return used
}
