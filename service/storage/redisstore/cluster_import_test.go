package redisstore_test

import (
	"context"
	"os"
	"os/exec"
	"testing"

	"github.com/crosscheck/crosscheck/matcher"
	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/storage/auditstoretest"
	"github.com/crosscheck/crosscheck/service/storage/redisstore"
	"github.com/crosscheck/crosscheck/service/storage/redistest"
)

// importFromSingle is the move README describes from one Redis to a
// cluster: the key layout is the same, so `redis-cli --cluster import`
// copies a single Redis's keys into the cluster's slots and a store on
// the cluster then serves the same lists, documents and audit chain.
func importFromSingle(t *testing.T, c *redistest.Cluster) {
	cli := findRedisCLI(t)
	srv := redistest.StartServer(t)
	prefix := newPrefix()
	single := open(t, srv.URL(), prefix)
	defer single.Close()
	ctx := context.Background()
	saveVersion(t, single, "un", "v1")
	if err := single.Activate(ctx, "un", "v1"); err != nil {
		t.Fatal(err)
	}
	docs := make([]matcher.Entry, 1000)
	for i := range docs {
		docs[i] = benchRecord(i)
	}
	if err := single.PutDocuments(ctx, service.DocumentSet{ListID: "sltd", Version: "v1", Capacity: len(docs)}, docs); err != nil {
		t.Fatal(err)
	}
	auditstoretest.AppendN(t, auditstoretest.OpenLog(t, single, "r1", t.TempDir()), 5)

	out, err := exec.Command(cli, "--cluster", "import", c.Addrs()[0], "--cluster-from", srv.Addr(), "--cluster-copy").CombinedOutput()
	if err != nil {
		t.Fatalf("redis-cli --cluster import: %v\n%s", err, out)
	}
	moved := open(t, c.URL(), prefix)
	defer moved.Close()
	checkImported(t, ctx, single, moved)
}

// checkImported compares what a store on the cluster reads with what the
// single Redis holds.
func checkImported(t *testing.T, ctx context.Context, single, moved *redisstore.Store) {
	if act, err := moved.Active(ctx); err != nil || len(act) != 1 || act[0].Version != "v1" {
		t.Errorf("Active after import: %+v, %v; want un v1", act, err)
	}
	n := "C00000042"
	if found, err := moved.LookupDocuments(ctx, "sltd", "v1", []string{n}); err != nil || len(found[n]) != 1 {
		t.Errorf("LookupDocuments(%s) after import: %v, %v; want one record", n, found, err)
	}
	if vs, err := moved.DocumentVersions(ctx, "sltd"); err != nil || len(vs) != 1 {
		t.Errorf("DocumentVersions after import: %v, %v; want [v1]", vs, err)
	}
	wantSeq, wantMac, err := single.AuditHead(ctx, "r1")
	if err != nil {
		t.Fatal(err)
	}
	if seq, mac, err := moved.AuditHead(ctx, "r1"); err != nil || seq != wantSeq || mac != wantMac || seq != 5 {
		t.Errorf("AuditHead after import: %d %q, %v; want %d %q", seq, mac, err, wantSeq, wantMac)
	}
}

// findRedisCLI skips without redis-cli (it ships with redis-server),
// unless the Redis tests are required.
func findRedisCLI(t *testing.T) string {
	cli, err := exec.LookPath("redis-cli")
	if err == nil {
		return cli
	}
	if os.Getenv(redistest.RequireEnv) == "1" {
		t.Fatalf("redis-cli not found with %s=1: %v", redistest.RequireEnv, err)
	}
	t.Skipf("no redis-cli on PATH: the import into a cluster is not tried")
	return ""
}
